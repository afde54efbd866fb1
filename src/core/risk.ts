// The overall risk of a change, from what it impacts. The rule is written down in the README.

import type { Risk } from "./model.js";

/** Nodes without a tier count as this tier: unknown criticality is not low criticality. */
export const DEFAULT_TIER = 2;

/** The risk of a change, fed one impacted node at a time. */
export function riskCounter(): {
  add(breaking: boolean, tier: number | undefined): void;
  readonly risk: Risk;
} {
  let risk: Risk = "none";
  return {
    add(breaking, tier) {
      if (risk === "high") return;
      const critical = (tier ?? DEFAULT_TIER) <= 1;
      if (breaking && critical) risk = "high";
      else if (breaking || critical) risk = "medium";
      else if (risk === "none") risk = "low";
    },
    get risk() {
      return risk;
    },
  };
}
