// Values known only at plan or apply (`${…}`) in IAM documents: which expressions came or
// went, and which grants that went and came may be one value written two ways.

import { clauseText, expressionsOf, type PolicyDocument, type Statement } from "./iam-document.js";
import { covers, coversWritten, PRINCIPAL_ARN, UNKNOWN_PART } from "./iam-pattern.js";

export { UNKNOWN_PART };

export interface Grant {
  /** "AWS arn:aws:iam::1:role/x" for trust, "s3:GetObject" for permissions. */
  readonly subject: string;
  /** The action (trust) or resource (permissions). */
  readonly object: string;
  readonly conditions: string;
}

/**
 * What a trust policy grants, as written: one grant per principal and sts action (assuming,
 * and the session tags and source identity that go with it), with its conditions.
 */
export function trustGrants(doc: PolicyDocument): Grant[] {
  const grants: Grant[] = [];
  for (const s of doc.statements) {
    if (s.effect !== "Allow") continue;
    const { conditions, actions } = trustTerms(s);
    for (const action of actions)
      for (const p of s.principals)
        for (const id of p.ids.literal)
          grants.push({ subject: `${p.type} ${id}`, object: action, conditions });
  }
  return grants;
}

/** A trust statement's sts actions (a statement with principals and no actions can only be about assuming) and its conditions as one text. */
export function trustTerms(s: Statement): { conditions: string; actions: string[] } {
  const conditions = [...new Set(s.conditions.map(clauseText))].sort().join("; ");
  const unstated =
    s.actions.literal.length + s.actions.expressions.length === 0 && s.principals.length > 0;
  const actions = unstated
    ? ["sts:AssumeRole"]
    : s.actions.literal.filter((a) => /^sts:/i.test(a) || a === "*");
  return { conditions, actions };
}

/** Which expressions came or went: the values they stand for are not known until apply. */
export function expressionChanges(before: PolicyDocument, after: PolicyDocument): string[] {
  const was = new Set(expressionsOf(before));
  const now = expressionsOf(after);
  return [
    ...now.filter((e) => !was.has(e)).map((e) => `now depends on ${e}, not known before apply`),
    ...[...was].filter((e) => !now.includes(e)).map((e) => `no longer depends on ${e}`),
  ];
}

/**
 * The grant to `AWS *` on the same action whose only condition is on `aws:PrincipalArn` and
 * matches the principal a removed grant named: a rewrite of "trust this role" as "trust
 * anyone whose ARN is this role's", which does not stop trusting it.
 */
export function conditionedAnyone(removed: Grant, grants: Iterable<Grant>): Grant | undefined {
  const arn = removed.subject.startsWith("AWS ") ? removed.subject.slice(4) : undefined;
  if (!arn || removed.conditions !== "") return undefined;
  for (const g of grants) {
    if (g.subject !== "AWS *" || !covers(g.object, removed.object)) continue;
    const clauses = g.conditions.split("; ");
    if (clauses.length !== 1) continue;
    const match = PRINCIPAL_ARN.exec(clauses[0] as string);
    if (match && (match[2] as string).split(",").some((v) => coversWritten(v, arn))) return g;
  }
  return undefined;
}

/**
 * Whether two grants may be the same once their unknown parts are known: `ec2.${partition's
 * dns_suffix}` and `${the service principal of ec2}` may well be one value. Fully written
 * grants are the same only when equal.
 */
function couldBeSame(a: string, b: string): boolean {
  if (!UNKNOWN_PART.test(a) && !UNKNOWN_PART.test(b)) return a === b;
  return coversWritten(a, b) || coversWritten(b, a);
}

/**
 * Pairs of a grant that went and one that came which may be the same value written through
 * other expressions: neither a removal nor an addition anyone can claim, but unknown.
 */
export function unknownPairs<T>(
  gone: readonly T[],
  came: readonly T[],
  text: (g: T) => string,
): { gone: T[]; came: T[]; pairs: [T, T][] } {
  const pairs: [T, T][] = [];
  const used = new Set<T>();
  const left: T[] = [];
  // Only grants written with unknown parts can pair: the others are left without a search.
  const open = came.filter((c) => UNKNOWN_PART.test(text(c)));
  for (const g of gone) {
    const unknownGone = UNKNOWN_PART.test(text(g));
    const partner = (unknownGone ? came : open).find(
      (c) => !used.has(c) && couldBeSame(text(g), text(c)),
    );
    if (partner) {
      used.add(partner);
      pairs.push([g, partner]);
    } else left.push(g);
  }
  return { gone: left, came: came.filter((c) => !used.has(c)), pairs };
}
