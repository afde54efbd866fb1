import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readInputs } from "./inputs.js";
import { createRunner } from "./runner.js";

describe("the runner protocol", () => {
  it("reads INPUT_* as the runner names them, trimmed", () => {
    const runner = createRunner({ "INPUT_FAIL-ON": " high ", INPUT_MY_INPUT: "x" }, () => {});
    expect(runner.input("fail-on")).toBe("high");
    expect(runner.input("my input")).toBe("x");
    expect(runner.input("absent")).toBe("");
  });

  it("writes multi-line outputs and the summary to the runner's files, annotations escaped", () => {
    const dir = mkdtempSync(join(tmpdir(), "runner-"));
    const output = join(dir, "output");
    const summary = join(dir, "summary");
    writeFileSync(output, "");
    const lines: string[] = [];
    const runner = createRunner({ GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary }, (t) =>
      lines.push(t),
    );
    runner.setOutput("owners", "a,b\nc");
    runner.appendSummary("### hi");
    runner.error("100% broken\nsecond line\r");
    expect(readFileSync(output, "utf8")).toMatch(/^owners<<(ghadelimiter_[\w-]+)\na,b\nc\n\1\n$/);
    expect(readFileSync(summary, "utf8")).toBe("### hi\n");
    expect(lines).toEqual(["::error::100%25 broken%0Asecond line%0D\n"]);
  });
});

describe("the Action's inputs", () => {
  const inputs = (values: Record<string, string>) =>
    readInputs(
      createRunner(
        Object.fromEntries(Object.entries(values).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
        () => {},
      ),
    );

  it("defaults as action.yml documents them", () => {
    expect(inputs({ token: "t" })).toEqual({
      token: "t",
      deps: { path: "deps.yaml", key: "deps.yaml" },
      failOn: "none",
      comment: "update",
      postWhenEmpty: true,
      mentionOwners: true,
      labels: true,
      requestReviewers: false,
      acknowledgeLabel: "blast-radius:acknowledged",
    });
  });

  it("reads every input", () => {
    expect(
      inputs({
        token: "t",
        deps: "acme/graph:deps.yaml@main",
        plan: "plan.json",
        "fail-on": "medium",
        comment: "recreate",
        "comment-when": "impact",
        "mention-owners": "false",
        labels: "False",
        "request-reviewers": "TRUE",
        "acknowledge-label": "ok-to-break",
        "comment-author": "release-bot",
        "max-depth": "3",
      }),
    ).toEqual({
      token: "t",
      deps: {
        repo: "acme/graph",
        path: "deps.yaml",
        ref: "main",
        key: "acme/graph:deps.yaml@main",
      },
      plan: "plan.json",
      failOn: "medium",
      comment: "recreate",
      postWhenEmpty: false,
      mentionOwners: false,
      labels: false,
      requestReviewers: true,
      acknowledgeLabel: "ok-to-break",
      commentAuthor: "release-bot",
      maxDepth: 3,
    });
  });

  it.each([
    [{}, "input token is empty"],
    [
      { token: "t", "fail-on": "severe" },
      'input fail-on must be one of none, low, medium, high; got "severe"',
    ],
    [{ token: "t", comment: "sometimes" }, "input comment must be one of update, recreate, off"],
    [{ token: "t", labels: "yes" }, 'input labels must be true or false; got "yes"'],
    [{ token: "t", "max-depth": "-1" }, 'input max-depth takes a whole number; got "-1"'],
  ])("rejects %j", (values, message) => {
    expect(() => inputs(values)).toThrow(message);
  });
});
