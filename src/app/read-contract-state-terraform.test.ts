// Contracts at a commit where reading the files as they stand is not enough: resources with no
// instance, values a module call or a variable file sets, several roles behind one node, and
// repositories of thousands of files (red team r2-15, r2-05, r2-10, r1-07, r2-08, r2-07).

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { gitIn } from "../../test/git-history.js";
import { localModuleCalls } from "../adapters/git/module-calls.js";
import { blobsAt, treeAt } from "../adapters/git/tree-blobs.js";
import { loadModel } from "./load-model.js";
import { readContractMatrix } from "./read-contract-state.js";

const RUNNER = "arn:aws:iam::111111111111:role/job-runner";
const OTHER = "arn:aws:iam::111111111111:role/other";

const role = (name: string, principal: string, extra = "") => `resource "aws_iam_role" "${name}" {
${extra}  name = "${name}"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = ${principal} } }]
  })
}
`;

/** A dependent that expects `on` to trust job-runner and to exist. */
const deps = (match: string) => `version: 1
nodes:
  role:
    kind: iam-role
    match: ${match}
  jobs:
    kind: service
    depends_on:
      - on: role
        expects: {trusts: ["${RUNNER}"], exists: true}
`;

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A repository holding these files in one commit, and its contracts at HEAD. */
async function contractsOf(files: Record<string, string>, limit?: number) {
  const dir = mkdtempSync(join(tmpdir(), "br-state-tf-"));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  gitIn(dir, ["init", "-q", "-b", "main"]);
  gitIn(dir, ["add", "."]);
  gitIn(dir, ["commit", "-qm", "state"]);
  const matrix = await readContractMatrix(
    loadModel(join(dir, "deps.yaml")),
    { today: "2026-11-30", ...(limit ? { limit } : {}) },
    { cwd: dir },
  );
  return { dir, matrix, rows: matrix.rows.map((r) => `${r.expectation}: ${r.status}`) };
}

const quoted = (arn: string) => `"${arn}"`;

describe("a role switched off (r2-15)", () => {
  it.each([
    ["count = 0", "  count = 0\n", ""],
    [
      "count from a flag off by default",
      "  count = var.enabled ? 1 : 0\n",
      'variable "enabled" { default = false }\n',
    ],
    ["for_each over an empty set", "  for_each = toset([])\n", ""],
  ])("%s: not found, by its file alone", async (_, extra, variables) => {
    const { rows, matrix } = await contractsOf({
      "deps.yaml": deps("{paths: [tf/role.tf]}"),
      "tf/role.tf": variables + role("runner", quoted(RUNNER), extra),
    });
    expect(rows).toEqual([`trusts ${RUNNER}: broken`, "exists: broken"]);
    expect(matrix.rows[1]?.evidence?.detail).toMatch(
      /its files declare aws_iam_role\.runner, and none has an instance at [0-9a-f]{7}/,
    );
  });

  it("on, the same file keeps both; a file without resources still stands for its node", async () => {
    const on = await contractsOf({
      "deps.yaml": deps("{paths: [tf/role.tf]}"),
      "tf/role.tf": `variable "enabled" { default = true }\n${role("runner", quoted(RUNNER), "  count = var.enabled ? 1 : 0\n")}`,
    });
    expect(on.rows).toEqual([`trusts ${RUNNER}: kept`, "exists: kept"]);
    const outputs = await contractsOf({
      "deps.yaml": deps("{paths: [tf/outputs.tf]}"),
      "tf/outputs.tf": 'output "x" { value = 1 }\n',
    });
    expect(outputs.rows).toEqual([`trusts ${RUNNER}: unchecked`, "exists: kept"]);
    // Resources of any type, with instances, stand for it.
    const bucket = await contractsOf({
      "deps.yaml": deps("{paths: [tf/b.tf]}"),
      "tf/b.tf": 'resource "aws_s3_bucket" "b" {\n  for_each = { a = 1 }\n  bucket = each.key\n}\n',
    });
    expect(bucket.rows).toEqual([`trusts ${RUNNER}: unchecked`, "exists: kept"]);
  });

  it("a count only the caller knows: whether it exists cannot be told, by file or by object", async () => {
    for (const match of ["{paths: [tf/role.tf]}", "{terraform: [aws_iam_role.runner]}"]) {
      const { matrix } = await contractsOf({
        "deps.yaml": deps(match),
        "tf/role.tf": `variable "enabled" { type = bool }\n${role("runner", quoted(RUNNER), "  count = var.enabled ? 1 : 0\n")}`,
      });
      expect(matrix.rows.map((r) => r.status)).toEqual(["unchecked", "unchecked"]);
      expect(matrix.rows[1]?.reason).toMatch(
        /^whether role exists at [0-9a-f]{7} cannot be told: aws_iam_role\.runner exists only when count = /,
      );
    }
  });
});

describe("values set from elsewhere are not known (r2-10, r1-07)", () => {
  const MODULE = `variable "trusted" {
  type    = list(string)
  default = ["${RUNNER}"]
}
${role("this", "var.trusted")}`;

  it("a module folder called from the root: its default is not what the call passes", async () => {
    const { rows, matrix } = await contractsOf({
      "deps.yaml": deps("{paths: [main.tf, modules/role/**]}"),
      "modules/role/main.tf": MODULE,
      "main.tf": `module "runner" {\n  source  = "./modules/role"\n  trusted = ["${OTHER}"]\n}\n`,
    });
    expect(rows).toEqual([`trusts ${RUNNER}: unchecked`, "exists: kept"]);
    expect(matrix.notes).toContain(
      "the variables of modules/role are set by the module call in main.tf:2, which is not evaluated: what depends on them is unchecked",
    );
  });

  it("the same folder, called by nothing, is a root module: its defaults are what applies", async () => {
    const { rows } = await contractsOf({
      "deps.yaml": deps("{paths: [modules/role/**]}"),
      "modules/role/main.tf": MODULE,
    });
    expect(rows).toEqual([`trusts ${RUNNER}: kept`, "exists: kept"]);
  });

  it("terraform.tfvars beside the module sets its variables, matched by the node or not", async () => {
    for (const paths of ["[tf/**]", "[tf/role.tf]"]) {
      const { rows, matrix } = await contractsOf({
        "deps.yaml": deps(`{paths: ${paths}, terraform: [aws_iam_role.this]}`),
        "tf/role.tf": MODULE,
        "tf/terraform.tfvars": `trusted = ["${OTHER}"]\n`,
      });
      expect(rows).toEqual([`trusts ${RUNNER}: unchecked`, "exists: kept"]);
      expect(matrix.notes.join("\n")).toContain(
        "the variables of tf are set in tf/terraform.tfvars",
      );
    }
  });

  it("a literal trust in a called module is still known", async () => {
    const { rows } = await contractsOf({
      "deps.yaml": deps("{paths: [modules/role/**]}"),
      "modules/role/main.tf": `variable "name" { type = string }\n${role("this", quoted(OTHER))}`,
      "main.tf": 'module "runner" {\n  source = "./modules/role"\n  name   = "runner"\n}\n',
    });
    expect(rows).toEqual([`trusts ${RUNNER}: broken`, "exists: kept"]);
  });
});

describe("which role a node matched by its files stands for (r2-08, r2-05)", () => {
  it("two roles in its file: what it trusts is unchecked, saying how to name it", async () => {
    const { rows, matrix } = await contractsOf({
      "deps.yaml": deps("{paths: [tf/roles.tf]}"),
      "tf/roles.tf": role("a", quoted(OTHER)) + role("b", quoted(RUNNER)),
    });
    expect(rows).toEqual([`trusts ${RUNNER}: unchecked`, "exists: kept"]);
    expect(matrix.rows[0]?.reason).toBe(
      "role is matched by its files only, and they hold 2 principals (aws_iam_role.a, aws_iam_role.b): which it stands for cannot be told (name it in match.terraform, match.kubernetes or match.cloudformation)",
    );
    // Named by its object, the same file answers.
    const named = await contractsOf({
      "deps.yaml": deps("{paths: [tf/roles.tf], terraform: [aws_iam_role.a]}"),
      "tf/roles.tf": role("a", quoted(OTHER)) + role("b", quoted(RUNNER)),
    });
    expect(named.rows).toEqual([`trusts ${RUNNER}: broken`, "exists: kept"]);
  });

  it("a role of a module called twice is two roles", async () => {
    const { rows, matrix } = await contractsOf({
      "deps.yaml": deps("{paths: [modules/role/**]}"),
      "modules/role/main.tf": role("this", quoted(RUNNER)),
      "a/main.tf": 'module "a" {\n  source = "../modules/role"\n}\n',
      "b/main.tf": 'module "b" {\n  source = "../modules/role"\n}\n',
    });
    expect(rows).toEqual([`trusts ${RUNNER}: unchecked`, "exists: kept"]);
    expect(matrix.rows[0]?.reason).toContain(
      "aws_iam_role.this, made by each of several module calls",
    );
  });

  it("a Role renamed or moved: not found by its object rule; by its file alone, noted", async () => {
    const manifest = (name: string, namespace: string) =>
      `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: ${name}, namespace: ${namespace}}
rules:
  - apiGroups: [""]
    resources: [secrets]
    verbs: [get, list]
`;
    const k8sDeps = (match: string) => `version: 1
nodes:
  reader:
    kind: k8s-role
    match: ${match}
  jobs:
    kind: service
    depends_on:
      - on: reader
        expects: {allows: ["list secrets"], exists: true}
`;
    for (const [name, namespace] of [
      ["secret-reader-v2", "jobs"],
      ["secret-reader", "jobs-v2"],
    ] as const) {
      const pinned = await contractsOf({
        "deps.yaml": k8sDeps("{paths: [k8s/role.yaml], kubernetes: [Role/jobs/secret-reader]}"),
        "k8s/role.yaml": manifest(name, namespace),
      });
      expect(pinned.rows).toEqual(["allows list secrets: broken", "exists: broken"]);
    }
    const byFile = await contractsOf({
      "deps.yaml": k8sDeps("{paths: [k8s/role.yaml]}"),
      "k8s/role.yaml": manifest("secret-reader-v2", "jobs"),
    });
    expect(byFile.matrix.notes.join("\n")).toContain(
      "reader is matched by its files only: Role/jobs/secret-reader-v2 in them stands for it, whatever its name or namespace",
    );
  });
});

describe("a repository of more files than the old bound of 200 (r2-07)", () => {
  it("a node named only by its object is still found among them, and judged", async () => {
    const files: Record<string, string> = {
      "deps.yaml": deps("{terraform: [aws_iam_role.runner]}"),
      "iam/runner.tf": role("runner", quoted(OTHER)),
    };
    for (let i = 0; i < 260; i++)
      files[`modules/n${i}/main.tf`] = `resource "null_resource" "n${i}" {}\n`;
    const { rows, matrix } = await contractsOf(files);
    expect(rows).toEqual([`trusts ${RUNNER}: broken`, "exists: kept"]);
    expect(matrix.rows[0]?.where).toBe("iam/runner.tf:3");
    // Past an explicit bound, the note stays.
    const bounded = await contractsOf(files, 100);
    expect(bounded.rows).toEqual([`trusts ${RUNNER}: unchecked`, "exists: unchecked"]);
    expect(bounded.matrix.notes.join("\n")).toContain("more than the 100 read");
  });
});

describe("the git readers behind it", () => {
  it("lists a commit's tree with kinds and sizes, reads files in bulk, and finds local module calls", () => {
    const dir = mkdtempSync(join(tmpdir(), "br-state-git-"));
    dirs.push(dir);
    mkdirSync(join(dir, "envs/prod"), { recursive: true });
    mkdirSync(join(dir, "modules/role"), { recursive: true });
    writeFileSync(
      join(dir, "envs/prod/main.tf"),
      'module "r" {\n  source = "../../modules/role"\n}\n',
    );
    writeFileSync(
      join(dir, "main.tf"),
      'module "r" {\n  source = "./modules/role//"\n}\nmodule "x" {\n  source = "terraform-aws-modules/iam/aws"\n}\n',
    );
    writeFileSync(join(dir, "modules/role/main.tf"), "# é\n");
    gitIn(dir, ["init", "-q", "-b", "main"]);
    gitIn(dir, ["add", "."]);
    gitIn(dir, ["commit", "-qm", "x"]);
    const tree = treeAt(dir, "HEAD");
    expect(tree.get("modules/role/main.tf")).toEqual({ kind: "file", size: 5 });
    const texts = blobsAt(dir, "HEAD", ["modules/role/main.tf", "missing.tf", "main.tf"]);
    expect(texts.get("modules/role/main.tf")).toBe("# é\n");
    expect(texts.has("missing.tf")).toBe(false);
    expect(texts.get("main.tf")).toContain('module "x"');
    const calls = localModuleCalls(dir, "HEAD");
    expect([...(calls?.entries() ?? [])]).toEqual([
      ["modules/role", { file: "envs/prod/main.tf", line: 2, calls: 2 }],
    ]);
  });
});

describe("a managed policy beside the role is not the role's grant (red team r3-16)", () => {
  const policyDoc = `jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "*" }] })`;
  const files = (attachment: string) => ({
    "deps.yaml": `version: 1
nodes:
  role: { kind: iam-role, match: { paths: ["tf/**"] } }
  reader:
    kind: service
    depends_on:
      - on: role
        expects: {allows: ["s3:GetObject"]}
`,
    "tf/role.tf": `${role("exporter", `"${RUNNER}"`)}
resource "aws_iam_policy" "get" {
  name   = "get"
  policy = ${policyDoc}
}
resource "aws_iam_role_policy_attachment" "get" {
${attachment}  role       = aws_iam_role.exporter.name
  policy_arn = aws_iam_policy.get.arn
}
`,
  });

  it("attached: kept; its attachment switched off: never kept", async () => {
    const on = await contractsOf(files(""));
    expect(on.rows).toEqual(["allows s3:GetObject: kept"]);
    const off = await contractsOf(files("  for_each = toset([])\n"));
    expect(off.rows).toHaveLength(1);
    expect(off.rows[0]).not.toBe("allows s3:GetObject: kept");
  });
});
