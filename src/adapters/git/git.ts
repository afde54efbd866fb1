// Local git: changed files, tracked files, the default branch. Runs git with an
// argument list (no shell), never anything from the repository itself.

import { execFileSync } from "node:child_process";
import { InputError } from "../../core/errors.js";
import type { FileChange } from "../../core/model.js";

function git(cwd: string, args: readonly string[]): string {
  try {
    return execFileSync("git", args, {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 1024 * 1024 * 1024,
    });
  } catch (error) {
    const e = error as { code?: string; stderr?: string | Buffer };
    if (e.code === "ENOENT") throw new InputError("git is not installed or not on PATH");
    const stderr =
      String(e.stderr ?? "")
        .trim()
        .split("\n")[0] ?? "";
    throw new InputError(`git ${args[0]} failed: ${stderr || "unknown error"}`);
  }
}

/** The repository's top folder, or undefined outside a repository. */
export function findRepoRoot(cwd: string): string | undefined {
  try {
    return git(cwd, ["rev-parse", "--show-toplevel"]).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** origin/HEAD's branch, else main or master, whichever exists. */
export function defaultBranch(root: string): string {
  try {
    const head = git(root, ["symbolic-ref", "--quiet", "refs/remotes/origin/HEAD"]).trim();
    if (head) return head.replace(/^refs\/remotes\//, "");
  } catch {
    // no origin/HEAD: fall through
  }
  for (const candidate of ["origin/main", "origin/master", "main", "master"]) {
    try {
      git(root, ["rev-parse", "--verify", "--quiet", `${candidate}^{commit}`]);
      return candidate;
    } catch {
      // try the next
    }
  }
  throw new InputError(
    "cannot tell the repository's default branch (no origin/HEAD, main or master)",
    "name the base with --git REF, or list the files with --files",
  );
}

/**
 * Files changed between the merge base of `base` and the working tree, untracked files
 * included, and that merge base (the commit the base side is read at).
 */
export function changedFilesSince(
  root: string,
  base: string,
): { readonly files: FileChange[]; readonly mergeBase: string } {
  try {
    git(root, ["rev-parse", "--verify", "--quiet", `${base}^{commit}`]);
  } catch {
    throw new InputError(
      `"${base}" is not a commit, branch or tag in ${root}`,
      "pass an existing ref to --git",
    );
  }
  const mergeBase = mergeBaseOf(root, base);
  const out = git(root, ["diff", "--name-status", "-z", "-M", "--no-ext-diff", mergeBase]);
  const changes = parseNameStatus(out);
  const untracked = git(root, ["ls-files", "--others", "--exclude-standard", "-z"]);
  for (const path of untracked.split("\0")) if (path) changes.push({ path, status: "added" });
  return { files: changes, mergeBase };
}

/** The commit where HEAD's history left `base`'s: what a pull request is compared against. */
function mergeBaseOf(root: string, base: string): string {
  return git(root, ["merge-base", base, "HEAD"]).trim();
}

/** A file's text at a commit, or undefined when it is not there. */
export function showFile(root: string, rev: string, path: string): string | undefined {
  try {
    return git(root, ["show", `${rev}:${path}`]);
  } catch {
    return undefined;
  }
}

/**
 * What a path holds at a commit, by git's mode: a regular file, a symlink (120000: its blob is
 * the link's target, not a file's text), a submodule (160000), a folder; undefined when absent.
 */
export function entryKindAt(
  root: string,
  rev: string,
  path: string,
): "file" | "symlink" | "submodule" | "directory" | undefined {
  try {
    const line = git(root, ["ls-tree", "-z", rev, "--", path]).split("\0")[0] ?? "";
    const mode = line.split(" ")[0];
    if (mode === undefined || mode === "") return undefined;
    return mode === "120000"
      ? "symlink"
      : mode === "160000"
        ? "submodule"
        : mode === "040000"
          ? "directory"
          : "file";
  } catch {
    return undefined;
  }
}

/**
 * The names of the regular files directly in a folder at a commit (symlinks and submodules
 * left out); undefined when it has no such folder.
 */
export function listFolderAt(root: string, rev: string, folder: string): string[] | undefined {
  try {
    const tree = folder === "" || folder === "." ? `${rev}:` : `${rev}:${folder}`;
    return git(root, ["ls-tree", "-z", tree])
      .split("\0")
      .flatMap((line) => {
        const tab = line.indexOf("\t");
        const mode = line.slice(0, line.indexOf(" "));
        return tab > 0 && (mode === "100644" || mode === "100755") ? [line.slice(tab + 1)] : [];
      });
  } catch {
    return undefined;
  }
}

/** Whether a commit is present locally (a shallow checkout may not have the base). */
export function hasCommit(root: string, sha: string): boolean {
  try {
    git(root, ["cat-file", "-e", `${sha}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/** Files changed from the merge base of two commits to the second, as a pull request counts them. */
export function changedFilesBetween(root: string, base: string, head: string): FileChange[] {
  const out = git(root, [
    "diff",
    "--name-status",
    "-z",
    "-M",
    "--no-ext-diff",
    `${base}...${head}`,
  ]);
  return parseNameStatus(out);
}

export function parseNameStatus(out: string): FileChange[] {
  const fields = out.split("\0");
  const changes: FileChange[] = [];
  for (let i = 0; i < fields.length; ) {
    const status = fields[i++];
    if (!status) continue;
    const letter = status[0];
    if (letter === "R" || letter === "C") {
      const previousPath = fields[i++] ?? "";
      const path = fields[i++] ?? "";
      changes.push(
        letter === "R" ? { path, previousPath, status: "renamed" } : { path, status: "added" },
      );
    } else {
      const path = fields[i++] ?? "";
      changes.push({
        path,
        status: letter === "A" ? "added" : letter === "D" ? "removed" : "modified",
      });
    }
  }
  return changes;
}

/** Every file git tracks or would track (untracked, not ignored), relative to the root. */
export function trackedFiles(root: string): string[] {
  return git(root, ["ls-files", "-z", "--cached", "--others", "--exclude-standard"])
    .split("\0")
    .filter(Boolean);
}

/** owner/name from the origin remote's URL, when it is a GitHub-style URL. */
export function originRepo(root: string): string | undefined {
  try {
    const url = git(root, ["remote", "get-url", "origin"]).trim();
    const match = /[:/]([^/:]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url);
    return match ? `${match[1]}/${match[2]}`.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

export interface Commit {
  readonly sha: string;
  /** Seconds since the epoch. */
  readonly time: number;
  readonly author: string;
  readonly subject: string;
  readonly files: readonly string[];
  /** The same files with how each changed. */
  readonly changes: readonly FileChange[];
  /** The commit that created the repository: no parent, so no "before". */
  readonly root: boolean;
}

/** Commits of the last `days` days reachable from HEAD, newest first, with the files each touched. */
export function commitsSince(root: string, days: number): Commit[] {
  return commitsBetween(root, Math.floor(Date.now() / 1000) - days * 86_400);
}

/** Commits reachable from HEAD made from `since` (seconds since the epoch) to `until`, newest first. */
export function commitsBetween(root: string, since: number, until?: number): Commit[] {
  const out = git(root, [
    "log",
    `--since=${new Date(since * 1000).toISOString()}`,
    ...(until === undefined ? [] : [`--until=${new Date(until * 1000).toISOString()}`]),
    "--no-renames",
    "--name-status",
    "-z",
    "--format=%x1e%H%x1f%ct%x1f%an%x1f%P%x1f%s",
  ]);
  const commits: Commit[] = [];
  // Each record: \x1e, the header, \0, then status \0 path \0 for each file.
  for (const record of out.split("\x1e")) {
    const [header = "", ...fields] = record.split("\0");
    if (!header.trim()) continue;
    const [sha = "", time = "0", author = "", parents = "", subject = ""] = header.split("\x1f");
    const changes: FileChange[] = [];
    for (let i = 0; i + 1 < fields.length; i += 2) {
      const letter = (fields[i] as string).trim()[0];
      const path = fields[i + 1] as string;
      if (!letter || !path) continue;
      changes.push({
        path,
        status: letter === "A" ? "added" : letter === "D" ? "removed" : "modified",
      });
    }
    commits.push({
      sha,
      time: Number(time),
      author,
      subject,
      files: changes.map((c) => c.path),
      changes,
      root: parents.trim() === "",
    });
  }
  return commits;
}

/** The commit a ref names, or InputError saying the ref is unknown. */
export function commitOf(root: string, ref: string): string {
  try {
    return git(root, [
      "rev-parse",
      "--verify",
      "--quiet",
      "--end-of-options",
      `${ref}^{commit}`,
    ]).trim();
  } catch {
    throw new InputError(
      `"${ref}" is not a commit, branch or tag in ${root}`,
      "pass an existing ref to --git",
    );
  }
}
