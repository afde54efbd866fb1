// `check --git` against the second round of ways around the gate (issue 14): what Terraform
// merges into a module from files the evaluation does not model (override files, variable
// files) is unknown; a file added beside a node's single-file rule changes that node's
// module; an aggregated ClusterRole changes with the roles it selects; a YAML alias bomb is
// refused, quickly.

import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "./git-history.js";

const DEPS = `version: 1
owners: {}
nodes:
  iam-role/r:
    kind: iam-role
    tier: 0
    match: {paths: ["iam/**"], terraform: [aws_iam_role.r]}
  iam-role/single:
    kind: iam-role
    tier: 0
    match: {paths: ["single/role.tf"]}
  k8s-role/reader:
    kind: k8s-role
    tier: 0
    match:
      paths: ["k8s/**"]
      kubernetes: [ClusterRole/reader]
  service/api:
    kind: service
    depends_on:
      - {on: iam-role/r, via: assumes-role}
      - {on: iam-role/single, via: assumes-role}
  service/pod:
    kind: service
    depends_on:
      - {on: k8s-role/reader, via: binds-role}
`;

const role = (
  name: string,
  resource: string,
  nameExpression = `"${name}"`,
) => `resource "aws_iam_role" "${resource}" {
  name               = ${nameExpression}
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::111111111111:role/ci" }
    }]
  })
}
`;
const EMPTY_TRUST = `resource "aws_iam_role" "r" {
  assume_role_policy = "{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[]}"
}
`;
const aggregator = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: reader
aggregationRule:
  clusterRoleSelectors:
  - matchLabels:
      agg/reader: "true"
rules: []
`;
const source = (value: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: reader-extra
  labels:
    agg/reader: "${value}"
rules:
- apiGroups: [""]
  resources: [configmaps]
  verbs: [get]
`;

interface Out {
  risk: string;
  changed: { id: string; classes: string[]; causes: { evidence: { detail: string }[] }[] }[];
  unjudged: { file: string | null; reason: string }[];
  unmatchedFiles?: string[];
}

describe("check --git closes round-two gaps", () => {
  let repo: string;
  const git = (...args: string[]) => {
    const result = spawnSync(
      "git",
      ["-c", "user.email=t@example.com", "-c", "user.name=t", ...args],
      { cwd: repo, encoding: "utf8" },
    );
    if (result.status !== 0) throw new Error(result.stderr);
  };
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  };
  const check = (): Out => {
    git("add", "-A");
    git("commit", "-qm", "change");
    const result = runCli(["check", "--git", "main", "--format", "json"], { cwd: repo });
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as Out;
  };
  const classes = (out: Out) => Object.fromEntries(out.changed.map((c) => [c.id, c.classes]));
  const details = (out: Out, id: string) =>
    (out.changed.find((c) => c.id === id)?.causes ?? []).flatMap((c) =>
      c.evidence.map((e) => e.detail),
    );

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), "br-gaps-"));
    git("init", "-q", "-b", "main");
    write("deps.yaml", DEPS);
    write("iam/role.tf", `${role("r", "r", "var.n")}variable "n" {\n  default = "r"\n}\n`);
    write("iam/terraform.tfvars", `n = "r"\n`);
    write("single/role.tf", role("single", "single"));
    write("k8s/role.yaml", aggregator);
    write("k8s/extra.yaml", source("true"));
    git("add", "-A");
    git("commit", "-qm", "base");
  });
  beforeEach(() => git("checkout", "-q", "-f", "-B", "change", "main"));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it("an override file, matched or beside a single-file rule, leaves the module unknown", () => {
    write("iam/override.tf", EMPTY_TRUST);
    write("single/a_override.tf", EMPTY_TRUST.replace('"r"', '"single"'));
    const out = check();
    expect(classes(out)).toEqual({ "iam-role/r": ["unknown"], "iam-role/single": ["unknown"] });
    expect(out.unjudged.map((u) => u.file).sort()).toEqual([
      "iam/override.tf",
      "single/a_override.tf",
    ]);
    expect(out.unjudged[0]?.reason).toMatch(/Terraform merges override files/);
    expect(out.risk).not.toBe("none");
  });

  it("a variable file that changes, or a new .auto.tfvars, is not judged", () => {
    write("iam/terraform.tfvars", `n = "r2"\n`);
    write("single/x.auto.tfvars", `n = "other"\n`);
    const out = check();
    expect(classes(out)).toEqual({ "iam-role/r": ["unknown"], "iam-role/single": ["unknown"] });
    expect(out.unjudged.map((u) => u.reason)).toEqual([
      expect.stringMatching(/variable files are not evaluated/),
      expect.stringMatching(/variable files are not evaluated/),
    ]);
  });

  it("a file added beside a single-file rule changes that node where it changes its role, and only there", () => {
    write(
      "single/zz-hardening.tf",
      `resource "aws_iam_role_policy" "deny" {\n  role   = aws_iam_role.single.id\n  policy = jsonencode({ Statement = [{ Effect = "Deny", Action = "*", Resource = "*" }] })\n}\n`,
    );
    write("single/bucket.tf", `resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n`);
    const out = check();
    expect(Object.keys(classes(out))).toEqual(["iam-role/single"]);
    expect(details(out, "iam-role/single").join(" ")).toMatch(/aws_iam_role_policy\.deny/);
    expect(out.unmatchedFiles).toContain("single/bucket.tf");
    expect(out.risk).not.toBe("none");
  });

  it("a source ClusterRole that loses its aggregation label removes permissions from the aggregator", () => {
    write("k8s/extra.yaml", source("false"));
    const out = check();
    expect(classes(out)).toEqual({ "k8s-role/reader": ["permissions-removed"] });
    expect(details(out, "k8s-role/reader").join(" ")).toMatch(
      /no longer allows get core\/configmaps/,
    );
  });

  it("a changed aggregationRule is unknown: the controller writes the rules", () => {
    write("k8s/role.yaml", aggregator.replace('agg/reader: "true"', 'agg/reader: "nope"'));
    const out = check();
    expect(classes(out)["k8s-role/reader"]).toContain("unknown");
  });

  it("a matched manifest that is a YAML alias bomb is refused at once, not expanded", () => {
    const lines = [`a0: &a0 [${Array(9).fill('"x"').join(", ")}]`];
    for (let i = 1; i <= 12; i++)
      lines.push(
        `a${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(", ")}]`,
      );
    write("k8s/role.yaml", `${lines.join("\n")}\n---\n${aggregator}`);
    const out = check();
    expect(classes(out)).toEqual({ "k8s-role/reader": ["unknown"] });
    expect(out.unjudged).toEqual([
      { file: "k8s/role.yaml", reason: expect.stringMatching(/YAML aliases expand beyond/) },
    ]);
  });
});
