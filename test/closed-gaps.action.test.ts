// The Action's pipeline against round two's ways around the gate (issue 14): override and
// variable files, a file beside a single-file rule, a YAML alias bomb in a manifest.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseDepsLocation } from "../src/app/deps-location.js";
import { type ReviewOptions, reviewPullRequest } from "../src/app/review-pull-request.js";
import { type FakeGitHub, startFakeGitHub } from "./github-api/fake-github.js";
import { portFor } from "./github-api/scenario.js";

const REPO = "acme/infra";
const B = "a".repeat(40);
const H = "b".repeat(40);
const DEPS = `version: 1
owners:
  plat: {github: "@acme/plat"}
nodes:
  iam-role/r:
    kind: iam-role
    tier: 0
    owner: plat
    match: {paths: ["iam/**"], terraform: [aws_iam_role.r]}
  iam-role/single:
    kind: iam-role
    tier: 0
    owner: plat
    match: {paths: ["single/role.tf"]}
  k8s-role/reader:
    kind: k8s-role
    tier: 0
    match: {paths: ["k8s/**"]}
  service/api:
    kind: service
    tier: 1
    depends_on:
      - {on: iam-role/r, via: assumes-role}
      - {on: iam-role/single, via: assumes-role}
      - {on: k8s-role/reader, via: binds-role}
`;
const TRUST = `jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "arn:aws:iam::111111111111:role/ci" } }] })`;
const role = (resource: string, name: string) =>
  `resource "aws_iam_role" "${resource}" {\n  name = ${name}\n  assume_role_policy = ${TRUST}\n}\n`;
const BASE: Record<string, string> = {
  "deps.yaml": DEPS,
  "iam/role.tf": `${role("r", "var.n")}variable "n" {\n  default = "r"\n}\n`,
  "iam/terraform.tfvars": `n = "r"\n`,
  "single/role.tf": role("single", `"single"`),
  "k8s/role.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n",
};

const options: ReviewOptions = {
  repo: REPO,
  number: 7,
  deps: parseDepsLocation("deps.yaml"),
  post: false,
  comment: "update",
  postWhenEmpty: false,
  mentionOwners: false,
  labels: false,
  requestReviewers: false,
  failOn: "high",
  acknowledgeLabel: "blast-radius:acknowledged",
};

describe("the Action closes round-two gaps", () => {
  let fake: FakeGitHub;
  beforeEach(async () => {
    fake = await startFakeGitHub();
    for (const ref of [B, H]) {
      for (const [p, t] of Object.entries(BASE)) fake.setFile(REPO, ref, p, t);
      // GitHub lists a folder's files: the module folders are listed on both sides.
      for (const folder of ["iam", "single", "k8s"])
        fake.setSpecial(REPO, ref, folder, { type: "directory" });
    }
  });
  afterEach(async () => {
    await fake.close();
  });
  const review = async (head: Record<string, string>) => {
    for (const [p, t] of Object.entries(head)) fake.setFile(REPO, H, p, t);
    fake.addPull(REPO, {
      number: 7,
      baseSha: B,
      headSha: H,
      files: Object.keys(head).map((filename) => ({
        filename,
        status: filename in BASE ? "modified" : "added",
      })),
    });
    const result = await reviewPullRequest(portFor(fake), options);
    return {
      changed: Object.fromEntries(result.analysis.impact.changed.map((c) => [c.id, c.classes])),
      unjudged: result.analysis.impact.unjudged.map((u) => `${u.file}: ${u.reason}`),
      verdict: result.gate.verdict,
    };
  };

  it("an override file added to a module is unknown, not an added role", async () => {
    const out = await review({
      "iam/override.tf": `resource "aws_iam_role" "r" {\n  name = "other"\n}\n`,
    });
    expect(out.changed).toEqual({ "iam-role/r": ["unknown"] });
    expect(out.unjudged).toEqual([
      expect.stringMatching(/^iam\/override\.tf: Terraform merges override/),
    ]);
    expect(out.verdict).toBe("fail");
  });

  it("a changed terraform.tfvars is unknown, not modified", async () => {
    const out = await review({ "iam/terraform.tfvars": `n = "r2"\n` });
    expect(out.changed).toEqual({ "iam-role/r": ["unknown"] });
    expect(out.verdict).toBe("fail");
  });

  it("an inline policy added beside a single-file rule is that role's change", async () => {
    const out = await review({
      "single/zz-hardening.tf": `resource "aws_iam_role_policy" "deny" {\n  role   = aws_iam_role.single.id\n  policy = jsonencode({ Statement = [{ Effect = "Deny", Action = "*", Resource = "*" }] })\n}\n`,
    });
    expect(Object.keys(out.changed)).toEqual(["iam-role/single"]);
    expect(out.unjudged).toEqual([]);
  });

  it("a YAML alias bomb in a matched manifest is not judged, and does not hang", async () => {
    let bomb = `a0: &a0 [${Array(9).fill('"x"').join(",")}]\n`;
    for (let i = 1; i < 12; i++)
      bomb += `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(",")}]\n`;
    const out = await review({ "k8s/role.yaml": `${BASE["k8s/role.yaml"]}---\n${bomb}` });
    expect(out.changed).toEqual({ "k8s-role/reader": ["unknown"] });
    expect(out.unjudged).toEqual([expect.stringMatching(/YAML aliases expand beyond/)]);
  });
});
