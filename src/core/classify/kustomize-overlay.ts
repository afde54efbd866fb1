// A kustomization evaluated as far as it can be without rendering: the objects of its local
// resources (files, and folders with their own kustomization, recursively), patched where the
// result is sure, and named and namespaced as kustomize emits them. Files are given, not read:
// what is still needed is returned, for the caller to read and ask again.

import { record } from "./json-shapes.js";
import { CLUSTER_SCOPED, objectAddress } from "./kubernetes-address.js";
import { type ManifestObject, readManifest } from "./kubernetes-manifests.js";
import {
  folderOf,
  isRemote,
  KUSTOMIZATION_NAMES,
  type Kustomization,
  type PatchEntry,
  readKustomization,
  resolvePath,
} from "./kustomize-file.js";
import { setImages } from "./kustomize-images.js";
import {
  applyJsonPatch,
  MERGED_KINDS,
  mergePatch,
  readPatch,
  type Selectable,
  selects,
} from "./kustomize-patch.js";

/** A file's text on one side, or why it is not there to read (absent, beyond the bounds …). */
export type SideFile = string | { readonly missing: string };

/** A kustomization with more patches than this is not evaluated (real ones have a few dozen). */
export const MAX_PATCHES = 500;

/** Kustomizations nested deeper than this are not followed. */
export const MAX_KUSTOMIZE_DEPTH = 8;

/** A patch of the evaluated kustomization on one of its objects. */
export interface ObjectPatch {
  /** The file it is written in (a patch file, or the kustomization for an inline one). */
  readonly file: string;
  readonly line?: number;
  /** The patch as it applies to this object, to compare base with head. */
  readonly content: string;
  /** Whether its result is in the body; else why not. */
  readonly applied: true | string;
  /** The fields it sets or removes. */
  readonly fields: readonly string[];
}

export interface OverlayObject {
  readonly kind: string;
  readonly name: string;
  /** Every name it had, as written first and through each layer's prefix and suffix. */
  readonly names: readonly string[];
  readonly namespace?: string;
  readonly body: Record<string, unknown>;
  /** The file it is written in. */
  readonly origin: string;
  readonly nameLine?: number;
  readonly patches: readonly ObjectPatch[];
}

export interface Unresolved {
  readonly reason: string;
  readonly file: string;
  readonly line?: number;
}

export interface Overlay {
  readonly kustomization?: Kustomization;
  readonly objects: ReadonlyMap<string, OverlayObject>;
  /** Files to be read before it can be evaluated whole. */
  readonly needs: readonly string[];
  /** What was not evaluated: remote bases, files not found or beyond the bounds, patches not read. */
  readonly unresolved: readonly Unresolved[];
  /** Every path it looked up (kustomizations, resources, patches): a change to one may change it. */
  readonly reads: readonly string[];
}

interface Working {
  kind: string;
  apiVersion: string;
  names: string[];
  namespace?: string;
  body: Record<string, unknown>;
  origin: string;
  nameLine?: number;
  patches: ObjectPatch[];
}

const MANIFEST = /\.(ya?ml|json)$/;

/** The kustomization at `path` evaluated over the files given (those still needed are said). */
export function evaluateOverlay(path: string, given: ReadonlyMap<string, SideFile>): Overlay {
  const reads = new Set<string>();
  const files = {
    get: (key: string) => {
      reads.add(key);
      return given.get(key);
    },
    has: (key: string) => {
      reads.add(key);
      return given.has(key);
    },
  };
  const needs = new Set<string>();
  const unresolved: Unresolved[] = [];
  let top: Kustomization | undefined;

  const layer = (kPath: string, depth: number, stack: readonly string[]): Working[] => {
    const source = files.get(kPath);
    if (source === undefined) {
      needs.add(kPath);
      return [];
    }
    if (typeof source !== "string") {
      unresolved.push({ file: kPath, reason: `${kPath} ${source.missing}` });
      return [];
    }
    const read = readKustomization(kPath, source);
    if (!read.ok) {
      unresolved.push({ file: kPath, reason: `${kPath} is not read: ${read.reason}` });
      return [];
    }
    const k = read.kustomization;
    if (depth === 0) top = k;
    const folder = folderOf(kPath);
    const objects: Working[] = [];
    const at = (line: number | undefined) => (line === undefined ? {} : { line });
    for (const { entry, line } of k.resources) {
      const where = { file: kPath, ...at(line) };
      if (isRemote(entry)) {
        unresolved.push({ ...where, reason: `the remote resource ${entry} is not fetched` });
        continue;
      }
      const resolved = resolvePath(folder, entry);
      if (resolved === undefined) {
        unresolved.push({ ...where, reason: `the resource ${entry} lies outside the repository` });
        continue;
      }
      if (MANIFEST.test(resolved)) {
        const text = files.get(resolved);
        if (text === undefined) needs.add(resolved);
        else if (typeof text !== "string")
          unresolved.push({ ...where, reason: `the resource ${resolved} ${text.missing}` });
        else {
          const manifest = readManifest(text);
          if (manifest === undefined)
            unresolved.push({ ...where, reason: `the resource ${resolved} does not parse` });
          else objects.push(...manifest.objects.map((o) => working(o, resolved)));
        }
        continue;
      }
      const candidates = KUSTOMIZATION_NAMES.map((n) =>
        resolved === "." ? n : `${resolved}/${n}`,
      );
      const unread = candidates.filter((c) => !files.has(c));
      if (unread.length > 0) {
        for (const c of unread) needs.add(c);
        continue;
      }
      const found = candidates.find((c) => typeof files.get(c) === "string");
      if (found === undefined) {
        const why = candidates
          .map((c) => files.get(c))
          .find(
            (s): s is { missing: string } =>
              typeof s !== "string" && !/not found/.test(s?.missing ?? ""),
          );
        unresolved.push({
          ...where,
          reason: why
            ? `the resource ${resolved}: its kustomization ${why.missing}`
            : `the resource ${resolved} is neither a manifest nor a folder with a kustomization`,
        });
      } else if (stack.includes(found) || depth + 1 > MAX_KUSTOMIZE_DEPTH)
        unresolved.push({
          ...where,
          reason: stack.includes(found)
            ? `the resource ${resolved} includes itself`
            : `the resource ${resolved} is nested more than ${MAX_KUSTOMIZE_DEPTH} kustomizations deep`,
        });
      else objects.push(...layer(found, depth + 1, [...stack, found]));
    }
    if (k.patches.length > MAX_PATCHES)
      unresolved.push({
        file: kPath,
        reason: `${kPath} has ${k.patches.length} patches: more than the ${MAX_PATCHES} evaluated`,
      });
    else for (const patch of k.patches) applyPatch(kPath, folder, patch, objects, depth === 0);
    if (depth > 0) for (const o of objects) setImages(o.body, k.images);
    const renamed = new Map<string, string>();
    for (const o of objects) {
      const was = o.names[o.names.length - 1] as string;
      rename(o, k);
      const now = o.names[o.names.length - 1] as string;
      if (now !== was) renamed.set(`${o.kind}/${was}`, now);
    }
    for (const o of objects)
      if (o.kind.endsWith("Binding")) rebind(o, k, renamed);
      else if (renamed.size > 0) runAs(o, renamed);
    return objects;
  };

  const applyPatch = (
    kPath: string,
    folder: string,
    patch: PatchEntry,
    objects: Working[],
    recorded: boolean,
  ) => {
    const where = { file: kPath, ...(patch.line === undefined ? {} : { line: patch.line }) };
    let text = patch.inline;
    let file = kPath;
    if (patch.path !== undefined) {
      const resolved = resolvePath(folder, patch.path);
      if (resolved === undefined || isRemote(patch.path)) {
        unresolved.push({
          ...where,
          reason: `the patch ${patch.path} lies outside the repository`,
        });
        return;
      }
      const side = files.get(resolved);
      if (side === undefined) {
        needs.add(resolved);
        return;
      }
      if (typeof side !== "string") {
        unresolved.push({ ...where, reason: `the patch ${resolved} ${side.missing}` });
        return;
      }
      text = side;
      file = resolved;
    }
    const body = readPatch(text ?? "");
    if ("error" in body) {
      unresolved.push({
        ...where,
        file,
        reason: `the patch in ${file} is not read: ${body.error}`,
      });
      return;
    }
    const line = patch.path === undefined ? patch.line : body.line;
    const note = (o: Working, content: unknown, applied: true | string, fields: string[]) => {
      if (recorded)
        o.patches.push({
          file,
          ...(line === undefined ? {} : { line }),
          content: JSON.stringify(content),
          applied,
          fields,
        });
    };
    const targetsOf = (
      selector: (o: Working) => boolean | string,
      what: string,
    ): Working[] | undefined => {
      const out: Working[] = [];
      for (const o of objects) {
        const hit = selector(o);
        if (typeof hit === "string") {
          unresolved.push({ ...where, file, reason: `the patch in ${file}: ${hit}` });
          return undefined;
        }
        if (hit) out.push(o);
      }
      if (out.length === 0)
        unresolved.push({
          ...where,
          file,
          reason: `the patch in ${file} targets ${what}, not among the objects read`,
        });
      return out;
    };
    const describe = (t: NonNullable<PatchEntry["target"]>) =>
      Object.entries(t)
        .map(([k, v]) => `${k}=${v}`)
        .join(", ");
    if (body.type === "json6902") {
      if (!patch.target) {
        unresolved.push({ ...where, file, reason: `the JSON 6902 patch in ${file} has no target` });
        return;
      }
      const target = patch.target;
      const fields = body.ops.map((op) => `${String(op.op)} ${String(op.path)}`);
      for (const o of targetsOf((o) => selects(target, selectable(o)), describe(target)) ?? []) {
        const result = applyJsonPatch(o.body, body.ops);
        if (result.ok) {
          o.body = result.value;
          // A patch may remove or set the namespace (argo-cd's HA overlay removes the chart's).
          const namespace = record(o.body.metadata).namespace;
          if (typeof namespace === "string" && namespace !== "") o.namespace = namespace;
          else delete o.namespace;
        }
        note(o, body.ops, result.ok ? true : `it does not apply: ${result.reason}`, fields);
        // Past the bounds, kustomize may well apply it: what it makes is not known here.
        if (!result.ok && result.bound)
          unresolved.push({
            ...where,
            file,
            reason: `the patch in ${file} is not applied to ${o.kind} ${o.names[0] ?? ""}: ${result.reason}`,
          });
      }
      return;
    }
    for (const smp of body.objects) {
      const meta = record(smp.metadata);
      const kind = typeof smp.kind === "string" ? smp.kind : undefined;
      const name = typeof meta.name === "string" ? meta.name : undefined;
      const namespace = typeof meta.namespace === "string" ? meta.namespace : undefined;
      const target = patch.target;
      if (!target && (kind === undefined || name === undefined)) {
        unresolved.push({ ...where, file, reason: `the patch in ${file} names no kind and name` });
        continue;
      }
      const chosen = target
        ? targetsOf((o) => selects(target, selectable(o)), describe(target))
        : targetsOf(
            (o) =>
              o.kind === kind &&
              o.names.includes(name as string) &&
              (namespace === undefined || o.namespace === namespace),
            `${kind} ${name}`,
          );
      const fields = leafFields(smp);
      for (const o of chosen ?? []) {
        // The patch's own kind and name select; what it sets is the rest.
        const { kind: _k, apiVersion: _a, ...rest } = smp;
        const sets = { ...rest, metadata: { ...meta, name: undefined, namespace: undefined } };
        const cleaned = JSON.parse(JSON.stringify(sets)) as Record<string, unknown>;
        if (Object.keys(record(cleaned.metadata)).length === 0) delete cleaned.metadata;
        if (!MERGED_KINDS.has(o.kind)) {
          note(o, cleaned, `a strategic merge on a ${o.kind} is not evaluated`, fields);
          continue;
        }
        const merged = mergePatch(o.body, cleaned);
        if (merged) o.body = merged;
        note(o, cleaned, merged ? true : "it holds strategic-merge directives ($patch …)", fields);
      }
    }
  };

  const final = layer(path, 0, [path]);
  const objects = new Map<string, OverlayObject>();
  if (needs.size === 0) {
    for (const o of final.map(emitted)) {
      const address = objectAddress(o);
      if (objects.has(address)) {
        unresolved.push({ file: path, reason: `${address} is emitted twice` });
        continue;
      }
      objects.set(address, o);
    }
  }
  return {
    ...(top ? { kustomization: top } : {}),
    objects,
    needs: [...needs].sort(),
    unresolved,
    reads: [...reads].sort(),
  };
}

function emitted(o: Working): OverlayObject {
  return {
    kind: o.kind,
    name: o.names[o.names.length - 1] as string,
    names: o.names,
    ...(o.namespace ? { namespace: o.namespace } : {}),
    body: o.body,
    origin: o.origin,
    ...(o.nameLine === undefined ? {} : { nameLine: o.nameLine }),
    patches: o.patches,
  };
}

function working(o: ManifestObject, origin: string): Working {
  return {
    kind: o.kind,
    apiVersion: typeof o.body.apiVersion === "string" ? o.body.apiVersion : "",
    names: [o.name],
    ...(o.namespace ? { namespace: o.namespace } : {}),
    body: o.body,
    origin,
    ...(o.nameLine === undefined ? {} : { nameLine: o.nameLine }),
    patches: [],
  };
}

const selectable = (o: Working): Selectable => {
  const meta = record(o.body.metadata);
  return {
    apiVersion: o.apiVersion,
    kind: o.kind,
    names: o.names,
    ...(o.namespace ? { namespace: o.namespace } : {}),
    labels: record(meta.labels),
    annotations: record(meta.annotations),
  };
};

/** Kustomize's namespace, namePrefix and nameSuffix on one object. */
function rename(o: Working, k: Kustomization): void {
  const meta = { ...record(o.body.metadata) };
  if (k.namespace && !CLUSTER_SCOPED.has(o.kind)) {
    o.namespace = k.namespace;
    meta.namespace = k.namespace;
  }
  // A CustomResourceDefinition's name is its plural and group: kustomize leaves it.
  if ((k.namePrefix || k.nameSuffix) && o.kind !== "CustomResourceDefinition") {
    const name = `${k.namePrefix}${o.names[o.names.length - 1]}${k.nameSuffix}`;
    o.names.push(name);
    meta.name = name;
  }
  o.body = { ...o.body, metadata: meta };
}

/**
 * What kustomize does to a binding beside renaming it: its roleRef and ServiceAccount subjects
 * follow the objects of the build they name, and subjects without a namespace (or in
 * `default`) get the overlay's.
 */
function rebind(o: Working, k: Kustomization, renamed: ReadonlyMap<string, string>): void {
  const ref = record(o.body.roleRef);
  const body: Record<string, unknown> = { ...o.body };
  const refName = renamed.get(`${String(ref.kind)}/${String(ref.name)}`);
  if (refName !== undefined) body.roleRef = { ...ref, name: refName };
  if (Array.isArray(o.body.subjects))
    body.subjects = o.body.subjects.map((subject) => {
      const s = { ...record(subject) };
      if (s.kind !== "ServiceAccount") return subject;
      const name = renamed.get(`ServiceAccount/${String(s.name)}`);
      if (name !== undefined) s.name = name;
      if (k.namespace && (s.namespace === undefined || s.namespace === "default"))
        s.namespace = k.namespace;
      return s;
    });
  o.body = body;
}

/** A workload's pods run as the service account of the build under its new name. */
function runAs(o: Working, renamed: ReadonlyMap<string, string>): void {
  const rename = (pod: Record<string, unknown>) => {
    for (const key of ["serviceAccountName", "serviceAccount"]) {
      const name = renamed.get(`ServiceAccount/${String(pod[key])}`);
      if (typeof pod[key] === "string" && name !== undefined) pod[key] = name;
    }
  };
  const spec = record(o.body.spec);
  if (Object.keys(spec).length === 0) return;
  const copy = JSON.parse(JSON.stringify(o.body)) as Record<string, unknown>;
  const s = record(copy.spec);
  rename(s);
  rename(record(record(s.template).spec));
  rename(record(record(record(record(s.jobTemplate).spec).template).spec));
  o.body = copy;
}

/** The leaf fields a strategic-merge patch sets, its kind and name aside. */
function leafFields(patch: Record<string, unknown>): string[] {
  const out: string[] = [];
  const walk = (v: unknown, path: string) => {
    if (out.length > 50) return;
    if (v !== null && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length > 0) {
      for (const [key, child] of Object.entries(v)) walk(child, path ? `${path}.${key}` : key);
    } else out.push(path);
  };
  const { kind: _k, apiVersion: _a, ...rest } = patch;
  const meta = { ...record(rest.metadata) };
  delete meta.name;
  delete meta.namespace;
  walk(
    { ...rest, ...(Object.keys(meta).length > 0 ? { metadata: meta } : { metadata: undefined }) },
    "",
  );
  return out.filter((f) => f !== "metadata");
}
