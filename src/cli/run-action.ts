// A command's action run to its end: what it throws becomes a message and an exit code, and
// what waits for the command to finish (the graph cache's write) is settled. It lives in the
// commands' bundle (commands.ts): the errors a command throws, and what waits on it, are that
// bundle's own classes and state, which the command line's bundle has copies of, not these.

import { settleAfterCommand } from "../app/after-command.js";
import { type Io, reportError } from "./exit.js";

export async function runAction(action: () => number | Promise<number>, io: Io): Promise<number> {
  try {
    const code = await action();
    // Once the command has said everything: the graph cache is written here.
    settleAfterCommand(true);
    return code;
  } catch (error) {
    settleAfterCommand(false);
    return reportError(error, io);
  }
}
