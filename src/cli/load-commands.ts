// The commands' code, loaded when a command runs: main.ts and the *-command.ts files only
// declare the command line, so `--version`, `--help` and a usage error read a bundle a tenth
// of the size (README "Scale", start-up).

import type { Io } from "./exit.js";

export type Commands = typeof import("./commands.js");

/**
 * Runs a command's action with the commands' code, turning what it throws into a message and an
 * exit code (main.ts gives it to every command it declares).
 */
export type RunAction = (action: (commands: Commands) => number | Promise<number>) => Promise<void>;

/**
 * bin/blastradius.cjs gives its own loader, which keeps the bundle's compiled code between runs;
 * otherwise (tests, run from source) the module is imported. The bundle of the command line
 * leaves "./commands.js" to be loaded from beside it (scripts/bundle.mjs).
 */
export const commands = (io: Io): Promise<Commands> =>
  io.loadCommands ? Promise.resolve(io.loadCommands() as Commands) : import("./commands.js");
