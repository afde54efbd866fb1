import { describe, expect, it } from "vitest";
import { modelOf } from "../testing/helpers.js";
import { neighbourhoodPicture, type Picture } from "./picture.js";
import { renderPictureMermaid } from "./render-picture-mermaid.js";

describe("renderPictureMermaid", () => {
  it("draws the neighbourhood as a flowchart, arrows downstream, the centre marked", () => {
    const yaml = `version: 1
owners: {}
nodes:
  iam-policy/warehouse-loader: {kind: iam-policy}
  iam-role/automation-runner:
    kind: iam-role
    depends_on: [{on: iam-policy/warehouse-loader, via: attaches-policy}]
  service/rls-access:
    kind: service
    depends_on: [{on: iam-role/automation-runner, via: token-exchange}]
`;
    const picture = neighbourhoodPicture(modelOf(yaml).compact, "iam-role/automation-runner");
    expect(renderPictureMermaid(picture)).toMatchInlineSnapshot(`
      "\`\`\`mermaid
      flowchart LR
        n0["iam-role/automation-runner (iam-role)"]
        n1["iam-policy/warehouse-loader (iam-policy)"]
        n2["service/rls-access (service)"]
        n1 -->|"attaches-policy"| n0
        n0 -->|"token-exchange"| n2
        classDef centre fill:#fde68a,stroke:#92400e,stroke-width:2px,color:#1f2937
        classDef more fill:#f3f4f6,stroke:#6b7280,color:#1f2937
        class n0 centre
      \`\`\`"
    `);
  });

  it("keeps hostile text inside its quotes: no fence, quote, bracket, pipe or line can escape", () => {
    const hostile = 'x"] --> evil["y|z\n```\n<script>#`end';
    const picture: Picture = {
      nodes: [
        { key: "n0", id: hostile, label: hostile, kind: hostile, role: "centre", hop: 0 },
        { key: "n1", label: "+4 more", role: "more", hop: 1, more: 4 },
      ],
      edges: [{ from: 0, to: 1, label: hostile }],
    };
    const text = renderPictureMermaid(picture);
    const lines = text.split("\n");
    expect(lines[0]).toBe("```mermaid");
    expect(lines.at(-1)).toBe("```");
    // One line per node, one per edge, two class definitions, two class assignments.
    expect(lines).toHaveLength(2 + 2 + 1 + 2 + 2 + 1);
    const body = lines.slice(1, -1).join("\n");
    expect(body).not.toContain("`");
    expect(body).not.toContain("<");
    for (const line of lines.slice(2, 5)) {
      expect(line.match(/"[^"]*"/g)?.join("")).not.toMatch(/[|\n]/);
      // Outside the quoted labels only keys, brackets and the arrow remain.
      expect(line.replace(/"[^"]*"/g, "L")).toMatch(/^ {2}n\d+(\[L\]| -->\|L\| n\d+| --> n\d+)$/);
    }
    expect(text).toContain("class n1 more");
  });
});
