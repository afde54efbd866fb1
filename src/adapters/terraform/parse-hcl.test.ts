// Text nested past what the parser's stack holds is refused before the parser sees it, with the
// same words wherever the parser runs: near its limit, the parser's own answer moved with the
// process and the machine's load, and a stack overflow ended its Go runtime for good.

import { describe, expect, it } from "vitest";
import { MAX_HCL_NESTING, parseTerraform, tooDeep } from "./parse-hcl.js";

const blocks = (n: number) => `${"b {\n".repeat(n)}${"}\n".repeat(n)}`;

describe("tooDeep", () => {
  it("lets ordinary Terraform through, a comment's row of dashes and a URL's ? included", () => {
    const text = `# ${"-".repeat(120)}\nresource "x" "y" {\n  url = "https://e.example/?a=1"\n  n = -1\n  ok = !var.no\n}\n`;
    expect(tooDeep(text)).toBeUndefined();
    expect(tooDeep(blocks(MAX_HCL_NESTING))).toBeUndefined();
  });

  it("refuses nesting, unary runs and conditional chains past their bounds", () => {
    expect(tooDeep(blocks(MAX_HCL_NESTING + 1))).toMatch(/^nested 257 levels deep/);
    expect(tooDeep(`a = ${"(".repeat(300)}1${")".repeat(300)}\n`)).toMatch(/^nested 300/);
    expect(tooDeep(`a = ${"!".repeat(1001)}true\n`)).toMatch(/^a run of 1001 unary/);
    expect(tooDeep(`a = ${"- ".repeat(1001)}1\n`)).toMatch(/^a run of 1001 unary/);
    expect(tooDeep(`a = ${"x ? 1 : ".repeat(2001)}2\n`)).toMatch(/^2001 conditionals/);
  });
});

describe("parseTerraform on deep text", () => {
  it("parses what is within the bounds, and refuses what is past them, the same every time", async () => {
    const within = await parseTerraform("deep.tf", blocks(200), { evaluate: false });
    expect(within).toHaveProperty("b");
    for (let i = 0; i < 2; i++)
      await expect(parseTerraform("deep.tf", blocks(1200), { evaluate: false })).rejects.toThrow(
        /^nested 1200 levels deep/,
      );
    // The parser still answers afterwards: it never saw the text that would have ended it.
    expect(await parseTerraform("ok.tf", 'a = "b"\n', { evaluate: false })).toEqual({ a: "b" });
  });
});
