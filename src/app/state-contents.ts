// File contents for reading a commit's state (contracts): every file as added, its text from
// the commit, read in bulk. What gitContents answers file by file, from one tree listing and
// a few batched reads.

import { blobsAt, type TreeEntry, treeAt } from "../adapters/git/tree-blobs.js";
import type { FileChange } from "../core/model.js";
import type { FileContents, FolderContents } from "./classify-changes.js";
import { MAX_MANIFEST_BYTES } from "./classify-changes.js";

const folderOf = (path: string) =>
  path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : ".";
const nameOf = (path: string) => path.slice(path.lastIndexOf("/") + 1);

export interface StateContents {
  /** Every path of the commit's tree that is not a folder. */
  readonly paths: readonly string[];
  /** Reads these files in one go, before they are asked for. */
  preload(paths: readonly string[]): void;
  /** A file's text at the commit; undefined when it is not a regular file there. */
  text(path: string): string | undefined;
  read(file: FileChange): Promise<FileContents | undefined>;
  folder(folder: string, matches: RegExp, limit: number): Promise<FolderContents>;
  context(file: FileChange): Promise<{ path: string; text: string }[]>;
}

export function stateContents(root: string, commit: string): StateContents {
  const tree = treeAt(root, commit);
  const byFolder = new Map<string, string[]>();
  for (const [path, entry] of tree)
    if (entry.kind === "file") {
      const folder = folderOf(path);
      byFolder.set(folder, [...(byFolder.get(folder) ?? []), path]);
    }
  const texts = new Map<string, string>();
  // Past the largest file any reader takes, a file is not read into memory.
  const readable = (entry: TreeEntry | undefined) =>
    entry?.kind === "file" && (entry.size ?? 0) <= MAX_MANIFEST_BYTES;
  const preload = (paths: readonly string[]) => {
    const wanted = paths.filter((p) => !texts.has(p) && readable(tree.get(p)));
    for (const [path, text] of blobsAt(root, commit, wanted)) texts.set(path, text);
  };
  const text = (path: string) => {
    if (!texts.has(path)) preload([path]);
    return texts.get(path);
  };
  const inFolder = (folder: string, matches: RegExp) =>
    (byFolder.get(folder) ?? []).filter((p) => matches.test(nameOf(p))).sort();
  const withTexts = (paths: readonly string[]) => {
    preload(paths);
    return paths.flatMap((path) => {
      const t = texts.get(path);
      return t === undefined ? [] : [{ path, text: t }];
    });
  };
  return {
    paths: [...tree.keys()],
    preload,
    text,
    read: async (file) => {
      const entry = tree.get(file.path);
      if (entry === undefined) return {};
      if (entry.kind !== "file") return { unreadable: `a ${entry.kind} at head` };
      if (!readable(entry))
        return { unreadable: `over ${MAX_MANIFEST_BYTES / (1024 * 1024)} MiB, not read` };
      const t = text(file.path);
      return t === undefined ? {} : { head: t };
    },
    folder: async (folder, matches, limit) => {
      const paths = inFolder(folder, matches);
      if (paths.length > limit)
        return { skipped: `more than ${limit} .tf files`, base: [], head: [] };
      return { base: [], head: withTexts(paths) };
    },
    context: async (file) => withTexts(inFolder(folderOf(file.path), /\.ya?ml$/).slice(0, 100)),
  };
}
