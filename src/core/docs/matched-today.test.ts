import { describe, expect, it } from "vitest";
import { compileGlob } from "../locate/glob.js";
import type { DepsConfig } from "../model.js";
import { load, located } from "../testing/helpers.js";
import { type InventoryObject, matchedToday } from "./matched-today.js";

function configOf(yaml: string): DepsConfig {
  const result = load({ "deps.yaml": yaml });
  if (!result.config) throw new Error(JSON.stringify(located(result).errors));
  return result.config;
}

const GRAPH = `version: 1
nodes:
  app:
    kind: service
    match:
      paths: ["apps/web/**", "apps/web/main.ts", "apps/gone/**"]
  alerts:
    kind: alert
    match:
      paths: ["monitoring/*.yaml", "acme/elsewhere:monitoring/**"]
  report:
    kind: report
`;

const FILES = [
  "monitoring/b.yaml",
  "apps/web/main.ts",
  "apps/web/lib/x.ts",
  "monitoring/deep/c.yaml",
  "monitoring/a.yaml",
  "README.md",
];

describe("matchedToday: files", () => {
  it("lists each node's files sorted, once each, and counts what each rule matches", () => {
    const m = matchedToday(configOf(GRAPH), { files: FILES });
    expect(m.get("app")).toEqual({
      files: ["apps/web/lib/x.ts", "apps/web/main.ts"],
      fileCount: 2,
      objects: [],
      objectCount: 0,
      ruleHits: [
        { rule: "apps/web/**", kind: "paths", count: 2 },
        { rule: "apps/web/main.ts", kind: "paths", count: 1 },
        { rule: "apps/gone/**", kind: "paths", count: 0 },
      ],
    });
    // `*` stays in its folder; the rule for another repository is not judged here.
    expect(m.get("alerts")?.files).toEqual(["monitoring/a.yaml", "monitoring/b.yaml"]);
    expect(m.get("alerts")?.ruleHits).toEqual([
      { rule: "monitoring/*.yaml", kind: "paths", count: 2 },
    ]);
    expect(m.get("report")).toEqual({
      files: [],
      fileCount: 0,
      objects: [],
      objectCount: 0,
      ruleHits: [],
    });
    expect([...m.keys()]).toEqual(["app", "alerts", "report"]);
  });

  it("lists at most maxListed files, the first in order, and still counts them all", () => {
    const files = Array.from(
      { length: 30 },
      (_, i) => `apps/web/f${String(29 - i).padStart(2, "0")}.ts`,
    );
    const app = matchedToday(configOf(GRAPH), { files }, { maxListed: 3 }).get("app");
    expect(app?.files).toEqual(["apps/web/f00.ts", "apps/web/f01.ts", "apps/web/f02.ts"]);
    expect(app?.fileCount).toBe(30);
  });

  it("judges the rules of the repository it is told it is", () => {
    const m = matchedToday(
      configOf(GRAPH),
      { files: ["monitoring/deep/c.yaml"] },
      { repo: "Acme/Elsewhere" },
    );
    expect(m.get("alerts")?.ruleHits).toEqual([
      { rule: "monitoring/*.yaml", kind: "paths", count: 0 },
      { rule: "acme/elsewhere:monitoring/**", kind: "paths", count: 1 },
    ]);
    expect(m.get("alerts")?.files).toEqual(["monitoring/deep/c.yaml"]);
  });

  it("agrees with each glob tested against each file, on generated rules and files", () => {
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const dirs = ["a", "a/b", "a/b/c", "d", ".github/w", "e/f"];
    const names = ["x.tf", "y.yaml", "z.json", "main.go", "README", ".env"];
    const shapes = [
      (d: string) => `${d}/**`,
      (d: string) => `${d}/*.tf`,
      (d: string) => `${d}/**/*.yaml`,
      (d: string) => `${d}/x.tf`,
      (d: string) => `${d}/{x,y}.*`,
      (d: string) => `${d}/`,
      () => "**/*.json",
    ];
    const files = [
      ...new Set(
        Array.from(
          { length: 200 },
          () => `${dirs[next(dirs.length)]}/${names[next(names.length)]}`,
        ),
      ),
    ];
    const nodes = Array.from({ length: 40 }, (_, i) => {
      const rules = Array.from({ length: 1 + next(3) }, () =>
        (shapes[next(shapes.length)] as (d: string) => string)(dirs[next(dirs.length)] as string),
      );
      return { id: `n${i}`, rules: [...new Set(rules)] };
    });
    const yaml = `version: 1\nnodes:\n${nodes
      .map((n) => `  ${n.id}:\n    kind: k\n    match:\n      paths: ${JSON.stringify(n.rules)}\n`)
      .join("")}`;
    const m = matchedToday(configOf(yaml), { files }, { maxListed: 1000 });
    const sorted = [...files].sort();
    for (const node of nodes) {
      const tests = node.rules.map((r) => compileGlob(r.endsWith("/") ? `${r}**` : r));
      const expected = sorted.filter((f) => tests.some((t) => t.test(f)));
      expect(m.get(node.id)?.files, node.rules.join(" ")).toEqual(expected);
      expect(m.get(node.id)?.ruleHits.map((h) => h.count)).toEqual(
        tests.map((t) => files.filter((f) => t.test(f)).length),
      );
    }
  });
});

const OBJECTS_GRAPH = `version: 1
nodes:
  runner:
    kind: iam-role
    match:
      paths: [infra/iam/runner.tf]
      terraform: [aws_iam_role.runner, "aws_iam_role_policy_attachment.runner_*"]
  anywhere:
    kind: iam-role
    match:
      terraform: ["module.*.aws_iam_role.shared", aws_iam_role.missing]
  iam-folder:
    kind: iam-policy
    match:
      paths: ["infra/iam/**"]
  rbac:
    kind: service-account
    match:
      kubernetes: ["Role/ops/*", ClusterRole/reader, Role/ops/gone]
  stack:
    kind: iam-role
    match:
      cloudformation: ["cfn/app.yaml#AppRole", "cfn/*.yaml#Job*"]
`;

const OBJECTS: InventoryObject[] = [
  { file: "infra/iam/runner.tf", address: "aws_iam_role.runner", kind: "terraform" },
  {
    file: "infra/iam/runner.tf",
    address: "aws_iam_role_policy_attachment.runner_s3",
    kind: "terraform",
  },
  // The same address in another module folder is not the runner's: its rules pin it to its file.
  { file: "infra/other/main.tf", address: "aws_iam_role.runner", kind: "terraform" },
  { file: "infra/other/main.tf", address: "aws_iam_role.shared", kind: "terraform" },
  { file: "infra/iam/policy.tf", address: "aws_iam_policy.p", kind: "terraform" },
  { file: "k8s/rbac.yaml", address: "Role/ops/deployer", kind: "kubernetes" },
  { file: "k8s/rbac.yaml", address: "ClusterRole/reader", kind: "kubernetes" },
  { file: "k8s/rbac.yaml", address: "Role/dev/deployer", kind: "kubernetes" },
  { file: "cfn/app.yaml", address: "cfn/app.yaml#AppRole", kind: "cloudformation" },
  { file: "cfn/app.yaml", address: "cfn/app.yaml#JobRole", kind: "cloudformation" },
  { file: "cfn/app.yaml", address: "cfn/app.yaml#Bucket", kind: "cloudformation" },
];
const OBJECT_FILES = [
  "infra/iam/runner.tf",
  "infra/iam/policy.tf",
  "infra/other/main.tf",
  "k8s/rbac.yaml",
  "cfn/app.yaml",
];

describe("matchedToday: objects", () => {
  const m = matchedToday(configOf(OBJECTS_GRAPH), { files: OBJECT_FILES, objects: OBJECTS });
  const addresses = (id: string) => m.get(id)?.objects.map((o) => `${o.file} ${o.address}`);

  it("gives a node with path rules the Terraform resources its patterns name in its files", () => {
    expect(addresses("runner")).toEqual([
      "infra/iam/runner.tf aws_iam_role.runner",
      "infra/iam/runner.tf aws_iam_role_policy_attachment.runner_s3",
    ]);
    expect(m.get("runner")?.ruleHits).toEqual([
      { rule: "infra/iam/runner.tf", kind: "paths", count: 1 },
      { rule: "aws_iam_role.runner", kind: "terraform", count: 1 },
      { rule: "aws_iam_role_policy_attachment.runner_*", kind: "terraform", count: 1 },
    ]);
  });

  it("gives a node with Terraform patterns only what they name anywhere, inside a module too", () => {
    expect(addresses("anywhere")).toEqual(["infra/other/main.tf aws_iam_role.shared"]);
    expect(m.get("anywhere")?.ruleHits.map((h) => h.count)).toEqual([1, 0]);
  });

  it("gives a node that names no resources everything in its files", () => {
    expect(addresses("iam-folder")).toEqual([
      "infra/iam/policy.tf aws_iam_policy.p",
      "infra/iam/runner.tf aws_iam_role.runner",
      "infra/iam/runner.tf aws_iam_role_policy_attachment.runner_s3",
    ]);
    expect(m.get("iam-folder")?.objectCount).toBe(3);
  });

  it("matches Kubernetes and CloudFormation patterns, literal and wildcard", () => {
    expect(addresses("rbac")).toEqual([
      "k8s/rbac.yaml ClusterRole/reader",
      "k8s/rbac.yaml Role/ops/deployer",
    ]);
    expect(m.get("rbac")?.ruleHits.map((h) => h.count)).toEqual([1, 1, 0]);
    expect(addresses("stack")).toEqual([
      "cfn/app.yaml cfn/app.yaml#AppRole",
      "cfn/app.yaml cfn/app.yaml#JobRole",
    ]);
    expect(m.get("stack")?.ruleHits.map((h) => h.count)).toEqual([1, 1]);
  });

  it("caps the objects listed, not counted", () => {
    const capped = matchedToday(
      configOf(OBJECTS_GRAPH),
      { files: OBJECT_FILES, objects: [...OBJECTS].reverse() },
      { maxListed: 1 },
    );
    expect(capped.get("iam-folder")?.objects.map((o) => o.address)).toEqual(["aws_iam_policy.p"]);
    expect(capped.get("iam-folder")?.objectCount).toBe(3);
  });

  it("judges no object rule when objects were not read, nor one of a system the repository lacks", () => {
    const filesOnly = matchedToday(configOf(OBJECTS_GRAPH), { files: OBJECT_FILES });
    expect(filesOnly.get("runner")?.ruleHits.map((h) => h.kind)).toEqual(["paths"]);
    expect(filesOnly.get("rbac")?.ruleHits).toEqual([]);
    const noKubernetes = matchedToday(configOf(OBJECTS_GRAPH), {
      files: OBJECT_FILES,
      objects: OBJECTS.filter((o) => o.kind !== "kubernetes"),
    });
    expect(noKubernetes.get("rbac")?.ruleHits).toEqual([]);
    expect(noKubernetes.get("anywhere")?.ruleHits.map((h) => h.count)).toEqual([1, 0]);
  });
});
