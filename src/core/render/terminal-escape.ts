// A string from a file, a commit or the API is printed to a terminal (and to the Action's log,
// which renders ANSI) only through here: an escape sequence in it could clear the screen, hide
// text, write the clipboard (OSC 52) or draw a forged "no risk" verdict.

/**
 * What a terminal acts on instead of printing: C0 controls and DEL, C1 controls (U+0085 NEL and
 * U+009B CSI among them), the bidi embeddings, overrides and isolates that reorder what is
 * shown, and the line and paragraph separators.
 */
const CONTROL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching controls is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const ANY = new RegExp(CONTROL.source);
/** Line breaks and tabs inside one value: a foreign value never starts a line of its own. */
const BREAK = /[\r\n\t\v\f\u0085\u2028\u2029]+/g;

/**
 * A foreign string made inert for a terminal: line breaks and tabs flattened to a space, every
 * other control shown as its escape (`\x1b`, `\u009b`, `\u202e`) so that a reader sees that
 * something was there. Whole sequences need no parsing: without its ESC (or CSI) byte the rest
 * of a sequence is plain text.
 */
/** Whether terminalText would change the text (it holds a control, a mark or a line break). */
export const hasTerminalControl = (value: string): boolean => ANY.test(value);

export function terminalText(value: string): string {
  // Nearly every string is clean: one test instead of two rewrites.
  if (!ANY.test(value)) return value;
  return value.replace(BREAK, " ").replace(CONTROL, visible);
}

/** The same for text whose own line breaks are meant: each line made inert on its own. */
export function terminalLines(value: string): string {
  return value
    .split(/\r\n|\r|\n/)
    .map(terminalText)
    .join("\n");
}

function visible(c: string): string {
  const n = c.charCodeAt(0);
  return n <= 0xff
    ? `\\x${n.toString(16).padStart(2, "0")}`
    : `\\u${n.toString(16).padStart(4, "0")}`;
}

/**
 * JSON with every control escaped as `\uXXXX`: JSON.stringify leaves C1 controls, bidi marks and
 * U+2028/U+2029 raw, and `cat` would hand them to a terminal. The JSON means the same (a reader
 * that decodes it, `jq -r`, gets the characters back, as it asked to).
 */
export function inertJsonText(json: string): string {
  return json.replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
