// The runner's side of a GitHub Action, from its documented protocol: inputs arrive as
// INPUT_* variables, outputs and the job summary go to the files GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY name, annotations are `::notice::` lines on stdout.

import { randomUUID } from "node:crypto";
import { appendFileSync } from "node:fs";

export type Env = Readonly<Record<string, string | undefined>>;

export interface Runner {
  input(name: string): string;
  setOutput(name: string, value: string): void;
  appendSummary(markdown: string): void;
  info(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
  error(message: string): void;
}

/** Workflow-command escaping: the runner decodes these in a message. */
function escapeData(value: string): string {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

export function createRunner(env: Env, write: (text: string) => void): Runner {
  const command = (name: string, message: string) => write(`::${name}::${escapeData(message)}\n`);
  const appendTo = (variable: string, text: string) => {
    const file = env[variable];
    if (!file) return false;
    appendFileSync(file, text, "utf8");
    return true;
  };
  return {
    // Spaces become underscores and the name is upper-cased; hyphens stay.
    input: (name) => (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim(),
    setOutput(name, value) {
      const delimiter = `ghadelimiter_${randomUUID()}`;
      if (!appendTo("GITHUB_OUTPUT", `${name}<<${delimiter}\n${value}\n${delimiter}\n`)) {
        // Outside a runner (a local try-out): show what would be set.
        write(`output ${name}=${value}\n`);
      }
    },
    appendSummary(markdown) {
      appendTo("GITHUB_STEP_SUMMARY", `${markdown}\n`);
    },
    info: (message) => write(`${message}\n`),
    notice: (message) => command("notice", message),
    warning: (message) => command("warning", message),
    error: (message) => command("error", message),
  };
}
