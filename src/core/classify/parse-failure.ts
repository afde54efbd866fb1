// Why a file's text cannot be read as JSON or YAML, in the words an unjudged file is listed
// with ("JSON does not parse at line 3"): a file that does not parse is not judged, and the
// user must be able to find the line.

import { MAX_EXPANDED_NODES, parseDocuments } from "../config/yaml-documents.js";

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Undefined when the text is JSON; else where it stops parsing. */
export function jsonParseFailure(text: string): string | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const message = String((error as Error).message ?? error);
    // Node says "at position N", newer V8 also "(line L column C)".
    const line = /\bline (\d+)/.exec(message)?.[1];
    const position = /\bposition (\d+)/.exec(message)?.[1];
    if (line) return `JSON does not parse at line ${line}`;
    if (position) return `JSON does not parse at line ${lineAt(text, Number(position))}`;
    return "JSON does not parse (it ends too early)";
  }
}

/** Undefined when the text is YAML; else where it stops parsing. */
export function yamlParseFailure(text: string): string | undefined {
  const parsed = parseDocuments(text, "", { maxExpanded: MAX_EXPANDED_NODES });
  if (parsed.ok) return undefined;
  if (parsed.diagnostic.code === "yaml-aliases") return parsed.diagnostic.message;
  const line = parsed.diagnostic.line;
  return line === undefined ? "YAML does not parse" : `YAML does not parse at line ${line}`;
}
