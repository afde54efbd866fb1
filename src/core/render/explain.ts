// What every renderer says beyond the table: the evidence behind each change class, the
// contracts checked, and what usually helps. Plain strings; each renderer escapes them.

import { compareClasses } from "../classes.js";
import type {
  ChangeClass,
  ContractOutcome,
  Evidence,
  ExpectationKind,
  Impact,
  ImpactPath,
} from "../model.js";

/** What usually helps, for each class that breaks things. */
export const ADVICE: Readonly<Partial<Record<ChangeClass, string>>> = {
  deleted:
    "Something downstream still uses it: move each dependent off it first, or keep it until their owners confirm they have.",
  replaced:
    "It gets a new ARN or id: expect new ARNs downstream. Update every reference in the same rollout, or create the new one before destroying the old (create_before_destroy) and give dependents a window to move.",
  renamed:
    "References by the old name or address break: add a `moved` block in Terraform, or keep the old name as an alias while dependents move.",
  "trust-narrowed":
    "Keep the old principal trusted during a transition, notify the owners listed here, and remove it once they confirm they no longer assume the role that way.",
  "permissions-removed":
    "Check whether the dependents still use the removed actions (CloudTrail, IAM access advisor) before removing them; remove them in a separate change once the owners confirm.",
  unknown:
    "The new value is known only at apply, or the contents were not compared: review this resource in the plan, or give blastradius the plan (--plan) so it can tell.",
};

export const RECOVERY =
  "If it breaks anyway, the owners can choose between two ways back: roll back the upstream change (revert it), or adapt the dependents to the new state.";

/** What keeping a broken contract takes, by what it expects. */
const KEEP: Readonly<Record<ExpectationKind, string>> = {
  trusts: "revert that part of the change, or keep the old principal trusted during a transition",
  allows: "revert that part of the change, or keep the old action allowed during a transition",
  exists: "revert the deletion, or keep the node until the dependent has moved off it",
};

/**
 * The two ways forward for a broken contract: the change keeps what the dependent expects, or
 * the dependent's owner changes the contract. `literal` formats what is typed in deps.yaml.
 */
export function contractWaysBack(
  c: Pick<ContractOutcome, "kind">,
  literal: (s: string) => string = (s) => s,
): { keep: string; change: string } {
  return {
    keep: `keep what it expects (${KEEP[c.kind]})`,
    change: `or its owner changes the contract (update ${literal("expects")} on the edge, or add ${literal("waive: { until: YYYY-MM-DD, reason: … }")} to accept the break for a while)`,
  };
}

/** An outcome's finding without the lifecycle words the analysis put before it. */
export function contractFinding(c: ContractOutcome): string {
  const prefix =
    c.status === "pending"
      ? "pending: would break: "
      : c.status === "waived" && c.waiver
        ? `waived until ${c.waiver.until} (${c.waiver.reason}): `
        : "";
  return prefix && c.reason.startsWith(prefix) ? c.reason.slice(prefix.length) : c.reason;
}

/** Broken first (an expired waiver among them), then unchecked, pending, waived; kept left out. */
const STATUS_ORDER = { broken: 0, unchecked: 1, pending: 2, waived: 3, kept: 4 } as const;
export function contractsToShow(contracts: readonly ContractOutcome[]): ContractOutcome[] {
  return contracts
    .filter((c) => c.status !== "kept")
    .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
}

/**
 * The kept contracts that held an edge of a path (why a dependent is only at risk), looked up
 * by edge: one index for all the paths of an output.
 */
export function keptOnPath(
  contracts: readonly ContractOutcome[],
): (path: ImpactPath) => ContractOutcome[] {
  const byEdge = new Map<string, ContractOutcome[]>();
  for (const c of contracts) {
    if (c.status !== "kept" || !c.decides?.length) continue;
    const key = `${c.upstream}\u0000${c.dependent}`;
    byEdge.set(key, [...(byEdge.get(key) ?? []), c]);
  }
  if (byEdge.size === 0) return () => [];
  return (path) => path.steps.flatMap((s) => byEdge.get(`${s.from}\u0000${s.to}`) ?? []);
}

/** The owner id of a dependent, from the impact (impacted or changed). */
export function ownerOf(impact: Impact): (id: string) => string | undefined {
  const owners = new Map<string, string | undefined>();
  for (const n of impact.changed) owners.set(n.id, n.owner);
  for (const n of impact.impacted) owners.set(n.id, n.owner);
  return (id) => owners.get(id);
}

/** Where a piece of evidence points: `file:line`, else the address. */
export function whereOf(e: Evidence): string | undefined {
  if (e.file && e.line) return `${e.file}:${e.line}`;
  if (e.address && e.file) return `${e.file} ${e.address}`;
  return e.address ?? e.file;
}

/** Classes of the change that break something downstream, most serious first, with their advice. */
export function adviceFor(impact: Impact): { cls: ChangeClass; advice: string }[] {
  const breaking = new Set<ChangeClass>();
  for (const node of impact.impacted) {
    if (node.severity !== "breaking") continue;
    breaking.add((node.breakingPath ?? node.path).changeClass);
  }
  // Pending and waived contracts are shown, not acted on: they add no advice.
  for (const c of impact.contracts)
    if (c.status === "broken")
      for (const node of impact.changed)
        if (node.id === c.upstream) for (const cls of node.classes) breaking.add(cls);
  return [...breaking]
    .sort(compareClasses)
    .flatMap((cls) => (ADVICE[cls] ? [{ cls, advice: ADVICE[cls] as string }] : []));
}

/** The evidence lines of a changed node, with where each comes from, at most `max`. */
export function evidenceLines(
  evidence: readonly Evidence[],
  max = 6,
): { lines: { detail: string; where?: string }[]; more: number } {
  // The same sentence about the same object in several files (a base manifest and the bundles
  // generated from it) is one line, pointing at the first place and counting the other files.
  const unique: { detail: string; where?: string; files: Set<string> }[] = [];
  const byKey = new Map<string, { files: Set<string> }>();
  for (const e of evidence) {
    const where = whereOf(e);
    const key = `${e.address ?? ""}\u0000${e.detail}`;
    const known = byKey.get(key);
    if (known) {
      if (e.file !== undefined) known.files.add(e.file);
      continue;
    }
    const line = {
      detail:
        e.address && !where?.includes(e.address) && !e.detail.includes(e.address)
          ? `${e.address}: ${e.detail}`
          : e.detail,
      ...(where ? { where } : {}),
      files: new Set(e.file === undefined ? [] : [e.file]),
    };
    byKey.set(key, line);
    unique.push(line);
  }
  const lines = unique.map(({ detail, where, files }) => {
    const also = files.size - 1;
    return {
      detail,
      ...(where
        ? { where: also > 0 ? `${where}, and ${also} more file${also > 1 ? "s" : ""}` : where }
        : {}),
    };
  });
  return { lines: lines.slice(0, max), more: Math.max(0, lines.length - max) };
}
