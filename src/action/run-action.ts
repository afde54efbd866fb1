// The GitHub Action: one `run()` per mode, chosen by the mode input; what a mode throws becomes
// the log and the step's result in one place (fail.ts). Everything it touches comes in `context`.

import type { ClientLog } from "../adapters/github/client.js";
import { InputError } from "../core/errors.js";
import type { ActionContext, ActionRun } from "./context.js";
import { fail } from "./fail.js";
import { runContracts } from "./run-contracts.js";
import { runDocs } from "./run-docs.js";
import { runReport } from "./run-report.js";
import { runReview } from "./run-review.js";
import { createRunner } from "./runner.js";

export type { ActionContext } from "./context.js";

const MODES: ReadonlyMap<string, (run: ActionRun) => Promise<number>> = new Map([
  ["review", runReview],
  ["report", runReport],
  ["contracts", runContracts],
  ["docs", runDocs],
]);

export async function runAction(context: ActionContext): Promise<number> {
  const runner = createRunner(context.env, context.write);
  // The GitHub client logs its retries and waits through the runner, whichever mode asks.
  const log: ClientLog = {
    debug: () => {},
    info: runner.info,
    warn: runner.warning,
    error: runner.error,
  };
  const github = (token: string) => context.createPort(token, context.env.GITHUB_API_URL, log);
  try {
    const mode = runner.input("mode") || "review";
    const run = MODES.get(mode);
    if (!run)
      throw new InputError(`input mode must be ${[...MODES.keys()].join(", ")}; got "${mode}"`);
    return await run({ context, runner, github });
  } catch (error) {
    return fail(runner, error);
  }
}
