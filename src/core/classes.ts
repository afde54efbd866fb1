// The change classes: one vocabulary for every analyser, every edge's breaks_on and every
// renderer. Ordered most serious first.

import type { ChangeClass, FileStatus } from "./model.js";

export const CHANGE_CLASSES = {
  deleted: "removed: whatever used it fails",
  replaced: "destroyed and recreated: a new ARN or id, so references to the old one break",
  renamed: "moved to a new name or address",
  "trust-narrowed":
    "fewer principals may assume the role (or use the binding), or under more conditions",
  "permissions-removed": "actions or resources it allowed are no longer allowed",
  unknown: "changed in a way that could not be read (no contents, an unknown value in a plan)",
  "trust-widened":
    "more principals may assume the role (or use the binding), or under fewer conditions",
  "permissions-added": "it allows actions or resources it did not before",
  modified: "changed in some other way (tags, descriptions, settings)",
  added: "new",
} as const satisfies Record<string, string>;

export type KnownClass = keyof typeof CHANGE_CLASSES;

/** Most serious first. */
export const CLASS_ORDER = Object.keys(CHANGE_CLASSES) as readonly KnownClass[];

export function compareClasses(a: ChangeClass, b: ChangeClass): number {
  const order = CLASS_ORDER as readonly string[];
  const ia = order.indexOf(a);
  const ib = order.indexOf(b);
  if (ia !== ib) return (ia < 0 ? order.length : ia) - (ib < 0 ? order.length : ib);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Terraform is never a plain edit: it may be a trust change or a comment. */
const TERRAFORM_FILE = /\.tf(\.json)?$/;

/**
 * A file change whose contents were not compared. A modified Terraform file is `unknown`;
 * any other modified file is plainly `modified`.
 */
export function classOfUncomparedFile(status: FileStatus, path: string): ChangeClass {
  if (status === "removed") return "deleted";
  if (status === "modified" && TERRAFORM_FILE.test(path)) return "unknown";
  return status;
}

const IAM_BREAKS: readonly ChangeClass[] = [
  "deleted",
  "replaced",
  "renamed",
  "trust-narrowed",
  "unknown",
];
const IAM_USE_BREAKS: readonly ChangeClass[] = [...IAM_BREAKS, "permissions-removed"];
const POLICY_BREAKS: readonly ChangeClass[] = [
  "deleted",
  "replaced",
  "renamed",
  "permissions-removed",
  "unknown",
];

/**
 * What an edge breaks on when deps.yaml does not say, by how the dependency works. Edges not
 * listed break on every class. The arrays are shared, so edges with the same default share
 * one break set in the compact graph.
 */
export const DEFAULT_BREAKS_ON: Readonly<Record<string, readonly ChangeClass[]>> = {
  // Assuming a role needs its trust; what it may do once assumed is the dependent's risk.
  "assumes-role": IAM_BREAKS,
  // These use the role's permissions as well as its trust.
  "token-exchange": IAM_USE_BREAKS,
  "runs-as": IAM_USE_BREAKS,
  "binds-role": IAM_USE_BREAKS,
  references: IAM_USE_BREAKS,
  "uses-policy": POLICY_BREAKS,
  "attaches-policy": POLICY_BREAKS,
};
