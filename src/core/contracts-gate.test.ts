// Pending and waived contracts are shown, never enforced: they leave the severities, the risk
// and the gate as the edge's breaks_on would; past its date a waiver stops and the gate closes.

import { describe, expect, it } from "vitest";
import { analyze } from "./analyze.js";
import { evaluateGate } from "./gate.js";
import { modelOf } from "./testing/helpers.js";
import { rolePlan, roleSide } from "./testing/role-plans.js";

const RUNNER = "arn:aws:iam::111111111111:role/runner";

const plan = () => rolePlan(roleSide({ trust: [RUNNER] }), roleSide({ trust: [`${RUNNER}-v2`] }));

/** An edge that breaks only on deletion, with a contract the plan breaks. */
const graph = (lifecycle: string) => `version: 1
nodes:
  role/shared: { kind: iam-role, tier: 0, match: { terraform: [aws_iam_role.shared] } }
  svc/a:
    kind: service
    tier: 2
    depends_on:
      - on: role/shared
        via: reads
        breaks_on: [deleted]
        expects: { trusts: ["${RUNNER}"]${lifecycle} }
`;

const gate = (lifecycle: string, today: string) => {
  const impact = analyze(modelOf(graph(lifecycle)), [], { plan: plan(), today });
  const verdict = evaluateGate(impact, {
    failOn: "medium",
    labels: [],
    acknowledgeLabel: "ack",
  }).verdict;
  return { status: impact.contracts[0]?.status, risk: impact.risk, verdict };
};

describe("the gate and the contract lifecycle", () => {
  const waive = ', waive: { until: "2026-12-31", reason: "moving in December" }';
  it.each([
    ["enforced", "", "2026-11-30", { status: "broken", risk: "medium", verdict: "fail" }],
    [
      "pending",
      ", pending: true",
      "2026-11-30",
      { status: "pending", risk: "low", verdict: "pass" },
    ],
    [
      "waived, within its date",
      waive,
      "2026-12-31",
      { status: "waived", risk: "low", verdict: "pass" },
    ],
    [
      "waived, past its date",
      waive,
      "2027-01-01",
      { status: "broken", risk: "medium", verdict: "fail" },
    ],
  ])("%s", (_name, lifecycle, today, expected) => {
    expect(gate(lifecycle, today)).toEqual(expected);
  });
});
