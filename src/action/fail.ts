// The only place the Action turns what a mode threw into the log and the step's result (the
// command line's is cli/exit.ts): bad input and GitHub's refusals are said with what to do,
// anything else is a bug and says so, never as a stack trace.

import { GitHubApiError } from "../adapters/github/github-error.js";
import { formatDiagnostic } from "../core/config/locate-diagnostics.js";
import { InputError, InvalidDepsError } from "../core/errors.js";
import { PERMISSIONS_BLOCK } from "./context.js";
import type { Runner } from "./runner.js";

export function fail(runner: Runner, error: unknown): number {
  if (error instanceof InvalidDepsError) {
    for (const diagnostic of error.errors) runner.info(formatDiagnostic(diagnostic));
    const first = error.errors[0];
    if (first?.code === "file-not-found" && error.errors.length === 1) {
      runner.error(
        `blastradius: ${first.file} does not exist at the pull request's base (${first.message}). Add a deps.yaml to the default branch (the README shows one), or point the deps input at yours. Nothing was posted.`,
      );
      return 1;
    }
    if (error.fromPullRequest) {
      runner.error(
        `blastradius: the pull request adds ${first?.file ?? "the dependency graph"}, and it does not load (${error.message}${first ? `; first: ${formatDiagnostic(first)}` : ""}). Nothing was posted. \`blastradius validate\` shows every error.`,
      );
      return 1;
    }
    runner.error(
      `blastradius: the dependency graph at the pull request's base does not load (${error.message}${first ? `; first: ${formatDiagnostic(first)}` : ""}). Nothing was posted. Fix deps.yaml on the base branch; \`blastradius validate\` shows every error.`,
    );
    runner.appendSummary(
      `### blastradius: the dependency graph does not load\n\n${error.errors.map((d) => `- \`${formatDiagnostic(d).replace(/`/g, "'")}\``).join("\n")}\n`,
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
