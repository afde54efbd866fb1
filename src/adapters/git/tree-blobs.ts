// A commit's tree and its files' texts in bulk: one `git ls-tree` for every entry with its
// mode and size, one `git cat-file --batch` for many files. Reading a state of thousands of
// files costs two processes, not two per file.

import { execFileSync } from "node:child_process";
import { showFile } from "./git.js";

export interface TreeEntry {
  readonly kind: "file" | "symlink" | "submodule";
  /** In bytes; undefined for a submodule. */
  readonly size?: number;
}

/** Every entry of a commit's tree that is not a folder, by path from the root. */
export function treeAt(root: string, rev: string): Map<string, TreeEntry> {
  const out = execFileSync("git", ["ls-tree", "-r", "-l", "-z", "--full-tree", rev], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 1024 * 1024 * 1024,
  });
  const entries = new Map<string, TreeEntry>();
  for (const line of out.split("\0")) {
    const tab = line.indexOf("\t");
    if (tab < 0) continue;
    const [mode, , , size] = line.slice(0, tab).split(/\s+/);
    const kind = mode === "120000" ? "symlink" : mode === "160000" ? "submodule" : "file";
    const bytes = Number(size);
    entries.set(line.slice(tab + 1), {
      kind,
      ...(Number.isFinite(bytes) ? { size: bytes } : {}),
    });
  }
  return entries;
}

/**
 * The texts of files at a commit, read together; a path git cannot give is left out. A path
 * with a line break cannot be asked for in a batch: each such path is read on its own.
 */
export function blobsAt(root: string, rev: string, paths: readonly string[]): Map<string, string> {
  const texts = new Map<string, string>();
  readBatch(
    root,
    rev,
    paths.filter((p) => !p.includes("\n")),
    texts,
  );
  for (const path of paths) {
    if (!path.includes("\n")) continue;
    const text = showFile(root, rev, path);
    if (text !== undefined) texts.set(path, text);
  }
  return texts;
}

/** Files read through one `git cat-file --batch`, into `texts`. */
function readBatch(
  root: string,
  rev: string,
  asked: readonly string[],
  texts: Map<string, string>,
): void {
  if (asked.length === 0) return;
  let out: Buffer;
  try {
    out = execFileSync("git", ["cat-file", "--batch"], {
      cwd: root,
      input: asked.map((p) => `${rev}:${p}\n`).join(""),
      stdio: ["pipe", "pipe", "pipe"],
      maxBuffer: 2 * 1024 * 1024 * 1024,
    });
  } catch {
    return;
  }
  let at = 0;
  for (const path of asked) {
    const end = out.indexOf(10, at);
    if (end < 0) break;
    const header = out.subarray(at, end).toString("utf8");
    at = end + 1;
    const size = /^[0-9a-f]+ \w+ (\d+)$/.exec(header)?.[1];
    if (size === undefined) continue; // "<name> missing"
    const bytes = Number(size);
    // A blob too large to be one string (over 512 MB) is left out, as `git show` left it.
    if (header.split(" ")[1] === "blob")
      try {
        texts.set(path, out.subarray(at, at + bytes).toString("utf8"));
      } catch {
        // Left out: the caller says it could not read it.
      }
    at += bytes + 1;
  }
}
