import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import type { ContractMatrix, ContractRow } from "../contracts-state.js";
import { expectInert, HOSTILE } from "../testing/hostile.js";
import { contractsJsonSchema, contractsToJson, renderContractsJson } from "./contracts-json.js";
import { renderContractsMarkdown } from "./contracts-markdown.js";
import { renderContractsText } from "./contracts-text.js";

const TRUST = "arn:aws:iam::111111111111:role/job-runner";
const platform = { id: "iam-platform", github: "@acme/iam-platform", chat: "#iam-platform" };
const runners = { id: "job-runners", github: "@acme/job-runners" };

const ROWS: ContractRow[] = [
  {
    dependent: "service/runner",
    dependentOwner: runners,
    upstream: "iam-role/automation",
    upstreamOwner: platform,
    expectation: "exists",
    kind: "exists",
    status: "kept",
    reason: "iam-role/automation still exists",
    where: "iam/role.tf:3",
  },
  {
    dependent: "service/runner",
    dependentOwner: runners,
    upstream: "iam-role/automation",
    upstreamOwner: platform,
    expectation: `trusts ${TRUST}`,
    kind: "trusts",
    status: "broken",
    reason: `iam-role/automation does not trust ${TRUST}`,
    evidence: { file: "iam/role.tf", line: 3, detail: "added" },
    where: "iam/role.tf:3",
    declaredAt: "deps.yaml:42",
  },
  {
    dependent: "service/reporter",
    upstream: "iam-role/automation",
    upstreamOwner: platform,
    expectation: "allows s3:GetObject",
    kind: "allows",
    status: "waived",
    reason:
      "waived until 2026-12-31 (moving buckets): iam-role/automation does not allow s3:GetObject",
    waiver: { until: "2026-12-31", reason: "moving buckets" },
    where: "iam/role.tf:3",
  },
  {
    dependent: "service/reporter",
    upstream: "table/orders",
    expectation: "exists",
    kind: "exists",
    status: "unchecked",
    reason: "table/orders has no match rules, so nothing shows its state",
  },
];

const matrix = (rows: ContractRow[], notes: string[] = []): ContractMatrix => {
  const counts = { broken: 0, waived: 0, pending: 0, unchecked: 0, kept: 0 };
  for (const row of rows) counts[row.status]++;
  return {
    source: { kind: "git", name: "HEAD", commit: "0123456789abcdef0123" },
    rows,
    counts,
    notes,
  };
};

describe("the contracts matrix, rendered", () => {
  it("text: most urgent first, with both owners and where", () => {
    expect(renderContractsText(matrix(ROWS))).toMatchInlineSnapshot(`
      "blastradius contracts at HEAD (0123456): 1 broken, 1 waived, 0 pending, 1 unchecked, 1 kept

      BROKEN     service/runner → iam-role/automation: trusts arn:aws:iam::111111111111:role/job-runner
                 iam-role/automation does not trust arn:aws:iam::111111111111:role/job-runner
                 at iam/role.tf:3 · declared at deps.yaml:42
                 dependent: job-runners (@acme/job-runners) · upstream: iam-platform (@acme/iam-platform, #iam-platform)

      WAIVED     service/reporter → iam-role/automation: allows s3:GetObject
                 waived until 2026-12-31 (moving buckets): iam-role/automation does not allow s3:GetObject
                 at iam/role.tf:3
                 dependent: no owner · upstream: iam-platform (@acme/iam-platform, #iam-platform)

      UNCHECKED  service/reporter → table/orders: exists
                 table/orders has no match rules, so nothing shows its state
                 dependent: no owner · upstream: no owner

      KEPT       service/runner → iam-role/automation: exists
                 iam-role/automation still exists
                 at iam/role.tf:3
                 dependent: job-runners (@acme/job-runners) · upstream: iam-platform (@acme/iam-platform, #iam-platform)
      "
    `);
  });

  it("markdown: a table, owners inert, the commit unlinked", () => {
    expect(renderContractsMarkdown(matrix(ROWS.slice(0, 2)))).toMatchInlineSnapshot(`
      "### 🔴 blastradius contracts: 1 broken of 2

      Verified against \`HEAD\` (\`0123456789ab\`): 1 broken, 0 waived, 0 pending, 0 unchecked, 1 kept.

      | Status | Dependent (owner) | Upstream (owner) | Expectation | Reason | Where |
      |---|---|---|---|---|---|
      | 🔴 broken | \`service/runner\`<br>\`job-runners\` \`@acme/job-runners\` | \`iam-role/automation\`<br>\`iam-platform\` \`@acme/iam-platform\` \`#iam-platform\` | \`trusts arn:aws:iam::111111111111:role/job-runner\` | iam-role/automation does not trust arn:aws:iam::111111111111:role/job-runner | \`iam/role.tf:3\`<br>declared at \`deps.yaml:42\` |
      | 🟢 kept | \`service/runner\`<br>\`job-runners\` \`@acme/job-runners\` | \`iam-role/automation\`<br>\`iam-platform\` \`@acme/iam-platform\` \`#iam-platform\` | \`exists\` | iam-role/automation still exists | \`iam/role.tf:3\` |
      "
    `);
  });

  it("no contracts: said, in every format", () => {
    const none = matrix([]);
    expect(renderContractsText(none)).toContain("no contracts");
    expect(renderContractsMarkdown(none)).toContain("none declared");
    expect(contractsToJson(none).contracts).toEqual([]);
  });

  it("markdown stays under the limit, cutting the least urgent rows and saying so", () => {
    const many = Array.from({ length: 100 }, (_, i) => ({
      ...(ROWS[i % 2 === 0 ? 0 : 1] as ContractRow),
      dependent: `service/n${i}`,
    }));
    const full = renderContractsMarkdown(matrix(many));
    const limit = 20_000;
    const body = renderContractsMarkdown(matrix(many), { limit, footer: "<!-- marker -->" });
    expect(full.length).toBeGreaterThan(limit);
    expect(body.length).toBeLessThan(limit);
    expect(body).toContain("<!-- marker -->");
    expect(body).toMatch(/…and \d+ more contracts \(\d+ kept\)/);
    // Every broken row is still there: only kept ones were cut.
    expect(body.match(/🔴 broken/g)?.length).toBe(50);
  });

  it("by default under GitHub's 65,536 characters, however many are broken", () => {
    const broken = ROWS[1] as ContractRow;
    const many = Array.from({ length: 2_000 }, (_, i) => ({
      ...broken,
      dependent: `service/n${i}`,
      reason: `${broken.reason} ${"x".repeat(1_000)}`,
    }));
    const body = renderContractsMarkdown(matrix(many));
    expect(body.length).toBeLessThan(65_536);
    expect(body).toMatch(/…and \d+ more contracts \(\d+ broken\)/);
    // A long reason is cut within its cell, not left to crowd out the rows.
    expect(body).toContain("x…");
  });

  it("JSON: the documented shape, valid against the shipped schema", () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(contractsJsonSchema);
    const json = JSON.parse(renderContractsJson(matrix(ROWS, ["a note"])));
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(json.summary).toEqual({
      broken: 1,
      waived: 1,
      pending: 0,
      unchecked: 1,
      kept: 1,
      total: 4,
    });
    expect(json.contracts[2]).toMatchObject({
      status: "waived",
      dependentOwner: null,
      waiver: { until: "2026-12-31", reason: "moving buckets", expired: false },
    });
    const plan = { ...matrix([]), source: { kind: "plan" as const, name: "p.json" } };
    expect(validate(JSON.parse(renderContractsJson(plan)))).toBe(true);
  });

  it("a hostile value in every field reaches no terminal and no markdown alive", () => {
    const h = (value: string) => `${value}${HOSTILE}`;
    const owner = { id: h("o"), github: h("@o"), chat: h("#c"), email: h("e@x") };
    const hostile: ContractRow = {
      dependent: h("svc"),
      dependentOwner: owner,
      upstream: h("role"),
      upstreamOwner: owner,
      expectation: h("trusts x"),
      kind: "trusts",
      status: "broken",
      reason: h("role does not trust x"),
      evidence: { file: h("f.tf"), line: 1, detail: h("d") },
      where: h("f.tf:1"),
      declaredAt: h("deps.yaml:1"),
      waiver: { until: "2026-01-01", reason: h("why"), expired: true },
    };
    const m = {
      ...matrix([hostile], [h("note")]),
      source: { kind: "git" as const, name: h("main"), commit: "abc" },
    };
    expectInert(renderContractsText(m));
    expectInert(renderContractsText(m, { color: true }), {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: our own colour codes
      colours: /\u001b\[(?:0|1|2|31|32|33|36)m/g,
    });
    const markdown = renderContractsMarkdown(m);
    expectInert(markdown);
    expect(markdown).not.toMatch(/(?<!`)@o/);
    expectInert(renderContractsJson(m));
  });
});
