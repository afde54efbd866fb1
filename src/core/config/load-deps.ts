// deps.yaml and its includes -> a validated DepsConfig, with every problem collected.
// Never throws: reading is injected, so this stays pure and testable. Key paths for
// messages are built only when there is something to say.

import { dirname, isAbsolute, join, normalize, relative, sep } from "node:path";
import { type CompactGraph, compactGraph, type SkippedEdge } from "../graph/compact-graph.js";
import { findCycles } from "../graph/find-cycles.js";
import type { DepsConfig, Diagnostic, Edge, GraphNode, Owner, SourceLocation } from "../model.js";
import { mergeCatalogs } from "./backstage/merge-catalog.js";
import { type CatalogFile, readCatalog } from "./backstage/read-catalog.js";
import { compileSchema, INVALID, readContext, readDocument, type Sink } from "./compile-schema.js";
import { checkContractRules } from "./contract-rules.js";
import { depsSchema } from "./deps-schema.js";
import { closest } from "./did-you-mean.js";
import { formatKeyPath, type KeyPath } from "./key-path.js";
import { checkCloudFormationRules, checkKubernetesRules } from "./kubernetes-rules.js";
import { lineIndex } from "./line-index.js";
import { interner, normaliseNode, normaliseOwner } from "./normalise.js";
import { parseYamlEvents } from "./parse-yaml.js";
import { checkPathRules } from "./path-rules.js";
import { at, nodeAt } from "./place.js";
import { checkRbacContracts } from "./rbac-contract-rules.js";
import { checkWaiverDates } from "./waivers.js";
import { declaresKinds } from "./yaml-documents.js";

export type ReadText = (
  file: string,
) =>
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly diagnostic: Diagnostic };

export interface LoadResult {
  /** Present when there are no errors. */
  readonly config?: DepsConfig;
  readonly graph?: CompactGraph;
  readonly errors: Diagnostic[];
  readonly warnings: Diagnostic[];
  /** The text of every file read, for locating diagnostics. */
  readonly sources: ReadonlyMap<string, string>;
}

const readDeps = compileSchema(depsSchema);
const NODES_SCHEMA = depsSchema.properties?.nodes;
const OWNERS_SCHEMA = depsSchema.properties?.owners;
/** Suggestions cost a scan of every id; past this many unknown references, stop suggesting. */
const MAX_SUGGESTIONS = 50;

export interface LoadOptions {
  /**
   * The folder includes may not leave, in the same form as entry (relative or absolute): the
   * repository root for a deps file in a repository. Default: the entry's own folder.
   */
  readonly root?: string;
}

export function loadDeps(entry: string, readText: ReadText, options: LoadOptions = {}): LoadResult {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const owners = new Map<string, Owner>();
  const nodes = new Map<string, GraphNode>();
  const files: string[] = [];
  const done = new Set<string>();
  const inProgress: string[] = [];
  const intern = interner();
  const catalogs: CatalogFile[] = [];

  type IncludedFrom = { file: string; keyPath?: KeyPath; line?: number };
  const from = (i: IncludedFrom) =>
    i.keyPath ? at(i.file, i.keyPath) : { file: i.file, line: i.line };

  const root = normalize(options.root ?? dirname(entry));
  const rootShown = `${root === "." ? "." : root.replace(/[\\/]+$/, "")}/`;
  const rootWhy = "the repository holding the deps file, or without one its own folder";
  /** An include's path, or undefined (and an error) when it is absolute or leaves the root. */
  const resolveInclude = (target: string, includedFrom: IncludedFrom): string | undefined => {
    const what = includedFrom.keyPath ? "include" : "Location target";
    if (isAbsolute(target)) {
      errors.push({
        severity: "error",
        code: "include-outside-root",
        ...from(includedFrom),
        message: `${what} ${target} is an absolute path; not read`,
        hint: `write it relative to ${dirname(includedFrom.file)}/, inside ${rootShown} (${rootWhy})`,
      });
      return undefined;
    }
    const resolved = join(dirname(includedFrom.file), target);
    const inside = relative(root, resolved);
    if (inside === ".." || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
      errors.push({
        severity: "error",
        code: "include-outside-root",
        ...from(includedFrom),
        message: `${what} ${target} resolves to ${resolved}, outside ${rootShown} (${rootWhy}); not read`,
        hint: "copy the file inside, or keep the deps file higher up",
      });
      return undefined;
    }
    return resolved;
  };

  const visit = (file: string, includedFrom?: IncludedFrom) => {
    if (done.has(file)) return;
    const cycleStart = inProgress.indexOf(file);
    if (cycleStart >= 0 && includedFrom) {
      errors.push({
        severity: "error",
        code: "include-cycle",
        ...from(includedFrom),
        message: `include cycle: ${[...inProgress.slice(cycleStart), file].join(" -> ")}`,
        hint: "remove one of these includes",
      });
      return;
    }
    const read = readText(file);
    if (!read.ok) {
      errors.push(
        includedFrom
          ? {
              ...read.diagnostic,
              ...from(includedFrom),
              code:
                read.diagnostic.code === "file-not-found"
                  ? "include-missing"
                  : read.diagnostic.code,
              message: `cannot include ${file}: ${read.diagnostic.message}`,
            }
          : read.diagnostic,
      );
      return;
    }
    sources.set(file, read.text);
    files.push(file);
    inProgress.push(file);
    // Documents with apiVersion and kind are a Backstage catalog; deps.yaml has neither.
    if (declaresKinds(read.text)) loadCatalog(file, read.text);
    else loadFile(file, read.text);
    inProgress.pop();
    done.add(file);
  };

  const loadFile = (file: string, text: string) => {
    const parsed = parseYamlEvents(text, file);
    if (!parsed.ok) {
      errors.push(parsed.diagnostic);
      return;
    }
    const here: SourceLocation = { file };
    const sinks = new Map<unknown, Sink>();
    // Nodes and owners are normalised as they are read, so the raw mapping is never built.
    // The reader has checked the ids against the schema's propertyNames.
    sinks.set(NODES_SCHEMA, (id, raw) => {
      const previous = nodes.get(id);
      if (previous) errors.push(duplicate("node", id, file, previous.declaredAt.file));
      else nodes.set(id, normaliseNode(id, raw, here, intern));
    });
    sinks.set(OWNERS_SCHEMA, (id, raw) => {
      const previous = owners.get(id);
      if (previous) errors.push(duplicate("owner", id, file, previous.declaredAt.file));
      else owners.set(id, normaliseOwner(id, raw, here));
    });
    const ctx = readContext(text, parsed.events, sinks as Map<never, Sink>);
    const document = readDocument(ctx, readDeps);
    // An alias-free document has fewer values than characters; more means aliases multiplying.
    if (ctx.budget <= 0) {
      errors.push({
        severity: "error",
        code: "alias-bomb",
        file,
        message:
          "the document expands to far more values than its text holds (YAML aliases repeating large parts of it)",
        hint: "write the values out instead of repeating aliases, or split the graph with include:",
      });
      return;
    }
    const position = ctx.issues.length > 0 ? lineIndex(text) : undefined;
    for (const issue of ctx.issues) {
      errors.push({
        severity: "error",
        code: issue.code ?? "schema",
        file,
        ...(issue.offset >= 0 && position ? position(issue.offset) : {}),
        keyPath: issue.path,
        path: formatKeyPath(issue.path),
        message:
          issue.path.length === 0 && issue.code === undefined
            ? `the document must be a mapping with version and nodes; ${issue.message}`
            : issue.message,
        hint: issue.hint,
      });
    }
    if (document === INVALID || !isMapping(document)) return;
    if (Array.isArray(document.include)) {
      document.include.forEach((target, index) => {
        if (typeof target !== "string" || target === "") return;
        const includedFrom = { file, keyPath: ["include", index] };
        const resolved = resolveInclude(target, includedFrom);
        if (resolved !== undefined) visit(resolved, includedFrom);
      });
    }
  };

  /** A Backstage catalog: its entities wait for every file; its Locations are followed. */
  const loadCatalog = (file: string, text: string) => {
    const catalog = readCatalog(file, text);
    catalogs.push(catalog);
    for (const d of catalog.diagnostics) (d.severity === "error" ? errors : warnings).push(d);
    for (const { target, line } of catalog.targets) {
      if (/^[A-Za-z][A-Za-z0-9+.-]+:/.test(target)) {
        warnings.push({
          severity: "warning",
          code: "catalog-remote-target",
          file,
          line,
          message: `Location target ${target} is not a local file; not read`,
          hint: "include a local copy of that catalog file in deps.yaml, or point the Location at a relative path",
        });
        continue;
      }
      if (/[*?[{]/.test(target)) {
        warnings.push({
          severity: "warning",
          code: "catalog-glob-target",
          file,
          line,
          message: `Location target ${target} is a glob; blastradius reads only named files`,
          hint: "list the files, in the Location or under include: in deps.yaml",
        });
        continue;
      }
      const resolved = resolveInclude(target, { file, line });
      if (resolved !== undefined) visit(resolved, { file, line });
    }
  };

  const duplicate = (
    what: "node" | "owner",
    id: string,
    file: string,
    first: string,
  ): Diagnostic => ({
    severity: "error",
    code: `duplicate-${what}`,
    ...at(file, [`${what}s`, id], true),
    message: `${what} "${id}" is declared twice; it was first declared in ${first} (${formatKeyPath([`${what}s`, id])})`,
    hint: `keep one declaration of "${id}"`,
  });

  visit(normalize(entry));

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
      ...(first ? nodeAt(first, ["nodes", first.id], true) : { file: entry }),
      message: `dependency cycle: ${shown.join(" -> ")}`,
      hint: "the analysis handles cycles, but a cycle usually means an edge points the wrong way",
    });
  }
  return errors.length > 0
    ? { errors, warnings, sources }
    : { config, graph, errors, warnings, sources };
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

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
