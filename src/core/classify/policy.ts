// IAM policy documents, from AWS's JSON or from Terraform's aws_iam_policy_document, in one
// shape, and compared: who may assume a role (trust), and what a policy allows (permissions).

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
  readonly principals: readonly PrincipalSet[];
  readonly conditions: readonly Condition[];
}

export interface PolicyDocument {
  readonly statements: readonly Statement[];
}

/** A whole value that is one Terraform expression: `${var.x}`. */
const EXPRESSION = /^\$\{([\s\S]*)\}$/;

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
    if (expression && !item.slice(2, -1).includes("${"))
      expressions.push((expression[1] as string).trim());
    else literal.push(item);
  }
  return { literal, expressions };
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
    const principals: PrincipalSet[] = [];
    if (s.Principal === "*")
      principals.push({ type: "*", ids: { literal: ["*"], expressions: [] } });
    else
      for (const [type, ids] of Object.entries(record(s.Principal)))
        principals.push({ type, ids: values(ids) });
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
      principals,
      conditions,
    };
  });
  return { statements };
}

/** The body of a Terraform `data "aws_iam_policy_document"` block, as hcl2json gives it. */
export function policyFromHcl(body: Record<string, unknown>): PolicyDocument {
  const dynamicStatements = list(record(body.dynamic).statement).flatMap((d) =>
    list(record(d).content),
  );
  const statements = [...list(body.statement), ...dynamicStatements].map((raw): Statement => {
    const s = record(raw);
    const conditions = [
      ...list(s.condition),
      ...list(record(s.dynamic).condition).flatMap((d) => list(record(d).content)),
    ].map((c) => {
      const r = record(c);
      return {
        test: String(r.test ?? ""),
        variable: String(r.variable ?? ""),
        values: values(r.values),
      };
    });
    const principals = [
      ...list(s.principals),
      ...list(record(s.dynamic).principals).flatMap((d) => list(record(d).content)),
    ].map((p) => ({ type: String(record(p).type ?? ""), ids: values(record(p).identifiers) }));
    return {
      effect: s.effect === "Deny" ? "Deny" : "Allow",
      actions: values(s.actions),
      notActions: values(s.not_actions),
      resources: values(s.resources),
      principals,
      conditions,
    };
  });
  return { statements };
}

const isAssume = (action: string) => /^sts:(assumerole\w*|\*)$|^\*$/i.test(action);

/** Does a policy pattern (with * and ?) cover a value? IAM matches actions case-insensitively. */
export function covers(pattern: string, value: string, ignoreCase = true): boolean {
  if (pattern === value) return true;
  if (!/[*?]/.test(pattern)) return ignoreCase && pattern.toLowerCase() === value.toLowerCase();
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${source}$`, ignoreCase ? "i" : "").test(value);
}

export interface Grant {
  /** "AWS arn:aws:iam::1:role/x" for trust, "s3:GetObject" for permissions. */
  readonly subject: string;
  /** The action (trust) or resource (permissions). */
  readonly object: string;
  readonly conditions: string;
}

const conditionKey = (s: Statement) =>
  s.conditions
    .map(
      (c) => `${c.test} ${c.variable} ${[...c.values.literal, ...c.values.expressions].join(",")}`,
    )
    .sort()
    .join("; ");

/** Who may assume: one grant per principal and assume action, with its conditions. */
export function trustGrants(doc: PolicyDocument): Grant[] {
  const grants: Grant[] = [];
  for (const s of doc.statements) {
    if (s.effect !== "Allow") continue;
    // A statement with principals and no actions at all can only be about assuming.
    const unstated =
      s.actions.literal.length + s.actions.expressions.length === 0 && s.principals.length > 0;
    for (const action of unstated ? ["sts:AssumeRole"] : s.actions.literal.filter(isAssume)) {
      for (const p of s.principals) {
        for (const id of p.ids.literal)
          grants.push({ subject: `${p.type} ${id}`, object: action, conditions: conditionKey(s) });
      }
    }
  }
  return grants;
}

/** What is allowed (or denied): one grant per action and resource. */
export function permissionGrants(doc: PolicyDocument, effect: "Allow" | "Deny"): Grant[] {
  const grants: Grant[] = [];
  for (const s of doc.statements) {
    if (s.effect !== effect) continue;
    const resources = s.resources.literal.length > 0 ? s.resources.literal : ["*"];
    for (const action of s.actions.literal)
      for (const resource of resources)
        grants.push({ subject: action, object: resource, conditions: conditionKey(s) });
  }
  return grants;
}

/** Whether the document's trust is a trust policy at all (has principals). */
export function isTrustPolicy(doc: PolicyDocument): boolean {
  return doc.statements.some((s) => s.principals.length > 0);
}

function expressionsOf(doc: PolicyDocument): string[] {
  const out: string[] = [];
  for (const s of doc.statements) {
    out.push(...s.actions.expressions, ...s.notActions.expressions, ...s.resources.expressions);
    for (const p of s.principals) out.push(...p.ids.expressions);
    for (const c of s.conditions) out.push(...c.values.expressions);
  }
  return [...new Set(out)].sort();
}

export interface PolicyChange {
  /** Change classes, most serious first. */
  readonly classes: readonly string[];
  /** One line each, as people say it: "no longer trusts AWS arn:… (sts:AssumeRole)". */
  readonly details: readonly string[];
}

/** Which expressions came or went: the values they stand for are not known until apply. */
function expressionChanges(before: PolicyDocument, after: PolicyDocument): string[] {
  const was = new Set(expressionsOf(before));
  const now = expressionsOf(after);
  return [
    ...now.filter((e) => !was.has(e)).map((e) => `now depends on ${e}, not known before apply`),
    ...[...was].filter((e) => !now.includes(e)).map((e) => `no longer depends on ${e}`),
  ];
}

export function compareTrust(before: PolicyDocument, after: PolicyDocument): PolicyChange {
  const key = (g: Grant) => `${g.subject}\u0000${g.object}`;
  const was = new Map(trustGrants(before).map((g) => [key(g), g]));
  const now = new Map(trustGrants(after).map((g) => [key(g), g]));
  const narrowed: string[] = [];
  const widened: string[] = [];
  for (const [k, g] of was) {
    const next = now.get(k);
    if (!next) narrowed.push(`no longer trusts ${g.subject} (${g.object})`);
    else if (next.conditions !== g.conditions) {
      if (g.conditions === "")
        narrowed.push(`trusts ${g.subject} only under conditions now: ${next.conditions}`);
      else if (next.conditions === "")
        widened.push(`trusts ${g.subject} without the conditions it had: ${g.conditions}`);
      else {
        narrowed.push(
          `changed the conditions on ${g.subject}: ${g.conditions} → ${next.conditions}`,
        );
        widened.push(`changed the conditions on ${g.subject}`);
      }
    }
  }
  for (const [k, g] of now) if (!was.has(k)) widened.push(`now trusts ${g.subject} (${g.object})`);
  const unknown = expressionChanges(before, after);
  const classes: string[] = [];
  // An expression that came or went may have narrowed or widened the trust: say both.
  if (narrowed.length > 0 || unknown.length > 0) classes.push("trust-narrowed");
  if (widened.length > 0 || unknown.length > 0) classes.push("trust-widened");
  return {
    classes,
    details: [...narrowed, ...widened.filter((w) => !narrowed.includes(w)), ...unknown],
  };
}

export function comparePermissions(before: PolicyDocument, after: PolicyDocument): PolicyChange {
  const describe = (g: Grant) => `${g.subject} on ${g.object}`;
  const coveredBy = (grant: Grant, by: readonly Grant[]) =>
    by.some(
      (g) =>
        covers(g.subject, grant.subject) &&
        covers(g.object, grant.object, false) &&
        g.conditions === grant.conditions,
    );
  const allowBefore = permissionGrants(before, "Allow");
  const allowAfter = permissionGrants(after, "Allow");
  const denyBefore = permissionGrants(before, "Deny");
  const denyAfter = permissionGrants(after, "Deny");
  const removed = [
    ...allowBefore
      .filter((g) => !coveredBy(g, allowAfter))
      .map((g) => `no longer allows ${describe(g)}`),
    ...denyAfter.filter((g) => !coveredBy(g, denyBefore)).map((g) => `now denies ${describe(g)}`),
  ];
  const added = [
    ...allowAfter.filter((g) => !coveredBy(g, allowBefore)).map((g) => `now allows ${describe(g)}`),
    ...denyBefore
      .filter((g) => !coveredBy(g, denyAfter))
      .map((g) => `no longer denies ${describe(g)}`),
  ];
  const unknown = expressionChanges(before, after);
  const classes: string[] = [];
  if (removed.length > 0) classes.push("permissions-removed");
  if (unknown.length > 0) classes.push("unknown");
  if (added.length > 0) classes.push("permissions-added");
  return { classes, details: [...removed, ...added, ...unknown] };
}

/** Trust policies compare by who may assume; other documents by what they allow. */
export function comparePolicies(before: PolicyDocument, after: PolicyDocument): PolicyChange {
  return isTrustPolicy(before) || isTrustPolicy(after)
    ? compareTrust(before, after)
    : comparePermissions(before, after);
}

/** Does the document trust this principal (an ARN, or an account id)? undefined: cannot tell. */
export function trusts(doc: PolicyDocument, principal: string): boolean | undefined {
  const account = /^\d{12}$/.test(principal) ? principal : undefined;
  const grants = trustGrants(doc);
  const hit = grants.some(({ subject }) => {
    const id = subject.slice(subject.indexOf(" ") + 1);
    if (id === "*" || id === principal) return true;
    const idAccount = /^(\d{12})$/.exec(id)?.[1] ?? /^arn:aws[\w-]*:iam::(\d{12}):/.exec(id)?.[1];
    if (account) return idAccount === account;
    // The account's root trusts every principal of the account that is allowed by its own IAM.
    const wantAccount = /^arn:aws[\w-]*:iam::(\d{12}):/.exec(principal)?.[1];
    return id.endsWith(":root") && idAccount !== undefined && idAccount === wantAccount;
  });
  if (hit) return true;
  return expressionsOf(doc).length > 0 ? undefined : false;
}

/** Does the document allow this action (on some resource), with no deny on it? undefined: cannot tell. */
export function allows(doc: PolicyDocument, action: string): boolean | undefined {
  const denied = permissionGrants(doc, "Deny").some(
    (g) => covers(g.subject, action) && g.object === "*" && g.conditions === "",
  );
  if (denied) return false;
  if (permissionGrants(doc, "Allow").some((g) => covers(g.subject, action))) return true;
  return expressionsOf(doc).length > 0 ? undefined : false;
}
