// biome-ignore-all lint/suspicious/noTemplateCurlyInString: HCL templates are what these tests read
// Our HCL reader against HashiCorp's parser (hcl2json, the package the adapter falls back to):
// on every sample the same JSON value, key order included; on every text hcl2json refuses, no
// answer at all; on random edits of the samples, one or the other, never a third thing.

import { parse } from "@cdktn/hcl2json";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HCL_ERRORS, HCL_SAMPLES } from "../testing/hcl-samples.js";
import { hclToJson } from "./hcl-to-json.js";
import { HclUnsupported } from "./hcl-unsupported.js";

type Outcome = { json: unknown } | { error: string };

const reference = async (text: string): Promise<Outcome> => {
  try {
    return { json: await parse("sample.tf", text) };
  } catch (error) {
    return { error: String(error) };
  }
};

/** Ours: the JSON, or undefined when handed over; anything else thrown is a bug. */
const ours = (text: string): unknown => {
  try {
    return hclToJson(text);
  } catch (error) {
    if (error instanceof HclUnsupported) return undefined;
    throw error;
  }
};

/** Same value and same key order: what JSON.stringify writes is compared too. */
const same = (a: unknown, b: unknown) => {
  expect(a).toStrictEqual(b);
  expect(JSON.stringify(a)).toBe(JSON.stringify(b));
};

describe("hclToJson", () => {
  it("gives hcl2json's JSON on every sample, key order included", async () => {
    for (const text of HCL_SAMPLES) {
      const ref = await reference(text);
      expect(ref, text).toHaveProperty("json");
      same(ours(text), (ref as { json: unknown }).json);
    }
  });

  it("answers nothing where hcl2json refuses the text", async () => {
    for (const text of HCL_ERRORS) {
      expect(await reference(text), text).toHaveProperty("error");
      expect(() => hclToJson(text), text).toThrow(HclUnsupported);
    }
  });

  it("keeps hcl2json's quirks: escapes as written, conditionals inside templates as directives", () => {
    expect(hclToJson('a = "$${aws:username}"\nb = "%%{x}${y}"\n')).toEqual({
      a: "$${aws:username}",
      b: "%%{x}${y}",
    });
    expect(hclToJson('a = "x-${var.on ? "a" : ""}"\n')).toEqual({ a: "x-%{if var.on}a%{endif}" });
    expect(hclToJson('a = "${ var.x }"\nb = "${1}"\nc = (1)\n')).toEqual({
      a: "${var.x}",
      b: 1,
      c: "${(1)}",
    });
    // An argument replaces a block of its name; blocks nest by label, a list per body.
    expect(hclToJson('r "a" "b" {\n  x = 1\n}\nr "a" "b" {}\nt {}\nt = 2\n')).toEqual({
      r: { a: { b: [{ x: 1 }, {}] } },
      t: 2,
    });
    expect(hclToJson("a = <<-EOT\n    x\n\n      ${y}\n  z\n  EOT\n")).toEqual({
      a: "  x\n\n    ${y}\nz\n",
    });
  });

  it("hands over what it does not read the same way", () => {
    for (const text of [
      'a = "%{if x}y%{endif}"\n', // a template directive
      'a = "${~ x}"\n', // a strip marker
      'a = "n${1.5}"\n', // a number written into a template, as cty writes numbers
      `a = "e\u0301"\n`, // text Unicode normalisation changes
      "é = 1\n", // an identifier outside ASCII
      "\ufeffa = 1\n", // a byte order mark
      `a = ${"[".repeat(20_000)}${"]".repeat(20_000)}\n`, // nesting past this stack
      // What hcl2json reads another way, or refuses, or cannot read on its own stack (from a
      // red team): Go's NFC joins a run of 31 marks, a number of 150 digits rounds twice,
      // one past a double's range fails, a carriage return alone before a heredoc's marker is
      // no character, nesting past hcl2json's stack.
      `a = "x${"\u0301".repeat(31)}"\n`,
      `a = 1.${"0".repeat(15)}111022302462515654042363166809082031250${"0".repeat(100)}1\n`,
      "a = 1e999999999\n",
      "a = 1e-999999999\n",
      "a = <<E\nE\r\r\n",
      "a = <<EOT\nx\n \rEOT\r\n",
      `a ${'"x" '.repeat(100_000)}{}\n`,
      `${"a {\n".repeat(2000)}${"}\n".repeat(2000)}`,
      `a = ${"[".repeat(1500)}${"]".repeat(1500)}\n`,
      `a = "x\${${'c ? "1" : '.repeat(4500)}"z"}"\n`,
    ])
      expect(() => hclToJson(text), text.slice(0, 40)).toThrow(HclUnsupported);
  });

  it("on random edits of the samples, gives hcl2json's JSON or hands the text over", async () => {
    const pieces = [
      '"',
      "{",
      "}",
      "[",
      "]",
      "(",
      ")",
      "$",
      "%",
      "\n",
      "\\",
      "=",
      ",",
      ".",
      ":",
      "?",
      "#",
      "/",
      "*",
      "<",
      "-",
      "~",
      " ",
      "\t",
      "\r\n",
      "${",
      "%{",
      "<<EOT\n",
      "\nEOT\n",
      "<<-EOT\n",
      "$${",
      "%%{",
      "\\u0024{",
      "\r",
      "\u0301",
      "...",
      "=>",
      "!",
      "null",
      "1.5",
      "for x in y :",
      "'",
      ";",
      "\u00a0",
      "*/",
      "/*",
    ];
    const edit = fc.oneof(
      fc.record({ at: fc.nat(), drop: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ at: fc.nat(), insert: fc.constantFrom(...pieces) }),
    );
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...HCL_SAMPLES),
        fc.array(edit, { minLength: 1, maxLength: 3 }),
        async (sample, edits) => {
          let text = sample;
          for (const e of edits) {
            const at = e.at % (text.length + 1);
            text =
              "drop" in e
                ? text.slice(0, at) + text.slice(at + e.drop)
                : text.slice(0, at) + e.insert + text.slice(at);
          }
          const mine = ours(text);
          if (mine === undefined) return;
          answered++;
          const ref = await reference(text);
          expect(ref, text).toHaveProperty("json");
          same(mine, (ref as { json: unknown }).json);
        },
      ),
      { numRuns: 400, seed: 18 },
    );
    // The edits are not all refused: the property compares real answers.
    expect(answered).toBeGreaterThan(40);
  });
});
