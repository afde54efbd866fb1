// The whole pull-request pipeline, whoever runs it: analyse, render the comment, and (when
// posting) keep the sticky comment, the risk label and review requests current. Write
// failures are collected, not thrown: the analysis and the summary must survive a read-only
// token.

import { GitHubApiError } from "../adapters/github/github-error.js";
import {
  type Acknowledgement,
  acknowledgementOf,
  evaluateGate,
  type GateResult,
  type OnIncomplete,
} from "../core/gate.js";
import { type Impact, RISKS, type Risk } from "../core/model.js";
import { githubHandle } from "../core/owners.js";
import { text } from "../core/render/markdown-escape.js";
import {
  type CommentMeta,
  metaOf,
  readCommentMeta,
  renderComment,
} from "../core/render/render-comment.js";
import { renderBrokenGraph, renderGraphDiff } from "../core/render/render-graph-diff.js";
import { plural } from "../core/render/summary.js";
import {
  analyzePullRequest,
  type PullRequestAnalysis,
  type PullRequestQuery,
} from "./analyze-pull-request.js";
import type { GitHubPort, IssueComment, PullRequestInfo } from "./github-port.js";
import {
  type CommentMode,
  findStickyComment,
  type StickyCommentResult,
  upsertStickyComment,
} from "./sticky-comment.js";

export const LABEL_PREFIX = "blast-radius:";

/** The labels this tool creates, and the only ones it removes (besides a stale acknowledgement). */
export const RISK_LABELS: readonly string[] = [...RISKS, "unknown"].map(
  (r) => `${LABEL_PREFIX}${r}`,
);

/** Largest section about the graph's own change in a comment; the rest is cut, and says so. */
export const MAX_GRAPH_SECTION = 20_000;

export interface ReviewOptions extends PullRequestQuery {
  /** False: analyse and render only (the CLI without --post). */
  readonly post: boolean;
  readonly comment: CommentMode;
  readonly postWhenEmpty: boolean;
  readonly mentionOwners: boolean;
  readonly labels: boolean;
  readonly requestReviewers: boolean;
  readonly failOn: Risk;
  readonly acknowledgeLabel: string;
  readonly commentAuthor?: string;
  /** What an analysis that could not judge everything does to the gate (default: fail). */
  readonly onIncomplete?: OnIncomplete;
  /** This run, as a link (the workflow run's URL): written into the comment for later runs. */
  readonly run?: string;
}

export interface WriteProblem {
  /** What was being done: "comment", "labels", "reviewers". */
  readonly step: string;
  readonly error: GitHubApiError;
}

export interface Note {
  readonly level: "info" | "warning";
  readonly text: string;
}

export interface ReviewResult {
  readonly analysis: PullRequestAnalysis;
  readonly body: string;
  readonly gate: GateResult;
  readonly comment?: StickyCommentResult;
  readonly labelsAdded: readonly string[];
  readonly labelsRemoved: readonly string[];
  readonly reviewersRequested: readonly string[];
  readonly problems: readonly WriteProblem[];
  /** Things to tell the user in the log. */
  readonly notes: readonly Note[];
  /** Set when a newer run holds: this one wrote nothing, and this says which run holds. */
  readonly superseded?: string;
  /** The acknowledgement label was taken off: it did not cover this analysis. */
  readonly acknowledgementRemoved: boolean;
  readonly failOn: Risk;
}

export async function reviewPullRequest(
  port: GitHubPort,
  options: ReviewOptions,
): Promise<ReviewResult> {
  const analysis = await analyzePullRequest(port, options);
  const { pull, impact, files } = analysis;
  const notes: Note[] = analysis.notes.map((text) => ({ level: "warning", text }));
  const problems: WriteProblem[] = [];
  const attempt = async (step: string, write: () => Promise<void>) => {
    try {
      await write();
    } catch (error) {
      if (!(error instanceof GitHubApiError)) throw error;
      problems.push({ step, error });
    }
  };

  const commenting = options.post && options.comment !== "off";
  const found = commenting
    ? await findStickyComment(
        port,
        options.repo,
        options.number,
        options.deps.key,
        options.commentAuthor,
      )
    : { own: [] as IssueComment[], foreign: 0 };
  const previous = found.own[0] ? readCommentMeta(found.own[0].body) : undefined;
  const superseded = options.post ? await supersededBy(port, options, pull, previous) : undefined;

  // The acknowledgement covers what was on screen when the label was first seen: the
  // previous comment's analysis (or this one, on the first run), recorded in the comment.
  const labelled = pull.labels.includes(options.acknowledgeLabel);
  const binding: Acknowledgement | "unseen" | undefined = !labelled
    ? undefined
    : previous
      ? (previous.acknowledged ?? acknowledgementFromMeta(previous))
      : commenting
        ? "unseen"
        : undefined;
  const gate = evaluateGate(impact, {
    failOn: options.failOn,
    labels: pull.labels,
    acknowledgeLabel: options.acknowledgeLabel,
    onIncomplete: options.onIncomplete ?? "fail",
    ...(binding ? { acknowledged: binding } : {}),
  });
  let acknowledgementRemoved = false;
  if (gate.verdict === "stale" && options.post && options.labels && !superseded) {
    await attempt("labels", async () => {
      await port.removeLabel(options.repo, options.number, options.acknowledgeLabel);
      acknowledgementRemoved = true;
    });
  }
  // A stale acknowledgement stays recorded while its label stays: re-adding the label (after
  // it is gone) is what acknowledges the new analysis.
  const recorded =
    !labelled || acknowledgementRemoved || binding === "unseen"
      ? undefined
      : (binding ?? acknowledgementOf(impact, pull.headSha));

  const notices = coverageNotices(files, notes);
  if (analysis.preview)
    notices.push(
      `> [!NOTE]\n> Preview: the graph comes from this pull request, which adds it, so nobody is mentioned or asked to review. Once it is merged, pull requests are checked against the base branch's graph.`,
    );
  if (gate.verdict === "stale") {
    const given =
      typeof binding === "object"
        ? `was given for the analysis of ${binding.headSha.slice(0, 7)} at ${binding.risk} risk. This analysis goes beyond it: ${(gate.beyond ?? []).join("; ")}.`
        : "was there before any analysis was shown, so it acknowledges nothing yet.";
    notices.push(
      `> [!WARNING]\n> The acknowledgement (label \`${options.acknowledgeLabel}\`) ${given} It needs a new acknowledgement: ${acknowledgementRemoved ? "the label was removed; add it again once this is reviewed." : "remove the label and add it again once this is reviewed."}`,
    );
  }
  const sections: string[] = [];
  const change = analysis.graphChange;
  if (change?.kind === "diff")
    sections.push(capSection(renderGraphDiff(change.file, change.diff), change.file));
  if (change?.kind === "broken")
    sections.push(capSection(renderBrokenGraph(change.file, change.errors), change.file));

  const meta = metaOf(
    impact,
    {
      deps: options.deps.key,
      repo: options.repo,
      pullRequest: options.number,
      headSha: pull.headSha,
      baseSha: pull.baseSha,
      validAt: pull.updatedAt,
      files: { seen: files.seen, total: files.total },
      ...(recorded ? { acknowledged: recorded } : {}),
      ...(options.run ? { run: options.run } : {}),
    },
    previous,
  );
  if (meta.peakRisk !== "none" && impact.impacted.length === 0) {
    notices.push(
      `> [!NOTE]\n> Earlier commits of this pull request had downstream impact (up to ${meta.peakRisk} risk); as of ${pull.headSha.slice(0, 7)} there is no longer any downstream impact.`,
    );
  }
  const mentionOwners = options.mentionOwners && !analysis.preview;
  const body = renderComment(impact, { meta, mentionOwners, notices, sections });

  const result = {
    analysis,
    body,
    gate,
    problems,
    notes,
    acknowledgementRemoved,
    failOn: options.failOn,
  };
  if (superseded) {
    notes.push({ level: "info", text: superseded });
    return {
      ...result,
      superseded,
      labelsAdded: [],
      labelsRemoved: [],
      reviewersRequested: [],
    };
  }

  let comment: StickyCommentResult | undefined;
  if (commenting) {
    const mode = options.comment;
    await attempt("comment", async () => {
      comment = await upsertStickyComment(
        port,
        {
          repo: options.repo,
          issue: options.number,
          deps: options.deps.key,
          body,
          mode,
          postWhenEmpty: options.postWhenEmpty,
          hasImpact: impact.impacted.length > 0,
          author: options.commentAuthor,
        },
        found,
      );
    });
    if (found.foreign > 0)
      notes.push({
        level: "info",
        text: `left alone ${plural(found.foreign, "comment")} by others that quote the blastradius marker`,
      });
  }

  const labels = { added: [] as string[], removed: [] as string[] };
  if (options.post && options.labels) {
    // An incomplete analysis is never labelled as lower risk than it may be.
    const shown = impact.unjudged.length > 0 && impact.risk !== "high" ? "unknown" : impact.risk;
    await attempt("labels", () => syncRiskLabel(port, options, pull, shown, labels));
  }
  if (acknowledgementRemoved) labels.removed.push(options.acknowledgeLabel);
  const reviewersRequested: string[] = [];
  const reviewers = reviewersFor(impact, pull.author);
  if (
    options.post &&
    options.requestReviewers &&
    !analysis.preview &&
    reviewers.users.length + reviewers.teams.length > 0
  ) {
    await attempt("reviewers", async () => {
      await port.requestReviewers(options.repo, options.number, reviewers);
      reviewersRequested.push(
        ...reviewers.users.map((u) => `@${u}`),
        ...reviewers.teams.map((t) => `team ${t}`),
      );
    });
  }
  return {
    ...result,
    comment,
    labelsAdded: labels.added,
    labelsRemoved: labels.removed,
    reviewersRequested,
  };
}

/** The acknowledgement a comment's analysis would have been: what the person saw. */
function acknowledgementFromMeta(meta: CommentMeta): Acknowledgement {
  return {
    headSha: meta.headSha,
    risk: meta.risk,
    breaking: (meta.impacted ?? []).filter((n) => n.severity === "breaking").map((n) => n.id),
    unjudged: meta.unjudged ?? 0,
  };
}

/**
 * Whether a newer run holds: one already wrote the comment from a later reading of the pull
 * request, or the pull request moved on (a push) while this run worked. Then this run writes
 * nothing, so an older analysis never stands next to a newer one.
 */
async function supersededBy(
  port: GitHubPort,
  options: ReviewOptions,
  pull: PullRequestInfo,
  previous: CommentMeta | undefined,
): Promise<string | undefined> {
  const mine = `this run (for ${pull.headSha.slice(0, 7)}, read at ${pull.updatedAt})`;
  let now: PullRequestInfo | undefined;
  if (previous && previous.validAt > pull.updatedAt) {
    now = await port.getPullRequest(options.repo, options.number);
    // A newer run read the pull request at an update GitHub has seen. A reading later than
    // the pull request's latest update was never made: the block was edited (to freeze the
    // comment), and its claim counts for nothing.
    if (previous.validAt <= now.updatedAt)
      return `superseded: a newer run${previous.run ? ` (${previous.run})` : ""} already wrote the comment for ${previous.headSha.slice(0, 7)}, read at ${previous.validAt}; ${mine} wrote nothing.`;
  }
  now ??= await port.getPullRequest(options.repo, options.number);
  if (now.headSha !== pull.headSha)
    return `superseded: the pull request's head moved to ${now.headSha.slice(0, 7)} while ${mine} worked; the run for ${now.headSha.slice(0, 7)} holds, and this one wrote nothing.`;
  return undefined;
}

/** A section about the graph's own change, kept to a size the comment can carry. */
function capSection(section: string, file: string): string {
  if (section.length <= MAX_GRAPH_SECTION) return section;
  let cut = section.slice(0, MAX_GRAPH_SECTION);
  cut = cut.slice(0, Math.max(cut.lastIndexOf("\n"), 0));
  // An open code fence or details block would swallow the rest of the comment.
  const fences = (cut.match(/^```/gm) ?? []).length;
  if (fences % 2 === 1) cut += "\n```";
  const open = (cut.match(/<details>/g) ?? []).length - (cut.match(/<\/details>/g) ?? []).length;
  for (let i = 0; i < open; i++) cut += "\n</details>";
  return `${cut}\n\n*…the change to ${text(file)} is longer than this comment can show (${(section.length - cut.length).toLocaleString("en-US")} more characters): \`blastradius validate\` and \`git diff\` show it whole.*`;
}

/** What the comment must say about files the analysis could not see, or saw through git. */
function coverageNotices(files: PullRequestAnalysis["files"], notes: Note[]): string[] {
  const count = (n: number) => n.toLocaleString("en-US");
  if (files.seen < files.total) {
    // The comment says it in its "Incomplete" block (the analysis carries it as unjudged).
    notes.push({
      level: "warning",
      text: `GitHub lists at most 3,000 files of a pull request: the analysis saw only ${count(files.seen)} of its ${count(files.total)} files, so nodes matched only by the others are missing here. Check out the repository with \`fetch-depth: 0\` before this step so the full diff is read from git, or run \`blastradius check --git\` locally.`,
    });
    return [];
  }
  if (files.source === "git") {
    return [
      `> [!NOTE]\n> GitHub lists at most 3,000 files of a pull request; all ${count(files.seen)} files were read from the local checkout's git history instead.`,
    ];
  }
  return [];
}

/** One blast-radius:<risk> label: the old ones go, the acknowledgement stays. */
async function syncRiskLabel(
  port: GitHubPort,
  options: ReviewOptions,
  pull: PullRequestInfo,
  risk: Risk | "unknown",
  done: { added: string[]; removed: string[] },
): Promise<void> {
  const wanted = `${LABEL_PREFIX}${risk}`;
  for (const label of pull.labels) {
    if (RISK_LABELS.includes(label) && label !== wanted) {
      await port.removeLabel(options.repo, options.number, label);
      done.removed.push(label);
    }
  }
  if (!pull.labels.includes(wanted)) {
    await port.addLabels(options.repo, options.number, [wanted]);
    done.added.push(wanted);
  }
}

/** Owners' declared handles: people as reviewers (never the author), teams by slug. */
function reviewersFor(impact: Impact, author: string): { users: string[]; teams: string[] } {
  const handles = new Set(impact.owners.flatMap((o) => githubHandle(o)?.slice(1) ?? []));
  const users = [...handles].filter(
    (h) => !h.includes("/") && h.toLowerCase() !== author.toLowerCase(),
  );
  // A team is requested by its slug; it must belong to the repository's organisation.
  const teams = [...handles].filter((h) => h.includes("/")).map((h) => h.split("/")[1] as string);
  return { users, teams };
}
