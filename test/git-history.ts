// A temporary git repository holding the bundled example, with commits made at chosen times:
// the history that report and suspects read.

import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const ROOT = new URL("..", import.meta.url).pathname;
export const BIN = join(ROOT, "bin/blastradius.cjs");

export interface History {
  readonly dir: string;
  /**
   * Changes `file` and commits it, `hours` ago, as `author`: by `edit` when given, else by
   * appending a line of text (a comment in most formats, and read as such).
   */
  commit(
    hours: number,
    file: string,
    message: string,
    author?: string,
    edit?: (text: string) => string,
  ): void;
  /** Runs the built CLI in the repository. */
  run(...args: string[]): { status: number | null; stdout: string; stderr: string };
  remove(): void;
}

/** Runs git in `dir` as a fixed test author; a failure throws with git's message. */
export function gitIn(
  dir: string,
  args: readonly string[],
  env: Record<string, string> = {},
): void {
  const result = spawnSync(
    "git",
    ["-c", "user.email=t@example.com", "-c", "user.name=t", ...args],
    {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, ...env },
    },
  );
  if (result.status !== 0) throw new Error(result.stderr);
}

/** The built CLI as a subprocess, without colour: exit code and output. */
export function runCli(
  args: readonly string[],
  options: { readonly cwd?: string; readonly input?: string } = {},
): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The 2 a.m. change: the automation role stops trusting the old job runner, and trusts a new one. */
export const rotateJobRunner = (text: string): string =>
  text.replace("role/job-runner", "role/job-runner-v2");

/** The example 5 hours old, then the 2 a.m. rotation by iam-bot, 3 hours ago. */
export function rotatedHistory(): History {
  const history = exampleHistory(5);
  history.commit(
    3,
    "examples/terraform/iam/automation-runner.tf",
    "rotate the automation role",
    "iam-bot",
    rotateJobRunner,
  );
  return history;
}

/** The example committed `baseHours` ago as the repository's first commit. */
export function exampleHistory(baseHours: number): History {
  const dir = mkdtempSync(join(tmpdir(), "br-history-"));
  const git = (env: Record<string, string>, ...args: string[]) => gitIn(dir, args, env);
  const at = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
  cpSync(join(ROOT, "deps.yaml"), join(dir, "deps.yaml"));
  cpSync(join(ROOT, "examples"), join(dir, "examples"), { recursive: true });
  git({}, "init", "-q", "-b", "main");
  git({}, "add", ".");
  git(
    { GIT_AUTHOR_DATE: at(baseHours), GIT_COMMITTER_DATE: at(baseHours) },
    "commit",
    "-qm",
    "base",
  );
  return {
    dir,
    commit(hours, file, message, author = "dana", edit) {
      const path = join(dir, file);
      if (edit) writeFileSync(path, edit(readFileSync(path, "utf8")));
      else appendFileSync(path, "\n# edited\n");
      git({}, "add", "-A");
      git(
        { GIT_AUTHOR_DATE: at(hours), GIT_COMMITTER_DATE: at(hours), GIT_AUTHOR_NAME: author },
        "commit",
        "-qm",
        message,
      );
    },
    run: (...args) => spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8" }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
