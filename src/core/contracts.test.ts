import { describe, expect, it } from "vitest";
import { analyze } from "./analyze.js";
import { modelOf } from "./testing/helpers.js";
import { allowDoc, rolePlan, roleSide } from "./testing/role-plans.js";

const A = "arn:aws:iam::111111111111:role/runner-a";
const B = "arn:aws:iam::111111111111:role/runner-b";

/** A plan that updates aws_iam_role.shared: its trust, and its inline policy. */
function plan(
  before: { trusts: string[]; allows?: string[] },
  after: { trusts: string[]; allows?: string[] },
  actions: string[] = ["update"],
) {
  const side = (s: { trusts: string[]; allows?: string[] }) =>
    roleSide({ trust: s.trusts, policies: s.allows ? [allowDoc(s.allows)] : [] });
  return rolePlan(side(before), actions[0] === "delete" ? null : side(after), actions);
}

/** Two dependents of one role, each declaring the principal it needs; each with a downstream. */
function graph(expectsA: string, expectsB: string, extra = ""): string {
  return `version: 1
owners:
  team-a: { github: "@acme/a" }
  team-b: { github: "@acme/b" }
nodes:
  role/shared:
    kind: iam-role
    match: { terraform: [aws_iam_role.shared] }
  svc/a:
    kind: service
    owner: team-a
    depends_on:
      - on: role/shared
        via: assumes-role
        expects: ${expectsA}
  svc/b:
    kind: service
    owner: team-b
    depends_on:
      - on: role/shared
        via: assumes-role
        expects: ${expectsB}
  job/a: { kind: job, owner: team-a, depends_on: [svc/a] }
  job/b: { kind: job, owner: team-b, depends_on: [svc/b] }
${extra}`;
}

const severities = (impact: ReturnType<typeof analyze>) =>
  Object.fromEntries(impact.impacted.map((n) => [n.id, n.severity]));

describe("a contract decides its edge for the classes it speaks about", () => {
  it("a change that stops trusting one dependent breaks that one and its downstream only", () => {
    const model = modelOf(graph(`{ trusts: ["${A}"] }`, `{ trusts: ["${B}"] }`));
    const impact = analyze(model, [], { plan: plan({ trusts: [A, B] }, { trusts: [A] }) });
    expect(impact.changed[0]?.classes).toEqual(["trust-narrowed"]);
    expect(severities(impact)).toEqual({
      "svc/a": "at-risk",
      "svc/b": "breaking",
      "job/a": "at-risk",
      "job/b": "breaking",
    });
    const kept = impact.contracts.find((c) => c.dependent === "svc/a");
    expect(kept).toMatchObject({
      status: "kept",
      reason: `role/shared still trusts ${A}`,
      decides: ["trust-narrowed"],
    });
    expect(impact.contracts.find((c) => c.dependent === "svc/b")).toMatchObject({
      status: "broken",
      reason: `role/shared no longer trusts ${B}; it did at base`,
      decides: ["trust-narrowed"],
    });
    expect(impact.owners.find((o) => o.id === "team-a")).toMatchObject({ breaking: [] });
  });

  it("a class no expectation covers falls back to breaks_on", () => {
    // Trust kept, but the same change removes a permission: trusts says nothing about that.
    // runs-as breaks on permissions-removed by default; assumes-role does not.
    const model = modelOf(
      graph(`{ trusts: ["${A}"] }`, `{ trusts: ["${B}"] }`).replace(
        "via: assumes-role",
        "via: runs-as",
      ),
    );
    const impact = analyze(model, [], {
      plan: plan(
        { trusts: [A, B], allows: ["s3:GetObject", "s3:PutObject"] },
        { trusts: [A], allows: ["s3:GetObject"] },
      ),
    });
    expect(impact.changed[0]?.classes).toEqual(["trust-narrowed", "permissions-removed"]);
    expect(severities(impact)["svc/a"]).toBe("breaking");
    expect(
      impact.impacted.find((n) => n.id === "svc/a")?.breakingPath?.changeClass ??
        impact.impacted.find((n) => n.id === "svc/a")?.path.changeClass,
    ).toBe("permissions-removed");
  });

  it("every class covered and kept: at most at risk", () => {
    const model = modelOf(
      graph(`{ trusts: ["${A}"], allows: [s3:GetObject] }`, `{ trusts: ["${B}"] }`),
    );
    const impact = analyze(model, [], {
      plan: plan(
        { trusts: [A, B], allows: ["s3:GetObject", "s3:PutObject"] },
        { trusts: [A], allows: ["s3:GetObject"] },
      ),
    });
    expect(severities(impact)["svc/a"]).toBe("at-risk");
  });

  it("a broken expectation breaks its edge even where breaks_on would not", () => {
    const model = modelOf(`version: 1
nodes:
  role/shared: { kind: iam-role, match: { terraform: [aws_iam_role.shared] } }
  svc/a:
    kind: service
    depends_on:
      - on: role/shared
        via: reads
        breaks_on: [deleted]
        expects: { allows: [s3:PutObject] }
`);
    const impact = analyze(model, [], {
      plan: plan({ trusts: [A], allows: ["s3:PutObject"] }, { trusts: [A], allows: [] }),
    });
    expect(severities(impact)["svc/a"]).toBe("breaking");
  });

  it("unchecked (values known only at apply) stays as breaks_on says, and says so", () => {
    const model = modelOf(graph(`{ trusts: ["${A}"] }`, `{ trusts: ["${B}"] }`));
    const p = plan({ trusts: [A, B] }, { trusts: [A] });
    const change = p.reading.resources[0];
    if (!change) throw new Error("no change");
    const unknown = { ...change, after: { exists: true, policies: [] } };
    const impact = analyze(model, [], {
      plan: { ...p, reading: { ...p.reading, resources: [unknown] } },
    });
    // Without the trust after the change, whether A is still trusted cannot be told.
    const a = impact.contracts.find((c) => c.dependent === "svc/a");
    expect(a?.status).not.toBe("kept");
    expect(severities(impact)["svc/a"]).toBe("breaking");
  });

  it("exists decides deleted", () => {
    const model = modelOf(graph(`{ exists: true }`, `{ trusts: ["${B}"] }`));
    const impact = analyze(model, [], {
      plan: plan({ trusts: [A, B] }, { trusts: [] }, ["delete"]),
    });
    expect(impact.contracts.find((c) => c.dependent === "svc/a")).toMatchObject({
      status: "broken",
      kind: "exists",
    });
    expect(severities(impact)["svc/a"]).toBe("breaking");
  });
});

describe("lifecycle", () => {
  const narrowing = plan({ trusts: [A, B] }, { trusts: [A] });

  it("pending: shown as would break, never raising the severity", () => {
    const model = modelOf(
      graph(`{ trusts: ["${A}"] }`, `{ trusts: ["${B}"], pending: true }`).replace(
        `via: assumes-role\n        expects: { trusts: ["${B}`,
        `via: reads\n        breaks_on: [deleted]\n        expects: { trusts: ["${B}`,
      ),
    );
    const impact = analyze(model, [], { plan: narrowing });
    const b = impact.contracts.find((c) => c.dependent === "svc/b");
    expect(b).toMatchObject({ status: "pending", pending: true });
    expect(b?.reason).toMatch(/^pending: would break: /);
    expect(severities(impact)["svc/b"]).toBe("at-risk");
  });

  it("waived until a date: waived with its reason; after it, enforced again", () => {
    const model = modelOf(
      graph(
        `{ trusts: ["${A}"] }`,
        `{ trusts: [{ principal: "${B}", waive: { until: 2026-12-31, reason: "moving to runner-a" } }] }`,
      ).replace(
        "via: assumes-role\n        expects: { trusts: [{",
        "via: reads\n        breaks_on: [deleted]\n        expects: { trusts: [{",
      ),
    );
    const before = analyze(model, [], { plan: narrowing, today: "2026-12-31" });
    expect(before.contracts.find((c) => c.dependent === "svc/b")).toMatchObject({
      status: "waived",
      waiver: { until: "2026-12-31", reason: "moving to runner-a" },
    });
    expect(severities(before)["svc/b"]).toBe("at-risk");
    const after = analyze(model, [], { plan: narrowing, today: "2027-01-01" });
    const b = after.contracts.find((c) => c.dependent === "svc/b");
    expect(b).toMatchObject({ status: "broken", waiver: { expired: true } });
    expect(b?.reason).toContain("its waiver ended on 2026-12-31");
    expect(severities(after)["svc/b"]).toBe("breaking");
    // No date to compare with: the waiver is not honoured, and not said to have ended.
    const undated = analyze(model, [], { plan: narrowing }).contracts.find(
      (c) => c.dependent === "svc/b",
    );
    expect(undated?.status).toBe("broken");
    expect(undated?.waiver).toBeUndefined();
    expect(undated?.reason).toContain("not honoured without today's date");
  });

  it("an entry's own lifecycle wins over the block's", () => {
    const model = modelOf(
      graph(
        `{ trusts: ["${A}"] }`,
        `{ pending: true, trusts: [{ principal: "${B}", pending: false }] }`,
      ),
    );
    const impact = analyze(model, [], { plan: narrowing });
    expect(impact.contracts.find((c) => c.dependent === "svc/b")?.status).toBe("broken");
  });
});
