// What every mode of the Action is handed: the world (read once at the entry point), the
// runner's protocol, and GitHub reached through one client log.

import type { ClientLog } from "../adapters/github/client.js";
import type { GitHubPort } from "../app/github-port.js";
import type { ChangeSetInput } from "../app/read-change-set.js";
import type { PlanInput } from "../app/read-plan.js";
import type { RenderedQuery, RenderedReading } from "../app/read-rendered.js";
import type { TemplateOf } from "../core/classify/cloudformation-change-set.js";
import type { Env, Runner } from "./runner.js";

export interface ActionContext {
  readonly env: Env;
  readonly write: (text: string) => void;
  readonly readFile: (path: string) => string;
  readonly writeFile: (path: string, text: string) => void;
  readonly createPort: (token: string, baseUrl: string | undefined, log: ClientLog) => GitHubPort;
  readonly readPlan: (path: string) => PlanInput;
  readonly readChangeSet: (path: string, templateOf: TemplateOf) => ChangeSetInput;
  /** Renders an earlier step wrote, paths relative to cwd (the workspace). */
  readonly readRendered: (query: RenderedQuery, cwd: string) => RenderedReading;
}

/** One run of the Action, as each mode's `run()` receives it. */
export interface ActionRun {
  readonly context: ActionContext;
  readonly runner: Runner;
  /** A port on the API the runner names, logging through the runner. */
  readonly github: (token: string) => GitHubPort;
}

/** What a token needs to review pull requests, as a workflow writes it. */
export const PERMISSIONS_BLOCK = [
  "permissions:",
  "  contents: read",
  "  pull-requests: write",
  "  issues: write",
].join("\n");
