// The graph-health page: what in deps.yaml keeps the documentation (and the analysis) from
// being complete, each note with what to do about it.

import { type HealthNote, notesByCode } from "../graph-health.js";
import { count, type Here, htmlTable, nodeLink, ownerLink, text } from "./fragments.js";
import { htmlPage, type SiteStamp } from "./page-shell.js";

/** A hint as the checks write it, its `quoted` parts (keys, commands) set as code. */
const withCode = (hint: string) =>
  text(hint).replace(/`([^`]+)`/g, (_, code: string) => `<code>${code}</code>`);

/** Notes listed per kind of note: a page stays small when thousands of nodes share a problem. */
export const HEALTH_ROWS = 200;

export function renderHealthHtml(notes: readonly HealthNote[], stamp: SiteStamp): string {
  const here: Here = { path: "health.html" };
  const byCode = notesByCode(notes);
  const sections = [...byCode.entries()].map(
    ([code, list]) => `<h2 id="${text(code)}">${text(code)} (${count(list.length)})</h2>
${htmlTable(
  `${text(code)}: ${list[0]?.severity === "warning" ? "warnings" : "notes"}`,
  ["Where", "What", "What to do"],
  list
    .slice(0, HEALTH_ROWS)
    .map((n) => [
      n.node ? nodeLink(here, n.node) : n.owner ? ownerLink(here, n.owner) : "the graph",
      text(n.message),
      withCode(n.hint),
    ]),
)}${list.length > HEALTH_ROWS ? `\n<p class="note">The first ${count(HEALTH_ROWS)} of ${count(list.length)}; <code>blastradius validate</code> lists them all.</p>` : ""}`,
  );
  const body = `<h1>Graph health</h1>
${notes.length === 0 ? "<p>Nothing to note: every node has an owner and match rules, and every contract can be checked.</p>" : `<p>${count(notes.length)} note${notes.length === 1 ? "" : "s"}.</p>`}
${sections.join("\n")}`;
  return htmlPage({ path: here.path, title: "Graph health", body, stamp });
}
