// What a node's rules match in the repository today, in markdown (after its rules).

import type { NodeMatches } from "../matched-today.js";
import { code, count, mdTable, text } from "./fragments.js";

export function renderMatchesMarkdown(
  matches: NodeMatches,
  repository: string | undefined,
): string {
  const parts = [`### Matched today${repository ? ` in ${text(repository)}` : ""}`];
  if (matches.ruleHits.length)
    parts.push(
      mdTable(
        ["Rule", "Matches"],
        matches.ruleHits.map((h) => [
          code(h.rule),
          h.count === 0 ? "nothing: stale rule" : count(h.count),
        ]),
      ),
    );
  if (matches.fileCount)
    parts.push(
      `Files (${count(matches.fileCount)}${matches.files.length < matches.fileCount ? `, the first ${count(matches.files.length)}` : ""}): ${matches.files.map(code).join(", ")}`,
    );
  if (matches.objectCount)
    parts.push(
      `Resources and objects (${count(matches.objectCount)}${matches.objects.length < matches.objectCount ? `, the first ${count(matches.objects.length)}` : ""}): ${matches.objects.map((o) => `${code(o.address)} in ${code(o.file)}`).join(", ")}`,
    );
  return parts.join("\n\n");
}
