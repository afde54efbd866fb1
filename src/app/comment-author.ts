// Whose comments are ours. A GitHub App token (the workflow's GITHUB_TOKEN included) writes as a
// bot, so "written by a bot, starting with our marker" finds them. A person's token writes as
// that person, who also writes other comments: then the login must be named, or every run
// would post a new comment.

import { InputError } from "../core/errors.js";

/** GitHub's documented token prefixes for tokens that act as a user. */
const USER_TOKEN = /^(ghp_|github_pat_|gho_|ghu_)/;

export function requireCommentAuthor(
  token: string,
  author: string | undefined,
  option: string,
): void {
  if (author === undefined && USER_TOKEN.test(token)) {
    throw new InputError(
      `the token acts as a person, so ${option} must name its login to find the blastradius comment again`,
      `set ${option} to the token's GitHub login, or use the workflow's GITHUB_TOKEN or a GitHub App token`,
    );
  }
}
