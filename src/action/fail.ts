// Where the Action turns what a mode threw, and did not say itself, into the log and the step's
// result (the command line's is cli/exit.ts): bad input and GitHub's refusals are said with what
// to do, anything else is a bug and says so, never as a stack trace.

import { GitHubApiError } from "../adapters/github/github-error.js";
import { formatDiagnostic } from "../core/config/locate-diagnostics.js";
import { InputError, InvalidDepsError } from "../core/errors.js";
import { PERMISSIONS_BLOCK } from "./context.js";
import type { Runner } from "./runner.js";

export function fail(runner: Runner, error: unknown): number {
  // A review says its own (app/review-outcome.ts); a report's or contracts' graph is the
  // default branch's, or the one the deps input names.
  if (error instanceof InvalidDepsError) {
    const diagnostics = error.errors.map(formatDiagnostic);
    for (const line of diagnostics) runner.info(line);
    runner.error(
      `blastradius: the dependency graph does not load (${error.message}${diagnostics[0] ? `; first: ${diagnostics[0]}` : ""}). Fix it, or point the deps input at another; \`blastradius validate\` shows every error.`,
    );
    return 1;
  }
  if (error instanceof InputError) {
    runner.error(`blastradius: ${error.message}${error.hint ? `. ${error.hint}` : ""}`);
    return 1;
  }
  if (error instanceof GitHubApiError) {
    const hint =
      error.status === 404
        ? " (the pull request or file does not exist, or the token cannot see it)"
        : error.status === 401
          ? " (the token was refused)"
          : error.isPermission
            ? `: the token lacks ${error.permission}. Add to the workflow:\n${PERMISSIONS_BLOCK}`
            : "";
    runner.error(`blastradius: ${error.message}${hint}`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  runner.error(`blastradius: internal error: ${message}. Please report it.`);
  return 1;
}
