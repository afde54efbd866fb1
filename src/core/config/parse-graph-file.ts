// One file of a graph (deps.yaml, an include, a Backstage catalog) -> what it declares, the
// files it names and its own problems. Nothing here looks at another file: duplicates across
// files, unknown references and cycles are the assembly's (assemble-deps.ts).

import type { Diagnostic, GraphNode, Owner, SourceLocation } from "../model.js";
import { type CatalogFile, readCatalog } from "./backstage/read-catalog.js";
import { compileSchema, INVALID, readContext, readDocument, type Sink } from "./compile-schema.js";
import { depsSchema } from "./deps-schema.js";
import type { IncludedFrom } from "./include-scope.js";
import { formatKeyPath } from "./key-path.js";
import { lineIndex } from "./line-index.js";
import { type Interner, normaliseNode, normaliseOwner } from "./normalise.js";
import { parseYamlEvents } from "./parse-yaml.js";
import { declaresKinds } from "./yaml-documents.js";

const readDeps = compileSchema(depsSchema);
const NODES_SCHEMA = depsSchema.properties?.nodes;
const OWNERS_SCHEMA = depsSchema.properties?.owners;

/** A node or owner as declared, in document order: the first declaration across files wins. */
export type Declaration =
  | { readonly what: "node"; readonly id: string; readonly node: GraphNode }
  | { readonly what: "owner"; readonly id: string; readonly owner: Owner };

/** Another file this one names, or a catalog Location that is not followed (and why). */
export type Reference =
  | { readonly target: string; readonly from: IncludedFrom }
  | { readonly unread: Diagnostic };

export interface ParsedFile {
  readonly file: string;
  readonly declarations: readonly Declaration[];
  /** Set when the file is a Backstage catalog: its entities wait for every file to be in. */
  readonly catalog?: CatalogFile;
  readonly errors: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
  readonly references: readonly Reference[];
}

const NONE: readonly never[] = [];

export function parseGraphFile(file: string, text: string, intern: Interner): ParsedFile {
  // Documents with apiVersion and kind are a Backstage catalog; deps.yaml has neither.
  return declaresKinds(text) ? parseCatalogFile(file, text) : parseDepsFile(file, text, intern);
}

function parseDepsFile(file: string, text: string, intern: Interner): ParsedFile {
  const parsed = parseYamlEvents(text, file);
  if (!parsed.ok) return only(file, [parsed.diagnostic]);
  const here: SourceLocation = { file };
  const declarations: Declaration[] = [];
  const sinks = new Map<unknown, Sink>();
  // Nodes and owners are normalised as they are read, so the raw mapping is never built.
  // The reader has checked the ids against the schema's propertyNames.
  sinks.set(NODES_SCHEMA, (id, raw) => {
    declarations.push({ what: "node", id, node: normaliseNode(id, raw, here, intern) });
  });
  sinks.set(OWNERS_SCHEMA, (id, raw) => {
    declarations.push({ what: "owner", id, owner: normaliseOwner(id, raw, here) });
  });
  const ctx = readContext(text, parsed.events, sinks as Map<never, Sink>);
  const document = readDocument(ctx, readDeps);
  // An alias-free document has fewer values than characters; more means aliases multiplying.
  if (ctx.budget <= 0)
    return {
      ...only(file, [
        {
          severity: "error",
          code: "alias-bomb",
          file,
          message:
            "the document expands to far more values than its text holds (YAML aliases repeating large parts of it)",
          hint: "write the values out instead of repeating aliases, or split the graph with include:",
        },
      ]),
      declarations,
    };
  const position = ctx.issues.length > 0 ? lineIndex(text) : undefined;
  const errors: Diagnostic[] = ctx.issues.map((issue) => ({
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
  }));
  const references: Reference[] = [];
  if (document !== INVALID && isMapping(document) && Array.isArray(document.include)) {
    document.include.forEach((target, index) => {
      if (typeof target !== "string" || target === "") return;
      references.push({ target, from: { file, keyPath: ["include", index] } });
    });
  }
  return { file, declarations, errors, warnings: NONE, references };
}

function parseCatalogFile(file: string, text: string): ParsedFile {
  const catalog = readCatalog(file, text);
  const references: Reference[] = [];
  for (const { target, line } of catalog.targets) {
    if (/^[A-Za-z][A-Za-z0-9+.-]+:/.test(target)) {
      references.push({
        unread: {
          severity: "warning",
          code: "catalog-remote-target",
          file,
          line,
          message: `Location target ${target} is not a local file; not read`,
          hint: "include a local copy of that catalog file in deps.yaml, or point the Location at a relative path",
        },
      });
    } else if (/[*?[{]/.test(target)) {
      references.push({
        unread: {
          severity: "warning",
          code: "catalog-glob-target",
          file,
          line,
          message: `Location target ${target} is a glob; blastradius reads only named files`,
          hint: "list the files, in the Location or under include: in deps.yaml",
        },
      });
    } else references.push({ target, from: { file, line } });
  }
  return {
    file,
    declarations: NONE,
    catalog,
    errors: catalog.diagnostics.filter((d) => d.severity === "error"),
    warnings: catalog.diagnostics.filter((d) => d.severity !== "error"),
    references,
  };
}

function only(file: string, errors: Diagnostic[]): ParsedFile {
  return { file, declarations: NONE, errors, warnings: NONE, references: NONE };
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
