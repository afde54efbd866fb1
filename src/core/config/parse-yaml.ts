// YAML text -> plain data, with every failure turned into a located diagnostic.

import { load, YAMLException } from "js-yaml";
import type { Diagnostic } from "../model.js";

/** Deeper nesting than this is junk, not a dependency graph. */
export const MAX_DEPTH = 64;

export type ParseResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly diagnostic: Diagnostic };

export function parseYaml(text: string, file: string): ParseResult {
  if (isBlank(text)) {
    return fail({
      severity: "error",
      code: "empty-file",
      file,
      line: 1,
      column: 1,
      message: "the file is empty",
      hint: "start it with `version: 1` and a `nodes:` mapping (see the README)",
    });
  }
  try {
    return { ok: true, value: load(text, { filename: file, maxDepth: MAX_DEPTH }) };
  } catch (error) {
    if (error instanceof YAMLException) {
      const mark = error.mark;
      return fail({
        severity: "error",
        code: error.reason === "duplicated mapping key" ? "duplicate-key" : "yaml-syntax",
        file,
        line: mark ? mark.line + 1 : undefined,
        column: mark ? mark.column + 1 : undefined,
        message: `YAML: ${error.reason}`,
        hint:
          error.reason === "duplicated mapping key"
            ? "each key may appear once per mapping; merge the two entries"
            : "fix the YAML syntax at this position",
      });
    }
    // js-yaml documents that other exceptions can escape (stack overflow on hostile input).
    return fail({
      severity: "error",
      code: "yaml-syntax",
      file,
      message: `YAML could not be read: ${error instanceof Error ? error.message : String(error)}`,
      hint: "the file is not a YAML document blastradius can load",
    });
  }
}

function fail(diagnostic: Diagnostic): ParseResult {
  return { ok: false, diagnostic };
}

/** Only white space and comments. */
function isBlank(text: string): boolean {
  return text.split("\n").every((line) => /^\s*(?:#.*)?$/.test(line));
}
