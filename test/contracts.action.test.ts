// The Action's contracts mode, in process, for a scheduled workflow: the checked-out repository
// is a temporary git repository whose role changes outside any pull request; the issue of
// broken contracts lives on the local GitHub API: opened, left alone while nothing changes,
// closed when nothing is broken, reopened (the same one) when something breaks again.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runAction } from "../src/action/run-action.js";
import { CONTRACTS_LABEL, contractsMarker } from "../src/app/contracts-issue.js";
import { readChangeSetFile } from "../src/app/read-change-set.js";
import { readPlanFile } from "../src/app/read-plan.js";
import { readRenderedChange } from "../src/app/read-rendered.js";
import { gitIn } from "./git-history.js";
import { ACTIONS_BOT, type FakeGitHub, startFakeGitHub } from "./github-api/fake-github.js";
import { portFor, REPO } from "./github-api/scenario.js";

const A = "arn:aws:iam::111111111111:role/exporter-host";
const B = "arn:aws:iam::111111111111:role/loader-host";

const deps = (waive = "") => `version: 1
owners:
  iam: { github: "@acme/iam" }
  exports: { github: "@acme/exports", chat: "#exports" }
  loads: { github: "@acme/loads" }
nodes:
  iam-role/shared:
    kind: iam-role
    owner: iam
    match: { paths: [iam/shared.tf], terraform: [aws_iam_role.shared] }
  svc/exporter:
    kind: service
    owner: exports
    depends_on:
      - on: iam-role/shared
        via: assumes-role
        expects: { trusts: ["${A}"] }
  svc/loader:
    kind: service
    owner: loads
    depends_on:
      - on: iam-role/shared
        via: assumes-role
        expects:
          trusts: ["${B}"]${waive}
`;

const role = (principals: string[]) => `resource "aws_iam_role" "shared" {
  name = "shared"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
${principals
  .map(
    (p) => `      {
        Effect    = "Allow"
        Action    = "sts:AssumeRole"
        Principal = { AWS = "${p}" }
      },`,
  )
  .join("\n")}
    ]
  })
}
`;

describe("the Action's contracts mode", () => {
  let fake: FakeGitHub;
  let dir: string;
  let work: string;
  const commit = (files: Record<string, string>, message: string) => {
    for (const [path, text] of Object.entries(files)) writeFileSync(join(work, path), text);
    gitIn(work, ["add", "-A"]);
    gitIn(work, ["commit", "-qm", message]);
  };
  beforeEach(async () => {
    fake = await startFakeGitHub();
    dir = mkdtempSync(join(tmpdir(), "br-contracts-action-"));
    work = join(dir, "repo");
    gitIn(dir, ["init", "-q", "repo"]);
    gitIn(work, ["config", "commit.gpgsign", "false"]);
    mkdirSync(join(work, "iam"));
    commit({ "deps.yaml": deps(), "iam/shared.tf": role([A, B]) }, "both trusted");
  });
  afterEach(async () => {
    // Every request and response as GitHub's description allows.
    expect(fake.problems).toEqual([]);
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function run(inputs: Record<string, string> = {}) {
    writeFileSync(join(dir, "output"), "");
    writeFileSync(join(dir, "summary"), "");
    let stdout = "";
    const env: Record<string, string> = {
      GITHUB_EVENT_NAME: "schedule",
      GITHUB_REPOSITORY: REPO,
      GITHUB_WORKSPACE: work,
      RUNNER_TEMP: dir,
      GITHUB_OUTPUT: join(dir, "output"),
      GITHUB_STEP_SUMMARY: join(dir, "summary"),
      INPUT_TOKEN: "test-token",
      INPUT_MODE: "contracts",
      "INPUT_COMMENT-AUTHOR": ACTIONS_BOT.login,
    };
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
    const code = await runAction({
      env,
      write: (text) => {
        stdout += text;
      },
      readFile: (path) => readFileSync(path, "utf8"),
      writeFile: (path, text) => writeFileSync(path, text),
      createPort: (token) => portFor(fake, token),
      readPlan: readPlanFile,
      readChangeSet: readChangeSetFile,
      readRendered: readRenderedChange,
    });
    return {
      code,
      stdout,
      summary: readFileSync(join(dir, "summary"), "utf8"),
      output: readFileSync(join(dir, "output"), "utf8"),
    };
  }
  const ours = () => fake.issues.filter((i) => i.labels.includes(CONTRACTS_LABEL));

  it("one issue: none while all hold, opened on a break, closed when it holds, the same one reopened", async () => {
    const fine = await run();
    expect(fine.code).toBe(0);
    expect(fine.summary).toContain("none of 2 broken");
    // Where each contract is declared, as the repository knows the file.
    expect(fine.summary).toContain("declared at `deps.yaml:17`");
    expect(ours()).toEqual([]);

    // The role stops trusting the loader's host, by a commit no pull request reviewed.
    commit({ "iam/shared.tf": role([A]) }, "rotate");
    const broken = await run();
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/::error::blastradius: 1 contract\(s\) broken/);
    expect(ours()).toHaveLength(1);
    const issue = ours()[0];
    expect(issue?.title).toBe("Broken contracts: 1 of 2 (deps.yaml)");
    expect(issue?.body.startsWith(contractsMarker("deps.yaml"))).toBe(true);
    expect(issue?.body).toContain("`svc/loader`");
    expect(issue?.body).toContain(`iam-role/shared does not trust ${B}`);
    expect(issue?.body).toContain("iam/shared.tf:");
    expect(broken.output).toContain("broken-count<<");
    expect(broken.output).toMatch(/broken-count<<\S+\n1\n/);

    // Run again with nothing new: the issue is not written again.
    const writes = () => fake.log.filter((r) => r.method !== "GET").length;
    const before = writes();
    expect((await run()).code).toBe(1);
    expect(writes()).toBe(before);
    expect(ours()).toHaveLength(1);

    // The loader's team accepts the break for a while: nothing is broken, the issue closes.
    commit(
      {
        "deps.yaml": deps(
          '\n          waive: { until: 2999-12-31, reason: "the loader moves to exporter-host" }',
        ),
      },
      "waive",
    );
    const waived = await run();
    expect(waived.code).toBe(0);
    expect(waived.summary).toContain("waived");
    expect(ours()).toHaveLength(1);
    expect(ours()[0]?.state).toBe("closed");

    // The waiver is taken back: the same issue opens again.
    commit({ "deps.yaml": deps() }, "unwaive");
    expect((await run()).code).toBe(1);
    expect(ours()).toHaveLength(1);
    expect(ours()[0]).toMatchObject({ number: issue?.number, state: "open" });
  });

  it("an issue with our marker that someone else opened is never taken as ours", async () => {
    fake.issues.push({
      number: 77,
      repo: REPO,
      title: "not ours",
      body: `${contractsMarker("deps.yaml")}\nplanted`,
      labels: [CONTRACTS_LABEL],
      user: { login: "mallory", type: "User" },
    });
    commit({ "iam/shared.tf": role([A]) }, "rotate");
    expect((await run()).code).toBe(1);
    expect(ours().find((i) => i.number === 77)?.body).toContain("planted");
    expect(ours().filter((i) => i.number !== 77)).toHaveLength(1);
  });

  it("a person's token needs comment-author; an empty one is not 'anyone'", async () => {
    commit({ "iam/shared.tf": role([A]) }, "rotate");
    const person = await run({ token: "ghp_0123456789", "comment-author": "" });
    expect(person.code).toBe(1);
    expect(person.stdout).toMatch(/::error::.*comment-author must name its login/);
    expect(person.stdout).not.toContain("ghp_0123456789");
    // Someone's issue with our marker is not adopted when the input is left empty.
    fake.issues.push({
      number: 78,
      repo: REPO,
      title: "not ours",
      body: `${contractsMarker("deps.yaml")}\nplanted`,
      labels: [CONTRACTS_LABEL],
      user: { login: "mallory", type: "User" },
    });
    expect((await run({ "comment-author": "" })).code).toBe(1);
    expect(ours().find((i) => i.number === 78)?.body).toContain("planted");
  });

  it("fail-on-broken false: a warning, the step passes; post-issue false: no issue", async () => {
    commit({ "iam/shared.tf": role([A]) }, "rotate");
    const result = await run({ "fail-on-broken": "false", "post-issue": "false" });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/::warning::blastradius: 1 contract\(s\) broken/);
    expect(ours()).toEqual([]);
  });

  it("a workspace that is not a checkout says to check out the repository", async () => {
    const empty = mkdtempSync(join(tmpdir(), "br-contracts-empty-"));
    writeFileSync(join(empty, "deps.yaml"), deps());
    try {
      const result = await run({ "post-issue": "false" }).catch(() => undefined);
      expect(result?.code).toBe(0);
      work = empty;
      const failed = await run({ "post-issue": "false" });
      expect(failed.code).toBe(1);
      expect(failed.stdout).toMatch(/::error::.*actions\/checkout/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
