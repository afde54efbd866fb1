// What a docs build hands every thread that makes pages, as plain data (it crosses to worker
// threads by structured clone), and the one way each thread turns it into the site's input:
// the threads cannot disagree on what a page shows.

import { dagreLayout } from "../../adapters/layout/dagre-layout.js";
import type { GraphIndexes } from "../../core/analysis-model.js";
import type { ContractMatrix } from "../../core/contracts-state.js";
import type { SiteStamp } from "../../core/docs/html/page-shell.js";
import type { NodeMatches } from "../../core/docs/matched-today.js";
import { contractsByNode } from "../../core/docs/node-contracts.js";
import { historyIndex } from "../../core/docs/node-history.js";
import type { DocsSiteInput } from "../../core/docs/site-input.js";
import type { LocatedCommit } from "../../core/explore/recent-changes.js";

export interface SiteShare {
  readonly stamp: SiteStamp;
  readonly maxRows: number;
  /** YYYY-MM-DD. */
  readonly today: string;
  readonly repository?: {
    readonly name?: string;
    readonly matches: ReadonlyMap<string, NodeMatches>;
  };
  /** The contracts' state when it was read (else undefined), and what the pages say of it. */
  readonly contracts: { readonly matrix?: ContractMatrix; readonly note: string };
  readonly history?: { readonly located: readonly LocatedCommit[]; readonly source: string };
}

export function siteInputOf(model: GraphIndexes, share: SiteShare): DocsSiteInput {
  return {
    model,
    stamp: share.stamp,
    maxRows: share.maxRows,
    today: share.today,
    layout: dagreLayout(),
    ...(share.repository ? { repository: share.repository } : {}),
    contracts: {
      of: contractsByNode(model.config, share.contracts.matrix),
      note: share.contracts.note,
    },
    ...(share.history
      ? {
          history: {
            of: historyIndex(model, share.history.located),
            source: share.history.source,
          },
        }
      : {}),
  };
}
