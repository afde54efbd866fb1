// The recent history of the graph, from the local git history or from pull requests merged on
// GitHub, each change already placed in the graph: what `suspects` reads for one node, and the
// docs site for every node at once.

import { basename } from "node:path";
import { commitsBetween, originRepo } from "../adapters/git/git.js";
import type { AnalysisModel } from "../core/analysis-model.js";
import {
  type CommitInfo,
  type LocatedCommit,
  locateCommits,
} from "../core/explore/recent-changes.js";
import { utcMinute } from "../core/render/time.js";
import { classifyCommits } from "./classify-commits.js";
import type { GitHubPort } from "./github-port.js";

export type HistorySource =
  /** The repository root (found by the caller, which says what to do when there is none). */
  { readonly git: string } | { readonly repos: readonly string[]; readonly port: GitHubPort };

export interface HistoryOptions {
  /** Seconds since the epoch: the window's start, and its end (read once by the entry point). */
  readonly since: number;
  readonly now: number;
  readonly model: AnalysisModel;
}

export interface History {
  /** For a page: "git history of acme/infra since 2026-11-29 13:00 UTC". */
  readonly source: string;
  /** The same without the window, as `suspects` has always printed it beside its own. */
  readonly origin: string;
  /** The changes that touched some node, in the order read. */
  readonly located: LocatedCommit[];
}

export async function readHistory(
  source: HistorySource,
  options: HistoryOptions,
): Promise<History> {
  const { model, since, now } = options;
  const window = `since ${utcMinute(since)} UTC`;
  if ("git" in source) {
    const root = source.git;
    const repo = originRepo(root);
    // The commit that created the repository added everything: it changed nothing that ran.
    const commits = await classifyCommits(
      root,
      model.paths,
      commitsBetween(root, since).filter((c) => !c.root),
      repo,
    );
    // A page is published: it names the repository, not the folder it was built in.
    return {
      source: `git history of ${repo ?? basename(root)} ${window}`,
      origin: `git history of ${root}`,
      located: locateCommits(model, commits, repo),
    };
  }
  // Loaded only when asked for: the local history needs none of GitHub's reading.
  const { mergedChanges } = await import("./merged-changes.js");
  const records = await mergedChanges(source.port, source.repos, {
    since,
    until: now,
    withFiles: true,
  });
  // Each pull request, as a change with its repository-qualified files.
  const changes = records.map(
    (r): CommitInfo => ({
      sha: `${r.repo}${r.id}`,
      time: r.time,
      author: r.author,
      subject: r.title,
      files: r.files.map((f) => f.path),
      changes: r.files.map((f) => ({ ...f, repo: r.repo?.toLowerCase() })),
      ...(r.url ? { url: r.url } : {}),
    }),
  );
  const origin = `pull requests merged in ${source.repos.join(", ")}`;
  return { source: `${origin} ${window}`, origin, located: locateCommits(model, changes) };
}
