import { describe, expect, it } from "vitest";
import { blockLine } from "./classify/terraform-file.js";
import { regExpLiteral } from "./regexp-literal.js";

describe("regExpLiteral", () => {
  it("matches the text as written, whatever it holds", () => {
    for (const text of ["(a+)+b", "a.b", "[x", "(", "a|b", "^$", "\\", "x{2}", "a/b-c"]) {
      expect(new RegExp(`^${regExpLiteral(text)}$`).test(text), text).toBe(true);
    }
    expect(new RegExp(`^${regExpLiteral("a.b")}$`).test("axb")).toBe(false);
  });

  it("a block label from a pull request is found as written, never compiled as a pattern", () => {
    const label = `${"(a+)".repeat(3)}+(`;
    const text = `# x\nresource "aws_iam_role" "${label}" {\n}\n`;
    expect(blockLine(text, { kind: "resource", type: "aws_iam_role", name: label })).toBe(2);
  });
});
