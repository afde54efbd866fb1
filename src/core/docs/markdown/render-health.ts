// The graph-health page in markdown: what keeps the documentation from being complete, each
// note with what to do about it.

import { type HealthNote, notesByCode } from "../graph-health.js";
import type { SiteStamp } from "../html/page-shell.js";
import { HEALTH_ROWS } from "../html/render-health.js";
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
  const byCode = notesByCode(notes);
  const sections = [...byCode.entries()].map(
    ([name, list]) => `## ${code(name)} (${list.length})

${mdTable(
  ["Where", "What", "What to do"],
  list
    .slice(0, HEALTH_ROWS)
    .map((n) => [
      n.node ? nodeLink(here, n.node) : n.owner ? ownerLink(here, n.owner) : "the graph",
      text(n.message),
      text(n.hint),
    ]),
)}${list.length > HEALTH_ROWS ? `\n\nThe first ${HEALTH_ROWS} of ${list.length}; \`blastradius validate\` lists them all.` : ""}`,
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
