// One node's page: what it is, whom to call, what changes it, what it depends on and what
// depends on it, and what breaks with it.

import type { NodeMatches } from "../matched-today.js";
import type { IfThisBreaks, NodePage, RelationRow } from "../node-page.js";
import { nodePagePath } from "../site-paths.js";
import {
  contactCell,
  contactItems,
  count,
  type Here,
  htmlTable,
  kindLink,
  nodeLink,
  ownerLink,
  tableFoot,
  text,
  tierText,
  webLink,
} from "./fragments.js";
import type { SiteStamp } from "./page-shell.js";
import { htmlPage } from "./page-shell.js";
import { renderChangesSection } from "./render-changes.js";

/** Parts of a node's page that come from elsewhere (the picture, matches, history …), as HTML. */
export interface NodePageExtras {
  /** The neighbourhood picture (an inline SVG in a figure). */
  readonly picture?: string;
  /** What the node's rules match in the repository today, when it was read, and its name. */
  readonly matches?: NodeMatches;
  readonly repository?: string;
  /** The page's exports kept in it (path → `data:` URL); absent: files beside the page. */
  readonly exports?: ReadonlyMap<string, string>;
  /** Sections placed after the named section. */
  readonly after?: Partial<Record<"changes" | "relations" | "breaks", string>>;
}

export function renderNodePageHtml(
  page: NodePage,
  stamp: SiteStamp,
  extras: NodePageExtras = {},
): string {
  const here: Here = { path: nodePagePath(page.id) };
  const body = [
    `<h1><code>${text(page.id)}</code></h1>`,
    page.description ? `<p>${text(page.description)}</p>` : "",
    facts(here, page),
    whomToCall(here, page),
    extras.picture ? `<h2 id="picture">Neighbourhood</h2>\n${extras.picture}` : "",
    renderChangesSection(page.match, extras.matches, extras.repository),
    extras.after?.changes ?? "",
    relationsSection(here, page),
    extras.after?.relations ?? "",
    ifThisBreaksSection(here, page.id, page.ifThisBreaks, extras.exports),
    extras.after?.breaks ?? "",
  ]
    .filter(Boolean)
    .join("\n");
  return htmlPage({ path: here.path, title: page.id, body, stamp });
}

function facts(here: Here, page: NodePage): string {
  const rows: [string, string][] = [
    ["Kind", kindLink(here, page.kind)],
    ["Tier", text(tierText(page.tier))],
    [
      "Owner",
      page.ownerId === undefined
        ? '<span class="note">none declared</span>'
        : page.owner
          ? ownerLink(here, page.ownerId)
          : `${text(page.ownerId)} <span class="note">(not declared under owners)</span>`,
    ],
  ];
  if (page.docs) rows.push(["Docs", webLink(page.docs)]);
  if (page.runbook) rows.push(["Runbook", webLink(page.runbook)]);
  if (page.catalog) rows.push(["Catalog", `<code>${text(page.catalog.ref)}</code>`]);
  rows.push([
    "Declared in",
    `<code>${text(page.declaredAt.file)}${page.declaredAt.line ? `:${page.declaredAt.line}` : ""}</code>`,
  ]);
  return `<dl class="facts">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join("")}</dl>`;
}

function whomToCall(here: Here, page: NodePage): string {
  if (!page.owner)
    return `<h2 id="owner">Whom to call</h2>\n<p class="note">Nobody: this node has no declared owner. Add <code>owner:</code> to it in deps.yaml.</p>`;
  const items = contactItems(page.owner);
  return `<h2 id="owner">Whom to call</h2>
<p>${ownerLink(here, page.owner.id)}${page.owner.title ? ` (${text(page.owner.title)})` : ""}${page.owner.description ? `: ${text(page.owner.description)}` : ""}</p>
${items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join("")}</ul>` : '<p class="note">No contact declared: add github, chat, email or escalation to this owner.</p>'}`;
}

function relationsSection(here: Here, page: NodePage): string {
  const table = (
    name: "upstream" | "downstream",
    caption: string,
    empty: string,
    throughHeader: string,
  ) => {
    const t = page[name];
    if (t.total === 0) return `<p class="note">${empty}</p>`;
    return `${htmlTable(
      `${caption} (${count(t.total)})`,
      ["Node", "Kind", "Owner", "Depth", "Edge type", "Breaks on", throughHeader],
      t.rows.map((r) => relationCells(here, r)),
    )}\n${tableFoot(here, t, name, "nearest first", false)}`;
  };
  return `<h2 id="depends-on">Depends on</h2>
${table("upstream", "What it depends on, at every depth", "It depends on nothing.", "Needed by")}
<h2 id="dependents">Depended on by</h2>
${page.downstream.total > 0 ? `<p class="note">What depends on it directly; everything further down is under <a href="#if-this-breaks">If this breaks</a>.</p>\n` : ""}${table("downstream", "What depends on it directly", "Nothing depends on it.", "Through")}`;
}

function relationCells(here: Here, r: RelationRow): string[] {
  return [
    nodeLink(here, r.id),
    text(r.kind),
    ownerLink(here, r.owner),
    String(r.depth),
    `<code>${text(r.via)}</code>${r.discovered ? ' <span class="note">(found in Terraform)</span>' : ""}`,
    breaksOnCell(r.breaksOn),
    nodeLink(here, r.through),
  ];
}

/** The classes an edge breaks on, made once per set (a graph has a handful of sets). */
const breaksOnCells = new WeakMap<readonly string[], string>();
function breaksOnCell(classes: readonly string[] | undefined): string {
  if (!classes) return "every class";
  let cell = breaksOnCells.get(classes);
  if (cell === undefined) {
    cell = classes.map((c) => `<code>${text(c)}</code>`).join(", ");
    breaksOnCells.set(classes, cell);
  }
  return cell;
}

function ifThisBreaksSection(
  here: Here,
  id: string,
  breaks: IfThisBreaks,
  exports: ReadonlyMap<string, string> | undefined,
): string {
  const total = breaks.breaking + breaks.atRisk;
  const head = `<h2 id="if-this-breaks">If this breaks</h2>`;
  if (total === 0)
    return `${head}\n<p>Nothing depends on <code>${text(id)}</code>: if it stops working, nothing else is reported.</p>`;
  const summary = `<p class="callout">If <code>${text(id)}</code> stops working (as if removed: change class <code>${text(breaks.changeClass)}</code>), <b>${count(breaks.breaking)}</b> node${breaks.breaking === 1 ? "" : "s"} break and <b>${count(breaks.atRisk)}</b> ${breaks.atRisk === 1 ? "is" : "are"} at risk. Risk: <span class="badge risk-${breaks.risk}">${breaks.risk}</span>. The same analysis as <code>blastradius check</code>.</p>`;
  const owners = htmlTable(
    `Whom to call (${count(breaks.owners.length)} team${breaks.owners.length === 1 ? "" : "s"})`,
    ["Owner", "Breaking", "At risk", "How to reach them"],
    breaks.owners.map((o) => [
      ownerLink(here, o.id),
      String(o.breaking),
      String(o.atRisk),
      contactCell(o),
    ]),
  );
  const nodes = htmlTable(
    `What breaks with it (${count(breaks.nodes.total)})`,
    ["Severity", "Node", "Kind", "Owner", "Tier", "Depth", "Reached from"],
    breaks.nodes.rows.map((r) => [
      `<span class="${r.severity}">${r.severity}</span>`,
      nodeLink(here, r.id),
      text(r.kind),
      ownerLink(here, r.owner),
      r.tier === undefined ? "" : String(r.tier),
      String(r.depth),
      reachedFrom(here, id, r.path),
    ]),
  );
  return `${head}\n${summary}\n${owners}\n${nodes}\n${tableFoot(here, breaks.nodes, "breaks", "most severe first", { about: id, inline: exports ?? new Map() })}`;
}

/**
 * The last hop of the path: the node it is reached from and the edge type. The whole path is in
 * the table's CSV and JSON; on the page, the node's own page goes on from there.
 */
function reachedFrom(
  here: Here,
  id: string,
  path: readonly { readonly to: string; readonly via: string }[],
): string {
  const last = path.at(-1);
  if (!last) return "";
  const from = path.length > 1 ? (path[path.length - 2] as { to: string }).to : id;
  return `${nodeLink(here, from)} <code>${text(last.via)}</code>`;
}
