#!/usr/bin/env node
// The CLI is bundled into two CommonJS files (npm run build): starting it loads a module or two,
// not fifty. Compiling them is most of a short command's time, so their compiled code is kept
// between runs in the user's cache folder (BLASTRADIUS_CACHE=off: never): by Node itself from
// 22.1 (module.enableCompileCache), and on older Nodes with V8's code cache (load-bundle.cjs).
// Everything here is CommonJS: an ES module as the entry point starts Node's ES module loader
// (about 12 ms here), and importing CommonJS from one makes Node scan the whole bundle for its
// named exports first, which took over a third of every command's start.
"use strict";
const { loadBundle } = require("./load-bundle.cjs");

// The command line alone; what a command does is in a second bundle, loaded when one runs, so
// `--version` and `--help` read a tenth of the code.
const { main, processIo } = loadBundle(`${__dirname}/../lib/blastradius.cjs`);
const loadCommands = () => loadBundle(`${__dirname}/../lib/blastradius-commands.cjs`);

// A reader that stops early (`| head`) is not an error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

(async () => {
  const code = await main(process.argv.slice(2), {
    ...processIo(),
    importModule: (url) => import(url),
    loadCommands,
  });
  process.exitCode = code;
  // Done once what was written has gone out, without waiting for the event loop to empty: the
  // HCL parser's Go runtime leaves timers behind that kept a Terraform check up to 0.4 s longer.
  // Nothing of ours is pending once main has returned (the graph cache is written before it).
  const flushed = (stream) => new Promise((resolve) => stream.write("", () => resolve()));
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
})();
