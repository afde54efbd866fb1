// ClusterRole aggregation: a ClusterRole with an `aggregationRule` gets its rules from the
// controller, the union of the rules of every ClusterRole its label selectors match. A change
// to a selected role's labels or rules changes the aggregated role too; a change to the
// aggregationRule itself changes it in a way only the cluster knows.

import { compareClasses } from "../classes.js";
import type { ChangeClass } from "../model.js";
import type { Evidence, ResourceChange } from "./evidence.js";
import { record } from "./json-shapes.js";
import { objectAddress } from "./kubernetes-address.js";
import type { ManifestObject } from "./kubernetes-manifests.js";

/** Whether a label selector (matchLabels, matchExpressions) holds for these labels; undefined when it cannot be read. */
function selects(selector: unknown, labels: Record<string, unknown>): boolean | undefined {
  const s = record(selector);
  const label = (key: string) => (typeof labels[key] === "string" ? labels[key] : undefined);
  for (const [key, value] of Object.entries(record(s.matchLabels))) {
    if (typeof value !== "string") return undefined;
    if (label(key) !== value) return false;
  }
  if (s.matchExpressions !== undefined && !Array.isArray(s.matchExpressions)) return undefined;
  for (const expression of (s.matchExpressions ?? []) as unknown[]) {
    const e = record(expression);
    const key = typeof e.key === "string" ? e.key : undefined;
    const values = Array.isArray(e.values) ? e.values.map(String) : [];
    if (key === undefined) return undefined;
    const has = label(key);
    switch (e.operator) {
      case "In":
        if (has === undefined || !values.includes(has)) return false;
        break;
      case "NotIn":
        if (has !== undefined && values.includes(has)) return false;
        break;
      case "Exists":
        if (has === undefined) return false;
        break;
      case "DoesNotExist":
        if (has !== undefined) return false;
        break;
      default:
        return undefined;
    }
  }
  return true;
}

/** Whether the aggregator selects the role: true, false, or undefined when its rule cannot be read. */
export function aggregates(aggregator: ManifestObject, role: ManifestObject): boolean | undefined {
  if (aggregator.kind !== "ClusterRole" || role.kind !== "ClusterRole") return false;
  if (aggregator.name === role.name) return false;
  const rule = aggregator.body.aggregationRule;
  if (rule === undefined || rule === null) return false;
  const selectors = record(rule).clusterRoleSelectors;
  if (!Array.isArray(selectors)) return undefined;
  const labels = record(record(role.body.metadata).labels);
  let unreadable = false;
  for (const selector of selectors) {
    const hit = selects(selector, labels);
    if (hit === true) return true;
    if (hit === undefined) unreadable = true;
  }
  return unreadable ? undefined : false;
}

/** Whether an object is a ClusterRole whose rules the controller writes. */
export const isAggregated = (o: ManifestObject | undefined): boolean =>
  o?.kind === "ClusterRole" &&
  o.body.aggregationRule !== undefined &&
  o.body.aggregationRule !== null;

export interface AggregatorSides {
  readonly was?: ManifestObject;
  readonly now?: ManifestObject;
}

/**
 * What a change to a ClusterRole (`was` -> `now`) does to one aggregator of it: the grants
 * the aggregator loses or gains through it. Undefined when the aggregator selects the role on
 * neither side, or the role's labels and rules do not change.
 */
export function aggregatedChange(
  role: { readonly was?: ManifestObject; readonly now?: ManifestObject },
  aggregator: AggregatorSides,
  grants: (o: ManifestObject) => string[],
  tooMany: (o: ManifestObject) => string | undefined,
  covered: (grant: string, by: readonly string[]) => boolean,
  describe: (grant: string) => string,
  at: Pick<Evidence, "file" | "line">,
): ResourceChange | undefined {
  const same = (a?: ManifestObject, b?: ManifestObject) =>
    a !== undefined &&
    b !== undefined &&
    JSON.stringify(record(a.body.metadata).labels ?? null) ===
      JSON.stringify(record(b.body.metadata).labels ?? null) &&
    JSON.stringify(a.body.rules ?? null) === JSON.stringify(b.body.rules ?? null);
  if (same(role.was, role.now)) return undefined;
  const before = aggregator.was && role.was ? aggregates(aggregator.was, role.was) : false;
  const after = aggregator.now && role.now ? aggregates(aggregator.now, role.now) : false;
  if (before === false && after === false) return undefined;
  const target = (aggregator.now ?? aggregator.was) as ManifestObject;
  const name = (role.now ?? role.was) as ManifestObject;
  const address = objectAddress(target);
  const via = `ClusterRole ${target.name} aggregates ClusterRole ${name.name}`;
  const classes = new Set<ChangeClass>();
  const evidence: Evidence[] = [];
  const huge =
    (before && role.was ? tooMany(role.was) : undefined) ??
    (after && role.now ? tooMany(role.now) : undefined);
  if (before === undefined || after === undefined) {
    classes.add("unknown");
    evidence.push({ address, ...at, detail: `${via} by a selector that cannot be read` });
  } else if (huge !== undefined) {
    classes.add("unknown");
    evidence.push({ address, ...at, detail: `${via}: not compared: ${huge}` });
  } else {
    const had = before && role.was ? grants(role.was) : [];
    const has = after && role.now ? grants(role.now) : [];
    for (const g of had)
      if (!covered(g, has)) {
        classes.add("permissions-removed");
        evidence.push({ address, ...at, detail: `${via}: no longer allows ${describe(g)}` });
      }
    for (const g of has)
      if (!covered(g, had)) {
        classes.add("permissions-added");
        evidence.push({ address, ...at, detail: `${via}: now allows ${describe(g)}` });
      }
  }
  if (classes.size === 0) return undefined;
  return {
    system: "kubernetes",
    address,
    type: "ClusterRole",
    classes: [...classes].sort(compareClasses),
    evidence,
  };
}
