import { describe, expect, it } from "vitest";
import type { ImpactSeverity } from "./model.js";
import { riskCounter } from "./risk.js";

describe("riskCounter", () => {
  const n = (severity: ImpactSeverity, tier?: number) => ({ severity, tier });
  const table: [string, ReturnType<typeof n>[], string][] = [
    ["nothing impacted", [], "none"],
    ["at risk, tier 3", [n("at-risk", 3)], "low"],
    ["at risk, tier 2", [n("at-risk", 2)], "low"],
    ["at risk, no tier (counts as 2)", [n("at-risk")], "low"],
    ["breaking, tier 2", [n("breaking", 2)], "medium"],
    ["at risk, tier 1", [n("at-risk", 1)], "medium"],
    ["breaking, no tier", [n("breaking")], "medium"],
    ["breaking, tier 1", [n("at-risk", 3), n("breaking", 1)], "high"],
    ["breaking, tier 0", [n("breaking", 0)], "high"],
  ];
  for (const [name, impacted, risk] of table) {
    it(`${name} -> ${risk}`, () => {
      const counter = riskCounter();
      for (const node of impacted) counter.add(node.severity === "breaking", node.tier);
      expect(counter.risk).toBe(risk);
    });
  }
});
