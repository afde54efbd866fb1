// A pull request's files from a local clone, for when the API stops at 3,000. Only git's
// object database is read: nothing from the pull request is run.

import type { FileChange } from "../../core/model.js";
import { changedFilesBetween, findRepoRoot, hasCommit } from "./git.js";

export function localDiffIn(dir: string | undefined) {
  return (base: string, head: string): FileChange[] | undefined => {
    const root = dir ? findRepoRoot(dir) : undefined;
    if (!root || !hasCommit(root, base) || !hasCommit(root, head)) return undefined;
    return changedFilesBetween(root, base, head);
  };
}
