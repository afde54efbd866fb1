// GitHub's failures as one typed error that says what was being done and what to do.

/** The permission each write needs in a workflow's `permissions:` block. */
const PERMISSION: Record<string, string> = {
  "create a comment": "pull-requests: write",
  "update a comment": "pull-requests: write",
  "delete a comment": "pull-requests: write",
  "add a label": "issues: write",
  "remove a label": "issues: write",
  "request reviewers": "pull-requests: write",
  "read the pull request": "pull-requests: read",
  "list the pull request's files": "pull-requests: read",
  "list comments": "pull-requests: read",
  "read a file": "contents: read",
  "create an issue": "issues: write",
  "update an issue": "issues: write",
};

export class GitHubApiError extends Error {
  override readonly name = "GitHubApiError";
  constructor(
    /** What we were doing, e.g. "create a comment". */
    readonly action: string,
    readonly status: number,
    readonly githubMessage: string,
    /** For a 403 that is about permissions: the permission to add. */
    readonly permission?: string,
    /** For rate limits: GitHub's own words, kept for the log. */
    readonly hint?: string,
  ) {
    super(
      `cannot ${action}: GitHub answered ${status}${githubMessage ? ` "${githubMessage}"` : ""}`,
    );
  }

  /** A token that cannot write here: a fork's pull_request run, or missing `permissions:`. */
  get isPermission(): boolean {
    return this.permission !== undefined;
  }
}

/** octokit's RequestError (or anything thrown by a request) -> GitHubApiError. */
export function toGitHubError(action: string, error: unknown): GitHubApiError {
  const e = error as {
    status?: number;
    message?: string;
    response?: { data?: { message?: string } | string };
  };
  const status = typeof e.status === "number" ? e.status : 0;
  const data = e.response?.data;
  const message = (typeof data === "object" && data?.message) || e.message || String(error);
  const forbidden =
    status === 403 &&
    /not accessible by integration|must have .*(access|rights)|permission/i.test(message);
  return new GitHubApiError(
    action,
    status,
    message,
    forbidden ? (PERMISSION[action] ?? "pull-requests: write") : undefined,
    /rate limit/i.test(message)
      ? "GitHub's rate limit was still in force after the retries"
      : undefined,
  );
}

/**
 * A path that the contents API answers with something other than a file: a symlink (its
 * target is not followed), a submodule, or a folder. Not a failure of the run: the caller says
 * the path could not be judged.
 */
export class NotAFileError extends Error {
  override readonly name = "NotAFileError";
  constructor(
    readonly path: string,
    readonly kind: "symlink" | "submodule" | "directory",
  ) {
    super(`${path} is a ${kind === "directory" ? "folder" : kind}, not a file; not read`);
  }
}

/** A file over the size the caller asked for, refused by its size before its bytes are fetched. */
export class FileTooLargeError extends Error {
  override readonly name = "FileTooLargeError";
  constructor(
    readonly path: string,
    readonly size: number,
    readonly maxBytes: number,
  ) {
    super(`${path} is ${size} bytes; at most ${maxBytes} are read`);
  }
}
