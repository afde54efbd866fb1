// A permissions document read once for the questions asked of it many times (what is left of
// each grant it lost): its statements compiled and indexed by action, and the values its
// actions and resources name, sorted so that those under a pattern are found by bisection.

import type { PolicyDocument } from "./iam-document.js";
import { type Compiled, compile } from "./iam-evaluate.js";
import { statementsByAction } from "./iam-lost-actions.js";
import { covers, hasWildcard, type PatternIndex, witnesses } from "./iam-pattern.js";

/** A document compiled, with the values its actions and resources name: once per document. */
export interface View {
  readonly statements: readonly Compiled[];
  /** The statements that may name an action: a superset, each still to be matched. */
  readonly byAction: PatternIndex<Compiled>;
  readonly actions: Named;
  readonly resources: Named;
}
const views = new WeakMap<PolicyDocument, View>();

export function viewOf(doc: PolicyDocument): View {
  let view = views.get(doc);
  if (!view) {
    const statements = doc.statements.map(compile);
    view = {
      statements,
      byAction: statementsByAction(statements),
      actions: namedIn(
        statements.flatMap((c) => c.actions ?? []),
        true,
      ),
      resources: namedIn(
        statements.flatMap((c) => c.resources ?? []),
        false,
      ),
    };
    views.set(doc, view);
  }
  return view;
}

/**
 * What a document names: its literals, and the witnesses of its patterns, so that `s3:*`
 * that became `s3:Get*` is seen to keep `s3:Get·`. Sorted by key (lower case for actions),
 * so the values under a pattern's literal start are one range, found by bisection.
 */
export interface Named {
  readonly keys: readonly string[];
  readonly values: readonly string[];
  readonly ignoreCase: boolean;
}

export function namedIn(written: readonly string[], ignoreCase: boolean): Named {
  const all = [...new Set(written.flatMap((w) => (hasWildcard(w) ? witnesses(w) : [w])))];
  const pairs = all
    .map((v) => [ignoreCase ? v.toLowerCase() : v, v] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { keys: pairs.map(([k]) => k), values: pairs.map(([, v]) => v), ignoreCase };
}

/** Values a pattern covers: its witnesses, and the values a document names within it. */
export function within(pattern: string, named: Named): string[] {
  if (!hasWildcard(pattern)) return [pattern];
  const start = pattern.slice(0, pattern.search(/[*?]/));
  const key = named.ignoreCase ? start.toLowerCase() : start;
  let lo = 0;
  let hi = named.keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((named.keys[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  const inside: string[] = [];
  for (let i = lo; i < named.keys.length && (named.keys[i] as string).startsWith(key); i++) {
    const value = named.values[i] as string;
    if (covers(pattern, value, named.ignoreCase)) inside.push(value);
  }
  return [...new Set([...witnesses(pattern), ...inside])];
}
