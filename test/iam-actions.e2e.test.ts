// The built CLI refusing a contract that names an IAM action AWS does not have.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./git-history.js";

const dir = mkdtempSync(join(tmpdir(), "br-actions-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const deps = (allows: string) =>
  [
    "version: 1",
    "owners:",
    "  data: {github: '@acme/data'}",
    "nodes:",
    "  iam-role/loader: {kind: iam-role, owner: data}",
    "  job/nightly-load:",
    "    kind: job",
    "    owner: data",
    "    depends_on:",
    "      - on: iam-role/loader",
    "        expects:",
    `          allows: ${allows}`,
    "",
  ].join("\n");

describe("blastradius validate on contracts' actions", () => {
  it("refuses a misspelt action with where it is and what was meant", () => {
    writeFileSync(join(dir, "deps.yaml"), deps("[s3:ListBucket, s3:GetObjects]"));
    const result = runCli(["validate", "--deps", join(dir, "deps.yaml")], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'deps.yaml:12:35 nodes.job/nightly-load.depends_on[0].expects.allows[1]: error: unknown AWS action "s3:GetObjects" — did you mean "s3:GetObject"?',
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("accepts the action spelt right", () => {
    writeFileSync(join(dir, "deps.yaml"), deps("[s3:ListBucket, s3:GetObject, 's3:Get*']"));
    const result = runCli(["validate", "--deps", join(dir, "deps.yaml")], { cwd: dir });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });
});
