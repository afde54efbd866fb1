// The runner's side of a GitHub Action, from its documented protocol: inputs arrive as
// INPUT_* variables, outputs and the job summary go to the files GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY name, annotations are `::notice::` lines on stdout.

import { randomUUID } from "node:crypto";
import { appendFileSync } from "node:fs";
import { terminalText } from "../core/render/terminal-escape.js";

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

/**
 * A log line that cannot be a workflow command, whatever it quotes. The runner (actions/runner,
 * ActionCommand.TryParseV2 and TryParse) reads a line as a command when, after trimming leading
 * white space, it starts with `::`, or when it holds the old `##[` anywhere, followed by a
 * command it knows (`set-output`, `add-mask`, `stop-commands`, …). A backslash before that `:`
 * or `[` breaks both, visibly. It must be visible: .NET's culture-aware StartsWith and IndexOf
 * (ICU) skip zero-width characters, so those are shown as escapes too, never used to break
 * anything. Terminal controls are made inert as well: the log viewer renders ANSI.
 */
export function inertLogLine(line: string): string {
  return (
    terminalText(line)
      .replace(
        /\p{Default_Ignorable_Code_Point}/gu,
        (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`,
      )
      // \s covers every character .NET's TrimStart takes for white space, once U+0085 and
      // U+180E (escaped above) are gone.
      .replace(/^(\s*):/, "$1\\:")
      .replace(/##\[/g, "##\\[")
  );
}

/**
 * Each line of a message made inert on its own: our own line breaks stay, as `\n` (a lone
 * `\r` would let the next line overwrite this one on a terminal).
 */
function inertLog(message: string): string {
  return message
    .split(/\r\n|\r|\n/)
    .map(inertLogLine)
    .join("\n");
}

/** Part of an annotation between line breaks: controls and invisible characters shown, `##[` broken. */
function inertAnnotationPart(part: string): string {
  return terminalText(part)
    .replace(
      /\p{Default_Ignorable_Code_Point}/gu,
      (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`,
    )
    .replace(/##\[/g, "##\\[");
}

/** An annotation's message: its line breaks are escaped as data, controls made inert. */
function annotationData(message: string): string {
  const parts = message.split(/(\r\n|\r|\n)/);
  // The old `##[` form is parsed anywhere in a line: broken visibly here too.
  return escapeData(
    parts.map((part, i) => (i % 2 === 0 ? inertAnnotationPart(part) : part)).join(""),
  );
}

export function createRunner(env: Env, write: (text: string) => void): Runner {
  // The command ends at the first `::` after its name: a `::` in the message is data.
  const command = (name: string, message: string) =>
    write(`::${name}::${annotationData(message)}\n`);
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
        write(`${inertLog(`output ${name}=${value}`)}\n`);
      }
    },
    appendSummary(markdown) {
      appendTo("GITHUB_STEP_SUMMARY", `${markdown}\n`);
    },
    info: (message) => write(`${inertLog(message)}\n`),
    notice: (message) => command("notice", message),
    warning: (message) => command("warning", message),
    error: (message) => command("error", message),
  };
}
