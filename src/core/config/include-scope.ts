// Where a graph's includes (and its catalogs' Location targets) may point: relative paths that
// stay inside one root folder. Shared by file discovery and by the assembly that reports.

import type { Diagnostic } from "../model.js";
import type { KeyPath } from "./key-path.js";
import { at } from "./place.js";
import { type PathSyntax, posix } from "./posix-path.js";

/** The key (deps.yaml) or line (a catalog's Location) that names another file. */
export interface IncludedFrom {
  readonly file: string;
  readonly keyPath?: KeyPath;
  readonly line?: number;
}

export interface IncludeScope {
  /** The entry as the caller gave it, for messages about the graph as a whole. */
  readonly given: string;
  /** The entry, normalised: the first file read. */
  readonly entry: string;
  readonly root: string;
  readonly paths: PathSyntax;
}

export interface ScopeOptions {
  /**
   * The folder includes may not leave, in the same form as entry (relative or absolute): the
   * repository root for a deps file in a repository. Default: the entry's own folder.
   */
  readonly root?: string;
  /**
   * How paths are joined. Default: repository paths ("/" on every OS), as GitHub serves them;
   * a reader of a local disk passes node:path.
   */
  readonly paths?: PathSyntax;
}

export function includeScope(entry: string, options: ScopeOptions = {}): IncludeScope {
  const paths = options.paths ?? posix;
  return {
    given: entry,
    entry: paths.normalize(entry),
    root: paths.normalize(options.root ?? paths.dirname(entry)),
    paths,
  };
}

export function placeOf(from: IncludedFrom) {
  return from.keyPath ? at(from.file, from.keyPath) : { file: from.file, line: from.line };
}

const ROOT_WHY = "the repository holding the deps file, or without one its own folder";

/** An include's path, or the error saying why it is not read (absolute, or leaves the root). */
export function resolveInclude(
  scope: IncludeScope,
  target: string,
  from: IncludedFrom,
): { readonly path: string } | { readonly error: Diagnostic } {
  const { paths, root } = scope;
  const what = from.keyPath ? "include" : "Location target";
  const rootShown = `${root === "." ? "." : root.replace(/[\\/]+$/, "")}/`;
  if (paths.isAbsolute(target))
    return {
      error: {
        severity: "error",
        code: "include-outside-root",
        ...placeOf(from),
        message: `${what} ${target} is an absolute path; not read`,
        hint: `write it relative to ${paths.dirname(from.file)}/, inside ${rootShown} (${ROOT_WHY})`,
      },
    };
  const resolved = paths.join(paths.dirname(from.file), target);
  const inside = paths.relative(root, resolved);
  if (inside === ".." || inside.startsWith(`..${paths.sep}`) || paths.isAbsolute(inside))
    return {
      error: {
        severity: "error",
        code: "include-outside-root",
        ...placeOf(from),
        message: `${what} ${target} resolves to ${resolved}, outside ${rootShown} (${ROOT_WHY}); not read`,
        hint: "copy the file inside, or keep the deps file higher up",
      },
    };
  return { path: resolved };
}
