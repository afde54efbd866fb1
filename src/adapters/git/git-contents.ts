// File contents for classification from a local repository: base from a commit, head from
// the working tree (what `check --git` compares) or from a later commit (a commit of the
// history, for report, suspects and the explorer).

import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import type { FileContents, FolderContents } from "../../app/contents.js";
import type { FileChange } from "../../core/model.js";
import { readRegularFile } from "../fs/read-regular.js";
import { entryKindAt, listFolderAt, showFile } from "./git.js";
import { blobsAt } from "./tree-blobs.js";

const inFolder = (folder: string, name: string) =>
  folder === "." || folder === "" ? name : `${folder}/${name}`;

/** Past GitHub's own limit for a file, a file is not read from the working tree. */
const MAX_WORKING_TREE_BYTES = 100 * 1024 * 1024;

type Side = { readonly text: string } | { readonly unreadable: string } | undefined;

export function gitContents(root: string, base: string, head?: string) {
  /** A file at a commit; a symlink's blob is its target's name, a submodule has none: neither is read. */
  const readAt = (rev: string, path: string): Side => {
    const kind = entryKindAt(root, rev, path);
    if (kind === undefined) return undefined;
    if (kind !== "file") return { unreadable: `a ${kind === "directory" ? "folder" : kind}` };
    const text = showFile(root, rev, path);
    return text === undefined ? undefined : { text };
  };
  /** A file at head: in the head commit, or in the working tree (never through a link). */
  const sideAtHead = (path: string): Side => {
    if (head !== undefined) return readAt(head, path);
    const read = readRegularFile(join(root, path), {
      maxBytes: MAX_WORKING_TREE_BYTES,
      noFollow: true,
    });
    if (read.ok) return { text: read.bytes.toString("utf8") };
    if (read.reason === "missing") return undefined;
    if (read.reason === "symlink") return { unreadable: "a symlink" };
    return { unreadable: read.message.replace(/^is /, "") };
  };
  const readAtHead = (path: string): string | undefined => {
    const side = sideAtHead(path);
    return side && "text" in side ? side.text : undefined;
  };
  /** The names of the files directly in a folder at head whose names match. */
  const namesAtHead = (folder: string, matches: RegExp): string[] => {
    if (head !== undefined)
      return (listFolderAt(root, head, folder) ?? []).filter((n) => matches.test(n));
    const absolute = join(root, folder);
    return existsSync(absolute)
      ? readdirSync(absolute, { withFileTypes: true })
          .filter((e) => e.isFile() && matches.test(e.name))
          .map((e) => e.name)
      : [];
  };
  const texts = (
    names: readonly string[],
    folder: string,
    read: (path: string) => string | undefined,
  ) =>
    names.flatMap((name) => {
      const text = read(inFolder(folder, name));
      return text === undefined ? [] : [{ path: inFolder(folder, name), text }];
    });
  return {
    read: async (file: FileChange): Promise<FileContents | undefined> => {
      const basePath = file.previousPath ?? file.path;
      const atBase = file.status === "added" ? undefined : readAt(base, basePath);
      const atHead = file.status === "removed" ? undefined : sideAtHead(file.path);
      const unreadable = [
        atBase && "unreadable" in atBase ? `${atBase.unreadable} at base` : undefined,
        atHead && "unreadable" in atHead ? `${atHead.unreadable} at head` : undefined,
      ].filter((u) => u !== undefined);
      return {
        ...(atBase && "text" in atBase ? { base: atBase.text } : {}),
        ...(atHead && "text" in atHead ? { head: atHead.text } : {}),
        ...(unreadable.length > 0 ? { unreadable: unreadable.join(", ") } : {}),
      };
    },
    /** Every file of a folder whose name matches, at base (the commit) and head (the working tree, or the head commit). */
    folder: async (folder: string, matches: RegExp, limit: number): Promise<FolderContents> => {
      const atBase = (listFolderAt(root, base, folder) ?? []).filter((n) => matches.test(n));
      const atHead = namesAtHead(folder, matches);
      if (atBase.length > limit || atHead.length > limit)
        return { skipped: `more than ${limit} .tf files`, base: [], head: [] };
      // A folder's files at a commit in one `git cat-file --batch`, not a `git show` each:
      // every process git starts is 10 to 20 ms, more than parsing a file.
      const atCommit = (rev: string, names: readonly string[]) => {
        const read = blobsAt(
          root,
          rev,
          names.map((name) => inFolder(folder, name)),
        );
        return (path: string) => read.get(path);
      };
      return {
        base: texts(atBase, folder, atCommit(base, atBase)),
        head: texts(
          atHead.sort(),
          folder,
          head === undefined ? readAtHead : atCommit(head, atHead),
        ),
      };
    },
    /** The other manifests in the file's folder, at head. */
    context: async (file: FileChange): Promise<{ path: string; text: string }[]> => {
      const folder = dirname(file.path);
      return texts(namesAtHead(folder, /\.ya?ml$/).slice(0, 100), folder, readAtHead);
    },
  };
}
