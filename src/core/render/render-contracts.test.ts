// Contracts in every output of an analysis: one broken, one pending, one waived, one unchecked
// and one kept that held its edge, from a real analysis of a plan and a changed file.

import { describe, expect, it } from "vitest";
import { analyze } from "../analyze.js";
import type { Impact } from "../model.js";
import { modelOf } from "../testing/helpers.js";
import { rolePlan, roleSide } from "../testing/role-plans.js";
import { adviceFor } from "./explain.js";
import { impactToJson, renderJson } from "./impact-json.js";
import { GITHUB_COMMENT_LIMIT, renderMarkdown } from "./render-markdown.js";
import { renderText } from "./render-text.js";

const role = (name: string) => `arn:aws:iam::111111111111:role/${name}`;

/** aws_iam_role.shared stops trusting every runner but runner-a. */
const narrowing = (before: string[], after: string[]) =>
  rolePlan(roleSide({ trust: before }), roleSide({ trust: after }));

const edge = (on: string, expects: string) =>
  `    depends_on: [{ on: ${on}, via: assumes-role, expects: ${expects} }]`;

/** Five dependents, one contract each: kept, broken, pending, waived; and one not checkable. */
const GRAPH = `version: 1
owners:
  team-a: { github: "@acme/a" }
  team-b: { github: "@acme/b", chat: "#team-b" }
nodes:
  role/shared: { kind: iam-role, tier: 1, match: { terraform: [aws_iam_role.shared] } }
  role/other: { kind: iam-role, match: { paths: ["other/**"] } }
  svc/a:
    kind: service
    owner: team-a
${edge("role/shared", `{ trusts: ["${role("runner-a")}"] }`)}
  svc/b:
    kind: service
    owner: team-b
${edge("role/shared", `{ trusts: ["${role("runner-b")}"] }`)}
  svc/c:
    kind: service
    owner: team-a
${edge("role/shared", `{ trusts: [{ principal: "${role("runner-c")}", pending: true }] }`)}
  svc/d:
    kind: service
    owner: team-a
${edge("role/shared", `{ trusts: ["${role("runner-d")}"], waive: { until: "2026-12-31", reason: "runner-d moves to the new role in December" } }`)}
  svc/e:
    kind: service
${edge("role/other", `{ trusts: ["${role("runner-e")}"] }`)}
  job/a: { kind: job, owner: team-a, depends_on: [svc/a] }
`;

function analysis(today = "2026-11-30", graph = GRAPH): Impact {
  return analyze(modelOf(graph), [{ path: "other/role.json", status: "modified" }], {
    plan: narrowing(["runner-a", "runner-b", "runner-d"].map(role), [role("runner-a")]),
    today,
  });
}

describe("contracts in the outputs", () => {
  const impact = analysis();

  it("the analysis gives one of each status (the fixture is what the snapshots say it is)", () => {
    const status = Object.fromEntries(impact.contracts.map((c) => [c.dependent, c.status]));
    expect(status).toEqual({
      "svc/a": "kept",
      "svc/b": "broken",
      "svc/c": "pending",
      "svc/d": "waived",
      "svc/e": "unchecked",
    });
    const severity = Object.fromEntries(impact.impacted.map((n) => [n.id, n.severity]));
    // Pending and waived decide nothing: their edges fall back to breaks_on, and assumes-role
    // breaks on a narrowed trust. The kept one holds its edge: at risk, and so downstream.
    expect(severity["svc/b"]).toBe("breaking");
    expect(severity["svc/c"]).toBe("breaking");
    expect(severity["svc/d"]).toBe("breaking");
    expect(severity["svc/a"]).toBe("at-risk");
    expect(severity["job/a"]).toBe("at-risk");
  });

  it("markdown: broken with owner and ways forward, unchecked, then pending and waived apart; the kept one as the at-risk reason", () => {
    const body = renderMarkdown(impact);
    const contracts = body.slice(body.indexOf("**Contracts:**"), body.indexOf("| Severity"));
    expect(contracts).toMatchInlineSnapshot(`
      "**Contracts:**

      - 🔴 broken: \`svc/b\` expects of \`role/shared\`: trusts arn:aws:iam::111111111111:role/runner-b — role/shared no longer trusts arn:aws:iam::111111111111:role/runner-b; it did at base (\`plan.json aws_iam_role.shared\`)
        - Talk to \`team-b\` \`@acme/b\` \`#team-b\`, owner of \`svc/b\`.
        - Ways forward: either keep what it expects (revert that part of the change, or keep the old principal trusted during a transition), or its owner changes the contract (update \`expects\` on the edge, or add \`waive: { until: YYYY-MM-DD, reason: … }\` to accept the break for a while).
      - ⚪ not checked: \`svc/e\` expects of \`role/other\`: trusts arn:aws:iam::111111111111:role/runner-e — the new state of role/other was not read (compare contents with --git, or give --plan)

      **Pending and waived contracts** (shown, not enforced):

      - ⏳ pending: would break: \`svc/c\` expects of \`role/shared\`: trusts arn:aws:iam::111111111111:role/runner-c — role/shared no longer trusts arn:aws:iam::111111111111:role/runner-c (nor did it at base) (\`plan.json aws_iam_role.shared\`)
      - ⏸️ waived until 2026-12-31 (runner-d moves to the new role in December): \`svc/d\` expects of \`role/shared\`: trusts arn:aws:iam::111111111111:role/runner-d — role/shared no longer trusts arn:aws:iam::111111111111:role/runner-d; it did at base (\`plan.json aws_iam_role.shared\`)

      "
    `);
    const why = body.slice(body.indexOf("<details><summary>Why"), body.indexOf("</details>"));
    expect(why).toMatchInlineSnapshot(`
      "<details><summary>Why: the path to each impacted node (6)</summary>

      - \`svc/b\`: \`role/shared\` _(trust-narrowed)_ → _assumes-role_ → \`svc/b\`
      - \`svc/c\`: \`role/shared\` _(trust-narrowed)_ → _assumes-role_ → \`svc/c\`
      - \`svc/d\`: \`role/shared\` _(trust-narrowed)_ → _assumes-role_ → \`svc/d\`
      - \`svc/a\`: \`role/shared\` _(trust-narrowed)_ → _assumes-role_ → \`svc/a\`
        - at risk only: contract kept for trust-narrowed: role/shared still trusts arn:aws:iam::111111111111:role/runner-a (\`svc/a\`'s expectation)
      - \`svc/e\`: \`role/other\` _(modified)_ → _assumes-role_ → \`svc/e\`
      - \`job/a\`: \`role/shared\` _(trust-narrowed)_ → _assumes-role_ → \`svc/a\` → _depends-on_ → \`job/a\`
        - at risk only: contract kept for trust-narrowed: role/shared still trusts arn:aws:iam::111111111111:role/runner-a (\`svc/a\`'s expectation)

      "
    `);
  });

  it("text: the same parts, and the kept contract under the at-risk node", () => {
    const out = renderText(impact);
    expect(
      out.slice(out.indexOf("At risk ("), out.indexOf("What usually helps")),
    ).toMatchInlineSnapshot(`
      "At risk (3)
        svc/a  service, owner team-a, tier -, depth 1
          role/shared -[assumes-role]-> svc/a
          at risk only: contract kept for trust-narrowed: role/shared still trusts arn:aws:iam::111111111111:role/runner-a (svc/a's expectation)
        svc/e  service, no owner, tier -, depth 1
          role/other -[assumes-role]-> svc/e
        job/a  job, owner team-a, tier -, depth 2
          role/shared -[assumes-role]-> svc/a -[depends-on]-> job/a
          at risk only: contract kept for trust-narrowed: role/shared still trusts arn:aws:iam::111111111111:role/runner-a (svc/a's expectation)

      Contracts
        BROKEN svc/b expects of role/shared: trusts arn:aws:iam::111111111111:role/runner-b — role/shared no longer trusts arn:aws:iam::111111111111:role/runner-b; it did at base (plan.json aws_iam_role.shared)
          talk to team-b (@acme/b, #team-b), owner of svc/b
          ways forward: either keep what it expects (revert that part of the change, or keep the old principal trusted during a transition),
            or its owner changes the contract (update expects on the edge, or add waive: { until: YYYY-MM-DD, reason: … } to accept the break for a while)
        not checked svc/e expects of role/other: trusts arn:aws:iam::111111111111:role/runner-e — the new state of role/other was not read (compare contents with --git, or give --plan)

      Pending and waived contracts (shown, not enforced)
        pending: would break: svc/c expects of role/shared: trusts arn:aws:iam::111111111111:role/runner-c — role/shared no longer trusts arn:aws:iam::111111111111:role/runner-c (nor did it at base) (plan.json aws_iam_role.shared)
        waived until 2026-12-31 (runner-d moves to the new role in December): svc/d expects of role/shared: trusts arn:aws:iam::111111111111:role/runner-d — role/shared no longer trusts arn:aws:iam::111111111111:role/runner-d; it did at base (plan.json aws_iam_role.shared)

      "
    `);
  });

  it("the owner's handle is a mention only with mentionOwners", () => {
    expect(renderMarkdown(impact)).toContain("Talk to `team-b` `@acme/b` `#team-b`");
    expect(renderMarkdown(impact, { mentionOwners: true })).toContain(
      "Talk to `team-b` @acme/b `#team-b`, owner of `svc/b`.",
    );
  });

  it("a dependent with no owner: says so instead of naming nobody", () => {
    const unowned = analysis(
      "2026-11-30",
      GRAPH.replace("    owner: team-b\n", "").replace(
        '  team-b: { github: "@acme/b", chat: "#team-b" }\n',
        "",
      ),
    );
    expect(renderMarkdown(unowned)).toContain(
      "  - Talk to: `svc/b` has no owner in deps.yaml; whoever runs it decides.",
    );
    expect(renderText(unowned)).toContain("    talk to: svc/b has no owner in deps.yaml");
  });

  it("a waiver past its date: broken again, saying the waiver ended", () => {
    const later = analysis("2027-01-01");
    const d = later.contracts.find((c) => c.dependent === "svc/d");
    expect(d?.status).toBe("broken");
    const body = renderMarkdown(later);
    expect(body).toContain(
      "- 🔴 broken (waiver ended 2026-12-31): `svc/d` expects of `role/shared`: trusts arn:aws:iam::111111111111:role/runner-d",
    );
    expect(body).toContain("Talk to `team-a` `@acme/a`, owner of `svc/d`.");
    expect(renderText(later)).toContain("BROKEN (waiver ended 2026-12-31) svc/d expects of");
    // Without today no waiver is honoured, and the output does not pretend it is.
    expect(
      renderMarkdown(analyze(modelOf(GRAPH), [], { plan: narrowing([role("runner-d")], []) })),
    ).not.toContain("waived until");
  });

  it("advice: broken contracts add their upstream's classes, pending and waived none", () => {
    const only = (status: string) => ({
      ...impact,
      impacted: [],
      contracts: impact.contracts.filter((c) => c.status === status),
    });
    expect(adviceFor(only("broken")).map((a) => a.cls)).toEqual(["trust-narrowed"]);
    expect(adviceFor(only("pending"))).toEqual([]);
    expect(adviceFor(only("waived"))).toEqual([]);
  });

  it("JSON: contracts carry kind, pending, waiver and decides; an at-risk node names the contract that held it", () => {
    const json = impactToJson(impact);
    expect(json.contracts.find((c) => c.dependent === "svc/d")).toEqual(
      expect.objectContaining({
        kind: "trusts",
        status: "waived",
        pending: false,
        waiver: {
          until: "2026-12-31",
          reason: "runner-d moves to the new role in December",
          expired: false,
        },
        decides: [],
      }),
    );
    expect(json.contracts.find((c) => c.dependent === "svc/c")).toMatchObject({
      status: "pending",
      pending: true,
      waiver: null,
    });
    expect(json.contracts.find((c) => c.dependent === "svc/b")?.decides).toEqual([
      "trust-narrowed",
    ]);
    const held = {
      dependent: "svc/a",
      upstream: "role/shared",
      expectation: `trusts ${role("runner-a")}`,
      decides: ["trust-narrowed"],
    };
    const streamed = JSON.parse(renderJson(impact));
    for (const out of [json, streamed]) {
      const byId = Object.fromEntries(
        out.impacted.map((n: { id: string; heldBy: unknown }) => [n.id, n.heldBy]),
      );
      expect(byId["svc/a"]).toEqual([held]);
      expect(byId["job/a"]).toEqual([held]);
      expect(byId["svc/b"]).toEqual([]);
    }
  });

  it("many long contracts: the comment stays under GitHub's limit and says how many it left out", () => {
    const long = `arn:aws:iam::111111111111:role/${"x".repeat(2000)}`;
    const broken = impact.contracts.find((c) => c.status === "broken");
    const waived = impact.contracts.find((c) => c.status === "waived");
    if (!broken || !waived) throw new Error("fixture");
    const many: Impact = {
      ...impact,
      contracts: Array.from({ length: 300 }, (_, i) => ({
        ...(i % 2 ? broken : waived),
        dependent: `svc/${i}`,
        expectation: `trusts ${long}`,
        reason: `role/shared no longer trusts ${long}`,
        ...(i % 2 ? {} : { waiver: { until: "2026-12-31", reason: "y".repeat(4000) } }),
      })),
    };
    const body = renderMarkdown(many);
    expect(body.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
    const listed = body.split("\n").filter((l) => /^- (🔴|⏸️)/u.test(l)).length;
    expect(listed).toBeGreaterThan(0);
    expect(body).toContain(`…and ${300 - listed} more contracts`);
    expect(body).toMatch(/left out .*\d+ contracts/);
    // A waiver's reason is cut, not the line: its full text is in the JSON.
    expect(body).not.toContain("y".repeat(301));
    expect(JSON.parse(renderJson(many)).contracts[0].waiver.reason).toHaveLength(4000);
  });

  it("a waiver's reason is the PR author's text: no mention, link, reference or HTML", () => {
    const reason =
      "ping @acme/security, see #26 <img src=x onerror=alert(1)> [ok](https://evil.example) **done**";
    const graph = GRAPH.replace(
      "runner-d moves to the new role in December",
      reason.replace(/"/g, ""),
    );
    const body = renderMarkdown(analysis("2026-11-30", graph), { mentionOwners: true });
    const line = body.split("\n").find((l) => l.startsWith("- ⏸️ waived until 2026-12-31")) ?? "";
    expect(line).toContain("ping @\u200bacme/security");
    expect(line).not.toMatch(/(^|[^`])@acme\/security/);
    expect(line).not.toContain("#26");
    expect(line).not.toContain("<img");
    expect(line).not.toContain("](https://");
    expect(line).not.toContain("**done**");
  });
});
