import { describe, expect, it } from "vitest";
import { chainYaml, modelOf } from "../../test/helpers.js";
import { analyze } from "./analyze.js";
import { evaluateGate, reachesThreshold } from "./gate.js";

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
    expect(evaluateGate(impact, "high", [], "ack")).toEqual({
      verdict: "fail",
      causes: ["b", "a", "c"],
      acknowledgeLabel: "ack",
    });
    expect(evaluateGate(impact, "high", ["ack"], "ack").verdict).toBe("acknowledged");
    expect(evaluateGate(impact, "none", [], "ack").verdict).toBe("pass");
  });
});
