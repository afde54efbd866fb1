// The one analysis every entry point shares: changed files in, Impact out. Pure.

import type { PlanReading } from "./classify/terraform-plan.js";
import { checkContracts } from "./contracts.js";
import { blastRadius } from "./graph/blast-radius.js";
import { buildGraph } from "./graph/build-graph.js";
import type { CompactGraph } from "./graph/compact-graph.js";
import type { DepGraph } from "./graph/dep-graph.js";
import { type LocatedChanges, locateChanges } from "./locate/changed-nodes.js";
import { PathIndex } from "./locate/path-index.js";
import { TerraformIndex } from "./locate/terraform-index.js";
import type {
  ChangeClass,
  ChangedNode,
  DepsConfig,
  FileChange,
  Impact,
  Unjudged,
} from "./model.js";
import { ownerCollector } from "./owners.js";
import { withDiscoveredEdges } from "./plan-overlay.js";
import { riskCounter } from "./risk.js";

/** A loaded graph with the indexes the analysis needs, built once. */
export interface AnalysisModel {
  readonly config: DepsConfig;
  /** The hot-path index the analysis walks. */
  readonly compact: CompactGraph;
  readonly paths: PathIndex;
  readonly terraform: TerraformIndex;
  /** The graphology graph, for exploring and exporting; built on first use. */
  readonly graph: DepGraph;
}

export function prepareModel(config: DepsConfig, compact: CompactGraph): AnalysisModel {
  let graph: DepGraph | undefined;
  let terraform: TerraformIndex | undefined;
  return {
    config,
    compact,
    paths: PathIndex.fromNodes(config.nodes.values()),
    // Built on first use: most runs read no plan and no Terraform contents.
    get terraform() {
      terraform ??= TerraformIndex.fromNodes(config.nodes.values());
      return terraform;
    },
    get graph() {
      graph ??= buildGraph(config);
      return graph;
    },
  };
}

export interface AnalyzeOptions {
  readonly maxDepth?: number;
  /** A Terraform plan read alongside the files: its resource changes, and its references. */
  readonly plan?: { readonly file: string; readonly reading: PlanReading };
  /** What the caller could not judge (unread files, files not listed): carried into the Impact. */
  readonly unjudged?: readonly Unjudged[];
}

export function analyze(
  base: AnalysisModel,
  files: readonly FileChange[],
  options: AnalyzeOptions = {},
): Impact {
  const plan = options.plan;
  const model = plan ? withDiscoveredEdges(base, plan.reading.references, base.terraform) : base;
  const located = locateIn(model, files, plan);
  return radiusOf(model, located.changed, options, located);
}

/** Which nodes of the model the files (and a plan) change, and how: the first step of `analyze`. */
export function locateIn(
  model: AnalysisModel,
  files: readonly FileChange[],
  plan?: AnalyzeOptions["plan"],
): LocatedChanges {
  return locateChanges(
    files,
    plan,
    model.paths,
    () => model.terraform,
    (id) => model.config.nodes.get(id),
  );
}

/**
 * What-if: the blast radius of a change to these nodes, with no files behind it (the
 * explorer's question "if I touch this, who is downstream?").
 */
export function analyzeNodes(
  model: AnalysisModel,
  seeds: readonly { readonly id: string; readonly classes: readonly ChangeClass[] }[],
  options: AnalyzeOptions = {},
): Impact {
  const changed: ChangedNode[] = seeds.flatMap(({ id, classes }) => {
    const node = model.config.nodes.get(id);
    return node
      ? [
          {
            id,
            kind: node.kind,
            owner: node.owner,
            tier: node.tier,
            classes,
            causes: [],
            resources: [],
          },
        ]
      : [];
  });
  return radiusOf(model, changed, options, {
    unmatchedFiles: [],
    quietFiles: [],
    unmatchedResources: [],
  });
}

function radiusOf(
  model: AnalysisModel,
  changed: readonly ChangedNode[],
  options: AnalyzeOptions,
  located: Pick<LocatedChanges, "unmatchedFiles" | "quietFiles" | "unmatchedResources">,
): Impact {
  const contracts = checkContracts(changed, model.compact);
  const radius = blastRadius(model.compact, changed, {
    maxDepth: options.maxDepth,
    ...(contracts.broken.size > 0 ? { alwaysBreaks: contracts.broken } : {}),
  });
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
    unmatchedFiles: located.unmatchedFiles,
    quietFiles: located.quietFiles,
    unmatchedResources: located.unmatchedResources,
    contracts: contracts.outcomes,
    truncated: radius.truncated,
    unjudged: options.unjudged ?? [],
  };
}
