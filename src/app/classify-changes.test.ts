import { describe, expect, it } from "vitest";
import { modelOf } from "../../test/helpers.js";
import { parsePathRule } from "../core/config/normalise.js";
import { PathIndex } from "../core/locate/path-index.js";
import type { FileChange } from "../core/model.js";
import { classifyChanges, type FileContents, type FolderContents } from "./classify-changes.js";

const role = (name: string) =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: ${name}}\nrules: [{apiGroups: [""], resources: [pods], verbs: [get]}]\n`;
const binding =
  "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: reader}\nroleRef: {kind: Role, name: reader}\nsubjects: [{kind: ServiceAccount, name: app}]\n";

describe("classifyChanges for manifests", () => {
  const paths = new PathIndex();
  paths.add("k8s", parsePathRule("k8s/**"));

  it("asks for a folder's other manifests once, and names a binding left dangling once", async () => {
    const files: FileChange[] = [
      { path: "k8s/reader.yaml", status: "removed" },
      { path: "k8s/other.yaml", status: "modified" },
    ];
    const contents: Record<string, FileContents> = {
      "k8s/reader.yaml": { base: role("reader") },
      "k8s/other.yaml": { base: role("other"), head: `${role("other")}# note\n` },
    };
    const asked: string[] = [];
    const result = await classifyChanges(files, {
      paths,
      read: async (file) => contents[file.path],
      context: async (file) => {
        asked.push(file.path);
        return [
          { path: "k8s/binding.yaml", text: binding },
          { path: "k8s/other.yaml", text: role("other") },
        ];
      },
    });
    expect(asked).toHaveLength(1);
    expect(result.files[0]?.resources?.map((r) => [r.address, r.classes])).toEqual([
      ["Role/reader", ["deleted"]],
    ]);
    // Said once, on the deletion: the binding itself did not change.
    expect(
      result.files[0]?.resources?.[0]?.evidence.filter((e) => e.address === "RoleBinding/reader"),
    ).toHaveLength(1);
    expect(result.files[1]?.resources).toEqual([]);
  });

  it("compares YAML up to its own, larger limit; other files keep theirs", async () => {
    const big = `${role("reader")}# ${"x".repeat(2 * 1024 * 1024)}\n`;
    const files: FileChange[] = [
      { path: "k8s/bundle.yaml", status: "modified" },
      { path: "k8s/policy.json", status: "modified" },
    ];
    const result = await classifyChanges(files, {
      paths,
      read: async (file) =>
        file.path.endsWith(".yaml")
          ? { base: big, head: big.replace("[get]", "[get, list]") }
          : { base: big, head: big },
    });
    expect(result.files[0]?.resources?.map((r) => r.classes)).toEqual([["permissions-added"]]);
    expect(result.notes).toEqual(["k8s/policy.json is over 1024 KiB: not compared"]);
  });

  it("an object moved into a file no node matches is moved, not deleted", async () => {
    const files: FileChange[] = [
      { path: "k8s/all.yaml", status: "modified" },
      { path: "split/reader.yaml", status: "added" },
    ];
    const contents: Record<string, FileContents> = {
      "k8s/all.yaml": { base: `${role("reader")}---\n${role("other")}`, head: role("other") },
      "split/reader.yaml": { head: role("reader").replace("[get]", "[get, list]") },
    };
    const result = await classifyChanges(files, {
      paths,
      read: async (file) => contents[file.path],
    });
    expect(result.files[0]?.resources?.map((r) => [r.address, r.classes])).toEqual([
      ["Role/reader", ["permissions-added"]],
    ]);
    expect(result.files[0]?.resources?.[0]?.evidence.at(-1)?.detail).toBe(
      "Role reader moves to split/reader.yaml",
    );
    expect(result.files[1]?.resources).toBeUndefined();
  });
});

const ROLE = `resource "aws_iam_role" "r" {
  name               = "r"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}
`;
const trust = (principal: string) => `data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["${principal}"]
    }
  }
}
`;
const VARIABLES = (d: string) => `variable "x" {\n  description = "${d}"\n  default = 1\n}\n`;

const model = modelOf(`version: 1
owners: {}
nodes:
  iam-role/r:
    kind: iam-role
    match: {paths: ["tf/*.tf"], terraform: [aws_iam_role.r]}
`);

const base: Record<string, string> = {
  "tf/role.tf": ROLE,
  "tf/trust.tf": trust("arn:aws:iam::111111111111:role/a"),
  "tf/variables.tf": VARIABLES("x"),
};
const head: Record<string, string> = {
  ...base,
  "tf/trust.tf": trust("arn:aws:iam::111111111111:role/b"),
  "tf/variables.tf": VARIABLES("y"),
};
const files: FileChange[] = [
  { path: "tf/trust.tf", status: "modified" },
  { path: "tf/variables.tf", status: "modified" },
];
const read = async (file: FileChange) => ({ base: base[file.path], head: head[file.path] });
const whole = async (): Promise<FolderContents> => ({
  base: Object.entries(base).map(([path, text]) => ({ path, text })),
  head: Object.entries(head).map(([path, text]) => ({ path, text })),
});

describe("classifyChanges on a Terraform folder", () => {
  it("evaluates the folder once and attaches each change to one changed file", async () => {
    const result = await classifyChanges(files, { read, folder: whole, paths: model.paths });
    const [trustFile, variablesFile] = result.files;
    expect(trustFile?.resources?.map((r) => [r.address, r.classes])).toEqual([
      ["aws_iam_role.r", ["trust-narrowed", "trust-widened"]],
    ]);
    expect(variablesFile?.resources).toEqual([]);
    expect(variablesFile?.folderResources).toBe(trustFile?.folderResources);
    expect(result.notes).toEqual([]);
  });

  it("a folder too big to read whole is said, and its changed files are read together", async () => {
    const result = await classifyChanges(files, {
      read,
      folder: async () => ({ skipped: "more than 60 .tf files", base: [], head: [] }),
      paths: model.paths,
    });
    expect(result.notes).toEqual([
      "tf: more than 60 .tf files; only its changed .tf files were read together",
    ]);
    // The role is in a file that did not change: without it, the document is reported itself.
    expect(result.files[0]?.resources?.map((r) => [r.address, r.classes])).toEqual([
      ["data.aws_iam_policy_document.trust", ["trust-narrowed", "trust-widened"]],
    ]);
  });

  it("reads the files the folder's file() calls name, at base and head", async () => {
    const role = `resource "aws_iam_role" "r" {
  name               = "r"
  assume_role_policy = file("\${path.module}/trust.json")
}
`;
    const trustJson = (principal: string) =>
      JSON.stringify({
        Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { AWS: principal } }],
      });
    const sides: Record<string, [string, string]> = {
      "tf/role.tf": [role, `# reviewed\n${role}`],
      "tf/trust.json": [trustJson("arn:aws:iam::1:role/a"), trustJson("arn:aws:iam::1:role/b")],
    };
    const result = await classifyChanges([{ path: "tf/role.tf", status: "modified" }], {
      read: async (file) => ({ base: sides[file.path]?.[0], head: sides[file.path]?.[1] }),
      paths: model.paths,
    });
    expect(result.files[0]?.resources?.map((r) => [r.address, r.classes])).toEqual([
      ["aws_iam_role.r", ["trust-narrowed", "trust-widened"]],
    ]);
  });
});
