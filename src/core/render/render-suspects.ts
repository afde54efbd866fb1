// Suspects as text, markdown or JSON: the incident view "what changed upstream, recently?".

import type { UpstreamChange } from "../explore/recent-changes.js";
import { code, link, text } from "./markdown-escape.js";
import { inertJsonText, terminalText as t } from "./terminal-escape.js";
import { utcMinute as when } from "./time.js";

export interface SuspectsReport {
  readonly node: string;
  /** Seconds since the epoch. */
  readonly since: number;
  readonly source: string;
  readonly suspects: readonly UpstreamChange[];
}

const pathText = (p: UpstreamChange["path"]) =>
  t(
    p.nodes.reduce((out, node, i) => (i === 0 ? node : `${out} -[${p.vias[i - 1]}]-> ${node}`), ""),
  );

export function renderSuspectsText(report: SuspectsReport): string {
  const lines = [
    `Suspects for ${t(report.node)}: changes to it or upstream of it since ${when(report.since)} UTC (${t(report.source)}), nearest first`,
  ];
  if (report.suspects.length === 0)
    lines.push("", "  none: nothing upstream changed in this window");
  report.suspects.forEach((s, i) => {
    lines.push(
      "",
      `${i + 1}. ${t(s.commit.sha.slice(0, 10))}  ${when(s.commit.time)}  ${t(s.commit.author)}: ${t(s.commit.subject)}`,
      `   ${s.distance === 0 ? "changed the node itself" : `changed ${t(s.node)}, ${s.distance} step${s.distance === 1 ? "" : "s"} upstream`} (${t(s.classes.join(", "))}): ${t(s.files.slice(0, 4).join(", "))}${s.files.length > 4 ? ` and ${s.files.length - 4} more` : ""}`,
      `   path: ${pathText(s.path)}`,
    );
    if (s.commit.url) lines.push(`   ${t(s.commit.url)}`);
  });
  return `${lines.join("\n")}\n`;
}

export function renderSuspectsMarkdown(report: SuspectsReport): string {
  const lines = [
    `### Suspects for ${code(report.node)}`,
    "",
    `Changes to it or upstream of it since ${when(report.since)} UTC (${text(report.source)}), nearest first.`,
    "",
  ];
  if (report.suspects.length === 0) lines.push("_None: nothing upstream changed in this window._");
  report.suspects.forEach((s, i) => {
    const ref = link(code(s.commit.sha.slice(0, 10)), s.commit.url);
    lines.push(
      `${i + 1}. ${ref} ${when(s.commit.time)}, ${text(s.commit.author)}: ${text(s.commit.subject)}`,
      `   - ${s.distance === 0 ? "the node itself" : `${code(s.node)}, ${s.distance} up`} (${text(s.classes.join(", "))}): ${s.files.slice(0, 4).map(code).join(", ")}`,
      `   - path: ${s.path.nodes.map(code).join(" → ")}`,
    );
  });
  return `${lines.join("\n")}\n`;
}

/** The JSON output, with no raw control a terminal would act on. */
export function renderSuspectsJson(report: SuspectsReport): string {
  return `${inertJsonText(JSON.stringify(suspectsToJson(report), null, 2))}\n`;
}

export function suspectsToJson(report: SuspectsReport) {
  return {
    node: report.node,
    since: new Date(report.since * 1000).toISOString(),
    source: report.source,
    suspects: report.suspects.map((s) => ({
      id: s.commit.sha,
      title: s.commit.subject,
      author: s.commit.author,
      time: new Date(s.commit.time * 1000).toISOString(),
      url: s.commit.url ?? null,
      node: s.node,
      distance: s.distance,
      classes: s.classes,
      files: s.files,
      path: s.path.nodes,
      via: s.path.vias,
    })),
  };
}
