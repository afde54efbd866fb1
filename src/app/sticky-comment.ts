// One comment per graph per pull request, found again by its hidden marker and updated in
// place. Comments someone else wrote are never edited or deleted, even when they quote the
// marker. (An older run never gets here once a newer one wrote: reviewPullRequest stops it
// first, before any write, from the same comment's analysis block.)

import { commentMarker, stableBody } from "../core/render/render-comment.js";
import type { GitHubPort, IssueComment } from "./github-port.js";

export type CommentMode = "update" | "recreate" | "off";

export interface StickyCommentRequest {
  readonly repo: string;
  readonly issue: number;
  readonly deps: string;
  readonly body: string;
  readonly mode: Exclude<CommentMode, "off">;
  /** False: post a new comment only when something is impacted (an existing one is always kept current). */
  readonly postWhenEmpty: boolean;
  readonly hasImpact: boolean;
  /** The login our comments are written by; undefined: the workflow token's, github-actions[bot]. */
  readonly author?: string;
}

export interface StickyCommentResult {
  readonly action: "created" | "updated" | "recreated" | "unchanged" | "skipped-no-impact";
  readonly url?: string;
  /** Comments that carry our marker but were written by someone else: left alone. */
  readonly foreign: number;
  /** Earlier comments of ours that repeated this one (from a race), removed. */
  readonly removedDuplicates: number;
}

/** Who writes with the workflow's GITHUB_TOKEN. */
export const DEFAULT_COMMENT_AUTHOR = "github-actions[bot]";

/**
 * Ours: written by the identity this run writes as, and starting with our marker. Any other
 * bot (another app quoting the marker) is someone else, whose comments are never touched.
 */
export function isOwnComment(comment: IssueComment, marker: string, author?: string): boolean {
  if (!comment.body.startsWith(marker)) return false;
  return comment.author.toLowerCase() === (author ?? DEFAULT_COMMENT_AUTHOR).toLowerCase();
}

/** The comment this run would replace, and what it said: read before rendering, to say "no longer". */
export async function findStickyComment(
  port: GitHubPort,
  repo: string,
  issue: number,
  deps: string,
  author?: string,
): Promise<{ own: IssueComment[]; foreign: number }> {
  const marker = commentMarker(deps);
  const comments = await port.listComments(repo, issue);
  const own = comments.filter((c) => isOwnComment(c, marker, author));
  const foreign = comments.filter((c) => c.body.includes(marker)).length - own.length;
  return { own, foreign };
}

export async function upsertStickyComment(
  port: GitHubPort,
  request: StickyCommentRequest,
  found: { own: IssueComment[]; foreign: number },
): Promise<StickyCommentResult> {
  const [existing, ...duplicates] = found.own;
  const common = { foreign: found.foreign, removedDuplicates: 0 };
  if (!existing) {
    if (!request.postWhenEmpty && !request.hasImpact)
      return { ...common, action: "skipped-no-impact" };
    const created = await port.createComment(request.repo, request.issue, request.body);
    return { ...common, action: "created", url: created.url };
  }
  for (const duplicate of duplicates) await port.deleteComment(request.repo, duplicate.id);
  const removed = { ...common, removedDuplicates: duplicates.length };
  if (stableBody(existing.body) === stableBody(request.body)) {
    return { ...removed, action: "unchanged", url: existing.url };
  }
  if (request.mode === "recreate") {
    await port.deleteComment(request.repo, existing.id);
    const created = await port.createComment(request.repo, request.issue, request.body);
    return { ...removed, action: "recreated", url: created.url };
  }
  const updated = await port.updateComment(request.repo, existing.id, request.body);
  return { ...removed, action: "updated", url: updated.url };
}
