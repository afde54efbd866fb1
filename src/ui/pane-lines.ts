// The right-hand pane's content for each view, as lines: pure functions of the graph and the
// core's answers, so the components only lay them out and scroll them.

import type { AnalysisModel } from "../core/analysis-model.js";
import { byConcern } from "../core/by-concern.js";
import { says } from "../core/contracts.js";
import { pathsBetween } from "../core/explore/paths-between.js";
import type { UpstreamChange } from "../core/explore/recent-changes.js";
import { treeOf } from "../core/explore/trees.js";
import type { ChangeClass, Expectation, Impact } from "../core/model.js";
import { describePath } from "../core/render/describe-path.js";
import { utcMinute } from "../core/render/time.js";

export interface Line {
  /** Raw: graph, file and commit strings as they are. The Explorer makes it inert as it draws. */
  readonly text: string;
  readonly color?: "red" | "yellow" | "green" | "cyan" | "gray" | "magenta";
  readonly bold?: boolean;
}

const title = (text: string): Line => ({ text, bold: true });
const blank: Line = { text: "" };

export function detailLines(model: AnalysisModel, id: string): Line[] {
  const node = model.config.nodes.get(id);
  if (!node) return [{ text: `unknown node ${id}`, color: "red" }];
  const owner = node.owner ? model.config.owners.get(node.owner) : undefined;
  const lines: Line[] = [
    title(id),
    { text: `kind ${node.kind} · tier ${node.tier ?? "- (counts as 2)"}` },
  ];
  lines.push({
    text: node.owner
      ? `owner ${node.owner}${owner?.github ? ` ${owner.github}` : ""}${owner?.chat ? ` ${owner.chat}` : ""}${owner?.email ? ` ${owner.email}` : ""}`
      : "no owner",
    color: node.owner ? undefined : "yellow",
  });
  if (node.catalog) {
    const c = node.catalog;
    const facts = [c.type && `type ${c.type}`, c.lifecycle && `lifecycle ${c.lifecycle}`].filter(
      Boolean,
    );
    lines.push({
      text: `Backstage ${c.kind} ${c.ref}${facts.length ? ` · ${facts.join(" · ")}` : ""}`,
      color: "cyan",
    });
    if (node.declaredAt.line !== undefined)
      lines.push({ text: `from ${node.declaredAt.file}:${node.declaredAt.line}` });
  }
  if (node.description) lines.push(blank, { text: node.description });
  for (const [label, link] of [
    ["docs", node.docs],
    ["runbook", node.runbook],
  ] as const)
    if (link) lines.push({ text: `${label}: ${link}`, color: "cyan" });
  const rules = [
    ...node.match.paths.map((r) => r.source),
    ...node.match.terraform.map((t) => `terraform ${t}`),
    ...node.match.kubernetes.map((k) => `kubernetes ${k}`),
    ...(node.match.cloudformation ?? []).map((c) => `cloudformation ${c}`),
  ];
  if (rules.length > 0)
    lines.push(blank, title("Match rules"), ...rules.map((r) => ({ text: `  ${r}` })));
  lines.push(blank, title(`Depends on (${node.dependsOn.length})`));
  for (const e of node.dependsOn) {
    lines.push({
      text: `  ${e.to}  via ${e.via}${e.origin ? `  (catalog ${e.origin.field})` : ""}`,
    });
    if (e.expects?.length)
      lines.push({ text: `    expects ${expectsBrief(e.expects)}`, color: "cyan" });
  }
  const u = model.compact.indexOf.get(id);
  const dependents: string[] = [];
  if (u !== undefined) {
    for (
      let e = model.compact.offsets[u] as number;
      e < (model.compact.offsets[u + 1] as number);
      e++
    ) {
      dependents.push(
        `  ${model.compact.ids[model.compact.targets[e] as number]}  via ${model.compact.vias[model.compact.via[e] as number]}`,
      );
    }
  }
  lines.push(
    blank,
    title(`Dependents (${dependents.length})`),
    ...dependents.map((text) => ({ text })),
  );
  return lines;
}

/** An edge's contract in a line: `trusts arn:…, allows s3:GetObject (pending), exists (waiver until …)`. */
export function expectsBrief(expects: readonly Expectation[], max = 4): string {
  const said = expects.slice(0, max).map((x) => {
    // No clock here: a waiver is shown with its date, whether or not it has passed.
    const life = x.pending ? " (pending)" : x.waive ? ` (waiver until ${x.waive.until})` : "";
    return `${says(x)}${life}`;
  });
  return `${said.join(", ")}${expects.length > max ? ` +${expects.length - max}` : ""}`;
}

export function treeLines(
  model: AnalysisModel,
  id: string,
  direction: "down" | "up",
  depth: number,
): Line[] {
  const lines = treeOf(model.compact, id, direction, depth);
  const head = title(
    `${direction === "down" ? "Downstream (what depends on it)" : "Upstream (what it depends on)"}, ${depth} level${depth === 1 ? "" : "s"} (+/- to change)`,
  );
  if (lines.length === 0)
    return [
      head,
      {
        text: direction === "down" ? "  nothing depends on it" : "  it depends on nothing",
        color: "gray",
      },
    ];
  return [
    head,
    { text: id, bold: true },
    ...lines.map((l) => ({
      text: `${"  ".repeat(l.depth)}${l.cycle ? "↺ " : "└ "}${l.id}  (${l.via})${l.cycle ? "  cycle: already above" : ""}${l.more > 0 ? `  +${l.more}` : ""}`,
      ...(l.cycle ? { color: "magenta" as const } : {}),
    })),
  ];
}

export function whatIfLines(impact: Impact, id: string, changeClass: ChangeClass): Line[] {
  const sorted = [...impact.impacted].sort(byConcern);
  const breaking = sorted.filter((n) => n.severity === "breaking");
  const atRisk = sorted.filter((n) => n.severity === "at-risk");
  const lines: Line[] = [
    title(
      `What if ${id} changes (${changeClass})? c: another class · m: print the PR comment on exit`,
    ),
    {
      text: `risk ${impact.risk.toUpperCase()} · ${breaking.length} breaking · ${atRisk.length} at risk · ${impact.owners.filter((o) => o.id).length} owners`,
      color: impact.risk === "high" ? "red" : impact.risk === "none" ? "green" : "yellow",
    },
  ];
  const section = (name: string, nodes: typeof sorted, color: Line["color"]) => {
    if (nodes.length === 0) return;
    lines.push(blank, { text: `${name} (${nodes.length})`, color, bold: true });
    for (const n of nodes) {
      lines.push({ text: `  ${n.id}  ${n.owner ?? "no owner"}, depth ${n.depth}`, color });
      lines.push({ text: `    ${describePath(n.path)}`, color: "gray" });
    }
  };
  section("Breaking", breaking, "red");
  section("At risk", atRisk, "yellow");
  if (impact.owners.length > 0) {
    lines.push(blank, title("Owners to notify"));
    for (const o of impact.owners)
      lines.push({
        text: `  ${o.id ?? "(no owner)"}${o.github ? ` ${o.github}` : ""}${o.chat ? ` ${o.chat}` : ""}: ${[...o.breaking, ...o.atRisk].length} node(s)`,
      });
  }
  if (impact.impacted.length === 0)
    lines.push(blank, { text: "Nothing downstream is impacted.", color: "green" });
  return lines;
}

export function pathLines(model: AnalysisModel, from: string, to: string): Line[] {
  const found = pathsBetween(model.compact, from, to);
  const head = title(`Path between ${from} and ${to}`);
  if (found.direction === "none")
    return [head, { text: "  neither depends on the other", color: "gray" }];
  const lines: Line[] = [
    head,
    {
      text: found.direction === "down" ? `${to} depends on ${from}:` : `${from} depends on ${to}:`,
    },
  ];
  for (const p of found.paths) {
    let text = `  ${p.nodes[0]}`;
    p.vias.forEach((via, i) => {
      text += ` -[${via}]-> ${p.nodes[i + 1]}`;
    });
    lines.push({ text });
  }
  if (found.more) lines.push({ text: "  …more shortest paths not listed", color: "gray" });
  return lines;
}

export function recentLines(
  id: string,
  changes: readonly UpstreamChange[] | string,
  days: number,
): Line[] {
  const head = title(`Changes upstream of ${id} in the last ${days} days, nearest first`);
  if (typeof changes === "string") return [head, { text: `  ${changes}`, color: "yellow" }];
  if (changes.length === 0) return [head, { text: "  none", color: "green" }];
  const lines: Line[] = [head];
  for (const c of changes) {
    const when = utcMinute(c.commit.time);
    lines.push({
      text: `  ${c.commit.sha.slice(0, 8)} ${when} ${c.commit.author}: ${c.commit.subject}`,
      bold: c.distance <= 1,
    });
    lines.push({
      text: `    ${c.node}${c.distance === 0 ? " (itself)" : ` (${c.distance} up)`}: ${c.files.slice(0, 3).join(", ")}${c.files.length > 3 ? ` +${c.files.length - 3}` : ""}`,
      color: "gray",
    });
  }
  return lines;
}
