// biome-ignore-all lint/suspicious/noTemplateCurlyInString: HCL templates are what these tests are about
// `check --git` on the red team's Terraform bypasses: each pull request changes what a role may
// do, or replaces it, without touching what the role's block says about trust or policies.

import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./git-history.js";

const DEPS = `version: 1
owners:
  platform: {github: "@acme/platform"}
nodes:
  iam-role/r:
    kind: iam-role
    owner: platform
    match:
      paths: ["iam/*.tf"]
      terraform: [aws_iam_role.r]
  service/api:
    kind: service
    tier: 1
    owner: platform
    depends_on:
      - on: iam-role/r
        via: runs-as
`;

const TRUST = `jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "arn:aws:iam::111111111111:role/ci" } }] })`;
const ROLE = (extra = "", trust = TRUST) =>
  `resource "aws_iam_role" "r" {\n  name = "r"\n  assume_role_policy = ${trust}\n  ${extra}\n}\n`;
const POLICY = `resource "aws_iam_policy" "p" {
  name   = "p"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "*" }] })
}
resource "aws_iam_role_policy_attachment" "a" {
  role       = aws_iam_role.r.name
  policy_arn = aws_iam_policy.p.arn
}
`;

function check(base: string, head: string) {
  const repo = mkdtempSync(join(tmpdir(), "br-tf-controls-"));
  const git = (...args: string[]) => {
    const result = spawnSync("git", ["-c", "user.email=t@e", "-c", "user.name=t", ...args], {
      cwd: repo,
      encoding: "utf8",
    });
    if (result.status !== 0) throw new Error(result.stderr);
  };
  try {
    mkdirSync(join(repo, "iam"));
    writeFileSync(join(repo, "deps.yaml"), DEPS);
    writeFileSync(join(repo, "iam/role.tf"), base);
    git("init", "-q", "-b", "main");
    git("add", ".");
    git("commit", "-qm", "base");
    writeFileSync(join(repo, "iam/role.tf"), head);
    const result = runCli(["check", "--git", "main", "--format", "json", "--fail-on", "high"], {
      cwd: repo,
    });
    const out = JSON.parse(result.stdout);
    return {
      code: result.code,
      classes: Object.fromEntries(
        out.changed.map((c: { id: string; classes: string[] }) => [c.id, [...c.classes].sort()]),
      ),
      details: JSON.stringify(out.changed),
    };
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}

describe("check --git on Terraform that changes a role from outside its block", () => {
  it.each([
    [
      "an inline policy that denies everything",
      ROLE(),
      `${ROLE()}resource "aws_iam_role_policy" "h" {\n  role = aws_iam_role.r.id\n  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Deny", Action = "*", Resource = "*" }] })\n}\n`,
      ["permissions-removed"],
    ],
    [
      "AWSDenyAll attached",
      ROLE(),
      `${ROLE()}resource "aws_iam_role_policy_attachment" "d" {\n  role = aws_iam_role.r.name\n  policy_arn = "arn:aws:iam::aws:policy/AWSDenyAll"\n}\n`,
      ["permissions-removed"],
    ],
    [
      "AWSDenyAll as the permissions boundary",
      ROLE() + POLICY,
      ROLE('permissions_boundary = "arn:aws:iam::aws:policy/AWSDenyAll"') + POLICY,
      ["permissions-removed"],
    ],
    [
      "an exclusive attachment list with nothing in it",
      ROLE() + POLICY,
      `${ROLE()}${POLICY}resource "aws_iam_role_policy_attachments_exclusive" "x" {\n  role_name = aws_iam_role.r.name\n  policy_arns = []\n}\n`,
      ["permissions-removed"],
    ],
    [
      "replace_triggered_by on something that changes every apply",
      ROLE(),
      `${ROLE("lifecycle {\n    replace_triggered_by = [terraform_data.x]\n  }")}resource "terraform_data" "x" {\n  input = timestamp()\n}\n`,
      ["replaced"],
    ],
  ])("%s: the role's change, and the gate fails", (_, base, head, classes) => {
    const result = check(base, head);
    expect(result.classes).toEqual({ "iam-role/r": classes });
    expect(result.code).toBe(1);
  });

  it("a trust policy too large to evaluate is unknown, at once", () => {
    const head = `locals {
  a = range(1000)
  b = [for x in local.a : [for y in local.a : [for z in local.a : "\${x}\${y}\${z}"]]]
}
${ROLE("", "jsonencode(local.b)")}`;
    const result = check(ROLE(), head);
    expect(result.classes).toEqual({ "iam-role/r": ["unknown"] });
    expect(result.details).toContain("too large to evaluate");
    expect(result.code).toBe(1);
  });
});
