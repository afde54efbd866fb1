// The merge gate: does this impact reach the threshold, and has someone acknowledged it?

import type { Impact, Risk } from "./model.js";
import { RISKS } from "./model.js";
import { byConcern } from "./render/summary.js";

export type FailOn = Risk;

export interface GateResult {
  readonly verdict: "pass" | "fail" | "acknowledged";
  /** The nodes that make the risk what it is, most concerning first (at most 10). */
  readonly causes: readonly string[];
  /** The label that lets the pull request through anyway. */
  readonly acknowledgeLabel: string;
}

export function reachesThreshold(risk: Risk, failOn: FailOn): boolean {
  return failOn !== "none" && RISKS.indexOf(risk) >= RISKS.indexOf(failOn);
}

export function evaluateGate(
  impact: Impact,
  failOn: FailOn,
  labels: readonly string[],
  acknowledgeLabel: string,
): GateResult {
  if (!reachesThreshold(impact.risk, failOn))
    return { verdict: "pass", causes: [], acknowledgeLabel };
  const causes = [...impact.impacted]
    .sort(byConcern)
    .slice(0, 10)
    .map((n) => n.id);
  const verdict = labels.includes(acknowledgeLabel) ? "acknowledged" : "fail";
  return { verdict, causes, acknowledgeLabel };
}
