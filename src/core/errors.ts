// Typed errors: thrown by adapters and app functions, printed only by entry points.

import type { Diagnostic } from "./model.js";

/** Bad input or usage: the user can fix it. Entry points exit 2. */
export class InputError extends Error {
  override readonly name = "InputError";
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** The graph did not load; carries every diagnostic, already located. */
export class InvalidDepsError extends Error {
  override readonly name = "InvalidDepsError";
  constructor(
    readonly errors: readonly Diagnostic[],
    readonly warnings: readonly Diagnostic[],
    /** Set when the graph came from the pull request itself (a preview), not from its base. */
    readonly fromPullRequest = false,
  ) {
    super(`${errors.length} error${errors.length === 1 ? "" : "s"} in the dependency graph`);
  }
}

export class NodeNotFoundError extends InputError {
  constructor(id: string, suggestion?: string) {
    super(
      `unknown node "${id}"${suggestion ? ` — did you mean "${suggestion}"?` : ""}`,
      "list the node ids with `blastradius graph --format json`",
    );
  }
}
