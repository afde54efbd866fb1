// The overall risk of a change, from what it impacts. The rule is written down in the README.

import type { ImpactedNode, Risk } from "./model.js";

/** Nodes without a tier count as this tier: unknown criticality is not low criticality. */
export const DEFAULT_TIER = 2;

export function riskOf(impacted: readonly Pick<ImpactedNode, "tier" | "severity">[]): Risk {
  let risk: Risk = "none";
  for (const node of impacted) {
    const critical = (node.tier ?? DEFAULT_TIER) <= 1;
    if (node.severity === "breaking" && critical) return "high";
    if (node.severity === "breaking" || critical) risk = "medium";
    else if (risk === "none") risk = "low";
  }
  return risk;
}
