// The glob attack, as a pull request makes it: a base rule `**/iam/**/policies/**/*.json`
// and changed paths crafted to come close to it (`iam/policies/` repeated, then `x.txt`). With
// picomatch's regular expression, 4 such paths took 9 s and 30 took over a minute; the built CLI
// must now finish them within vitest's timeout, and still find the policy a real path changes.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./git-history.js";

const dir = mkdtempSync(join(tmpdir(), "br-globs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

writeFileSync(
  join(dir, "deps.yaml"),
  `version: 1
owners:
  iam: {github: "@acme/iam"}
nodes:
  iam-policy/all:
    kind: iam-policy
    owner: iam
    match:
      paths: ["**/iam/**/policies/**/*.json"]
`,
);

describe("check on crafted paths against a glob that backtracks as a regex", () => {
  it("30 paths of 6,500 characters: answered, the crafted ones matched by nothing", () => {
    const crafted = Array.from({ length: 30 }, (_, i) => `${"iam/policies/".repeat(500)}x${i}.txt`);
    const files = [...crafted, "infra/iam/prod/policies/s3.json"];
    writeFileSync(join(dir, "files.txt"), `${files.join("\n")}\n`);
    const run = runCli(
      [
        "check",
        "--deps",
        "deps.yaml",
        "--files-from",
        "files.txt",
        "--repo",
        "acme/infra",
        "--format",
        "json",
      ],
      { cwd: dir },
    );
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
    const impact = JSON.parse(run.stdout) as {
      changed: { id: string }[];
      unmatchedFiles: string[];
    };
    expect(impact.changed.map((c) => c.id)).toEqual(["iam-policy/all"]);
    expect(impact.unmatchedFiles).toHaveLength(30);
  });
});
