// A kustomization file (`kustomization.yaml`, `kustomization.yml`, `Kustomization`) read for what
// blastradius evaluates of it: where its objects come from, how it renames them, its patches and
// its image overrides. Every other field is kept whole, to be compared as a value.

import { MAX_EXPANDED_NODES, parseDocuments } from "../config/yaml-documents.js";
import { list, record } from "./json-shapes.js";

const NAMES = ["kustomization.yaml", "kustomization.yml", "Kustomization"] as const;
export const KUSTOMIZATION_NAMES: readonly string[] = NAMES;

export const isKustomizationPath = (path: string): boolean =>
  (NAMES as readonly string[]).includes(path.slice(path.lastIndexOf("/") + 1));

/** An entry of `resources` (or the deprecated `bases`), as written, with its line. */
export interface ResourceEntry {
  readonly entry: string;
  readonly line?: number;
}

/** Kustomize's patch target selector. */
export interface PatchTarget {
  readonly group?: string;
  readonly version?: string;
  readonly kind?: string;
  readonly name?: string;
  readonly namespace?: string;
  readonly labelSelector?: string;
  readonly annotationSelector?: string;
}

/** One patch: its text inline, or the file that holds it (relative to the kustomization). */
export interface PatchEntry {
  /** The field it is written in. */
  readonly field: "patches" | "patchesStrategicMerge" | "patchesJson6902";
  readonly path?: string;
  readonly inline?: string;
  readonly target?: PatchTarget;
  readonly line?: number;
}

/** An entry of `images`: containers whose image is `name` get the new name, tag or digest. */
export interface ImageEntry {
  readonly name: string;
  readonly newName?: string;
  readonly newTag?: string;
  readonly digest?: string;
  readonly line?: number;
}

export interface Kustomization {
  readonly namespace?: string;
  readonly namePrefix: string;
  readonly nameSuffix: string;
  readonly resources: readonly ResourceEntry[];
  readonly patches: readonly PatchEntry[];
  readonly images: readonly ImageEntry[];
  /** `replicas`: the count kustomize sets on the workload of that name. */
  readonly replicas: readonly {
    readonly name: string;
    readonly count: unknown;
    readonly line?: number;
  }[];
  /** Fields not evaluated (generators, components, replacements, labels …), by name, as written. */
  readonly other: ReadonlyMap<string, unknown>;
  readonly lineOf: (path: readonly (string | number)[]) => number | undefined;
}

/** Fields that say what the file is, or change nothing of the objects: not compared. */
const INERT = new Set(["apiVersion", "kind", "metadata", "sortOptions", "buildMetadata"]);
const READ = new Set([
  "resources",
  "bases",
  "namespace",
  "namePrefix",
  "nameSuffix",
  "patches",
  "patchesStrategicMerge",
  "patchesJson6902",
  "images",
  "replicas",
]);

const text = (v: unknown): string | undefined =>
  typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined;

/** A kustomization's fields, or why it cannot be read. */
export function readKustomization(
  path: string,
  source: string,
): { ok: true; kustomization: Kustomization } | { ok: false; reason: string } {
  const parsed = parseDocuments(source, path, { maxExpanded: MAX_EXPANDED_NODES });
  if (!parsed.ok)
    return { ok: false, reason: `it does not parse as YAML: ${parsed.diagnostic.message}` };
  const doc = parsed.documents[0];
  if (parsed.documents.length > 1)
    return { ok: false, reason: "it holds more than one YAML document" };
  const body = record(doc?.value);
  const lineOf = doc ? (p: readonly (string | number)[]) => doc.lineOf(p) : () => undefined;
  const at = (p: readonly (string | number)[]) => {
    const line = lineOf(p);
    return line === undefined ? {} : { line };
  };
  const resources: ResourceEntry[] = [];
  for (const field of ["resources", "bases"] as const)
    for (const [i, entry] of list(body[field]).entries()) {
      const written = text(entry);
      if (written === undefined)
        return { ok: false, reason: `${field}[${i}] is not a path or URL` };
      resources.push({ entry: written, ...at([field, i]) });
    }
  const patches: PatchEntry[] = [];
  for (const [i, entry] of list(body.patchesStrategicMerge).entries()) {
    const written = text(entry);
    if (written === undefined)
      return { ok: false, reason: `patchesStrategicMerge[${i}] is not a path or a patch` };
    // Kustomize takes a string that names no file as the patch itself.
    const inline = written.includes("\n") || /^\s*(apiVersion|kind)\s*:/.test(written);
    patches.push({
      field: "patchesStrategicMerge",
      ...(inline ? { inline: written } : { path: written }),
      ...at(["patchesStrategicMerge", i]),
    });
  }
  for (const field of ["patches", "patchesJson6902"] as const)
    for (const [i, entry] of list(body[field]).entries()) {
      const e = record(entry);
      const path = text(e.path);
      const inline = text(e.patch);
      if ((path === undefined) === (inline === undefined))
        return { ok: false, reason: `${field}[${i}] needs one of path or patch` };
      const t = record(e.target);
      const target: Record<string, string> = {};
      for (const key of [
        "group",
        "version",
        "kind",
        "name",
        "namespace",
        "labelSelector",
        "annotationSelector",
      ])
        if (text(t[key]) !== undefined) target[key] = text(t[key]) as string;
      patches.push({
        field,
        ...(path !== undefined ? { path } : { inline: inline as string }),
        ...(Object.keys(target).length > 0 ? { target } : {}),
        ...at([field, i]),
      });
    }
  const images: ImageEntry[] = [];
  for (const [i, entry] of list(body.images).entries()) {
    const e = record(entry);
    const name = text(e.name);
    if (name === undefined) return { ok: false, reason: `images[${i}] has no name` };
    const newName = text(e.newName);
    const newTag = text(e.newTag);
    const digest = text(e.digest);
    images.push({
      name,
      ...(newName !== undefined ? { newName } : {}),
      ...(newTag !== undefined ? { newTag } : {}),
      ...(digest !== undefined ? { digest } : {}),
      ...at(["images", i]),
    });
  }
  const replicas: { name: string; count: unknown; line?: number }[] = [];
  for (const [i, entry] of list(body.replicas).entries()) {
    const e = record(entry);
    const name = text(e.name);
    if (name === undefined) return { ok: false, reason: `replicas[${i}] has no name` };
    replicas.push({ name, count: e.count, ...at(["replicas", i]) });
  }
  const other = new Map<string, unknown>();
  for (const [key, value] of Object.entries(body))
    if (!INERT.has(key) && !READ.has(key)) other.set(key, value);
  const namespace = text(body.namespace);
  return {
    ok: true,
    kustomization: {
      ...(namespace ? { namespace } : {}),
      namePrefix: text(body.namePrefix) ?? "",
      nameSuffix: text(body.nameSuffix) ?? "",
      resources,
      patches,
      images,
      replicas,
      other,
      lineOf,
    },
  };
}

/** A resource kustomize fetches from elsewhere (git, http): never fetched here. */
export const isRemote = (entry: string): boolean =>
  /^[a-z][a-z0-9+.-]*:\/\//i.test(entry) ||
  /^git@/.test(entry) ||
  /^(github\.com|gitlab\.com|bitbucket\.org)\//.test(entry) ||
  /\?(ref|version|timeout|submodules)=/.test(entry) ||
  entry.includes("//") ||
  /\.git(\/|$)/.test(entry);

/**
 * A path relative to a folder of the repository, normalised; undefined when it leaves the
 * repository (more `..` than folders) or is absolute.
 */
export function resolvePath(folder: string, relative: string): string | undefined {
  if (relative.startsWith("/")) return undefined;
  const parts = folder === "." || folder === "" ? [] : folder.split("/");
  for (const part of relative.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.length === 0 ? "." : parts.join("/");
}

export const folderOf = (path: string): string =>
  path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : ".";

/** The paths of the patch files a kustomization names, resolved from its folder. */
export function patchFilesOf(path: string, k: Kustomization): string[] {
  const folder = folderOf(path);
  return k.patches.flatMap((p) => {
    const resolved = p.path === undefined ? undefined : resolvePath(folder, p.path);
    return resolved === undefined ? [] : [resolved];
  });
}
