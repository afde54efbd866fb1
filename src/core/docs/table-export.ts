// A page's impact table as CSV and JSON, the same rows the page shows, and the total.

/** One column of an exported table: its header and how a row spells it. */
export interface Column<T> {
  readonly header: string;
  readonly value: (row: T) => string | number | undefined;
}

/**
 * A CSV field: quoted when it holds a separator, a quote or a line break; one that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return first) is
 * prefixed with `'` (OWASP's advice), since a description is anyone's text.
 */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv<T>(columns: readonly Column<T>[], rows: readonly T[]): string {
  const lines = [columns.map((c) => csvField(c.header)).join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvField(c.value(row))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

export interface JsonTable<T> {
  /** The page the table is on, relative to the site's root. */
  readonly page: string;
  readonly table: string;
  /** Rows in the whole list; `rows` holds the first of them (all of them unless cut). */
  readonly total: number;
  readonly rows: readonly T[];
}

export function toJsonTable<T>(table: JsonTable<T>): string {
  return `${JSON.stringify({ ...table, truncated: table.rows.length < table.total }, null, 1)}\n`;
}
