// IAM policy documents, from AWS's JSON or from Terraform's aws_iam_policy_document, in one
// shape: every element AWS evaluates (Deny, NotAction, NotResource, NotPrincipal, conditions)
// is kept, so that nothing a document says is dropped before it is compared.

import { list, record } from "./json-shapes.js";

/** A list of values: the literal ones, and the expressions Terraform evaluates later. */
export interface Values {
  readonly literal: readonly string[];
  readonly expressions: readonly string[];
}

export interface PrincipalSet {
  readonly type: string;
  readonly ids: Values;
}

export interface Condition {
  readonly test: string;
  readonly variable: string;
  readonly values: Values;
}

export interface Statement {
  readonly effect: "Allow" | "Deny";
  readonly actions: Values;
  readonly notActions: Values;
  readonly resources: Values;
  readonly notResources: Values;
  readonly principals: readonly PrincipalSet[];
  readonly notPrincipals: readonly PrincipalSet[];
  readonly conditions: readonly Condition[];
}

export interface PolicyDocument {
  readonly statements: readonly Statement[];
  /**
   * `Version` as written, when read from JSON (null: written without one): it decides how
   * `${aws:…}` variables read. Undefined for documents not read from JSON
   * (`aws_iam_policy_document` writes 2012-10-17 itself).
   */
  readonly version?: string | null;
}

/** A whole value that is one Terraform expression: `${var.x}`. */
const EXPRESSION = /^\$\{([\s\S]*)\}$/;
/** An IAM policy variable (`${aws:username}`, `${*}`): AWS fills it in, it is not Terraform's. */
const POLICY_VARIABLE = /^\$\{(?:[\w-]+:[\w\-./:]+|\*|\?|\$)\}$/;

function values(raw: unknown): Values {
  const list = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  const literal: string[] = [];
  const expressions: string[] = [];
  for (const item of list) {
    if (typeof item !== "string") {
      if (typeof item === "number" || typeof item === "boolean") literal.push(String(item));
      continue;
    }
    const expression = EXPRESSION.exec(item);
    if (expression && !item.slice(2, -1).includes("${") && !POLICY_VARIABLE.test(item))
      expressions.push((expression[1] as string).trim());
    else literal.push(item);
  }
  return { literal, expressions };
}

/** `"*"` or `{ AWS: […], Service: […] }`, as AWS writes Principal and NotPrincipal. */
function principalSets(raw: unknown): PrincipalSet[] {
  if (raw === "*") return [{ type: "*", ids: { literal: ["*"], expressions: [] } }];
  return Object.entries(record(raw)).map(([type, ids]) => ({ type, ids: values(ids) }));
}

/** An AWS policy document (JSON text or parsed); undefined when it is not one. */
export function policyFromJson(input: unknown): PolicyDocument | undefined {
  let value = input;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  const doc = record(value);
  if (!("Statement" in doc)) return undefined;
  const statements = list(doc.Statement).map((raw): Statement => {
    const s = record(raw);
    const conditions: Condition[] = [];
    for (const [test, byKey] of Object.entries(record(s.Condition))) {
      for (const [variable, raw] of Object.entries(record(byKey)))
        conditions.push({ test, variable, values: values(raw) });
    }
    return {
      effect: s.Effect === "Deny" ? "Deny" : "Allow",
      actions: values(s.Action),
      notActions: values(s.NotAction),
      resources: values(s.Resource),
      notResources: values(s.NotResource),
      principals: principalSets(s.Principal),
      notPrincipals: principalSets(s.NotPrincipal),
      conditions,
    };
  });
  return { statements, version: typeof doc.Version === "string" ? doc.Version : null };
}

/** A policy variable anywhere in a value: `arn:aws:s3:::home/${aws:username}/*`. */
const POLICY_VARIABLE_IN = /\$\{(?:[\w-]+:[\w\-./:]+|\*|\?|\$)\}/;

/**
 * Why the policy variables of two sides of a document may not read alike: IAM fills them in
 * only under `Version: 2012-10-17`; without it (or with 2008-10-17) they are literal text, so a
 * document that loses its Version line can lose what its variables granted.
 */
export function versionChange(before: PolicyDocument, after: PolicyDocument): string | undefined {
  // Only two written documents: an attachment compares one with nothing.
  if (before.version === undefined || after.version === undefined) return undefined;
  if (before.statements.length === 0 || after.statements.length === 0) return undefined;
  const current = (doc: PolicyDocument) => doc.version === "2012-10-17";
  if (current(before) === current(after)) return undefined;
  const uses = (doc: PolicyDocument) =>
    doc.statements.some((s) =>
      [s.resources, s.notResources, ...s.conditions.map((c) => c.values)].some((v) =>
        [...v.literal, ...v.expressions].some((x) => POLICY_VARIABLE_IN.test(x)),
      ),
    );
  if (!uses(before) && !uses(after)) return undefined;
  const name = (doc: PolicyDocument) => doc.version ?? "no Version";
  return `its Version changes from ${name(before)} to ${name(after)}: policy variables such as \${aws:username} are filled in only under 2012-10-17, else read as literal text`;
}

/** Nested blocks of one name, written out or generated by `dynamic "<name>" { content {…} }`. */
function blocks(body: Record<string, unknown>, name: string): unknown[] {
  return [
    ...list(body[name]),
    ...list(record(body.dynamic)[name]).flatMap((d) => list(record(d).content)),
  ];
}

/** The body of a Terraform `data "aws_iam_policy_document"` block, as hcl2json gives it. */
export function policyFromHcl(body: Record<string, unknown>): PolicyDocument {
  const statements = blocks(body, "statement").map((raw): Statement => {
    const s = record(raw);
    const conditions = blocks(s, "condition").map((c) => {
      const r = record(c);
      return {
        test: String(r.test ?? ""),
        variable: String(r.variable ?? ""),
        values: values(r.values),
      };
    });
    const sets = (name: string) =>
      blocks(s, name).map((p) => ({
        type: String(record(p).type ?? ""),
        ids: values(record(p).identifiers),
      }));
    return {
      effect: s.effect === "Deny" ? "Deny" : "Allow",
      actions: values(s.actions),
      notActions: values(s.not_actions),
      resources: values(s.resources),
      notResources: values(s.not_resources),
      principals: sets("principals"),
      notPrincipals: sets("not_principals"),
      conditions,
    };
  });
  return { statements };
}

/** Whether the document is a trust policy at all (names principals). */
export function isTrustPolicy(doc: PolicyDocument): boolean {
  return doc.statements.some((s) => s.principals.length > 0 || s.notPrincipals.length > 0);
}

/** Every Terraform expression the document depends on, sorted. */
export function expressionsOf(doc: PolicyDocument): string[] {
  const out: string[] = [];
  for (const s of doc.statements) {
    out.push(
      ...s.actions.expressions,
      ...s.notActions.expressions,
      ...s.resources.expressions,
      ...s.notResources.expressions,
    );
    for (const p of [...s.principals, ...s.notPrincipals]) out.push(...p.ids.expressions);
    for (const c of s.conditions) out.push(...c.values.expressions);
  }
  return [...new Set(out)].sort();
}

/**
 * One condition clause as text, its values sorted: two documents that write the same clause
 * in another order say the same. An expression is written as one, `${…}`, not as the literal
 * text it names.
 */
export function clauseText(c: Condition): string {
  const written = [...c.values.literal, ...c.values.expressions.map((e) => `\${${e}}`)].sort();
  return `${c.test} ${c.variable} ${written.join(",")}`;
}
