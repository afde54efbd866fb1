// `blastradius contracts` as a user runs it: the built CLI on a repository whose upstream role
// changes trust outside any pull request, and on the bundled example.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exampleHistory, gitIn, rotateJobRunner, runCli } from "./git-history.js";

const RUNNER = "arn:aws:iam::111111111111:role/job-runner";

const role = (principal: string) => `resource "aws_iam_role" "runner" {
  name = "runner"
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

const deps = (trusts: string) => `version: 1
owners:
  platform: {github: "@acme/platform", chat: "#platform"}
  jobs: {github: "@acme/jobs"}
nodes:
  iam-role/runner:
    kind: iam-role
    owner: platform
    match:
      paths: [iam/runner.tf]
      terraform: [aws_iam_role.runner]
  service/jobs:
    kind: service
    owner: jobs
    depends_on:
      - on: iam-role/runner
        via: assumes-role
        expects:
          trusts: [${trusts}]
          exists: true
`;

describe("blastradius contracts in a repository", () => {
  const dir = mkdtempSync(join(tmpdir(), "br-contracts-e2e-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const git = (...args: string[]) => gitIn(dir, args);
  const write = (path: string, text: string) => {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  const run = (...args: string[]) => runCli(["contracts", ...args], { cwd: dir });
  git("init", "-q", "-b", "main");
  write("deps.yaml", deps(`"${RUNNER}"`));
  write("iam/runner.tf", role(RUNNER));
  git("add", ".");
  git("commit", "-qm", "base");
  // Pushed straight to main, no pull request: the role stops trusting the job runner.
  write("iam/runner.tf", role("arn:aws:iam::111111111111:role/job-runner-v2"));
  git("commit", "-qam", "rotate the runner");

  it("at HEAD the broken contract is reported, with its owners and place, and exits 1", () => {
    const result = run();
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("1 broken, 0 waived, 0 pending, 0 unchecked, 1 kept");
    expect(result.stdout).toContain(`BROKEN     service/jobs → iam-role/runner: trusts ${RUNNER}`);
    expect(result.stdout).toContain(`iam-role/runner does not trust ${RUNNER}`);
    expect(result.stdout).toContain("at iam/runner.tf:3 · declared at deps.yaml:");
    expect(result.stdout).toContain("dependent: jobs (@acme/jobs) · upstream: platform");
    expect(result.stderr).toContain("1 contract(s) broken");
  });

  it("--git the commit before: kept, exit 0", () => {
    const result = run("--git", "HEAD~1");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("0 broken");
  });

  it("waived until a far date: exit 0, saying until when and why; an expired waiver: 1 again", () => {
    write(
      "deps.yaml",
      deps(`{principal: "${RUNNER}", waive: {until: "2999-12-31", reason: "rotation under way"}}`),
    );
    const waived = run();
    expect(waived.code).toBe(0);
    expect(waived.stdout).toContain("0 broken, 1 waived");
    expect(waived.stdout).toContain(
      `waived until 2999-12-31 (rotation under way): iam-role/runner does not trust ${RUNNER}`,
    );
    write(
      "deps.yaml",
      deps(`{principal: "${RUNNER}", waive: {until: "2001-01-31", reason: "rotation under way"}}`),
    );
    const expired = run();
    expect(expired.code).toBe(1);
    expect(expired.stdout).toContain("its waiver ended on 2001-01-31");
    write("deps.yaml", deps(`"${RUNNER}"`));
  });

  it("json and markdown say the same", () => {
    const json = JSON.parse(run("--format", "json").stdout);
    expect(json.summary).toMatchObject({ broken: 1, kept: 1, total: 2 });
    expect(json.contracts[0]).toMatchObject({
      dependent: "service/jobs",
      status: "broken",
      where: "iam/runner.tf:3",
      dependentOwner: { id: "jobs", github: "@acme/jobs" },
    });
    const markdown = run("--format", "markdown");
    expect(markdown.code).toBe(1);
    expect(markdown.stdout).toContain("### 🔴 blastradius contracts: 1 broken of 2");
  });

  it("bad input exits 2 with a message, never a stack", () => {
    for (const [args, message] of [
      [["--git", "no-such-ref"], /"no-such-ref" is not a commit/],
      [["--plan", "missing.json"], /cannot read the plan/],
      [["--git", "HEAD", "--plan", "p.json"], /give one state/],
      [["--format", "html"], /--format must be one of/],
      [["--deps", "nope.yaml"], /nope\.yaml/],
    ] as const) {
      const result = run(...args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("a graph with no contracts says so and exits 0", () => {
    write("plain.yaml", "version: 1\nnodes: {a: {kind: k}, b: {kind: k, depends_on: [a]}}\n");
    const result = run("--deps", "plain.yaml");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("no contracts");
  });
});

describe("check --git when the change also changes the graph", () => {
  it("says that the change's own waiver judges it, and how to gate on the base's graph", () => {
    const dir = mkdtempSync(join(tmpdir(), "br-contracts-own-waiver-"));
    try {
      const write = (path: string, text: string) => {
        mkdirSync(join(dir, path, ".."), { recursive: true });
        writeFileSync(join(dir, path), text);
      };
      gitIn(dir, ["init", "-q", "-b", "main"]);
      write("deps.yaml", deps(`"${RUNNER}"`));
      write("iam/runner.tf", role(RUNNER));
      gitIn(dir, ["add", "."]);
      gitIn(dir, ["commit", "-qm", "base"]);
      // One commit breaks the trust and waives the break in the same breath.
      write("iam/runner.tf", role("arn:aws:iam::111111111111:role/other"));
      write(
        "deps.yaml",
        deps(`{principal: "${RUNNER}", waive: {until: 2999-12-31, reason: "trust me"}}`),
      );
      gitIn(dir, ["commit", "-qam", "rotate and waive"]);
      const result = runCli(["check", "--git", "HEAD~1", "--format", "json"], { cwd: dir });
      expect(result.stderr).toContain("deps.yaml is changed by this change too");
      expect(result.stderr).toContain("--deps from the base");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("blastradius contracts on a role switched off (r2-15)", () => {
  it("count from a flag off by default: its node, matched by its file alone, is not found: exit 1", () => {
    const dir = mkdtempSync(join(tmpdir(), "br-contracts-off-"));
    try {
      mkdirSync(join(dir, "iam"));
      writeFileSync(
        join(dir, "deps.yaml"),
        deps(`"${RUNNER}"`).replace(/\n {6}terraform: \[aws_iam_role\.runner\]/, ""),
      );
      writeFileSync(
        join(dir, "iam/runner.tf"),
        `variable "enabled" { default = false }\n${role(RUNNER).replace(
          '  name = "runner"',
          '  count = var.enabled ? 1 : 0\n  name = "runner"',
        )}`,
      );
      gitIn(dir, ["init", "-q", "-b", "main"]);
      gitIn(dir, ["add", "."]);
      gitIn(dir, ["commit", "-qm", "off"]);
      const result = runCli(["contracts"], { cwd: dir });
      expect(result.stdout).toContain("2 broken, 0 waived, 0 pending, 0 unchecked, 0 kept");
      expect(result.stdout).toContain("iam-role/runner was not found");
      expect(result.code).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("blastradius contracts on the bundled example", () => {
  it("kept at the example's commit; broken once the 2 a.m. rotation is pushed without a pull request", () => {
    const history = exampleHistory(2);
    try {
      const before = history.run("contracts");
      expect(before.status).toBe(0);
      expect(before.stdout).toContain("0 broken, 0 waived, 0 pending, 1 unchecked, 2 kept");
      // The deploy pipeline's OIDC trust holds only under its sub condition, which a contract
      // cannot say the pipeline meets: unchecked, never kept.
      expect(before.stdout).toContain(
        "trusts arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com only under conditions",
      );
      history.commit(
        0,
        "examples/terraform/iam/automation-runner.tf",
        "rotate the job runner",
        "dana",
        rotateJobRunner,
      );
      const after = history.run("contracts");
      expect(after.status).toBe(1);
      expect(after.stdout).toContain(
        "iam-role/automation-runner does not trust arn:aws:iam::111111111111:role/job-runner",
      );
    } finally {
      history.remove();
    }
  });

  it("check on the rotation plan (npm start): the runner whose trust is rotated breaks with its downstream; the deploy pipeline, whose contract is kept, is only at risk", () => {
    const result = runCli([
      "check",
      "--plan",
      "examples/plans/rotate-automation-runner.json",
      "--format",
      "json",
    ]);
    const out = JSON.parse(result.stdout);
    const severity = (id: string) =>
      out.impacted.find((n: { id: string }) => n.id === id)?.severity;
    expect(severity("service/external-job-runner")).toBe("breaking");
    expect(severity("job/overnight-load")).toBe("breaking");
    expect(severity("service/deploy-pipeline")).toBe("at-risk");
    expect(
      out.impacted.find((n: { id: string }) => n.id === "service/deploy-pipeline").heldBy,
    ).toEqual([
      expect.objectContaining({
        expectation:
          "trusts arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com",
        decides: ["trust-narrowed", "trust-widened"],
      }),
    ]);
  });

  it("the rotation plan breaks the job runner's trust contract", () => {
    const result = runCli(["contracts", "--plan", "examples/plans/rotate-automation-runner.json"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      "BROKEN     service/external-job-runner → iam-role/automation-runner: trusts arn:aws:iam::111111111111:role/job-runner",
    );
    expect(result.stdout).toContain(
      "at examples/plans/rotate-automation-runner.json aws_iam_role.automation_runner",
    );
    // The deploy pipeline's OIDC trust holds only under conditions: not checkable as a state.
    expect(result.stdout).toContain(
      "UNCHECKED  service/deploy-pipeline → iam-role/automation-runner: trusts arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com",
    );
  });
});
