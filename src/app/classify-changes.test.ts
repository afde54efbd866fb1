import { describe, expect, it } from "vitest";
import { parsePathRule } from "../core/config/normalise.js";
import { PathIndex } from "../core/locate/path-index.js";
import type { FileChange } from "../core/model.js";
import { modelOf } from "../core/testing/helpers.js";
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
    // Said once, as not judged, not again as a note.
    expect(result.notes).toEqual([]);
    expect(result.unjudged).toEqual([{ file: "k8s/policy.json", reason: "over 1 MiB, not read" }]);
    expect(result.files[1]?.resources?.map((r) => r.classes)).toEqual([["unknown"]]);
  });

  // Moving an object out of a node's files, even while its file stays, is what moving the
  // file out is: the node loses it (a red-team bypass once read it as a quiet move).
  it("an object moved into a file no node matches is deleted for the node; one moved between its files is not", async () => {
    const files: FileChange[] = [
      { path: "k8s/all.yaml", status: "modified" },
      { path: "split/reader.yaml", status: "added" },
      { path: "k8s/other.yaml", status: "added" },
    ];
    const contents: Record<string, FileContents> = {
      "k8s/all.yaml": {
        base: `${role("reader")}---\n${role("other")}---\n${role("kept")}`,
        head: role("other"),
      },
      "split/reader.yaml": { head: role("reader") },
      "k8s/other.yaml": { head: role("kept") },
    };
    const read: string[] = [];
    const result = await classifyChanges(files, {
      paths,
      read: async (file) => {
        read.push(file.path);
        return contents[file.path];
      },
    });
    expect(result.files[0]?.resources?.map((r) => [r.address, r.classes])).toEqual([
      ["Role/reader", ["deleted"]],
    ]);
    // No node matches it: it stays as the path rules leave it (read only as a template that
    // may give a nested stack other inputs, once).
    expect(read.filter((p) => p === "split/reader.yaml").length).toBeLessThanOrEqual(1);
    expect(result.files[1]?.resources).toBeUndefined();
    expect(result.unjudged).toEqual([]);
    expect(result.files[2]?.resources).toEqual([]);
  });

  it("a move counts only where every node of the file it leaves matches the file it reaches", async () => {
    const nested = new PathIndex();
    nested.add("all", parsePathRule("k8s/**"));
    nested.add("team-b", parsePathRule("k8s/b/**"));
    const files: FileChange[] = [
      { path: "k8s/b/x.yaml", status: "modified" },
      { path: "k8s/a/x.yaml", status: "modified" },
    ];
    const contents: Record<string, FileContents> = {
      // "out" leaves team-b's files (still in all's); "in" enters them (all keeps it).
      "k8s/b/x.yaml": { base: role("out"), head: role("in") },
      "k8s/a/x.yaml": { base: role("in"), head: role("out") },
    };
    const result = await classifyChanges(files, {
      paths: nested,
      read: async (file) => contents[file.path],
    });
    const summary = result.files.map((f) => f.resources?.map((r) => [r.address, r.classes]));
    // "in" is new to team-b: added there (all, which held it, sees it added too: loud, not quiet).
    expect(summary).toEqual([
      [
        ["Role/in", ["added"]],
        ["Role/out", ["deleted"]],
      ],
      [["Role/out", ["added"]]],
    ]);
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
    expect(result.notes).toEqual([]);
    // The role is in a file that did not change: without it, the document is reported itself,
    // and what the unread files might have changed is unknown.
    expect(result.files[0]?.resources?.map((r) => [r.address, r.classes])).toEqual([
      ["data.aws_iam_policy_document.trust", ["trust-narrowed", "trust-widened"]],
      ["tf/trust.tf", ["unknown"]],
    ]);
    expect(result.files[1]?.resources?.map((r) => [r.address, r.classes])).toEqual([
      ["tf/variables.tf", ["unknown"]],
    ]);
    expect(result.unjudged).toEqual([
      {
        file: "tf/trust.tf",
        reason:
          "its module folder tf has more than 60 .tf files: only the changed ones were read together",
      },
      {
        file: "tf/variables.tf",
        reason:
          "its module folder tf has more than 60 .tf files: only the changed ones were read together",
      },
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

const policy = (actions: string[]) =>
  JSON.stringify(
    { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: actions, Resource: "*" }] },
    null,
    2,
  );
const policyModel = modelOf(`version: 1
owners: {}
nodes:
  iam-policy/app:
    kind: iam-policy
    match: {paths: ["policies/**"]}
  iam-role/r:
    kind: iam-role
    match: {paths: ["iam/**"], terraform: [aws_iam_role.r]}
`);
const before = policy(["s3:GetObject", "s3:PutObject"]);
const after = policy(["s3:GetObject"]);
const classesOf = (file: { resources?: readonly { classes: readonly string[] }[] } | undefined) =>
  file?.resources?.map((r) => r.classes);

describe("classifyChanges fails closed", () => {
  it("a policy that loses an action is judged on its own", async () => {
    const result = await classifyChanges([{ path: "policies/app.json", status: "modified" }], {
      paths: policyModel.paths,
      read: async () => ({ base: before, head: after }),
    });
    expect(classesOf(result.files[0])).toEqual([["permissions-removed"]]);
    expect(result.unjudged).toEqual([]);
  });

  it("padded over 1 MiB, it is unknown and listed, not modified", async () => {
    const padded = after.replace("{", `{${" ".repeat(1024 * 1024)}`);
    const result = await classifyChanges([{ path: "policies/app.json", status: "modified" }], {
      paths: policyModel.paths,
      read: async () => ({ base: before, head: padded }),
    });
    expect(classesOf(result.files[0])).toEqual([["unknown"]]);
    expect(result.unjudged).toEqual([
      { file: "policies/app.json", reason: "over 1 MiB, not read" },
    ]);
  });

  it("preceded by 20 decoys, it is beyond the limit: unknown and listed", async () => {
    const decoys: FileChange[] = Array.from({ length: 20 }, (_, i) => ({
      path: `policies/a${String(i).padStart(2, "0")}.json`,
      status: "modified",
    }));
    const files: FileChange[] = [
      ...decoys,
      { path: "policies/app.json", status: "modified" },
      { path: "policies/old.json", status: "removed" },
    ];
    const read = async (file: FileChange) =>
      file.path === "policies/app.json"
        ? { base: before, head: after }
        : { base: before, head: `${before}\n` };
    const result = await classifyChanges(files, { paths: policyModel.paths, read, limit: 20 });
    expect(classesOf(result.files[0])).toEqual([]);
    expect(classesOf(result.files[20])).toEqual([["unknown"]]);
    // A removed file is gone whatever it held.
    expect(classesOf(result.files[21])).toEqual([["deleted"]]);
    expect(result.unjudged).toEqual([
      { file: "policies/app.json", reason: "beyond the 20 files compared per change" },
      { file: "policies/old.json", reason: "beyond the 20 files compared per change" },
    ]);
  });

  it("a file the reader cannot read (a symlink, or nothing at all) is unknown and listed", async () => {
    const result = await classifyChanges(
      [
        { path: "policies/link.json", status: "modified" },
        { path: "policies/gone.yaml", status: "added" },
        { path: "iam/role.tf", status: "modified" },
        { path: "iam/trust.tf", status: "modified" },
      ],
      {
        paths: policyModel.paths,
        read: async (file) =>
          file.path === "policies/gone.yaml"
            ? undefined
            : file.path === "iam/trust.tf"
              ? { base: ROLE, head: ROLE }
              : { unreadable: "a symlink" },
      },
    );
    expect(result.files.map(classesOf)).toEqual([
      [["unknown"]],
      [["unknown"]],
      [["unknown"]],
      [["unknown"]],
    ]);
    expect(result.unjudged).toEqual([
      { file: "iam/role.tf", reason: "a symlink" },
      {
        file: "iam/trust.tf",
        reason: "iam/role.tf in the same module folder could not be read (a symlink)",
      },
      { file: "policies/link.json", reason: "a symlink" },
      { file: "policies/gone.yaml", reason: "its contents could not be read" },
    ]);
  });

  it("a side the status promises that comes back missing (a dangling link) is unknown", async () => {
    const result = await classifyChanges([{ path: "policies/app.json", status: "modified" }], {
      paths: policyModel.paths,
      read: async () => ({ base: before }),
    });
    expect(classesOf(result.files[0])).toEqual([["unknown"]]);
    expect(result.unjudged).toEqual([
      { file: "policies/app.json", reason: "its contents at head could not be read" },
    ]);
  });

  it("JSON, YAML or HCL that does not parse is unknown, and says where", async () => {
    const result = await classifyChanges(
      [
        { path: "policies/app.json", status: "modified" },
        { path: "policies/rbac.yaml", status: "modified" },
        { path: "iam/role.tf", status: "modified" },
        { path: "policies/settings.json", status: "modified" },
      ],
      {
        paths: policyModel.paths,
        read: async (file) =>
          ({
            "policies/app.json": { base: before, head: after.replace('"Effect"', "Effect") },
            "policies/rbac.yaml": { base: role("r"), head: `${role("r")}rules: [\n` },
            "iam/role.tf": { base: ROLE, head: `${ROLE}resource "x" {\n` },
            "policies/settings.json": { base: '{"a": 1}', head: '{"a": 2}' },
          })[file.path],
      },
    );
    expect(result.files.slice(0, 3).map(classesOf)).toEqual([
      [["unknown"]],
      [["unknown"]],
      [["unknown"]],
    ]);
    // JSON that parses but is no policy document is not judged for what it says: as before.
    expect(result.files[3]?.resources).toBeUndefined();
    expect(result.unjudged.map((u) => u.file)).toEqual([
      "iam/role.tf",
      "policies/app.json",
      "policies/rbac.yaml",
    ]);
    const reasons = result.unjudged.map((u) => u.reason);
    expect(reasons[0]).toMatch(/^HCL does not parse/);
    expect(reasons[1]).toBe("JSON does not parse at line 5 at head");
    expect(reasons[2]).toMatch(/^YAML does not parse at line \d+ at head$/);
  });

  it("Terraform written as JSON (.tf.json) is not read: unknown and listed, even when added", async () => {
    const result = await classifyChanges([{ path: "iam/main.tf.json", status: "added" }], {
      paths: policyModel.paths,
      read: async () => ({ head: '{"resource": {}}' }),
    });
    expect(classesOf(result.files[0])).toEqual([["unknown"]]);
    expect(result.unjudged).toEqual([
      { file: "iam/main.tf.json", reason: "Terraform JSON (.tf.json) is not read" },
    ]);
  });

  it("a .tf file over 1 MiB leaves its folder unknown, even when it did not change", async () => {
    const big = `${ROLE}# ${"x".repeat(1024 * 1024)}\n`;
    const result = await classifyChanges([{ path: "iam/trust.tf", status: "modified" }], {
      paths: policyModel.paths,
      read: async () => ({ base: ROLE, head: ROLE }),
      folder: async () => ({
        base: [{ path: "iam/big.tf", text: big }],
        head: [
          { path: "iam/big.tf", text: big },
          { path: "iam/trust.tf", text: ROLE },
        ],
      }),
    });
    expect(classesOf(result.files[0])).toEqual([["unknown"]]);
    expect(result.unjudged).toEqual([
      {
        file: "iam/trust.tf",
        reason: "iam/big.tf in the same module folder is over 1 MiB, not read",
      },
    ]);
  });

  it("a changed file missing from its folder as read (a symlink) is unknown beside what was found", async () => {
    const result = await classifyChanges([{ path: "iam/role.tf", status: "modified" }], {
      paths: policyModel.paths,
      read: async () => ({ base: ROLE, head: ROLE }),
      folder: async () => ({ base: [{ path: "iam/role.tf", text: ROLE }], head: [] }),
    });
    expect(classesOf(result.files[0])).toEqual([["deleted"], ["unknown"]]);
    expect(result.unjudged).toEqual([
      {
        file: "iam/role.tf",
        reason: "not found as a regular file when its module folder was read",
      },
    ]);
  });
});

describe("classifyChanges on moves", () => {
  const sides: Record<string, FileContents> = {
    "iam/role.tf": { base: ROLE },
    "modules/unused/role.tf": { head: ROLE },
  };
  const read = async (file: FileChange) => sides[file.path];

  it("a Terraform file moved to another folder is destroyed where it was, whatever it holds", async () => {
    const result = await classifyChanges(
      [{ path: "modules/unused/role.tf", previousPath: "iam/role.tf", status: "renamed" }],
      { paths: policyModel.paths, read },
    );
    expect(result.files.map((f) => [f.path, f.status])).toEqual([
      ["iam/role.tf", "removed"],
      ["modules/unused/role.tf", "added"],
    ]);
    expect(result.files[0]?.resources?.map((r) => [r.address, r.classes])).toEqual([
      ["aws_iam_role.r", ["deleted"]],
    ]);
    // The new folder matches no node: it is not read.
    expect(result.files[1]?.resources).toBeUndefined();
  });

  it("the old folder is evaluated without it, the new one with it", async () => {
    const model = modelOf(`version: 1
owners: {}
nodes:
  iam-role/r:
    kind: iam-role
    match: {paths: ["**/*.tf"], terraform: [aws_iam_role.r]}
`);
    const result = await classifyChanges(
      [{ path: "modules/unused/role.tf", previousPath: "iam/role.tf", status: "renamed" }],
      {
        paths: model.paths,
        read,
        folder: async (folder) =>
          folder === "iam"
            ? { base: [{ path: "iam/role.tf", text: ROLE }], head: [] }
            : { base: [], head: [{ path: "modules/unused/role.tf", text: ROLE }] },
      },
    );
    expect(result.files.map((f) => f.resources?.map((r) => [r.address, r.classes]))).toEqual([
      [["aws_iam_role.r", ["deleted"]]],
      [["aws_iam_role.r", ["added"]]],
    ]);
    expect(result.unjudged).toEqual([]);
  });

  it("a rename within a folder stays one file, compared", async () => {
    const result = await classifyChanges(
      [{ path: "iam/role2.tf", previousPath: "iam/role.tf", status: "renamed" }],
      {
        paths: policyModel.paths,
        read: async () => ({ base: ROLE, head: ROLE }),
      },
    );
    expect(result.files).toHaveLength(1);
    expect(result.files[0]?.resources).toEqual([]);
  });

  it("a Terraform file renamed out of Terraform (.tf.bak) is removed from its module", async () => {
    const result = await classifyChanges(
      [{ path: "iam/role.tf.bak", previousPath: "iam/role.tf", status: "renamed" }],
      { paths: policyModel.paths, read: async () => ({ base: ROLE }) },
    );
    expect(result.files[0]?.resources?.map((r) => [r.address, r.classes])).toEqual([
      ["aws_iam_role.r", ["deleted"]],
    ]);
  });
});

describe("classifyChanges for a Helm chart's files", () => {
  const paths = new PathIndex();
  paths.add("chart", parsePathRule("charts/watcher/**"));
  paths.add("plain", parsePathRule("config/**"));
  const template =
    'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: {{ include "watcher.fullname" . }}\nrules: {{ toYaml .Values.rules | nindent 2 }}\n';
  const contents: Record<string, FileContents> = {
    "charts/watcher/templates/clusterrole.yaml": {
      base: template,
      head: template.replace("rules:", "# rules\nrules:"),
    },
    "charts/watcher/values.yaml": { base: "rules: [get, list]\n", head: "rules: [get]\n" },
    "charts/watcher/Chart.yaml": {
      base: "apiVersion: v2\nname: watcher\nversion: 1.4.2\n",
      head: "apiVersion: v2\nname: watcher\nversion: 1.4.2\n",
    },
    "config/values.yaml": { base: "a: 1\n", head: "a: 2\n" },
  };
  const read = async (file: FileChange) => contents[file.path];

  it("a template, the values and Chart.yaml are not judged: only renders tell what they do", async () => {
    const files: FileChange[] = [
      "charts/watcher/templates/clusterrole.yaml",
      "charts/watcher/values.yaml",
      "config/values.yaml",
    ].map((path) => ({ path, status: "modified" }));
    const result = await classifyChanges(files, { paths, read });
    expect(result.unjudged.map((u) => [u.file, u.reason.split(":")[0]])).toEqual([
      ["charts/watcher/templates/clusterrole.yaml", "a Helm chart's template"],
      ["charts/watcher/values.yaml", "a Helm chart's values"],
    ]);
    expect(result.unjudged[0]?.reason).toContain("--rendered-base/--rendered-head");
    // A values.yaml with no Chart.yaml beside it is no chart's.
    expect(result.files[2]?.resources?.some((r) => r.classes.includes("unknown"))).not.toBe(true);
    expect(result.files[1]?.resources?.[0]?.classes).toEqual(["unknown"]);
  });
});
