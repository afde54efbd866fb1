// The blastradius command line: reads the environment once, then hands it down.

import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { VERSION } from "../app/version.js";
import { terminalLines } from "../core/render/terminal-escape.js";
import { registerCheck } from "./check-command.js";
import { registerContracts } from "./contracts-command.js";
import { registerDocs } from "./docs-command.js";
import { EXIT_INPUT, EXIT_OK, type Io, reportError } from "./exit.js";
import { registerExplore } from "./explore-command.js";
import { registerGraph } from "./graph-command.js";
import { registerInit } from "./init-command.js";
import { commands, type RunAction } from "./load-commands.js";
import { registerPr } from "./pr-command.js";
import { registerReport } from "./report-command.js";
import { registerSuspects } from "./suspects-command.js";
import { registerValidate } from "./validate-command.js";

export async function main(argv: readonly string[], io: Io): Promise<number> {
  let exitCode = EXIT_OK;
  // The commands' code is loaded only once a command runs: `--version`, `--help` and usage
  // errors never read it.
  const run: RunAction = async (action) => {
    const loaded = await commands(io);
    exitCode = await loaded.runAction(() => action(loaded), io);
  };
  const program = new Command()
    .name("blastradius")
    .description(
      "Before an IAM or infrastructure change merges: everything downstream it can break, and who owns it.",
    )
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError("(run with --help for usage)");
  registerCheck(program, io, run);
  registerValidate(program, io, run);
  registerContracts(program, io, run);
  registerGraph(program, io, run);
  registerPr(program, io, run);
  registerExplore(program, io, run);
  registerSuspects(program, io, run);
  registerReport(program, io, run);
  registerInit(program, io, run);
  registerDocs(program, io, run);
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      const ok = ["commander.helpDisplayed", "commander.version", "commander.help"].includes(
        error.code,
      );
      return ok ? EXIT_OK : EXIT_INPUT;
    }
    return reportError(error, io);
  }
  return exitCode;
}

export function processIo(): Io {
  return {
    stdout: (text) => process.stdout.write(text),
    // Messages only, never our own colours: whatever a file or the API put in one is made inert.
    stderr: (text) => process.stderr.write(terminalLines(text)),
    readStdin: () => readFileSync(0, "utf8"),
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stdinIsTTY: process.stdin.isTTY === true,
  };
}
