// The merge gate: does this impact reach the threshold, is the analysis complete, and has
// someone acknowledged exactly this?

import { byConcern } from "./by-concern.js";
import type { Impact, Risk } from "./model.js";
import { RISKS } from "./model.js";

export type FailOn = Risk;

/** What an incomplete analysis does to the gate when `fail-on` is set. */
export type OnIncomplete = "fail" | "warn";

/**
 * What an acknowledgement was given for: the analysis on screen when the label was added. A
 * later push that raises the risk, adds a breaking node or leaves something unjudged that was
 * not before is not covered by it.
 */
export interface Acknowledgement {
  readonly headSha: string;
  readonly risk: Risk;
  readonly breaking: readonly string[];
  /** How many things the acknowledged analysis could not judge. */
  readonly unjudged: number;
}

export interface GateResult {
  /** `stale`: acknowledged once, but for less than this analysis shows. */
  readonly verdict: "pass" | "fail" | "acknowledged" | "stale";
  /** The nodes that make the risk what it is, most concerning first (at most 10). */
  readonly causes: readonly string[];
  /** The label that lets the pull request through anyway. */
  readonly acknowledgeLabel: string;
  /** Whether the risk alone reaches fail-on. */
  readonly atThreshold: boolean;
  /** True when the gate fails (or would) because the analysis is incomplete. */
  readonly incomplete: boolean;
  /** For `stale`: what this analysis has that the acknowledged one did not. */
  readonly beyond?: readonly string[];
}

export interface GateOptions {
  readonly failOn: FailOn;
  readonly labels: readonly string[];
  readonly acknowledgeLabel: string;
  readonly onIncomplete?: OnIncomplete;
  /**
   * What the label was given for. `unseen`: the label was there before any analysis was shown,
   * so it covers nothing yet. Undefined: the label covers this analysis (there is no record of
   * an earlier one, e.g. with comments off).
   */
  readonly acknowledged?: Acknowledgement | "unseen";
}

export function reachesThreshold(risk: Risk, failOn: FailOn): boolean {
  return failOn !== "none" && RISKS.indexOf(risk) >= RISKS.indexOf(failOn);
}

/** The breaking nodes of an impact, by id. */
export function breakingIds(impact: Impact): string[] {
  return impact.impacted.filter((n) => n.severity === "breaking").map((n) => n.id);
}

/** This analysis as an acknowledgement would record it. */
export function acknowledgementOf(impact: Impact, headSha: string): Acknowledgement {
  return {
    headSha,
    risk: impact.risk,
    breaking: breakingIds(impact),
    unjudged: impact.unjudged.length,
  };
}

/** What the impact has that the acknowledged analysis did not: empty when it is covered. */
export function beyondAcknowledged(impact: Impact, acknowledged: Acknowledgement): string[] {
  const beyond: string[] = [];
  if (RISKS.indexOf(impact.risk) > RISKS.indexOf(acknowledged.risk))
    beyond.push(`risk ${impact.risk} (acknowledged at ${acknowledged.risk})`);
  const known = new Set(acknowledged.breaking);
  const added = breakingIds(impact).filter((id) => !known.has(id));
  if (added.length > 0)
    beyond.push(
      `new breaking ${added.length === 1 ? "node" : "nodes"} ${added.slice(0, 10).join(", ")}${added.length > 10 ? ` and ${added.length - 10} more` : ""}`,
    );
  if (impact.unjudged.length > acknowledged.unjudged)
    beyond.push(
      `${impact.unjudged.length} not judged (acknowledged with ${acknowledged.unjudged})`,
    );
  return beyond;
}

export function evaluateGate(impact: Impact, options: GateOptions): GateResult {
  const { failOn, acknowledgeLabel } = options;
  const incomplete =
    failOn !== "none" && impact.unjudged.length > 0 && (options.onIncomplete ?? "fail") === "fail";
  const atThreshold = reachesThreshold(impact.risk, failOn);
  if (!atThreshold && !incomplete)
    return { verdict: "pass", causes: [], acknowledgeLabel, atThreshold, incomplete: false };
  const causes = [...impact.impacted]
    .sort(byConcern)
    .slice(0, 10)
    .map((n) => n.id);
  if (!options.labels.includes(acknowledgeLabel))
    return { verdict: "fail", causes, acknowledgeLabel, atThreshold, incomplete };
  const beyond =
    options.acknowledged === "unseen"
      ? ["the label was added before any analysis was shown"]
      : options.acknowledged
        ? beyondAcknowledged(impact, options.acknowledged)
        : [];
  if (beyond.length > 0)
    return { verdict: "stale", causes, acknowledgeLabel, atThreshold, incomplete, beyond };
  return { verdict: "acknowledged", causes, acknowledgeLabel, atThreshold, incomplete };
}

/** The gate's verdict in words, the same for the Action's log and the command line. */
export function describeGate(
  gate: GateResult,
  risk: Risk,
  failOn: FailOn,
  acknowledgementRemoved = false,
): string | undefined {
  if (gate.verdict === "pass") return undefined;
  const reasons = [
    ...(gate.incomplete ? ["the analysis is incomplete (on-incomplete: fail)"] : []),
    ...(gate.atThreshold ? [`risk is ${risk}, at or above fail-on ${failOn}`] : []),
  ].join(" and ");
  const causes = gate.causes.length > 0 ? `, because of ${gate.causes.join(", ")}` : "";
  const label = `"${gate.acknowledgeLabel}"`;
  if (gate.verdict === "fail")
    return `${reasons}${causes}. To merge anyway, add the label ${label} to the pull request and re-run this check.`;
  if (gate.verdict === "stale")
    return `${reasons}${causes}. The label ${label} does not cover this analysis: ${(gate.beyond ?? []).join("; ")}. ${acknowledgementRemoved ? "It was removed: add it again once this is reviewed." : "Remove it and add it again once this is reviewed."}`;
  return `${reasons}, but the pull request is labelled ${label}, and that acknowledgement covers this analysis.`;
}
