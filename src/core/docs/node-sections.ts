// The two parts of a node page read from outside the graph, as data for either format: the
// contracts it expects and those expected of it with their status, and its recent upstream
// changes. Both are indexed once for the whole site (node-contracts.ts, node-history.ts).

import type { UpstreamChange } from "../explore/recent-changes.js";
import type { NodeContracts } from "./node-contracts.js";
import type { NodeHistory } from "./node-history.js";

export interface ContractsInput {
  readonly of: (id: string) => NodeContracts;
  /** Where the statuses come from ("the repository at HEAD (abc123)"), or why there are none. */
  readonly note: string;
}

export interface HistoryInput {
  readonly of: (id: string, limit: number) => NodeHistory;
  /** "git history of acme/infra since 2026-11-23 12:00 UTC". */
  readonly source: string;
}

/** How many recent changes a page lists; the section says how many there were. */
export const HISTORY_ROWS = 20;

/** A change's commit as a page shows it: short sha or "#123", subject, author. */
export function changeLabel(change: UpstreamChange): string {
  const sha = change.commit.sha;
  return /^[0-9a-f]{40}$/i.test(sha) ? sha.slice(0, 10) : sha;
}
