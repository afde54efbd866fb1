// One owner's page in markdown, from the same OwnerPage as the HTML page: how to reach them,
// their nodes, who can break them, whom they can break.

import type { SiteStamp } from "../html/page-shell.js";
import type { OwnerPage } from "../owner-page.js";
import { shortDescription } from "../search-index.js";
import { ownerPagePath } from "../site-paths.js";
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
  tableFoot,
  text,
  tierText,
} from "./fragments.js";

export function renderOwnerPageMarkdown(page: OwnerPage, stamp: SiteStamp): string {
  const here: Here = { path: ownerPagePath(page.contact.id, "md") };
  const c = page.contact;
  const contacts = contactItems(c);
  const withFoot = (table: string, foot: string) => (foot ? `${table}\n\n${foot}` : table);
  return mdPage(
    [
      `# ${code(c.id)}${c.title ? ` (${text(c.title)})` : ""}`,
      c.description ? paragraph(c.description) : "",
      "## How to reach them",
      contacts.length
        ? contacts.map((i) => `- ${i}`).join("\n")
        : "No contact declared: add github, chat, email or escalation to this owner in deps.yaml.",
      `## Their nodes (${count(page.nodes.total)})`,
      page.nodes.total === 0
        ? "No node names this owner."
        : withFoot(
            mdTable(
              ["Node", "Kind", "Tier", "Description"],
              page.nodes.rows.map((n) => [
                nodeLink(here, n.id),
                kindLink(here, n.kind),
                text(tierText(n.tier)),
                text(shortDescription(n.description ?? "")),
              ]),
            ),
            tableFoot(here, page.nodes, "nodes", "in the order deps.yaml declares them", false),
          ),
      `## Who can break them (${count(page.upstream.total)} upstream)`,
      page.upstream.total === 0
        ? "Nothing of another team is upstream of their nodes."
        : [
            "Teams upstream of them:",
            mdTable(
              ["Owner", "Nodes upstream", "How to reach them"],
              page.upstreamOwners.map((o) => [
                ownerLink(here, o.id),
                String(o.nodes),
                contactItems(o).join("<br>") || "_no contact declared_",
              ]),
            ),
            "Other teams' nodes their nodes depend on:",
            mdTable(
              ["Node", "Kind", "Owner", "Tier", "Depth"],
              page.upstream.rows.map((r) => [
                nodeLink(here, r.id),
                text(r.kind),
                ownerLink(here, r.owner),
                r.tier === undefined ? "" : String(r.tier),
                String(r.depth),
              ]),
            ),
            tableFoot(here, page.upstream, "upstream", "nearest first"),
          ].join("\n\n"),
      `## Whom they can break (${count(page.downstream.total)} downstream)`,
      page.downstream.total === 0
        ? "No other team's node depends on theirs."
        : [
            `If every node of ${text(c.id)} stopped working at once (change class ${code("deleted")}, the same analysis as \`blastradius check\`), these teams are to warn:`,
            mdTable(
              ["Owner", "Breaking", "At risk", "How to reach them"],
              page.downstreamOwners.map((o) => [
                ownerLink(here, o.id),
                String(o.breaking),
                String(o.atRisk),
                contactItems(o).join("<br>") || "_no contact declared_",
              ]),
            ),
            "Other teams' nodes that fail with theirs:",
            mdTable(
              ["Severity", "Node", "Kind", "Owner", "Tier", "Depth"],
              page.downstream.rows.map((r) => [
                r.severity ?? "",
                nodeLink(here, r.id),
                text(r.kind),
                ownerLink(here, r.owner),
                r.tier === undefined ? "" : String(r.tier),
                String(r.depth),
              ]),
            ),
            tableFoot(here, page.downstream, "downstream", "breaking first, then nearest"),
          ].join("\n\n"),
    ],
    stamp,
  );
}
