// What an analysis walks: a loaded graph and its indexes. Apart from analyze.ts so that the
// plan overlay, which analyze.ts calls, can name it without importing analyze.ts back.

import type { CompactGraph } from "./graph/compact-graph.js";
import type { DepGraph } from "./graph/dep-graph.js";
import type { ObjectIndex } from "./locate/object-index.js";
import type { PathIndex } from "./locate/path-index.js";
import type { TerraformIndex } from "./locate/terraform-index.js";
import type { DepsConfig } from "./model.js";

/** The graph and the indexes one analysis reads: what a plan's discovered edges are added to. */
export interface AnalysisIndexes {
  readonly config: DepsConfig;
  /** The hot-path index the analysis walks. */
  readonly compact: CompactGraph;
  readonly paths: PathIndex;
  readonly terraform: TerraformIndex;
  /** Every node's object rules (Terraform, Kubernetes, CloudFormation). */
  readonly objects: ObjectIndex;
}

/**
 * What a what-if reads (`whatIf`, `analyzeNodes`): the graph and its compact index, no file
 * locators. Plain data, so it can cross to a worker thread by structured clone.
 */
export type GraphIndexes = Pick<AnalysisIndexes, "config" | "compact">;

/** A loaded graph with the indexes the analysis needs, built once. */
export interface AnalysisModel extends AnalysisIndexes {
  /** The graphology graph, for exploring and exporting; built on first use. */
  readonly graph: DepGraph;
}
