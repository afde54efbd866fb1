// deps.yaml and its includes read through the GitHub API at one commit. The loader is
// synchronous and reads through a callback, so: load, fetch what it missed, load again.
// Each round fetches one more level of includes, all of a level at once.

import { type LoadResult, loadDeps, type ReadText } from "../core/config/load-deps.js";

export type FetchText = (path: string) => Promise<string | undefined>;

/** Files one graph may pull in; a guard against include chains that never end. */
const MAX_FILES = 500;

export async function loadRemoteDeps(
  entry: string,
  fetchText: FetchText,
  where: string,
): Promise<LoadResult> {
  const cache = new Map<string, string | undefined>();
  for (;;) {
    const missing: string[] = [];
    const read: ReadText = (file) => {
      if (!cache.has(file)) {
        missing.push(file);
        return {
          ok: false,
          diagnostic: {
            severity: "error",
            code: "file-not-found",
            file,
            message: "not fetched yet",
          },
        };
      }
      const text = cache.get(file);
      return text === undefined
        ? {
            ok: false,
            diagnostic: {
              severity: "error",
              code: "file-not-found",
              file,
              message: `no such file in ${where}`,
            },
          }
        : { ok: true, text };
    };
    const result = loadDeps(entry, read);
    if (missing.length === 0 || cache.size >= MAX_FILES) return result;
    const fetched = await Promise.all(
      missing.map(
        async (file) => [file, file.startsWith("../") ? undefined : await fetchText(file)] as const,
      ),
    );
    for (const [file, text] of fetched) cache.set(file, text);
  }
}
