// A page's impact table as CSV and JSON, the same rows the page shows, and the total.

import { hasTerminalControl, inertJsonText, terminalText } from "../render/terminal-escape.js";

/** One column of an exported table: its header and how a row spells it. */
export interface Column<T> {
  readonly header: string;
  readonly value: (row: T) => string | number | undefined;
}

/**
 * A CSV field: quoted when it holds a separator or a quote; one that a spreadsheet would run
 * as a formula (`=`, `+`, `-`, `@` first, after any spaces) is prefixed with `'` (OWASP's
 * advice), since a description is anyone's text.
 */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return "";
  if (typeof value === "number") return String(value);
  // Nearly every field is an id, a kind or a number: two tests say it needs nothing.
  if (!hasTerminalControl(value) && !CSV_SPECIAL.test(value)) return value;
  // Like the page, the file shows a control as its escape (`cat` of it acts on none) and a
  // line break as a space.
  let text = terminalText(value);
  if (/^\s*[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A quote or comma, which a field is quoted for, or a start a spreadsheet would run. */
const CSV_SPECIAL = /[",]|^\s*[=+\-@]/;

export function toCsv<T>(columns: readonly Column<T>[], rows: readonly T[]): string {
  // Concatenated rather than mapped and joined: a site writes half a million rows.
  let csv = "";
  for (let c = 0; c < columns.length; c++)
    csv += `${c === 0 ? "" : ","}${csvField((columns[c] as Column<T>).header)}`;
  for (const row of rows) {
    csv += "\r\n";
    for (let c = 0; c < columns.length; c++)
      csv += `${c === 0 ? "" : ","}${csvField((columns[c] as Column<T>).value(row))}`;
  }
  return `${csv}\r\n`;
}

export interface JsonTable<T> {
  /** The page the table is on, relative to the site's root. */
  readonly page: string;
  readonly table: string;
  /** Rows in the whole list; `rows` holds the first of them (all of them unless cut). */
  readonly total: number;
  readonly rows: readonly T[];
}

/**
 * The table as JSON, a row per line, with the controls a terminal acts on and `<` written as
 * `\uXXXX`: the same values to a JSON reader, inert to `cat` and to a browser that sniffs it
 * for HTML.
 */
export function toJsonTable<T>(table: JsonTable<T>): string {
  const head = JSON.stringify({
    page: table.page,
    table: table.table,
    total: table.total,
    truncated: table.rows.length < table.total,
  });
  let rows = "";
  for (let i = 0; i < table.rows.length; i++)
    rows += `${i === 0 ? "\n" : ",\n"}${JSON.stringify(table.rows[i])}`;
  const json = `${head.slice(0, -1)},"rows":[${rows}${rows ? "\n" : ""}]}`;
  return `${inertJsonText(json).replace(/</g, "\\u003c")}\n`;
}
