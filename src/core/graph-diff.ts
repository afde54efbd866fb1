// What a change to deps.yaml does to the graph: nodes and edges added, removed or changed.
// Pure; the Action shows it when a pull request edits the graph it is checked against.

import type { DepsConfig, Edge, GraphNode } from "./model.js";

export interface EdgeChange {
  readonly from: string;
  readonly to: string;
  readonly via: string;
}

export interface NodeChange {
  readonly id: string;
  /** Which declared fields differ: owner, tier, kind, match rules, breaks_on … */
  readonly fields: readonly string[];
}

export interface GraphDiff {
  readonly nodesAdded: readonly string[];
  readonly nodesRemoved: readonly string[];
  readonly nodesChanged: readonly NodeChange[];
  readonly edgesAdded: readonly EdgeChange[];
  readonly edgesRemoved: readonly EdgeChange[];
}

const edgeKey = (e: Edge) => `${e.from}\u0000${e.to}\u0000${e.via}`;
const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

function changedFields(before: GraphNode, after: GraphNode): string[] {
  const fields: string[] = [];
  if (before.kind !== after.kind) fields.push("kind");
  if (before.owner !== after.owner) fields.push("owner");
  if (before.tier !== after.tier) fields.push("tier");
  const rules = (n: GraphNode) => n.match.paths.map((r) => r.source);
  if (!sameList(rules(before), rules(after))) fields.push("match.paths");
  if (!sameList(before.match.terraform, after.match.terraform)) fields.push("match.terraform");
  if (!sameList(before.match.kubernetes, after.match.kubernetes)) fields.push("match.kubernetes");
  if (!sameList(before.match.cloudformation ?? [], after.match.cloudformation ?? []))
    fields.push("match.cloudformation");
  const breaks = new Map(
    before.dependsOn.map((e) => [edgeKey(e), (e.breaksOn ?? ["*"]).join(",")]),
  );
  if (
    after.dependsOn.some(
      (e) => breaks.has(edgeKey(e)) && breaks.get(edgeKey(e)) !== (e.breaksOn ?? ["*"]).join(","),
    )
  )
    fields.push("breaks_on");
  return fields;
}

export function diffGraphs(before: DepsConfig, after: DepsConfig): GraphDiff {
  const nodesAdded: string[] = [];
  const nodesRemoved: string[] = [];
  const nodesChanged: NodeChange[] = [];
  const edgesAdded: EdgeChange[] = [];
  const edgesRemoved: EdgeChange[] = [];
  const edgesOf = (config: DepsConfig) => {
    const edges = new Map<string, Edge>();
    for (const node of config.nodes.values())
      for (const e of node.dependsOn) edges.set(edgeKey(e), e);
    return edges;
  };
  for (const [id, node] of after.nodes) {
    const old = before.nodes.get(id);
    if (!old) nodesAdded.push(id);
    else {
      const fields = changedFields(old, node);
      if (fields.length > 0) nodesChanged.push({ id, fields });
    }
  }
  for (const id of before.nodes.keys()) if (!after.nodes.has(id)) nodesRemoved.push(id);
  const beforeEdges = edgesOf(before);
  const afterEdges = edgesOf(after);
  const plain = ({ from, to, via }: Edge): EdgeChange => ({ from, to, via });
  for (const [key, e] of afterEdges) if (!beforeEdges.has(key)) edgesAdded.push(plain(e));
  for (const [key, e] of beforeEdges) if (!afterEdges.has(key)) edgesRemoved.push(plain(e));
  const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const byEdge = (a: EdgeChange, b: EdgeChange) =>
    byId(a.from, b.from) || byId(a.to, b.to) || byId(a.via, b.via);
  return {
    nodesAdded: nodesAdded.sort(byId),
    nodesRemoved: nodesRemoved.sort(byId),
    nodesChanged: nodesChanged.sort((a, b) => byId(a.id, b.id)),
    edgesAdded: edgesAdded.sort(byEdge),
    edgesRemoved: edgesRemoved.sort(byEdge),
  };
}

export function isEmptyDiff(diff: GraphDiff): boolean {
  return (
    diff.nodesAdded.length +
      diff.nodesRemoved.length +
      diff.nodesChanged.length +
      diff.edgesAdded.length +
      diff.edgesRemoved.length ===
    0
  );
}
