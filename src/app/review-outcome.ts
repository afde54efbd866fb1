// What a review came to, said once for every surface: the Action's outputs, the lines the
// Action logs and `blastradius pr` prints, and whether the run fails and why. The Action and the
// command line only choose where each line goes and which exit code a verdict is.

import { formatDiagnostic } from "../core/config/locate-diagnostics.js";
import type { InvalidDepsError } from "../core/errors.js";
import { describeGate } from "../core/gate.js";
import type { PullRequestAnalysis } from "./analyze-pull-request.js";
import type { ReviewResult } from "./review-pull-request.js";

/** How loud a line is: the Action's log levels (a notice, a warning, an error are annotations). */
export type MessageLevel = "info" | "notice" | "warning" | "error";

export interface ReviewMessage {
  readonly level: MessageLevel;
  readonly text: string;
}

/**
 * Whether the run fails, and why: `gate` when the merge gate fails (or an acknowledgement no
 * longer covers the analysis), else `write-failed` when a write that was asked for could not be
 * made (and was not expected to fail), else `pass`.
 */
export type ReviewVerdict = "pass" | "gate" | "write-failed";

/** The Action's outputs of a review (action.yml), but report-path: that names a file the Action writes. */
export interface ReviewOutputs {
  readonly risk: string;
  readonly "impacted-count": string;
  readonly "unjudged-count": string;
  readonly owners: string;
  readonly "comment-url": string;
}

export interface ReviewOutcome {
  readonly outputs: ReviewOutputs;
  /** In the order they are said. */
  readonly messages: readonly ReviewMessage[];
  readonly verdict: ReviewVerdict;
}

/** Where the review ran, which changes what its words advise. */
export interface ReviewSetting {
  /** GitHub API requests the run made. */
  readonly requests: number;
  /**
   * GitHub gave this run a read-only token on purpose (a fork's or Dependabot's `pull_request`
   * run): a refused write is then expected, said as a notice, and fails nothing.
   */
  readonly readOnlyExpected: boolean;
  /** Where the analysis can be read when a write fails, e.g. "in the job summary". */
  readonly analysisAt: string;
  /** How to give the token a permission it lacks, e.g. a workflow's `permissions:` block. */
  readonly grant?: string;
}

/** The part of a review result its description reads. */
export type ReviewedPullRequest = Pick<
  ReviewResult,
  | "gate"
  | "comment"
  | "labelsAdded"
  | "labelsRemoved"
  | "reviewersRequested"
  | "problems"
  | "notes"
  | "acknowledgementRemoved"
  | "failOn"
> & { readonly analysis: Pick<PullRequestAnalysis, "impact" | "graphSource"> };

const COMMENT_SAID: Record<NonNullable<ReviewResult["comment"]>["action"], string> = {
  created: "comment posted",
  updated: "comment updated",
  recreated: "comment posted again at the end of the conversation",
  unchanged: "comment unchanged: nothing to update",
  "skipped-no-impact": "no comment: nothing is impacted (comment-when: impact)",
};

/** At most this many unjudged things are named in the log; the analysis names them all. */
const UNJUDGED_NAMED = 5;

export function describeReview(result: ReviewedPullRequest, setting: ReviewSetting): ReviewOutcome {
  const { impact } = result.analysis;
  const messages: ReviewMessage[] = [];
  const say = (level: MessageLevel, text: string) => messages.push({ level, text });
  let writeFailed = false;

  say(
    "info",
    `blastradius: ${impact.risk} risk; ${impact.changed.length} changed node(s), ${impact.impacted.length} impacted, graph from ${result.analysis.graphSource}; ${setting.requests} GitHub API request(s)`,
  );
  for (const note of result.notes) say(note.level, note.text);
  const comment = result.comment;
  if (comment)
    say("info", `${COMMENT_SAID[comment.action]}${comment.url ? `: ${comment.url}` : ""}`);
  if (result.labelsAdded.length + result.labelsRemoved.length > 0)
    say(
      "info",
      `labels: added ${result.labelsAdded.join(", ") || "none"}; removed ${result.labelsRemoved.join(", ") || "none"}`,
    );
  if (result.reviewersRequested.length > 0)
    say("info", `review requested from ${result.reviewersRequested.join(", ")}`);

  const analysisAt = `The analysis is ${setting.analysisAt}.`;
  for (const { step, error } of result.problems) {
    if (step === "reviewers") {
      // Asking for review is a courtesy on top of the review: its failure fails nothing.
      say(
        "warning",
        `${error.message}. Teams can be requested only with a token that can read the organisation's teams (the default GITHUB_TOKEN cannot); the rest of the review went on.`,
      );
    } else if (error.isPermission && setting.readOnlyExpected) {
      say(
        "notice",
        `${error.message}: on pull_request, GitHub gives runs for forks and Dependabot a read-only token. ${analysisAt} To comment on pull requests from forks, run on pull_request_target: blastradius never checks out or runs the pull request's code.`,
      );
    } else if (error.isPermission) {
      writeFailed = true;
      say(
        "error",
        `${error.message}: the token lacks ${error.permission}.${setting.grant ? ` ${setting.grant}\n` : " "}${analysisAt}`,
      );
    } else {
      writeFailed = true;
      say("error", `${error.message}${error.hint ? ` (${error.hint})` : ""}. ${analysisAt}`);
    }
  }

  const unjudged = impact.unjudged.length;
  if (unjudged > 0)
    say(
      "warning",
      `blastradius: the analysis is incomplete: ${unjudged} ${unjudged === 1 ? "thing" : "things"} could not be judged (${impact.unjudged
        .slice(0, UNJUDGED_NAMED)
        .map((u) => (u.file ? `${u.file}: ${u.reason}` : u.reason))
        .join(
          "; ",
        )}${unjudged > UNJUDGED_NAMED ? "; …" : ""}). The analysis ${setting.analysisAt} lists them all.`,
    );
  const { gate } = result;
  const said = describeGate(gate, impact.risk, result.failOn, result.acknowledgementRemoved);
  if (said) say(gate.verdict === "acknowledged" ? "notice" : "error", `blastradius: ${said}`);
  const gateFailed = gate.verdict === "fail" || gate.verdict === "stale";

  return {
    outputs: {
      risk: impact.risk,
      "impacted-count": String(impact.impacted.length),
      "unjudged-count": String(unjudged),
      owners: impact.owners.flatMap((o) => (o.id ? [o.id] : [])).join(","),
      "comment-url": comment?.url ?? "",
    },
    messages,
    verdict: gateFailed ? "gate" : writeFailed ? "write-failed" : "pass",
  };
}

/** A review that could not start because its graph does not load, as every surface says it. */
export interface GraphFailure {
  /** Every error, located (`deps.yaml:5:7 …`), for the log. */
  readonly diagnostics: readonly string[];
  /** What happened and what to do, in one line. */
  readonly message: string;
  /** For a summary page: the errors as a list, when the base's graph is broken. */
  readonly summary?: string;
}

/**
 * Why the graph of a review does not load: missing at the base, broken in the pull request
 * that adds it, or broken at the base. `depsOption` names where the user points at the graph
 * ("the deps input", "--deps").
 */
export function describeGraphFailure(error: InvalidDepsError, depsOption: string): GraphFailure {
  const diagnostics = error.errors.map(formatDiagnostic);
  const first = error.errors[0];
  const firstSaid = diagnostics[0] ? `; first: ${diagnostics[0]}` : "";
  if (first?.code === "file-not-found" && error.errors.length === 1)
    return {
      diagnostics,
      message: `blastradius: ${first.file} does not exist at the pull request's base (${first.message}). Add a deps.yaml to the default branch (the README shows one), or point ${depsOption} at yours. Nothing was posted.`,
    };
  if (error.fromPullRequest)
    return {
      diagnostics,
      message: `blastradius: the pull request adds ${first?.file ?? "the dependency graph"}, and it does not load (${error.message}${firstSaid}). Nothing was posted. \`blastradius validate\` shows every error.`,
    };
  return {
    diagnostics,
    message: `blastradius: the dependency graph at the pull request's base does not load (${error.message}${firstSaid}). Nothing was posted. Fix deps.yaml on the base branch; \`blastradius validate\` shows every error.`,
    summary: `### blastradius: the dependency graph does not load\n\n${diagnostics.map((d) => `- \`${d.replace(/`/g, "'")}\``).join("\n")}\n`,
  };
}
