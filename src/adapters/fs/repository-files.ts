// The file system side of scanning a repository: which files there are (git's list, or a walk
// that never follows a link), and the CDK output folders git does not list.

import { type Dirent, lstatSync, readdirSync, statSync } from "node:fs";
import { join, posix, relative } from "node:path";
import { cdkAppSources } from "../../core/adopt/template-scan.js";
import { trackedFiles } from "../git/git.js";
import { readRegularFile } from "./read-regular.js";

/** Whether the path is a folder (following a link: the user named it). */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * git's view (tracked and untracked-but-not-ignored) inside a repository; else every file but
 * .git and the folders `skippedNames` names (counted in `skipped`).
 */
export function listRepositoryFiles(
  root: string,
  repoRoot: string | undefined,
  skippedNames: Readonly<Record<string, string>>,
  skipped: Map<string, number>,
  notRegular: string[],
): string[] {
  if (repoRoot) {
    const inside = relative(repoRoot, root);
    const all = trackedFiles(repoRoot);
    const prefix = inside === "" ? "" : `${inside.split("\\").join("/")}/`;
    const mine = all.filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length));
    // A folder git ignores entirely was still pointed at on purpose: read what is there.
    if (mine.length > 0) return mine.sort();
  }
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = dir === "" ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name === ".git") continue;
        if (Object.hasOwn(skippedNames, entry.name))
          skipped.set(entry.name, (skipped.get(entry.name) ?? 0) + 1);
        else walk(path);
      } else if (entry.isFile()) out.push(path);
      else notRegular.push(path);
    }
  };
  walk("");
  return out.sort();
}

/** The most templates read from one CDK output folder git does not list. */
const MAX_SYNTHESISED = 500;

/**
 * The templates of each CDK app's output folder (the `output` of its `cdk.json`, else
 * `cdk.out`) that git does not list: `cdk synth` writes them and .gitignore usually hides them,
 * yet they are what the app deploys. Only `*.template.json` at the top and in `assembly-*`
 * folders (CDK stages) are taken, never the assets beside them; links are not followed.
 */
export function synthesisedTemplates(
  root: string,
  listed: readonly string[],
  notRegular: string[],
): { folder: string; files: string[]; sources: string[] }[] {
  const known = new Set(listed);
  const out: { folder: string; files: string[]; sources: string[] }[] = [];
  for (const file of listed) {
    if (file !== "cdk.json" && !file.endsWith("/cdk.json")) continue;
    const app = posix.dirname(file);
    const got = readRegularFile(join(root, file), { maxBytes: 1024 * 1024, noFollow: true });
    let output = "cdk.out";
    if (got.ok) {
      try {
        const value = JSON.parse(got.bytes.toString("utf8")) as { output?: unknown };
        if (typeof value.output === "string" && value.output !== "") output = value.output;
      } catch {
        // A cdk.json that does not parse does not stop the CDK from its default.
      }
    }
    const folder = posix.normalize(app === "." ? output : `${app}/${output}`);
    if (folder.startsWith("..") || posix.isAbsolute(folder)) continue;
    if (listed.some((f) => f.startsWith(`${folder}/`))) continue;
    const files: string[] = [];
    const take = (dir: string, depth: number) => {
      let entries: Dirent[];
      try {
        if (lstatSync(join(root, dir)).isSymbolicLink()) return;
        entries = readdirSync(join(root, dir), { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries.sort((a, b) =>
        a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
      )) {
        if (files.length >= MAX_SYNTHESISED) return;
        const path = `${dir}/${entry.name}`;
        if (entry.isDirectory() && depth === 0 && entry.name.startsWith("assembly-"))
          take(path, depth + 1);
        else if (entry.name.endsWith(".template.json") && !known.has(path)) {
          if (entry.isFile()) files.push(path);
          else notRegular.push(path);
        }
      }
    };
    take(folder, 0);
    if (files.length > 0)
      out.push({ folder, files, sources: cdkAppSources(app, posix.relative(app, folder), listed) });
  }
  return out;
}
