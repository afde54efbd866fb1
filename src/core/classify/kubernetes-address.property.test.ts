// Object patterns against a simple model: a pattern matches an address when they have the same
// number of segments and each segment matches on its own (`*` any run of characters, `?` one).

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkObjectPattern, compileObjectPattern } from "./kubernetes-address.js";

const segment = fc.stringMatching(/^[A-Za-z0-9.:*?+()[\]$^-]{1,6}$/);
const value = fc.stringMatching(/^[A-Za-z0-9.:+()[\]$^-]{1,6}$/);

/** The model: a segment glob as a backtracking match over characters. */
function segmentMatches(glob: string, text: string): boolean {
  if (glob === "") return text === "";
  const [head, rest] = [glob[0], glob.slice(1)];
  if (head === "*") {
    for (let i = 0; i <= text.length; i++) if (segmentMatches(rest, text.slice(i))) return true;
    return false;
  }
  if (text === "") return false;
  return (head === "?" || head === text[0]) && segmentMatches(rest, text.slice(1));
}

describe("object patterns (property)", () => {
  it("match segment by segment, as the model does", () => {
    fc.assert(
      fc.property(
        fc.array(segment, { minLength: 2, maxLength: 3 }),
        fc.array(value, { minLength: 2, maxLength: 3 }),
        (pattern, address) => {
          const expected =
            pattern.length === address.length &&
            pattern.every((glob, i) => segmentMatches(glob, address[i] as string));
          expect(compileObjectPattern(pattern.join("/")).test(address.join("/"))).toBe(expected);
        },
      ),
    );
  });

  it("checking a pattern never throws, whatever it is", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const problem = checkObjectPattern(text);
        if (problem) expect(problem.message).toContain(text.split("/")[0] ?? "");
      }),
    );
  });
});
