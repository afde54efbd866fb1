// Whether a kept contract may decide its edge: the documents must not merely still allow what
// the dependent expects under some conditions, they must give it no less than before (a
// condition added, a Deny added, a grant moved to the account root or to another resource all
// narrow it, even where "allowed sometimes" still says yes). Asked of a state with nothing to
// compare with, the same question reads: allowed whatever the conditions, or only under some.

import {
  type Compiled,
  compile,
  judge,
  matchesAction,
  matchesResource,
  resourcesOf,
  TRUST_ACTIONS,
} from "./classify/iam-evaluate.js";
import { covers, names, type PolicyDocument } from "./classify/policy.js";

/** What a document names by an expression stands for itself: equal texts, equal values. */
const mark = (expression: string) => `\u0000${expression}`;

/** A document's statements, compiled, with each expression read as a literal of its own. */
function statementsOf(docs: readonly PolicyDocument[]): Compiled[] {
  return docs.flatMap((doc) =>
    doc.statements.map((s) => {
      const lit = (v: { literal: readonly string[]; expressions: readonly string[] }) =>
        v.expressions.length === 0
          ? v
          : { literal: [...v.literal, ...v.expressions.map(mark)], expressions: [] };
      return compile({
        ...s,
        actions: lit(s.actions),
        notActions: lit(s.notActions),
        resources: lit(s.resources),
        notResources: lit(s.notResources),
        principals: s.principals.map((p) => ({ ...p, ids: lit(p.ids) })),
        notPrincipals: s.notPrincipals.map((p) => ({ ...p, ids: lit(p.ids) })),
      });
    }),
  );
}

/** judge()'s kinds that give nothing less than before. */
const NOT_LESS = new Set<string | undefined>([undefined, "gained", "widened"]);

/** Allowed everywhere, unconditionally: what a state is compared with. */
const EVERYTHING = { allow: true, clauses: [] } as unknown as Compiled;

/**
 * Whether a statement speaks of the principal asked about. A trusted account root speaks of
 * every principal of the account (its own IAM decides), so a condition added to it narrows
 * what they get. Asked about an account, an Allow must name the account (or `*`): one
 * principal of it is not the account.
 */
function applies(c: Compiled, principal: string): boolean {
  const account = /^\d{12}$/.test(principal);
  const root = `arn:aws:iam::${principal}:root`;
  const grants = (id: string) =>
    account ? id === "*" || id === principal || covers(id, root, false) : names(id, principal);
  const could = (id: string) => names(id, principal);
  const named = (
    sets: readonly { ids: { literal: readonly string[] } }[],
    test: (id: string) => boolean,
  ) => sets.some((set) => set.ids.literal.some(test));
  if (!c.principals) return !named(c.notPrincipals ?? [], could);
  return named(c.principals, c.allow ? grants : could);
}

/** The points a trust question is asked at: every STS action either side names, and the usual ones. */
function trustActions(statements: readonly Compiled[]): string[] {
  const named = statements.flatMap((c) => (c.actions ?? []).filter((a) => /^sts:[a-z]+$/i.test(a)));
  return [...new Set([...TRUST_ACTIONS, ...named])];
}

/** Whether the trust gives this principal less than before; undefined: cannot tell. */
export function trustNarrowed(
  before: readonly PolicyDocument[],
  after: readonly PolicyDocument[],
  principal: string,
): boolean | undefined {
  const b = statementsOf(before).filter((c) => applies(c, principal));
  const a = statementsOf(after).filter((c) => applies(c, principal));
  for (const action of trustActions([...b, ...a])) {
    const kind = judge(
      b.filter((c) => matchesAction(c, action)),
      a.filter((c) => matchesAction(c, action)),
    );
    if (kind === "unknown") return undefined;
    if (!NOT_LESS.has(kind)) return true;
  }
  return false;
}

/** Whether the documents allow this action on less (or under more conditions) than before. */
export function allowNarrowed(
  before: readonly PolicyDocument[],
  after: readonly PolicyDocument[],
  action: string,
): boolean | undefined {
  const b = statementsOf(before).filter((c) => matchesAction(c, action));
  const a = statementsOf(after).filter((c) => matchesAction(c, action));
  for (const resource of resourcesOf([...b, ...a])) {
    const kind = judge(
      b.filter((c) => matchesResource(c, resource)),
      a.filter((c) => matchesResource(c, resource)),
    );
    if (kind === "unknown") return undefined;
    if (!NOT_LESS.has(kind)) return true;
  }
  return false;
}

/**
 * A state's answer, beyond yes: "certain" (allowed whatever the conditions), "conditional"
 * (only under some of the Allows' conditions, and no Deny could apply) or "denied" (a Deny
 * could apply: whether it does cannot be told).
 */
export type Certainty = "certain" | "conditional" | "denied";

function certaintyOf(groups: readonly (readonly Compiled[])[]): Certainty | undefined {
  let best: Certainty | undefined;
  for (const matched of groups) {
    const kind = judge([EVERYTHING], matched);
    if (kind === "unknown") return undefined;
    if (kind === undefined) return "certain";
    if (kind === "lost") continue;
    const level: Certainty = matched.some((c) => !c.allow) ? "denied" : "conditional";
    if (best === undefined || (best === "denied" && level === "conditional")) best = level;
  }
  return best;
}

/**
 * The assume action a principal of this kind can use: a SAML provider's users assume with SAML,
 * an OIDC provider's with a web identity, every other principal (roles, users, accounts,
 * services) with sts:AssumeRole. Another assume action does not let it in.
 */
export function assumeActionOf(principal: string): string {
  if (/:saml-provider\//.test(principal)) return "sts:AssumeRoleWithSAML";
  if (
    /:oidc-provider\//.test(principal) ||
    /^(accounts\.google\.com|cognito-identity\.amazonaws\.com|graph\.facebook\.com|www\.amazon\.com)$/.test(
      principal,
    )
  )
    return "sts:AssumeRoleWithWebIdentity";
  return "sts:AssumeRole";
}

export function trustCertainty(
  docs: readonly PolicyDocument[],
  principal: string,
): Certainty | undefined {
  const a = statementsOf(docs).filter((c) => applies(c, principal));
  const action = assumeActionOf(principal);
  return certaintyOf([a.filter((c) => matchesAction(c, action))]);
}

export function allowCertainty(
  docs: readonly PolicyDocument[],
  action: string,
): Certainty | undefined {
  const a = statementsOf(docs).filter((c) => matchesAction(c, action));
  return certaintyOf(resourcesOf(a).map((r) => a.filter((c) => matchesResource(c, r))));
}
