// The search page's index: one short row per node, loaded as a script so that the page works
// from a folder (browsers refuse fetch() on file://). Kept small: descriptions are cut, and a
// node's page path is written only where it is not simply nodes/<id>.html.

import type { DepsConfig } from "../model.js";
import { inertJsonText } from "../render/terminal-escape.js";
import { nodePagePath } from "./site-paths.js";

/** The longest description kept in the index, in characters. */
export const INDEX_DESCRIPTION = 160;

/** [id, kind, owner, tier (-1: none), description, page path or "" for the plain one]. */
export type IndexRow = [string, string, string, number, string, string];

export function searchRows(config: DepsConfig): IndexRow[] {
  const rows: IndexRow[] = [];
  for (const node of config.nodes.values()) {
    const page = nodePagePath(node.id);
    const description = node.description ?? "";
    rows.push([
      node.id,
      node.kind,
      node.owner ?? "",
      node.tier ?? -1,
      shortDescription(description),
      page === `nodes/${node.id}.html` ? "" : page,
    ]);
  }
  return rows;
}

/** The start of a long description, never half of a character outside the BMP (an emoji). */
/**
 * A description as a list shows it (the search index, the lists per kind, tier and owner): at
 * most INDEX_DESCRIPTION characters, so that a graph of long descriptions keeps its lists small.
 * The node's own page has it whole.
 */
export function shortDescription(description: string): string {
  return description.length > INDEX_DESCRIPTION ? `${cut(description)}…` : description;
}

function cut(description: string): string {
  const end = INDEX_DESCRIPTION - 1;
  const last = description.charCodeAt(end - 1);
  return description.slice(0, last >= 0xd800 && last <= 0xdbff ? end - 1 : end);
}

/**
 * The rows as a script that sets one global. JSON is valid JavaScript; `<` is escaped so no
 * text can close the script element, and U+2028/2029 so none can end a line inside a string.
 * The same characters come back when the script runs.
 */
export function searchIndexScript(rows: readonly IndexRow[]): string {
  // inertJsonText escapes U+2028/2029 among the controls a terminal would act on (`cat`).
  const json = inertJsonText(JSON.stringify(rows)).replace(/</g, "\\u003c");
  return `window.BLASTRADIUS_INDEX=${json};\n`;
}
