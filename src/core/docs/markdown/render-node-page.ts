// One node's page in markdown, from the same NodePage as the HTML page: what it is, whom to
// call, its neighbourhood, what changes it, what it depends on and what depends on it, and what
// breaks with it.

import type { SiteStamp } from "../html/page-shell.js";
import type { IfThisBreaks, NodePage, RelationRow } from "../node-page.js";
import { nodePagePath } from "../site-paths.js";
import {
  code,
  contactItems,
  count,
  type Here,
  kindLink,
  mdPage,
  mdTable,
  nodeLink,
  ownerLink,
  paragraph,
  plural,
  tableFoot,
  text,
  tierText,
  webLink,
} from "./fragments.js";

/** Parts of a node's page that come from elsewhere, as markdown. */
export interface MarkdownNodeExtras {
  /** The neighbourhood as a ```mermaid block. */
  readonly picture?: string;
  /** Sections placed after the named section. */
  readonly after?: Partial<Record<"changes" | "relations" | "breaks", string>>;
}

export function renderNodePageMarkdown(
  page: NodePage,
  stamp: SiteStamp,
  extras: MarkdownNodeExtras = {},
): string {
  const here: Here = { path: nodePagePath(page.id, "md") };
  return mdPage(
    [
      `# ${code(page.id)}`,
      page.description ? paragraph(page.description) : "",
      facts(here, page),
      whomToCall(here, page),
      extras.picture ? `## Neighbourhood\n\n${extras.picture}` : "",
      whatChangesIt(page),
      extras.after?.changes ?? "",
      relationsSection(here, page),
      extras.after?.relations ?? "",
      ifThisBreaksSection(here, page.id, page.ifThisBreaks),
      extras.after?.breaks ?? "",
    ],
    stamp,
  );
}

function facts(here: Here, page: NodePage): string {
  const rows: [string, string][] = [
    ["Kind", kindLink(here, page.kind)],
    ["Tier", text(tierText(page.tier))],
    [
      "Owner",
      page.ownerId === undefined
        ? "_none declared_"
        : page.owner
          ? ownerLink(here, page.ownerId)
          : `${text(page.ownerId)} _(not declared under owners)_`,
    ],
  ];
  if (page.docs) rows.push(["Docs", webLink(page.docs)]);
  if (page.runbook) rows.push(["Runbook", webLink(page.runbook)]);
  if (page.catalog) rows.push(["Catalog", code(page.catalog.ref)]);
  rows.push([
    "Declared in",
    code(`${page.declaredAt.file}${page.declaredAt.line ? `:${page.declaredAt.line}` : ""}`),
  ]);
  return mdTable(["", ""], rows);
}

function whomToCall(here: Here, page: NodePage): string {
  const head = "## Whom to call";
  if (!page.owner)
    return `${head}\n\nNobody: this node has no declared owner. Add \`owner:\` to it in deps.yaml.`;
  const o = page.owner;
  const items = contactItems(o);
  return `${head}

${ownerLink(here, o.id)}${o.title ? ` (${text(o.title)})` : ""}${o.description ? `: ${text(o.description)}` : ""}

${items.length ? items.map((i) => `- ${i}`).join("\n") : "No contact declared: add github, chat, email or escalation to this owner."}`;
}

function whatChangesIt(page: NodePage): string {
  const { paths, terraform, kubernetes, cloudformation = [] } = page.match;
  const groups: [string, readonly string[]][] = [
    ["Files", paths.map((p) => p.source)],
    ["Terraform", terraform],
    ["Kubernetes", kubernetes],
    ["CloudFormation", cloudformation],
  ];
  const listed = groups.filter(([, rules]) => rules.length > 0);
  const head = "## What changes it";
  if (listed.length === 0)
    return `${head}\n\nNo match rules: no change in a repository will be reported as changing this node (it is only ever impacted through what it depends on).`;
  return `${head}\n\n${mdTable(
    ["Matched in", "Rules"],
    listed.map(([k, rules]) => [k, rules.map(code).join("<br>")]),
  )}`;
}

function relationsSection(here: Here, page: NodePage): string {
  const table = (name: "upstream" | "downstream", empty: string, throughHeader: string) => {
    const t = page[name];
    if (t.total === 0) return empty;
    const foot = tableFoot(here, t, name, "nearest first", false);
    return `${mdTable(
      ["Node", "Kind", "Owner", "Depth", "Edge type", "Breaks on", throughHeader],
      t.rows.map((r) => relationCells(here, r)),
    )}${foot ? `\n\n${foot}` : ""}`;
  };
  return `## Depends on

What it depends on, at every depth (${count(page.upstream.total)}):

${table("upstream", "It depends on nothing.", "Needed by")}

## Depended on by

What depends on it directly (${count(page.downstream.total)}); everything further down is under **If this breaks**:

${table("downstream", "Nothing depends on it.", "Through")}`;
}

function relationCells(here: Here, r: RelationRow): string[] {
  return [
    nodeLink(here, r.id),
    text(r.kind),
    ownerLink(here, r.owner),
    String(r.depth),
    `${code(r.via)}${r.discovered ? " _(found in Terraform)_" : ""}`,
    r.breaksOn ? r.breaksOn.map(code).join(", ") : "every class",
    nodeLink(here, r.through),
  ];
}

function ifThisBreaksSection(here: Here, id: string, breaks: IfThisBreaks): string {
  const head = "## If this breaks";
  if (breaks.breaking + breaks.atRisk === 0)
    return `${head}\n\nNothing depends on ${code(id)}: if it stops working, nothing else is reported.`;
  const summary = `If ${code(id)} stops working (as if removed: change class ${code(breaks.changeClass)}), **${plural(breaks.breaking, "node")}** break and **${count(breaks.atRisk)}** ${breaks.atRisk === 1 ? "is" : "are"} at risk. Risk: **${text(breaks.risk)}**. The same analysis as \`blastradius check\`.`;
  const owners = mdTable(
    ["Owner", "Breaking", "At risk", "How to reach them"],
    breaks.owners.map((o) => [
      ownerLink(here, o.id),
      String(o.breaking),
      String(o.atRisk),
      contactItems(o).join("<br>") || "_no contact declared_",
    ]),
  );
  const nodes = mdTable(
    ["Severity", "Node", "Kind", "Owner", "Tier", "Depth", "Reached from"],
    breaks.nodes.rows.map((r) => [
      r.severity,
      nodeLink(here, r.id),
      text(r.kind),
      ownerLink(here, r.owner),
      r.tier === undefined ? "" : String(r.tier),
      String(r.depth),
      (() => {
        // The last hop; the whole path is in the table's CSV and JSON.
        const last = r.path.at(-1);
        const from = r.path.length > 1 ? (r.path[r.path.length - 2]?.to ?? id) : id;
        return last ? `${nodeLink(here, from)} ${code(last.via)}` : "";
      })(),
    ]),
  );
  return `${head}

${summary}

### Whom to call (${plural(breaks.owners.length, "team")})

${owners}

### What breaks with it (${count(breaks.nodes.total)})

${nodes}

${tableFoot(here, breaks.nodes, "breaks", "most severe first")}`;
}
