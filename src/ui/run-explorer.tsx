// Starts the explorer full-screen and resolves when the user quits, with what to print then.
// Loaded at run time by `blastradius explore` (ink is ESM with top-level await: not bundled).

import { render } from "ink";
import { Explorer } from "./Explorer.js";
import type { ExplorerProps } from "./explorer-api.js";

export async function runExplorer(
  props: Omit<ExplorerProps, "onQuit">,
): Promise<string | undefined> {
  let printed: string | undefined;
  // The alternate screen: the terminal is restored as it was on quit.
  process.stdout.write("\u001b[?1049h");
  try {
    const app = render(
      <Explorer
        {...props}
        onQuit={(print) => {
          printed = print;
        }}
      />,
      { exitOnCtrlC: false },
    );
    await app.waitUntilExit();
  } finally {
    process.stdout.write("\u001b[?1049l");
  }
  return printed;
}
