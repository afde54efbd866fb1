// The nodes and owners of deps.yaml and of every Backstage catalog it includes, as one graph.
// An entity becomes a node; a deps.yaml node with the same id (or any spelling of its ref)
// adds to it: match rules, edges, tier, and anything else it sets wins. A relation to an
// entity nobody declares is a warning and no edge, never a failed load: catalogs routinely
// name things that live in another catalog.

import { DEFAULT_BREAKS_ON } from "../../classes.js";
import type { Diagnostic, Edge, GraphNode, Owner } from "../../model.js";
import { type EntityRef, entityId, parseEntityRef, refKey } from "./entity-ref.js";
import type { CatalogFile, CatalogRelation } from "./read-catalog.js";

export interface MergeInput {
  /** deps.yaml nodes; a kind of "" means none was written (an addition to an entity). */
  readonly nodes: ReadonlyMap<string, GraphNode>;
  readonly owners: ReadonlyMap<string, Owner>;
  readonly catalogs: readonly CatalogFile[];
}

export interface MergeResult {
  readonly nodes: Map<string, GraphNode>;
  readonly owners: Map<string, Owner>;
  readonly warnings: Diagnostic[];
}

const where = (file: string, line?: number) => (line === undefined ? file : `${file}:${line}`);

export function mergeCatalogs(input: MergeInput): MergeResult {
  const warnings: Diagnostic[] = [];
  const warn = (
    file: string,
    line: number | undefined,
    code: string,
    message: string,
    hint: string,
  ) => warnings.push({ severity: "warning", code, file, line, message, hint });

  // Entities first, the first declaration of an id winning.
  const entities = new Map<string, GraphNode>();
  const entityOwners = new Map<string, { ref: EntityRef; written: string; line?: number }>();
  const owners = new Map<string, Owner>();
  /** Keeps the first of an id; a second is a warning pointing at the first. */
  const keepFirst = <T extends { id: string; declaredAt: { file: string; line?: number } }>(
    map: Map<string, T>,
    item: T,
    name: string,
  ): boolean => {
    const first = map.get(item.id);
    if (!first) {
      map.set(item.id, item);
      return true;
    }
    warn(
      item.declaredAt.file,
      item.declaredAt.line,
      "catalog-duplicate-entity",
      `entity "${name}" is declared again; the first declaration (${where(first.declaredAt.file, first.declaredAt.line)}) is kept`,
      "Backstage refuses the second one too: rename it or remove the duplicate",
    );
    return false;
  };
  for (const catalog of input.catalogs) {
    for (const { node, owner } of catalog.nodes) {
      if (keepFirst(entities, node, node.catalog?.ref ?? node.id) && owner)
        entityOwners.set(node.id, owner);
    }
    for (const owner of catalog.owners) keepFirst(owners, owner, owner.id);
  }
  const entityByRef = new Map<string, string>();
  for (const node of entities.values())
    if (node.catalog) entityByRef.set(node.catalog.ref, node.id);

  /** The entity a written id stands for: its id, or any spelling of its ref. */
  const entityFor = (id: string): string | undefined => {
    if (entities.has(id)) return id;
    if (!id.includes(":")) return undefined;
    const ref = parseEntityRef(id);
    return ref ? entityByRef.get(refKey(ref)) : undefined;
  };

  // deps.yaml owners win over the catalog's groups and users of the same id.
  for (const [id, owner] of input.owners) {
    const entity = owners.get(id);
    owners.set(id, entity ? { ...entity, ...definedOnly(owner), catalog: entity.catalog } : owner);
  }

  // deps.yaml nodes, on their own or on top of an entity.
  const nodes = new Map<string, GraphNode>(entities);
  const renamed = new Map<string, string>();
  for (const [id, declared] of input.nodes) {
    const target = entityFor(id);
    if (target === undefined) {
      // Without a kind, it is the loader's missing-kind error.
      nodes.set(id, declared);
      continue;
    }
    if (target !== id) renamed.set(id, target);
    const entity = entities.get(target) as GraphNode;
    nodes.set(target, {
      ...entity,
      ...definedOnly(declared),
      id: target,
      kind: declared.kind === "" ? entity.kind : declared.kind,
      match: {
        // deps.yaml's first, so their indexes stay those of its file, for messages.
        paths: [...declared.match.paths, ...entity.match.paths],
        terraform: [...declared.match.terraform, ...entity.match.terraform],
        kubernetes: [...declared.match.kubernetes, ...entity.match.kubernetes],
        ...(declared.match.cloudformation || entity.match.cloudformation
          ? {
              cloudformation: [
                ...(declared.match.cloudformation ?? []),
                ...(entity.match.cloudformation ?? []),
              ],
            }
          : {}),
      },
      dependsOn: declared.dependsOn.map((e) => ({ ...e, from: target })),
      declaredAt: declared.declaredAt,
      catalog: entity.catalog,
    });
  }
  // An edge written with the full ref of an entity points at its node.
  const resolveTarget = (to: string) =>
    renamed.get(to) ?? (nodes.has(to) ? to : (entityFor(to) ?? to));
  for (const [id, node] of nodes) {
    if (!node.dependsOn.some((e) => resolveTarget(e.to) !== e.to)) continue;
    nodes.set(id, {
      ...node,
      dependsOn: node.dependsOn.map((e) => ({ ...e, to: resolveTarget(e.to) })),
    });
  }

  // Owners of entities: a catalog group or user, a deps.yaml owner, or a stand-in named for the ref.
  const ownerByRef = new Map<string, string>();
  for (const id of owners.keys()) {
    const ref = parseEntityRef(id);
    if (ref) ownerByRef.set(refKey(ref), id);
  }
  for (const [id, owner] of entityOwners) {
    const node = nodes.get(id) as GraphNode;
    if (node.owner !== undefined) continue;
    const ownerId = resolveOwner(owner.ref, owner.written, owners, ownerByRef, input.owners);
    if (!owners.has(ownerId)) {
      // One warning per missing owner: its other entities share the stand-in.
      const file = entities.get(id)?.declaredAt.file ?? "";
      owners.set(ownerId, { id: ownerId, declaredAt: { file, line: owner.line }, catalog: {} });
      warn(
        file,
        owner.line,
        "catalog-unknown-owner",
        `owner "${owner.written}" of "${id}" is in none of the catalogs read; it is shown as "${ownerId}", with no one to notify`,
        `include the catalog that declares it, or declare "${ownerId}" under owners: in deps.yaml with its GitHub handle`,
      );
    }
    nodes.set(id, { ...node, owner: ownerId });
  }

  // Relations -> edges, on whichever side depends.
  const added = new Map<string, Edge[]>();
  const has = (from: string, to: string) =>
    (nodes.get(from)?.dependsOn.some((e) => e.to === to) ?? false) ||
    (added.get(from)?.some((e) => e.to === to) ?? false);
  const missing = new Map<string, { count: number; diagnostic: Diagnostic }>();
  for (const catalog of input.catalogs) {
    for (const relation of catalog.relations) {
      // A duplicate entity that was not kept takes its relations with it.
      const kept = entities.get(relation.entity)?.declaredAt;
      if (kept?.file !== relation.entityAt.file || kept.line !== relation.entityAt.line) continue;
      const other = relationTarget(relation, nodes, entityByRef, entities);
      if (other.id === undefined) {
        // The same missing entity named again in a file is counted, not repeated.
        const key = `${relation.file}\u0000${relation.field}\u0000${other.missing}`;
        const seen = missing.get(key);
        if (seen) seen.count++;
        else
          missing.set(key, {
            count: 1,
            diagnostic: {
              severity: "warning",
              code: other.code,
              file: relation.file,
              line: relation.line,
              message: other.message,
              hint: other.hint,
            },
          });
        continue;
      }
      if (other.note)
        warn(
          relation.file,
          relation.line,
          "catalog-ref-without-kind",
          other.note,
          "write the ref with its kind, as Backstage requires",
        );
      const from = relation.outward ? relation.entity : other.id;
      const to = relation.outward ? other.id : relation.entity;
      if (from === to) {
        warn(
          relation.file,
          relation.line,
          "catalog-self-relation",
          `${relation.field} of "${relation.entity}" names the entity itself; no edge`,
          "remove it",
        );
        continue;
      }
      if (has(from, to)) continue;
      const edge: Edge = {
        from,
        to,
        via: relation.via,
        breaksOn: DEFAULT_BREAKS_ON[relation.via],
        index: -1,
        origin: { field: relation.field, file: relation.file, line: relation.line },
      };
      const list = added.get(from);
      if (list) list.push(edge);
      else added.set(from, [edge]);
    }
  }
  for (const { count, diagnostic } of missing.values()) {
    warnings.push(
      count > 1
        ? {
            ...diagnostic,
            message: `${diagnostic.message} (and ${count - 1} more time${count > 2 ? "s" : ""} in this file)`,
          }
        : diagnostic,
    );
  }
  for (const [from, edges] of added) {
    const node = nodes.get(from) as GraphNode;
    nodes.set(from, { ...node, dependsOn: [...node.dependsOn, ...edges] });
  }

  linkOrganisation(input.catalogs, owners, warnings);
  return { nodes, owners, warnings };
}

/** Fields a deps.yaml node or owner actually sets, so they win without erasing the entity's. */
function definedOnly<T extends object>(value: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v !== undefined && v !== "") (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

function resolveOwner(
  ref: EntityRef,
  written: string,
  owners: ReadonlyMap<string, Owner>,
  ownerByRef: ReadonlyMap<string, string>,
  declared: ReadonlyMap<string, Owner>,
): string {
  const id = entityId(ref);
  if (owners.has(id)) return id;
  // `owner: bi` on an entity, with `bi` under owners: in deps.yaml.
  if (!written.includes(":") && declared.has(written)) return written;
  return ownerByRef.get(refKey(ref)) ?? id;
}

/** The node a relation names, or why there is none (`missing`: what to count repeats by). */
type Resolved =
  | { readonly id: string; readonly note?: string }
  | {
      readonly id?: undefined;
      readonly code: string;
      readonly message: string;
      readonly hint: string;
      readonly missing: string;
    };

const nameIndexes = new WeakMap<ReadonlyMap<string, GraphNode>, Map<string, GraphNode[]>>();

/** Entities by bare name, built once per merge and only if a ref without a kind needs it. */
function byName(entities: ReadonlyMap<string, GraphNode>): Map<string, GraphNode[]> {
  let index = nameIndexes.get(entities);
  if (!index) {
    index = new Map();
    for (const node of entities.values()) {
      const name = node.id.slice(node.id.indexOf(":") + 1);
      const list = index.get(name);
      if (list) list.push(node);
      else index.set(name, [node]);
    }
    nameIndexes.set(entities, index);
  }
  return index;
}

function relationTarget(
  relation: CatalogRelation,
  nodes: ReadonlyMap<string, GraphNode>,
  entityByRef: ReadonlyMap<string, string>,
  entities: ReadonlyMap<string, GraphNode>,
): Resolved {
  const target = relation.target;
  if (!target) {
    // dependsOn needs a kind; without one, a single entity of that name is still found.
    const name = relation.written.trim().toLowerCase();
    const candidates = byName(entities).get(name) ?? [];
    if (candidates.length === 1 && /^[^:/]+$/.test(name)) {
      const only = candidates[0] as GraphNode;
      return {
        id: only.id,
        note: `${relation.field} of "${relation.entity}" names "${relation.written}" without a kind; read as "${only.id}", the only entity of that name`,
      };
    }
    return {
      code: "catalog-invalid-ref",
      message: `${relation.field} of "${relation.entity}": "${relation.written}" is not an entity reference with a kind; no edge`,
      hint: "write it as kind:name, e.g. resource:artists-db",
      // Said per entity: each one has its own ref to fix.
      missing: `${relation.entity}\u0000${relation.written}`,
    };
  }
  const id =
    entityByRef.get(refKey(target)) ?? (nodes.has(entityId(target)) ? entityId(target) : undefined);
  if (id !== undefined) return { id };
  return {
    code: "catalog-unknown-entity",
    message: `${relation.field} of "${relation.entity}" names "${entityId(target)}", which is in none of the catalogs read; no edge`,
    hint: `include the catalog that declares it, or declare a node "${entityId(target)}" in deps.yaml`,
    missing: entityId(target),
  };
}

/** Group parents and members onto owners; names not in any catalog are reported once per file and field. */
function linkOrganisation(
  catalogs: readonly CatalogFile[],
  owners: Map<string, Owner>,
  warnings: Diagnostic[],
): void {
  const parents = new Map<string, string>();
  const members = new Map<string, Set<string>>();
  const addMember = (group: string, user: string) => {
    const set = members.get(group);
    if (set) set.add(user);
    else members.set(group, new Set([user]));
  };
  for (const catalog of catalogs) {
    const missing = new Map<string, { line?: number; names: Set<string> }>();
    for (const link of catalog.orgLinks) {
      const id = link.target ? entityId(link.target) : undefined;
      if (id === undefined || !owners.has(id)) {
        const entry = missing.get(link.field) ?? { line: link.line, names: new Set<string>() };
        entry.names.add(id ?? link.written);
        missing.set(link.field, entry);
        continue;
      }
      if (link.field === "spec.parent") parents.set(link.owner, id);
      else if (link.field === "spec.children") parents.set(id, link.owner);
      else if (link.field === "spec.members") addMember(link.owner, id);
      else addMember(id, link.owner);
    }
    for (const [field, { line, names }] of missing) {
      const list = [...names];
      warnings.push({
        severity: "warning",
        code: "catalog-unknown-entity",
        file: catalog.orgLinks[0]?.file ?? "",
        line,
        message: `${field} names ${list.length === 1 ? "an entity" : `${list.length} entities`} in none of the catalogs read (${list.slice(0, 100).join(", ")}${list.length > 100 ? ", …" : ""}); kept out of the owners' organisation`,
        hint: "include the catalog with those groups and users if you want them linked",
      });
    }
  }
  for (const [id, owner] of owners) {
    const parent = parents.get(id);
    const list = members.get(id);
    if (parent === undefined && list === undefined) continue;
    owners.set(id, {
      ...owner,
      catalog: {
        ...owner.catalog,
        ...(parent ? { parent } : {}),
        ...(list ? { members: [...list].sort() } : {}),
      },
    });
  }
}
