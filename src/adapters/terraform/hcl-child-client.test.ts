// The HCL parser's own process gives what the parser gives in this process, and when that
// process cannot start, dies at once or dies halfway, or answers with what is not an answer,
// every request is still answered, the same. One that stops answering costs the file it was
// parsing (an error: its changes are unknown), never a hung check.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hclChild, type Parse } from "./hcl-child-client.js";

const CHILD = join(__dirname, "../../../lib/hcl-child.cjs");
const inProcess = (): Promise<Parse> =>
  import("@cdktn/hcl2json").then((m) => m.parse as unknown as Parse);

const FILES = [
  // biome-ignore lint/suspicious/noTemplateCurlyInString: HCL's interpolation, not JavaScript's.
  ["main.tf", 'resource "aws_iam_role" "r" {\n  name = "r-${var.env}"\n  tags = { a = 1 }\n}\n'],
  ["locals.tf", "locals {\n  x = [for s in var.list : upper(s)]\n}\n"],
  [
    "policy.tf",
    'data "aws_iam_policy_document" "d" {\n  statement {\n    actions = ["s3:*"]\n  }\n}\n',
  ],
  ["broken.tf", 'resource "x" {\n  a = \n'],
] as const;

/** Every file's answer: its JSON, or the error's message. */
async function answers(parse: Parse): Promise<unknown[]> {
  return Promise.all(
    FILES.map(([file, text]) =>
      parse(file, text).then(
        (json) => ({ json }),
        (error: Error) => ({ error: String(error?.message ?? error) }),
      ),
    ),
  );
}

describe("the HCL parser in a process of its own", () => {
  const dir = mkdtempSync(join(tmpdir(), "br-hclchild-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const script = (name: string, body: string) => {
    const path = join(dir, name);
    writeFileSync(path, body);
    return path;
  };

  it("answers as the parser does in this process, a syntax error included", async () => {
    const want = await answers(await inProcess());
    expect(want.some((a) => "error" in (a as object))).toBe(true);
    let fellBack = false;
    const parse = hclChild(CHILD, inProcess, () => {
      fellBack = true;
    });
    expect(await answers(parse)).toEqual(want);
    expect(fellBack).toBe(false);
  });

  it("falls back to this process when its process cannot start, dies at once, or halfway", async () => {
    const want = await answers(await inProcess());
    const dead = script("dead.cjs", "process.exit(3);\n");
    // Reads a request, answers nothing, and dies.
    const halfway = script(
      "halfway.cjs",
      'process.stdin.once("data", () => setTimeout(() => process.exit(1), 50));\n',
    );
    // Alive, but its Go runtime has ended: it answers every request with that.
    const exited = script(
      "exited.cjs",
      [
        'process.stdin.setEncoding("utf8");',
        'let rest = "";',
        'process.stdin.on("data", (chunk) => {',
        "  rest += chunk;",
        '  for (let end = rest.indexOf("\\n"); end >= 0; end = rest.indexOf("\\n")) {',
        "    const { id } = JSON.parse(rest.slice(0, end));",
        "    rest = rest.slice(end + 1);",
        '    process.stdout.write(JSON.stringify({ id, error: "Go program has already exited" }) + "\\n");',
        "  }",
        "});",
      ].join("\n"),
    );
    for (const path of [join(dir, "missing.cjs"), dead, halfway, exited]) {
      let fellBack = false;
      const parse = hclChild(path, inProcess, () => {
        fellBack = true;
      });
      expect(await answers(parse), path).toEqual(want);
      expect(fellBack, path).toBe(true);
    }
  });

  it("falls back to this process when its process answers with what is not an answer", async () => {
    const want = await answers(await inProcess());
    const saying = (name: string, line: string) =>
      script(
        name,
        `process.stdin.once("data", () => process.stdout.write(${JSON.stringify(`${line}\n`)}));\nprocess.stdin.resume();\n`,
      );
    for (const path of [
      saying("garbage.cjs", "not JSON at all"),
      saying("string.cjs", '{"id":0,"json":"a string, not a document"}'),
      saying("noid.cjs", '{"json":{}}'),
      saying("array.cjs", "[1,2,3]"),
    ]) {
      let fellBack = false;
      const parse = hclChild(path, inProcess, () => {
        fellBack = true;
      });
      expect(await answers(parse), path).toEqual(want);
      expect(fellBack, path).toBe(true);
    }
  });

  it("stops waiting for a process that stops answering: that file is not parsed, nor any later one", async () => {
    // Reads every request, answers none, and stays (as a stopped or spinning parser would).
    const silent = script("silent.cjs", "process.stdin.resume();\nsetInterval(() => {}, 1000);\n");
    let fellBack = false;
    const parse = hclChild(
      silent,
      inProcess,
      () => {
        fellBack = true;
      },
      300,
    );
    const got = await answers(parse);
    expect(fellBack).toBe(true);
    expect(got[0]).toEqual({
      error: `the HCL parser gave no answer for main.tf in 0.3 s (it was stopped, or is stuck on this file): not parsed`,
    });
    // Parsed here, with no watchdog, a later file that stops the parser would hang the check.
    for (const later of got.slice(1))
      expect(later).toEqual({
        error: expect.stringMatching(
          /^not parsed: the HCL parser was stopped after it gave no answer for main\.tf, and /,
        ),
      });
    expect(await parse("later.tf", 'a = "b"\n').catch((e: Error) => e.message)).toMatch(
      /^not parsed: the HCL parser was stopped after it gave no answer for main\.tf/,
    );
  });
});
