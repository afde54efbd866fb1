// Shared test helpers: an in-memory file reader and a quick way to load a graph.

import type { AnalysisModel } from "../analysis-model.js";
import { prepareModel } from "../analyze.js";
import { type LoadResult, loadDeps, type ReadText } from "../config/load-deps.js";
import { locateDiagnostics } from "../config/locate-diagnostics.js";
import type { Diagnostic, Edge, GraphNode } from "../model.js";

export function memoryReader(files: Record<string, string>): ReadText {
  return (file) =>
    Object.hasOwn(files, file)
      ? { ok: true, text: files[file] as string }
      : {
          ok: false,
          diagnostic: { severity: "error", code: "file-not-found", file, message: "no such file" },
        };
}

export function load(files: Record<string, string>, entry = "deps.yaml"): LoadResult {
  return loadDeps(entry, memoryReader(files));
}

/** Errors and warnings with lines filled in, as the CLI prints them. */
export function located(result: LoadResult): { errors: Diagnostic[]; warnings: Diagnostic[] } {
  return {
    errors: locateDiagnostics(result.errors, result.sources),
    warnings: locateDiagnostics(result.warnings, result.sources),
  };
}

/** Nodes with nothing but their ids and the edges they declare: graphs for property tests. */
export function bareNodes(
  ids: readonly string[],
  declared: ReadonlyMap<string, readonly Edge[]>,
): Map<string, GraphNode> {
  return new Map(
    ids.map((id) => [
      id,
      {
        id,
        kind: "k",
        match: { paths: [], terraform: [], kubernetes: [] },
        dependsOn: declared.get(id) ?? [],
        declaredAt: { file: "t" },
      },
    ]),
  );
}

export function modelOf(yaml: string): AnalysisModel {
  const result = load({ "deps.yaml": yaml });
  if (!result.config || !result.graph) {
    throw new Error(`fixture does not load: ${JSON.stringify(located(result).errors, null, 2)}`);
  }
  return prepareModel(result.config, result.graph);
}

/** A deps.yaml from a compact edge list: "a<-b" means b depends on a. */
export function chainYaml(
  nodes: Record<string, { tier?: number; owner?: string; paths?: string[] }>,
  edges: readonly (readonly [string, string, string?, string[]?])[],
): string {
  const owners = new Set(Object.values(nodes).flatMap((n) => (n.owner ? [n.owner] : [])));
  const lines = ["version: 1", "owners:"];
  if (owners.size === 0) lines[1] = "owners: {}";
  for (const owner of owners) lines.push(`  ${owner}: {github: "@acme/${owner}"}`);
  lines.push("nodes:");
  for (const [id, node] of Object.entries(nodes)) {
    lines.push(`  ${id}:`, "    kind: service");
    if (node.owner) lines.push(`    owner: ${node.owner}`);
    if (node.tier !== undefined) lines.push(`    tier: ${node.tier}`);
    if (node.paths) lines.push(`    match: {paths: ${JSON.stringify(node.paths)}}`);
    const deps = edges.filter(([, dependent]) => dependent === id);
    if (deps.length > 0) {
      lines.push("    depends_on:");
      for (const [on, , via, breaks] of deps) {
        lines.push(`      - on: ${on}`);
        if (via) lines.push(`        via: ${via}`);
        if (breaks) lines.push(`        breaks_on: ${JSON.stringify(breaks)}`);
      }
    }
  }
  return `${lines.join("\n")}\n`;
}
