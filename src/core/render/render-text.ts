// Impact -> text for a person at a terminal. Every string from the graph, the files or the API
// goes through `t` (terminal-escape): the only escape sequences printed are our own colours.

import { byConcern } from "../by-concern.js";
import type { Impact, ImpactedNode, OwnerImpact, QuietFile } from "../model.js";
import { describePath } from "./describe-path.js";
import { adviceFor, contractsToShow, evidenceLines, keptOnPath, RECOVERY } from "./explain.js";
import { contractsText } from "./render-contracts.js";
import { unjudgedLines } from "./render-unjudged.js";
import { plural, summarize } from "./summary.js";
import { terminalText as t } from "./terminal-escape.js";

export interface TextOptions {
  /** ANSI colour; the entry point decides from the terminal and NO_COLOR / FORCE_COLOR. */
  readonly color?: boolean;
}

const ANSI = { red: 31, yellow: 33, green: 32, cyan: 36, dim: 2, bold: 1 } as const;
type Style = keyof typeof ANSI;

const RISK_STYLE = { none: "green", low: "cyan", medium: "yellow", high: "red" } as const;

export function renderText(impact: Impact, options: TextOptions = {}): string {
  const paint = (style: Style, value: string) =>
    options.color ? `\u001b[${ANSI[style]}m${value}\u001b[0m` : value;
  const counts = summarize(impact);
  const lines: string[] = [];
  lines.push(
    `${paint("bold", "blastradius:")} ${paint(RISK_STYLE[impact.risk], `${impact.risk.toUpperCase()} risk`)} — ` +
      `${plural(counts.changed, "changed node")}, ${counts.impacted} impacted ` +
      `(${counts.breaking} breaking, ${counts.atRisk} at risk), ${plural(counts.owners, "owner")} to notify`,
  );
  const incomplete = unjudgedLines(impact.unjudged);
  if (incomplete.length > 0) {
    lines.push("", paint("yellow", paint("bold", incomplete[0] as string)));
    lines.push(...incomplete.slice(1));
  }
  if (impact.changed.length === 0) {
    lines.push("", "No declared node is touched by this change.");
  } else {
    lines.push("", paint("bold", "Changed"));
    for (const node of impact.changed) {
      lines.push(
        `  ${paint("bold", t(node.id))}  ${t(node.kind)}, ${ownerLabel(node.owner)}, tier ${node.tier ?? "-"}: ${t(node.classes.join(", "))}`,
      );
      for (const cause of node.causes) {
        const what =
          cause.kind !== "file"
            ? `${t(cause.address ?? "")} in ${t(cause.file)}`
            : `${t(cause.file)} (${t(cause.status ?? "")})`;
        lines.push(paint("dim", `    ${what} matched ${t(cause.rule)}`));
      }
      const { lines: why, more } = evidenceLines(node.causes.flatMap((c) => c.evidence));
      for (const line of why)
        lines.push(
          `    - ${t(line.detail)}${line.where ? paint("dim", ` (${t(line.where)})`) : ""}`,
        );
      if (more > 0) lines.push(paint("dim", `    - …and ${more} more`));
    }
  }
  const sorted = [...impact.impacted].sort(byConcern);
  const changedIds = new Set(impact.changed.map((c) => c.id));
  const kept = keptOnPath(impact.contracts);
  const section = (title: string, nodes: ImpactedNode[], style: Style) => {
    if (nodes.length === 0) return;
    lines.push("", paint(style, paint("bold", `${title} (${nodes.length})`)));
    for (const node of nodes) {
      lines.push(
        `  ${paint(style, t(node.id))}  ${t(node.kind)}, ${ownerLabel(node.owner)}, tier ${node.tier ?? "-"}, depth ${node.depth}${changedIds.has(node.id) ? ", also changed itself" : ""}`,
      );
      lines.push(paint("dim", `    ${t(describePath(node.path))}`));
      // Paths are rebuilt on each read: read once.
      const breaking = node.breakingPath;
      if (breaking) lines.push(paint("dim", `    breaks via ${t(describePath(breaking))}`));
      if (node.severity === "at-risk")
        for (const c of kept(node.path))
          lines.push(
            `    at risk only: contract kept for ${t((c.decides ?? []).join(", "))}: ${t(c.reason)} (${t(c.dependent)}'s expectation)`,
          );
    }
  };
  section(
    "Breaking",
    sorted.filter((n) => n.severity === "breaking"),
    "red",
  );
  section(
    "At risk",
    sorted.filter((n) => n.severity === "at-risk"),
    "yellow",
  );
  lines.push(...contractsText(impact, contractsToShow(impact.contracts), paint));
  const advice = adviceFor(impact);
  if (advice.length > 0) {
    lines.push("", paint("bold", "What usually helps"));
    for (const { cls, advice: line } of advice) lines.push(`  ${cls}: ${line}`);
    lines.push(`  ${RECOVERY}`);
  }
  if (impact.owners.length > 0) {
    lines.push("", paint("bold", "Owners to notify"));
    for (const owner of impact.owners) lines.push(`  ${ownerLine(owner)}`);
  }
  if (impact.truncated) {
    lines.push(
      "",
      paint(
        "yellow",
        `Cut at depth ${impact.truncated.limit}: ${plural(impact.truncated.frontier.length, "node")} at the limit have dependents not followed (${preview(impact.truncated.frontier)}).`,
      ),
    );
  }
  if (impact.unmatchedFiles.length > 0) {
    lines.push(
      "",
      paint(
        "dim",
        `${plural(impact.unmatchedFiles.length, "changed file")} matched no node: ${preview(impact.unmatchedFiles)}`,
      ),
    );
  }
  // A file that changed one node and none of its others is said for those others only.
  const causes = new Set(impact.changed.flatMap((c) => c.causes.map((cause) => cause.file)));
  if (impact.quietFiles.length > 0) {
    lines.push(
      "",
      paint(
        "dim",
        `Changed nothing of the nodes they match: ${impact.quietFiles.map((q) => quietLine(q, causes)).join("; ")}`,
      ),
    );
  }
  if (impact.unmatchedResources.length > 0) {
    lines.push(
      "",
      paint(
        "dim",
        `${plural(impact.unmatchedResources.length, "changed resource")} of a plan, change set or render matched no node: ${preview(impact.unmatchedResources)}`,
      ),
    );
  }
  return `${lines.join("\n")}\n`;
}

function ownerLabel(owner: string | undefined): string {
  return owner ? `owner ${t(owner)}` : "no owner";
}

function ownerLine(owner: OwnerImpact): string {
  const contact = t([owner.github, owner.chat].filter(Boolean).join(", "));
  const name = owner.id ? `${t(owner.id)}${contact ? ` (${contact})` : ""}` : "(no owner)";
  const parts: string[] = [];
  if (owner.breaking.length > 0) parts.push(`breaking: ${preview(owner.breaking)}`);
  if (owner.atRisk.length > 0) parts.push(`at risk: ${preview(owner.atRisk)}`);
  return `${name}: ${parts.join("; ")}`;
}

function preview(items: readonly string[], max = 8): string {
  return items.length <= max
    ? t(items.join(", "))
    : `${t(items.slice(0, max).join(", "))} and ${items.length - max} more`;
}

function quietLine(q: QuietFile, causes: ReadonlySet<string>): string {
  return causes.has(q.file)
    ? `${t(q.file)} (for the ${plural(q.nodes.length, "other node")} it matches: ${t(q.reason)})`
    : `${t(q.file)} (${t(q.reason)})`;
}
