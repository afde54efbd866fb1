// One owner's page: how to reach them, their nodes, who can break them, whom they can break.

import type { OwnerPage } from "../owner-page.js";
import { shortDescription } from "../search-index.js";
import { ownerPagePath } from "../site-paths.js";
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
} from "./fragments.js";
import { htmlPage, type SiteStamp } from "./page-shell.js";

/** `exports`: the page's exports kept in it (path → `data:` URL); absent: files beside it. */
export function renderOwnerPageHtml(
  page: OwnerPage,
  stamp: SiteStamp,
  exports?: ReadonlyMap<string, string>,
): string {
  const here: Here = { path: ownerPagePath(page.contact.id) };
  const exported = { about: page.contact.id, inline: exports ?? new Map<string, string>() };
  const c = page.contact;
  const contacts = contactItems(c);
  const body = [
    `<h1>${text(c.id)}${c.title ? ` <small>(${text(c.title)})</small>` : ""}</h1>`,
    c.description ? `<p>${text(c.description)}</p>` : "",
    `<h2 id="contact">How to reach them</h2>`,
    contacts.length
      ? `<ul>${contacts.map((i) => `<li>${i}</li>`).join("")}</ul>`
      : '<p class="note">No contact declared: add github, chat, email or escalation to this owner in deps.yaml.</p>',
    `<h2 id="nodes">Their nodes (${count(page.nodes.total)})</h2>`,
    page.nodes.total === 0
      ? '<p class="note">No node names this owner.</p>'
      : `${htmlTable(
          "Nodes they own",
          ["Node", "Kind", "Tier", "Description"],
          page.nodes.rows.map((n) => [
            nodeLink(here, n.id),
            kindLink(here, n.kind),
            text(tierText(n.tier)),
            text(shortDescription(n.description ?? "")),
          ]),
        )}\n${tableFoot(here, page.nodes, "nodes", "in the order deps.yaml declares them", false)}`,
    `<h2 id="upstream">Who can break them (${count(page.upstream.total)} upstream)</h2>`,
    page.upstream.total === 0
      ? '<p class="note">Nothing of another team is upstream of their nodes.</p>'
      : [
          htmlTable(
            "Teams upstream of them",
            ["Owner", "Nodes upstream", "How to reach them"],
            page.upstreamOwners.map((o) => [
              ownerLink(here, o.id),
              String(o.nodes),
              contactCell(o),
            ]),
          ),
          htmlTable(
            "Other teams' nodes their nodes depend on",
            ["Node", "Kind", "Owner", "Tier", "Depth"],
            page.upstream.rows.map((r) => [
              nodeLink(here, r.id),
              text(r.kind),
              ownerLink(here, r.owner),
              r.tier === undefined ? "" : String(r.tier),
              String(r.depth),
            ]),
          ),
          tableFoot(here, page.upstream, "upstream", "nearest first", exported),
        ].join("\n"),
    `<h2 id="downstream">Whom they can break (${count(page.downstream.total)} downstream)</h2>`,
    page.downstream.total === 0
      ? '<p class="note">No other team\'s node depends on theirs.</p>'
      : [
          `<p>If every node of ${text(c.id)} stopped working at once (change class <code>deleted</code>, the same analysis as <code>blastradius check</code>):</p>`,
          htmlTable(
            "Teams to warn",
            ["Owner", "Breaking", "At risk", "How to reach them"],
            page.downstreamOwners.map((o) => [
              ownerLink(here, o.id),
              String(o.breaking),
              String(o.atRisk),
              contactCell(o),
            ]),
          ),
          htmlTable(
            "Other teams' nodes that fail with theirs",
            ["Severity", "Node", "Kind", "Owner", "Tier", "Depth"],
            page.downstream.rows.map((r) => [
              `<span class="${r.severity ?? ""}">${text(r.severity ?? "")}</span>`,
              nodeLink(here, r.id),
              text(r.kind),
              ownerLink(here, r.owner),
              r.tier === undefined ? "" : String(r.tier),
              String(r.depth),
            ]),
          ),
          tableFoot(here, page.downstream, "downstream", "breaking first, then nearest", exported),
        ].join("\n"),
  ]
    .filter(Boolean)
    .join("\n");
  return htmlPage({ path: here.path, title: `Owner ${c.id}`, body, stamp });
}
