import { describe, expect, it } from "vitest";
import { modelOf } from "../../test/helpers.js";
import type { FileChange } from "../core/model.js";
import { classifyChanges, type FolderContents } from "./classify-changes.js";

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
