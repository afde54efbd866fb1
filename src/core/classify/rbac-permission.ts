// An RBAC permission as a contract writes it, and what a Role's grants allow, with RBAC's own
// matching (k8s.io/kubernetes pkg/apis/rbac/v1 evaluation helpers): `*` only as a whole verb,
// group or resource, or as `*/<subresource>`; a rule limited to resourceNames allows those
// names only; a nonResourceURL may end in `*`.
//
// Resources are written as a Role's rules write them (`pods/log` is the log subresource of
// pods), not as `kubectl auth can-i` reads a slash (a name): a contract is about every object
// of a kind, never one name.

/** A grant or a wanted permission, in parts. */
export type RbacGrant =
  | {
      readonly verb: string;
      /** "" for the core group. */
      readonly group: string;
      /** `pods`, `pods/log`, `*`, `*\/scale`. */
      readonly resource: string;
      /** `*` for any name (a rule without resourceNames); else one name. */
      readonly name: string;
    }
  | { readonly verb: string; readonly url: string };

export interface RbacPermission {
  readonly verb: string;
  /** "" for the core group. */
  readonly group: string;
  readonly resource: string;
  readonly subresource?: string;
}

export interface RbacUrlPermission {
  readonly verb: string;
  /** A non-resource URL, `/healthz`, `/metrics`. */
  readonly url: string;
}

export const PERMISSION_SYNTAX =
  "`<verb> <resource>[.<group>][/<subresource>]` (list secrets, create deployments.apps, get pods/log, get */scale, list *.*) or `<verb> /<url>` (get /healthz, get /logs/*)";

// `*` is a whole part or nothing: `secret*` would be a literal name no rule grants.
const VERB = "\\*|[A-Za-z]+";
const WORD = "[a-z0-9](?:[a-z0-9-]*[a-z0-9])?";
const GROUP = `\\*|${WORD}(?:\\.${WORD})*`;
const RESOURCE = new RegExp(`^(${VERB}) (\\*|${WORD})(?:\\.(${GROUP}))?(?:/(${WORD}))?$`);
const URL = new RegExp(`^(${VERB}) (/[^\\s]*)$`);

/**
 * `<verb> <resource>[.<group>][/<subresource>]`, or `<verb> /<url>`; undefined when it is
 * neither. The group is everything after the first dot (`deployments.apps`, `appprojects.
 * argoproj.io`); none is the core group; `*` anywhere means every one.
 */
export function parseRbacPermission(text: string): RbacPermission | RbacUrlPermission | undefined {
  const url = URL.exec(text);
  if (url) return { verb: url[1] as string, url: url[2] as string };
  const m = RESOURCE.exec(text);
  if (!m) return undefined;
  const [, verb, resource, group, subresource] = m as unknown as [
    string,
    string,
    string,
    string?,
    string?,
  ];
  return { verb, resource, group: group ?? "", ...(subresource ? { subresource } : {}) };
}

/** What a permission asks for, as a grant: on any name. */
export function wantedGrant(p: RbacPermission | RbacUrlPermission): RbacGrant {
  if ("url" in p) return p;
  return {
    verb: p.verb,
    group: p.group,
    resource: p.subresource ? `${p.resource}/${p.subresource}` : p.resource,
    name: "*",
  };
}

/**
 * A grant as kubernetes-rbac.ts spells it (`verb group/resource[/subresource]/name` or
 * `verb url:/path`), in parts. Groups and names hold no slash (grants() writes one as a look-alike), so the first part is the group and the last the name.
 */
export function parseGrant(text: string): RbacGrant | undefined {
  const space = text.indexOf(" ");
  if (space < 0) return undefined;
  const verb = text.slice(0, space);
  const rest = text.slice(space + 1);
  if (rest.startsWith("url:")) return { verb, url: rest.slice(4) };
  const first = rest.indexOf("/");
  const last = rest.lastIndexOf("/");
  if (first < 0 || last === first) return undefined;
  return {
    verb,
    group: rest.slice(0, first),
    resource: rest.slice(first + 1, last),
    name: rest.slice(last + 1),
  };
}

/** RBAC's resource match: `*`, the same resource, or `*\/sub` for any resource's `sub`. */
function resourceCovers(rule: string, wanted: string): boolean {
  if (rule === "*" || rule === wanted) return true;
  if (!rule.startsWith("*/")) return false;
  const slash = wanted.indexOf("/");
  // A wanted `*` part is every one: only the whole wildcard covers it.
  return slash > 0 && !wanted.startsWith("*") && wanted.slice(slash + 1) === rule.slice(2);
}

/** RBAC's nonResourceURL match: `*`, the same URL, or a prefix ending in `*`. */
function urlCovers(rule: string, wanted: string): boolean {
  if (rule === "*" || rule === wanted) return true;
  return rule.endsWith("*") && wanted.startsWith(rule.slice(0, -1));
}

/** Whether the grant `by` allows everything `grant` does (a wildcard in `grant` is every one). */
export function grantCovers(by: RbacGrant, grant: RbacGrant): boolean {
  if (by.verb !== "*" && by.verb !== grant.verb) return false;
  if ("url" in by || "url" in grant)
    return "url" in by && "url" in grant && urlCovers(by.url, grant.url);
  return (
    (by.group === "*" || by.group === grant.group) &&
    resourceCovers(by.resource, grant.resource) &&
    (by.name === "*" || by.name === grant.name)
  );
}

/** The same on grants as spelled (an unreadable one covers nothing and is covered by nothing). */
export function grantTextCovers(by: string, grant: string): boolean {
  if (by === grant) return true;
  const a = parseGrant(by);
  const b = parseGrant(grant);
  return a !== undefined && b !== undefined && grantCovers(a, b);
}

/** A grant as kubernetes-rbac.ts spells it, from its parts. */
const spelled = (g: RbacGrant) =>
  "url" in g ? `${g.verb} url:${g.url}` : `${g.verb} ${g.group}/${g.resource}/${g.name}`;

/**
 * Every spelling of a grant that covers `grant` (a verb, group, resource and name of its own
 * or `*`; `*\/sub` for a subresource; a URL's prefixes ending in `*`): whether a list covers
 * it is then a few set lookups rather than a walk of the list. The candidates are what
 * grantCovers accepts, written out.
 */
function coveringSpellings(grant: RbacGrant): string[] {
  const verbs = grant.verb === "*" ? ["*"] : [grant.verb, "*"];
  if ("url" in grant) {
    const urls = ["*", grant.url];
    for (let i = 0; i <= grant.url.length; i++) urls.push(`${grant.url.slice(0, i)}*`);
    return verbs.flatMap((verb) => urls.map((url) => spelled({ verb, url })));
  }
  const groups = grant.group === "*" ? ["*"] : [grant.group, "*"];
  const resources = grant.resource === "*" ? ["*"] : [grant.resource, "*"];
  const slash = grant.resource.indexOf("/");
  if (slash > 0 && !grant.resource.startsWith("*"))
    resources.push(`*/${grant.resource.slice(slash + 1)}`);
  const names = grant.name === "*" ? ["*"] : [grant.name, "*"];
  const out: string[] = [];
  for (const verb of verbs)
    for (const group of groups)
      for (const resource of resources)
        for (const name of names) out.push(spelled({ verb, group, resource, name }));
  return out;
}

/**
 * A test of "do these grants cover that one", built once for a list: the comparison of two
 * Roles asks it of every grant of the other, thousands of times.
 */
export function coveredBy(grants: readonly string[]): (grant: string) => boolean {
  const known = new Set(grants);
  return (grant) => {
    if (known.has(grant)) return true;
    const g = parseGrant(grant);
    return g !== undefined && coveringSpellings(g).some((c) => known.has(c));
  };
}

/** Whether grants allow the permission on every name; undefined when it does not parse. */
export function rbacAllows(grants: readonly string[], permission: string): boolean | undefined {
  const p = parseRbacPermission(permission);
  if (!p) return undefined;
  const want = wantedGrant(p);
  return grants.some((g) => {
    const rule = parseGrant(g);
    return rule !== undefined && grantCovers(rule, want);
  });
}
