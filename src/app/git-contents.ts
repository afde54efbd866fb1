// File contents for classification from a local repository: base from a commit, head from
// the working tree (what `check --git` compares) or from a later commit (a commit of the
// history, for report, suspects and the explorer).

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { listFolderAt, showFile } from "../adapters/git/git.js";
import type { FileChange } from "../core/model.js";
import type { FileContents, FolderContents } from "./classify-changes.js";

const inFolder = (folder: string, name: string) =>
  folder === "." || folder === "" ? name : `${folder}/${name}`;

export function gitContents(root: string, base: string, head?: string) {
  /** A file's text at head: in the head commit, or in the working tree. */
  const readAtHead = (path: string): string | undefined => {
    if (head !== undefined) return showFile(root, head, path);
    const absolute = join(root, path);
    return existsSync(absolute) ? readFileSync(absolute, "utf8") : undefined;
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
      const baseText = file.status === "added" ? undefined : showFile(root, base, basePath);
      const headText = file.status === "removed" ? undefined : readAtHead(file.path);
      return {
        ...(baseText === undefined ? {} : { base: baseText }),
        ...(headText === undefined ? {} : { head: headText }),
      };
    },
    /** Every file of a folder whose name matches, at base (the commit) and head (the working tree, or the head commit). */
    folder: async (folder: string, matches: RegExp, limit: number): Promise<FolderContents> => {
      const atBase = (listFolderAt(root, base, folder) ?? []).filter((n) => matches.test(n));
      const atHead = namesAtHead(folder, matches);
      if (atBase.length > limit || atHead.length > limit)
        return { skipped: `more than ${limit} .tf files`, base: [], head: [] };
      return {
        base: texts(atBase, folder, (path) => showFile(root, base, path)),
        head: texts(atHead.sort(), folder, readAtHead),
      };
    },
    /** The other manifests in the file's folder, at head. */
    context: async (file: FileChange): Promise<{ path: string; text: string }[]> => {
      const folder = dirname(file.path);
      return texts(namesAtHead(folder, /\.ya?ml$/).slice(0, 100), folder, readAtHead);
    },
  };
}
