// Contracts verified against a real repository at a commit (and against a plan's planned
// state): the same reading of Terraform and Kubernetes as `check --git`, every file as added.

import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { gitIn } from "../../test/git-history.js";
import { InputError } from "../core/errors.js";
import { loadModel } from "./load-model.js";
import { readContractMatrix } from "./read-contract-state.js";

const A = "arn:aws:iam::111111111111:role/runner-a";
const B = "arn:aws:iam::111111111111:role/runner-b";

const role = (principal: string) => `resource "aws_iam_role" "shared" {
  name = "shared"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "${principal}" }
    }]
  })
}
`;

const CLUSTER_ROLE = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: secret-reader}
rules:
  - apiGroups: [""]
    resources: [secrets]
    verbs: [get, list]
`;

const DEPS = `version: 1
owners:
  platform: {github: "@acme/platform"}
  team-a: {github: "@acme/team-a"}
nodes:
  role:
    kind: iam-role
    owner: platform
    match:
      paths: [infra/role.tf]
      terraform: [aws_iam_role.shared]
  role-by-object:
    kind: iam-role
    match: {terraform: [aws_iam_role.shared]}
  reader:
    kind: cluster-role
    match: {kubernetes: [ClusterRole/secret-reader]}
  sql:
    kind: table
    match: {paths: [models/orders.sql]}
  nowhere:
    kind: service
  svc-a:
    kind: service
    owner: team-a
    depends_on:
      - on: role
        via: assumes-role
        expects: {trusts: ["${A}"], exists: true}
      - on: role-by-object
        via: assumes-role
        expects: {trusts: ["${A}"]}
      - on: reader
        via: binds
        expects: {exists: true}
      - on: sql
        via: reads
        expects: {exists: true}
      - on: nowhere
        via: calls
        expects: {exists: true}
`;

describe("readContractMatrix at a commit", () => {
  const dir = mkdtempSync(join(tmpdir(), "br-contract-state-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const git = (...args: string[]) => gitIn(dir, args);
  const rev = (name: string) =>
    execFileSync("git", ["rev-parse", name], { cwd: dir, encoding: "utf8" }).trim();
  const write = (path: string, text: string) => {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  git("init", "-q", "-b", "main");
  write("deps.yaml", DEPS);
  write("infra/role.tf", role(A));
  write("k8s/rbac.yaml", CLUSTER_ROLE);
  write("models/orders.sql", "select 1\n");
  git("add", ".");
  git("commit", "-qm", "base");
  const base = rev("HEAD");
  // Outside any pull request: the role stops trusting runner-a.
  write("infra/role.tf", role(B));
  git("commit", "-qam", "rotate");
  // Not committed: the working tree is not the state at HEAD.
  write("infra/role.tf", role(A));

  const matrixAt = (ref?: string, limit?: number) =>
    readContractMatrix(
      loadModel(join(dir, "deps.yaml")),
      { ...(ref ? { ref } : {}), ...(limit ? { limit } : {}), today: "2026-11-30" },
      { cwd: dir },
    );
  const statuses = (rows: readonly { upstream: string; expectation: string; status: string }[]) =>
    rows.map((r) => `${r.upstream} ${r.expectation}: ${r.status}`);

  it("at HEAD: the rotated trust is broken, by path and by object alike, with file:line", async () => {
    const matrix = await matrixAt();
    expect(matrix.source).toEqual({ kind: "git", name: "HEAD", commit: rev("HEAD") });
    expect(statuses(matrix.rows)).toEqual([
      "nowhere exists: unchecked",
      "reader exists: kept",
      `role trusts ${A}: broken`,
      "role exists: kept",
      `role-by-object trusts ${A}: broken`,
      "sql exists: kept",
    ]);
    const trust = matrix.rows.find((r) => r.upstream === "role" && r.kind === "trusts");
    expect(trust?.reason).toBe(`role does not trust ${A}`);
    // A trust rests on the role's assume_role_policy; its existence on the block.
    expect(trust?.where).toBe("infra/role.tf:3");
    expect(matrix.rows.find((r) => r.upstream === "role" && r.kind === "exists")?.where).toBe(
      "infra/role.tf:1",
    );
    expect(trust?.declaredAt).toMatch(/deps\.yaml:\d+$/);
    expect(trust?.upstreamOwner?.github).toBe("@acme/platform");
    expect(matrix.rows[0]?.reason).toContain("has no match rules");
    // Named only by its object, the ClusterRole is found in the manifests at the commit.
    expect(matrix.rows.find((r) => r.upstream === "reader")?.where).toBe("k8s/rbac.yaml:3");
  });

  it("RBAC allows against a ClusterRole at a commit: what its rules grant, and what they do not", async () => {
    const k8s = mkdtempSync(join(tmpdir(), "br-contract-rbac-"));
    try {
      mkdirSync(join(k8s, "k8s"));
      writeFileSync(join(k8s, "k8s/rbac.yaml"), CLUSTER_ROLE);
      writeFileSync(
        join(k8s, "deps.yaml"),
        `version: 1
nodes:
  reader:
    kind: cluster-role
    match: {kubernetes: [ClusterRole/secret-reader]}
  operator:
    kind: service
    depends_on:
      - on: reader
        via: binds-role
        expects: {allows: ["list secrets", "watch secrets", "get pods"]}
`,
      );
      gitIn(k8s, ["init", "-q", "-b", "main"]);
      gitIn(k8s, ["add", "."]);
      gitIn(k8s, ["commit", "-qm", "rbac"]);
      const matrix = await readContractMatrix(
        loadModel(join(k8s, "deps.yaml")),
        { today: "2026-11-30" },
        { cwd: k8s },
      );
      expect(statuses(matrix.rows)).toEqual([
        "reader allows list secrets: kept",
        "reader allows watch secrets: broken",
        "reader allows get pods: broken",
      ]);
      expect(matrix.rows[1]?.where).toMatch(/^k8s\/rbac\.yaml:\d+$/);
    } finally {
      rmSync(k8s, { recursive: true, force: true });
    }
  });

  it("--git REF: the state at an earlier commit", async () => {
    const matrix = await matrixAt(base);
    expect(matrix.rows.filter((r) => r.kind === "trusts").map((r) => r.status)).toEqual([
      "kept",
      "kept",
    ]);
  });

  it("a removed file: its node is not found, so `exists` is broken", async () => {
    git("rm", "-q", "models/orders.sql");
    git("commit", "-qm", "drop the model");
    const row = (await matrixAt()).rows.find((r) => r.upstream === "sql");
    expect(row).toMatchObject({
      status: "broken",
      reason: "sql was not found",
      where: "models/orders.sql",
      evidence: { detail: `no file at ${rev("HEAD").slice(0, 7)} matches models/orders.sql` },
    });
  });

  it("a resource renamed away: not found, by path and by object, saying what was looked for", async () => {
    write("infra/role.tf", role(A).replace('"shared" {', '"renamed" {'));
    git("commit", "-qam", "rename the resource");
    const rows = (await matrixAt()).rows.filter(
      (r) => r.upstream.startsWith("role") && r.kind === "trusts",
    );
    const short = rev("HEAD").slice(0, 7);
    expect(rows.map((r) => [r.upstream, r.status, r.reason, r.evidence?.detail])).toEqual([
      [
        "role",
        "broken",
        `role was not found, so it does not trust ${A}`,
        `no object its rules name (aws_iam_role.shared) is in its file at ${short}`,
      ],
      [
        "role-by-object",
        "broken",
        `role-by-object was not found, so it does not trust ${A}`,
        `no file at ${short} holds aws_iam_role.shared`,
      ],
    ]);
  });

  it("past the file limit, nodes named only by objects are unchecked, saying how to narrow", async () => {
    const matrix = await matrixAt(undefined, 1);
    const byObject = matrix.rows.find((r) => r.upstream === "role-by-object");
    expect(byObject?.status).toBe("unchecked");
    expect(byObject?.reason).toContain("add match.paths");
    expect(matrix.notes.join("\n")).toContain("could hold the objects of");
  });

  it("a node of another repository is unchecked, saying where to verify it", async () => {
    write(
      "other.yaml",
      'version: 1\nnodes:\n  far: {kind: k, match: {paths: ["acme/other:src/**"]}}\n  me: {kind: k, depends_on: [{on: far, expects: {exists: true}}]}\n',
    );
    const at = (repo?: string) =>
      readContractMatrix(loadModel(join(dir, "other.yaml")), repo ? { repo } : {}, {
        cwd: dir,
      }).then((m) => m.rows[0]);
    expect((await at())?.reason).toBe(
      "far's rules name files of acme/other, and this repository's name is not known (give --repo owner/name if it is this one)",
    );
    expect((await at("acme/else"))?.reason).toBe(
      "far is in another repository (acme/other): verify it there",
    );
    // Named as this repository, its rules match nothing here: not found.
    expect(await at("Acme/Other")).toMatchObject({ status: "broken", reason: "far was not found" });
  });

  it("a file that is a symlink at the commit is there but not read: unchecked, saying so", async () => {
    symlinkSync("role.tf", join(dir, "infra/link.tf"));
    git("add", "infra/link.tf");
    git("commit", "-qm", "a link");
    write(
      "link.yaml",
      'version: 1\nnodes:\n  linked: {kind: k, match: {paths: [infra/link.tf]}}\n  me: {kind: k, depends_on: [{on: linked, expects: {trusts: ["111111111111"]}}]}\n',
    );
    const matrix = await readContractMatrix(loadModel(join(dir, "link.yaml")), {}, { cwd: dir });
    expect(matrix.rows[0]?.status).toBe("unchecked");
    expect(matrix.rows[0]?.reason).toContain("infra/link.tf (not found as a regular file");
  });

  it("an unknown ref is bad input", async () => {
    await expect(matrixAt("no-such-ref")).rejects.toThrow(InputError);
  });
});

describe("readContractMatrix against a plan", () => {
  const dir = mkdtempSync(join(tmpdir(), "br-contract-plan-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, "deps.yaml"), DEPS);
  const plan = (actions: string[], principal: string) => {
    const file = join(dir, `plan-${actions.join("-")}.json`);
    writeFileSync(
      file,
      JSON.stringify({
        format_version: "1.2",
        resource_changes: [
          {
            address: "aws_iam_role.shared",
            mode: "managed",
            type: "aws_iam_role",
            change: {
              actions,
              before: {},
              after:
                actions[0] === "delete"
                  ? null
                  : {
                      assume_role_policy: JSON.stringify({
                        Statement: [
                          {
                            Effect: "Allow",
                            Action: "sts:AssumeRole",
                            Principal: { AWS: principal },
                          },
                        ],
                      }),
                    },
            },
          },
        ],
      }),
    );
    return file;
  };
  const matrixOf = (file: string) =>
    readContractMatrix(loadModel(join(dir, "deps.yaml")), { planFile: file }, { cwd: dir });

  it("the planned state: kept, broken, and nodes a plan cannot show unchecked", async () => {
    const kept = await matrixOf(plan(["no-op"], A));
    expect(statuses(kept.rows)).toEqual([
      "nowhere exists: unchecked",
      "reader exists: unchecked",
      `role trusts ${A}: kept`,
      "role exists: kept",
      `role-by-object trusts ${A}: kept`,
      "sql exists: unchecked",
    ]);
    expect(kept.rows[1]?.reason).toBe(
      "reader has no match.terraform rules, so a plan does not show it",
    );
    const rotated = await matrixOf(plan(["update"], B));
    const trust = rotated.rows.find((r) => r.upstream === "role" && r.kind === "trusts");
    expect(trust).toMatchObject({
      status: "broken",
      where: expect.stringContaining("aws_iam_role.shared"),
    });
  });

  it("a trust known only at apply leaves the contract unchecked, saying so", async () => {
    const file = join(dir, "plan-unknown.json");
    writeFileSync(
      file,
      JSON.stringify({
        format_version: "1.2",
        resource_changes: [
          {
            address: "aws_iam_role.shared",
            mode: "managed",
            type: "aws_iam_role",
            change: {
              actions: ["create"],
              before: null,
              after: { name: "shared" },
              after_unknown: { assume_role_policy: true },
            },
          },
        ],
      }),
    );
    const row = (await matrixOf(file)).rows.find(
      (r) => r.upstream === "role" && r.kind === "trusts",
    );
    expect(row).toMatchObject({
      status: "unchecked",
      reason: "aws_iam_role.shared's assume_role_policy is known only after apply",
    });
  });

  it("a destroyed resource does not exist after apply", async () => {
    const gone = await matrixOf(plan(["delete"], A));
    expect(gone.rows.find((r) => r.upstream === "role" && r.kind === "exists")).toMatchObject({
      status: "broken",
      reason: "role was not found",
    });
  });

  function statuses(rows: readonly { upstream: string; expectation: string; status: string }[]) {
    return rows.map((r) => `${r.upstream} ${r.expectation}: ${r.status}`);
  }
});
