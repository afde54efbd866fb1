// `check --git` against the third round of ways around the gate (issue 14): a file a module
// reads with file()/templatefile(), beside or below a node's single-file rule, changes that
// node when it alone changes; a Kubernetes object moved out of a node's files while its file
// stays is deleted for that node, as moving the file out already was.

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
    match: {paths: ["iam/role.tf"], terraform: [aws_iam_role.r]}
  iam-role/s:
    kind: iam-role
    tier: 0
    match: {paths: ["iam/role.tf"], terraform: [aws_iam_role.s]}
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
      - {on: iam-role/s, via: assumes-role}
  service/pod:
    kind: service
    depends_on:
      - {on: k8s-role/reader, via: binds-role}
`;

/** Terraform's interpolation, written so that no linter reads it as a JavaScript one. */
const PM = ["$", "{path.module}"].join("");
const role = (trust: string) =>
  `resource "aws_iam_role" "r" {\n  name = "r"\n  assume_role_policy = ${trust}\n}\n`;
const TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Action: "sts:AssumeRole",
      Principal: { AWS: "arn:aws:iam::111111111111:role/ci" },
    },
  ],
});
const EMPTY = JSON.stringify({ Version: "2012-10-17", Statement: [] });
const READER = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: reader
rules:
- apiGroups: [""]
  resources: [pods]
  verbs: [get]
`;
const BINDING = `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: reader-binding
  namespace: app
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: reader
subjects:
- kind: ServiceAccount
  name: app
  namespace: app
`;

interface Out {
  risk: string;
  changed: { id: string; classes: string[] }[];
  unjudged: { file: string | null; reason: string }[];
}

describe("check --git closes round-three gaps", () => {
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
    git("commit", "-qm", "change", "--allow-empty");
    const result = runCli(["check", "--git", "main", "--format", "json"], { cwd: repo });
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as Out;
  };
  const classes = (out: Out) => Object.fromEntries(out.changed.map((c) => [c.id, c.classes]));

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), "br-round3-"));
    git("init", "-q", "-b", "main");
    write("deps.yaml", DEPS);
    write(
      "iam/role.tf",
      `${role(`file("${PM}/t.json")`)}resource "aws_iam_role" "s" {\n  name = "s"\n  assume_role_policy = templatefile("${PM}/p/t.tpl", {})\n}\n`,
    );
    write("iam/t.json", TRUST);
    write("iam/p/t.tpl", TRUST);
    write("iam/README.md", "roles\n");
    write("k8s/role.yaml", READER);
    write("k8s/binding.yaml", BINDING);
    git("add", "-A");
    git("commit", "-qm", "base");
  });
  beforeEach(() => git("checkout", "-q", "-f", "-B", "change", "main"));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it("a file() asset beside a single-file rule, changed alone, changes the node", () => {
    write("iam/t.json", EMPTY);
    const out = check();
    expect(classes(out)).toEqual({ "iam-role/r": ["trust-narrowed"] });
    expect(out.risk).not.toBe("none");
  });

  it("a templatefile() asset in a subfolder reaches the node's module too", () => {
    write("iam/p/t.tpl", EMPTY);
    const out = check();
    // Each node sees the roles it names: s reads the template, r does not.
    expect(classes(out)["iam-role/s"]).toContain("trust-narrowed");
    expect(classes(out)["iam-role/r"]).toBeUndefined();
    expect(out.risk).not.toBe("none");
  });

  it("a file the module does not read stays outside the node", () => {
    write("iam/README.md", "roles, documented\n");
    const out = check();
    expect(classes(out)).toEqual({});
    expect(out.risk).toBe("none");
  });

  it("an object moved out of the node's files while its file stays is deleted for the node", () => {
    write("k8s/role.yaml", "# moved\n");
    write("other/role.yaml", READER);
    const out = check();
    expect(classes(out)["k8s-role/reader"]).toEqual(["deleted"]);
    expect(out.risk).not.toBe("none");
  });

  it("an object moved between two of the node's files is not deleted", () => {
    write("k8s/role.yaml", "# moved\n");
    write("k8s/sub/role.yaml", READER);
    const out = check();
    expect(classes(out)["k8s-role/reader"]).toBeUndefined();
    expect(out.risk).toBe("none");
  });
});
