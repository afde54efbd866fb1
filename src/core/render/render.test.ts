import { describe, expect, it } from "vitest";
import { analyze } from "../analyze.js";
import type { Impact } from "../model.js";
import { chainYaml, modelOf } from "../testing/helpers.js";
import { evidenceLines } from "./explain.js";
import { renderJson } from "./impact-json.js";
import { code, text } from "./markdown-escape.js";
import { GITHUB_COMMENT_LIMIT, renderMarkdown } from "./render-markdown.js";
import { renderImpactMermaid } from "./render-mermaid.js";
import { renderText } from "./render-text.js";

const model = modelOf(
  chainYaml(
    {
      "iam-role/runner": { paths: ["iam/**"], owner: "iam", tier: 0 },
      "svc/access": { owner: "data", tier: 0 },
      "table/orders": { owner: "data", tier: 1 },
      "alert/fresh": { owner: "sre", tier: 2 },
      "dash/rev": {},
    },
    [
      ["iam-role/runner", "svc/access", "token-exchange"],
      ["svc/access", "table/orders", "calls"],
      ["table/orders", "alert/fresh", "monitors", ["deleted"]],
      ["table/orders", "dash/rev", "reads"],
    ],
  ),
);
const impact = analyze(model, [
  { path: "iam/role.tf", status: "modified" },
  { path: "docs/x.md", status: "added" },
]);

describe("renderText", () => {
  it("lists changed, breaking, at-risk and owners", () => {
    expect(renderText(impact)).toMatchInlineSnapshot(`
      "blastradius: HIGH risk — 1 changed node, 4 impacted (3 breaking, 1 at risk), 2 owners to notify

      Changed
        iam-role/runner  service, owner iam, tier 0: unknown
          iam/role.tf (modified) matched iam/**

      Breaking (3)
        svc/access  service, owner data, tier 0, depth 1
          iam-role/runner -[token-exchange]-> svc/access
        table/orders  service, owner data, tier 1, depth 2
          iam-role/runner -[token-exchange]-> svc/access -[calls]-> table/orders
        dash/rev  service, no owner, tier -, depth 3
          iam-role/runner -[token-exchange]-> svc/access -[calls]-> table/orders -[reads]-> dash/rev

      At risk (1)
        alert/fresh  service, owner sre, tier 2, depth 3
          iam-role/runner -[token-exchange]-> svc/access -[calls]-> table/orders -[monitors]-> alert/fresh

      What usually helps
        unknown: The new value is known only at apply, or the contents were not compared: review this resource in the plan, or give blastradius the plan (--plan) so it can tell.
        If it breaks anyway, the owners can choose between two ways back: roll back the upstream change (revert it), or adapt the dependents to the new state.

      Owners to notify
        data (@acme/data): breaking: svc/access, table/orders
        sre (@acme/sre): at risk: alert/fresh
        (no owner): breaking: dash/rev

      1 changed file matched no node: docs/x.md
      "
    `);
  });

  it("colours only when asked", () => {
    expect(renderText(impact)).not.toContain("\u001b[");
    expect(renderText(impact, { color: true })).toContain("\u001b[31m");
  });
});

describe("renderMarkdown", () => {
  it("renders the comment body", () => {
    expect(renderMarkdown(impact)).toMatchInlineSnapshot(`
      "### 🔴 blastradius: **high risk**: this change can break 3 nodes and puts 1 more at risk, owned by 2 teams.

      **Changed:** \`iam-role/runner\` (unknown: \`iam/role.tf\`)

      | Severity | Tier | Node | Kind | Owner | Depth |
      |---|---|---|---|---|---|
      | 🔴 breaking | 0 | \`svc/access\` | \`service\` | \`data\` | 1 |
      | 🔴 breaking | 1 | \`table/orders\` | \`service\` | \`data\` | 2 |
      | 🔴 breaking | – | \`dash/rev\` | \`service\` | _none_ | 3 |
      | 🟠 at risk | 2 | \`alert/fresh\` | \`service\` | \`sre\` | 3 |

      **Owners to notify:**

      - \`data\` \`@acme/data\` — breaking: \`svc/access\`, \`table/orders\`
      - \`sre\` \`@acme/sre\` — at risk: \`alert/fresh\`
      - _no owner_ — breaking: \`dash/rev\`

      <details><summary>Why: the path to each impacted node (4)</summary>

      - \`svc/access\`: \`iam-role/runner\` _(unknown)_ → _token-exchange_ → \`svc/access\`
      - \`table/orders\`: \`iam-role/runner\` _(unknown)_ → _token-exchange_ → \`svc/access\` → _calls_ → \`table/orders\`
      - \`dash/rev\`: \`iam-role/runner\` _(unknown)_ → _token-exchange_ → \`svc/access\` → _calls_ → \`table/orders\` → _reads_ → \`dash/rev\`
      - \`alert/fresh\`: \`iam-role/runner\` _(unknown)_ → _token-exchange_ → \`svc/access\` → _calls_ → \`table/orders\` → _monitors_ → \`alert/fresh\`

      </details>

      <details><summary>Dependency chart</summary>

      \`\`\`mermaid
      flowchart LR
        n0["iam-role/runner"]
        n1["svc/access"]
        n2["table/orders"]
        n3["dash/rev"]
        n4["alert/fresh"]
        n0 -->|"token-exchange"| n1
        n1 -->|"calls"| n2
        n2 -->|"reads"| n3
        n2 -->|"monitors"| n4
        classDef changed fill:#fde68a,stroke:#b45309,color:#000
        classDef breaking fill:#fecaca,stroke:#b91c1c,color:#000
        classDef atrisk fill:#fef9c3,stroke:#a16207,color:#000
        class n0 changed
        class n1,n2,n3 breaking
        class n4 atrisk
      \`\`\`

      </details>

      <details><summary>What usually helps</summary>

      - **unknown**: The new value is known only at apply, or the contents were not compared: review this resource in the plan, or give blastradius the plan (--plan) so it can tell.
      - If it breaks anyway, the owners can choose between two ways back: roll back the upstream change (revert it), or adapt the dependents to the new state.

      </details>

      _1 changed file matched no declared node._
      "
    `);
  });

  it("mentions owners only when asked, and only valid handles", () => {
    expect(renderMarkdown(impact)).not.toMatch(/(^|[^`])@acme\/data/);
    expect(renderMarkdown(impact, { mentionOwners: true })).toMatch(/ @acme\/data /);
  });

  it("escapes what comes from files and YAML", () => {
    const hostile: Impact = {
      ...impact,
      changed: [
        {
          id: "x",
          kind: "k",
          classes: ["modified"],
          causes: [
            {
              kind: "file",
              file: "a|b`<img src=x>@everyone\n",
              status: "modified",
              classes: ["modified"],
              rule: "**",
              evidence: [{ detail: "<script>@everyone", file: "a|b", line: 3 }],
            },
          ],
          resources: [],
        },
      ],
    };
    const body = renderMarkdown(hostile);
    // Code spans are inert on GitHub: no HTML, no mentions. Outside them nothing hostile remains.
    expect(body).toContain(code("a|b`<img src=x>@everyone\n"));
    const outsideCode = body.replace(/(`+)[\s\S]*?\1/g, "");
    expect(outsideCode).not.toContain("<img");
    expect(outsideCode).not.toContain("@everyone");
    expect(code("a|b`c")).toBe("``a\\|b`c``");
    expect(code("@org/team")).toBe("`@org/team`");
    expect(text("<b>@all **x** | y")).toBe("&lt;b\\>@\u200ball \\*\\*x\\*\\* \\| y");
  });

  it("stays under 65,536 characters with a 5,000-node blast radius, cutting whole rows and saying so", () => {
    const n = 5000;
    const nodes: Record<string, { paths?: string[]; owner?: string; tier?: number }> = {
      root: { paths: ["root/**"], owner: "o0", tier: 0 },
    };
    const edges: [string, string][] = [];
    for (let i = 0; i < n; i++) {
      nodes[`service/a-rather-long-node-name-${i}`] = { owner: `o${i % 300}`, tier: i % 4 };
      edges.push([
        i < 50 ? "root" : `service/a-rather-long-node-name-${Math.floor(i / 50) - 1}`,
        `service/a-rather-long-node-name-${i}`,
      ]);
    }
    const big = analyze(modelOf(chainYaml(nodes, edges)), [{ path: "root/x", status: "modified" }]);
    expect(big.impacted).toHaveLength(n);
    const body = renderMarkdown(big);
    expect(body.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
    expect(body).toContain("Shortened to fit GitHub's comment limit");
    expect(body).toMatch(/more impacted nodes, not listed/);
    // Never cut mid-table: every table row is whole.
    for (const line of body.split("\n").filter((l) => l.startsWith("| ")))
      expect(line).toMatch(/^\|.*\|$/);
    expect(body.endsWith("\n")).toBe(true);
  });

  it("a small result is not shortened", () => {
    expect(renderMarkdown(impact)).not.toContain("Shortened");
  });
});

describe("renderImpactMermaid", () => {
  it("draws changed and impacted nodes along their paths, and caps the chart", () => {
    const chart = renderImpactMermaid(impact, 2);
    expect(chart.omitted).toBe(2);
    expect(chart.text).toMatchInlineSnapshot(`
      "flowchart LR
        n0["iam-role/runner"]
        n1["svc/access"]
        n2["table/orders"]
        n0 -->|"token-exchange"| n1
        n1 -->|"calls"| n2
        classDef changed fill:#fde68a,stroke:#b45309,color:#000
        classDef breaking fill:#fecaca,stroke:#b91c1c,color:#000
        classDef atrisk fill:#fef9c3,stroke:#a16207,color:#000
        class n0 changed
        class n1,n2 breaking"
    `);
  });
});

describe("renderJson", () => {
  it("written in pieces, it is the same data as impactToJson, one impacted node a line", async () => {
    const { impactToJson } = await import("./impact-json.js");
    const empty = analyze(model, [{ path: "nothing", status: "modified" }]);
    for (const result of [impact, empty]) {
      const text = renderJson(result);
      expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(impactToJson(result))));
      const lines = text.split("\n").filter((l) => l.startsWith('    {"id":'));
      expect(lines).toHaveLength(result.impacted.length);
    }
    expect(renderJson(empty)).toContain('"impacted": []');
  });
});

describe("every reason kind renders", () => {
  it("no undefined anywhere, in any format", () => {
    const deleted = analyze(model, [{ path: "iam/role.tf", status: "removed" }]);
    const renamed = analyze(model, [
      { path: "iam/new.tf", previousPath: "iam/old.tf", status: "renamed" },
    ]);
    const cut = analyze(model, [{ path: "iam/role.tf", status: "added" }], { maxDepth: 1 });
    for (const result of [impact, deleted, renamed, cut]) {
      for (const out of [
        renderText(result),
        renderMarkdown(result),
        renderJson(result),
        renderImpactMermaid(result).text,
      ]) {
        expect(out).not.toMatch(/undefined|\[object Object\]|NaN/);
      }
    }
  });
});

describe("evidenceLines", () => {
  it("says a sentence about one object once, however many files carry it", () => {
    const detail = "no longer allows create argoproj.io/appprojects";
    const address = "Role/appset";
    const { lines } = evidenceLines([
      { address, detail, file: "base/role.yaml", line: 8 },
      { address, detail, file: "install.yaml", line: 900 },
      { address, detail, file: "install.yaml", line: 900 },
      { address, detail, file: "ha/install.yaml", line: 950 },
      { address: "Role/other", detail, file: "install.yaml", line: 10 },
    ]);
    expect(lines).toEqual([
      { detail: `${address}: ${detail}`, where: "base/role.yaml:8, and 2 more files" },
      { detail: `Role/other: ${detail}`, where: "install.yaml:10" },
    ]);
  });
});
