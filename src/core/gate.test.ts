import { describe, expect, it } from "vitest";
import { analyze } from "./analyze.js";
import {
  type Acknowledgement,
  acknowledgementOf,
  beyondAcknowledged,
  evaluateGate,
  reachesThreshold,
} from "./gate.js";
import { chainYaml, modelOf } from "./testing/helpers.js";

const impact = analyze(
  modelOf(
    chainYaml({ role: { paths: ["iam/**"] }, a: { tier: 2 }, b: { tier: 0 }, c: { tier: 3 } }, [
      ["role", "a"],
      ["role", "b"],
      ["role", "c", "reads", ["deleted"]],
    ]),
  ),
  [{ path: "iam/x.tf", status: "modified" }],
);

describe("the merge gate", () => {
  it.each([
    ["none", "high", false],
    ["low", "low", true],
    ["low", "medium", false],
    ["high", "medium", true],
    ["high", "high", true],
  ] as const)("risk %s at fail-on %s: %s", (risk, failOn, expected) => {
    expect(reachesThreshold(risk, failOn)).toBe(expected);
  });

  it("fails with the nodes behind the risk, most concerning first, unless acknowledged", () => {
    expect(impact.risk).toBe("high");
    const gate = (failOn: "none" | "high", labels: string[]) =>
      evaluateGate(impact, { failOn, labels, acknowledgeLabel: "ack" });
    expect(gate("high", [])).toEqual({
      verdict: "fail",
      causes: ["b", "a", "c"],
      acknowledgeLabel: "ack",
      atThreshold: true,
      incomplete: false,
    });
    expect(gate("high", ["ack"]).verdict).toBe("acknowledged");
    expect(gate("none", []).verdict).toBe("pass");
  });

  const incomplete = {
    ...impact,
    risk: "none" as const,
    impacted: [],
    unjudged: [{ reason: "x" }],
  };

  it("fails closed on an incomplete analysis when fail-on is set, unless on-incomplete is warn", () => {
    const gate = (failOn: "none" | "high", onIncomplete?: "fail" | "warn") =>
      evaluateGate(incomplete, { failOn, labels: [], acknowledgeLabel: "ack", onIncomplete });
    expect(gate("high")).toMatchObject({ verdict: "fail", incomplete: true });
    expect(gate("high", "warn").verdict).toBe("pass");
    expect(gate("none").verdict).toBe("pass");
  });

  it("an acknowledgement covers what it was given for, and nothing more", () => {
    const given = acknowledgementOf(impact, "abc");
    expect(given).toEqual({ headSha: "abc", risk: "high", breaking: ["a", "b"], unjudged: 0 });
    const gate = (acknowledged: Acknowledgement | "unseen") =>
      evaluateGate(impact, {
        failOn: "high",
        labels: ["ack"],
        acknowledgeLabel: "ack",
        acknowledged,
      });
    expect(gate(given).verdict).toBe("acknowledged");
    expect(gate({ ...given, breaking: ["a"] })).toMatchObject({
      verdict: "stale",
      beyond: ["new breaking node b"],
    });
    expect(gate({ ...given, risk: "medium" }).beyond).toEqual([
      "risk high (acknowledged at medium)",
    ]);
    expect(gate("unseen").verdict).toBe("stale");
    expect(beyondAcknowledged({ ...impact, unjudged: [{ reason: "x" }] }, given)).toEqual([
      "1 not judged (acknowledged with 0)",
    ]);
  });
});
