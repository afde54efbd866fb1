// Where a change's files come from: a list, a file of paths, or local git.

import { isAbsolute, relative, resolve } from "node:path";
import { readPathList } from "../adapters/fs/read-path-list.js";
import { changedFilesSince, defaultBranch, findRepoRoot, originRepo } from "../adapters/git/git.js";
import { InputError } from "../core/errors.js";
import type { FileChange } from "../core/model.js";

export type ChangeSource =
  | { readonly kind: "files"; readonly paths: readonly string[] }
  | { readonly kind: "files-from"; readonly file: string }
  | { readonly kind: "git"; readonly base?: string };

export interface ResolvedChanges {
  readonly files: FileChange[];
  /** owner/name of the repository the files are in, when known. */
  readonly repo?: string;
  /** For git: where to read each file's base (a commit) and head (the working tree). */
  readonly git?: { readonly root: string; readonly base: string };
}

export interface ChangeContext {
  readonly cwd: string;
  readonly readStdin: () => string;
  readonly repo?: string;
}

/**
 * `repoMatters`: whether the graph has a rule that names a repository; where none does, which
 * repository the files are in changes no match, and git is not asked (a process, 15 ms here).
 */
export function resolveChanges(
  source: ChangeSource,
  context: ChangeContext,
  repoMatters = true,
): ResolvedChanges {
  const root = findRepoRoot(context.cwd);
  const repo = context.repo?.toLowerCase() ?? (root && repoMatters ? originRepo(root) : undefined);
  switch (source.kind) {
    case "files":
      return { files: source.paths.map((p) => modified(p, context.cwd, root)), repo };
    case "files-from": {
      const text = source.file === "-" ? context.readStdin() : readPathList(source.file);
      const paths = text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== "" && !line.startsWith("#"));
      return { files: paths.map((p) => modified(p, context.cwd, root)), repo };
    }
    case "git": {
      if (!root) {
        throw new InputError(
          `${context.cwd} is not inside a git repository`,
          "list the changed files with --files or --files-from",
        );
      }
      const base = source.base ?? defaultBranch(root);
      // One merge base for the file list and for reading the base side.
      const { files, mergeBase } = changedFilesSince(root, base);
      return { files, repo, git: { root, base: mergeBase } };
    }
  }
}

/**
 * Paths are relative to the repository root, as in a pull request or `git diff --name-only`.
 * Only a path that says where it starts (`./x`, `../x`, `/abs/x`) is taken from the current
 * folder and rebased onto the root.
 */
function modified(path: string, cwd: string, root: string | undefined): FileChange {
  let clean = path.replace(/\\/g, "/");
  const anchored = isAbsolute(clean) || clean.startsWith("./") || clean.startsWith("../");
  if (anchored) {
    const absolute = resolve(cwd, clean);
    const inRepo = root ? relative(root, absolute).replace(/\\/g, "/") : relative(cwd, absolute);
    if (!inRepo.startsWith("../") && inRepo !== "..") clean = inRepo;
  }
  return { path: clean, status: "modified" };
}
