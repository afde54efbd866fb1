// The commits of a local history, each read the way `check --git` reads a change: its files
// with renames, and what changed inside those that match a node, between the commit's parent
// and the commit. Report, suspects and the explorer's recent view share it, so the same change
// gets the same classes and the same risk wherever it is seen.

import { type Commit, changedFilesBetween } from "../adapters/git/git.js";
import { gitContents } from "../adapters/git/git-contents.js";
import type { PathIndex } from "../core/locate/path-index.js";
import { classifyChanges } from "./classify-changes.js";

export async function classifyCommits(
  root: string,
  paths: PathIndex,
  commits: readonly Commit[],
  repo?: string,
): Promise<Commit[]> {
  const out: Commit[] = [];
  for (const commit of commits) {
    // The first commit has no parent: nothing to compare, as git lists it.
    if (commit.root) {
      out.push(commit);
      continue;
    }
    const parent = `${commit.sha}^`;
    const listed = changedFilesBetween(root, parent, commit.sha).map((f) =>
      repo ? { ...f, repo } : f,
    );
    const { files } = await classifyChanges(listed, {
      ...gitContents(root, parent, commit.sha),
      paths,
    });
    out.push({ ...commit, changes: files, files: files.map((f) => f.path) });
  }
  return out;
}
