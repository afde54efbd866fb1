// Edges' expectations of the nodes they depend on (`expects:` in deps.yaml), checked against
// the new state of every changed node whose contents or plan were read.

import { allows, type PolicyDocument, trusts } from "./classify/policy.js";
import type { CompactGraph } from "./graph/compact-graph.js";
import type { ChangedNode, ContractOutcome, Evidence, GraphNode, ResourceChange } from "./model.js";

export interface ContractCheck {
  readonly outcomes: ContractOutcome[];
  /** Edges (CSR positions) whose expectation is broken: they break whatever their breaks_on says. */
  readonly broken: Set<number>;
}

const withTrust = (resources: readonly ResourceChange[]) =>
  resources.filter((r) => r.before?.trust !== undefined || r.after?.trust !== undefined);
const withPolicies = (resources: readonly ResourceChange[]) =>
  resources.filter((r) => (r.before?.policies.length ?? 0) + (r.after?.policies.length ?? 0) > 0);

/** true if any document says yes, undefined if none says yes and one cannot tell, else false. */
function anyOf(
  docs: readonly PolicyDocument[],
  test: (doc: PolicyDocument) => boolean | undefined,
): boolean | undefined {
  let unsure = false;
  for (const doc of docs) {
    const answer = test(doc);
    if (answer === true) return true;
    if (answer === undefined) unsure = true;
  }
  return unsure ? undefined : false;
}

function evidenceFor(
  resources: readonly ResourceChange[],
  attribute?: string,
): Evidence | undefined {
  const all = resources.flatMap((r) => r.evidence);
  return all.find((e) => attribute !== undefined && e.attribute === attribute) ?? all[0];
}

export function checkContracts(
  changed: readonly ChangedNode[],
  graph: CompactGraph,
): ContractCheck {
  const outcomes: ContractOutcome[] = [];
  const broken = new Set<number>();
  for (const upstream of changed) {
    const u = graph.indexOf.get(upstream.id);
    if (u === undefined) continue;
    const deleted = upstream.classes.includes("deleted");
    const read = upstream.resources.length > 0;
    for (let e = graph.offsets[u] as number; e < (graph.offsets[u + 1] as number); e++) {
      const dependent = graph.nodes[graph.targets[e] as number] as GraphNode;
      const edge = dependent.dependsOn.find((d) => d.to === upstream.id && d.expects);
      const expects = edge?.expects;
      if (!expects) continue;
      const outcome = (
        expectation: string,
        status: ContractOutcome["status"],
        reason: string,
        evidence?: Evidence,
      ) => {
        outcomes.push({
          dependent: dependent.id,
          upstream: upstream.id,
          expectation,
          status,
          reason,
          ...(evidence ? { evidence } : {}),
        });
        if (status === "broken") broken.add(e);
      };
      const deletion = () => evidenceFor(upstream.resources) ?? undefined;
      if (expects.exists) {
        if (deleted)
          outcome(
            "exists",
            "broken",
            `${upstream.id} is deleted; ${dependent.id} expects it to exist`,
            deletion(),
          );
        else outcome("exists", "kept", `${upstream.id} still exists`);
      }
      for (const principal of expects.trusts ?? []) {
        const expectation = `trusts ${principal}`;
        if (deleted) {
          outcome(
            expectation,
            "broken",
            `${upstream.id} is deleted, so it no longer trusts ${principal}`,
            deletion(),
          );
          continue;
        }
        const roles = withTrust(upstream.resources);
        if (roles.length === 0) {
          outcome(
            expectation,
            read ? "kept" : "unchecked",
            read
              ? `the trust of ${upstream.id} did not change`
              : `the new state of ${upstream.id} was not read (compare contents with --git, or give --plan)`,
          );
          continue;
        }
        const now = anyOf(
          roles.flatMap((r) => (r.after?.trust ? [r.after.trust] : [])),
          (doc) => trusts(doc, principal),
        );
        const before = anyOf(
          roles.flatMap((r) => (r.before?.trust ? [r.before.trust] : [])),
          (doc) => trusts(doc, principal),
        );
        const evidence = evidenceFor(roles, "assume_role_policy");
        if (now === true) outcome(expectation, "kept", `${upstream.id} still trusts ${principal}`);
        else if (now === undefined)
          outcome(
            expectation,
            "unchecked",
            `whether ${upstream.id} trusts ${principal} depends on values known only at apply`,
            evidence,
          );
        else
          outcome(
            expectation,
            "broken",
            `${upstream.id} no longer trusts ${principal}${before === true ? "; it did at base" : " (nor did it at base)"}`,
            evidence,
          );
      }
      for (const action of expects.allows ?? []) {
        const expectation = `allows ${action}`;
        if (deleted) {
          outcome(
            expectation,
            "broken",
            `${upstream.id} is deleted, so it no longer allows ${action}`,
            deletion(),
          );
          continue;
        }
        const holders = withPolicies(upstream.resources);
        if (holders.length === 0) {
          outcome(
            expectation,
            read ? "kept" : "unchecked",
            read
              ? `the policies of ${upstream.id} did not change`
              : `the new state of ${upstream.id} was not read (compare contents with --git, or give --plan)`,
          );
          continue;
        }
        const docs = (side: "before" | "after") => holders.flatMap((r) => r[side]?.policies ?? []);
        const now = anyOf(docs("after"), (doc) => allows(doc, action));
        const before = anyOf(docs("before"), (doc) => allows(doc, action));
        const evidence = evidenceFor(holders);
        if (now === true) outcome(expectation, "kept", `${upstream.id} still allows ${action}`);
        else if (now === undefined)
          outcome(
            expectation,
            "unchecked",
            `whether ${upstream.id} allows ${action} depends on values known only at apply`,
            evidence,
          );
        else
          outcome(
            expectation,
            "broken",
            `${upstream.id} no longer allows ${action}${before === true ? "; it did at base" : " (nor did it at base)"}`,
            evidence,
          );
      }
    }
  }
  return { outcomes, broken };
}
