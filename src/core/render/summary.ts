import type { Impact } from "../model.js";

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
