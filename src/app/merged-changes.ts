// The changes of a window from GitHub: pull requests merged in it, each with its blast radius
// as our comment recorded it at merge when there is one (else its files, to recompute).

import type { AnalysisModel } from "../core/analysis-model.js";
import { MARKER_PREFIX, readCommentMeta } from "../core/render/render-comment.js";
import { buildReport, type ChangeRecord, type Report } from "../core/report/build-report.js";
import type { GitHubPort } from "./github-port.js";
import { isOwnComment } from "./sticky-comment.js";

export interface MergedOptions {
  readonly since: number;
  readonly until: number;
  /** Pull requests read per repository at most. */
  readonly max?: number;
  /** The login our comments are written by; undefined: any GitHub App. */
  readonly commentAuthor?: string;
  /** Read every pull request's files, even when its comment recorded the analysis (suspects needs them). */
  readonly withFiles?: boolean;
}

export async function mergedChanges(
  port: GitHubPort,
  repos: readonly string[],
  options: MergedOptions,
): Promise<ChangeRecord[]> {
  const records: ChangeRecord[] = [];
  for (const repo of repos) {
    const merged = (
      await port.listMergedPullRequests(repo, options.since, options.max ?? 200)
    ).filter((p) => p.mergedAt <= options.until);
    for (const pull of merged) {
      const comments = await port.listComments(repo, pull.number);
      const ours = comments.find((c) => isOwnComment(c, MARKER_PREFIX, options.commentAuthor));
      const meta = ours ? readCommentMeta(ours.body) : undefined;
      const common = {
        id: `#${pull.number}`,
        title: pull.title,
        author: pull.author,
        time: pull.mergedAt,
        url: pull.htmlUrl,
        repo,
      };
      if (meta && !meta.impactedCut) {
        records.push({
          ...common,
          files: options.withFiles ? await port.listPullRequestFiles(repo, pull.number) : [],
          atMerge: { risk: meta.risk, changed: meta.changed, impacted: meta.impacted },
        });
      } else {
        records.push({ ...common, files: await port.listPullRequestFiles(repo, pull.number) });
      }
    }
  }
  return records;
}

/**
 * The report of the pull requests merged in a window, with the window before it (of the same
 * length) for the trend, and the API requests it took.
 */
export async function reportMergedPullRequests(
  port: GitHubPort,
  model: AnalysisModel,
  repos: readonly string[],
  window: { readonly since: number; readonly until: number },
): Promise<Report> {
  const { since, until } = window;
  const records = await mergedChanges(port, repos, { since, until });
  const previous = await mergedChanges(port, repos, {
    since: since - (until - since),
    until: since - 1,
  });
  const source = `pull requests merged in ${repos.join(", ")}`;
  return {
    ...buildReport(model, { since, until, source }, records, previous),
    requests: port.requestCount(),
  };
}
