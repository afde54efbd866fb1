// IAM documents as Terraform writes them (jsonencode in a role, aws_iam_policy_document with
// Deny and the Not* lists), read and compared as AWS evaluates them.
import { describe, expect, it } from "vitest";
import { parseTerraform } from "../src/adapters/terraform/parse-hcl.js";
import type { ResourceChange } from "../src/core/classify/evidence.js";
import { classifyTerraformFile } from "../src/core/classify/terraform-file.js";
import { classifyTerraformModule } from "../src/core/classify/terraform-module-changes.js";
import { moduleFiles } from "./module-files.js";

const files = moduleFiles;

const classes = (changes: readonly ResourceChange[]) =>
  Object.fromEntries(changes.map((c) => [c.address, c.classes]));

const ROLE = "arn:aws:iam::111111111111:role/job-runner";
const allow = `{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "${ROLE}" } }`;
const denyAll = `{ Effect = "Deny", Action = "sts:*", Principal = { AWS = "*" } }`;
const role = (statements: string) => `
resource "aws_iam_role" "this" {
  name               = "app"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [${statements}] })
}
`;

const documentRole = (extra: string) => `
data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["${ROLE}"]
    }
  }
  ${extra}
}
resource "aws_iam_role" "this" {
  name               = "app"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}
`;

describe("IAM in Terraform, evaluated as AWS does", () => {
  it("a trust Deny inside jsonencode in a .tf file is trust-narrowed, not modified", async () => {
    const changes = await classifyTerraformModule(
      await files({ "main.tf": role(allow) }),
      await files({ "main.tf": role(`${allow}, ${denyAll}`) }),
    );
    expect(classes(changes)).toEqual({ "aws_iam_role.this": ["trust-narrowed"] });
    expect(changes[0]?.evidence.map((e) => e.detail)).toEqual([
      `no longer trusts AWS ${ROLE} (sts:AssumeRole): denied to AWS * (sts:*)`,
    ]);
  });

  it("an inline jsonencode policy whose s3:Get* becomes s3:Get? loses access: permissions-removed", async () => {
    const inline = (action: string) => `
resource "aws_iam_role_policy" "inline" {
  role   = "app"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "${action}", Resource = "*" }] })
}
`;
    const changes = await classifyTerraformModule(
      await files({ "main.tf": inline("s3:Get*") }),
      await files({ "main.tf": inline("s3:Get?") }),
    );
    expect(classes(changes)).toEqual({ "aws_iam_role_policy.inline": ["permissions-removed"] });
  });

  it("one file alone reads the same Deny", async () => {
    const side = async (text: string) => ({
      text,
      json: await parseTerraform("main.tf", text, { evaluate: false }),
    });
    const changes = classifyTerraformFile(
      "main.tf",
      await side(documentRole("")),
      await side(
        documentRole(`statement {
    effect  = "Deny"
    actions = ["sts:*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }`),
      ),
    );
    // The document, and the role that uses it.
    expect(classes(changes)).toEqual({
      "aws_iam_role.this": ["trust-narrowed"],
      "data.aws_iam_policy_document.trust": ["trust-narrowed"],
    });
  });

  it("aws_iam_policy_document: Deny with not_principals, not_actions and not_resources", async () => {
    const narrowed = await classifyTerraformModule(
      await files({ "main.tf": documentRole("") }),
      await files({
        "main.tf": documentRole(`statement {
    effect  = "Deny"
    actions = ["sts:AssumeRole"]
    not_principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111111111111:role/other"]
    }
  }`),
      }),
    );
    expect(classes(narrowed)).toEqual({ "aws_iam_role.this": ["trust-narrowed"] });
    const policy = (extra: string) => `
data "aws_iam_policy_document" "p" {
  statement {
    actions   = ["s3:*"]
    resources = ["*"]
  }
  ${extra}
}
resource "aws_iam_policy" "p" {
  name   = "p"
  policy = data.aws_iam_policy_document.p.json
}
`;
    const removed = await classifyTerraformModule(
      await files({ "main.tf": policy("") }),
      await files({
        "main.tf": policy(`statement {
    effect        = "Deny"
    not_actions   = ["s3:GetObject"]
    not_resources = ["arn:aws:s3:::public/*"]
  }`),
      }),
    );
    expect(classes(removed)).toEqual({ "aws_iam_policy.p": ["permissions-removed"] });
    expect(removed[0]?.evidence.map((e) => e.detail)).toEqual([
      "policy aws_iam_policy.p: now denies any action but s3:GetObject on any resource but arn:aws:s3:::public/*",
    ]);
  });
});
