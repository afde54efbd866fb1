// git in a workspace the bench made, as a bench identity; throws with git's message.

import { spawnSync } from "node:child_process";

export function git(cwd: string, ...args: string[]): void {
  const result = spawnSync(
    "git",
    ["-c", "user.email=bench@example.com", "-c", "user.name=bench", ...args],
    { cwd, encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(`git ${args.join(" ")}: ${result.stderr}`);
}
