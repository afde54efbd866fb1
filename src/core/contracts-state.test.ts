import { describe, expect, it } from "vitest";
import { readPlannedState } from "./classify/terraform-plan.js";
import {
  byUrgency,
  contractUpstreams,
  countsLine,
  type UpstreamState,
  verifyContracts,
} from "./contracts-state.js";
import { modelOf } from "./testing/helpers.js";

const A = "arn:aws:iam::111111111111:role/runner-a";
const B = "arn:aws:iam::111111111111:role/runner-b";

const trust = (principals: string[]) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: principals.map((p) => ({
      Effect: "Allow",
      Principal: { AWS: p },
      Action: "sts:AssumeRole",
    })),
  });

/** The role as a plan leaves it: trusting `trusts`, allowing `allows`. */
function roleState(trusts: string[], allows: string[] = []): UpstreamState {
  const planned = readPlannedState(
    {
      format_version: "1.2",
      resource_changes: [
        {
          address: "aws_iam_role.shared",
          mode: "managed",
          type: "aws_iam_role",
          change: {
            actions: ["no-op"],
            before: null,
            after: {
              assume_role_policy: trust(trusts),
              inline_policy: [
                {
                  name: "p",
                  policy: JSON.stringify({
                    Version: "2012-10-17",
                    Statement: [{ Effect: "Allow", Action: allows, Resource: "*" }],
                  }),
                },
              ],
            },
          },
        },
      ],
    },
    "plan.json",
  );
  return { deleted: false, resources: planned.resources };
}

const graph = (expects: { a: string; b: string }) =>
  modelOf(`version: 1
owners:
  platform: {github: "@acme/platform", chat: "#platform"}
  team-a: {github: "@acme/team-a"}
nodes:
  role:
    kind: iam-role
    owner: platform
    match: {terraform: [aws_iam_role.shared]}
  svc-b:
    kind: service
    depends_on:
      - on: role
        via: assumes-role
        expects: ${expects.b}
  svc-a:
    kind: service
    owner: team-a
    depends_on:
      - on: role
        via: assumes-role
        expects: ${expects.a}
  plain:
    kind: service
    depends_on: [role]
`).config;

const SOURCE = { kind: "git" as const, name: "HEAD", commit: "0123456789abcdef" };

describe("verifyContracts: every contract against a state", () => {
  it("kept and broken, worded for a state, with both owners and the evidence", () => {
    const config = graph({ a: `{trusts: ["${A}"]}`, b: `{trusts: ["${B}"]}` });
    const matrix = verifyContracts(config, SOURCE, () => roleState([A]));
    expect(matrix.rows.map((r) => [r.dependent, r.status, r.reason])).toEqual([
      ["svc-a", "kept", `role still trusts ${A}`],
      ["svc-b", "broken", `role does not trust ${B}`],
    ]);
    const [a, b] = matrix.rows;
    expect(a?.dependentOwner).toEqual({ id: "team-a", github: "@acme/team-a" });
    expect(a?.upstreamOwner).toEqual({
      id: "platform",
      github: "@acme/platform",
      chat: "#platform",
    });
    expect(b?.dependentOwner).toBeUndefined();
    expect(b?.where).toBe("plan.json aws_iam_role.shared");
    expect(matrix.counts).toEqual({ broken: 1, waived: 0, pending: 0, unchecked: 0, kept: 1 });
    expect(countsLine(matrix.counts)).toBe("1 broken, 0 waived, 0 pending, 0 unchecked, 1 kept");
  });

  it("pending: would break, never broken; kept when it holds", () => {
    const config = graph({
      a: `{trusts: ["${A}"], pending: true}`,
      b: `{trusts: [{principal: "${B}", pending: true}]}`,
    });
    const matrix = verifyContracts(config, SOURCE, () => roleState([A]));
    expect(matrix.rows.map((r) => [r.dependent, r.status, r.pending])).toEqual([
      ["svc-a", "kept", true],
      ["svc-b", "pending", true],
    ]);
    expect(matrix.rows[1]?.reason).toBe(`pending: would break: role does not trust ${B}`);
    expect(matrix.counts.broken).toBe(0);
  });

  it("waived until its date, with the reason; broken again the day after", () => {
    const config = graph({
      a: `{trusts: ["${A}"]}`,
      b: `{trusts: [{principal: "${B}", waive: {until: "2026-12-01", reason: "migrating"}}]}`,
    });
    const state = () => roleState([A]);
    const on = (today: string | undefined) =>
      verifyContracts(config, SOURCE, state, today === undefined ? {} : { today }).rows[1];
    expect(on("2026-12-01")).toMatchObject({
      status: "waived",
      reason: `waived until 2026-12-01 (migrating): role does not trust ${B}`,
      waiver: { until: "2026-12-01", reason: "migrating" },
    });
    expect(on("2026-12-02")).toMatchObject({
      status: "broken",
      reason: `role does not trust ${B}; its waiver ended on 2026-12-01`,
      waiver: { expired: true },
    });
    // No clock, no waiver: fail closed.
    expect(on(undefined)?.status).toBe("broken");
  });

  it("unchecked with the reason when the state was not read; not found is broken", () => {
    const config = graph({ a: `{trusts: ["${A}"], exists: true}`, b: "{exists: true}" });
    const unread = verifyContracts(config, SOURCE, () => ({
      deleted: false,
      resources: [],
      unread: "role has no match rules",
    }));
    expect(unread.rows.map((r) => [r.status, r.reason])).toEqual([
      ["unchecked", "role has no match rules"],
      ["unchecked", "role has no match rules"],
      ["unchecked", "role has no match rules"],
    ]);
    const never = verifyContracts(config, SOURCE, () => undefined);
    expect(never.rows[0]?.reason).toBe("the state of role was not read");
    const gone = verifyContracts(config, SOURCE, () => ({ deleted: true, resources: [] }));
    expect(gone.rows.map((r) => [r.expectation, r.status, r.reason])).toEqual([
      [`trusts ${A}`, "broken", `role was not found, so it does not trust ${A}`],
      ["exists", "broken", "role was not found"],
      ["exists", "broken", "role was not found"],
    ]);
  });

  it("allows: an action the role's policies grant, by wildcard too", () => {
    const config = graph({ a: '{allows: ["s3:GetObject"]}', b: '{allows: ["s3:PutObject"]}' });
    const matrix = verifyContracts(config, SOURCE, () => roleState([A], ["s3:Get*"]));
    expect(matrix.rows.map((r) => [r.dependent, r.status])).toEqual([
      ["svc-a", "kept"],
      ["svc-b", "broken"],
    ]);
  });

  it("orders by dependent, then upstream, then as written; the matrix most urgent first", () => {
    const config = graph({
      a: `{exists: true, trusts: ["${B}", "${A}"]}`,
      b: `{trusts: ["${A}"]}`,
    });
    const matrix = verifyContracts(config, SOURCE, () => roleState([A]));
    expect(matrix.rows.map((r) => `${r.dependent} ${r.expectation}`)).toEqual([
      `svc-a trusts ${B}`,
      `svc-a trusts ${A}`,
      "svc-a exists",
      `svc-b trusts ${A}`,
    ]);
    expect(byUrgency(matrix.rows).map((r) => r.status)).toEqual(["broken", "kept", "kept", "kept"]);
    expect(contractUpstreams(config)).toEqual(["role"]);
  });

  it("a graph with no contracts has no rows", () => {
    const config = modelOf(
      "version: 1\nnodes: {a: {kind: k}, b: {kind: k, depends_on: [a]}}\n",
    ).config;
    const matrix = verifyContracts(config, SOURCE, () => undefined);
    expect(matrix.rows).toEqual([]);
    expect(contractUpstreams(config)).toEqual([]);
  });
});
