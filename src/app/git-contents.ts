// File contents for classification from a local repository: base from a commit, head from
// the working tree (what `check --git` compares).

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { listFolderAt, showFile } from "../adapters/git/git.js";
import type { FileChange } from "../core/model.js";
import type { FileContents, FolderContents } from "./classify-changes.js";

export function gitContents(root: string, base: string) {
  return {
    read: async (file: FileChange): Promise<FileContents | undefined> => {
      const basePath = file.previousPath ?? file.path;
      const baseText = file.status === "added" ? undefined : showFile(root, base, basePath);
      const headFile = join(root, file.path);
      const headText =
        file.status === "removed" || !existsSync(headFile)
          ? undefined
          : readFileSync(headFile, "utf8");
      return {
        ...(baseText === undefined ? {} : { base: baseText }),
        ...(headText === undefined ? {} : { head: headText }),
      };
    },
    /** Every file of a folder whose name matches, at base (the commit) and head (the working tree). */
    folder: async (folder: string, matches: RegExp, limit: number): Promise<FolderContents> => {
      const atBase = (listFolderAt(root, base, folder) ?? []).filter((n) => matches.test(n));
      const absolute = join(root, folder);
      const head = existsSync(absolute)
        ? readdirSync(absolute, { withFileTypes: true })
            .filter((e) => e.isFile() && matches.test(e.name))
            .map((e) => e.name)
        : [];
      const path = (name: string) => (folder === "." || folder === "" ? name : `${folder}/${name}`);
      if (atBase.length > limit || head.length > limit)
        return { skipped: `more than ${limit} .tf files`, base: [], head: [] };
      return {
        base: atBase.flatMap((name) => {
          const text = showFile(root, base, path(name));
          return text === undefined ? [] : [{ path: path(name), text }];
        }),
        head: head.sort().map((name) => ({
          path: path(name),
          text: readFileSync(join(absolute, name), "utf8"),
        })),
      };
    },
    /** The other manifests in the file's folder, at head. */
    context: async (file: FileChange): Promise<{ path: string; text: string }[]> => {
      const folder = dirname(file.path);
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
