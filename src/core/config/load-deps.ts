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
  for (let level = [scope.entry]; level.length > 0; ) {
    const parsed: ParsedFile[] = [];
    for (const file of level) {
      const outcome = parseOutcome(file, readText(file), intern);
      outcomes.set(file, outcome);
      if ("parsed" in outcome) parsed.push(outcome.parsed);
    }
    level = nextLevel(scope, parsed, outcomes);
  }
  return assembleDeps(scope, outcomes);
}

/** The per-file step: a file as read -> its outcome, parsed when it was read. */
export function parseOutcome(
  file: string,
  read: ReturnType<ReadText>,
  intern: Interner,
): FileOutcome {
  return read.ok
    ? { text: read.text, parsed: parseGraphFile(file, read.text, intern) }
    : { failed: read.diagnostic };
}
