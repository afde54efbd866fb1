// `check --git` on a Terraform module whose policy document sits in another file of the
// folder than the role it reaches: the folder is evaluated as one, and the change is the role's.

import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, gitIn, ROOT, runCli } from "./git-history.js";

const DEPS = `version: 1
owners:
  platform: {github: "@acme/platform"}
nodes:
  iam-role/irsa:
    kind: iam-role
    owner: platform
    match:
      paths: ["modules/irsa/*.tf"]
      terraform: [aws_iam_role.this]
  service/app:
    kind: service
    owner: platform
    depends_on:
      - on: iam-role/irsa
        via: runs-as
`;

// Modelled on terraform-aws-iam's iam-role-for-service-accounts (Apache-2.0): the document
// in policies.tf, merged through a local, attached to the role in main.tf.
const MAIN = `locals {
  documents = concat(data.aws_iam_policy_document.ebs[*].json, var.extra_documents)
}

resource "aws_iam_role" "this" {
  count              = var.create ? 1 : 0
  name               = var.name
  assume_role_policy = "{}"
}

data "aws_iam_policy_document" "this" {
  source_policy_documents = local.documents
}

resource "aws_iam_policy" "this" {
  name   = var.name
  policy = data.aws_iam_policy_document.this.json
}

resource "aws_iam_role_policy_attachment" "this" {
  role       = aws_iam_role.this[0].name
  policy_arn = aws_iam_policy.this.arn
}
`;

const policies = (actions: string[]) => `data "aws_iam_policy_document" "ebs" {
  count = var.attach_ebs ? 1 : 0
  statement {
    actions   = ${JSON.stringify(actions)}
    resources = ["*"]
  }
}
`;

const variables = (description: string) => `variable "create" {
  type    = bool
  default = true
}
variable "name" {
  type    = string
  default = "irsa"
}
variable "attach_ebs" {
  description = "${description}"
  type        = bool
  default     = true
}
variable "extra_documents" {
  type    = list(string)
  default = []
}
`;

describe("check --git on a Terraform module folder", () => {
  let repo: string;
  const git = (...args: string[]) => gitIn(repo, args);
  const write = (path: string, text: string) => writeFileSync(join(repo, path), text);

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), "br-tf-"));
    mkdirSync(join(repo, "modules/irsa"), { recursive: true });
    write("deps.yaml", DEPS);
    write("modules/irsa/main.tf", MAIN);
    write("modules/irsa/policies.tf", policies(["ec2:AttachVolume", "ec2:DetachVolume"]));
    write("modules/irsa/variables.tf", variables("Attach the EBS policy"));
    git("init", "-q", "-b", "main");
    git("add", ".");
    git("commit", "-qm", "base");
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it("a permission removed in policies.tf is the role's, once, and breaks what runs as it", () => {
    write("modules/irsa/policies.tf", policies(["ec2:AttachVolume"]));
    write("modules/irsa/variables.tf", variables("Whether to attach the EBS policy"));
    const result = runCli(["check", "--git", "main", "--format", "json"], { cwd: repo });
    expect(result.stderr).toBe("");
    const out = JSON.parse(result.stdout);
    expect(out.changed.map((c: { id: string; classes: string[] }) => [c.id, c.classes])).toEqual([
      ["iam-role/irsa", ["permissions-removed"]],
    ]);
    const causes = out.changed[0].causes;
    expect(causes).toHaveLength(1);
    expect(causes[0].evidence).toEqual([
      expect.objectContaining({
        address: "aws_iam_role.this",
        file: "modules/irsa/policies.tf",
        line: 4,
        detail:
          "policy aws_iam_policy.this (aws_iam_role_policy_attachment.this): no longer allows ec2:DetachVolume on *",
      }),
    ]);
    expect(out.impacted.map((n: { id: string; severity: string }) => [n.id, n.severity])).toEqual([
      ["service/app", "breaking"],
    ]);
    // variables.tf changed too: its folder's change was reported, so it is not called quiet.
    expect(out.quietFiles).toEqual([]);
  });

  it("gives the same answer byte for byte from our HCL reader and from hcl2json, in its own process or the CLI's", () => {
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, [BIN, "check", "--git", "main", "--format", "json"], {
        cwd: repo,
        encoding: "utf8",
        env: { ...process.env, ...env },
      });
    const reader = run({});
    const own = run({ BLASTRADIUS_HCL_READER: "off", BLASTRADIUS_HCL_CHILD: "on" });
    const here = run({ BLASTRADIUS_HCL_READER: "off", BLASTRADIUS_HCL_CHILD: "off" });
    expect(own.status).toBe(0);
    expect(own.stdout).toContain("permissions-removed");
    expect(here.stdout).toBe(own.stdout);
    expect(here.stderr).toBe(own.stderr);
    expect(reader.stdout).toBe(own.stdout);
    expect(reader.stderr).toBe(own.stderr);
  });
});

describe("check --git on a module call whose input changes", () => {
  let repo: string;
  const git = (...args: string[]) => gitIn(repo, args);
  const write = (path: string, text: string) => writeFileSync(join(repo, path), text);
  const call = (input: string) => `module "m" {\n  source = "./m"\n${input}}\n`;

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), "br-tf-call-"));
    mkdirSync(join(repo, "iam/m"), { recursive: true });
    write("deps.yaml", DEPS.replace('"modules/irsa/*.tf"', '"iam/**"'));
    write("iam/main.tf", call(""));
    write(
      "iam/m/role.tf",
      `variable "n" {\n  default = "r"\n}\nresource "aws_iam_role" "this" {\n  name = var.n\n  assume_role_policy = "{}"\n}\n`,
    );
    git("init", "-q", "-b", "main");
    git("add", ".");
    git("commit", "-qm", "base");
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it("is unknown for the node matching the caller's file, though the node names the child's role", () => {
    // The new name replaces the role in ./m: the child is not evaluated with the caller's inputs.
    write("iam/main.tf", call('  n = "r2"\n'));
    const result = runCli(["check", "--git", "main", "--format", "json"], { cwd: repo });
    const out = JSON.parse(result.stdout);
    expect(out.changed.map((c: { id: string; classes: string[] }) => [c.id, c.classes])).toEqual([
      ["iam-role/irsa", ["unknown"]],
    ]);
    expect(JSON.stringify(out.changed[0].causes)).toContain("module call changed");
    expect(out.quietFiles).toEqual([]);
  });
});

describe("check --git on the bundled example: a role's trust and its attached policy changed together", () => {
  // From the red team: the role's own change and what it has through the policy it attaches
  // were one record, named by whichever came first, so the trust change went to the policy's
  // node, the role was "quiet", and a gate on high passed.
  let repo: string;
  const git = (...args: string[]) => gitIn(repo, args);
  const edit = (path: string, from: string, to: string) => {
    const text = readFileSync(join(repo, path), "utf8");
    expect(text).toContain(from);
    writeFileSync(join(repo, path), text.replace(from, to));
  };
  const IAM = "examples/terraform/iam";

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), "br-tf-both-"));
    cpSync(join(ROOT, "deps.yaml"), join(repo, "deps.yaml"));
    cpSync(join(ROOT, "examples"), join(repo, "examples"), { recursive: true });
    git("init", "-q", "-b", "main");
    git("add", ".");
    git("commit", "-qm", "base");
    edit(`${IAM}/automation-runner.tf`, 'role/job-runner"', 'role/job-runner-v2"');
    edit(`${IAM}/warehouse-loader-policy.tf`, '"s3:GetObject"', '"s3:*"');
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it("reports both nodes, the role's trust change its own, and the gate holds", () => {
    const result = runCli(["check", "--git", "main", "--format", "json", "--fail-on", "high"], {
      cwd: repo,
    });
    const out = JSON.parse(result.stdout);
    expect(out.changed.map((c: { id: string; classes: string[] }) => [c.id, c.classes])).toEqual([
      ["iam-policy/warehouse-loader", ["permissions-added"]],
      ["iam-role/automation-runner", ["trust-narrowed", "trust-widened"]],
    ]);
    const role = out.changed[1];
    expect(
      role.causes.flatMap((c: { evidence: { detail: string }[] }) =>
        c.evidence.map((e) => e.detail),
      ),
    ).toEqual(
      expect.arrayContaining([
        expect.stringContaining("now trusts AWS arn:aws:iam::111111111111:role/job-runner-v2"),
      ]),
    );
    expect(out.quietFiles).toEqual([]);
    expect(out.risk).toBe("high");
    expect(result.code).toBe(1);
  });
});

describe("check --git on the bundled example: a change another file causes reaches the node that declares it", () => {
  // From the red team. A role's trust changed through a variable (in a file no node matches)
  // beside an edit to another node's file was put on that other file and lost; changed through
  // a local in another node's file, it was called quiet. Either way a gate on high passed.
  const IAM = "examples/terraform/iam";
  const repos: string[] = [];
  afterAll(() => {
    for (const repo of repos) rmSync(repo, { recursive: true, force: true });
  });
  const setUp = (base: (edit: Edit) => void, change: (edit: Edit) => void) => {
    const repo = mkdtempSync(join(tmpdir(), "br-tf-cause-"));
    repos.push(repo);
    const git = (...args: string[]) => gitIn(repo, args);
    const edit: Edit = (path, from, to) => {
      const file = join(repo, IAM, path);
      const text = from === undefined ? "" : readFileSync(file, "utf8");
      if (from !== undefined) expect(text).toContain(from);
      writeFileSync(file, from === undefined ? to : text.replace(from, to));
    };
    cpSync(join(ROOT, "deps.yaml"), join(repo, "deps.yaml"));
    cpSync(join(ROOT, "examples"), join(repo, "examples"), { recursive: true });
    base(edit);
    git("init", "-q", "-b", "main");
    git("add", ".");
    git("commit", "-qm", "base");
    change(edit);
    const result = runCli(["check", "--git", "main", "--format", "json", "--fail-on", "high"], {
      cwd: repo,
    });
    return { out: JSON.parse(result.stdout), code: result.code };
  };
  const TRUSTED = 'Principal = { AWS = "arn:aws:iam::111111111111:role/job-runner" }';
  const changedOf = (out: { changed: { id: string; classes: string[] }[] }) =>
    out.changed.map((c) => [c.id, c.classes]);

  it("through a variable, beside an edit to another node's file", () => {
    const { out, code } = setUp(
      (edit) => {
        // biome-ignore lint/suspicious/noTemplateCurlyInString: HCL's interpolation.
        edit("automation-runner.tf", TRUSTED, TRUSTED.replace("111111111111", "${var.account}"));
        edit("variables.tf", undefined, 'variable "account" {\n  default = "111111111111"\n}\n');
      },
      (edit) => {
        edit("variables.tf", '"111111111111"', '"222222222222"');
        edit(
          "job-runner-service-account.tf",
          'Service = "ec2.amazonaws.com"',
          'Service = ["ec2.amazonaws.com", "lambda.amazonaws.com"]',
        );
      },
    );
    expect(changedOf(out)).toEqual([
      ["iam-role/automation-runner", ["trust-narrowed", "trust-widened"]],
      ["iam-role/job-runner", ["trust-widened"]],
    ]);
    expect(out.unmatchedFiles).toEqual([]);
    expect(code).toBe(1);
  });

  it("through a local in another node's file", () => {
    const { out, code } = setUp(
      (edit) => {
        // biome-ignore lint/suspicious/noTemplateCurlyInString: HCL's interpolation.
        edit("automation-runner.tf", TRUSTED, TRUSTED.replace("111111111111", "${local.account}"));
        edit("warehouse-loader-policy.tf", "", '\nlocals {\n  account = "111111111111"\n}\n');
      },
      (edit) => edit("warehouse-loader-policy.tf", '"111111111111"', '"222222222222"'),
    );
    expect(changedOf(out)).toEqual([
      ["iam-role/automation-runner", ["trust-narrowed", "trust-widened"]],
    ]);
    expect(code).toBe(1);
  });
});

type Edit = (path: string, from: string | undefined, to: string) => void;
