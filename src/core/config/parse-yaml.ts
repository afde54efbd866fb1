// YAML text -> js-yaml's event stream, with every failure turned into a located diagnostic.
// The loader reads the events directly: it never builds js-yaml's object tree, so a large
// graph is parsed once, validated and normalised in one pass, with positions for every message.

import { type Event, parseEvents, YAMLException } from "js-yaml";
import type { Diagnostic } from "../model.js";

/** Deeper nesting than this is junk, not a dependency graph. */
export const MAX_DEPTH = 64;

export type ParseResult =
  | { readonly ok: true; readonly events: Event[] }
  | { readonly ok: false; readonly diagnostic: Diagnostic };

export function parseYamlEvents(text: string, file: string): ParseResult {
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
    return { ok: true, events: parseEvents(text, { filename: file, maxDepth: MAX_DEPTH }) };
  } catch (error) {
    return fail(yamlErrorDiagnostic(error, file));
  }
}

/** What js-yaml threw, as a located diagnostic. */
export function yamlErrorDiagnostic(error: unknown, file: string): Diagnostic {
  if (error instanceof YAMLException) {
    const mark = error.mark;
    return {
      severity: "error",
      code: "yaml-syntax",
      file,
      line: mark ? mark.line + 1 : undefined,
      column: mark ? mark.column + 1 : undefined,
      message: `YAML: ${error.reason}`,
      hint: "fix the YAML syntax at this position",
    };
  }
  // js-yaml documents that other exceptions can escape (stack overflow on hostile input).
  return {
    severity: "error",
    code: "yaml-syntax",
    file,
    message: `YAML could not be read: ${error instanceof Error ? error.message : String(error)}`,
    hint: "the file is not a YAML document blastradius can load",
  };
}

function fail(diagnostic: Diagnostic): ParseResult {
  return { ok: false, diagnostic };
}

/** Only white space and comments; stops at the first content. */
function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) continue;
    if (c !== 35) return false;
    const newline = text.indexOf("\n", i);
    if (newline < 0) return true;
    i = newline;
  }
  return true;
}
