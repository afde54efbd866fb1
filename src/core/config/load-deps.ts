// deps.yaml and its includes -> a validated DepsConfig, with every problem collected.
// Never throws: reading is injected, so this stays pure and testable. Files are found a
// level of includes at a time, each read and parsed once, then assembled once.

import type { Diagnostic } from "../model.js";
import { assembleDeps, type FileOutcome, type LoadResult, nextLevel } from "./assemble-deps.js";
import { includeScope, type ScopeOptions } from "./include-scope.js";
import { type Interner, interner } from "./normalise.js";
import { type ParsedFile, parseGraphFile } from "./parse-graph-file.js";

export type { LoadResult } from "./assemble-deps.js";

export type ReadText = (
  file: string,
) =>
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly diagnostic: Diagnostic };

export type LoadOptions = ScopeOptions;

export function loadDeps(entry: string, readText: ReadText, options: LoadOptions = {}): LoadResult {
  const scope = includeScope(entry, options);
  const intern = interner();
  const outcomes = new Map<string, FileOutcome>();
  for (let level = [scope.entry]; level.length > 0; )
    level = nextLevel(scope, parseLevel(level, readText, intern, outcomes), outcomes);
  return assembleDeps(scope, outcomes);
}

/**
 * The per-file step for a level of files, however they were read: each file's outcome
 * (parsed when it was read) recorded, and the files parsed, whose includes are the next level.
 */
export function parseLevel(
  level: readonly string[],
  read: ReadText,
  intern: Interner,
  outcomes: Map<string, FileOutcome>,
): ParsedFile[] {
  const parsed: ParsedFile[] = [];
  for (const file of level) {
    const got = read(file);
    const outcome: FileOutcome = got.ok
      ? { text: got.text, parsed: parseGraphFile(file, got.text, intern) }
      : { failed: got.diagnostic };
    outcomes.set(file, outcome);
    if ("parsed" in outcome) parsed.push(outcome.parsed);
  }
  return parsed;
}
