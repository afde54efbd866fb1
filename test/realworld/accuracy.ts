// `npm run accuracy`: runs every labelled case (the real commits of ../shared/realworld and the
// cases written in test/realworld/written/) and prints, per case, per format and in total, the
// precision and recall of changed-node attribution, change-class accuracy, and the precision
// and recall of the breaking and at-risk sets, then every miss. `--json FILE` keeps the figures.
// Without ../shared/realworld the written cases still run, and the shared ones are said skipped.

import { existsSync, writeFileSync } from "node:fs";
import {
  type CaseResult,
  CORPUS,
  caseNames,
  measureCase,
  renderFormatTable,
  renderMisses,
  renderTable,
} from "./measure.js";
import { isWritten } from "./written.js";

const args = process.argv.slice(2);
const jsonAt = args.indexOf("--json");
const only = args.filter((a, i) => !a.startsWith("--") && (jsonAt < 0 || i !== jsonAt + 1));
const shared = existsSync(CORPUS);
const labelled = caseNames().filter((n) => only.length === 0 || only.some((o) => n.includes(o)));
const skipped = shared ? [] : labelled.filter((n) => !isWritten(n));
const names = labelled.filter((n) => !skipped.includes(n));
if (skipped.length > 0)
  console.error(
    `accuracy: ${CORPUS} is not here: ${skipped.length} shared case(s) skipped; running the written ones.`,
  );
if (names.length === 0) {
  console.error("accuracy: no labelled case matches");
  process.exit(2);
}
const results: CaseResult[] = [];
const failed: string[] = [];
for (const name of names) {
  process.stderr.write(`${name}…\n`);
  // One case that cannot run (a flag its check needs is missing, a crash) is reported, and the
  // others are still measured.
  try {
    results.push(measureCase(name));
  } catch (error) {
    failed.push(`- ${name}: ${error instanceof Error ? error.message.trim() : String(error)}`);
  }
}
console.log(renderTable(results));
console.log(`\nPer format:\n\n${renderFormatTable(results)}`);
const misses = renderMisses(results);
console.log(misses ? `\nMisses:\n${misses}` : "\nNo misses.");
if (skipped.length > 0)
  console.log(`\nSkipped (no ../shared/realworld): ${skipped.length} case(s).`);
if (failed.length > 0) console.log(`\nCould not run:\n${failed.join("\n")}`);
if (jsonAt >= 0 && args[jsonAt + 1])
  writeFileSync(args[jsonAt + 1] as string, `${JSON.stringify(results, null, 2)}\n`);
if (failed.length > 0) process.exit(1);
