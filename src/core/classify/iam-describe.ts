// A point where two IAM documents differ, said as people say it: by the literal a document
// writes, or by the pattern of the statement that decides it ("s3:*", "any action but
// iam:*"), never by the witness value that stood for the pattern's region.

import type { PrincipalSet } from "./iam-document.js";
import { type Compiled, type Point, setCovers } from "./iam-evaluate.js";
import { covers } from "./iam-pattern.js";

/**
 * `literal`: a literal point is named as itself (what an Allow grants); otherwise by the
 * statement's pattern (what a Deny covers).
 */
type Naming = "literal" | "pattern";

export function actionLabel(c: Compiled, point: Point, naming: Naming = "literal"): string {
  const a = point.action;
  if (naming === "literal" && a.literal) return a.literal;
  if (c.actions) return c.actions.find((p) => covers(p, a.value)) ?? a.literal ?? a.value;
  return `any action but ${(c.notActions ?? []).join(", ")}`;
}

export function resourceLabel(c: Compiled, point: Point, naming: Naming = "literal"): string {
  const r = point.resource;
  if (!r) return "*";
  if (naming === "literal" && r.literal) return r.literal;
  if (c.resources) return c.resources.find((p) => covers(p, r.value, false)) ?? r.literal ?? "*";
  return `any resource but ${(c.notResources ?? []).join(", ")}`;
}

const setText = (set: PrincipalSet) =>
  set.type === "*" ? set.ids.literal.join(", ") : `${set.type} ${set.ids.literal.join(", ")}`;

export function principalLabel(c: Compiled, point: Point, naming: Naming = "literal"): string {
  const p = point.principal;
  if (!p) return "*";
  if (naming === "literal" && p.literal) return `${p.type} ${p.literal}`;
  if (c.principals) {
    const who = { type: p.type, id: p.value };
    const set = c.principals.find((s) => setCovers(s, who));
    if (!set) return p.literal ? `${p.type} ${p.literal}` : "*";
    const id = set.ids.literal.find((i) =>
      setCovers({ ...set, ids: { literal: [i], expressions: [] } }, who),
    );
    return set.type === "*" ? (id ?? "*") : `${set.type} ${id ?? "*"}`;
  }
  return `anyone but ${(c.notPrincipals ?? []).map(setText).join(", ")}`;
}

export const when = (c: Compiled) =>
  c.clauses.length === 0 ? "" : ` when ${c.clauses.join("; ")}`;

/** The clauses a set of matching statements puts on access: a Deny's as "unless". */
export function clausesOf(statements: readonly Compiled[]): Set<string> {
  const out = new Set<string>();
  for (const c of statements) for (const k of c.clauses) out.add(c.allow ? k : `unless ${k}`);
  return out;
}
