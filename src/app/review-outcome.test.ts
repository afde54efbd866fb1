// The review's one description: every outcome a review can have, in the words both the Action
// and `blastradius pr` say, with the verdict that decides the step's result and the exit code.

import { describe, expect, it } from "vitest";
import { GitHubApiError } from "../adapters/github/github-error.js";
import { analyze } from "../core/analyze.js";
import { InvalidDepsError } from "../core/errors.js";
import { evaluateGate, type GateOptions } from "../core/gate.js";
import type { Impact, Risk } from "../core/model.js";
import { chainYaml, modelOf } from "../core/testing/helpers.js";
import {
  describeGraphFailure,
  describeReview,
  type ReviewedPullRequest,
  type ReviewSetting,
} from "./review-outcome.js";

const model = modelOf(
  chainYaml(
    {
      role: { paths: ["iam/**"], owner: "platform" },
      a: { tier: 2, owner: "data" },
      b: { tier: 0 },
      c: { tier: 3, owner: "data" },
    },
    [
      ["role", "a"],
      ["role", "b"],
      ["role", "c", "reads", ["deleted"]],
    ],
  ),
);
const risky = analyze(model, [{ path: "iam/x.tf", status: "modified" }]);
const clean = analyze(model, [{ path: "README.md", status: "modified" }]);
const unjudged = (n: number): Impact => ({
  ...clean,
  unjudged: Array.from({ length: n }, (_, i) => ({ file: `big/${i}.yaml`, reason: "too large" })),
});

const ACTION: ReviewSetting = {
  requests: 7,
  readOnlyExpected: false,
  analysisAt: "in the job summary",
  grant: "Add to the workflow or job:\npermissions:\n  pull-requests: write",
};

function reviewed(
  impact: Impact,
  failOn: Risk,
  extra: Partial<ReviewedPullRequest> & { gating?: Partial<GateOptions> } = {},
): ReviewedPullRequest {
  const { gating, ...rest } = extra;
  return {
    analysis: { impact, graphSource: "acme/infra@abc123" },
    gate: evaluateGate(impact, { failOn, labels: [], acknowledgeLabel: "ack", ...gating }),
    labelsAdded: [],
    labelsRemoved: [],
    reviewersRequested: [],
    problems: [],
    notes: [],
    acknowledgementRemoved: false,
    failOn,
    ...rest,
  };
}

const texts = (outcome: ReturnType<typeof describeReview>) => outcome.messages.map((m) => m.text);

describe("a review's outcome, said once", () => {
  it("a clean review: outputs at zero, one line that says so, and a pass", () => {
    const outcome = describeReview(reviewed(clean, "low"), ACTION);
    expect(clean.risk).toBe("none");
    expect(outcome).toEqual({
      outputs: {
        risk: "none",
        "impacted-count": "0",
        "unjudged-count": "0",
        owners: "",
        "comment-url": "",
      },
      messages: [
        {
          level: "info",
          text: "blastradius: none risk; 0 changed node(s), 0 impacted, graph from acme/infra@abc123; 7 GitHub API request(s)",
        },
      ],
      verdict: "pass",
    });
  });

  it("impact under the gate: the outputs name it, and the run passes", () => {
    const outcome = describeReview(
      reviewed(risky, "none", {
        comment: { action: "created", url: "https://x/1#c", foreign: 0, removedDuplicates: 0 },
        labelsAdded: ["blast-radius:high"],
        labelsRemoved: ["blast-radius:low"],
        reviewersRequested: ["@dana", "team data"],
        notes: [{ level: "warning", text: "a note" }],
      }),
      ACTION,
    );
    expect(risky.risk).toBe("high");
    expect(outcome.verdict).toBe("pass");
    expect(outcome.outputs).toEqual({
      risk: "high",
      "impacted-count": "3",
      "unjudged-count": "0",
      // b is owned by nobody: no key for it.
      owners: risky.owners.flatMap((o) => (o.id ? [o.id] : [])).join(","),
      "comment-url": "https://x/1#c",
    });
    expect(outcome.outputs.owners.split(",").sort()).toEqual(["data"]);
    expect(outcome.messages.slice(1)).toEqual([
      { level: "warning", text: "a note" },
      { level: "info", text: "comment posted: https://x/1#c" },
      { level: "info", text: "labels: added blast-radius:high; removed blast-radius:low" },
      { level: "info", text: "review requested from @dana, team data" },
    ]);
  });

  it.each([
    ["created", "comment posted"],
    ["updated", "comment updated"],
    ["recreated", "comment posted again at the end of the conversation"],
    ["unchanged", "comment unchanged: nothing to update"],
    ["skipped-no-impact", "no comment: nothing is impacted (comment-when: impact)"],
  ] as const)("the comment %s is said as %j", (action, said) => {
    const outcome = describeReview(
      reviewed(clean, "none", { comment: { action, foreign: 0, removedDuplicates: 0 } }),
      ACTION,
    );
    expect(texts(outcome)).toContain(said);
  });

  it("impact over the gate: an error naming the causes and the label, and the gate's verdict", () => {
    const outcome = describeReview(reviewed(risky, "high"), ACTION);
    expect(outcome.verdict).toBe("gate");
    expect(outcome.messages.at(-1)).toEqual({
      level: "error",
      text: 'blastradius: risk is high, at or above fail-on high, because of b, a, c. To merge anyway, add the label "ack" to the pull request and re-run this check.',
    });
  });

  it("over the gate but acknowledged: a notice, and a pass", () => {
    const outcome = describeReview(
      reviewed(risky, "high", { gating: { labels: ["ack"] } }),
      ACTION,
    );
    expect(outcome.verdict).toBe("pass");
    expect(outcome.messages.at(-1)?.level).toBe("notice");
    expect(outcome.messages.at(-1)?.text).toContain("that acknowledgement covers this analysis");
  });

  it("an acknowledgement that no longer covers the analysis fails the gate, and says it was removed", () => {
    const outcome = describeReview(
      reviewed(risky, "high", {
        gating: { labels: ["ack"], acknowledged: "unseen" },
        acknowledgementRemoved: true,
      }),
      ACTION,
    );
    expect(outcome.verdict).toBe("gate");
    expect(outcome.messages.at(-1)?.level).toBe("error");
    expect(outcome.messages.at(-1)?.text).toContain(
      'The label "ack" does not cover this analysis: the label was added before any analysis was shown. It was removed',
    );
  });

  it("an incomplete analysis fails closed: a warning naming five things, and the gate fails at no risk", () => {
    const outcome = describeReview(reviewed(unjudged(6), "low"), ACTION);
    expect(outcome.verdict).toBe("gate");
    expect(outcome.outputs["unjudged-count"]).toBe("6");
    expect(outcome.messages.slice(1)).toEqual([
      {
        level: "warning",
        text: "blastradius: the analysis is incomplete: 6 things could not be judged (big/0.yaml: too large; big/1.yaml: too large; big/2.yaml: too large; big/3.yaml: too large; big/4.yaml: too large; …). The analysis in the job summary lists them all.",
      },
      {
        level: "error",
        text: 'blastradius: the analysis is incomplete (on-incomplete: fail). To merge anyway, add the label "ack" to the pull request and re-run this check.',
      },
    ]);
  });

  it("an incomplete analysis with on-incomplete warn, or without a gate: the warning, and a pass", () => {
    const warned = describeReview(
      reviewed(unjudged(1), "low", { gating: { onIncomplete: "warn" } }),
      ACTION,
    );
    const ungated = describeReview(reviewed(unjudged(1), "none"), ACTION);
    for (const outcome of [warned, ungated]) {
      expect(outcome.verdict).toBe("pass");
      expect(outcome.messages.slice(1)).toEqual([
        {
          level: "warning",
          text: "blastradius: the analysis is incomplete: 1 thing could not be judged (big/0.yaml: too large). The analysis in the job summary lists them all.",
        },
      ]);
    }
  });

  describe("writes that failed", () => {
    const denied = new GitHubApiError(
      "create a comment",
      403,
      "Resource not accessible by integration",
      "pull-requests: write",
    );
    const down = new GitHubApiError("add labels", 502, "Bad Gateway", undefined, "try later");

    it("a refused permission is an error that names it and how to grant it, where the analysis is", () => {
      const outcome = describeReview(
        reviewed(risky, "none", { problems: [{ step: "comment", error: denied }] }),
        ACTION,
      );
      expect(outcome.verdict).toBe("write-failed");
      expect(outcome.messages.at(-1)).toEqual({
        level: "error",
        text: 'cannot create a comment: GitHub answered 403 "Resource not accessible by integration": the token lacks pull-requests: write. Add to the workflow or job:\npermissions:\n  pull-requests: write\nThe analysis is in the job summary.',
      });
      const cli = describeReview(
        reviewed(risky, "none", { problems: [{ step: "comment", error: denied }] }),
        { requests: 3, readOnlyExpected: false, analysisAt: "on standard output" },
      );
      expect(cli.messages.at(-1)?.text).toBe(
        'cannot create a comment: GitHub answered 403 "Resource not accessible by integration": the token lacks pull-requests: write. The analysis is on standard output.',
      );
    });

    it("a refusal GitHub meant (a fork's read-only token) is a notice, and fails nothing", () => {
      const outcome = describeReview(
        reviewed(risky, "none", { problems: [{ step: "comment", error: denied }] }),
        { ...ACTION, readOnlyExpected: true },
      );
      expect(outcome.verdict).toBe("pass");
      expect(outcome.messages.at(-1)?.level).toBe("notice");
      expect(outcome.messages.at(-1)?.text).toContain("run on pull_request_target");
    });

    it("review requests that failed are a warning: the rest of the review went on", () => {
      const outcome = describeReview(
        reviewed(risky, "none", { problems: [{ step: "reviewers", error: down }] }),
        ACTION,
      );
      expect(outcome.verdict).toBe("pass");
      expect(outcome.messages.at(-1)?.level).toBe("warning");
      expect(outcome.messages.at(-1)?.text).toContain("the rest of the review went on");
    });

    it("any other failed write is an error with GitHub's hint; the gate's verdict outranks it", () => {
      const failed = reviewed(risky, "none", { problems: [{ step: "labels", error: down }] });
      const outcome = describeReview(failed, ACTION);
      expect(outcome.verdict).toBe("write-failed");
      expect(outcome.messages.at(-1)).toEqual({
        level: "error",
        text: 'cannot add labels: GitHub answered 502 "Bad Gateway" (try later). The analysis is in the job summary.',
      });
      const gated = describeReview(reviewed(risky, "high", { problems: failed.problems }), ACTION);
      expect(gated.verdict).toBe("gate");
    });
  });
});

describe("a review whose graph does not load, said once", () => {
  const missing = {
    severity: "error",
    code: "file-not-found",
    file: "deps.yaml",
    message: "no such file at abc123",
  } as const;
  const unknown = {
    severity: "error",
    code: "unknown-node",
    file: "deps.yaml",
    line: 5,
    column: 20,
    path: "nodes.a.depends_on[0]",
    message: 'unknown node "missing"',
  } as const;

  it("missing at the base: says where to add it, or which option points elsewhere", () => {
    const failure = describeGraphFailure(new InvalidDepsError([missing], []), "--deps");
    expect(failure).toEqual({
      diagnostics: ["deps.yaml: error: no such file at abc123"],
      message:
        "blastradius: deps.yaml does not exist at the pull request's base (no such file at abc123). Add a deps.yaml to the default branch (the README shows one), or point --deps at yours. Nothing was posted.",
    });
  });

  it("broken in the pull request that adds it: names the first error, and no summary", () => {
    const failure = describeGraphFailure(new InvalidDepsError([unknown], [], true), "--deps");
    expect(failure.summary).toBeUndefined();
    expect(failure.message).toBe(
      'blastradius: the pull request adds deps.yaml, and it does not load (1 error in the dependency graph; first: deps.yaml:5:20 nodes.a.depends_on[0]: error: unknown node "missing"). Nothing was posted. `blastradius validate` shows every error.',
    );
  });

  it("broken at the base: every error located, and listed for a summary page without breaking its code spans", () => {
    const quoted = { ...unknown, message: "unknown node `x`" };
    const failure = describeGraphFailure(
      new InvalidDepsError([unknown, quoted], []),
      "the deps input",
    );
    expect(failure.diagnostics).toEqual([
      'deps.yaml:5:20 nodes.a.depends_on[0]: error: unknown node "missing"',
      "deps.yaml:5:20 nodes.a.depends_on[0]: error: unknown node `x`",
    ]);
    expect(failure.message).toMatch(
      /^blastradius: the dependency graph at the pull request's base does not load \(2 errors in the dependency graph; first: deps.yaml:5:20 .*\)\. Nothing was posted\. Fix deps.yaml on the base branch/,
    );
    expect(failure.summary).toBe(
      `### blastradius: the dependency graph does not load\n\n- \`deps.yaml:5:20 nodes.a.depends_on[0]: error: unknown node "missing"\`\n- \`deps.yaml:5:20 nodes.a.depends_on[0]: error: unknown node 'x'\`\n`,
    );
  });
});
