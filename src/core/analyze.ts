// The one analysis every entry point shares: changed files in, Impact out. Pure.

import { blastRadius } from "./graph/blast-radius.js";
import { buildGraph } from "./graph/build-graph.js";
import type { CompactGraph } from "./graph/compact-graph.js";
import type { DepGraph } from "./graph/dep-graph.js";
import { locateFileChanges } from "./locate/changed-nodes.js";
import { PathIndex } from "./locate/path-index.js";
import type { DepsConfig, FileChange, Impact } from "./model.js";
import { ownerCollector } from "./owners.js";
import { riskCounter } from "./risk.js";

/** A loaded graph with the indexes the analysis needs, built once. */
export interface AnalysisModel {
  readonly config: DepsConfig;
  /** The hot-path index the analysis walks. */
  readonly compact: CompactGraph;
  readonly paths: PathIndex;
  /** The graphology graph, for exploring and exporting; built on first use. */
  readonly graph: DepGraph;
}

export function prepareModel(config: DepsConfig, compact: CompactGraph): AnalysisModel {
  let graph: DepGraph | undefined;
  return {
    config,
    compact,
    paths: PathIndex.fromNodes(config.nodes.values()),
    get graph() {
      graph ??= buildGraph(config);
      return graph;
    },
  };
}

export interface AnalyzeOptions {
  readonly maxDepth?: number;
}

export function analyze(
  model: AnalysisModel,
  files: readonly FileChange[],
  options: AnalyzeOptions = {},
): Impact {
  const { changed, unmatchedFiles } = locateFileChanges(files, model.paths, (id) =>
    model.config.nodes.get(id),
  );
  const radius = blastRadius(model.compact, changed, { maxDepth: options.maxDepth });
  const { ids, ownerOf, ownerIds, tierOf } = model.compact;
  const owners = ownerCollector(ownerIds, model.config.owners);
  const risk = riskCounter();
  radius.forEach((node, _depth, breaking) => {
    owners.add(ownerOf[node] as number, ids[node] as string, breaking);
    const tier = tierOf[node] as number;
    risk.add(breaking, tier < 0 ? undefined : tier);
  });
  return {
    changed,
    // Node objects with their paths are built when a renderer first reads them.
    get impacted() {
      return radius.impacted;
    },
    owners: owners.result(),
    risk: risk.risk,
    unmatchedFiles,
    truncated: radius.truncated,
  };
}
