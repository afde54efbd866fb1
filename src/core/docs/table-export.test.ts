import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { terminalText } from "../render/terminal-escape.js";
import { CONTROLS } from "../testing/hostile.js";
import { type Column, csvField, toCsv, toJsonTable } from "./table-export.js";

/** RFC 4180, as a spreadsheet reads it: the independent reference the writer is checked against. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  expect(field).toBe("");
  expect(row).toEqual([]);
  return rows;
}

/** csvField as it was before its shortcut: every rule applied to every field. */
function slowCsvField(value: string | number | undefined): string {
  if (value === undefined) return "";
  if (typeof value === "number") return String(value);
  let text = terminalText(value);
  if (/^\s*[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

describe("csvField's shortcut", () => {
  it("changes nothing: the same field as every rule applied, for any text", () => {
    const marks = fc.constantFrom(
      "\u0000",
      "\t",
      "\n",
      "\r",
      "\u001b",
      "\u007f",
      "\u0085",
      "\u009b",
      "\u061c",
      "\u200e",
      "\u2028",
      "\u202e",
      "\u2066",
      "\u00a0",
      "\u3000",
      "\ufeff",
      "=",
      "+",
      "-",
      "@",
      '"',
      ",",
      " ",
      "a",
      "\u00e9",
    );
    const text = fc.oneof(
      fc.string({ unit: "binary", maxLength: 30 }),
      fc.array(marks, { maxLength: 8 }).map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(text, (value) => {
        expect(csvField(value)).toBe(slowCsvField(value));
      }),
      { numRuns: 2000, seed: 11 },
    );
  });
});

describe("csvField", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", "two lines"],
    ["\u001b]52;c;eA==\u0007", "\\x1b]52;c;eA==\\x07"],
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "' =1"],
    ["\r\n=1", "' =1"],
    ["  +1", "'  +1"],
    ["", ""],
  ])("%j is written %j", (value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it("numbers are numbers, a negative one included; undefined is empty", () => {
    expect(csvField(-3)).toBe("-3");
    expect(csvField(0)).toBe("0");
    expect(csvField(undefined)).toBe("");
  });
});

describe("toCsv", () => {
  interface Row {
    readonly a: string;
    readonly b?: string;
    readonly n: number;
  }
  const columns: readonly Column<Row>[] = [
    { header: "a", value: (r) => r.a },
    { header: "b, quoted", value: (r) => r.b },
    { header: "n", value: (r) => r.n },
  ];

  it("reads back as the same table, with no field a spreadsheet would run as a formula", () => {
    const text = fc.string({
      unit: fc.constantFrom(
        "a",
        ",",
        '"',
        "\n",
        "\r",
        "=",
        "+",
        "-",
        "@",
        "\t",
        " ",
        "é",
        "\u009b",
      ),
      maxLength: 12,
    });
    fc.assert(
      fc.property(
        fc.array(fc.record({ a: text, b: fc.option(text, { nil: undefined }), n: fc.integer() })),
        (rows) => {
          const csv = toCsv(columns, rows);
          expect(csv.endsWith("\r\n")).toBe(true);
          const parsed = parseCsv(csv);
          expect(parsed[0]).toEqual(["a", "b, quoted", "n"]);
          expect(parsed).toHaveLength(rows.length + 1);
          rows.forEach((row, i) => {
            const [a, b, n] = parsed[i + 1] as string[];
            for (const [read, value] of [
              [a, row.a],
              [b, row.b ?? ""],
            ] as const) {
              // The page's text (terminalText), guarded.
              const shown = terminalText(value);
              expect(read).not.toMatch(/^\s*[=+\-@]/);
              expect(read).toBe(/^\s*[=+\-@]/.test(shown) ? `'${shown}` : shown);
            }
            expect(Number(n)).toBe(row.n);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("toJsonTable", () => {
  it("says whether the rows were cut", () => {
    const rows = [{ id: "a" }, { id: "b" }];
    const whole = JSON.parse(
      toJsonTable({ page: "nodes/x.html", table: "breaks", total: 2, rows }),
    );
    expect(whole).toEqual({
      page: "nodes/x.html",
      table: "breaks",
      total: 2,
      rows,
      truncated: false,
    });
    const cut = JSON.parse(
      toJsonTable({ page: "nodes/x.html", table: "breaks", total: 9, rows: rows.slice(0, 1) }),
    );
    expect(cut).toMatchObject({ total: 9, rows: [{ id: "a" }], truncated: true });
  });

  it("keeps any text as it was, with no `<` or terminal control in the file", () => {
    const nasty = '</script><img src=x onerror=alert(1)>"\u2028=1\u009b2J\u202e\u001b[2J';
    const json = toJsonTable({ page: "p", table: "t", total: 1, rows: [{ description: nasty }] });
    expect(json).not.toMatch(CONTROLS);
    expect(json).not.toContain("<");
    expect(JSON.parse(json).rows[0].description).toBe(nasty);
  });
});
