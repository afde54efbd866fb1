// IAM policy documents compared: who may assume a role (trust), and what a policy allows
// (permissions). The class comes from what AWS would allow before and after (iam-evaluate);
// this file says each difference in words and keeps values known only at plan or apply
// unknown rather than removed or added.

import { scanSize } from "./iam-actions.js";
import { actionLabel, clausesOf, principalLabel, resourceLabel, when } from "./iam-describe.js";
import {
  expressionsOf,
  isTrustPolicy,
  type PolicyDocument,
  versionChange,
} from "./iam-document.js";
import { namedIn, viewOf, within } from "./iam-document-view.js";
import {
  ASSUME_ACTIONS,
  allowedSometimes,
  type Compiled,
  compareDocuments,
  compile,
  type Difference,
  isAssume,
  matchesAction,
  matchesPrincipal,
  matchesResource,
  type Point,
  resourcesOf,
  TRUST_ACTIONS,
} from "./iam-evaluate.js";
import { expressionConditionChanges } from "./iam-expression-conditions.js";
import { lostActions, lostText } from "./iam-lost-actions.js";
import { covers, hasWildcard } from "./iam-pattern.js";
import {
  conditionedAnyone,
  expressionChanges,
  type Grant,
  trustGrants,
  UNKNOWN_PART,
  unknownPairs,
} from "./iam-unknown-values.js";

export type {
  Condition,
  PolicyDocument,
  PrincipalSet,
  Statement,
  Values,
} from "./iam-document.js";
export { isTrustPolicy, policyFromHcl, policyFromJson } from "./iam-document.js";
export { covers } from "./iam-pattern.js";
export { type Grant, trustGrants } from "./iam-unknown-values.js";

export interface PolicyChange {
  /** Change classes, most serious first. */
  readonly classes: readonly string[];
  /** One line each, as people say it: "no longer trusts AWS arn:… (sts:AssumeRole)". */
  readonly details: readonly string[];
  /** For trust: what the literal values show, and whether an expression came or went. */
  readonly known?: {
    readonly narrowed: boolean;
    readonly widened: boolean;
    readonly unknown: boolean;
  };
}

const firstAllow = (cs: readonly Compiled[]) => cs.find((c) => c.allow);
const firstDeny = (cs: readonly Compiled[]) => cs.find((c) => !c.allow);

/**
 * Conditions that came and went between the statements matching a point before and after;
 * a clause that went and one that came which differ only in values known at plan or apply
 * are paired apart, as neither narrowing nor widening.
 */
function conditionChange(d: Difference): {
  added: string[];
  removed: string[];
  rewritten: [string, string][];
} {
  const was = clausesOf(d.before);
  const now = clausesOf(d.after);
  const paired = unknownPairs(
    [...was].filter((c) => !now.has(c)),
    [...now].filter((c) => !was.has(c)),
    (c) => c,
  );
  return { added: paired.came, removed: paired.gone, rewritten: paired.pairs };
}

const rewrittenText = (subject: string, rewritten: readonly [string, string][]) =>
  rewritten.map(
    ([a, b]) =>
      `conditions on ${subject}: ${b} where it was ${a}: the same or not, known only at plan or apply`,
  );

/** Clauses as a list, or "none" when a rewrite moved access between the same clauses. */
const listed = (clauses: readonly string[]) => (clauses.length > 0 ? clauses.join("; ") : "none");

/** Lines in first-seen order, each once. */
const unique = (lines: readonly string[]) => [...new Set(lines)];

export function compareTrust(before: PolicyDocument, after: PolicyDocument): PolicyChange {
  const comparison = compareDocuments(before, after, "trust");
  const narrowed: string[] = [];
  const widened: string[] = [];
  const goneGrants = new Map<string, Grant>();
  const cameGrants = new Map<string, Grant>();
  const grantOf = (c: Compiled, p: Point): Grant => ({
    subject: principalLabel(c, p),
    object: actionLabel(c, p),
    conditions: c.clauses.join("; "),
  });
  const grantText = (g: Grant) =>
    `${g.subject} (${g.object})${g.conditions === "" ? "" : ` when ${g.conditions}`}`;
  const keep = (into: Map<string, Grant>, g: Grant) => into.set(grantText(g), g);
  const afterGrants = trustGrants(after);
  const rewrites: string[] = [];
  /** What a Deny took away, by the Deny: one line for it, not one per principal. */
  const byDeny = new Map<string, string[]>();
  const denied = (deny: Compiled, p: Point) =>
    `${principalLabel(deny, p, "pattern")} (${actionLabel(deny, p, "pattern")})${when(deny)}`;

  for (const d of comparison.differences) {
    const p = d.point;
    const was = firstAllow(d.before);
    const now = firstAllow(d.after);
    if (d.kind === "lost" && was) {
      const deny = firstDeny(d.after);
      if (now && deny) {
        const key = denied(deny, p);
        byDeny.set(key, [
          ...(byDeny.get(key) ?? []),
          `${principalLabel(was, p)} (${actionLabel(was, p)})`,
        ]);
      } else keep(goneGrants, grantOf(was, p));
    } else if (d.kind === "gained" && now) {
      const deny = firstDeny(d.before);
      if (was && deny)
        widened.push(
          `trusts ${principalLabel(now, p)} (${actionLabel(now, p)}): no longer denied to ${denied(deny, p)}`,
        );
      else keep(cameGrants, grantOf(now, p));
    } else if (was && now) {
      const subject = principalLabel(was, p);
      const { added, removed, rewritten } = conditionChange(d);
      rewrites.push(...rewrittenText(subject, rewritten));
      if (rewritten.length > 0 && added.length + removed.length === 0) continue;
      const through =
        d.kind === "narrowed" ? conditionedAnyone(grantOf(was, p), afterGrants) : undefined;
      if (through)
        widened.push(
          `trusts ${subject} (${actionLabel(was, p)}) through ${through.subject} when ${through.conditions} now: the same principal, and any other whose ARN matches`,
        );
      else if (d.kind === "narrowed")
        narrowed.push(
          `trusts ${subject} only under more conditions now: ${(added.length > 0 ? added : [...clausesOf(d.after)]).join("; ")}`,
        );
      else if (d.kind === "widened")
        widened.push(
          `trusts ${subject} without the conditions: ${(removed.length > 0 ? removed : [...clausesOf(d.before)]).join("; ")}`,
        );
      else {
        const change = `changed the conditions on ${subject}: ${listed(removed)} → ${listed(added)}`;
        narrowed.push(change);
        widened.push(change);
      }
    }
  }

  for (const [deny, lost] of byDeny) {
    const named = unique(lost);
    if (named.length <= 3)
      narrowed.push(...named.map((who) => `no longer trusts ${who}: denied to ${deny}`));
    else
      narrowed.push(
        `no longer trusts ${named.slice(0, 3).join(", ")} and ${(named.length - 3).toLocaleString("en-US")} more it trusted: denied to ${deny}`,
      );
  }
  const {
    pairs: rewritten,
    gone,
    came,
  } = unknownPairs([...goneGrants.values()], [...cameGrants.values()], grantText);
  // A principal written with a value known only at plan that gives way to a principal of the
  // same type written as an expression may be the very same one.
  const expressed = new Set(
    after.statements.flatMap((st) =>
      st.principals.filter((p) => p.ids.expressions.length > 0).map((p) => p.type),
    ),
  );
  const maybeSame = gone.filter(
    (g) =>
      UNKNOWN_PART.test(g.subject) && expressed.has(g.subject.slice(0, g.subject.indexOf(" "))),
  );
  for (const g of gone) {
    if (maybeSame.includes(g)) continue;
    const through = conditionedAnyone(g, afterGrants);
    if (through)
      widened.push(
        `trusts ${g.subject} (${g.object}) through ${through.subject} when ${through.conditions} now: the same principal, and any other whose ARN matches`,
      );
    else
      narrowed.push(
        `no longer trusts ${grantText(g)}${trustsInPart(after, g) ? " in full: part of it still" : ""}`,
      );
  }
  for (const g of came) widened.push(`now trusts ${grantText(g)}`);
  // Principals the grid could not place (a template's parameter), unless already said.
  const said = [...narrowed, ...widened];
  const conditioned = expressionConditionChanges(before, after, (id) =>
    said.some((line) => line.includes(id)),
  );
  narrowed.push(...conditioned.narrowed);
  widened.push(...conditioned.widened);
  const unknown = [
    ...expressionChanges(before, after),
    ...maybeSame.map(
      (g) =>
        `no longer names ${grantText(g)}, and trusts a principal written as an expression: the same one or not, known only at plan or apply`,
    ),
    ...rewritten.map(
      ([a, b]) =>
        `trusts ${grantText(b)} where it trusted ${grantText(a)}: the same principal or another, known only at plan or apply`,
    ),
    ...rewrites,
    ...comparison.incomplete,
    ...[versionChange(before, after)].filter((v) => v !== undefined),
  ];
  const classes: string[] = [];
  // An expression that came or went may have narrowed or widened the trust: say both.
  if (narrowed.length > 0 || unknown.length > 0) classes.push("trust-narrowed");
  if (widened.length > 0 || unknown.length > 0) classes.push("trust-widened");
  return {
    classes,
    details: unique([...narrowed, ...widened, ...unknown]),
    // What the values known now say, apart from what depends on values known only at apply.
    known: {
      narrowed: narrowed.length > 0,
      widened: widened.length > 0,
      unknown: unknown.length > 0,
    },
  };
}

export function comparePermissions(before: PolicyDocument, after: PolicyDocument): PolicyChange {
  const comparison = compareDocuments(before, after, "permissions");
  const describe = (g: Grant) =>
    `${g.subject} on ${g.object}${g.conditions === "" ? "" : ` when ${g.conditions}`}`;
  const grantOf = (c: Compiled, p: Point, naming: "literal" | "pattern" = "literal"): Grant => ({
    subject: actionLabel(c, p, naming),
    object: resourceLabel(c, p, naming),
    conditions: c.clauses.join("; "),
  });
  const lists = {
    allowsGone: new Map<string, Grant>(),
    allowsCame: new Map<string, Grant>(),
    deniesCame: new Map<string, Grant>(),
    deniesGone: new Map<string, Grant>(),
  };
  const keep = (into: Map<string, Grant>, g: Grant) => into.set(describe(g), g);
  const narrowed: string[] = [];
  const widened: string[] = [];
  const rewrites: string[] = [];
  for (const d of comparison.differences) {
    const p = d.point;
    const was = firstAllow(d.before);
    const now = firstAllow(d.after);
    const spec = (c: Compiled) => `${actionLabel(c, p)} on ${resourceLabel(c, p)}`;
    if (d.kind === "lost" && was) {
      const deny = firstDeny(d.after);
      if (!now) keep(lists.allowsGone, grantOf(was, p));
      if (deny) keep(lists.deniesCame, grantOf(deny, p, "pattern"));
    } else if (d.kind === "gained" && now) {
      const deny = firstDeny(d.before);
      const still = firstDeny(d.after);
      if (!was) keep(lists.allowsCame, grantOf(now, p));
      if (deny && still)
        widened.push(
          `denies ${describe(grantOf(still, p, "pattern"))} now, where it denied ${describe(grantOf(deny, p, "pattern"))}`,
        );
      else if (deny) keep(lists.deniesGone, grantOf(deny, p, "pattern"));
    } else if (was && now) {
      const { added, removed, rewritten } = conditionChange(d);
      rewrites.push(...rewrittenText(spec(was), rewritten));
      if (rewritten.length > 0 && added.length + removed.length === 0) continue;
      if (d.kind === "narrowed")
        narrowed.push(
          `allows ${spec(was)} only under more conditions now: ${(added.length > 0 ? added : [...clausesOf(d.after)]).join("; ")}`,
        );
      else if (d.kind === "widened")
        widened.push(
          `allows ${spec(now)} without the conditions: ${(removed.length > 0 ? removed : [...clausesOf(d.before)]).join("; ")}`,
        );
      else {
        const change = `changed the conditions on ${spec(now)}: ${listed(removed)} → ${listed(added)}`;
        narrowed.push(change);
        widened.push(change);
      }
    }
  }
  const allows = unknownPairs(
    [...lists.allowsGone.values()],
    [...lists.allowsCame.values()],
    describe,
  );
  const denies = unknownPairs(
    [...lists.deniesCame.values()],
    [...lists.deniesGone.values()],
    describe,
  );
  const lostBudget = { left: MAX_LOST_WORK };
  const removed = [
    ...allows.gone.map(
      (g) =>
        `no longer allows ${describe(g)}${stillInPart(after, g) ? ` in full: part of it still${lostText(lostOf(after, g, lostBudget))}` : ""}`,
    ),
    ...denies.gone.map((g) => `now denies ${describe(g)}`),
    ...narrowed,
  ];
  const added = [
    ...allows.came.map((g) => `now allows ${describe(g)}`),
    ...denies.came.map((g) => `no longer denies ${describe(g)}`),
    ...widened,
  ];
  const unknown = [
    ...expressionChanges(before, after),
    ...allows.pairs.map(
      ([a, b]) =>
        `allows ${describe(b)} where it allowed ${describe(a)}: the same or not, known only at plan or apply`,
    ),
    ...denies.pairs.map(
      ([a, b]) =>
        `denies ${describe(a)} where it denied ${describe(b)}: the same or not, known only at plan or apply`,
    ),
    ...rewrites,
    ...comparison.incomplete,
    ...[versionChange(before, after)].filter((v) => v !== undefined),
  ];
  const classes: string[] = [];
  if (removed.length > 0) classes.push("permissions-removed");
  if (unknown.length > 0) classes.push("unknown");
  if (added.length > 0) classes.push("permissions-added");
  return { classes, details: unique([...removed, ...added, ...unknown]) };
}

/**
 * Whether a document still allows part of a grant written with wildcards: `s3:Get*` that
 * became `s3:Get?` lost only the longer names, and the line should not read as all of it.
 */
function stillInPart(doc: PolicyDocument, g: Grant): boolean {
  if (!hasWildcard(g.subject) && !hasWildcard(g.object)) return false;
  // "any action but iam:*" names by exclusion: not a pattern to take witnesses of.
  if (g.subject.startsWith("any ") || g.object.startsWith("any ")) return false;
  const view = viewOf(doc);
  const resources = within(g.object, view.resources);
  for (const action of within(g.subject, view.actions)) {
    const naming = [...view.byAction.query(action)].filter((c) => matchesAction(c, action));
    if (naming.length === 0) continue;
    for (const resource of resources) {
      const matched = naming.filter((c) => matchesResource(c, resource));
      if (matched.length > 0 && allowedSometimes(matched)) return true;
    }
  }
  return false;
}

/** Actions named as lost in one comparison: ten times every AWS action, then no more lists. */
const MAX_LOST_WORK = 250_000;

/** The known actions a grant written with wildcards lost everywhere it applied. */
function lostOf(doc: PolicyDocument, g: Grant, budget: { left: number }): string[] {
  if (!hasWildcard(g.subject)) return [];
  const cost = scanSize(g.subject);
  if (cost > budget.left) return [];
  budget.left -= cost;
  const view = viewOf(doc);
  return lostActions(view.statements, g.subject, within(g.object, view.resources), view.byAction);
}

/** Values a pattern covers: its witnesses, and what the written values name within it. */
function partOf(pattern: string, written: readonly string[], ignoreCase: boolean): string[] {
  return within(pattern, namedIn(written, ignoreCase));
}

/** Whether a trust policy still grants the principal part of a wildcard action (`sts:*`). */
function trustsInPart(doc: PolicyDocument, g: Grant): boolean {
  const at = g.subject.indexOf(" ");
  const principal = { type: g.subject.slice(0, at), id: g.subject.slice(at + 1) };
  if (!hasWildcard(g.object) || hasWildcard(principal.id) || g.conditions !== "") return false;
  const statements = doc.statements
    .map(compile)
    .filter((c) => matchesPrincipal(c, principal) && c.clauses.length === 0);
  const named = [...TRUST_ACTIONS, ...statements.flatMap((c) => c.actions ?? [])];
  return partOf(g.object, named, true).some((action) => {
    const matched = statements.filter((c) => matchesAction(c, action));
    return matched.some((c) => c.allow) && !matched.some((c) => !c.allow);
  });
}

/** Trust policies compare by who may assume; other documents by what they allow. */
export function comparePolicies(before: PolicyDocument, after: PolicyDocument): PolicyChange {
  return isTrustPolicy(before) || isTrustPolicy(after)
    ? compareTrust(before, after)
    : comparePermissions(before, after);
}

const ACCOUNT_OF = /^arn:aws[\w-]*:iam::(\d{12}):/;

/**
 * Whether a principal a document names covers the one asked about: the same, `*`, or the
 * account (its id or its root) that holds it, since an account's root trusts every principal
 * of the account its own IAM allows. Asked about an account, any principal of it will do.
 */
export function names(id: string, asked: string): boolean {
  if (id === "*" || id === asked || covers(id, asked, false)) return true;
  const idAccount = /^(\d{12})$/.exec(id)?.[1] ?? ACCOUNT_OF.exec(id)?.[1];
  if (/^\d{12}$/.test(asked)) return idAccount === asked;
  return (
    (id.endsWith(":root") || /^\d{12}$/.test(id)) &&
    idAccount !== undefined &&
    idAccount === ACCOUNT_OF.exec(asked)?.[1]
  );
}

/** Does the document trust this principal (an ARN, or an account id)? undefined: cannot tell. */
export function trusts(
  doc: PolicyDocument,
  principal: string,
  /** The assume actions that count (default: any); a contract asks for the principal's own. */
  only?: readonly string[],
): boolean | undefined {
  const statements = doc.statements.map(compile).filter((c) => {
    const named = (sets: readonly { ids: { literal: readonly string[] } }[]) =>
      sets.some((set) => set.ids.literal.some((id) => names(id, principal)));
    return c.principals ? named(c.principals) : !named(c.notPrincipals ?? []);
  });
  const assumes = new Set(
    only ?? [...ASSUME_ACTIONS, ...statements.flatMap((c) => (c.actions ?? []).filter(isAssume))],
  );
  let cannotTell = expressionsOf(doc).length > 0;
  for (const action of assumes) {
    const allowed = allowedSometimes(statements.filter((c) => matchesAction(c, action)));
    if (allowed) return true;
    if (allowed === undefined) cannotTell = true;
  }
  return cannotTell ? undefined : false;
}

/** Does the document allow this action on some resource, with no Deny on it? undefined: cannot tell. */
export function allows(doc: PolicyDocument, action: string): boolean | undefined {
  const statements = doc.statements.map(compile).filter((c) => matchesAction(c, action));
  let cannotTell = expressionsOf(doc).length > 0;
  for (const resource of resourcesOf(statements)) {
    const allowed = allowedSometimes(statements.filter((c) => matchesResource(c, resource)));
    if (allowed) return true;
    if (allowed === undefined) cannotTell = true;
  }
  return cannotTell ? undefined : false;
}
