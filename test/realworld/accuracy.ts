// `npm run accuracy`: runs every labelled real case and prints, per case and in total, the
// precision and recall of changed-node attribution, change-class accuracy, and the precision
// and recall of the breaking and at-risk sets, then every miss. `--json FILE` keeps the figures.

import { existsSync, writeFileSync } from "node:fs";
import {
  type CaseResult,
  CORPUS,
  caseNames,
  measureCase,
  renderMisses,
  renderTable,
} from "./measure.js";

const args = process.argv.slice(2);
const jsonAt = args.indexOf("--json");
const only = args.filter((a, i) => !a.startsWith("--") && (jsonAt < 0 || i !== jsonAt + 1));
if (!existsSync(CORPUS)) {
  console.error(
    `accuracy: ${CORPUS} is not here: the real corpus (../shared/realworld) is needed.`,
  );
  process.exit(2);
}
const names = caseNames().filter((n) => only.length === 0 || only.some((o) => n.includes(o)));
if (names.length === 0) {
  console.error("accuracy: no labelled case matches");
  process.exit(2);
}
const results: CaseResult[] = [];
for (const name of names) {
  process.stderr.write(`${name}…\n`);
  results.push(measureCase(name));
}
console.log(renderTable(results));
const misses = renderMisses(results);
console.log(misses ? `\nMisses:\n${misses}` : "\nNo misses.");
if (jsonAt >= 0 && args[jsonAt + 1])
  writeFileSync(args[jsonAt + 1] as string, `${JSON.stringify(results, null, 2)}\n`);
