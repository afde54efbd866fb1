// What blastradius asks of GitHub, and nothing more: the app layer depends on this, the
// octokit adapter implements it, and tests can fake it.

import type { FileChange } from "../core/model.js";

/** owner/name */
export type RepoName = string;

export interface PullRequestInfo {
  readonly repo: RepoName;
  readonly number: number;
  readonly title: string;
  readonly author: string;
  readonly state: string;
  readonly htmlUrl: string;
  readonly headSha: string;
  readonly baseSha: string;
  readonly baseRef: string;
  /** owner/name of the head repository; undefined when a fork was deleted. */
  readonly headRepo?: RepoName;
  readonly labels: readonly string[];
  /** As GitHub counts them; pulls.listFiles stops at 3,000. */
  readonly changedFiles: number;
  readonly updatedAt: string;
}

export interface IssueComment {
  readonly id: number;
  readonly body: string;
  readonly author: string;
  /** "Bot" for GitHub Apps (github-actions[bot] included), "User" for people and PATs. */
  readonly authorType: string;
  readonly url: string;
}

export interface MergedPullRequest {
  readonly repo: RepoName;
  readonly number: number;
  readonly title: string;
  readonly author: string;
  readonly htmlUrl: string;
  /** Seconds since the epoch. */
  readonly mergedAt: number;
}

export interface IssueInfo {
  readonly number: number;
  readonly title: string;
  readonly body: string;
  readonly url: string;
  readonly state: "open" | "closed";
  /** The login that opened it. */
  readonly author: string;
}

export interface GitHubPort {
  getPullRequest(repo: RepoName, number: number): Promise<PullRequestInfo>;
  listPullRequestFiles(repo: RepoName, number: number): Promise<FileChange[]>;
  /**
   * The file's text at ref (default branch when omitted), or undefined when it does not exist.
   * Throws NotAFileError (github-error.ts) when the path holds a symlink, a submodule or a
   * folder: a symlink's target is never read in its place. With limit.maxBytes, throws
   * FileTooLargeError for a larger file, judged by the size GitHub reports before its bytes are
   * fetched. Other failures are GitHubApiError.
   */
  readFile(
    repo: RepoName,
    path: string,
    ref?: string,
    limit?: { readonly maxBytes: number },
  ): Promise<string | undefined>;
  /**
   * The names of the files directly in a folder at ref, or undefined when there is no such
   * folder. Optional: without it, a Terraform folder is read from its changed files only.
   */
  listFolder?(repo: RepoName, path: string, ref: string): Promise<string[] | undefined>;
  listComments(repo: RepoName, issue: number): Promise<IssueComment[]>;
  createComment(repo: RepoName, issue: number, body: string): Promise<IssueComment>;
  updateComment(repo: RepoName, id: number, body: string): Promise<IssueComment>;
  deleteComment(repo: RepoName, id: number): Promise<void>;
  addLabels(repo: RepoName, issue: number, labels: readonly string[]): Promise<void>;
  removeLabel(repo: RepoName, issue: number, label: string): Promise<void>;
  requestReviewers(
    repo: RepoName,
    number: number,
    reviewers: { readonly users: readonly string[]; readonly teams: readonly string[] },
  ): Promise<void>;
  /** Pull requests merged from `since` on (seconds since the epoch), newest first, at most `max`. */
  listMergedPullRequests(repo: RepoName, since: number, max: number): Promise<MergedPullRequest[]>;
  /** Open and closed issues with this label. */
  listIssuesWithLabel(repo: RepoName, label: string): Promise<IssueInfo[]>;
  createIssue(
    repo: RepoName,
    title: string,
    body: string,
    labels: readonly string[],
  ): Promise<IssueInfo>;
  /** Its title and body; with `state`, also opens or closes it. */
  updateIssue(
    repo: RepoName,
    number: number,
    title: string,
    body: string,
    state?: "open" | "closed",
  ): Promise<IssueInfo>;
  /** Requests sent so far, retries included: reported in the JSON result. */
  readonly requestCount: () => number;
}
