// `blastradius pr`, the built CLI as a subprocess, against the local GitHub API.

import { execFile } from "node:child_process";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeGitHub, startFakeGitHub } from "./github-api/fake-github.js";
import { BASE_SHA, counts, REPO, ROOT, seedPull } from "./github-api/scenario.js";

const BIN = join(ROOT, "bin/blastradius.cjs");

describe("blastradius pr", () => {
  let fake: FakeGitHub;
  beforeEach(async () => {
    fake = await startFakeGitHub();
    seedPull(fake);
  });
  afterEach(async () => {
    await fake.close();
    expect(fake.problems).toEqual([]);
  });

  function run(args: string[], env: Record<string, string> = { GITHUB_TOKEN: "test-token" }) {
    return new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      execFile(
        process.execPath,
        [BIN, "pr", ...args],
        {
          cwd: ROOT,
          env: { PATH: process.env.PATH ?? "", GITHUB_API_URL: fake.url, NO_COLOR: "1", ...env },
        },
        (error, stdout, stderr) =>
          done({ code: error ? Number((error as { code?: number }).code) : 0, stdout, stderr }),
      );
    });
  }

  it("prints the comment and writes nothing without --post", async () => {
    const result = await run([`${REPO}#7`]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("<!-- blastradius:comment");
    expect(result.stdout).toContain("`report/revenue`");
    expect(counts(fake).writes).toBe(0);
  });

  it("--post posts the comment and the label", async () => {
    const result = await run([`${REPO}#7`, "--post", "--format", "json"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).impacted).toHaveLength(11);
    // The Action's words (app/review-outcome.ts): what was written, then the labels.
    expect(result.stderr).toContain("blastradius: comment posted: ");
    expect(result.stderr).toContain("blastradius: labels: added blast-radius:high; removed none");
    expect(fake.commentsOn(REPO, 7)).toHaveLength(1);
    expect(fake.pulls.get(`${REPO}#7`)?.labels).toEqual(["blast-radius:high"]);
  });

  it("--post with a person's token needs --comment-author, then finds its comment again", async () => {
    const pat = "ghp_personalTokenForTests";
    fake.tokens.set(pat, { login: "dana", type: "User" });
    const refused = await run([`${REPO}#7`, "--post"], { GITHUB_TOKEN: pat });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("--comment-author must name its login");
    expect(refused.stderr).not.toContain(pat);
    const first = await run([`${REPO}#7`, "--post", "--comment-author", "dana", "--no-labels"], {
      GITHUB_TOKEN: pat,
    });
    expect(first.stderr).toContain("comment posted");
    fake.addComment(REPO, 7, "dana also says hi", { login: "dana", type: "User" });
    const second = await run([`${REPO}#7`, "--post", "--comment-author", "dana", "--no-labels"], {
      GITHUB_TOKEN: pat,
    });
    expect(second.stderr).toContain("comment unchanged");
    expect(fake.commentsOn(REPO, 7)).toHaveLength(2);
  });

  it("--fail-on high exits 1 and names the causes", async () => {
    const result = await run([`${REPO}#7`, "--fail-on", "high", "--format", "text"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("because of service/rls-access");
  });

  it("no token, a malformed target, or a missing pull request: exit 2 with what to do", async () => {
    const noToken = await run([`${REPO}#7`], {});
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain("no GitHub token: set GITHUB_TOKEN");
    const malformed = await run(["acme/infra/7"]);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain("write it as owner/repo#number");
    const missing = await run([`${REPO}#99`]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("cannot read the pull request: GitHub answered 404");
    expect(missing.stderr).not.toContain("    at ");
  });

  it("a graph that does not load at the base: the Action's words, every error located, exit 2", async () => {
    fake.setFile(
      REPO,
      BASE_SHA,
      "deps.yaml",
      "version: 1\nnodes:\n  a:\n    kind: service\n    depends_on: [missing]\n",
    );
    const result = await run([`${REPO}#7`, "--post"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("deps.yaml:5:");
    expect(result.stderr).toContain(
      "blastradius: the dependency graph at the pull request's base does not load",
    );
    expect(counts(fake).writes).toBe(0);
  });
});
