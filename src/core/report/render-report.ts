// The report as markdown (for an issue: summary first, each owner's own section, a mermaid
// chart of the hotspots), as a self-contained HTML page with SVG charts (no scripts, no
// fonts: it opens offline), and as JSON.

import { escapeHtml, webUrl } from "../render/html-escape.js";
import { code, link, text } from "../render/markdown-escape.js";
import { GITHUB_COMMENT_LIMIT } from "../render/render-markdown.js";
import { mermaidLabel } from "../render/render-mermaid.js";
import { plural } from "../render/summary.js";
import { inertJsonText } from "../render/terminal-escape.js";
import { utcMinute as when } from "../render/time.js";
import type { Report, ReportedChange } from "./build-report.js";

const date = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);
const ICON = { none: "🟢", low: "🔵", medium: "🟠", high: "🔴" } as const;

function trend(report: Report): string {
  if (!report.previous) return "";
  const delta = report.headline.withImpact - report.previous.withImpact;
  return ` (previous window: ${report.previous.withImpact} of ${report.previous.changes}, ${delta === 0 ? "the same" : delta > 0 ? `${delta} more` : `${-delta} fewer`})`;
}

/** What a line about one change says, in markdown and on the page alike. */
function changeFacts(c: ReportedChange) {
  const owners = [...new Set(c.impact.impacted.flatMap((n) => (n.owner ? [n.owner] : [])))];
  return {
    breaking: c.impact.impacted.filter((n) => n.severity === "breaking").length,
    changed: c.impact.changed.slice(0, 4),
    moreChanged: c.impact.changed.length > 4 ? ` and ${c.impact.changed.length - 4} more` : "",
    owners: owners.slice(0, 6),
    moreOwners: owners.length > 6 ? ` and ${owners.length - 6} more` : "",
    atMerge: c.recomputed ? "" : ", as analysed at merge",
  };
}

function changeLine(c: ReportedChange): string {
  const ref = link(code(c.id.slice(0, 10)), c.url);
  const f = changeFacts(c);
  const changed = f.changed.map(code).join(", ") || "no node";
  return `${ICON[c.impact.risk]} ${ref} ${text(c.title)} — ${text(c.author)}, ${when(c.time)}: ${changed}${f.moreChanged} changed, ${plural(c.impact.impacted.length, "node")} impacted (${f.breaking} breaking)${f.owners.length ? `, owners ${f.owners.map(code).join(", ")}${f.moreOwners}` : ""}${f.atMerge}`;
}

export function renderReportMarkdown(
  report: Report,
  limit = GITHUB_COMMENT_LIMIT,
  fullReport?: string,
): string {
  const h = report.headline;
  const out: string[] = [
    `## Blast-radius report: ${date(report.since)} to ${date(report.until)}`,
    "",
    `**${h.withImpact} of ${plural(h.changes, "change")} had downstream impact**${trend(report)}: ${h.byRisk.high} high, ${h.byRisk.medium} medium, ${h.byRisk.low} low risk. Source: ${text(report.source)}.`,
    "",
  ];
  if (report.riskiest.length > 0) {
    out.push("### Riskiest changes", "", ...report.riskiest.map((c) => `- ${changeLine(c)}`), "");
  }
  if (report.hotspots.length > 0) {
    out.push(
      "### Most impacted nodes",
      "",
      "```mermaid",
      "pie showData title Times impacted this window",
    );
    for (const h2 of report.hotspots) out.push(`  ${mermaidLabel(h2.node)} : ${h2.times}`);
    out.push("```", "");
  }
  if (report.owners.length > 0) {
    out.push("### Per owner", "");
    for (const o of report.owners) {
      out.push(
        `<details><summary>${text(o.owner)}${o.github ? ` (${code(o.github)})` : ""}: ${plural(o.changes.length, "upstream change")}</summary>`,
        "",
      );
      for (const c of o.changes) {
        const ref = link(code(c.id.slice(0, 10)), c.url);
        const parts = [
          c.breaking.length ? `breaks ${c.breaking.map(code).join(", ")}` : "",
          c.atRisk.length ? `puts at risk ${c.atRisk.map(code).join(", ")}` : "",
        ].filter(Boolean);
        out.push(`- ${ref} ${text(c.title)}: ${parts.join("; ")}`);
      }
      out.push("", "</details>", "");
    }
  }
  const health = report.health;
  out.push("### Graph health", "");
  out.push(
    `- Nodes without an owner: ${health.noOwner.length ? health.noOwner.slice(0, 20).map(code).join(", ") : "none"}`,
  );
  out.push(
    `- Largest downstream reach (single points of failure): ${
      health.reach
        .slice(0, 5)
        .map((r) => `${code(r.node)} (${r.downstream})`)
        .join(", ") || "none"
    }`,
  );
  out.push(
    `- Cycles: ${
      health.cycles.length
        ? health.cycles
            .slice(0, 5)
            .map((c) => c.map(code).join(" → "))
            .join("; ")
        : "none"
    }`,
  );
  out.push(
    `- Match rules that matched no changed file this window (possibly stale): ${health.unmatchedRules.length}`,
  );
  if (report.requests !== undefined) out.push(`- GitHub API requests: ${report.requests}`);
  out.push("");
  let body = out.join("\n");
  if (body.length >= limit) {
    const note = `\n\n_The report was cut to fit GitHub's limit${fullReport ? `; the whole report is in ${text(fullReport)}` : ""}._\n`;
    body = body.slice(0, limit - note.length - 1);
    body = `${body.slice(0, body.lastIndexOf("\n"))}${note}`;
  }
  return body;
}

/** A chart with nothing to draw: its title, and why there is nothing. */
const emptyChart = (title: string, why: string) =>
  `<figure><figcaption><b>${escapeHtml(title)}</b></figcaption><p class="empty">${escapeHtml(why)}</p></figure>`;

const nothingIn = (rows: readonly { value: number }[]) => rows.every((r) => r.value === 0);

/** A horizontal bar chart as inline SVG. */
function bars(
  title: string,
  rows: readonly { label: string; value: number }[],
  empty: string,
): string {
  if (nothingIn(rows)) return emptyChart(title, empty);
  const width = 640;
  const labelWidth = 260;
  const row = 22;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const height = rows.length * row + 30;
  const items = rows
    .map((r, i) => {
      const w = Math.round(((width - labelWidth - 50) * r.value) / max);
      const y = 24 + i * row;
      return `<text x="0" y="${y + 14}" font-size="12">${escapeHtml(r.label.length > 38 ? `${r.label.slice(0, 37)}…` : r.label)}</text><rect x="${labelWidth}" y="${y}" width="${w}" height="16" fill="#d9534f"/><text x="${labelWidth + w + 6}" y="${y + 13}" font-size="12">${r.value}</text>`;
    })
    .join("");
  return `<figure><svg role="img" aria-label="${escapeHtml(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg"><text x="0" y="14" font-size="14" font-weight="bold">${escapeHtml(title)}</text>${items}</svg></figure>`;
}

/** A column chart over days as inline SVG: one column a day, a date label every few days. */
function columns(
  title: string,
  rows: readonly { label: string; value: number }[],
  empty: string,
): string {
  if (nothingIn(rows)) return emptyChart(title, empty);
  const width = 900;
  const height = 200;
  const left = 30;
  const bottom = 40;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const step = (width - left) / Math.max(1, rows.length);
  const every = Math.max(1, Math.ceil(rows.length / 10));
  const items = rows
    .map((r, i) => {
      const h = Math.round(((height - bottom - 30) * r.value) / max);
      const x = left + i * step;
      const y = height - bottom - h;
      const bar =
        r.value > 0
          ? `<rect x="${x + 1}" y="${y}" width="${Math.max(1, step - 2)}" height="${h}" fill="#d9534f"/><text x="${x + step / 2}" y="${y - 4}" font-size="11" text-anchor="middle">${r.value}</text>`
          : "";
      const label =
        i % every === 0
          ? `<text x="${x + step / 2}" y="${height - bottom + 16}" font-size="11" text-anchor="middle">${escapeHtml(r.label.slice(5))}</text>`
          : "";
      return bar + label;
    })
    .join("");
  return `<figure><svg role="img" aria-label="${escapeHtml(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg"><text x="0" y="14" font-size="14" font-weight="bold">${escapeHtml(title)}</text><line x1="${left}" y1="${height - bottom}" x2="${width}" y2="${height - bottom}" stroke="#999"/>${items}</svg></figure>`;
}

/** A change's link on the page: only a web address becomes one. */
function changeRef(c: ReportedChange): string {
  const id = `<code>${escapeHtml(c.id.slice(0, 10))}</code>`;
  return webUrl(c.url) ? `<a href="${escapeHtml(c.url as string)}">${id}</a>` : id;
}

/** The markdown's riskiest-changes line, as a list item. */
function riskyItem(c: ReportedChange): string {
  const f = changeFacts(c);
  const codes = (ids: readonly string[]) =>
    ids.map((id) => `<code>${escapeHtml(id)}</code>`).join(", ");
  return `<li class="${c.impact.risk}">${ICON[c.impact.risk]} ${changeRef(c)} ${escapeHtml(c.title)} — ${escapeHtml(c.author)}, ${when(c.time)}: ${codes(f.changed) || "no node"}${f.moreChanged} changed, ${plural(c.impact.impacted.length, "node")} impacted (${f.breaking} breaking)${f.owners.length ? `, owners ${codes(f.owners)}${f.moreOwners}` : ""}${f.atMerge}</li>`;
}

/** Why the per-day chart has no column: no change at all, or none that reached anything. */
function noImpactPerDay(report: Report): string {
  const changes = report.headline.changes;
  return changes === 0
    ? "Nothing to chart: no change was made in this window."
    : changes === 1
      ? "Nothing to chart: the one change in this window reached no node downstream."
      : `Nothing to chart: none of the ${changes} changes in this window reached a node downstream.`;
}

export function renderReportHtml(report: Report): string {
  const h = report.headline;
  const changeRows = report.changes
    .map(
      (c) =>
        `<tr class="${c.impact.risk}"><td>${c.impact.risk}</td><td>${changeRef(c)}</td><td>${escapeHtml(c.title)}</td><td>${escapeHtml(c.author)}</td><td>${when(c.time)}</td><td>${escapeHtml(c.impact.changed.join(", "))}</td><td>${c.impact.impacted.length}</td></tr>`,
    )
    .join("\n");
  const owners = report.owners
    .map(
      (o) =>
        `<section><h3>${escapeHtml(o.owner)}${o.github ? ` <small>${escapeHtml(o.github)}</small>` : ""}</h3><ul>${o.changes.map((c) => `<li><b>${escapeHtml(c.id.slice(0, 10))}</b> ${escapeHtml(c.title)}: ${c.breaking.length ? `breaks ${escapeHtml(c.breaking.join(", "))}` : ""}${c.breaking.length && c.atRisk.length ? "; " : ""}${c.atRisk.length ? `at risk ${escapeHtml(c.atRisk.join(", "))}` : ""}</li>`).join("")}</ul></section>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Blast-radius report ${date(report.since)} to ${date(report.until)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:1000px;padding:0 1rem;color:#222}
.headline{font-size:1.4rem;padding:1rem;border-radius:8px;background:#f7f7f9}
.counts span{display:inline-block;margin-right:1rem;padding:.2rem .6rem;border-radius:4px;color:#fff}
.high{background:#fbe3e2}.medium{background:#fdf1dc}.low{background:#e3eefb}
.counts .h{background:#d9534f}.counts .m{background:#f0ad4e}.counts .l{background:#5bc0de}.counts .n{background:#5cb85c}
.table-box{max-width:100%;overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.9rem}td,th{border-bottom:1px solid #ddd;padding:.3rem;text-align:left;vertical-align:top}
td,li{overflow-wrap:anywhere}td:first-child,td:nth-child(2),td:nth-child(5){white-space:nowrap}
.riskiest li{padding:.2rem .4rem;margin:.2rem 0;list-style:none}.riskiest{padding:0}
figure{margin:1rem 0}figcaption{font-size:14px}svg{max-width:100%;height:auto}small,.empty{color:#666}
</style></head><body>
<h1>Blast-radius report</h1>
<p>${date(report.since)} to ${date(report.until)} · ${escapeHtml(report.source)}</p>
<div class="headline"><b>${h.withImpact}</b> of ${h.changes} changes had downstream impact${escapeHtml(trend(report))}
<div class="counts"><span class="h">${h.byRisk.high} high</span><span class="m">${h.byRisk.medium} medium</span><span class="l">${h.byRisk.low} low</span><span class="n">${h.byRisk.none} none</span></div></div>
${
  report.riskiest.length
    ? `<h2>Riskiest changes</h2>\n<ul class="riskiest">\n${report.riskiest.map(riskyItem).join("\n")}\n</ul>`
    : ""
}
<h2>Charts</h2>
${columns(
  "Impacted nodes per day",
  report.perDay.map((d) => ({ label: d.day, value: d.impacted })),
  noImpactPerDay(report),
)}
${bars(
  "Top nodes by downstream reach",
  report.health.reach.map((r) => ({ label: r.node, value: r.downstream })),
  "Nothing to chart: no node in the graph has anything downstream of it.",
)}
${
  report.hotspots.length
    ? bars(
        "Most impacted nodes this window",
        report.hotspots.map((s) => ({ label: s.node, value: s.times })),
        "",
      )
    : ""
}
<h2>Changes</h2>
<div class="table-box"><table><thead><tr><th>risk</th><th>change</th><th>title</th><th>author</th><th>when (UTC)</th><th>changed nodes</th><th>impacted</th></tr></thead><tbody>
${changeRows || '<tr><td colspan="7">No changes in this window.</td></tr>'}
</tbody></table></div>
<h2>Per owner</h2>
${owners || "<p>No owner was reached by an upstream change.</p>"}
<h2>Graph health</h2>
<ul>
<li>Nodes without an owner: ${escapeHtml(report.health.noOwner.join(", ") || "none")}</li>
<li>Cycles: ${escapeHtml(report.health.cycles.map((c) => c.join(" → ")).join("; ") || "none")}</li>
<li>Match rules that matched no changed file this window (possibly stale): ${report.health.unmatchedRules.length}</li>
</ul>
</body></html>
`;
}

/** The JSON output, with no raw control a terminal would act on. */
export function renderReportJson(report: Report): string {
  return `${inertJsonText(JSON.stringify(reportToJson(report), null, 2))}\n`;
}

export function reportToJson(report: Report) {
  return {
    ...report,
    since: new Date(report.since * 1000).toISOString(),
    until: new Date(report.until * 1000).toISOString(),
  };
}
