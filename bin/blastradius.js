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

const code = await main(process.argv.slice(2), {
  ...processIo(),
  importModule: (url) => import(url),
});
process.exitCode = code;
// Done once what was written has gone out, without waiting for the event loop to empty: the
// HCL parser's Go runtime leaves timers behind that kept a Terraform check up to 0.4 s longer.
// Nothing of ours is pending once main has returned (the graph cache is written before it).
const flushed = (stream) => new Promise((resolve) => stream.write("", () => resolve()));
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit(code);
