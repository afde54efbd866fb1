// `blastradius docs` against `validate` on the same generated organisation, in the same run:
// the time to build the site, its peak RSS, how many files and bytes it writes, its largest
// node page and the size of its search index.

import { readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";

export interface Timed {
  readonly ms: number;
  readonly rssMiB: number;
  readonly status: number | null;
}

export interface DocsRow {
  readonly nodes: number;
  readonly validateMs: number;
  readonly docsMs: number;
  readonly docsVsValidate: number;
  readonly docsRssMiB: number;
  readonly validateRssMiB: number;
  readonly files: number;
  readonly siteMiB: number;
  readonly largestNodePageKiB: number;
  readonly largestNodePage: string;
  readonly searchIndexKiB: number;
  readonly runs: number;
  /** --max-rows given, or undefined: the command's default. */
  readonly maxRows?: number;
  readonly error?: string;
}

export interface DocsBench {
  /** Runs a Node script as its own process: wall time and peak RSS. */
  readonly timeNode: (script: string, args: readonly string[], stdoutFile: string) => Timed;
  readonly median: (values: readonly number[]) => number;
  readonly bin: string;
}

/** Every file below `dir`: how many, how many bytes, the largest node page. */
export function siteSize(dir: string): {
  files: number;
  bytes: number;
  largestNodePage: { path: string; bytes: number };
} {
  let files = 0;
  let bytes = 0;
  let largestNodePage = { path: "", bytes: 0 };
  const walk = (at: string, rel: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      const shown = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path, shown);
      else {
        const size = statSync(path).size;
        files++;
        bytes += size;
        if (shown.startsWith("nodes/") && shown.endsWith(".html") && size > largestNodePage.bytes)
          largestNodePage = { path: shown, bytes: size };
      }
    }
  };
  walk(dir, "");
  return { files, bytes, largestNodePage };
}

/**
 * `validate` and `docs` alternately, `runs` times each, so that drift hits both alike. The
 * site of the last run is measured, then removed (tens of thousands of files).
 */
export function measureDocs(
  bench: DocsBench,
  deps: string,
  dir: string,
  nodes: number,
  runs: number,
  maxRows?: number,
): DocsRow {
  const site = join(dir, "site");
  const validate: Timed[] = [];
  const docs: Timed[] = [];
  let error: string | undefined;
  for (let r = 0; r < runs && !error; r++) {
    validate.push(
      bench.timeNode(bench.bin, ["validate", "--deps", deps], join(dir, "validate.out")),
    );
    rmSync(site, { recursive: true, force: true });
    try {
      docs.push(
        bench.timeNode(
          bench.bin,
          [
            "docs",
            "--deps",
            deps,
            "--out",
            site,
            ...(maxRows === undefined ? [] : ["--max-rows", String(maxRows)]),
          ],
          join(dir, "docs.out"),
        ),
      );
    } catch (e) {
      error = String(e).slice(0, 500);
    }
  }
  const size = error
    ? { files: 0, bytes: 0, largestNodePage: { path: "", bytes: 0 } }
    : siteSize(site);
  let searchIndex = 0;
  try {
    searchIndex = statSync(join(site, "search-index.js")).size;
  } catch {
    // No site: the error says why.
  }
  rmSync(site, { recursive: true, force: true });
  const validateMs = bench.median(validate.map((t) => t.ms));
  const docsMs = docs.length ? bench.median(docs.map((t) => t.ms)) : Number.NaN;
  return {
    nodes,
    validateMs,
    docsMs,
    docsVsValidate: docsMs / validateMs,
    docsRssMiB: docs.length ? Math.max(...docs.map((t) => t.rssMiB)) : Number.NaN,
    validateRssMiB: Math.max(...validate.map((t) => t.rssMiB)),
    files: size.files,
    siteMiB: size.bytes / 1024 / 1024,
    largestNodePageKiB: size.largestNodePage.bytes / 1024,
    largestNodePage: size.largestNodePage.path,
    searchIndexKiB: searchIndex / 1024,
    runs: docs.length,
    ...(maxRows === undefined ? {} : { maxRows }),
    ...(error ? { error } : {}),
  };
}
