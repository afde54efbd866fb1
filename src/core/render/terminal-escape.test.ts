import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HOSTILE } from "../testing/hostile.js";
import { inertJsonText, terminalLines, terminalText } from "./terminal-escape.js";

const ANY_CONTROL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding controls is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe("terminalText", () => {
  it("shows each escape sequence's introducer instead of sending it", () => {
    expect(terminalText("a\u001b]52;c;ZXZpbA==\u0007b")).toBe("a\\x1b]52;c;ZXZpbA==\\x07b");
    expect(terminalText("\u001b[2J\u001b[H\u001b[8mx")).toBe("\\x1b[2J\\x1b[H\\x1b[8mx");
    expect(terminalText("\u009b2J \u0090q\u009c \u009d8;;x\u009c")).toBe(
      "\\x9b2J \\x90q\\x9c \\x9d8;;x\\x9c",
    );
    expect(
      terminalText("\u001bP1$r\u001b\\ \u001b_apc\u001b\\ \u001b^pm\u001b\\ \u001bXsos"),
    ).not.toMatch(ANY_CONTROL);
  });

  it("shows bidi overrides and isolates that would reorder the text", () => {
    expect(terminalText("role\u202egnp.exe")).toBe("role\\u202egnp.exe");
    for (const c of "\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
      expect(terminalText(`a${c}b`)).not.toMatch(ANY_CONTROL);
  });

  it("flattens a foreign line break or tab, so a value never starts a line", () => {
    expect(terminalText("a\r\nblastradius: NONE risk\tb\u0085c\u2028d")).toBe(
      "a blastradius: NONE risk b c d",
    );
  });

  it("leaves printable text, non-Latin scripts and emoji alone", () => {
    const plain = "iam-role/runner → svc/äccess 日本 🔴 \\x1b";
    expect(terminalText(plain)).toBe(plain);
  });

  it("never lets a control through, whatever the string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => !ANY_CONTROL.test(terminalText(s))),
      { numRuns: 2000 },
    );
  });

  it("keeps the lines of a message its own, each inert", () => {
    expect(terminalLines("one\u001b[2J\ntwo\r\nthree")).toBe("one\\x1b[2J\ntwo\nthree");
    // Line breaks are kept (it is a net for whole messages); every other control is shown.
    expect(terminalLines(`error in ${HOSTILE}`).replace(/\n/g, "")).not.toMatch(ANY_CONTROL);
  });
});

describe("inertJsonText", () => {
  it("escapes what JSON.stringify leaves raw, and the JSON means the same", () => {
    const value = { s: `a${HOSTILE}\u0085\u2028b` };
    const json = inertJsonText(JSON.stringify(value, null, 2));
    // Pretty-printing puts its own line breaks between keys; nothing else.
    expect(json.replace(/\n/g, "")).not.toMatch(ANY_CONTROL);
    expect(JSON.parse(json)).toEqual(value);
  });

  it("holds for any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const json = inertJsonText(JSON.stringify({ s }));
        return !ANY_CONTROL.test(json) && JSON.parse(json).s === s;
      }),
      { numRuns: 2000 },
    );
  });
});
