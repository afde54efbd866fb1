// The graph-health page in markdown: what keeps the documentation from being complete, each
// note with what to do about it.

import type { HealthNote } from "../graph-health.js";
import type { SiteStamp } from "../html/page-shell.js";
import {
  code,
  type Here,
  mdPage,
  mdTable,
  nodeLink,
  ownerLink,
  plural,
  text,
} from "./fragments.js";

export const HEALTH_PAGE = "health.md";

export function renderHealthMarkdown(notes: readonly HealthNote[], stamp: SiteStamp): string {
  const here: Here = { path: HEALTH_PAGE };
  const byCode = new Map<string, HealthNote[]>();
  for (const note of notes) byCode.set(note.code, [...(byCode.get(note.code) ?? []), note]);
  const sections = [...byCode.entries()].map(
    ([name, list]) => `## ${code(name)} (${list.length})

${mdTable(
  ["Where", "What", "What to do"],
  list.map((n) => [
    n.node ? nodeLink(here, n.node) : n.owner ? ownerLink(here, n.owner) : "the graph",
    text(n.message),
    text(n.hint),
  ]),
)}`,
  );
  return mdPage(
    [
      "# Graph health",
      notes.length === 0
        ? "Nothing to note: every node has an owner and match rules, and every contract can be checked."
        : `${plural(notes.length, "note")}.`,
      ...sections,
    ],
    stamp,
  );
}
