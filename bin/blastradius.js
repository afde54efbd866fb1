#!/usr/bin/env node
// The CLI is bundled into one CommonJS file (npm run build): starting it loads one module, not
// fifty. Compiling that file is most of a short command's time, so its compiled code is kept
// between runs in the user's cache folder (BLASTRADIUS_CACHE=off: never): by Node itself from
// 22.1 (module.enableCompileCache), and on older Nodes with V8's code cache (load-bundle.js).
// It is required, never imported: importing CommonJS from an ES module makes Node scan the whole
// bundle for its named exports first, which took over a third of every command's start.
import { loadBundle } from "./load-bundle.js";

const { main, processIo } = loadBundle(new URL("../lib/blastradius.cjs", import.meta.url));

// A reader that stops early (`| head`) is not an error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2), {
  ...processIo(),
  importModule: (url) => import(url),
});
