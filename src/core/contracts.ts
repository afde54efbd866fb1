// Edges' expectations of the nodes they depend on (`expects:` in deps.yaml), checked against
// the new state of every changed node whose contents or plan were read; and what they decide
// for their edge (a kept expectation holds the edge for the classes it speaks about, a broken
// one breaks it on every class).

import { BOUNDARY } from "./classify/evidence.js";
import { allows, type PolicyDocument, trusts } from "./classify/policy.js";
import { rbacAllows } from "./classify/rbac-permission.js";
import {
  allowCertainty,
  allowNarrowed,
  assumeActionOf,
  type Certainty,
  trustCertainty,
  trustNarrowed,
} from "./contract-certainty.js";
import type { CompactGraph } from "./graph/compact-graph.js";
import type { EdgeVerdict } from "./graph/edge-verdicts.js";
import type {
  ChangeClass,
  ChangedNode,
  ContractOutcome,
  Evidence,
  Expectation,
  ExpectationKind,
  GraphNode,
  ResourceChange,
  ResourceFacts,
} from "./model.js";

/** The change classes each kind of expectation speaks about, and so decides. */
export const COVERED: Readonly<Record<ExpectationKind, readonly ChangeClass[]>> = {
  trusts: ["trust-narrowed", "trust-widened"],
  allows: ["permissions-removed", "permissions-added"],
  exists: ["deleted"],
};

export interface ContractCheck {
  readonly outcomes: ContractOutcome[];
  /** What the outcomes decided, by edge (CSR position): see EdgeVerdict. */
  readonly verdicts: ReadonlyMap<number, EdgeVerdict>;
}

export interface ContractOptions {
  /** Today (YYYY-MM-DD), for waivers: without it no waiver is honoured (fail closed). */
  readonly today?: string;
}

/** An expectation's verdict before its lifecycle is applied. */
export type Verdict = Pick<ContractOutcome, "status" | "reason" | "evidence">;

/**
 * What an upstream looks like to its contracts. `change`: a changed node, its resources before
 * and after. `state`: the node as it is (at a commit, in a plan), its resources' `after` only.
 */
export interface Upstream {
  readonly id: string;
  readonly mode: "change" | "state";
  /** Deleted by the change; in state mode, none of its resources was found. */
  readonly deleted: boolean;
  readonly resources: readonly ResourceChange[];
  /** Why its state could not be read, in state mode (no match rules that reach contents …). */
  readonly unread?: string;
}

export const says = (e: Expectation): string =>
  e.kind === "exists" ? "exists" : `${e.kind} ${e.value ?? ""}`;

/** true if any document says yes, undefined if none says yes and one cannot tell, else false. */
function anyOf<T>(docs: readonly T[], test: (doc: T) => boolean | undefined): boolean | undefined {
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

/** One expectation about what a resource's state holds (who is trusted, what is allowed). */
interface StateTest<T> {
  /** "the trust", "the policies" */
  readonly what: string;
  readonly holdings: (facts: ResourceFacts) => readonly T[];
  readonly test: (holding: T) => boolean | undefined;
  readonly attribute?: string;
  /** Why a resource's holdings cannot be known from what was read (an aggregated ClusterRole). */
  readonly unknown?: (facts: ResourceFacts) => string | undefined;
  /** The change classes this test speaks about (COVERED). */
  readonly covers: readonly ChangeClass[];
  /** Why a resource's holdings are only part of what the node holds: then "no" is not known. */
  readonly partial?: (facts: ResourceFacts) => string | undefined;
  /** Whether the holdings give less than before (contract-certainty.ts); undefined: cannot tell. */
  readonly narrowed?: (before: readonly T[], after: readonly T[]) => boolean | undefined;
  /** Compared resource by resource (each role's trust is its own), else all together. */
  readonly perHolder?: boolean;
  /** A state's answer beyond yes: whatever the conditions, or only under some. */
  readonly certainty?: (after: readonly T[]) => Certainty | undefined;
  /** What else limits or grants it, unread (ResourceFacts.opaque). */
  readonly opaque?: (facts: ResourceFacts) => readonly string[];
}

function testState<T>(upstream: Upstream, said: string, t: StateTest<T>): Verdict {
  const id = upstream.id;
  // "trusts X" as "does not" takes it: "trust X".
  const plain = said.replace(/^(\w+)s /, "$1 ");
  if (upstream.deleted) {
    return {
      status: "broken",
      reason:
        upstream.mode === "change"
          ? `${id} is deleted, so it no longer ${said}`
          : `${id} was not found, so it does not ${plain}`,
      evidence: evidenceFor(upstream.resources),
    };
  }
  // A standalone Terraform managed policy beside the identity grants it nothing by being
  // there: attached in the folder, it is already in the identity's own facts.
  const identity = upstream.resources.some((r) => (r.after ?? r.before)?.trust !== undefined);
  const holders = upstream.resources.filter(
    (r) =>
      !(identity && r.system === "terraform" && r.type === "aws_iam_policy") &&
      (r.before ? t.holdings(r.before).length : 0) + (r.after ? t.holdings(r.after).length : 0) > 0,
  );
  // What is not known now leaves the answer open unless something known says yes: a resource
  // whose holdings cannot be read (an aggregated ClusterRole), or one whose change could not be
  // judged at all (nothing read of it: its contents may be anything).
  const unknownOf = (r: ResourceChange): string | undefined =>
    r.after && t.unknown
      ? t.unknown(r.after)
      : !r.before && !r.after && r.classes.includes("unknown")
        ? `what this change does to ${r.address} is not known (${r.evidence[0]?.detail ?? "it was not read"})`
        : undefined;
  const unknown = upstream.resources.find((r) => unknownOf(r) !== undefined);
  const unknownVerdict = (): Verdict => {
    const evidence = evidenceFor(unknown ? [unknown] : []);
    return {
      status: "unchecked",
      reason: `whether ${id} ${said} cannot be told: ${unknown ? unknownOf(unknown) : ""}`,
      ...(evidence ? { evidence } : {}),
    };
  };
  if (holders.length === 0) {
    if (unknown) return unknownVerdict();
    // "Did not change" only when no resource's change is of a class this test speaks about: a
    // policy resource judged `permissions-removed` whose documents were not kept as facts has
    // changed what the node allows, whatever the facts say.
    const changedHere = upstream.resources.find((r) => r.classes.some((c) => t.covers.includes(c)));
    const changedAt = changedHere && evidenceFor([changedHere]);
    if (upstream.mode === "change" && changedHere)
      return {
        status: "unchecked",
        reason: `whether ${id} ${said} cannot be told: ${changedHere.address} changes it (${changedHere.classes.join(", ")}), and its ${t.what.replace(/^the /, "")} after the change were not read`,
        ...(changedAt ? { evidence: changedAt } : {}),
      };
    if (upstream.mode === "change" && upstream.resources.length > 0)
      return { status: "kept", reason: `${t.what} of ${id} did not change` };
    return {
      status: "unchecked",
      reason:
        upstream.unread ??
        (upstream.mode === "change"
          ? `the new state of ${id} was not read (compare contents with --git, or give --plan)`
          : `nothing read of ${id} holds ${t.what}`),
    };
  }
  const side = (s: "before" | "after") =>
    holders.flatMap((r) => (r[s] ? t.holdings(r[s] as ResourceFacts) : []));
  const now = anyOf(side("after"), t.test);
  const evidence = evidenceFor(holders, t.attribute);
  // Unread limits and grants (a boundary, a managed policy known by its ARN): one that comes in
  // may take away what the documents allow; any may allow what they do not.
  const unread = (f: ResourceFacts | undefined) => (f && t.opaque ? t.opaque(f) : []);
  const cameIn = upstream.resources.flatMap((r) => {
    const was = new Set(unread(r.before));
    return unread(r.after).filter((o) => upstream.mode === "state" || !was.has(o));
  });
  const anyUnread = upstream.resources.flatMap((r) => unread(r.after));
  if (now === true && cameIn.some((o) => upstream.mode === "change" || o.startsWith(BOUNDARY)))
    return {
      status: "unchecked",
      reason: `${id} ${said} in the documents read, but ${cameIn[0]} ${upstream.mode === "change" ? "comes in" : "applies"} too, and its document is not evaluated: whether it still holds cannot be told`,
      ...(evidence ? { evidence } : {}),
    };
  if (now === false && anyUnread.length > 0)
    return {
      status: "unchecked",
      reason: `whether ${id} ${said} cannot be told: ${anyUnread[0]} is not read, and may allow it`,
      ...(evidence ? { evidence } : {}),
    };
  if (now === true) {
    if (upstream.mode === "change") {
      // A resource of the node changed in a way this expectation speaks about, outside the
      // documents read (an OIDC provider's audiences, a boundary): its answer is not in them.
      const outside = upstream.resources.find(
        (r) => !holders.includes(r) && r.classes.some((c) => t.covers.includes(c)),
      );
      const outsideAt = outside && evidenceFor([outside]);
      if (outside)
        return {
          status: "unchecked",
          reason: `${id} still ${said} in what was read, but ${outside.address} changes it too (${outside.classes.join(", ")}), outside the documents read: whether it still holds cannot be told`,
          ...(outsideAt ? { evidence: outsideAt } : {}),
        };
      // Still allowed under some conditions is not enough to hold the edge: it must be no
      // less than before (no condition, Deny or narrower grant added for it).
      const narrowed = t.narrowed;
      if (narrowed) {
        const hold = (f: ResourceFacts | undefined) => (f ? t.holdings(f) : []);
        const less = (
          t.perHolder
            ? holders.map((r) => narrowed(hold(r.before), hold(r.after)))
            : [narrowed(side("before"), side("after"))]
        ).find((x) => x !== false);
        if (less !== undefined)
          return {
            status: "unchecked",
            reason: `${id} still ${said} under some conditions, but ${less ? "less than before (a condition, a Deny, or a narrower grant or principal came in)" : "whether less than before cannot be told"}: whether it still holds for its dependent cannot be told`,
            evidence,
          };
      }
      return { status: "kept", reason: `${id} still ${said}` };
    }
    // A state has nothing to compare with: kept only when allowed whatever the conditions
    // (a condition on the caller, MFA, a source VPC, a Deny that may apply: the dependent may
    // not meet it, and a contract does not say what the dependent's requests carry).
    const certainty = t.certainty ? t.certainty(side("after")) : "certain";
    if (certainty !== "certain")
      return {
        status: "unchecked",
        reason:
          certainty === "conditional"
            ? `${id} ${said} only under conditions: whether its dependent meets them cannot be told`
            : certainty === "denied"
              ? `${id} ${plain} only where a Deny with conditions does not apply: whether it does cannot be told`
              : `whether ${id} ${said} whatever the conditions cannot be told (too many conditions to weigh)`,
        ...(evidence ? { evidence } : {}),
      };
    return {
      status: "kept",
      reason: `${id} still ${said}`,
      ...(evidence ? { evidence } : {}),
    };
  }
  if (now === undefined) {
    return {
      status: "unchecked",
      reason: `whether ${id} ${said} depends on values known only at apply`,
      evidence,
    };
  }
  if (unknown) return unknownVerdict();
  // Part of what the node holds was read (a policy attached to a role defined elsewhere): it
  // does not say yes, but what was not read may.
  const partial = t.partial
    ? holders.map((r) => (r.after ? t.partial?.(r.after) : undefined)).find((w) => w)
    : undefined;
  if (partial)
    return {
      status: "unchecked",
      reason: `whether ${id} ${said} cannot be told: ${partial}`,
      evidence,
    };
  if (upstream.mode === "state")
    return {
      status: "broken",
      reason: `${id} does not ${plain}`,
      evidence,
    };
  const before = anyOf(side("before"), t.test);
  return {
    status: "broken",
    reason: `${id} no longer ${said}${before === true ? "; it did at base" : " (nor did it at base)"}`,
    evidence,
  };
}

/** One expectation against an upstream, before its lifecycle. */
/**
 * Verdicts already reached, by the upstream's resources (the same list for every dependent of
 * one node): ten dependents that expect the same action of one large policy judge it once.
 */
const judged = new WeakMap<readonly ResourceChange[], Map<string, Verdict>>();

export function judgeExpectation(expectation: Expectation, upstream: Upstream): Verdict {
  let known = judged.get(upstream.resources);
  if (!known) {
    known = new Map();
    judged.set(upstream.resources, known);
  }
  const key = [
    upstream.id,
    upstream.mode,
    upstream.deleted,
    upstream.unread ?? "",
    expectation.kind,
    expectation.value ?? "",
  ].join("\u0000");
  const hit = known.get(key);
  if (hit) return hit;
  const verdict = judgeAfresh(expectation, upstream);
  known.set(key, verdict);
  return verdict;
}

function judgeAfresh(expectation: Expectation, upstream: Upstream): Verdict {
  const said = says(expectation);
  const value = expectation.value ?? "";
  switch (expectation.kind) {
    case "exists":
      if (upstream.deleted)
        return {
          status: "broken",
          reason:
            upstream.mode === "change"
              ? `${upstream.id} is deleted; its dependent expects it to exist`
              : `${upstream.id} was not found`,
          evidence: evidenceFor(upstream.resources),
        };
      if (upstream.mode === "state" && upstream.resources.length === 0)
        return {
          status: "unchecked",
          reason: upstream.unread ?? `nothing of ${upstream.id} was read`,
        };
      return {
        status: "kept",
        reason: `${upstream.id} still exists`,
        ...(upstream.mode === "state" && evidenceFor(upstream.resources)
          ? { evidence: evidenceFor(upstream.resources) }
          : {}),
      };
    case "trusts":
      return testState<PolicyDocument>(upstream, said, {
        what: "the trust",
        holdings: (facts) => (facts.trust ? [facts.trust] : []),
        test: (doc) => trusts(doc, value, [assumeActionOf(value)]),
        attribute: "assume_role_policy",
        covers: COVERED.trusts,
        narrowed: (before, after) => trustNarrowed(before, after, value),
        perHolder: true,
        certainty: (after) => trustCertainty(after, value),
      });
    case "allows":
      // An RBAC permission is a verb, a space and a resource; an IAM action has no space.
      if (value.includes(" "))
        return testState<readonly string[]>(upstream, said, {
          what: "the RBAC rules",
          holdings: (facts) => (facts.grants ? [facts.grants] : []),
          test: (grants) => rbacAllows(grants, value),
          unknown: (facts) => facts.grantsUnknown,
          covers: COVERED.allows,
        });
      return testState<PolicyDocument>(upstream, said, {
        what: "the policies",
        holdings: (facts) => facts.policies,
        test: (doc) => allows(doc, value),
        covers: COVERED.allows,
        narrowed: (before, after) => allowNarrowed(before, after, value),
        certainty: (after) => allowCertainty(after, value),
        opaque: (facts) => facts.opaque ?? [],
        partial: (facts) => facts.partial,
      });
  }
}

/**
 * The lifecycle on a verdict: a pending expectation that would break is `pending`; a broken
 * one waived until today or later is `waived`; a waiver past its date (or no date to compare
 * with) leaves it broken, saying so.
 */
export function withLifecycle(
  verdict: Verdict,
  expectation: Expectation,
  options: ContractOptions,
): Pick<ContractOutcome, "status" | "reason" | "evidence" | "pending" | "waiver"> {
  const pending = expectation.pending ? { pending: true } : {};
  if (verdict.status !== "broken") return { ...verdict, ...pending };
  if (expectation.pending)
    return {
      ...verdict,
      status: "pending",
      reason: `pending: would break: ${verdict.reason}`,
      pending: true,
    };
  const waive = expectation.waive;
  if (!waive) return verdict;
  if (options.today !== undefined && options.today <= waive.until)
    return {
      ...verdict,
      status: "waived",
      reason: `waived until ${waive.until} (${waive.reason}): ${verdict.reason}`,
      waiver: waive,
    };
  if (options.today === undefined)
    return {
      ...verdict,
      reason: `${verdict.reason}; its waiver (until ${waive.until}) is not honoured without today's date`,
    };
  return {
    ...verdict,
    reason: `${verdict.reason}; its waiver ended on ${waive.until}`,
    waiver: { ...waive, expired: true },
  };
}

/**
 * What each edge's dependent expects of its dependency (its first `depends_on` entry on it that
 * declares `expects`), by edge, made once per graph: most edges have none, and a docs site
 * checks every node's edges, each of which searched its dependent's list of dependencies.
 */
function expectsByEdge(graph: CompactGraph): readonly (readonly Expectation[] | undefined)[] {
  let found = expectsOf.get(graph);
  if (!found) {
    const all: (readonly Expectation[] | undefined)[] = new Array(graph.targets.length);
    for (let e = 0; e < all.length; e++) {
      const dependent = graph.nodes[graph.targets[e] as number] as GraphNode;
      const upstream = graph.ids[graph.sources[e] as number];
      all[e] = dependent.dependsOn.find((d) => d.to === upstream && d.expects)?.expects;
    }
    found = all;
    expectsOf.set(graph, found);
  }
  return found;
}
const expectsOf = new WeakMap<CompactGraph, readonly (readonly Expectation[] | undefined)[]>();

/**
 * What one edge's outcomes decide for the upstream's classes. A broken one breaks the edge on
 * every class; otherwise, each class a kept expectation covers holds, unless another
 * expectation covering it is unchecked (then breaks_on decides, as without a contract).
 * Pending and waived outcomes decide nothing.
 */
export function decide(
  outcomes: readonly ContractOutcome[],
  classes: readonly ChangeClass[],
): { verdict: EdgeVerdict | undefined; decides: Map<ContractOutcome, ChangeClass[]> } {
  const decides = new Map<ContractOutcome, ChangeClass[]>();
  const broken = outcomes.filter((o) => o.status === "broken");
  if (broken.length > 0) {
    for (const o of broken) decides.set(o, [...classes]);
    return { verdict: { breaksAlways: true, holds: [] }, decides };
  }
  const holds: ChangeClass[] = [];
  for (const c of classes) {
    const about = outcomes.filter((o) => COVERED[o.kind].includes(c));
    const deciding = about.filter((o) => o.status === "kept" || o.status === "unchecked");
    if (deciding.length === 0 || deciding.some((o) => o.status === "unchecked")) continue;
    holds.push(c);
    for (const o of deciding) decides.set(o, [...(decides.get(o) ?? []), c]);
  }
  return { verdict: holds.length > 0 ? { breaksAlways: false, holds } : undefined, decides };
}

export function checkContracts(
  changed: readonly ChangedNode[],
  graph: CompactGraph,
  options: ContractOptions = {},
): ContractCheck {
  const outcomes: ContractOutcome[] = [];
  const verdicts = new Map<number, EdgeVerdict>();
  for (const node of changed) {
    const u = graph.indexOf.get(node.id);
    if (u === undefined) continue;
    const upstream: Upstream = {
      id: node.id,
      mode: "change",
      deleted: node.classes.includes("deleted"),
      resources: node.resources,
    };
    const expected = expectsByEdge(graph);
    for (let e = graph.offsets[u] as number; e < (graph.offsets[u + 1] as number); e++) {
      const expects = expected[e];
      if (!expects) continue;
      const dependent = graph.nodes[graph.targets[e] as number] as GraphNode;
      const edgeOutcomes: ContractOutcome[] = expects.map((expectation) => {
        const verdict = withLifecycle(
          judgeExpectation(expectation, upstream),
          expectation,
          options,
        );
        return {
          dependent: dependent.id,
          upstream: node.id,
          expectation: says(expectation),
          kind: expectation.kind,
          ...verdict,
        };
      });
      const { verdict, decides } = decide(edgeOutcomes, node.classes);
      if (verdict) verdicts.set(e, verdict);
      for (const o of edgeOutcomes) {
        const classes = decides.get(o);
        outcomes.push(classes?.length ? { ...o, decides: classes } : o);
      }
    }
  }
  return { outcomes, verdicts };
}
