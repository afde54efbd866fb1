// A pull request's changes to deps.yaml itself, as a comment section. The analysis above it
// used the graph at the base commit, so a pull request cannot hide its own blast radius.

import { type GraphDiff, isEmptyDiff } from "../graph-diff.js";
import { code, text } from "./markdown-escape.js";
import { plural } from "./summary.js";

const MAX_ITEMS = 25;

function bullets(items: readonly string[]): string[] {
  const shown = items.slice(0, MAX_ITEMS).map((item) => `- ${item}`);
  if (items.length > MAX_ITEMS) shown.push(`- …and ${items.length - MAX_ITEMS} more`);
  return shown;
}

export function renderGraphDiff(file: string, diff: GraphDiff): string {
  const counted: [number, string, string][] = [
    [diff.nodesAdded.length, "node", "added"],
    [diff.nodesRemoved.length, "node", "removed"],
    [diff.nodesChanged.length, "node", "changed"],
    [diff.edgesAdded.length, "edge", "added"],
    [diff.edgesRemoved.length, "edge", "removed"],
  ];
  const parts = counted.filter(([n]) => n > 0).map(([n, what, how]) => `${plural(n, what)} ${how}`);
  const out = [
    `#### This pull request changes the dependency graph (${code(file)})`,
    "",
    isEmptyDiff(diff)
      ? "The file changed, but not the nodes, edges or match rules in it."
      : `${parts.join(", ")}. The analysis above used the graph at the base commit; these changes apply once merged.`,
  ];
  const edge = (e: { from: string; to: string; via: string }) =>
    `${code(e.from)} depends on ${code(e.to)} _(${text(e.via)})_`;
  const sections: [string, string[]][] = [
    ["Nodes added", diff.nodesAdded.map(code)],
    ["Nodes removed", diff.nodesRemoved.map(code)],
    ["Nodes changed", diff.nodesChanged.map((n) => `${code(n.id)}: ${n.fields.join(", ")}`)],
    ["Edges added", diff.edgesAdded.map(edge)],
    ["Edges removed", diff.edgesRemoved.map(edge)],
  ];
  for (const [title, items] of sections) {
    if (items.length === 0) continue;
    out.push("", `**${title}:**`, ...bullets(items));
  }
  return out.join("\n");
}

/** The graph at the head commit does not load: say so, with where, without the whole list. */
export function renderBrokenGraph(file: string, errors: readonly string[]): string {
  return [
    `#### This pull request breaks the dependency graph (${code(file)})`,
    "",
    `At the head commit it has ${plural(errors.length, "error")}; run \`blastradius validate\` to see them all:`,
    "",
    ...bullets(errors.map(code)),
  ].join("\n");
}
