// Edges' expectations of the nodes they depend on (`expects:` in deps.yaml), checked against
// the new state of every changed node whose contents or plan were read.

import { allows, type PolicyDocument, trusts } from "./classify/policy.js";
import type { CompactGraph } from "./graph/compact-graph.js";
import type {
  ChangedNode,
  ContractOutcome,
  Evidence,
  GraphNode,
  ResourceChange,
  ResourceFacts,
} from "./model.js";

export interface ContractCheck {
  readonly outcomes: ContractOutcome[];
  /** Edges (CSR positions) whose expectation is broken: they break whatever their breaks_on says. */
  readonly broken: Set<number>;
}

type Verdict = Pick<ContractOutcome, "status" | "reason" | "evidence">;

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

/** One expectation about documents (who is trusted, what is allowed), before and after. */
interface DocumentExpectation {
  /** "trusts arn:…", "allows s3:GetObject" */
  readonly says: string;
  /** "the trust", "the policies" */
  readonly what: string;
  readonly documents: (facts: ResourceFacts) => readonly PolicyDocument[];
  readonly test: (doc: PolicyDocument) => boolean | undefined;
  readonly attribute?: string;
}

function checkDocuments(upstream: ChangedNode, expectation: DocumentExpectation): Verdict {
  const { says, what } = expectation;
  const id = upstream.id;
  if (upstream.classes.includes("deleted")) {
    return {
      status: "broken",
      reason: `${id} is deleted, so it no longer ${says}`,
      evidence: evidenceFor(upstream.resources),
    };
  }
  const holders = upstream.resources.filter(
    (r) =>
      (r.before ? expectation.documents(r.before).length : 0) +
        (r.after ? expectation.documents(r.after).length : 0) >
      0,
  );
  if (holders.length === 0) {
    return upstream.resources.length > 0
      ? { status: "kept", reason: `${what} of ${id} did not change` }
      : {
          status: "unchecked",
          reason: `the new state of ${id} was not read (compare contents with --git, or give --plan)`,
        };
  }
  const side = (s: "before" | "after") =>
    holders.flatMap((r) => (r[s] ? expectation.documents(r[s] as ResourceFacts) : []));
  const now = anyOf(side("after"), expectation.test);
  if (now === true) return { status: "kept", reason: `${id} still ${says}` };
  const evidence = evidenceFor(holders, expectation.attribute);
  if (now === undefined) {
    return {
      status: "unchecked",
      reason: `whether ${id} ${says} depends on values known only at apply`,
      evidence,
    };
  }
  const before = anyOf(side("before"), expectation.test);
  return {
    status: "broken",
    reason: `${id} no longer ${says}${before === true ? "; it did at base" : " (nor did it at base)"}`,
    evidence,
  };
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
    for (let e = graph.offsets[u] as number; e < (graph.offsets[u + 1] as number); e++) {
      const dependent = graph.nodes[graph.targets[e] as number] as GraphNode;
      const expects = dependent.dependsOn.find((d) => d.to === upstream.id && d.expects)?.expects;
      if (!expects) continue;
      const record = (expectation: string, verdict: Verdict) => {
        outcomes.push({
          dependent: dependent.id,
          upstream: upstream.id,
          expectation,
          status: verdict.status,
          reason: verdict.reason,
          ...(verdict.evidence ? { evidence: verdict.evidence } : {}),
        });
        if (verdict.status === "broken") broken.add(e);
      };
      if (expects.exists) {
        record(
          "exists",
          upstream.classes.includes("deleted")
            ? {
                status: "broken",
                reason: `${upstream.id} is deleted; ${dependent.id} expects it to exist`,
                evidence: evidenceFor(upstream.resources),
              }
            : { status: "kept", reason: `${upstream.id} still exists` },
        );
      }
      for (const principal of expects.trusts ?? []) {
        const says = `trusts ${principal}`;
        record(
          says,
          checkDocuments(upstream, {
            says,
            what: "the trust",
            documents: (facts) => (facts.trust ? [facts.trust] : []),
            test: (doc) => trusts(doc, principal),
            attribute: "assume_role_policy",
          }),
        );
      }
      for (const action of expects.allows ?? []) {
        const says = `allows ${action}`;
        record(
          says,
          checkDocuments(upstream, {
            says,
            what: "the policies",
            documents: (facts) => facts.policies,
            test: (doc) => allows(doc, action),
          }),
        );
      }
    }
  }
  return { outcomes, broken };
}
