// The change classes blastradius knows, in order of seriousness.

import type { ChangeClass, FileStatus } from "./model.js";

/** Most serious first; classes not listed here sort after these, alphabetically. */
export const CLASS_ORDER: readonly ChangeClass[] = [
  "deleted",
  "replaced",
  "renamed",
  "trust-narrowed",
  "permissions-removed",
  "trust-widened",
  "permissions-added",
  "modified",
  "unknown",
  "added",
];

export function compareClasses(a: ChangeClass, b: ChangeClass): number {
  const ia = CLASS_ORDER.indexOf(a);
  const ib = CLASS_ORDER.indexOf(b);
  if (ia !== ib) return (ia < 0 ? CLASS_ORDER.length : ia) - (ib < 0 ? CLASS_ORDER.length : ib);
  return a < b ? -1 : a > b ? 1 : 0;
}

export function classOfFileStatus(status: FileStatus): ChangeClass {
  return status === "removed" ? "deleted" : status;
}
