// One Backstage catalog file (catalog-info.yaml, multi-document) -> nodes, owners, relations
// still to resolve, and the local files its Locations point at. Pure: relations are resolved
// once every file is read (see merge-catalog.ts), because an entity may be in any of them.

import { list, record } from "../../classify/json-shapes.js";
import { escapeGlob } from "../../locate/glob.js";
import type { CatalogData, Diagnostic, GraphNode, Owner, PathRule } from "../../model.js";
import { EMAIL_PATTERN, GITHUB_HANDLE_PATTERN } from "../deps-schema.js";
import { parseDocuments, type YamlDocument } from "../yaml-documents.js";
import { type EntityRef, entityId, parseEntityRef, refKey } from "./entity-ref.js";

/** A relation as written on one entity; `outward`: the entity depends on the target. */
export interface CatalogRelation {
  readonly entity: string;
  readonly field: string;
  readonly written: string;
  readonly target?: EntityRef;
  readonly outward: boolean;
  readonly via: string;
  readonly file: string;
  readonly line?: number;
  /** Where the entity is declared, to tell it from a duplicate of the same id. */
  readonly entityAt: { readonly file: string; readonly line?: number };
}

/** Organisation links (group parent, members): kept on owners, not graph edges. */
export interface OrgLink {
  readonly owner: string;
  readonly field: string;
  readonly written: string;
  readonly target?: EntityRef;
  readonly file: string;
  readonly line?: number;
}

export interface CatalogTarget {
  readonly target: string;
  readonly file: string;
  readonly line?: number;
}

export interface CatalogEntityNode {
  readonly node: GraphNode;
  /** The owner ref as written, resolved once every owner is known. */
  readonly owner?: { readonly ref: EntityRef; readonly written: string; readonly line?: number };
}

export interface CatalogFile {
  readonly nodes: CatalogEntityNode[];
  readonly owners: Owner[];
  readonly relations: CatalogRelation[];
  readonly orgLinks: OrgLink[];
  readonly targets: CatalogTarget[];
  readonly diagnostics: Diagnostic[];
}

type Raw = Record<string, unknown>;
const isRaw = (v: unknown): v is Raw => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined =>
  typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;

const METADATA_FIELDS = new Set([
  "name",
  "namespace",
  "title",
  "description",
  "labels",
  "annotations",
  "tags",
  "links",
  "uid",
  "etag",
  "generation",
]);
const TOP_FIELDS = new Set(["apiVersion", "kind", "metadata", "spec", "relations", "status"]);

/** How each relation field becomes an edge: the via, its direction and the kind it implies. */
interface RelationField {
  readonly via: string;
  readonly outward: boolean;
  readonly kind?: string;
  readonly many: boolean;
}
const RELATIONS: Record<string, RelationField> = {
  dependsOn: { via: "depends-on", outward: true, many: true },
  dependencyOf: { via: "depends-on", outward: false, many: true },
  consumesApis: { via: "consumes-api", outward: true, kind: "api", many: true },
  // An API works only while the component providing it does: the API depends on it.
  providesApis: { via: "provided-by", outward: false, kind: "api", many: true },
  // A whole breaks when a part does: the parent, system or domain depends on this entity.
  subcomponentOf: { via: "has-part", outward: false, kind: "component", many: false },
  system: { via: "has-part", outward: false, kind: "system", many: false },
  domain: { via: "has-part", outward: false, kind: "domain", many: false },
  subdomainOf: { via: "has-part", outward: false, kind: "domain", many: false },
  partOf: { via: "has-part", outward: false, kind: "system", many: true },
};

const ORG_FIELDS: Record<string, { kind: string; many: boolean }> = {
  parent: { kind: "group", many: false },
  children: { kind: "group", many: true },
  members: { kind: "user", many: true },
  memberOf: { kind: "group", many: true },
};

/** The spec fields each standard kind has; other kinds are read for their relations only. */
const SPEC_FIELDS: Record<string, readonly string[]> = {
  component: [
    "type",
    "lifecycle",
    "owner",
    "system",
    "subcomponentOf",
    "providesApis",
    "consumesApis",
    "dependsOn",
    "dependencyOf",
  ],
  api: ["type", "lifecycle", "owner", "system", "definition"],
  resource: ["type", "lifecycle", "owner", "system", "dependsOn", "dependencyOf"],
  system: ["type", "owner", "domain"],
  domain: ["type", "owner", "subdomainOf"],
  group: ["type", "profile", "parent", "children", "members"],
  user: ["profile", "memberOf"],
  location: ["type", "target", "targets", "presence"],
};
/** What an entity of a kind blastradius does not know is still read for. */
const COMMON_FIELDS = ["type", "lifecycle", "owner", "system", "dependsOn", "dependencyOf"];

export function readCatalog(file: string, text: string): CatalogFile {
  const out: CatalogFile = {
    nodes: [],
    owners: [],
    relations: [],
    orgLinks: [],
    targets: [],
    diagnostics: [],
  };
  const parsed = parseDocuments(text, file);
  if (!parsed.ok) {
    out.diagnostics.push(parsed.diagnostic);
    return out;
  }
  // One warning per unknown kind and per unknown field in a file, with how often it occurs.
  const unknown = new Map<string, { diagnostic: Diagnostic; count: number }>();
  const once = (key: string, make: () => Diagnostic) => {
    const seen = unknown.get(key);
    if (seen) seen.count++;
    else unknown.set(key, { diagnostic: make(), count: 1 });
  };

  for (const document of parsed.documents) {
    if (document.value === null || document.value === undefined) continue;
    readEntity(file, document, out, once);
  }
  for (const { diagnostic, count } of unknown.values()) {
    out.diagnostics.push(
      count > 1 ? { ...diagnostic, message: `${diagnostic.message} (${count} times)` } : diagnostic,
    );
  }
  return out;
}

function readEntity(
  file: string,
  document: YamlDocument,
  out: CatalogFile,
  once: (key: string, make: () => Diagnostic) => void,
): void {
  const warn = (line: number | undefined, code: string, message: string, hint: string) =>
    out.diagnostics.push({ severity: "warning", code, file, line, message, hint });
  const entity = document.value;
  if (!isRaw(entity)) {
    warn(
      document.line,
      "catalog-not-entity",
      "this document is not a Backstage entity (a mapping with apiVersion, kind and metadata)",
      "fix it, or move it out of the catalog file",
    );
    return;
  }
  const kindWritten = str(entity.kind);
  const metadata = record(entity.metadata);
  const name = str(metadata.name);
  const spec = record(entity.spec);
  if (!kindWritten || !name || !str(entity.apiVersion)) {
    warn(
      document.line,
      "catalog-invalid-entity",
      `entity without ${!str(entity.apiVersion) ? "apiVersion" : !kindWritten ? "kind" : "metadata.name"}; skipped`,
      "every entity needs apiVersion, kind and metadata.name",
    );
    return;
  }
  const kind = kindWritten.toLowerCase();
  const namespace = str(metadata.namespace);
  const ref = parseEntityRef(`${kind}:${namespace ? `${namespace}/` : ""}${name}`);
  if (!ref) {
    warn(
      document.lineOf(["metadata", "name"]),
      "catalog-invalid-entity",
      `"${name}" is not a valid entity name; skipped`,
      "entity names are letters, digits and - _ . without / or :",
    );
    return;
  }
  const id = entityId(ref);
  const lineOf = (...path: (string | number)[]) => document.lineOf(path) ?? document.line;

  if (kind === "location") {
    const targets = [
      ...(str(spec.target)
        ? [{ target: str(spec.target) as string, line: lineOf("spec", "target") }]
        : []),
      ...(Array.isArray(spec.targets) ? spec.targets : []).flatMap((t, i) =>
        str(t) ? [{ target: str(t) as string, line: lineOf("spec", "targets", i) }] : [],
      ),
    ];
    for (const t of targets) out.targets.push({ target: t.target, file, line: t.line });
    return;
  }

  const known = SPEC_FIELDS[kind];
  if (!known) {
    once(`kind:${kindWritten}`, () => ({
      severity: "warning",
      code: "catalog-unknown-kind",
      file,
      line: document.line,
      message: `kind "${kindWritten}" is not a Backstage kind blastradius knows; "${id}" is read as a node with its owner, system and dependsOn, and its other fields kept as data`,
      hint: "nothing to do if that is what you want; declare it in deps.yaml to add match rules or edges",
    }));
  }
  const readable = new Set(known ?? COMMON_FIELDS);
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(spec)) {
    if (readable.has(key) || (!known && key in RELATIONS)) continue;
    extra[`spec.${key}`] = value;
    if (known) {
      once(`field:${kind}:${key}`, () => ({
        severity: "warning",
        code: "catalog-unknown-field",
        file,
        line: lineOf("spec", key),
        message: `spec.${key} is not a field of a Backstage ${kindWritten}; kept as data of "${id}"${key in RELATIONS || /api|depend/i.test(key) ? ", not as an edge" : ""}`,
        hint:
          key === "apiConsumedBy"
            ? "Backstage has no apiConsumedBy: write consumesApis on the consuming component instead"
            : "check the spelling against the Backstage descriptor format",
      }));
    }
  }
  for (const [key, value] of Object.entries(entity)) {
    if (!TOP_FIELDS.has(key)) extra[key] = value;
  }
  for (const [key, value] of Object.entries(metadata)) {
    if (!METADATA_FIELDS.has(key)) extra[`metadata.${key}`] = value;
  }

  const annotations = stringRecord(metadata.annotations);
  if (kind === "group" || kind === "user") {
    readOwner(file, lineOf, id, ref, kind, spec, metadata, annotations, out);
    return;
  }

  const ownerWritten = str(spec.owner);
  const ownerRef = ownerWritten
    ? parseEntityRef(ownerWritten, { kind: "group", namespace: ref.namespace })
    : undefined;
  const links = Array.isArray(metadata.links) ? metadata.links.filter(isRaw) : [];
  const url = (l: Raw) =>
    typeof l.url === "string" && /^https?:\/\/\S+$/.test(l.url) ? l.url : undefined;
  const runbook = links.find((l) => /runbook/i.test(`${l.title ?? ""} ${l.type ?? ""}`) && url(l));
  const docs = links.find((l) => l !== runbook && url(l));
  const catalog: CatalogData = {
    ref: refKey(ref),
    kind: kindWritten,
    ...(str(metadata.title) ? { title: str(metadata.title) } : {}),
    ...(str(spec.type) ? { type: str(spec.type) } : {}),
    ...(str(spec.lifecycle) ? { lifecycle: str(spec.lifecycle) } : {}),
    ...(Array.isArray(metadata.tags) ? { tags: metadata.tags.map(String) } : {}),
    ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
    ...(Object.keys(extra).length > 0 ? { extra } : {}),
  };
  const description = str(metadata.description)?.split("\n")[0] ?? str(metadata.title);
  const node: GraphNode = {
    id,
    kind,
    ...(description ? { description: description.slice(0, 4000) } : {}),
    ...(docs ? { docs: url(docs) } : {}),
    ...(runbook ? { runbook: url(runbook) } : {}),
    match: { paths: sourceRules(annotations), terraform: [], kubernetes: [] },
    dependsOn: [],
    declaredAt: { file, line: lineOf("metadata", "name") },
    catalog,
  };
  out.nodes.push({
    node,
    ...(ownerRef && ownerWritten
      ? { owner: { ref: ownerRef, written: ownerWritten, line: lineOf("spec", "owner") } }
      : {}),
  });
  if (ownerWritten && !ownerRef) {
    warn(
      lineOf("spec", "owner"),
      "catalog-invalid-ref",
      `spec.owner "${ownerWritten}" of "${id}" is not an entity reference; "${id}" has no owner`,
      "write group:name or user:name",
    );
  }

  for (const [field, shape] of Object.entries(RELATIONS)) {
    // Kinds blastradius knows are read for their own relations; others for any it knows.
    if (!(field in spec) || (known && !known.includes(field))) continue;
    for (const written of refsOf(
      spec,
      field,
      { kind: shape.kind, namespace: ref.namespace },
      lineOf,
    ))
      out.relations.push({
        entity: id,
        field: `spec.${field}`,
        ...written,
        outward: shape.outward,
        via: shape.via,
        file,
        entityAt: node.declaredAt,
      });
  }
}

function readOwner(
  file: string,
  lineOf: (...path: (string | number)[]) => number | undefined,
  id: string,
  ref: EntityRef,
  kind: "group" | "user",
  spec: Raw,
  metadata: Raw,
  annotations: Record<string, string>,
  out: CatalogFile,
): void {
  const profile = record(spec.profile);
  const slug =
    kind === "group" ? annotations["github.com/team-slug"] : annotations["github.com/user-login"];
  const github = slug && GITHUB_HANDLE.test(`@${slug}`) ? `@${slug}` : undefined;
  const email = str(profile.email);
  const title = str(profile.displayName) ?? str(metadata.title);
  out.owners.push({
    id,
    ...(github ? { github } : {}),
    ...(email && EMAIL.test(email) ? { email } : {}),
    declaredAt: { file, line: lineOf("metadata", "name") },
    catalog: title ? { title } : {},
  });
  for (const [field, shape] of Object.entries(ORG_FIELDS)) {
    if (!(field in spec)) continue;
    for (const written of refsOf(
      spec,
      field,
      { kind: shape.kind, namespace: ref.namespace },
      lineOf,
    ))
      out.orgLinks.push({ owner: id, field: `spec.${field}`, ...written, file });
  }
}

const GITHUB_HANDLE = new RegExp(GITHUB_HANDLE_PATTERN);
const EMAIL = new RegExp(EMAIL_PATTERN);
const GITHUB_TREE =
  /^url:https:\/\/github\.com\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?(?:\/(?:tree|blob)\/[^/]+(?:\/(.*?))?)?\/?$/;
const PROJECT_SLUG = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/;

/**
 * Where an entity's source lives, as path rules: `backstage.io/source-location` on GitHub
 * (the folder it names), else `github.com/project-slug` (the whole repository). Qualified by
 * repository, so they match only changes there.
 */
function sourceRules(annotations: Record<string, string>): PathRule[] {
  const location = GITHUB_TREE.exec(annotations["backstage.io/source-location"] ?? "");
  if (location) {
    const repo = `${location[1]}/${location[2]}`.toLowerCase();
    const folder = (location[3] ?? "").replace(/\/+$/, "");
    // The folder is a name, not a pattern: `{`, `*` or `@(` in it are matched as written.
    const glob = folder === "" ? "**" : `${escapeGlob(folder)}/**`;
    return [{ repo, glob, source: `${repo}:${glob}`, inferred: true }];
  }
  const slug = PROJECT_SLUG.exec(annotations["github.com/project-slug"] ?? "");
  if (slug) {
    const repo = `${slug[1]}/${slug[2]}`.toLowerCase();
    return [{ repo, glob: "**", source: `${repo}:**`, inferred: true }];
  }
  return [];
}

/** Each value of a ref-valued spec field (one value or a list): as written, the ref, its line. */
function refsOf(
  spec: Raw,
  field: string,
  defaults: { readonly kind?: string; readonly namespace: string },
  lineOf: (...path: (string | number)[]) => number | undefined,
): { written: string; target?: EntityRef; line?: number }[] {
  const raw = spec[field];
  return list(raw).map((value, i) => {
    const target = parseEntityRef(value, defaults);
    return {
      written: describe(value),
      ...(target ? { target } : {}),
      line: Array.isArray(raw) ? lineOf("spec", field, i) : lineOf("spec", field),
    };
  });
}

/** A value as written, for messages; never serialised whole (it may be an alias bomb). */
function describe(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return "(a list)";
  if (value !== null && typeof value === "object") return "(a mapping)";
  return String(value);
}

function stringRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRaw(value)) return out;
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean")
      out[k] = String(v);
  }
  return out;
}
