// The built Action (dist/index.js), run as a runner runs it: a subprocess with the runner's
// environment and a real pull_request event payload, against the local GitHub API.

import { execFile } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ACTIONS_BOT, type FakeGitHub, startFakeGitHub, tick } from "./github-api/fake-github.js";
import { counts, EXAMPLE_FILES, ROLE_FILE, ROOT, seedGraph } from "./github-api/scenario.js";
import { webhookExample } from "./github-api/webhooks.js";

const DIST = join(ROOT, "dist/index.js");
/** The runner's Node is 24; ACTION_NODE runs the bundle on another binary than the tests'. */
const NODE = process.env.ACTION_NODE || process.execPath;
const REPO = "Codertocat/Hello-World"; // the repository of GitHub's example payloads
const TOKEN = "ghs_e2eSecretTokenValue";

/** The parts of GitHub's pull_request payload the tests read or edit. */
interface EventPayload {
  pull_request: {
    number: number;
    head: { sha: string; repo: { full_name: string } };
    base: { sha: string };
    user: { login: string };
  };
  [key: string]: unknown;
}

interface Run {
  code: number;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
}

function payload(event: string, edit: (value: EventPayload) => void = () => {}): EventPayload {
  const value = webhookExample("pull_request", event) as EventPayload;
  edit(value);
  return value;
}

/** GITHUB_OUTPUT's heredoc format -> name: value. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) outputs[match[1] as string] = match[3] as string;
  return outputs;
}

describe("the Action, from dist/index.js", () => {
  let fake: FakeGitHub;
  let dir: string;
  let pullHead: string;

  beforeEach(async () => {
    fake = await startFakeGitHub();
    fake.tokens.set(TOKEN, ACTIONS_BOT);
    dir = mkdtempSync(join(tmpdir(), "blastradius-action-"));
    const event = payload("opened");
    pullHead = event.pull_request.head.sha;
    seedGraph(fake, event.pull_request.base.sha, REPO);
    // The role file at base, and at head with its trust rotated to another runner role: a
    // change the analysis reads and judges whole.
    const role = readFileSync(join(ROOT, ROLE_FILE), "utf8");
    fake.setFile(REPO, event.pull_request.base.sha, ROLE_FILE, role);
    fake.setFile(REPO, pullHead, ROLE_FILE, role.replace("role/job-runner", "role/job-runner-v2"));
    fake.addPull(REPO, {
      number: event.pull_request.number,
      baseSha: event.pull_request.base.sha,
      headSha: pullHead,
      author: event.pull_request.user.login,
      files: [{ filename: ROLE_FILE, status: "modified" }],
    });
  });
  afterEach(async () => {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
    expect(fake.problems).toEqual([]);
  });

  async function runAction(
    event: object,
    inputs: Record<string, string> = {},
    eventName = "pull_request",
  ): Promise<Run> {
    const eventPath = join(dir, "event.json");
    writeFileSync(eventPath, JSON.stringify(event));
    const output = join(dir, `output-${tick()}`);
    const summary = join(dir, `summary-${tick()}`);
    writeFileSync(output, "");
    writeFileSync(summary, "");
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? "",
      GITHUB_ACTIONS: "true",
      GITHUB_EVENT_NAME: eventName,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: REPO,
      GITHUB_API_URL: fake.url,
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_WORKSPACE: dir,
      RUNNER_TEMP: dir,
      INPUT_TOKEN: TOKEN,
      INPUT_DEPS: "deps.yaml",
      "INPUT_FAIL-ON": "none",
      INPUT_COMMENT: "update",
      "INPUT_COMMENT-WHEN": "always",
      "INPUT_MENTION-OWNERS": "true",
      INPUT_LABELS: "true",
      "INPUT_REQUEST-REVIEWERS": "false",
      "INPUT_ACKNOWLEDGE-LABEL": "blast-radius:acknowledged",
    };
    for (const [name, value] of Object.entries(inputs)) {
      if (name === "actor") env.GITHUB_ACTOR = value;
      else env[`INPUT_${name.toUpperCase()}`] = value;
    }
    const { code, stdout } = await new Promise<{ code: number; stdout: string }>((done) => {
      execFile(NODE, [DIST], { env, cwd: dir }, (error, stdout, stderr) => {
        done({
          code: error ? Number((error as { code?: number }).code ?? 1) : 0,
          stdout: stdout + stderr,
        });
      });
    });
    expect(stdout).not.toContain(TOKEN);
    return {
      code,
      stdout,
      outputs: parseOutputs(readFileSync(output, "utf8")),
      summary: readFileSync(summary, "utf8"),
    };
  }

  it("posts one comment, then updates it on the next push; outputs and summary written", async () => {
    const first = await runAction(payload("opened"));
    expect(first.code).toBe(0);
    const comments = fake.commentsOn(REPO, 2);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain("`report/revenue`");
    expect(first.outputs).toMatchObject({
      risk: "high",
      "impacted-count": "11",
      "comment-url": expect.stringContaining("#issuecomment-"),
    });
    expect(first.outputs.owners?.split(",").sort()).toEqual([
      "bi",
      "data-access",
      "data-platform",
      "finance-analytics",
      "job-runners",
      "sre",
    ]);
    const report = JSON.parse(readFileSync(first.outputs["report-path"] as string, "utf8"));
    expect(report.impacted).toHaveLength(11);
    expect(first.summary).toContain("blastradius: **high risk**");
    expect(first.stdout).toContain("comment posted");
    expect(fake.pulls.get(`${REPO}#2`)?.labels).toEqual(["blast-radius:high"]);

    // A push: new head, the role file no longer in the diff; the run comes on pull_request_target.
    const pull = fake.pulls.get(`${REPO}#2`);
    if (!pull) throw new Error("no pull");
    pull.headSha = "c".repeat(40);
    pull.files = [{ filename: "examples/warehouse/models/orders.sql", status: "modified" }];
    pull.updatedAt = tick();
    const second = await runAction(payload("synchronize"), {}, "pull_request_target");
    expect(second.code).toBe(0);
    const after = fake.commentsOn(REPO, 2);
    expect(after).toHaveLength(1);
    expect(after[0]?.id).toBe(comments[0]?.id);
    expect(after[0]?.body).toContain("c".repeat(40));
    expect(second.stdout).toContain("comment updated");
    expect(second.outputs["comment-url"]).toBe(first.outputs["comment-url"]);
    expect(pull.labels).toEqual([`blast-radius:${second.outputs.risk}`]);
  });

  it("fail-on high fails the step, naming the nodes and the label that acknowledges", async () => {
    const run = await runAction(payload("opened"), { "fail-on": "high" });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /::error::blastradius: risk is high, at or above fail-on high, because of service\/rls-access, /,
    );
    expect(run.stdout).toContain('add the label "blast-radius:acknowledged"');
    expect(fake.commentsOn(REPO, 2)).toHaveLength(1);
    fake.pulls.get(`${REPO}#2`)?.labels.push("blast-radius:acknowledged");
    const acknowledged = await runAction(payload("opened"), { "fail-on": "high" });
    expect(acknowledged.code).toBe(0);
    expect(acknowledged.stdout).toContain("that acknowledgement covers this analysis");
  });

  it("a pull request that brings its own graph: a preview; its keys reach the log as data, never as workflow commands", async () => {
    const event = payload("opened");
    const pull = fake.pulls.get(`${REPO}#2`);
    if (!pull) throw new Error("no pull request");
    // No graph at the base: the pull request adds one, with hostile keys and owners.
    fake.contents.get(REPO)?.get(event.pull_request.base.sha)?.clear();
    pull.files = [{ filename: "deps.yaml", status: "added" }];
    fake.setFile(
      REPO,
      pullHead,
      "deps.yaml",
      [
        "version: 1",
        "owners:",
        '  everyone: { github: "@torvalds" }',
        "nodes:",
        '  "x\\n::set-output name=risk::none\\n::stop-commands::abc\\n##[add-mask]y":',
        "    kind: service",
        "    owner: everyone",
        "    depends_on: [missing]",
        "",
      ].join("\n"),
    );
    const run = await runAction(event, { "fail-on": "low", "request-reviewers": "true" });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("the pull request adds deps.yaml, and it does not load");
    // Whatever the run says about that graph, no line of the log is a command it did not write.
    const inert = (stdout: string) => {
      for (const line of stdout.split("\n")) {
        expect(line.trim()).not.toMatch(/^::(set-output|stop-commands|add-mask)/);
        expect(line).not.toMatch(/##\[add-mask\]/);
      }
    };
    inert(run.stdout);
    // A graph that loads: shown as a preview, its owner neither mentioned nor asked to review.
    pull.files.push({ filename: "src/app.ts", status: "modified" });
    fake.setFile(
      REPO,
      pullHead,
      "deps.yaml",
      [
        "version: 1",
        "owners:",
        '  everyone: { github: "@torvalds" }',
        "nodes:",
        "  service/app:",
        "    kind: service",
        "    owner: everyone",
        '    description: "::set-output name=risk::none"',
        '    match: { paths: ["src/**"] }',
        "  service/downstream:",
        "    kind: service",
        "    owner: everyone",
        "    depends_on: [service/app]",
        "",
      ].join("\n"),
    );
    const preview = await runAction(event, { "request-reviewers": "true" });
    expect(preview.code).toBe(0);
    inert(preview.stdout);
    const body = fake.commentsOn(REPO, 2)[0]?.body ?? "";
    expect(body).toContain("Preview: the graph comes from this pull request");
    expect(body).toContain("service/downstream");
    expect(body).not.toMatch(/(^|[^`])@torvalds/m);
    expect(fake.log.filter((r) => r.operation === "pulls/request-reviewers")).toHaveLength(0);
  });

  it("3,000 junk files and a deleted role: the analysis is incomplete, and fail-on fails closed", async () => {
    const pull = fake.pulls.get(`${REPO}#2`);
    if (!pull) throw new Error("no pull request");
    // GitHub lists 3,000 files; the deleted role file is the 3,001st, which only git could see.
    pull.files = [
      ...Array.from({ length: 3000 }, (_, i) => ({
        filename: `junk/${i}.txt`,
        status: "added" as const,
      })),
      { filename: ROLE_FILE, status: "removed" as const },
    ];
    const run = await runAction(payload("opened"), { "fail-on": "low" });
    expect(run.code).toBe(1);
    expect(run.outputs["unjudged-count"]).toBe("1");
    expect(run.stdout).toContain(
      "::error::blastradius: the analysis is incomplete (on-incomplete: fail)",
    );
    expect(pull.labels).toEqual(["blast-radius:unknown"]);
    expect(fake.commentsOn(REPO, 2)[0]?.body).toContain("Incomplete: 1 thing could not be judged");
    const warned = await runAction(payload("opened"), {
      "fail-on": "low",
      "on-incomplete": "warn",
    });
    expect(warned.code).toBe(0);
    expect(warned.stdout).toContain("::warning::blastradius: the analysis is incomplete");
  });

  it("the plan input: the trust change, the broken contract and the discovered dependent, in the comment", async () => {
    writeFileSync(
      join(dir, "plan.json"),
      readFileSync(join(ROOT, "examples/plans/rotate-automation-runner.json")),
    );
    const pull = fake.pulls.get(`${REPO}#2`);
    if (pull) pull.files = [{ filename: "README.md", status: "modified" }];
    const run = await runAction(payload("opened"), { plan: "plan.json", "fail-on": "high" });
    expect(run.code).toBe(1);
    const body = fake.commentsOn(REPO, 2)[0]?.body ?? "";
    expect(body).toContain(
      "`iam-role/automation-runner` (trust-narrowed, trust-widened: `aws_iam_role.automation_runner`)",
    );
    expect(body).toContain(
      "no longer trusts AWS arn:aws:iam::111111111111:role/job-runner (sts:AssumeRole)",
    );
    expect(body).toContain(
      "🔴 broken: `service/external-job-runner` expects of `iam-role/automation-runner`: trusts",
    );
    expect(body).toMatch(
      /- Talk to `job-runners` (@acme\/job-runners|`@acme\/job-runners`) `#job-runners`, owner of `service\/external-job-runner`\./,
    );
    expect(body).toContain(
      "  - Ways forward: either keep what it expects (revert that part of the change",
    );
    expect(body).toContain("`terraform:aws_codebuild_project.nightly_export`");
    expect(run.stdout).toContain("because of service/rls-access");
  });

  it("a plan input that is not a plan: a failure that says so, nothing posted", async () => {
    writeFileSync(join(dir, "plan.json"), "{}");
    const run = await runAction(payload("opened"), { plan: "plan.json" });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("is not a Terraform plan in JSON");
    expect(counts(fake).writes).toBe(0);
  });

  it("mode report on a schedule: the week's merged pull requests as an issue, a summary and outputs", async () => {
    const pull = fake.pulls.get(`${REPO}#2`);
    if (pull)
      pull.mergedAt = new Date(Date.now() - 86_400_000).toISOString().replace(/\.\d+Z$/, "Z");
    seedGraph(fake, "main", REPO);
    const run = await runAction(
      { schedule: "0 8 * * 1" },
      { mode: "report", since: "7d" },
      "schedule",
    );
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ changes: "1", "impacted-changes": "1" });
    expect(run.summary).toContain("**1 of 1 change had downstream impact**");
    expect(fake.issues).toHaveLength(1);
    expect(fake.issues[0]?.body).toContain("### Per owner");
    const again = await runAction(
      { schedule: "0 8 * * 1" },
      { mode: "report", since: "7d" },
      "schedule",
    );
    expect(again.stdout).toContain("report issue updated");
    expect(fake.issues).toHaveLength(1);
  });

  it("mode docs on a push: the site in the workspace for GitHub Pages, outputs, and no request", async () => {
    for (const file of EXAMPLE_FILES) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      copyFileSync(join(ROOT, file), join(dir, file));
    }
    const run = await runAction(
      { ref: "refs/heads/main" },
      { mode: "docs", "docs-dir": "public" },
      "push",
    );
    expect(run.stdout).not.toContain("::error::");
    expect(run.code).toBe(0);
    expect(run.outputs["docs-dir"]).toBe(join(dir, "public"));
    const pages = readdirSync(join(dir, "public"), { recursive: true }).filter((f) =>
      String(f).endsWith(".html"),
    );
    expect(run.outputs.pages).toBe(String(pages.length));
    expect(
      readFileSync(join(dir, "public/nodes/iam-role/automation-runner.html"), "utf8"),
    ).toContain('<h2 id="if-this-breaks">');
    expect(run.summary).toContain("**blastradius docs**");
    expect(fake.log).toHaveLength(0);
  });

  it("other events: a clear message and success", async () => {
    const run = await runAction({ ref: "refs/heads/main" }, {}, "push");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("::notice::blastradius checks pull requests");
    expect(fake.log).toHaveLength(0);
  });

  it("an invalid graph at base: a failure naming file and line, and no comment", async () => {
    const event = payload("opened");
    fake.setFile(
      REPO,
      event.pull_request.base.sha,
      "deps.yaml",
      "version: 1\nnodes:\n  a:\n    kind: service\n    depends_on: [missing]\n",
    );
    const run = await runAction(event);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("deps.yaml:5:");
    expect(run.stdout).toContain(
      "::error::blastradius: the dependency graph at the pull request's base does not load",
    );
    expect(run.summary).toContain("does not load");
    expect(counts(fake).writes).toBe(0);
  });

  it("a fork on pull_request (read-only token): summary, outputs, a notice, and success", async () => {
    fake.tokens.set(TOKEN, { ...ACTIONS_BOT, readOnly: true });
    const event = payload("opened", (e) => {
      e.pull_request.head.repo.full_name = "someone/Hello-World";
    });
    const run = await runAction(event);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("::notice::cannot create a comment");
    expect(run.stdout).toContain("pull_request_target");
    expect(run.summary).toContain("`report/revenue`");
    expect(run.outputs.risk).toBe("high");
    expect(fake.comments).toHaveLength(0);
  });

  it("a Dependabot run on pull_request is read-only too: a notice, not a failure", async () => {
    fake.tokens.set(TOKEN, { ...ACTIONS_BOT, readOnly: true });
    const run = await runAction(payload("opened"), { actor: "dependabot[bot]" });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("::notice::cannot create a comment");
  });

  it("a fork with fail-on: the step result follows fail-on only", async () => {
    fake.tokens.set(TOKEN, { ...ACTIONS_BOT, readOnly: true });
    const event = payload("opened", (e) => {
      e.pull_request.head.repo.full_name = "someone/Hello-World";
    });
    const run = await runAction(event, { "fail-on": "high" });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("at or above fail-on");
  });

  it("403 on a write in the repository itself: an error that names the permission and shows the block", async () => {
    fake.tokens.set(TOKEN, { ...ACTIONS_BOT, readOnly: true });
    const run = await runAction(payload("opened"));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("::error::cannot create a comment: GitHub answered 403");
    expect(run.stdout).toContain("the token lacks pull-requests: write");
    expect(run.stdout).toContain(
      "permissions:%0A  contents: read%0A  pull-requests: write%0A  issues: write",
    );
    expect(run.summary).toContain("`report/revenue`");
  });

  it("a bad input names the input and what it accepts", async () => {
    const run = await runAction(payload("opened"), { "fail-on": "severe" });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '::error::blastradius: input fail-on must be one of none, low, medium, high; got "severe"',
    );
    expect(fake.log).toHaveLength(0);
  });

  it("the committed bundle exists (npm run bundle builds it)", () => {
    expect(existsSync(DIST)).toBe(true);
  });
});
