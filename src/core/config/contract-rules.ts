// Contracts checked once every file is in: an `allows` IAM action must be one AWS has, or a
// wildcard that covers at least one. A misspelt action would otherwise be a contract that is
// always broken (or, worse, always unchecked) for a reason nobody sees.

import {
  CATALOGUE_DATE,
  closestAction,
  closestService,
  coversAnyAction,
  knownAction,
  knownService,
  scanSize,
} from "../classify/iam-actions.js";
import type { Diagnostic, Edge, GraphNode } from "../model.js";
import { editDistance } from "./did-you-mean.js";
import { at } from "./place.js";

/** Action matches allowed for wildcards in one load: a second or two of work at most. */
const MAX_MATCHES = 2_000_000;
/** Suggestions cost a scan of a service's actions; past this many unknown actions, stop suggesting. */
const MAX_SUGGESTIONS = 50;

interface Problem {
  readonly message: string;
  readonly hint: string;
}

export function checkContractRules(
  nodes: Iterable<GraphNode>,
  errors: Diagnostic[],
  warnings: Diagnostic[],
): void {
  // Large graphs repeat a few actions on many edges: judge each written form once.
  const judged = new Map<string, Problem | undefined>();
  let suggestions = 0;
  const suggest = () => suggestions++ < MAX_SUGGESTIONS;
  // A file written to be slow (thousands of distinct `*:x*` patterns, each a scan of every
  // action) is checked up to a bound; what is past it is said, not passed in silence.
  let budget = MAX_MATCHES;
  let unchecked: { at: ReturnType<typeof edgeAt>; count: number } | undefined;
  const afford = (action: string) => {
    const cost = /[*?]/.test(action) ? scanSize(action) : 1;
    if (cost > budget) return false;
    budget -= cost;
    return true;
  };
  for (const node of nodes)
    for (const edge of node.dependsOn)
      for (const expectation of edge.expects ?? []) {
        const action = expectation.value;
        // With a space it is a Kubernetes RBAC permission, judged elsewhere.
        if (expectation.kind !== "allows" || action === undefined || action.includes(" ")) continue;
        if (!judged.has(action)) {
          if (!afford(action)) {
            const where = edgeAt(node, edge, ["expects", ...expectation.keyPath]);
            unchecked = { at: unchecked?.at ?? where, count: (unchecked?.count ?? 0) + 1 };
            continue;
          }
          judged.set(action, problemOf(action, suggest));
        }
        const problem = judged.get(action);
        if (!problem) continue;
        errors.push({
          severity: "error",
          code: "unknown-action",
          ...edgeAt(node, edge, ["expects", ...expectation.keyPath]),
          ...problem,
        });
      }
  if (unchecked)
    warnings.push({
      severity: "warning",
      code: "actions-unchecked",
      ...unchecked.at,
      message: `${unchecked.count} allows pattern(s) from here on not checked against AWS's catalogue of actions: past ${MAX_MATCHES.toLocaleString("en")} action matches`,
      hint: "write actions with their service prefix (s3:Get*, not *:Get*); a wildcard in the prefix is matched against every AWS action",
    });
}

function edgeAt(node: GraphNode, edge: Edge, rest: readonly (string | number)[]) {
  return edge.origin
    ? { file: edge.origin.file, line: edge.origin.line }
    : at(node.declaredAt.file, ["nodes", node.id, "depends_on", edge.index, ...rest]);
}

function oneOff(service: string): string | undefined {
  const near = closestService(service);
  return near && editDistance(service.toLowerCase(), near.toLowerCase(), 1) <= 1 ? near : undefined;
}

const UPGRADE = `AWS's catalogue of actions here is of ${CATALOGUE_DATE}: for an action AWS added since, upgrade blastradius`;

function problemOf(action: string, suggest: () => boolean): Problem | undefined {
  const colon = action.indexOf(":");
  // `*` alone is every action; without a prefix the schema has said what is wrong already.
  if (action === "*" || colon < 0) return undefined;
  const service = action.slice(0, colon);
  const wildService = /[*?]/.test(service);
  const wildAction = /[*?]/.test(action);
  if (!wildService && !knownService(service)) {
    // A near prefix that has the action is the likely slip; a bare prefix only one letter off.
    const fixed = suggest() && !wildAction ? closestAction(action) : undefined;
    const prefix = fixed?.slice(0, fixed.indexOf(":")) ?? oneOff(service);
    return {
      message: `unknown AWS service "${service}" in "${action}"${prefix ? ` — did you mean "${fixed ?? prefix}"?` : ""}`,
      hint: `${prefix ? `change the prefix to "${prefix}"` : "use the service prefix AWS's policy reference gives (s3, ec2, iam …)"}; ${UPGRADE}`,
    };
  }
  if (wildAction) {
    if (coversAnyAction(action)) return undefined;
    return {
      message: `"${action}" matches no AWS action`,
      hint: `fix the pattern so that it covers the actions the dependent needs; ${UPGRADE}`,
    };
  }
  if (knownAction(action)) return undefined;
  const near = suggest() ? closestAction(action) : undefined;
  return {
    message: `unknown AWS action "${action}"${near ? ` — did you mean "${near}"?` : ""}`,
    hint: `${near ? `change it to "${near}"` : `use an action AWS lists for ${service}`}; ${UPGRADE}`,
  };
}
