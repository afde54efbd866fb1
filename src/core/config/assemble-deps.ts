// Every parsed file of a graph -> one validated DepsConfig and its compact graph, with every
// problem collected: catalogs merged, references crossed, cycles found. Runs once per graph,
// however its files were read (from disk, or from GitHub a level of includes at a time).

import { type CompactGraph, compactGraph, type SkippedEdge } from "../graph/compact-graph.js";
import { findCycles } from "../graph/find-cycles.js";
import type { DepsConfig, Diagnostic, Edge, GraphNode, Owner } from "../model.js";
import { mergeCatalogs } from "./backstage/merge-catalog.js";
import type { CatalogFile } from "./backstage/read-catalog.js";
import { checkContractRules } from "./contract-rules.js";
import { closest } from "./did-you-mean.js";
import { type IncludedFrom, type IncludeScope, placeOf, resolveInclude } from "./include-scope.js";
import { formatKeyPath } from "./key-path.js";
import { checkCloudFormationRules, checkKubernetesRules } from "./kubernetes-rules.js";
import type { ParsedFile } from "./parse-graph-file.js";
import { checkPathRules } from "./path-rules.js";
import { at, nodeAt } from "./place.js";
import { checkRbacContracts } from "./rbac-contract-rules.js";
import { checkWaiverDates } from "./waivers.js";

export interface LoadResult {
  /** Present when there are no errors. */
  readonly config?: DepsConfig;
  readonly graph?: CompactGraph;
  readonly errors: Diagnostic[];
  readonly warnings: Diagnostic[];
  /** The text of every file read, for locating diagnostics. */
  readonly sources: ReadonlyMap<string, string>;
}

/** One file as its reader found it: read and parsed, or not read (and why). */
export type FileOutcome =
  | { readonly text: string; readonly parsed: ParsedFile }
  | { readonly failed: Diagnostic };

/** Suggestions cost a scan of every id; past this many unknown references, stop suggesting. */
const MAX_SUGGESTIONS = 50;

/**
 * The files in include order (depth first from the entry, as a reader of deps.yaml follows
 * them), so that the first declaration wins and diagnostics come in the order of the text.
 * A file the readers did not reach counts as not found.
 */
export function assembleDeps(
  scope: IncludeScope,
  outcomes: ReadonlyMap<string, FileOutcome>,
): LoadResult {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const owners = new Map<string, Owner>();
  const nodes = new Map<string, GraphNode>();
  const files: string[] = [];
  const done = new Set<string>();
  const inProgress: string[] = [];
  const catalogs: CatalogFile[] = [];

  const visit = (file: string, includedFrom?: IncludedFrom) => {
    if (done.has(file)) return;
    const cycleStart = inProgress.indexOf(file);
    if (cycleStart >= 0 && includedFrom) {
      errors.push({
        severity: "error",
        code: "include-cycle",
        ...placeOf(includedFrom),
        message: `include cycle: ${[...inProgress.slice(cycleStart), file].join(" -> ")}`,
        hint: "remove one of these includes",
      });
      return;
    }
    const outcome = outcomes.get(file) ?? {
      failed: { severity: "error", code: "file-not-found", file, message: "not read" },
    };
    if ("failed" in outcome) {
      const failed = outcome.failed;
      errors.push(
        includedFrom
          ? {
              ...failed,
              ...placeOf(includedFrom),
              code: failed.code === "file-not-found" ? "include-missing" : failed.code,
              message: `cannot include ${file}: ${failed.message}`,
            }
          : failed,
      );
      return;
    }
    sources.set(file, outcome.text);
    files.push(file);
    inProgress.push(file);
    take(outcome.parsed);
    inProgress.pop();
    done.add(file);
  };

  const take = (parsed: ParsedFile) => {
    const { file } = parsed;
    if (parsed.catalog) catalogs.push(parsed.catalog);
    for (const d of parsed.declarations) {
      if (d.what === "node") {
        const previous = nodes.get(d.id);
        if (previous) errors.push(duplicate("node", d.id, file, previous.declaredAt.file));
        else nodes.set(d.id, d.node);
      } else {
        const previous = owners.get(d.id);
        if (previous) errors.push(duplicate("owner", d.id, file, previous.declaredAt.file));
        else owners.set(d.id, d.owner);
      }
    }
    // One by one: a spread of a file's hundred thousand errors would overflow the stack.
    for (const e of parsed.errors) errors.push(e);
    for (const w of parsed.warnings) warnings.push(w);
    for (const reference of parsed.references) {
      if ("unread" in reference) {
        warnings.push(reference.unread);
        continue;
      }
      const resolved = resolveInclude(scope, reference.target, reference.from);
      if ("error" in resolved) errors.push(resolved.error);
      else visit(resolved.path, reference.from);
    }
  };

  visit(scope.entry);

  const merged = catalogs.length > 0 ? mergeCatalogs({ nodes, owners, catalogs }) : undefined;
  const allNodes: ReadonlyMap<string, GraphNode> = merged?.nodes ?? nodes;
  const allOwners: ReadonlyMap<string, Owner> = merged?.owners ?? owners;
  if (merged) warnings.push(...merged.warnings);
  // A node left without a kind added to no entity. One whose kind failed the schema was
  // dropped by the reader: that error already says so.
  const badNodes = new Set(
    errors
      .filter((e) => e.code === "schema" && e.keyPath?.[0] === "nodes")
      .map((e) => e.keyPath?.[1]),
  );
  for (const node of allNodes.values()) {
    if (node.kind !== "" || badNodes.has(node.id)) continue;
    errors.push({
      severity: "error",
      code: "missing-kind",
      ...at(node.declaredAt.file, ["nodes", node.id], true),
      ...(merged
        ? {
            message: `node "${node.id}" has no kind, and no catalog entity has that id`,
            hint: "add `kind:`, or use the id of an entity from an included Backstage catalog (e.g. resource:pgdb)",
          }
        : {
            message: `node "${node.id}" has no kind`,
            hint: "add `kind:` (iam-role, service, job, table …); only a node that adds to an entity of an included Backstage catalog may leave it out",
          }),
    });
  }

  const config: DepsConfig = { version: 1, owners: allOwners, nodes: allNodes, files };
  // Building the graph resolves every edge once; what it cannot resolve is an error.
  const skipped: SkippedEdge[] = [];
  const graph = compactGraph(config, skipped);
  crossReference(allNodes, allOwners, skipped, errors, warnings);
  checkKubernetesRules(allNodes.values(), errors, warnings);
  checkContractRules(allNodes.values(), errors, warnings);
  checkRbacContracts(allNodes, errors, warnings);
  checkCloudFormationRules(allNodes.values(), errors);
  checkPathRules(allNodes.values(), errors);
  checkWaiverDates(allNodes.values(), errors);
  for (const cycle of findCycles(graph)) {
    const first = allNodes.get(cycle[0] as string);
    const shown = cycle.length > 12 ? [...cycle.slice(0, 10), "…", cycle[cycle.length - 1]] : cycle;
    warnings.push({
      severity: "warning",
      code: "cycle",
      ...(first ? nodeAt(first, ["nodes", first.id], true) : { file: scope.given }),
      message: `dependency cycle: ${shown.join(" -> ")}`,
      hint: "the analysis handles cycles, but a cycle usually means an edge points the wrong way",
    });
  }
  return errors.length > 0
    ? { errors, warnings, sources }
    : { config, graph, errors, warnings, sources };
}

/**
 * The files a level of parsed files names that no reader has reached yet, once each, in
 * the order named: the next level to read.
 */
export function nextLevel(
  scope: IncludeScope,
  level: readonly ParsedFile[],
  reached: ReadonlySet<string> | ReadonlyMap<string, unknown>,
): string[] {
  const next = new Set<string>();
  for (const parsed of level)
    for (const reference of parsed.references) {
      if ("unread" in reference) continue;
      const resolved = resolveInclude(scope, reference.target, reference.from);
      if ("path" in resolved && !reached.has(resolved.path)) next.add(resolved.path);
    }
  return [...next];
}

function duplicate(what: "node" | "owner", id: string, file: string, first: string): Diagnostic {
  return {
    severity: "error",
    code: `duplicate-${what}`,
    ...at(file, [`${what}s`, id], true),
    message: `${what} "${id}" is declared twice; it was first declared in ${first} (${formatKeyPath([`${what}s`, id])})`,
    hint: `keep one declaration of "${id}"`,
  };
}

/** Rules that need every file in: references between nodes and owners. */
function crossReference(
  nodes: ReadonlyMap<string, GraphNode>,
  owners: ReadonlyMap<string, Owner>,
  skipped: readonly SkippedEdge[],
  errors: Diagnostic[],
  warnings: Diagnostic[],
): void {
  let suggestions = 0;
  const suggest = (word: string, candidates: Iterable<string>) =>
    suggestions++ < MAX_SUGGESTIONS ? closest(word, candidates) : undefined;
  const edgeAt = (edge: Edge) =>
    edge.origin
      ? { file: edge.origin.file, line: edge.origin.line }
      : at(nodes.get(edge.from)?.declaredAt.file ?? "", [
          "nodes",
          edge.from,
          "depends_on",
          edge.index,
        ]);
  for (const { edge, reason } of skipped) {
    if (reason === "self") {
      errors.push({
        severity: "error",
        code: "self-dependency",
        ...edgeAt(edge),
        message: `node "${edge.from}" depends on itself`,
        hint: "remove this entry",
      });
      continue;
    }
    const guess = suggest(edge.to, nodes.keys());
    errors.push({
      severity: "error",
      code: "unknown-node",
      ...edgeAt(edge),
      message: `unknown node "${edge.to}"${guess ? ` — did you mean "${guess}"?` : ""}`,
      hint: guess
        ? `change it to "${guess}", or declare "${edge.to}" under nodes:`
        : `declare "${edge.to}" under nodes:, or fix the id`,
    });
  }
  const usedOwners = new Set<string>();
  for (const node of nodes.values()) {
    // Edges are declared on the dependent, so a duplicate is always in the same short list.
    const edges = node.dependsOn;
    for (let i = 1; i < edges.length; i++) {
      const edge = edges[i] as Edge;
      for (let j = 0; j < i; j++) {
        if (edges[j]?.to !== edge.to) continue;
        errors.push({
          severity: "error",
          code: "duplicate-edge",
          ...edgeAt(edge),
          message: `node "${edge.from}" already depends on "${edge.to}"`,
          hint: "declare each dependency once; put every way it breaks in one entry's breaks_on",
        });
        break;
      }
    }
    if (node.owner === undefined) {
      warnings.push({
        severity: "warning",
        code: "no-owner",
        ...nodeAt(node, ["nodes", node.id], true),
        message: `node "${node.id}" has no owner`,
        hint: "add `owner:` so the right team hears when it is impacted",
      });
      continue;
    }
    usedOwners.add(node.owner);
    if (owners.has(node.owner)) continue;
    const guess = suggest(node.owner, owners.keys());
    errors.push({
      severity: "error",
      code: "unknown-owner",
      ...nodeAt(node, ["nodes", node.id, "owner"]),
      message: `unknown owner "${node.owner}"${guess ? ` — did you mean "${guess}"?` : ""}`,
      hint: `declare "${node.owner}" under owners:, or use one of the declared owners`,
    });
  }
  for (const [id, owner] of owners) {
    // A catalog's groups and users are the organisation, not a list kept for blastradius.
    if (usedOwners.has(id) || owner.catalog !== undefined) continue;
    warnings.push({
      severity: "warning",
      code: "unused-owner",
      ...at(owner.declaredAt.file, ["owners", id], true),
      message: `owner "${id}" owns no node`,
      hint: "remove it, or set it as the owner of its nodes",
    });
  }
}
