// deps.yaml and its includes -> a validated DepsConfig, with every problem collected.
// Never throws: reading is injected, so this stays pure and testable.

import { dirname, isAbsolute, join, normalize } from "node:path";
import { buildGraph } from "../graph/build-graph.js";
import type { DepGraph } from "../graph/dep-graph.js";
import { findCycles } from "../graph/find-cycles.js";
import type { DepsConfig, Diagnostic, GraphNode, Owner } from "../model.js";
import { type CheckContext, compileSchema } from "./compile-schema.js";
import { depsSchema, ID_PATTERN, RESERVED_IDS } from "./deps-schema.js";
import { closest } from "./did-you-mean.js";
import { formatKeyPath, type KeyPath } from "./key-path.js";
import { type EdgeSource, normaliseNode, normaliseOwner } from "./normalise.js";
import { parseYaml } from "./parse-yaml.js";

export type ReadText = (
  file: string,
) =>
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly diagnostic: Diagnostic };

export interface LoadResult {
  /** Present when there are no errors. */
  readonly config?: DepsConfig;
  readonly graph?: DepGraph;
  readonly errors: Diagnostic[];
  readonly warnings: Diagnostic[];
  /** The text of every file read, for locating diagnostics. */
  readonly sources: ReadonlyMap<string, string>;
}

const checkDocument = compileSchema(depsSchema);
const ID_SYNTAX = new RegExp(ID_PATTERN);
const RESERVED = new Set(RESERVED_IDS);
const isValidId = (id: string) => ID_SYNTAX.test(id) && !RESERVED.has(id);
/** Suggestions cost a scan of every id; past this many unknown references, stop suggesting. */
const MAX_SUGGESTIONS = 50;

interface Declared<T> {
  readonly value: T;
  readonly file: string;
  readonly keyPath: KeyPath;
}

export function loadDeps(entry: string, readText: ReadText): LoadResult {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const owners = new Map<string, Declared<Owner>>();
  const nodes = new Map<string, Declared<GraphNode>>();
  const edges: { source: EdgeSource; file: string }[] = [];
  const ownerRefs: { node: string; owner: string; file: string }[] = [];
  const files: string[] = [];
  const done = new Set<string>();
  const inProgress: string[] = [];

  const at = (file: string, keyPath: KeyPath, atKey = false) => ({
    file,
    keyPath,
    atKey,
    path: formatKeyPath(keyPath),
  });

  const visit = (file: string, includedFrom?: { file: string; keyPath: KeyPath }) => {
    if (done.has(file)) return;
    const cycleStart = inProgress.indexOf(file);
    if (cycleStart >= 0 && includedFrom) {
      errors.push({
        severity: "error",
        code: "include-cycle",
        ...at(includedFrom.file, includedFrom.keyPath),
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
              ...at(includedFrom.file, includedFrom.keyPath),
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
    loadFile(file, read.text);
    inProgress.pop();
    done.add(file);
  };

  const loadFile = (file: string, text: string) => {
    const parsed = parseYaml(text, file);
    if (!parsed.ok) {
      errors.push(parsed.diagnostic);
      return;
    }
    const document = parsed.value;
    // An alias-free document has fewer values than characters; more means aliases multiplying.
    const ctx: CheckContext = { issues: [], budget: text.length + 1000 };
    checkDocument(document, [], ctx);
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
    for (const issue of ctx.issues) {
      errors.push({
        severity: "error",
        code: "schema",
        ...at(file, issue.path, issue.atKey),
        message:
          issue.path.length === 0
            ? `the document must be a mapping with version and nodes; ${issue.message}`
            : issue.message,
        hint: issue.hint,
      });
    }
    if (typeof document !== "object" || document === null || Array.isArray(document)) return;
    const doc = document as Record<string, unknown>;

    if (isMapping(doc.owners)) {
      for (const [id, raw] of Object.entries(doc.owners)) {
        if (!isValidId(id)) continue;
        const keyPath = ["owners", id];
        const previous = owners.get(id);
        if (previous) {
          errors.push(duplicate("owner", id, file, keyPath, previous));
          continue;
        }
        owners.set(id, { value: normaliseOwner(id, raw, file), file, keyPath });
      }
    }
    if (isMapping(doc.nodes)) {
      for (const [id, raw] of Object.entries(doc.nodes)) {
        if (!isValidId(id)) continue;
        const keyPath = ["nodes", id];
        const previous = nodes.get(id);
        if (previous) {
          errors.push(duplicate("node", id, file, keyPath, previous));
          continue;
        }
        const { node, edges: declared } = normaliseNode(id, raw, file);
        nodes.set(id, { value: node, file, keyPath });
        for (const source of declared) edges.push({ source, file });
        if (node.owner) ownerRefs.push({ node: id, owner: node.owner, file });
      }
    }
    if (Array.isArray(doc.include)) {
      doc.include.forEach((target, index) => {
        if (typeof target !== "string" || target === "") return;
        const resolved = isAbsolute(target) ? normalize(target) : join(dirname(file), target);
        visit(resolved, { file, keyPath: ["include", index] });
      });
    }
  };

  const duplicate = (
    what: string,
    id: string,
    file: string,
    keyPath: KeyPath,
    previous: Declared<unknown>,
  ): Diagnostic => ({
    severity: "error",
    code: `duplicate-${what}`,
    ...at(file, keyPath, true),
    message: `${what} "${id}" is declared twice; it was first declared in ${previous.file} (${formatKeyPath(previous.keyPath)})`,
    hint: `keep one declaration of "${id}"`,
  });

  visit(normalize(entry));

  // Cross-references, once every file is in.
  let suggestions = 0;
  const suggest = (word: string, candidates: Iterable<string>) =>
    suggestions++ < MAX_SUGGESTIONS ? closest(word, candidates) : undefined;
  const seenEdges = new Set<string>();
  for (const { source, file } of edges) {
    const { edge, keyPath } = source;
    if (edge.to === edge.from) {
      errors.push({
        severity: "error",
        code: "self-dependency",
        ...at(file, keyPath),
        message: `node "${edge.from}" depends on itself`,
        hint: "remove this entry",
      });
      continue;
    }
    if (!nodes.has(edge.to)) {
      const guess = suggest(edge.to, nodes.keys());
      errors.push({
        severity: "error",
        code: "unknown-node",
        ...at(file, keyPath),
        message: `unknown node "${edge.to}"${guess ? ` — did you mean "${guess}"?` : ""}`,
        hint: guess
          ? `change it to "${guess}", or declare "${edge.to}" under nodes:`
          : `declare "${edge.to}" under nodes:, or fix the id`,
      });
      continue;
    }
    const key = `${edge.from}\u0000${edge.to}`;
    if (seenEdges.has(key)) {
      errors.push({
        severity: "error",
        code: "duplicate-edge",
        ...at(file, keyPath),
        message: `node "${edge.from}" already depends on "${edge.to}"`,
        hint: "declare each dependency once; put every way it breaks in one entry's breaks_on",
      });
    }
    seenEdges.add(key);
  }
  const usedOwners = new Set<string>();
  for (const ref of ownerRefs) {
    usedOwners.add(ref.owner);
    if (owners.has(ref.owner)) continue;
    const guess = suggest(ref.owner, owners.keys());
    errors.push({
      severity: "error",
      code: "unknown-owner",
      ...at(ref.file, ["nodes", ref.node, "owner"]),
      message: `unknown owner "${ref.owner}"${guess ? ` — did you mean "${guess}"?` : ""}`,
      hint: `declare "${ref.owner}" under owners:, or use one of the declared owners`,
    });
  }
  for (const [id, declared] of nodes) {
    if (declared.value.owner === undefined) {
      warnings.push({
        severity: "warning",
        code: "no-owner",
        ...at(declared.file, declared.keyPath, true),
        message: `node "${id}" has no owner`,
        hint: "add `owner:` so the right team hears when it is impacted",
      });
    }
  }
  for (const [id, declared] of owners) {
    if (!usedOwners.has(id)) {
      warnings.push({
        severity: "warning",
        code: "unused-owner",
        ...at(declared.file, declared.keyPath, true),
        message: `owner "${id}" owns no node`,
        hint: "remove it, or set it as the owner of its nodes",
      });
    }
  }

  const config: DepsConfig = {
    version: 1,
    owners: new Map([...owners].map(([id, d]) => [id, d.value])),
    nodes: new Map([...nodes].map(([id, d]) => [id, d.value])),
    files,
  };
  const graph = buildGraph(config);
  for (const cycle of findCycles(graph)) {
    const first = nodes.get(cycle[0] as string);
    const shown = cycle.length > 12 ? [...cycle.slice(0, 10), "…", cycle[cycle.length - 1]] : cycle;
    warnings.push({
      severity: "warning",
      code: "cycle",
      ...(first ? at(first.file, first.keyPath, true) : { file: entry }),
      message: `dependency cycle: ${shown.join(" -> ")}`,
      hint: "the analysis handles cycles, but a cycle usually means an edge points the wrong way",
    });
  }
  return errors.length > 0
    ? { errors, warnings, sources }
    : { config, graph, errors, warnings, sources };
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
