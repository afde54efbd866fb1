// File contents for classification from a local repository: base from a commit, head from
// the working tree (what `check --git` compares) or from a later commit (a commit of the
// history, for report, suspects and the explorer).

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { listFolderAt, showFile } from "../adapters/git/git.js";
import type { FileChange } from "../core/model.js";
import type { FileContents, FolderContents } from "./classify-changes.js";

export function gitContents(root: string, base: string, head?: string) {
  return {
    read: async (file: FileChange): Promise<FileContents | undefined> => {
      const basePath = file.previousPath ?? file.path;
      const baseText = file.status === "added" ? undefined : showFile(root, base, basePath);
      const headFile = join(root, file.path);
      const headText =
        file.status === "removed"
          ? undefined
          : head !== undefined
            ? showFile(root, head, file.path)
            : existsSync(headFile)
              ? readFileSync(headFile, "utf8")
              : undefined;
      return {
        ...(baseText === undefined ? {} : { base: baseText }),
        ...(headText === undefined ? {} : { head: headText }),
      };
    },
    /** Every file of a folder whose name matches, at base (the commit) and head (the working tree, or the head commit). */
    folder: async (folder: string, matches: RegExp, limit: number): Promise<FolderContents> => {
      const path = (name: string) => (folder === "." || folder === "" ? name : `${folder}/${name}`);
      const atBase = (listFolderAt(root, base, folder) ?? []).filter((n) => matches.test(n));
      const absolute = join(root, folder);
      const atHead =
        head !== undefined
          ? (listFolderAt(root, head, folder) ?? []).filter((n) => matches.test(n))
          : existsSync(absolute)
            ? readdirSync(absolute, { withFileTypes: true })
                .filter((e) => e.isFile() && matches.test(e.name))
                .map((e) => e.name)
            : [];
      if (atBase.length > limit || atHead.length > limit)
        return { skipped: `more than ${limit} .tf files`, base: [], head: [] };
      const at = (rev: string, name: string) => {
        const text = showFile(root, rev, path(name));
        return text === undefined ? [] : [{ path: path(name), text }];
      };
      return {
        base: atBase.flatMap((name) => at(base, name)),
        head: atHead
          .sort()
          .flatMap((name) =>
            head !== undefined
              ? at(head, name)
              : [{ path: path(name), text: readFileSync(join(absolute, name), "utf8") }],
          ),
      };
    },
    /** The other manifests in the file's folder, at head. */
    context: async (file: FileChange): Promise<{ path: string; text: string }[]> => {
      const folder = dirname(file.path);
      const at = (name: string) => (folder === "." ? name : `${folder}/${name}`);
      if (head !== undefined) {
        return (listFolderAt(root, head, folder) ?? [])
          .filter((name) => /\.ya?ml$/.test(name))
          .slice(0, 100)
          .flatMap((name) => {
            const text = showFile(root, head, at(name));
            return text === undefined ? [] : [{ path: at(name), text }];
          });
      }
      const absolute = join(root, folder);
      if (!existsSync(absolute)) return [];
      return readdirSync(absolute)
        .filter((name) => /\.ya?ml$/.test(name))
        .slice(0, 100)
        .map((name) => ({
          path: folder === "." ? name : `${folder}/${name}`,
          text: readFileSync(join(absolute, name), "utf8"),
        }));
    },
  };
}
