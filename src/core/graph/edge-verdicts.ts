// What contracts decided for single edges, read by the walks downstream (blast-radius.ts,
// changed-impacts.ts) beside each edge's breaks_on.

import type { ChangeClass } from "../model.js";
import type { CompactGraph } from "./compact-graph.js";

export interface EdgeVerdict {
  /** A broken contract: the edge breaks on every class, whatever breaks_on says. */
  readonly breaksAlways: boolean;
  /** Classes a kept contract covers: the edge does not break on them, whatever breaks_on says. */
  readonly holds: readonly ChangeClass[];
}

/** By edge, its CSR position. */
export type EdgeVerdicts = ReadonlyMap<number, EdgeVerdict>;

/** Whether edge `e` breaks on class `c`: its contract's verdict first, then its breaks_on. */
export function edgeBreaks(
  graph: CompactGraph,
  e: number,
  c: ChangeClass,
  verdicts?: EdgeVerdicts,
): boolean {
  const verdict = verdicts?.get(e);
  if (verdict?.breaksAlways) return true;
  if (verdict?.holds.includes(c)) return false;
  const set = graph.breaks[e] as number;
  return set === -1 || (graph.breakSets[set] ?? []).includes(c);
}
