// Contracts' waivers: a date that is a real day (checked on every load), and, for `validate`,
// the ones that have ended or end soon (they need today, which only an entry point knows).

import { says } from "../contracts.js";
import type { Diagnostic, Edge, Expectation, GraphNode } from "../model.js";
import type { KeyPath } from "./key-path.js";
import { at } from "./place.js";

/** The day (YYYY-MM-DD, UTC) a waiver is compared with: what entry points pass as `today`. */
export const utcDay = (date: Date): string => date.toISOString().slice(0, 10);

/** `validate` warns this many days before a waiver ends. */
export const WAIVER_NOTICE_DAYS = 14;

const DAY_MS = 86_400_000;

/** Milliseconds since the epoch of a YYYY-MM-DD day, or undefined when it is no such day. */
function dayOf(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const time = Date.UTC(y, mo - 1, d);
  const back = new Date(time);
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d
    ? time
    : undefined;
}

interface Waived {
  readonly node: GraphNode;
  readonly edge: Edge;
  readonly expectation: Expectation;
  readonly keyPath: KeyPath;
}

/** Each expectation with a waiver, and the key path of its `waive` (the entry's, else the block's). */
function* waived(nodes: Iterable<GraphNode>): Generator<Waived> {
  for (const node of nodes) {
    for (const edge of node.dependsOn) {
      for (const expectation of edge.expects ?? []) {
        if (!expectation.waive) continue;
        yield {
          node,
          edge,
          expectation,
          keyPath: [
            "nodes",
            node.id,
            "depends_on",
            edge.index,
            "expects",
            ...(expectation.waiveKeyPath ?? []),
          ],
        };
      }
    }
  }
}

/** A waiver's `until` that is no day of the calendar (2026-02-30) is an error. */
export function checkWaiverDates(nodes: Iterable<GraphNode>, errors: Diagnostic[]): void {
  const seen = new Set<string>();
  for (const { node, edge, expectation, keyPath } of waived(nodes)) {
    const until = expectation.waive?.until ?? "";
    if (dayOf(until) !== undefined) continue;
    // A block's waiver is shared by its entries: said once.
    const key = keyPath.join("\u0000");
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push({
      severity: "error",
      code: "bad-waiver-date",
      ...at(node.declaredAt.file, keyPath),
      message: `node "${node.id}": the waiver of its contract with "${edge.to}" ends on ${until}, which is no day of the calendar`,
      hint: "write the last day the break is accepted as YYYY-MM-DD (2026-12-31)",
    });
  }
}

/** Waivers that have ended (the contract is enforced again) or end within the notice period. */
export function waiverWarnings(nodes: Iterable<GraphNode>, today: string): Diagnostic[] {
  const now = dayOf(today);
  if (now === undefined) return [];
  const out: Diagnostic[] = [];
  for (const { node, edge, expectation, keyPath } of waived(nodes)) {
    const waive = expectation.waive;
    const end = waive ? dayOf(waive.until) : undefined;
    if (!waive || end === undefined) continue;
    const left = Math.round((end - now) / DAY_MS);
    if (left >= WAIVER_NOTICE_DAYS) continue;
    out.push({
      severity: "warning",
      code: left < 0 ? "waiver-expired" : "waiver-expiring",
      ...at(node.declaredAt.file, keyPath),
      message:
        left < 0
          ? `node "${node.id}": the waiver of "${says(expectation)}" of "${edge.to}" ended on ${waive.until}; the contract is enforced again (${waive.reason})`
          : `node "${node.id}": the waiver of "${says(expectation)}" of "${edge.to}" ends on ${waive.until}, in ${left} day${left === 1 ? "" : "s"} (${waive.reason})`,
      hint:
        left < 0
          ? "restore what the contract expects, change the expectation, or extend the waiver with a new date and reason"
          : "make sure what it waits for lands before then, or extend it with a new date and reason",
    });
  }
  return out;
}
