import type { Impact } from "../model.js";
import { DEFAULT_TIER } from "../risk.js";

export interface ImpactSummary {
  readonly changed: number;
  readonly impacted: number;
  readonly breaking: number;
  readonly atRisk: number;
  readonly owners: number;
}

export function summarize(impact: Impact): ImpactSummary {
  const breaking = impact.impacted.filter((n) => n.severity === "breaking").length;
  return {
    changed: impact.changed.length,
    impacted: impact.impacted.length,
    breaking,
    atRisk: impact.impacted.length - breaking,
    owners: impact.owners.filter((o) => o.id !== undefined).length,
  };
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Breaking first, then most critical tier, then nearest, then id. */
export function byConcern<T extends { severity: string; tier?: number; depth: number; id: string }>(
  a: T,
  b: T,
): number {
  return (
    Number(a.severity !== "breaking") - Number(b.severity !== "breaking") ||
    (a.tier ?? DEFAULT_TIER) - (b.tier ?? DEFAULT_TIER) ||
    a.depth - b.depth ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
