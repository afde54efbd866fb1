// The whole pull-request pipeline, whoever runs it: analyse, render the comment, and (when
// posting) keep the sticky comment, the risk label and review requests current. Write
// failures are collected, not thrown: the analysis and the summary must survive a read-only
// token.

import { GitHubApiError } from "../adapters/github/github-error.js";
import type { GitHubPort, IssueComment, PullRequestInfo } from "../adapters/github/port.js";
import { evaluateGate, type GateResult } from "../core/gate.js";
import type { Impact, Risk } from "../core/model.js";
import { githubHandle } from "../core/owners.js";
import { metaOf, readCommentMeta, renderComment } from "../core/render/render-comment.js";
import { renderBrokenGraph, renderGraphDiff } from "../core/render/render-graph-diff.js";
import { plural } from "../core/render/summary.js";
import {
  analyzePullRequest,
  type PullRequestAnalysis,
  type PullRequestQuery,
} from "./analyze-pull-request.js";
import {
  type CommentMode,
  findStickyComment,
  type StickyCommentResult,
  upsertStickyComment,
} from "./sticky-comment.js";

export const LABEL_PREFIX = "blast-radius:";

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

  const notices = coverageNotices(files, notes);
  const sections: string[] = [];
  const change = analysis.graphChange;
  if (change?.kind === "diff") sections.push(renderGraphDiff(change.file, change.diff));
  if (change?.kind === "broken") sections.push(renderBrokenGraph(change.file, change.errors));

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
    },
    previous,
  );
  if (meta.peakRisk !== "none" && impact.impacted.length === 0) {
    notices.push(
      `> [!NOTE]\n> Earlier commits of this pull request had downstream impact (up to ${meta.peakRisk} risk); as of ${pull.headSha.slice(0, 7)} there is no longer any downstream impact.`,
    );
  }
  const body = renderComment(impact, {
    meta,
    mentionOwners: options.mentionOwners,
    notices,
    sections,
  });
  const gate = evaluateGate(impact, options.failOn, pull.labels, options.acknowledgeLabel);

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
          validAt: pull.updatedAt,
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
    await attempt("labels", () => syncRiskLabel(port, options, pull, impact.risk, labels));
  }
  const reviewersRequested: string[] = [];
  const reviewers = reviewersFor(impact, pull.author);
  if (
    options.post &&
    options.requestReviewers &&
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
    analysis,
    body,
    gate,
    comment,
    labelsAdded: labels.added,
    labelsRemoved: labels.removed,
    reviewersRequested,
    problems,
    notes,
  };
}

/** What the comment must say about files the analysis could not see, or saw through git. */
function coverageNotices(files: PullRequestAnalysis["files"], notes: Note[]): string[] {
  const count = (n: number) => n.toLocaleString("en-US");
  if (files.seen < files.total) {
    const message = `GitHub lists at most 3,000 files of a pull request: the analysis saw only ${count(files.seen)} of its ${count(files.total)} files, so nodes matched only by the others are missing here.`;
    notes.push({ level: "warning", text: message });
    return [
      `> [!WARNING]\n> ${message} Check out the repository with \`fetch-depth: 0\` before this step so the full diff is read from git, or run \`blastradius check --git\` locally.`,
    ];
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
  risk: Risk,
  done: { added: string[]; removed: string[] },
): Promise<void> {
  const wanted = `${LABEL_PREFIX}${risk}`;
  for (const label of pull.labels) {
    if (label.startsWith(LABEL_PREFIX) && label !== wanted && label !== options.acknowledgeLabel) {
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
