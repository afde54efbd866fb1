// The whole pull-request pipeline, whoever runs it: analyse, render the comment, and (when
// posting) keep the sticky comment, the risk label and review requests current. Write
// failures are collected, not thrown: the analysis and the summary must survive a read-only
// token.

import { GitHubApiError } from "../adapters/github/github-error.js";
import type { GitHubPort, IssueComment } from "../adapters/github/port.js";
import { evaluateGate, type GateResult } from "../core/gate.js";
import type { Risk } from "../core/model.js";
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
  readonly notes: readonly string[];
}

export async function reviewPullRequest(
  port: GitHubPort,
  options: ReviewOptions,
): Promise<ReviewResult> {
  const analysis = await analyzePullRequest(port, options);
  const { pull, impact, files } = analysis;
  const notes: string[] = [];
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

  const notices: string[] = [];
  if (files.seen < files.total) {
    const message = `GitHub lists at most 3,000 files of a pull request: the analysis saw only ${files.seen.toLocaleString("en-US")} of its ${files.total.toLocaleString("en-US")} files, so nodes matched only by the others are missing here.`;
    notices.push(
      `> [!WARNING]\n> ${message} Check out the repository with \`fetch-depth: 0\` before this step so the full diff is read from git, or run \`blastradius check --git\` locally.`,
    );
    notes.push(`warning: ${message}`);
  } else if (files.source === "git") {
    notices.push(
      `> [!NOTE]\n> GitHub lists at most 3,000 files of a pull request; all ${files.seen.toLocaleString("en-US")} files were read from the local checkout's git history instead.`,
    );
  }
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
      notes.push(
        `left alone ${plural(found.foreign, "comment")} by others that quote the blastradius marker`,
      );
  }

  const labelsAdded: string[] = [];
  const labelsRemoved: string[] = [];
  if (options.post && options.labels) {
    const wanted = `${LABEL_PREFIX}${impact.risk}`;
    await attempt("labels", async () => {
      for (const label of pull.labels) {
        if (
          label.startsWith(LABEL_PREFIX) &&
          label !== wanted &&
          label !== options.acknowledgeLabel
        ) {
          await port.removeLabel(options.repo, options.number, label);
          labelsRemoved.push(label);
        }
      }
      if (!pull.labels.includes(wanted)) {
        await port.addLabels(options.repo, options.number, [wanted]);
        labelsAdded.push(wanted);
      }
    });
  }

  const reviewersRequested: string[] = [];
  if (options.post && options.requestReviewers && impact.impacted.length > 0) {
    const handles = new Set(
      impact.owners.flatMap((o) => (o.github ? [o.github.replace(/^@/, "")] : [])),
    );
    const users = [...handles].filter(
      (h) => !h.includes("/") && h.toLowerCase() !== pull.author.toLowerCase(),
    );
    // A team is requested by its slug; it must belong to the repository's organisation.
    const teams = [...handles].filter((h) => h.includes("/")).map((h) => h.split("/")[1] as string);
    if (users.length + teams.length > 0) {
      await attempt("reviewers", async () => {
        await port.requestReviewers(options.repo, options.number, { users, teams });
        reviewersRequested.push(...users.map((u) => `@${u}`), ...teams.map((t) => `team ${t}`));
      });
    }
  }
  return {
    analysis,
    body,
    gate,
    comment,
    labelsAdded,
    labelsRemoved,
    reviewersRequested,
    problems,
    notes,
  };
}
