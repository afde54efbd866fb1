// Why a test does not run here, said by name. A suite or test declared with `skipWhen(reason)`
// carries its reason to the closing lines of `npm test` (test/count-reporter.ts); tests on the
// real data of ../shared are declared only when it is there, and the reporter names what is
// absent. Only optional system tools (tmux, chromium) are meant to skip in a plain clone.

import { spawnSync } from "node:child_process";
import { describe, it, type TestOptions } from "vitest";
import { hasSharedData, type SharedData } from "./shared-data.js";

declare module "vitest" {
  interface TaskMeta {
    /** Why the suite or test is skipped; read by the count reporter. */
    skipReason?: string;
  }
}

/** The reason to skip when a system tool does not answer `command ...args`. */
export function withoutTool(
  command: string,
  args: readonly string[] = ["--version"],
): string | undefined {
  const answer = spawnSync(command, args, { stdio: "ignore" });
  return answer.status === 0 ? undefined : `${command} is not installed`;
}

/** Options for `describe`/`it` that skip, with the reason, when there is one. */
export function skipWhen(reason: string | undefined): TestOptions {
  return reason === undefined ? {} : { skip: true, meta: { skipReason: reason } };
}

/** A suite on real data from ../shared, declared only when that data is beside the checkout. */
export function describeOnShared(data: SharedData, name: string, body: () => void): void {
  if (hasSharedData(data)) describe(name, body);
}

/** A test on real data from ../shared, declared only when that data is beside the checkout. */
export function itOnShared(
  data: SharedData,
  name: string,
  body: () => unknown,
  timeout?: number,
): void {
  if (hasSharedData(data)) it(name, body, timeout);
}
