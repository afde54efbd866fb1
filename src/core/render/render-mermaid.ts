// Impact -> a mermaid flowchart of changed -> impacted nodes, along the explanation paths.

import { byConcern } from "../by-concern.js";
import type { Impact } from "../model.js";
import { terminalText } from "./terminal-escape.js";

export interface Flowchart {
  readonly text: string;
  /** Impacted nodes left out to keep the chart readable. */
  readonly omitted: number;
}

/** A label mermaid will not read as syntax. */
export function mermaidLabel(value: string): string {
  return `"${terminalText(value).replace(/[#"<>&`]/g, (c) => `#${c.charCodeAt(0)};`)}"`;
}

export function renderImpactMermaid(impact: Impact, maxNodes = 40): Flowchart {
  const shown = [...impact.impacted].sort(byConcern).slice(0, maxNodes);
  const ids = new Map<string, string>();
  const idOf = (node: string) => {
    let id = ids.get(node);
    if (!id) {
      id = `n${ids.size}`;
      ids.set(node, id);
    }
    return id;
  };
  const lines = ["flowchart LR"];
  const edges = new Set<string>();
  const severity = new Map(impact.impacted.map((n) => [n.id, n.severity]));
  for (const node of impact.changed) idOf(node.id);
  for (const node of shown) {
    for (const step of (node.breakingPath ?? node.path).steps) {
      const line = `  ${idOf(step.from)} -->|${mermaidLabel(step.via)}| ${idOf(step.to)}`;
      edges.add(line);
    }
  }
  for (const [node, id] of ids) lines.push(`  ${id}[${mermaidLabel(node)}]`);
  lines.push(...edges);
  const classes: Record<string, string[]> = { changed: [], breaking: [], atrisk: [] };
  const changed = new Set(impact.changed.map((n) => n.id));
  for (const [node, id] of ids) {
    if (changed.has(node)) classes.changed?.push(id);
    else if (severity.get(node) === "breaking") classes.breaking?.push(id);
    else classes.atrisk?.push(id);
  }
  lines.push(
    "  classDef changed fill:#fde68a,stroke:#b45309,color:#000",
    "  classDef breaking fill:#fecaca,stroke:#b91c1c,color:#000",
    "  classDef atrisk fill:#fef9c3,stroke:#a16207,color:#000",
  );
  for (const [name, members] of Object.entries(classes)) {
    if (members.length > 0) lines.push(`  class ${members.join(",")} ${name}`);
  }
  return { text: lines.join("\n"), omitted: impact.impacted.length - shown.length };
}
