// The built CLI, run as a user runs it: a subprocess on the bundled example.

import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, ROOT, runCli } from "./git-history.js";
import { SHARED_DATA } from "./shared-data.js";
import { describeOnShared } from "./skips.js";

const ROLE = "examples/terraform/iam/automation-runner.tf";
const SNYK_DESTROY = join(SHARED_DATA.terraformPlans, "snyk-cli__tf-plan-destroy.json");

const run = runCli;

function json(args: string[]) {
  const result = run([...args, "--format", "json"]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

describe("blastradius check on the bundled example", () => {
  it("the role file reaches the revenue report and the dashboards, with their paths", () => {
    const out = json(["check", "--files", ROLE]);
    expect(out.changed.map((c: { id: string }) => c.id)).toEqual(["iam-role/automation-runner"]);
    const byId = Object.fromEntries(out.impacted.map((n: { id: string }) => [n.id, n]));
    expect(Object.keys(byId).sort()).toEqual([
      "alert/overnight-load-failed",
      "alert/revenue-freshness",
      "dashboard/revenue-exec",
      "dashboard/sales-ops",
      "job/overnight-load",
      "report/revenue",
      "service/deploy-pipeline",
      "service/external-job-runner",
      "service/rls-access",
      "table/warehouse.orders",
      "table/warehouse.revenue_daily",
    ]);
    expect(byId["report/revenue"]).toMatchObject({
      severity: "breaking",
      owner: "finance-analytics",
      tier: 0,
      depth: 5,
      path: [
        "iam-role/automation-runner",
        "service/external-job-runner",
        "job/overnight-load",
        "table/warehouse.orders",
        "table/warehouse.revenue_daily",
        "report/revenue",
      ],
      via: ["assumes-role", "runs-on", "loaded-by", "reads", "reads"],
    });
    expect(byId["dashboard/revenue-exec"].path.at(-1)).toBe("dashboard/revenue-exec");
    expect(byId["dashboard/sales-ops"].severity).toBe("breaking");
    expect(byId["alert/revenue-freshness"].severity).toBe("at-risk");
    expect(out.risk).toBe("high");
    expect(out.owners.map((o: { id: string }) => o.id)).toContain("bi");
  });

  it("text output for a person", () => {
    const result = run(["check", "--files", ROLE]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("HIGH risk");
    expect(result.stdout).toContain("report/revenue");
    expect(result.stdout).not.toContain("\u001b[");
  });

  it("--files takes several paths, or repeats; --files-from reads a file or stdin", () => {
    const dash = "examples/dashboards/sales-ops.json";
    const a = json(["check", "--files", ROLE, dash]);
    const b = json(["check", "--files", ROLE, "--files", dash]);
    expect(a.changed.map((c: { id: string }) => c.id)).toEqual([
      "dashboard/sales-ops",
      "iam-role/automation-runner",
    ]);
    expect(b).toEqual(a);
    const dir = mkdtempSync(join(tmpdir(), "br-list-"));
    writeFileSync(join(dir, "files.txt"), `${ROLE}\n\n# a comment\n${dash}\n`);
    expect(json(["check", "--files-from", join(dir, "files.txt")])).toEqual(a);
    const piped = run(["check", "--files-from", "-", "--format", "json"], {
      input: `${ROLE}\n${dash}\n`,
    });
    expect(JSON.parse(piped.stdout)).toEqual(a);
  });

  it("paths are from the repository root; ./ paths are from the current folder", () => {
    const fromSub = run(
      [
        "check",
        "--deps",
        "../deps.yaml",
        "--files",
        "./terraform/iam/automation-runner.tf",
        "--format",
        "json",
      ],
      {
        cwd: join(ROOT, "examples"),
      },
    );
    expect(JSON.parse(fromSub.stdout).changed.map((c: { id: string }) => c.id)).toEqual([
      "iam-role/automation-runner",
    ]);
    const rootRelative = run(
      ["check", "--deps", "../deps.yaml", "--files", ROLE, "--format", "json"],
      {
        cwd: join(ROOT, "examples"),
      },
    );
    expect(JSON.parse(rootRelative.stdout).changed).toHaveLength(1);
  });

  it("a reader that stops early is not an error", () => {
    const result = spawnSync("sh", ["-c", `node ${BIN} check --files ${ROLE} | head -1`], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(result.stdout).toMatch(/^blastradius: HIGH risk/);
    expect(result.stderr).not.toMatch(/EPIPE|Error/);
  });

  it("markdown for a PR comment, mermaid for a chart", () => {
    const md = run(["check", "--files", ROLE, "--format", "markdown"]);
    expect(md.stdout).toMatch(/^### 🔴 blastradius: \*\*high risk\*\*/);
    expect(md.stdout).toContain("```mermaid");
    const mermaid = run(["check", "--files", ROLE, "--format", "mermaid"]);
    expect(mermaid.stdout).toMatch(/^flowchart LR\n/);
  });

  it("exit codes: 1 only when --fail-on is met", () => {
    expect(run(["check", "--files", ROLE, "--fail-on", "high"]).code).toBe(1);
    expect(run(["check", "--files", ROLE, "--fail-on", "medium"]).code).toBe(1);
    const low = run(["check", "--files", "examples/alerts/revenue.yaml", "--fail-on", "low"]);
    expect(low.code).toBe(0);
    expect(run(["check", "--files", "README.md", "--fail-on", "low"]).code).toBe(0);
  });

  it("--max-depth cuts the result and says so", () => {
    const out = json(["check", "--files", ROLE, "--max-depth", "1"]);
    expect(out.impacted.every((n: { depth: number }) => n.depth === 1)).toBe(true);
    expect(out.truncated).toMatchObject({ reason: "max-depth", limit: 1 });
  });
});

describe("bad input: exit 2, a message on stderr, nothing on stdout", () => {
  const cases: [string, string[], RegExp][] = [
    [
      "an unknown format",
      ["check", "--files", ROLE, "--format", "yaml"],
      /--format must be one of/,
    ],
    ["two change sources", ["check", "--files", ROLE, "--git", "main"], /one change source/],
    [
      "a missing deps file",
      ["check", "--deps", "nope.yaml", "--files", ROLE],
      /nope\.yaml: error: no such file/,
    ],
    ["a bad --max-depth", ["check", "--files", ROLE, "--max-depth", "-1"], /--max-depth/],
    ["an unknown option", ["check", "--flies", ROLE], /unknown option '--flies'/],
    ["an unknown command", ["chekc"], /unknown command 'chekc'/],
    [
      "a missing --files-from file",
      ["check", "--files-from", "/nonexistent/list"],
      /cannot read --files-from/,
    ],
  ];
  for (const [name, args, message] of cases) {
    it(name, () => {
      const result = run(args);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
    });
  }

  it("an invalid deps.yaml: every error with file:line, nothing analysed", () => {
    const dir = mkdtempSync(join(tmpdir(), "br-bad-"));
    const file = join(dir, "deps.yaml");
    writeFileSync(
      file,
      "version: 1\nnodes:\n  a:\n    kind: k\n    tier: 9\n  b:\n    kind: k\n    depends_on: [aa]\n",
    );
    for (const command of [["check", "--files", "x"], ["validate"], ["graph"]]) {
      const result = run([...command, "--deps", file]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain(
        `${file}:5:11 nodes.a.tier: error: expected a whole number from 0 to 3, got the number 9`,
      );
      expect(result.stderr).toContain(
        `${file}:8:18 nodes.b.depends_on[0]: error: unknown node "aa" — did you mean "a"?`,
      );
    }
  });
});

describe("blastradius validate", () => {
  it("the bundled example is clean", () => {
    const result = run(["validate", "--strict"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /deps\.yaml: 14 nodes, 15 edges in 2 file\(s\); 0 error\(s\), 0 warning\(s\)/,
    );
  });

  it("warnings exit 0, or 1 with --strict", () => {
    const dir = mkdtempSync(join(tmpdir(), "br-warn-"));
    writeFileSync(join(dir, "deps.yaml"), "version: 1\nnodes:\n  a: {kind: k}\n");
    expect(run(["validate", "--deps", join(dir, "deps.yaml")], { cwd: dir }).code).toBe(0);
    const strict = run(["validate", "--strict", "--deps", join(dir, "deps.yaml")], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('deps.yaml:3:3 nodes.a: warning: node "a" has no owner');
  });
});

describe("blastradius graph", () => {
  it("exports a neighbourhood", () => {
    const result = run(["graph", "--around", "report/revenue", "--depth", "1", "--format", "json"]);
    expect(result.code).toBe(0);
    const graph = JSON.parse(result.stdout);
    expect(graph.nodes.map((n: { id: string }) => n.id).sort()).toEqual([
      "dashboard/revenue-exec",
      "report/revenue",
      "table/warehouse.revenue_daily",
    ]);
    expect(graph.edges).toContainEqual({
      from: "report/revenue",
      to: "table/warehouse.revenue_daily",
      via: "reads",
      breaksOn: null,
    });
  });

  it("dot and mermaid", () => {
    expect(run(["graph", "--format", "dot"]).stdout).toMatch(/^digraph blastradius \{/);
    expect(run(["graph"]).stdout).toMatch(/^flowchart LR/);
  });

  it("an unknown node is exit 2 with a suggestion", () => {
    const result = run(["graph", "--around", "report/revenu"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('did you mean "report/revenue"?');
  });
});

describeOnShared("terraformPlans", "check --plan on a real plan", () => {
  it("the snyk destroy plan names the CodeBuild project and the state machine as breaking, with the address", () => {
    const dir = mkdtempSync(join(tmpdir(), "br-plan-"));
    writeFileSync(
      join(dir, "deps.yaml"),
      [
        "version: 1",
        "nodes:",
        "  iam-role/terra-ci-job: { kind: iam-role, match: { terraform: [aws_iam_role.terra_ci_job] } }",
        "  iam-role/terra-ci-runner: { kind: iam-role, match: { terraform: [aws_iam_role.terra_ci_runner] } }",
        "  service/terra-ci-build: { kind: codebuild-project, depends_on: [{ on: iam-role/terra-ci-job, via: runs-as }] }",
        "  service/terra-ci-runner: { kind: state-machine, depends_on: [{ on: iam-role/terra-ci-runner, via: assumes-role }] }",
        "",
      ].join("\n"),
    );
    const result = run(["check", "--deps", join(dir, "deps.yaml"), "--plan", SNYK_DESTROY], {
      cwd: dir,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Breaking \(\d+\)\n {2}service\/terra-ci-build/);
    expect(result.stdout).toContain("service/terra-ci-runner  state-machine");
    expect(result.stdout).toContain("aws_iam_role.terra_ci_job in ");
    expect(result.stdout).toContain("iam-role/terra-ci-job -[runs-as]-> service/terra-ci-build");
    const validate = run(["validate", "--deps", join(dir, "deps.yaml"), "--plan", SNYK_DESTROY], {
      cwd: dir,
    });
    expect(validate.stderr).toContain(
      "aws_codebuild_project.terra_ci (no node in deps.yaml) refers to aws_iam_role.terra_ci_job",
    );
    rmSync(dir, { recursive: true, force: true });
  });

  it("a file that is not a plan is exit 2 with what to do", () => {
    const result = run(["check", "--plan", "package.json"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("is not a Terraform plan in JSON");
  });
});

describe("check --git in a real repository", () => {
  let repo: string;
  const git = (...args: string[]) => {
    const result = spawnSync("git", args, { cwd: repo, encoding: "utf8" });
    if (result.status !== 0) throw new Error(result.stderr);
    return result.stdout;
  };

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), "br-git-"));
    cpSync(join(ROOT, "deps.yaml"), join(repo, "deps.yaml"));
    cpSync(join(ROOT, "examples"), join(repo, "examples"), { recursive: true });
    git("init", "-q", "-b", "main");
    git("-c", "user.email=t@example.com", "-c", "user.name=t", "add", ".");
    git("-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "base");
    git("checkout", "-q", "-b", "change");
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it("no change yet: nothing impacted", () => {
    const result = run(["check", "--format", "json"], { cwd: repo });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).impacted).toEqual([]);
  });

  it("working-tree edits, renames and untracked files since the merge base, default branch found", () => {
    writeFileSync(join(repo, ROLE), "# edited\n", { flag: "a" });
    git("-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qam", "edit role");
    renameSync(
      join(repo, "examples/dashboards/sales-ops.json"),
      join(repo, "examples/dashboards/sales.json"),
    );
    git("add", "-A");
    writeFileSync(join(repo, "examples/services/rls-access/new-rule.yaml"), "x: 1\n");
    for (const args of [["check"], ["check", "--git", "main"]]) {
      const result = run([...args, "--format", "json"], { cwd: repo });
      expect(result.stderr).toBe("");
      const out = JSON.parse(result.stdout);
      const changed = Object.fromEntries(
        out.changed.map((c: { id: string; classes: string[] }) => [c.id, c.classes]),
      );
      // The role file only gained a comment: its contents were compared, nothing of it changed.
      // The dashboard's rule names the old file only: renamed away, the node loses its file.
      expect(changed).toEqual({
        "dashboard/sales-ops": ["deleted"],
        "service/rls-access": ["added"],
      });
      expect(out.quietFiles).toEqual([
        {
          file: ROLE,
          nodes: ["iam-role/automation-runner"],
          reason:
            "nothing that matters changed: every resource of its Terraform folder evaluates the same",
        },
      ]);
      expect(out.impacted.map((n: { id: string }) => n.id)).toContain("report/revenue");
    }
  });

  it("a trust policy edit is classified from the contents, with the file and line, and contracts are checked", () => {
    const file = join(repo, ROLE);
    const text = readFileSync(file, "utf8");
    writeFileSync(
      file,
      text.replace(
        "arn:aws:iam::111111111111:role/job-runner",
        "arn:aws:iam::111111111111:role/job-runner-v2",
      ),
    );
    const result = run(["check", "--git", "main", "--format", "json"], { cwd: repo });
    expect(result.stderr).toBe("");
    const out = JSON.parse(result.stdout);
    const role = out.changed.find((c: { id: string }) => c.id === "iam-role/automation-runner");
    expect(role.classes).toEqual(["trust-narrowed", "trust-widened"]);
    const evidence = role.causes[0].evidence;
    expect(evidence[0]).toMatchObject({
      address: "aws_iam_role.automation_runner",
      attribute: "assume_role_policy",
      file: ROLE,
      detail: "no longer trusts AWS arn:aws:iam::111111111111:role/job-runner (sts:AssumeRole)",
    });
    expect(evidence[0].line).toBeGreaterThan(1);
    const byId = Object.fromEntries(
      out.impacted.map((n: { id: string; severity: string }) => [n.id, n.severity]),
    );
    expect(byId["service/external-job-runner"]).toBe("breaking");
    expect(
      out.contracts.find(
        (c: { dependent: string; kind: string }) =>
          c.dependent === "service/external-job-runner" && c.kind === "trusts",
      ),
    ).toMatchObject({
      status: "broken",
      pending: false,
      waiver: null,
      decides: ["trust-narrowed", "trust-widened"],
    });
    const textOut = run(["check", "--git", "main"], { cwd: repo }).stdout;
    expect(textOut).toContain(
      "BROKEN service/external-job-runner expects of iam-role/automation-runner: trusts arn:aws:iam::111111111111:role/job-runner",
    );
    expect(textOut).toContain(
      "talk to job-runners (@acme/job-runners, #job-runners), owner of service/external-job-runner",
    );
    writeFileSync(file, text);
  });

  it("a Deny sts:* to AWS * added inside jsonencode locks everyone out: trust-narrowed, breaking", () => {
    // Issue 14: this was a "modified" change, at risk only, and passed fail-on: high.
    const file = join(repo, ROLE);
    const text = readFileSync(file, "utf8");
    writeFileSync(
      file,
      text.replace(
        "    Statement = [\n",
        '    Statement = [\n      { Effect = "Deny", Action = "sts:*", Principal = { AWS = "*" } },\n',
      ),
    );
    const out = JSON.parse(
      run(["check", "--git", "main", "--format", "json"], { cwd: repo }).stdout,
    );
    const role = out.changed.find((c: { id: string }) => c.id === "iam-role/automation-runner");
    expect(role.classes).toEqual(["trust-narrowed"]);
    expect(role.causes[0].evidence.map((e: { detail: string }) => e.detail)).toContain(
      "no longer trusts AWS arn:aws:iam::111111111111:role/job-runner (sts:AssumeRole): denied to AWS * (sts:*)",
    );
    expect(out.risk).toBe("high");
    writeFileSync(file, text);
  });

  it("Terraform that does not parse is an unknown change, with the parser's message", () => {
    const file = join(repo, ROLE);
    const text = readFileSync(file, "utf8");
    writeFileSync(file, `${text}\nresource "aws_iam_role" "broken" {\n`);
    const out = JSON.parse(
      run(["check", "--git", "main", "--format", "json"], { cwd: repo }).stdout,
    );
    const role = out.changed.find((c: { id: string }) => c.id === "iam-role/automation-runner");
    expect(role.classes).toEqual(["unknown"]);
    expect(role.causes[0].evidence[0].detail).toMatch(
      /^HCL does not parse: .*Unclosed configuration block/,
    );
    writeFileSync(file, text);
  });

  it("a base that does not exist is exit 2", () => {
    const result = run(["check", "--git", "no-such-branch"], { cwd: repo });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"no-such-branch" is not a commit');
  });

  it("outside a repository, --git says so", () => {
    const dir = mkdtempSync(join(tmpdir(), "br-nogit-"));
    cpSync(join(ROOT, "deps.yaml"), join(dir, "deps.yaml"));
    cpSync(join(ROOT, "examples"), join(dir, "examples"), { recursive: true });
    const result = run(["check"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("is not inside a git repository");
  });
});

describe("a graph on a Backstage catalog (examples/backstage)", () => {
  it("a change to a keycloak file names the showcase component that depends on it", () => {
    const deps = "examples/backstage/deps.yaml";
    const validated = run(["validate", "--deps", deps, "--strict"]);
    expect(validated.stderr).toBe("");
    expect(validated.stdout).toContain("9 nodes, 13 edges in 18 file(s)");
    const text = run([
      "check",
      "--deps",
      deps,
      "--files",
      "examples/backstage/deploy/keycloak/realm.json",
    ]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain("resource:keycloak -[depends-on]-> component:backstage-showcase");
    expect(text.stdout).toContain(
      "group:janus-authors (@janus-idp/maintainers, #janus-idp): breaking: component:backstage-showcase, system:janus-idp",
    );
    const out = JSON.parse(
      run([
        "check",
        "--deps",
        deps,
        "--files",
        "examples/backstage/deploy/keycloak/realm.json",
        "--format",
        "json",
      ]).stdout,
    );
    expect(out.impacted.map((n: { id: string; severity: string }) => [n.id, n.severity])).toEqual([
      ["component:backstage-showcase", "breaking"],
      ["system:janus-idp", "breaking"],
    ]);
  });
});
