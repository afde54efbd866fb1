// Edges a Terraform configuration shows but deps.yaml does not declare: a resource that refers
// to a changed one depends on it. They join the graph for one analysis, marked as discovered,
// so an undeclared dependent is still reported.

import type { AnalysisIndexes } from "./analysis-model.js";
import { DEFAULT_BREAKS_ON } from "./classes.js";
import type { DiscoveredReference } from "./classify/evidence.js";
import { withoutIndexes } from "./classify/terraform-address.js";
import { compactGraph } from "./graph/compact-graph.js";
import type { ObjectIndex } from "./locate/object-index.js";
import type { DepsConfig, Edge, GraphNode } from "./model.js";

/** Undeclared resources join the graph under this prefix. */
export const DISCOVERED_PREFIX = "terraform:";
/** Undeclared CloudFormation resources join the graph under this prefix. */
export const DISCOVERED_CLOUDFORMATION_PREFIX = "cloudformation:";

const systemOf = (reference: DiscoveredReference) => reference.system ?? "terraform";

export interface MissingEdge {
  readonly dependent: string;
  readonly dependency: string;
  readonly reference: DiscoveredReference;
  /** A declared node on both ends, or an undeclared resource on the dependent's end. */
  readonly kind: "between-nodes" | "undeclared-dependent";
}

/** Declared nodes a resource belongs to, or its discovered stand-in. */
function nodesFor(
  address: string,
  system: "terraform" | "cloudformation",
  objects: ObjectIndex,
): { ids: string[]; declared: boolean } {
  const hits = objects.match(system, address);
  if (hits.length > 0) return { ids: hits.map((h) => h.node), declared: true };
  return {
    ids: [
      system === "cloudformation"
        ? `${DISCOVERED_CLOUDFORMATION_PREFIX}${address}`
        : `${DISCOVERED_PREFIX}${withoutIndexes(address)}`,
    ],
    declared: false,
  };
}

/** Every discovered reference that deps.yaml does not declare as an edge. */
export function missingEdges(
  config: DepsConfig,
  references: readonly DiscoveredReference[],
  objects: ObjectIndex,
): MissingEdge[] {
  const missing: MissingEdge[] = [];
  const seen = new Set<string>();
  for (const reference of references) {
    const to = objects.match(systemOf(reference), reference.to);
    if (to.length === 0) continue;
    const from = nodesFor(reference.from, systemOf(reference), objects);
    for (const dependent of from.ids) {
      for (const { node: dependency } of to) {
        if (dependent === dependency) continue;
        if (config.nodes.get(dependent)?.dependsOn.some((e) => e.to === dependency)) continue;
        const key = `${dependent}\u0000${dependency}`;
        if (seen.has(key)) continue;
        seen.add(key);
        missing.push({
          dependent,
          dependency,
          reference,
          kind: from.declared ? "between-nodes" : "undeclared-dependent",
        });
      }
    }
  }
  return missing;
}

/**
 * The model with the discovered edges added (and undeclared dependents as nodes), for one
 * analysis. Returns the model itself when nothing is missing.
 */
export function withDiscoveredEdges(
  model: AnalysisIndexes,
  references: readonly DiscoveredReference[],
  objects: ObjectIndex = model.objects,
): AnalysisIndexes {
  const nodes = new Map<string, GraphNode>(model.config.nodes);
  let added = 0;
  // Undeclared resources that refer to undeclared resources: follow them too, so a chain
  // of references is walked as far as it goes.
  const edges = missingEdges(model.config, references, objects);
  const undeclared = new Set(
    edges.filter((m) => m.kind === "undeclared-dependent").map((m) => m.dependent),
  );
  const followed = new Set<DiscoveredReference>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const reference of references) {
      if (followed.has(reference)) continue;
      const from = nodesFor(reference.from, systemOf(reference), objects);
      const to = nodesFor(reference.to, systemOf(reference), objects);
      if (from.declared || to.declared || !undeclared.has(to.ids[0] as string)) continue;
      followed.add(reference);
      edges.push({
        dependent: from.ids[0] as string,
        dependency: to.ids[0] as string,
        reference,
        kind: "undeclared-dependent",
      });
      undeclared.add(from.ids[0] as string);
      grew = true;
    }
  }
  for (const { dependent, dependency, reference } of edges) {
    let node = nodes.get(dependent);
    if (!node) {
      node = {
        id: dependent,
        kind:
          reference.kind ??
          reference.from.replace(/^(module\.[^.]+\.)*/, "").split(".")[0] ??
          "terraform-resource",
        description: `Not in deps.yaml: found in ${reference.file}`,
        match: { paths: [], terraform: [], kubernetes: [] },
        dependsOn: [],
        declaredAt: { file: reference.file },
      };
    }
    if (node.dependsOn.some((e) => e.to === dependency)) continue;
    const edge: Edge = {
      from: dependent,
      to: dependency,
      via: "references",
      breaksOn: DEFAULT_BREAKS_ON.references,
      description: `${reference.from}.${reference.attribute} refers to ${reference.to}`,
      discovered: { file: reference.file, attribute: reference.attribute },
      index: node.dependsOn.length,
    };
    nodes.set(dependent, { ...node, dependsOn: [...node.dependsOn, edge] });
    added++;
  }
  if (added === 0) return model;
  const config: DepsConfig = { ...model.config, nodes };
  const compact = compactGraph(config);
  return {
    config,
    compact,
    paths: model.paths,
    terraform: model.terraform,
    objects: model.objects,
  };
}
