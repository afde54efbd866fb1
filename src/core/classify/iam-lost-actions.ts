// The concrete actions a narrowed wildcard gave up: `s3:*` that became `s3:Get*` lost
// s3:PutObject, s3:DeleteObject … A reviewer reads names, not the difference of two patterns.
// Only actions AWS's catalogue knows are named.

import { expandActions } from "./iam-actions.js";
import { allowedSometimes, type Compiled, matchesAction, matchesResource } from "./iam-evaluate.js";
import { PatternIndex } from "./iam-pattern.js";

/** Names shown in one evidence line; the rest are counted. */
export const MAX_LOST_SHOWN = 20;

/** Statements by the actions they name, for finding those that may name one without trying all. */
export function statementsByAction(statements: readonly Compiled[]): PatternIndex<Compiled> {
  const index = new PatternIndex<Compiled>(true);
  for (const c of statements)
    if (c.actions) for (const a of c.actions) index.add(a, c);
    else index.addAlways(c);
  return index;
}

/**
 * The catalogue's actions the pattern covers that the statements (a document as it is now)
 * allow on none of the resources, sorted. An action some resource still gets, or whose
 * answer depends on too many conditions to tell, is not counted as lost.
 */
export function lostActions(
  statements: readonly Compiled[],
  pattern: string,
  resources: readonly string[],
  byAction: PatternIndex<Compiled> = statementsByAction(statements),
): string[] {
  const ids = new Map(statements.map((c, i) => [c, i]));
  // Which statements name an action decides the answer: tens of thousands of actions share
  // a handful of these signatures, so each is judged once.
  const judged = new Map<string, boolean>();
  return expandActions(pattern).filter((action) => {
    const naming = [...byAction.query(action)].filter((c) => matchesAction(c, action));
    const key = naming
      .map((c) => ids.get(c))
      .sort()
      .join(",");
    let lost = judged.get(key);
    if (lost === undefined) {
      lost = resources.every((resource) => {
        const matched = naming.filter((c) => matchesResource(c, resource));
        return matched.length === 0 || allowedSometimes(matched) === false;
      });
      judged.set(key, lost);
    }
    return lost;
  });
}

/** `; lost: a, b … and N more`, or nothing when no known action was lost. */
export function lostText(lost: readonly string[]): string {
  if (lost.length === 0) return "";
  const shown = lost.slice(0, MAX_LOST_SHOWN).join(", ");
  const more = lost.length - MAX_LOST_SHOWN;
  return `; lost: ${shown}${more > 0 ? ` and ${more} more` : ""}`;
}
