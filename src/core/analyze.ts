// The one analysis every entry point shares: changed files in, Impact out. Pure.

import type { AnalysisIndexes, AnalysisModel, GraphIndexes } from "./analysis-model.js";
import type { DiscoveredReference } from "./classify/evidence.js";
import type { PlanReading } from "./classify/terraform-plan.js";
import { checkContracts } from "./contracts.js";
import { type BlastRadius, blastRadius } from "./graph/blast-radius.js";
import { buildGraph } from "./graph/build-graph.js";
import type { CompactGraph } from "./graph/compact-graph.js";
import type { DepGraph } from "./graph/dep-graph.js";
import { type LocatedChanges, locateChanges } from "./locate/changed-nodes.js";
import { ObjectIndex } from "./locate/object-index.js";
import { PathIndex } from "./locate/path-index.js";
import { TerraformIndex } from "./locate/terraform-index.js";
import type {
  ChangeClass,
  ChangedNode,
  DepsConfig,
  FileChange,
  Impact,
  OwnerImpact,
  Unjudged,
} from "./model.js";
import type { ObjectInput } from "./object-input.js";
import { ownerCollector } from "./owners.js";
import { withDiscoveredEdges } from "./plan-overlay.js";
import { riskCounter } from "./risk.js";

export function prepareModel(
  config: DepsConfig,
  compact: CompactGraph,
  /** The path index, when one was kept (the graph cache); built from the nodes otherwise. */
  paths?: PathIndex,
): AnalysisModel {
  let graph: DepGraph | undefined;
  let terraform: TerraformIndex | undefined;
  let objects: ObjectIndex | undefined;
  return {
    config,
    compact,
    paths: paths ?? PathIndex.fromNodes(config.nodes.values()),
    // Built on first use: most runs read no plan and no Terraform contents.
    get terraform() {
      terraform ??= TerraformIndex.fromNodes(config.nodes.values());
      return terraform;
    },
    get objects() {
      objects ??= ObjectIndex.fromNodes(config.nodes.values(), this.terraform);
      return objects;
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
  /** Change sets, rendered manifests (and plans): resource changes beside the files. */
  readonly inputs?: readonly ObjectInput[];
  /**
   * References found in the configuration the change touches (a template's `!GetAtt Role.Arn`):
   * the edges they show that deps.yaml does not declare join the graph for this analysis.
   */
  readonly references?: readonly DiscoveredReference[];
  /**
   * Today (YYYY-MM-DD), read by the entry point: a contract's waiver holds until its date.
   * Without it no waiver is honoured.
   */
  readonly today?: string;
  /** What the caller could not judge (unread files, files not listed): carried into the Impact. */
  readonly unjudged?: readonly Unjudged[];
}

export function analyze(
  base: AnalysisModel,
  files: readonly FileChange[],
  options: AnalyzeOptions = {},
): Impact {
  const inputs = inputsOf(options);
  const references = [
    ...(options.references ?? []),
    ...inputs.flatMap((input) => input.reading.references),
  ];
  const model = references.length > 0 ? withDiscoveredEdges(base, references) : base;
  const located = locateIn(model, files, inputs);
  const unjudged = [...(options.unjudged ?? []), ...inputs.flatMap((i) => i.unjudged ?? [])];
  return radiusOf(model, located.changed, { ...options, unjudged }, located);
}

/** The plan, then the other inputs. */
function inputsOf(options: AnalyzeOptions): ObjectInput[] {
  return [
    ...(options.plan ? [{ kind: "plan" as const, ...options.plan }] : []),
    ...(options.inputs ?? []),
  ];
}

/** Which nodes of the model the files (and a plan) change, and how: the first step of `analyze`. */
export function locateIn(
  model: AnalysisIndexes,
  files: readonly FileChange[],
  inputs: readonly ObjectInput[] = [],
): LocatedChanges {
  return locateChanges(
    files,
    inputs,
    model.paths,
    () => model.terraform,
    () => model.objects,
    (id) => model.config.nodes.get(id),
  );
}

/**
 * What-if: the blast radius of a change to these nodes, with no files behind it (the
 * explorer's question "if I touch this, who is downstream?").
 */
export function analyzeNodes(
  model: GraphIndexes,
  seeds: readonly { readonly id: string; readonly classes: readonly ChangeClass[] }[],
  options: AnalyzeOptions = {},
): Impact {
  return whatIf(model, seeds, options).impact;
}

/**
 * analyzeNodes with the blast radius it was counted from: a reader that keeps a few of the
 * impacted nodes (a docs page) visits the radius and builds only those.
 */
export function whatIf(
  model: GraphIndexes,
  seeds: readonly { readonly id: string; readonly classes: readonly ChangeClass[] }[],
  options: AnalyzeOptions = {},
): { readonly impact: Impact; readonly radius: BlastRadius } {
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
  return radiusWith(model, changed, options, {
    unmatchedFiles: [],
    quietFiles: [],
    unmatchedResources: [],
  });
}

function radiusOf(
  model: GraphIndexes,
  changed: readonly ChangedNode[],
  options: AnalyzeOptions,
  located: Pick<LocatedChanges, "unmatchedFiles" | "quietFiles" | "unmatchedResources">,
): Impact {
  return radiusWith(model, changed, options, located).impact;
}

function radiusWith(
  model: GraphIndexes,
  changed: readonly ChangedNode[],
  options: AnalyzeOptions,
  located: Pick<LocatedChanges, "unmatchedFiles" | "quietFiles" | "unmatchedResources">,
): { readonly impact: Impact; readonly radius: BlastRadius } {
  const contracts = checkContracts(changed, model.compact, { today: options.today });
  const radius = blastRadius(model.compact, changed, {
    maxDepth: options.maxDepth,
    ...(contracts.verdicts.size > 0 ? { verdicts: contracts.verdicts } : {}),
  });
  const { ids, ownerOf, ownerIds, tierOf } = model.compact;
  const risk = riskCounter();
  radius.forEach((node, _depth, breaking) => {
    const tier = tierOf[node] as number;
    risk.add(breaking, tier < 0 ? undefined : tier);
  });
  // Every impacted id by owner, made when first read: a docs page counts them instead, and a
  // site walks millions of impacted nodes.
  let owners: OwnerImpact[] | undefined;
  const impact: Impact = {
    changed,
    // Node objects with their paths are built when a renderer first reads them.
    get impacted() {
      return radius.impacted;
    },
    get owners() {
      if (!owners) {
        const collector = ownerCollector(ownerIds, model.config.owners);
        radius.forEach((node, _depth, breaking) => {
          collector.add(ownerOf[node] as number, ids[node] as string, breaking);
        });
        owners = collector.result();
      }
      return owners;
    },
    risk: risk.risk,
    unmatchedFiles: located.unmatchedFiles,
    quietFiles: located.quietFiles,
    unmatchedResources: located.unmatchedResources,
    contracts: contracts.outcomes,
    truncated: radius.truncated,
    unjudged: options.unjudged ?? [],
  };
  return { impact, radius };
}
