// deps.yaml and its includes read through the GitHub API at one commit: a level of includes
// at a time, all of a level at once, each file fetched and parsed once, then the graph
// assembled once. Within a budget of files and bytes: a graph is attacker-controlled when a
// pull request brings it.

import { FileTooLargeError, NotAFileError } from "../adapters/github/github-error.js";
import {
  assembleDeps,
  type FileOutcome,
  type LoadResult,
  nextLevel,
} from "../core/config/assemble-deps.js";
import { includeScope } from "../core/config/include-scope.js";
import { parseLevel, type ReadText } from "../core/config/load-deps.js";
import { interner } from "../core/config/normalise.js";
import type { Diagnostic } from "../core/model.js";
import type { GitHubPort, RepoName } from "./github-port.js";

/**
 * A file's text, or undefined when it does not exist. May throw NotAFileError (a symlink,
 * submodule or folder) and, given limit.maxBytes, FileTooLargeError.
 */
export type FetchText = (
  path: string,
  limit: { readonly maxBytes: number },
) => Promise<string | undefined>;

/** A FetchText that reads through the port at ref and passes the byte limit on to it. */
export function fetchFrom(port: GitHubPort, repo: RepoName, ref?: string): FetchText {
  return (path, limit) => port.readFile(repo, path, ref, limit);
}

/** Files one graph may pull in, the entry included; each costs at most two API requests. */
export const MAX_REMOTE_FILES = 500;
/** Bytes one graph may pull in, all files together (the 100,000-node benchmark graph is 37 MiB). */
export const MAX_REMOTE_BYTES = 128 * 1024 * 1024;
/** Requests in flight at once. */
const CONCURRENCY = 8;

export interface RemoteLimits {
  readonly maxFiles?: number;
  readonly maxBytes?: number;
}

type Fetched =
  | { readonly text: string }
  | { readonly missing: true }
  | { readonly refused: Omit<Diagnostic, "file" | "severity"> };

export async function loadRemoteDeps(
  entry: string,
  fetchText: FetchText,
  where: string,
  limits: RemoteLimits = {},
): Promise<LoadResult> {
  const maxFiles = limits.maxFiles ?? MAX_REMOTE_FILES;
  const maxBytes = limits.maxBytes ?? MAX_REMOTE_BYTES;
  // Paths are relative to the repository root, "/"-separated on every OS: includes may not leave it.
  const scope = includeScope(entry, { root: "." });
  const intern = interner();
  const outcomes = new Map<string, FileOutcome>();
  let bytes = 0;
  for (let level = [scope.entry]; level.length > 0; ) {
    const fetched = new Map<string, Fetched>();
    const room = Math.max(maxFiles - outcomes.size, 0);
    for (const file of level.slice(room))
      fetched.set(file, {
        refused: {
          code: "include-limit",
          message: `not read: the graph in ${where} includes more than ${maxFiles} files`,
          hint: `keep a graph to at most ${maxFiles} files (merge small ones)`,
        },
      });
    const queue = level.slice(0, room);
    // A few at a time, each told how many bytes are left: a file over the budget is refused
    // by the size GitHub reports, before its bytes are fetched.
    let next = 0;
    const worker = async () => {
      while (next < queue.length) {
        const file = queue[next++] as string;
        let got = await fetchWithin(file, maxBytes - bytes);
        if ("text" in got) {
          // Fetches in flight together may each have fitted alone.
          const size = Buffer.byteLength(got.text);
          if (bytes + size > maxBytes) got = over(size);
          else bytes += size;
        }
        fetched.set(file, got);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
    const parsed = parseLevel(level, (file) => asRead(file, fetched.get(file)), intern, outcomes);
    level = nextLevel(scope, parsed, outcomes);
  }
  return oneLimitError(assembleDeps(scope, outcomes));

  function asRead(file: string, fetched: Fetched | undefined): ReturnType<ReadText> {
    if (fetched !== undefined && "text" in fetched) return { ok: true, text: fetched.text };
    return {
      ok: false,
      diagnostic:
        fetched === undefined || "missing" in fetched
          ? { severity: "error", code: "file-not-found", file, message: `no such file in ${where}` }
          : { severity: "error", file, ...fetched.refused },
    };
  }

  function over(size: number): Fetched {
    return {
      refused: {
        code: "include-limit",
        message: `not read: its ${size} bytes would take the graph in ${where} past ${maxBytes} bytes`,
        hint: `keep a graph's files under ${maxBytes} bytes together`,
      },
    };
  }

  async function fetchWithin(file: string, left: number): Promise<Fetched> {
    if (left <= 0)
      return {
        refused: {
          code: "include-limit",
          message: `not read: the graph in ${where} already holds ${maxBytes} bytes, the most read`,
          hint: `keep a graph's files under ${maxBytes} bytes together`,
        },
      };
    try {
      const text = await fetchText(file, { maxBytes: left });
      if (text === undefined) return { missing: true };
      // A fetcher that ignores the limit is still held to it.
      const size = Buffer.byteLength(text);
      return size > left ? over(size) : { text };
    } catch (error) {
      if (error instanceof FileTooLargeError) return over(error.size);
      if (error instanceof NotAFileError)
        return {
          refused: {
            code: "not-a-regular-file",
            message: `is a ${error.kind === "directory" ? "folder" : error.kind} in ${where}, not a file; not read`,
            hint: "include regular files only; a symlink's target is not followed",
          },
        };
      throw error;
    }
  }
}

/** Thousands of includes past a cap say so once, with a count, not once each. */
function oneLimitError(result: LoadResult): LoadResult {
  const limited = result.errors.filter((e) => e.code === "include-limit");
  if (limited.length <= 1) return result;
  const [first] = limited;
  return {
    ...result,
    errors: result.errors.flatMap((e) =>
      e.code !== "include-limit"
        ? [e]
        : e === first
          ? [{ ...e, message: `${e.message} (nor ${limited.length - 1} more includes)` }]
          : [],
    ),
  };
}
