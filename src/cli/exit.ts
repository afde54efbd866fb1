// The only place the command line turns errors, and a review's verdict, into messages and exit
// codes (the Action's is action/fail.ts).

import type { GraphFailure, ReviewVerdict } from "../app/review-outcome.js";
import { formatDiagnostic } from "../core/config/locate-diagnostics.js";
import { InputError, InvalidDepsError } from "../core/errors.js";

export const EXIT_OK = 0;
export const EXIT_GATE = 1;
export const EXIT_INPUT = 2;

/** The world as the CLI sees it, read once at the entry point. */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => string;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdoutIsTTY: boolean;
  readonly stdinIsTTY: boolean;
  /**
   * Imports an ES module (the explorer's). bin/blastradius.cjs gives its own `import`: the
   * bundle, compiled from its code cache through vm.Script, cannot import by itself.
   */
  readonly importModule?: (url: string) => Promise<unknown>;
  /**
   * Loads the commands' bundle (load-commands.ts). bin/blastradius.cjs gives its own, through
   * the same compiled-code cache as the command line's bundle.
   */
  readonly loadCommands?: () => unknown;
}

/** A review's verdict (app/review-outcome.ts) as an exit code. */
export function reviewExitCode(verdict: ReviewVerdict): number {
  if (verdict === "gate") return EXIT_GATE;
  // Could not write what was asked (comment, labels): not the gate's 1, the "could not do it" 2.
  if (verdict === "write-failed") return EXIT_INPUT;
  return EXIT_OK;
}

/** A review whose graph does not load, in its description's words: bad input, so 2. */
export function reportGraphFailure(failure: GraphFailure, io: Io): number {
  for (const line of failure.diagnostics) io.stderr(`${line}\n`);
  io.stderr(`${failure.message}\n`);
  return EXIT_INPUT;
}

export function reportError(error: unknown, io: Io): number {
  if (error instanceof InvalidDepsError) {
    for (const diagnostic of error.errors) io.stderr(`${formatDiagnostic(diagnostic)}\n`);
    io.stderr(`blastradius: ${error.message}; nothing was analysed.\n`);
    return EXIT_INPUT;
  }
  if (error instanceof InputError) {
    io.stderr(`blastradius: ${error.message}${error.hint ? `\n  ${error.hint}` : ""}\n`);
    return EXIT_INPUT;
  }
  // GitHub said no (missing pull request, token refused, limits after retries): not a bug.
  if (error instanceof Error && error.name === "GitHubApiError") {
    io.stderr(`blastradius: ${error.message}\n`);
    return EXIT_INPUT;
  }
  // A bug, not bad input: say so plainly, without a stack unless asked for.
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(
    `blastradius: internal error: ${message}\n  please report it; set BLASTRADIUS_DEBUG=1 for details\n`,
  );
  if (io.env.BLASTRADIUS_DEBUG && error instanceof Error) io.stderr(`${error.stack}\n`);
  return EXIT_INPUT;
}
