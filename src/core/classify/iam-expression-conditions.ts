// Conditions on principals written as expressions (`arn:aws:iam::${var.tools}:root`, a
// template parameter): the grid compares literal principals only, so a condition added to or
// removed from a statement that trusts an expression is compared here, statement by statement.

import type { PolicyDocument } from "./iam-document.js";
import { trustTerms } from "./iam-unknown-values.js";

/** Each (expression principal, sts action) a document allows, with the condition sets it is allowed under. */
function expressionGrants(doc: PolicyDocument): Map<string, { id: string; sets: Set<string> }> {
  const out = new Map<string, { id: string; sets: Set<string> }>();
  for (const s of doc.statements) {
    if (s.effect !== "Allow") continue;
    const { conditions, actions } = trustTerms(s);
    for (const action of actions)
      for (const p of s.principals)
        for (const id of p.ids.expressions) {
          const key = `${p.type} ${id} (${action})`;
          const entry = out.get(key) ?? { id, sets: new Set<string>() };
          entry.sets.add(conditions);
          out.set(key, entry);
        }
  }
  return out;
}

/**
 * What changed in the conditions under which a principal written as an expression is trusted,
 * where the same expression is trusted before and after (one that came or went is said by
 * expressionChanges). Unconditioned to conditioned narrows; the reverse widens; one set of
 * conditions for another does both.
 */
export function expressionConditionChanges(
  before: PolicyDocument,
  after: PolicyDocument,
  /** Whether what happened to this expression is said already. */
  said: (expression: string) => boolean = () => false,
): { readonly narrowed: string[]; readonly widened: string[] } {
  const was = expressionGrants(before);
  const now = expressionGrants(after);
  const narrowed: string[] = [];
  const widened: string[] = [];
  for (const [grant, { id, sets: old }] of was) {
    const fresh = now.get(grant)?.sets;
    if (!fresh || said(id)) continue;
    const same = old.size === fresh.size && [...old].every((c) => fresh.has(c));
    if (same) continue;
    const wasFree = old.has("");
    const isFree = fresh.has("");
    const added = [...fresh].filter((c) => !old.has(c) && c !== "");
    const removed = [...old].filter((c) => !fresh.has(c) && c !== "");
    // Worded as the grid words it, so readers of the details see one language.
    if (wasFree && !isFree)
      narrowed.push(`trusts ${grant} only under more conditions now: ${added.join(" or ")}`);
    else if (!wasFree && isFree)
      widened.push(`trusts ${grant} without the conditions: ${removed.join(" or ")}`);
    else {
      const change = `changed the conditions on ${grant}: ${removed.join(" or ") || "none"} → ${added.join(" or ") || "none"}`;
      narrowed.push(change);
      widened.push(change);
    }
  }
  return { narrowed, widened };
}
