#!/usr/bin/env node
// The CLI is bundled into one file (npm run build): starting it loads one module, not fifty.
import { main, processIo } from "../lib/blastradius.cjs";

// A reader that stops early (`| head`) is not an error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2), processIo());
