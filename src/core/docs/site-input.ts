// What every format of the docs site is built from, and what it yields: one file at a time.

import type { GraphIndexes } from "../analysis-model.js";
import type { SiteStamp } from "./html/page-shell.js";
import type { NodePageExtras } from "./html/render-node-page.js";
import type { NodeMatches } from "./matched-today.js";
import type { NodePage } from "./node-page.js";
import type { ContractsInput, HistoryInput } from "./node-sections.js";
import type { LayoutPicture } from "./picture-layout.js";

export interface SiteFile {
  /** From the site's root, with `/`. */
  readonly path: string;
  readonly content: string;
}

export interface DocsSiteInput {
  readonly model: GraphIndexes;
  readonly stamp: SiteStamp;
  /** Rows kept of each table and its exports. */
  readonly maxRows: number;
  /** YYYY-MM-DD: waivers in the what-if's contracts hold until their date. */
  readonly today?: string;
  /** Lays out each node's neighbourhood picture (HTML); without it, pages have no picture. */
  readonly layout?: LayoutPicture;
  /** What each node's rules match in the repository today, when it was read. */
  readonly repository?: {
    readonly name?: string;
    readonly matches: ReadonlyMap<string, NodeMatches>;
  };
  /** The contracts of each node, with their status when the state was read. */
  readonly contracts?: ContractsInput;
  /** Each node's recent upstream changes, when a history was read. */
  readonly history?: HistoryInput;
  /** What else a node's page shows, as HTML. */
  readonly nodeExtras?: (page: NodePage) => NodePageExtras;
}
