// Impact -> the body of a pull-request comment. Always under GitHub's 65,536-character
// limit: it drops the chart, then paths, then table rows (never mid-row), and says so.

import { byConcern } from "../by-concern.js";
import type { Impact, ImpactedNode, OwnerImpact, Risk } from "../model.js";
import { githubHandle } from "../owners.js";
import { adviceFor, contractsToShow, evidenceLines, keptOnPath, RECOVERY } from "./explain.js";
import { code, text } from "./markdown-escape.js";
import { contractsMarkdown } from "./render-contracts.js";
import { renderImpactMermaid } from "./render-mermaid.js";
import { unjudgedMarkdown } from "./render-unjudged.js";
import { plural, summarize } from "./summary.js";

export const GITHUB_COMMENT_LIMIT = 65_536;
/** Fixed caps for the parts the shrinking does not touch, so that they always fit. */
const MAX_CHANGED = 30;
const MAX_EVIDENCE = 30;
/** Contracts listed at most, before any shrinking (they shrink last, after the owners). */
const MAX_CONTRACTS = 20;

export interface MarkdownOptions {
  /** Mention owners' GitHub handles (they get notified). Off: handles are shown inert. */
  readonly mentionOwners?: boolean;
  /** Stop under this many characters. */
  readonly limit?: number;
  /** Impacted nodes drawn in the chart at most. */
  readonly maxChartNodes?: number;
  /** Extra text for the end (the Action's marker). Counted against the limit. */
  readonly footer?: string;
  /** Markdown blocks said first, under the heading: what the analysis could not see … */
  readonly notices?: readonly string[];
  /** Markdown blocks after the analysis, before the footer: the graph's own changes … */
  readonly sections?: readonly string[];
}

const RISK_ICON: Record<Risk, string> = { none: "🟢", low: "🔵", medium: "🟠", high: "🔴" };
const SEVERITY_LABEL = { breaking: "🔴 breaking", "at-risk": "🟠 at risk" } as const;

interface Budget {
  rows: number;
  paths: number;
  chart: boolean;
  owners: number;
  contracts: number;
}

export function renderMarkdown(impact: Impact, options: MarkdownOptions = {}): string {
  const limit = options.limit ?? GITHUB_COMMENT_LIMIT;
  const sorted = [...impact.impacted].sort(byConcern);
  const full: Budget = {
    rows: sorted.length,
    paths: sorted.length,
    chart: sorted.length > 0,
    owners: impact.owners.length,
    contracts: Math.min(MAX_CONTRACTS, contractsToShow(impact.contracts).length),
  };
  let body = compose(impact, sorted, full, options, []);
  if (body.length < limit) return body;

  // Shrink step by step: chart, then paths, then table rows, then owners.
  const budget = { ...full, chart: false };
  const cuts = ["the dependency chart"];
  body = compose(impact, sorted, budget, options, cuts);
  if (body.length < limit) return body;
  budget.paths = largest(
    full.paths,
    (n) => compose(impact, sorted, { ...budget, paths: n }, options, cuts).length < limit,
  );
  if (budget.paths < full.paths) cuts.push(`paths of ${full.paths - budget.paths} nodes`);
  body = compose(impact, sorted, budget, options, cuts);
  if (body.length < limit) return body;
  budget.rows = largest(
    full.rows,
    (n) => compose(impact, sorted, { ...budget, rows: n }, options, cuts).length < limit,
  );
  cuts.push(`${full.rows - budget.rows} table rows`);
  body = compose(impact, sorted, budget, options, cuts);
  if (body.length < limit) return body;
  budget.owners = largest(
    full.owners,
    (n) => compose(impact, sorted, { ...budget, owners: n }, options, cuts).length < limit,
  );
  cuts.push(`${full.owners - budget.owners} owners`);
  body = compose(impact, sorted, budget, options, cuts);
  if (body.length < limit) return body;
  // Each contract's values can be long (a principal up to 2,048 characters): list fewer.
  budget.contracts = largest(
    full.contracts,
    (n) => compose(impact, sorted, { ...budget, contracts: n }, options, cuts).length < limit,
  );
  cuts.push(`${full.contracts - budget.contracts} contracts`);
  return compose(impact, sorted, budget, options, cuts);
}

/** The largest n in [0, max] for which fits(n) holds, assuming fits is monotone. */
function largest(max: number, fits: (n: number) => boolean): number {
  let low = 0;
  let high = max;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}

function compose(
  impact: Impact,
  sorted: readonly ImpactedNode[],
  budget: Budget,
  options: MarkdownOptions,
  cuts: readonly string[],
): string {
  const counts = summarize(impact);
  const out: string[] = [];
  out.push(`### ${RISK_ICON[impact.risk]} blastradius: ${verdict(impact, counts)}`, "");
  for (const notice of options.notices ?? []) out.push(notice, "");
  const incomplete = unjudgedMarkdown(impact.unjudged);
  if (incomplete) out.push(incomplete, "");

  if (impact.changed.length > 0) {
    const changed = impact.changed.slice(0, MAX_CHANGED).map((node) => {
      const files = node.causes.slice(0, 3).map((c) => code(c.address ?? c.file));
      const more = node.causes.length > 3 ? ` and ${node.causes.length - 3} more` : "";
      // A what-if names a node with no file behind it: its classes alone.
      const where = files.length > 0 ? `: ${files.join(", ")}${more}` : "";
      return `${code(node.id)} (${node.classes.join(", ")}${where})`;
    });
    const moreChanged = impact.changed.length - changed.length;
    out.push(
      `**Changed:** ${changed.join(", ")}${moreChanged > 0 ? ` and ${moreChanged} more nodes` : ""}`,
      "",
    );
    const why: string[] = [];
    let untold = 0;
    for (const node of impact.changed) {
      const { lines, more } = evidenceLines(node.causes.flatMap((c) => c.evidence));
      for (const line of lines) {
        if (why.length >= MAX_EVIDENCE) untold++;
        else
          why.push(
            `- ${code(node.id)}: ${text(line.detail)}${line.where ? ` (${code(line.where)})` : ""}`,
          );
      }
      untold += more;
    }
    if (untold > 0)
      why.push(`- …and ${untold} more; \`blastradius check --format json\` has them all`);
    if (why.length > 0) out.push("**What changed:**", "", ...why, "");
  }
  const shown = contractsToShow(impact.contracts);
  out.push(...contractsMarkdown(impact, shown, budget.contracts, options.mentionOwners ?? false));
  if (sorted.length > 0) {
    const changedIds = new Set(impact.changed.map((c) => c.id));
    out.push("| Severity | Tier | Node | Kind | Owner | Depth |", "|---|---|---|---|---|---|");
    for (const node of sorted.slice(0, budget.rows)) {
      out.push(
        `| ${SEVERITY_LABEL[node.severity]} | ${node.tier ?? "–"} | ${code(node.id)}${changedIds.has(node.id) ? " (also changed)" : ""} | ${code(node.kind)} | ${node.owner ? code(node.owner) : "_none_"} | ${node.depth} |`,
      );
    }
    if (budget.rows < sorted.length) {
      out.push(
        "",
        `_…and ${sorted.length - budget.rows} more impacted nodes, not listed to stay within GitHub's comment size; run \`blastradius check --format json\` for all._`,
      );
    }
    out.push("");
  }
  const owners = impact.owners.slice(0, budget.owners);
  if (owners.length > 0) {
    out.push("**Owners to notify:**", "");
    for (const owner of owners) out.push(`- ${ownerLine(owner, options.mentionOwners ?? false)}`);
    if (budget.owners < impact.owners.length)
      out.push(`- …and ${impact.owners.length - budget.owners} more owners`);
    out.push("");
  }
  if (budget.paths > 0) {
    out.push(
      `<details><summary>Why: the path to each impacted node (${Math.min(budget.paths, sorted.length)})</summary>`,
      "",
    );
    const kept = keptOnPath(impact.contracts);
    for (const node of sorted.slice(0, budget.paths)) {
      out.push(`- ${code(node.id)}: ${markdownPath(node.path)}`);
      const breaking = node.breakingPath; // rebuilt on each read: read once
      if (breaking) out.push(`  - breaks via ${markdownPath(breaking)}`);
      if (node.severity === "at-risk")
        for (const c of kept(node.path))
          out.push(
            `  - at risk only: contract kept for ${text((c.decides ?? []).join(", "))}: ${text(c.reason)} (${code(c.dependent)}'s expectation)`,
          );
    }
    if (budget.paths < sorted.length)
      out.push(`- …paths of ${sorted.length - budget.paths} more nodes left out`);
    out.push("", "</details>", "");
  }
  if (budget.chart) {
    const chart = renderImpactMermaid(impact, options.maxChartNodes ?? 40);
    out.push(
      "<details><summary>Dependency chart</summary>",
      "",
      "```mermaid",
      chart.text,
      "```",
      "",
    );
    if (chart.omitted > 0) out.push(`_${plural(chart.omitted, "impacted node")} not drawn._`, "");
    out.push("</details>", "");
  }
  if (impact.truncated) {
    out.push(
      `> [!NOTE]\n> The analysis stopped at depth ${impact.truncated.limit}: ${plural(impact.truncated.frontier.length, "node")} at that depth have dependents that were not followed.`,
      "",
    );
  }
  const advice = adviceFor(impact);
  if (advice.length > 0) {
    out.push("<details><summary>What usually helps</summary>", "");
    for (const { cls, advice: line } of advice) out.push(`- **${cls}**: ${text(line)}`);
    out.push(`- ${text(RECOVERY)}`, "", "</details>", "");
  }
  const discovered = sorted.filter((n) => n.path.steps.some((s) => s.discovered)).length;
  if (discovered > 0) {
    out.push(
      `_${plural(discovered, "impacted node")} reached through references found in Terraform or CloudFormation configuration, not declared in deps.yaml: \`blastradius validate --plan\` lists the edges to declare._`,
      "",
    );
  }
  if (impact.unmatchedFiles.length > 0) {
    out.push(
      `_${plural(impact.unmatchedFiles.length, "changed file")} matched no declared node._`,
      "",
    );
  }
  if (impact.quietFiles.length > 0) {
    out.push(
      `_${plural(impact.quietFiles.length, "file")} matched declared nodes but changed nothing of theirs (${text(impact.quietFiles[0]?.reason ?? "")})._`,
      "",
    );
  }
  if (impact.unmatchedResources.length > 0) {
    out.push(
      `_${plural(impact.unmatchedResources.length, "changed resource")} of a plan, change set or render matched no declared node._`,
      "",
    );
  }
  if (cuts.length > 0) {
    out.push(`_Shortened to fit GitHub's comment limit: left out ${cuts.join(", ")}._`, "");
  }
  for (const section of options.sections ?? []) out.push(section, "");
  if (options.footer) out.push(options.footer);
  return `${out.join("\n").trimEnd()}\n`;
}

function verdict(impact: Impact, counts: ReturnType<typeof summarize>): string {
  if (impact.unjudged.length > 0 && counts.impacted === 0)
    return `**unknown**: ${plural(impact.unjudged.length, "thing")} could not be judged, and nothing judged is impacted.`;
  if (counts.changed === 0) return "**no risk**: this change touches no declared node.";
  if (counts.impacted === 0)
    return `**no risk**: ${plural(counts.changed, "node")} changed, nothing downstream depends on ${counts.changed === 1 ? "it" : "them"}.`;
  return `**${impact.risk} risk**: this change can break ${plural(counts.breaking, "node")} and puts ${counts.atRisk} more at risk, owned by ${plural(counts.owners, "team")}.`;
}

function ownerLine(owner: OwnerImpact, mention: boolean): string {
  const name = owner.id === undefined ? "_no owner_" : code(owner.id);
  const valid = githubHandle(owner);
  const handle = valid && (mention ? valid : code(valid));
  const chat = owner.chat ? ` ${code(owner.chat)}` : "";
  const hits: string[] = [];
  if (owner.breaking.length > 0) hits.push(`breaking: ${list(owner.breaking)}`);
  if (owner.atRisk.length > 0) hits.push(`at risk: ${list(owner.atRisk)}`);
  return `${name}${handle ? ` ${handle}` : ""}${chat} — ${hits.join("; ")}`;
}

function list(ids: readonly string[], max = 10): string {
  const shown = ids.slice(0, max).map(code).join(", ");
  return ids.length > max ? `${shown} and ${ids.length - max} more` : shown;
}

function markdownPath(path: {
  changed: string;
  changeClass: string;
  steps: readonly { to: string; via: string; discovered?: boolean }[];
}): string {
  let out = `${code(path.changed)} _(${text(path.changeClass)})_`;
  for (const step of path.steps)
    out += ` → _${text(step.via)}${step.discovered ? " (found in configuration, not declared)" : ""}_ → ${code(step.to)}`;
  return out;
}
