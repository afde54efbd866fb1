// Where a block header is, read from one pass over the text, is where a search for that one
// header from the top found it, on texts made to trip a one-pass reading: blank lines before a
// header, the same header twice, headers inside strings and comments, labels that look like
// patterns, a header split over lines.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { regExpLiteral } from "../regexp-literal.js";
import { blockLine, moduleLine } from "./terraform-file.js";

/** The search for one header, as blockLine made it before (the reference). */
function searched(text: string, kind: string, labels: readonly string[]): number | undefined {
  const quoted = labels.map((l) => `\\s+"${regExpLiteral(l)}"`).join("");
  const match = new RegExp(`^\\s*${regExpLiteral(kind)}${quoted}`, "m").exec(text);
  return match ? text.slice(0, match.index).split("\n").length : undefined;
}

const label = fc.constantFrom("a", "b", "this", "(a+)+", "x.y", "a b", "");
const piece = fc.oneof(
  fc.tuple(fc.constantFrom("resource", "data"), label, label).map(([k, t, n]) => ({
    text: `${k} "${t}" "${n}" {\n}\n`,
  })),
  label.map((n) => ({ text: `module "${n}" {\n  source = "./m"\n}\n` })),
  fc
    .constantFrom(
      "\n",
      "\n\n   \n",
      '# resource "a" "b"\n',
      'x = "resource \\"a\\" \\"b\\""\n',
      'resource "a"\n  "b" {\n}\n',
      '  resource   "a"   "b" {}\n',
      'resource "a" "b" resource "b" "a"\n',
      '/* module "a" */\n',
    )
    .map((text) => ({ text })),
);

describe("blockLine and moduleLine", () => {
  it("find each header where a search for it alone did", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.map((p) => p.text).join("");
        for (const kind of ["resource", "data"])
          for (const type of ["a", "b", "this", "(a+)+", "x.y", "a b", ""])
            for (const name of ["a", "b", "this", "(a+)+", "x.y", "a b", ""])
              expect(blockLine(text, { kind, type, name }), `${kind} ${type} ${name}`).toBe(
                searched(text, kind, [type, name]),
              );
        for (const name of ["a", "b", "this", "(a+)+", "x.y", "a b", ""])
          expect(moduleLine(text, name), `module ${name}`).toBe(searched(text, "module", [name]));
      }),
      { numRuns: 300 },
    );
  });
});
