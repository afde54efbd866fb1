// What every renderer says beyond the table: the evidence behind each change class, the
// contracts checked, and what usually helps. Plain strings; each renderer escapes them.

import { compareClasses } from "../classes.js";
import type { ChangeClass, Evidence, Impact } from "../model.js";

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
