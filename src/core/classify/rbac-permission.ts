// An RBAC permission as a contract writes it (`list secrets`, `create appprojects.argoproj.io`,
// `get pods/log`, `get deployments.apps/scale`), checked against a Role's grants.

import { covers } from "./iam-pattern.js";

export interface RbacPermission {
  readonly verb: string;
  /** "" for the core group. */
  readonly group: string;
  readonly resource: string;
  readonly subresource?: string;
}

/** `<verb> <resource>[.<group>][/<subresource>]`; undefined when it is not that shape. */
export function parseRbacPermission(text: string): RbacPermission | undefined {
  const m = /^([A-Za-z*]+) ([a-z0-9*][a-z0-9.*-]*)(?:\/([a-z0-9*][a-z0-9*-]*))?$/.exec(text);
  if (!m) return undefined;
  const [, verb, target, subresource] = m as unknown as [string, string, string, string?];
  const dot = target.indexOf(".");
  return {
    verb,
    resource: dot < 0 ? target : target.slice(0, dot),
    group: dot < 0 ? "" : target.slice(dot + 1),
    ...(subresource ? { subresource } : {}),
  };
}

/** As kubernetes-rbac.ts spells a grant: `verb group/resource[/subresource]/name`, any name. */
export function grantOf(p: RbacPermission): string {
  return `${p.verb} ${p.group}/${p.resource}${p.subresource ? `/${p.subresource}` : ""}/*`;
}

/** Whether grants allow the permission on every name; undefined when it does not parse. */
export function rbacAllows(grants: readonly string[], permission: string): boolean | undefined {
  const p = parseRbacPermission(permission);
  if (!p) return undefined;
  const want = grantOf(p);
  return grants.some((g) => covers(g, want, false));
}
