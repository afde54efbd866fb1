// Where a path that may not exist yet really is, relative to a folder: symbolic links on the way
// resolved, so that a folder a checkout planted as a link cannot carry writes out of the folder.

import { lstatSync, realpathSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";

/**
 * `path` relative to `root` once every link on the way is followed ("" for root itself), or
 * undefined when it leads outside root (or through a link that leads nowhere).
 */
export function realPathInside(root: string, path: string): string | undefined {
  const realRoot = realpathSync(resolve(root));
  // The nearest part of the path that exists is resolved; what is below it is made new.
  let existing = resolve(path);
  const below: string[] = [];
  for (;;) {
    if (exists(existing)) break;
    const parent = dirname(existing);
    if (parent === existing) return undefined;
    below.unshift(existing.slice(parent.length).replace(/^[\\/]/, ""));
    existing = parent;
  }
  let real: string;
  try {
    real = realpathSync(existing);
  } catch {
    return undefined;
  }
  const inside = relative(realRoot, join(real, ...below));
  if (inside === ".." || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return undefined;
  return inside;
}

/** Whether anything is at `path`, a link included (never followed). */
export function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
