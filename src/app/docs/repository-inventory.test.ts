import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { gitIn, ROOT } from "../../../test/git-history.js";
import { graphHealth } from "../../core/docs/graph-health.js";
import { matchedToday } from "../../core/docs/matched-today.js";
import { InputError } from "../../core/errors.js";
import { loadDepsFile } from "../load-model.js";
import { readRepositoryInventory } from "./repository-inventory.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const FILES: Record<string, string> = {
  "infra/iam/runner.tf": `resource "aws_iam_role" "runner" {
  name = "runner"
}
module "jobs" {
  source = "./modules/jobs"
}
`,
  "k8s/rbac.yaml": `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: deployer, namespace: ops}
rules: []
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: deployer, namespace: ops}
`,
  "cfn/app.yaml": `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  AppRole:
    Type: AWS::IAM::Role
    Properties: {AssumeRolePolicyDocument: {}}
`,
  "README.md": "# a repository\n",
};

function repository(files: Record<string, string>, git: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), "br-inventory-"));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  if (git) {
    gitIn(dir, ["init", "-q", "-b", "main"]);
    gitIn(dir, ["add", "."]);
    gitIn(dir, ["commit", "-qm", "files"]);
  }
  return dir;
}

describe("readRepositoryInventory", () => {
  it("lists git's files and the Terraform, Kubernetes and CloudFormation objects in them", async () => {
    const dir = repository(FILES, true);
    // Ignored by git, and a link that must never be read.
    writeFileSync(join(dir, ".gitignore"), "build/\n");
    mkdirSync(join(dir, "build"));
    writeFileSync(join(dir, "build/out.tf"), 'resource "aws_iam_role" "built" {}\n');
    symlinkSync("/dev/zero", join(dir, "k8s/zero.yaml"));
    const inventory = await readRepositoryInventory(dir);
    expect(inventory.files).toEqual([
      ".gitignore",
      "README.md",
      "cfn/app.yaml",
      "infra/iam/runner.tf",
      "k8s/rbac.yaml",
      "k8s/zero.yaml",
    ]);
    expect(inventory.objects).toEqual([
      { file: "infra/iam/runner.tf", address: "aws_iam_role.runner", kind: "terraform" },
      { file: "infra/iam/runner.tf", address: "module.jobs", kind: "terraform" },
      { file: "k8s/rbac.yaml", address: "Role/ops/deployer", kind: "kubernetes" },
      { file: "k8s/rbac.yaml", address: "ServiceAccount/ops/deployer", kind: "kubernetes" },
      { file: "cfn/app.yaml", address: "cfn/app.yaml#AppRole", kind: "cloudformation" },
    ]);
  });

  it("lists files only when asked, and walks a folder that is no repository", async () => {
    const dir = repository({ ...FILES, "node_modules/x/main.tf": "resource {" }, false);
    const inventory = await readRepositoryInventory(dir, { objects: false });
    expect(inventory).toEqual({
      files: ["README.md", "cfn/app.yaml", "infra/iam/runner.tf", "k8s/rbac.yaml"],
    });
  });

  it("leaves out what is excluded, unread (a .tf that does not parse is never met)", async () => {
    const dir = repository(
      { "k8s/rbac.yaml": FILES["k8s/rbac.yaml"] as string, "a/x.tf": "{{" },
      true,
    );
    const inventory = await readRepositoryInventory(dir, { exclude: ["a/"] });
    expect(inventory.files).toEqual(["k8s/rbac.yaml"]);
    expect(inventory.objects?.map((o) => o.kind)).toEqual(["kubernetes", "kubernetes"]);
  });

  it("refuses a folder that is not there, or a glob that leaves the repository", async () => {
    await expect(readRepositoryInventory(join(tmpdir(), "br-no-such-folder"))).rejects.toThrow(
      InputError,
    );
    await expect(
      readRepositoryInventory(repository(FILES, false), { exclude: ["../x"] }),
    ).rejects.toThrow(/leaves the repository/);
  });
});

describe("the bundled example", async () => {
  const result = loadDepsFile(join(ROOT, "deps.yaml"));
  if (!result.config) throw new Error("the bundled example does not load");
  const config = result.config;
  // Every rule of the example is about examples/: the rest is left out to keep the scan short.
  const inventory = await readRepositoryInventory(ROOT, {
    exclude: ["src/", "test/", "bench/", "dist/", "schema/", "docs/"],
  });
  const matches = matchedToday(config, inventory);

  it("finds automation-runner's Terraform file and resources, and every rule matching", () => {
    const runner = matches.get("iam-role/automation-runner");
    expect(runner?.files).toEqual(["examples/terraform/iam/automation-runner.tf"]);
    expect(runner?.objects.map((o) => o.address)).toContain("aws_iam_role.automation_runner");
    expect(runner?.ruleHits.every((h) => h.count > 0)).toBe(true);
    expect(matches.get("service/rls-access")?.fileCount).toBeGreaterThan(0);
    expect(matches.get("report/revenue")?.ruleHits).toEqual([]);
  });

  it("has health notes for what the example leaves out, and no stale rule", () => {
    const notes = graphHealth(config, { matches, today: "2026-11-30" });
    const said = notes.map((n) => `${n.code} ${n.node ?? n.owner}`);
    expect(said).toContain("no-match-rules report/revenue");
    expect(said).toContain("no-contract service/rls-access");
    expect(said.filter((s) => s.startsWith("stale-rule"))).toEqual([]);
    expect(said.filter((s) => s.startsWith("no-owner"))).toEqual([]);
  });
});
