import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonSyntaxErrorAt, lineColumn } from "./json-syntax.js";

describe("where JSON stops parsing", () => {
  it("names the first fault's offset", () => {
    const cases: [string, number | undefined][] = [
      ['{"a": [1, 2.5e-3, true, null, "x\\u00e9\\n"]}', undefined],
      ["  []  ", undefined],
      ['{"a": [,]}', 7],
      ['{"a": 1,}', 8],
      ['{"a" 1}', 5],
      ["[1 2]", 3],
      ['{"a": 01}', 7],
      ['"tab\there"', 4],
      ['"bad \\x"', 5],
      ['{"a": [1]', 9],
      ["", 0],
      ["[] []", 3],
      ["{'a': 1}", 1],
      ["[tru]", 1],
    ];
    for (const [text, at] of cases) expect([text, jsonSyntaxErrorAt(text)]).toEqual([text, at]);
  });

  it("agrees with JSON.parse on whether a text is JSON", () => {
    const texts = fc.oneof(
      fc.json(),
      fc.json().map((t) => t.slice(0, -1)),
      fc.string({ unit: fc.constantFrom("{", "}", "[", "]", ",", ":", '"', "1", "a", " ", "\\") }),
    );
    fc.assert(
      fc.property(texts, (text) => {
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        expect(jsonSyntaxErrorAt(text) === undefined).toBe(parses);
      }),
      { numRuns: 2000 },
    );
  });

  it("says line and column from 1", () => {
    expect(lineColumn('{\n  "a": [,]\n}', 10)).toBe(":2:9");
    expect(lineColumn("[,]", 1)).toBe(":1:2");
  });
});
