// Which of a repository's files a scan leaves out, and a count of each reason: what the user
// excluded (`init --exclude GLOB`), and folders that hold other people's code. Said, never
// silent: a graph drafted from part of a repository must say which part.

import { compileGlob, globProblem } from "../locate/glob.js";

export interface SkipNote {
  /** The glob as given, or the folder name skipped on its own (`.terraform/`). */
  readonly what: string;
  readonly count: number;
  readonly unit: "file" | "folder";
  readonly why: string;
  /** Who left them out: the user's --exclude, or the scan on its own. */
  readonly by: "exclude" | "scan";
}

/** Folders whose contents are not the repository's own configuration, wherever they are. */
export const SKIPPED_FOLDERS: Readonly<Record<string, string>> = {
  ".terraform": "modules and providers that `terraform init` downloaded",
  node_modules: "installed packages",
  vendor: "vendored third-party code",
};

/** A glob problem, for the entry point to report: the glob and what is wrong with it. */
export function checkGlob(glob: string): string | undefined {
  if (glob.trim() === "") return "is empty";
  if (glob.startsWith("/") || /^[A-Za-z]:[\\/]/.test(glob))
    return "is absolute; globs are relative to the repository root";
  if (/(^|\/)\.\.(\/|$)/.test(glob)) return "leaves the repository (..)";
  return globProblem(glob);
}

/** `examples/` means the folder, as in .gitignore. */
const normalise = (glob: string) => (glob.endsWith("/") ? `${glob}**` : glob);

/**
 * The files to read, and why the others are left out. A glob excludes a file it matches, or
 * any file below a folder it matches (`examples/*` excludes `examples/a/main.tf`). A file two
 * globs match counts under the first.
 */
export function filterFiles(
  files: readonly string[],
  exclude: readonly string[],
): { kept: string[]; skipped: SkipNote[] } {
  const globs = exclude.map((glob) => ({
    glob,
    matcher: compileGlob(normalise(glob)),
    count: 0,
  }));
  const folders = new Map<string, Set<string>>();
  const kept: string[] = [];
  for (const file of files) {
    const parts = file.split("/");
    const skipAt = parts.slice(0, -1).findIndex((part) => Object.hasOwn(SKIPPED_FOLDERS, part));
    if (skipAt >= 0) {
      const name = parts[skipAt] as string;
      const seen = folders.get(name) ?? new Set<string>();
      seen.add(parts.slice(0, skipAt + 1).join("/"));
      folders.set(name, seen);
      continue;
    }
    const hit = globs.find((g) => g.matcher.testOrAbove(file));
    if (hit) {
      hit.count++;
      continue;
    }
    kept.push(file);
  }
  return {
    kept,
    skipped: [
      ...globs.map(
        ({ glob, count }): SkipNote => ({
          what: glob,
          count,
          unit: "file",
          why: count === 0 ? "it matches no file: check the glob" : "excluded",
          by: "exclude",
        }),
      ),
      ...[...folders].map(
        ([name, found]): SkipNote => ({
          what: `${name}/`,
          count: found.size,
          unit: "folder",
          why: SKIPPED_FOLDERS[name] as string,
          by: "scan",
        }),
      ),
    ],
  };
}

/** One line per note: `--exclude "examples/**": 12 file(s) skipped (excluded)`. */
export function describeSkip(note: SkipNote): string {
  const what = note.by === "exclude" ? `--exclude ${JSON.stringify(note.what)}` : note.what;
  return `${what}: ${note.count} ${note.unit}(s) skipped (${note.why})`;
}
