// A node's picture as a mermaid flowchart, for the markdown output (wikis, Backstage TechDocs).
// Labels go through mermaidLabel: quoted, with every character mermaid or markdown could read
// as syntax (quotes, #, <, >, &, backticks) written as an entity, so no text ends the block;
// a pipe too, which would end an edge's label, and brackets and braces, which a page's markdown
// checker would read as a link and a wiki's template engine (mkdocs-macros' `{{ }}`) would run.

import { mermaidLabel } from "../render/render-mermaid.js";
import type { Picture } from "./picture.js";

const label = (text: string) =>
  mermaidLabel(text).replace(/[|[\]{}]/g, (c) => `#${c.charCodeAt(0)};`);

/** The whole fenced block, ```mermaid … ```, arrows from the dependency to the dependent. */
export function renderPictureMermaid(picture: Picture): string {
  const lines = ["```mermaid", "flowchart LR"];
  for (const node of picture.nodes) {
    const text = node.kind ? `${node.label} (${node.kind})` : node.label;
    lines.push(`  ${node.key}[${label(text)}]`);
  }
  for (const edge of picture.edges) {
    const from = picture.nodes[edge.from]?.key;
    const to = picture.nodes[edge.to]?.key;
    if (from === undefined || to === undefined) continue;
    lines.push(edge.label ? `  ${from} -->|${label(edge.label)}| ${to}` : `  ${from} --> ${to}`);
  }
  lines.push(
    "  classDef centre fill:#fde68a,stroke:#92400e,stroke-width:2px,color:#1f2937",
    "  classDef more fill:#f3f4f6,stroke:#6b7280,color:#1f2937",
  );
  const more = picture.nodes.filter((n) => n.role === "more").map((n) => n.key);
  const centre = picture.nodes.find((n) => n.role === "centre");
  if (centre) lines.push(`  class ${centre.key} centre`);
  if (more.length > 0) lines.push(`  class ${more.join(",")} more`);
  lines.push("```");
  return lines.join("\n");
}
