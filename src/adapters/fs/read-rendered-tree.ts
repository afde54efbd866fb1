// Reads a render from disk (what `helm template` or `kubectl kustomize` wrote in an earlier
// step): a file, or a folder of YAML files read recursively, with every bound said. A render is
// hostile data (it comes from a pull request's chart), so sizes, counts and depth are bounded
// and links are never followed.

import { type Dir, type Dirent, opendirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { RenderedFile, RenderedTree } from "../../core/classify/rendered-manifests.js";
import { InputError } from "../../core/errors.js";
import { readRegularFile } from "./read-regular.js";

/** Files read from one render; past it, files are listed but not read (and not judged). */
export const MAX_RENDERED_FILES = 2000;
/** One file: a whole chart's render in one stream is well under it. */
export const MAX_RENDERED_FILE_BYTES = 16 * 1024 * 1024;
/** One render, all files together. */
export const MAX_RENDERED_TOTAL_BYTES = 64 * 1024 * 1024;
/** Folders inside a render: helm's --output-dir nests chart/charts/sub/templates/… */
export const MAX_RENDERED_DEPTH = 16;
/** Entries listed in a render's folders: past it the path is not a render. */
export const MAX_RENDERED_ENTRIES = 20_000;

/** What a render holds: YAML manifests, and the templates `cdk synth` writes (`*.template.json`). */
const YAML = /\.ya?ml$|\.template\.json$/i;
const decoder = new TextDecoder("utf-8", { fatal: true });

export interface RenderedRead {
  readonly tree: RenderedTree;
  /** Said to the user: files of the folder that are not YAML, left out. */
  readonly notes: readonly string[];
}

/** The files of a render given as `shown` (a path as the user wrote it), relative to cwd. */
export function readRenderedTree(shown: string, cwd: string, flag: string): RenderedRead {
  const root = resolve(cwd, shown);
  let isDirectory: boolean;
  try {
    const stats = statSync(root);
    if (!stats.isDirectory() && !stats.isFile()) throw new Error("not a file");
    isDirectory = stats.isDirectory();
  } catch {
    throw new InputError(
      `${flag} ${shown}: no such file or folder`,
      "give the file or folder an earlier step rendered into, e.g. helm template … --output-dir rendered/head",
    );
  }
  const files: RenderedFile[] = [];
  let total = 0;
  let count = 0;
  const read = (path: string, file: string): RenderedFile => {
    if (count >= MAX_RENDERED_FILES)
      return { path, problem: `not read: a render holds at most ${MAX_RENDERED_FILES} files` };
    const got = readRegularFile(file, { maxBytes: MAX_RENDERED_FILE_BYTES, noFollow: true });
    if (!got.ok) return { path, problem: `not read: it ${got.message}` };
    if (total + got.bytes.length > MAX_RENDERED_TOTAL_BYTES)
      return {
        path,
        problem: `not read: a render's files hold at most ${MAX_RENDERED_TOTAL_BYTES / 1024 / 1024} MiB together`,
      };
    count++;
    total += got.bytes.length;
    try {
      return { path, text: decoder.decode(got.bytes) };
    } catch {
      return { path, problem: "not UTF-8 text" };
    }
  };
  if (!isDirectory) {
    // A file given by name is read as it is: the link, if it is one, is the user's own.
    const got = readRegularFile(root, { maxBytes: MAX_RENDERED_FILE_BYTES });
    // Too large is a render that cannot be judged (the gate fails closed on it); anything
    // else is a path that is not a render.
    if (!got.ok && got.reason === "too-large")
      return {
        tree: { root: shown, files: [{ path: "", problem: `not read: it ${got.message}` }] },
        notes: [],
      };
    if (!got.ok)
      throw new InputError(`${flag} ${shown}: it ${got.message}`, "give a rendered YAML file");
    let file: RenderedFile;
    try {
      file = { path: "", text: decoder.decode(got.bytes) };
    } catch {
      file = { path: "", problem: "not UTF-8 text" };
    }
    return { tree: { root: shown, files: [file] }, notes: [] };
  }
  const skipped: string[] = [];
  let entries = 0;
  const walk = (dir: string, rel: string, depth: number) => {
    const list: Dirent[] = [];
    // Listed entry by entry, so a folder of millions stops at the bound, not after it.
    let opened: Dir | undefined;
    try {
      opened = opendirSync(dir);
      for (let entry = opened.readSync(); entry !== null; entry = opened.readSync()) {
        if (++entries > MAX_RENDERED_ENTRIES)
          throw new InputError(
            `${flag} ${shown}: more than ${MAX_RENDERED_ENTRIES} files and folders; not a render`,
            "point at the folder the render was written to, not a whole repository",
          );
        list.push(entry);
      }
    } catch (error) {
      if (error instanceof InputError) throw error;
      files.push({
        path: rel,
        problem: `its folder cannot be listed (${(error as NodeJS.ErrnoException).code ?? "error"})`,
      });
      return;
    } finally {
      opened?.closeSync();
    }
    list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of list) {
      const path = rel === "" ? entry.name : `${rel}/${entry.name}`;
      const full = join(dir, entry.name);
      if (entry.isSymbolicLink()) {
        // A link could leave the render (or be a device): not followed, and said.
        if (YAML.test(entry.name)) files.push({ path, problem: "a symbolic link; not followed" });
        else skipped.push(path);
      } else if (entry.isDirectory()) {
        if (depth >= MAX_RENDERED_DEPTH)
          files.push({
            path,
            problem: `a folder nested more than ${MAX_RENDERED_DEPTH} deep; not read`,
          });
        else walk(full, path, depth + 1);
      } else if (YAML.test(entry.name)) files.push(read(path, full));
      else skipped.push(path);
    }
  };
  walk(root, "", 0);
  const notes =
    skipped.length === 0
      ? []
      : [
          `${flag} ${shown}: ${skipped.length} file(s) not ending in .yaml, .yml or .template.json left out (${skipped.slice(0, 5).join(", ")}${skipped.length > 5 ? ", …" : ""})`,
        ];
  return { tree: { root: shown, files }, notes };
}
