// A node page's contracts and recent upstream changes, in HTML.

import type { UpstreamChange } from "../../explore/recent-changes.js";
import { webUrl } from "../../render/html-escape.js";
import { utcMinute } from "../../render/time.js";
import type { ContractLine } from "../node-contracts.js";
import type { NodeHistory } from "../node-history.js";
import { changeLabel } from "../node-sections.js";
import { count, type Here, htmlTable, nodeLink, text } from "./fragments.js";

/** The commit or pull request, linked when it has a web address. */
function changeRef(change: UpstreamChange): string {
  const label = `<code>${text(changeLabel(change))}</code>`;
  const url = webUrl(change.commit.url);
  return url ? `<a href="${text(url)}">${label}</a>` : label;
}

const STATUS_CLASS: Record<string, string> = { broken: "breaking", unknown: "at-risk" };

export function renderContractsHtml(
  here: Here,
  id: string,
  contracts: {
    readonly expects: readonly ContractLine[];
    readonly expectedOfIt: readonly ContractLine[];
  },
  note: string,
): string {
  const table = (
    caption: string,
    lines: readonly ContractLine[],
    other: "upstream" | "dependent",
  ) =>
    htmlTable(
      caption,
      ["Contract", other === "upstream" ? "Of" : "Expected by", "Status", "Why"],
      lines.map((l) => [
        text(l.words),
        nodeLink(here, other === "upstream" ? l.upstream : l.dependent),
        `<span class="${STATUS_CLASS[l.status] ?? ""}">${text(l.status)}</span>${l.waiver ? ` <span class="note">(waived until ${text(l.waiver.until)}: ${text(l.waiver.reason)})</span>` : ""}`,
        text([l.detail, l.where].filter(Boolean).join(" · ")),
      ]),
    );
  const parts = [`<h2 id="contracts">Contracts</h2>`, `<p class="note">${text(note)}</p>`];
  if (contracts.expects.length === 0 && contracts.expectedOfIt.length === 0)
    parts.push(
      `<p>No contract: no edge to or from <code>${text(id)}</code> declares <code>expects:</code>. A contract says what a dependent needs (a trust, a permission, that it exists) and is checked on every change.</p>`,
    );
  if (contracts.expects.length)
    parts.push(
      table(
        `What it expects of what it depends on (${contracts.expects.length})`,
        contracts.expects,
        "upstream",
      ),
    );
  if (contracts.expectedOfIt.length)
    parts.push(
      table(
        `What its dependents expect of it (${contracts.expectedOfIt.length})`,
        contracts.expectedOfIt,
        "dependent",
      ),
    );
  return parts.join("\n");
}

export function renderHistoryHtml(
  here: Here,
  id: string,
  history: NodeHistory,
  source: string,
): string {
  const head = `<h2 id="recent-changes">Recent upstream changes</h2>\n<p class="note">From the ${text(source)}: changes to <code>${text(id)}</code> or anything it depends on, nearest first, then newest (as <code>blastradius suspects</code> lists them).</p>`;
  if (history.total === 0) return `${head}\n<p>None in this window.</p>`;
  const shown =
    history.changes.length < history.total
      ? `<p class="note">The first ${count(history.changes.length)} of ${count(history.total)}.</p>`
      : "";
  return `${head}
${htmlTable(
  `${count(history.total)} change${history.total === 1 ? "" : "s"}`,
  ["When (UTC)", "Change", "Author", "Touched", "Distance", "Classes", "Path"],
  history.changes.map((c) => [
    text(utcMinute(c.commit.time)),
    `${changeRef(c)} ${text(c.commit.subject)}`,
    text(c.commit.author),
    nodeLink(here, c.node),
    String(c.distance),
    c.classes.map((cls) => `<code>${text(cls)}</code>`).join(", "),
    c.path.nodes
      .map((n, i) =>
        i === 0 ? text(n) : ` -[<code>${text(c.path.vias[i - 1] ?? "")}</code>]-&gt; ${text(n)}`,
      )
      .join(""),
  ]),
)}
${shown}`;
}
