// A kustomization's objects at base and head, compared under the names kustomize emits them by:
// objects that come and go (resources, namespace, prefix), patches (applied where sure, else
// said), image overrides on the workloads that run the image, and fields not evaluated
// (generators, components …) as `unknown` with the hint to give the rendered manifests.

import { compareClasses } from "../classes.js";
import type { ChangeClass } from "../model.js";
import type { Evidence, ResourceChange, ResourceFacts } from "./evidence.js";
import { compareObject, factsOf } from "./kubernetes-rbac.js";
import { folderOf, type ImageEntry, type Kustomization } from "./kustomize-file.js";
import { containerImages, imageName } from "./kustomize-images.js";
import type { Overlay, OverlayObject, Unresolved } from "./kustomize-overlay.js";
import { MERGED_KINDS } from "./kustomize-patch.js";

/** One object's (or file's) changes as they are gathered; facts for contracts where compared. */
interface Entry {
  type: string;
  system: "kubernetes" | "file";
  classes: Set<ChangeClass>;
  evidence: Evidence[];
  before?: ResourceFacts;
  after?: ResourceFacts;
}

export const RENDER_HINT = "give the rendered manifests (check --rendered-base/--rendered-head)";

/**
 * The changes of the kustomization at `path` between its two evaluations (undefined where it
 * does not exist). Changes that cannot be placed on an object are `file` changes of the file
 * their evidence names.
 */
export function compareOverlays(
  path: string,
  base: Overlay | undefined,
  head: Overlay | undefined,
): ResourceChange[] {
  const out = new Map<string, Entry>();
  const note = (
    system: "kubernetes" | "file",
    address: string,
    type: string,
    cls: ChangeClass,
    evidence: Omit<Evidence, "address">,
  ): Entry => {
    const key = `${system}\u0000${address}`;
    const entry = out.get(key) ?? { type, system, classes: new Set<ChangeClass>(), evidence: [] };
    out.set(key, entry);
    entry.classes.add(cls);
    entry.evidence.push(system === "kubernetes" ? { address, ...evidence } : evidence);
    return entry;
  };
  const fileUnknown = (where: { file: string; line?: number }, detail: string) =>
    note("file", where.file, "file", "unknown", { ...where, detail });
  // A side whose kustomization does not read says nothing of its objects: not that they are gone.
  if ((base && !base.kustomization) || (head && !head.kustomization)) {
    for (const u of unresolvedOf(base, head))
      fileUnknown(
        { file: u.file, ...(u.line === undefined ? {} : { line: u.line }) },
        `${u.reason}: ${RENDER_HINT}`,
      );
    return finish(out);
  }
  const was = base?.objects ?? new Map<string, OverlayObject>();
  const now = head?.objects ?? new Map<string, OverlayObject>();
  const kBase = base?.kustomization;
  const kHead = head?.kustomization;
  const at = (k: Kustomization | undefined, field: string) => {
    const line = k?.lineOf([field]);
    return { file: path, ...(line === undefined ? {} : { line }) };
  };
  const overlay = folderOf(path);

  // Objects that come or go: a resource added or removed, or a new namespace, prefix or suffix.
  const renamed = (["namespace", "namePrefix", "nameSuffix"] as const).filter(
    (f) => (kBase?.[f] ?? "") !== (kHead?.[f] ?? ""),
  );
  const because = (k: Kustomization | undefined) =>
    renamed.length > 0 && kBase && kHead
      ? ` (${renamed.map((f) => `${f} ${JSON.stringify(kBase[f] ?? "")} → ${JSON.stringify(kHead[f] ?? "")}`).join(", ")})`
      : k
        ? ""
        : ` (the kustomization is ${k === kBase ? "added" : "deleted"})`;
  for (const [address, o] of was)
    if (!now.has(address))
      note("kubernetes", address, o.kind, "deleted", {
        ...at(kHead ?? kBase, renamed[0] ?? "resources"),
        detail: `${o.kind} ${o.name} is no longer emitted by the overlay ${overlay}${because(kHead)}`,
      }).before = factsOf(o);
  for (const [address, o] of now)
    if (!was.has(address))
      note("kubernetes", address, o.kind, "added", {
        ...at(kHead, renamed[0] ?? "resources"),
        detail: `${o.kind} ${o.name} is now emitted by the overlay ${overlay}${because(kBase)}`,
      }).after = factsOf(o);

  // Objects on both sides: compared as patched; patches not applied are said.
  for (const [address, after] of now) {
    const before = was.get(address);
    if (!before) continue;
    const changedPatches = differing(before, after);
    const where: { file: string; line?: number } = changedPatches[0] ?? { file: path };
    const place = { file: where.file, ...(where.line === undefined ? {} : { line: where.line }) };
    const unapplied = changedPatches.filter((p) => p.applied !== true);
    // An RBAC object a changed patch could not be applied to is not what its body says.
    const unsure = MERGED_KINDS.has(after.kind) && unapplied.length > 0;
    const compared = unsure
      ? undefined
      : compareObject(
          {
            kind: before.kind,
            name: before.name,
            ...(before.namespace ? { namespace: before.namespace } : {}),
            body: before.body,
          },
          {
            kind: after.kind,
            name: after.name,
            ...(after.namespace ? { namespace: after.namespace } : {}),
            body: after.body,
          },
          { path: place.file },
        );
    if (compared) {
      const entry = out.get(`kubernetes\u0000${address}`) ?? {
        type: after.kind,
        system: "kubernetes" as const,
        classes: new Set<ChangeClass>(),
        evidence: [],
      };
      out.set(`kubernetes\u0000${address}`, entry);
      for (const cls of compared.classes) entry.classes.add(cls);
      entry.evidence.push(...compared.evidence.map((e) => ({ ...e, ...place })));
      if (compared.before) entry.before = compared.before;
      if (compared.after) entry.after = compared.after;
    }
    for (const p of unapplied) {
      const pw = { file: p.file, ...(p.line === undefined ? {} : { line: p.line }) };
      if (MERGED_KINDS.has(after.kind))
        note("kubernetes", address, after.kind, "unknown", {
          ...pw,
          detail: `the patch in ${p.file} changes ${after.kind} ${after.name}, but ${p.applied}: render to judge it, ${RENDER_HINT}`,
        });
      else
        note("kubernetes", address, after.kind, "modified", {
          ...pw,
          detail: `the patch in ${p.file} changes: ${p.fields.slice(0, 5).join(", ") || "its contents"}${p.fields.length > 5 ? ` and ${p.fields.length - 5} more` : ""}`,
        });
    }
  }

  // Image overrides: the workloads that run the image are modified.
  const imagesBase = byName(kBase?.images ?? []);
  const imagesHead = byName(kHead?.images ?? []);
  for (const name of new Set([...imagesBase.keys(), ...imagesHead.keys()])) {
    const b = imagesBase.get(name);
    const h = imagesHead.get(name);
    if (b && h && shown(b) === shown(h)) continue;
    const line = h?.line ?? b?.line;
    const where = { file: path, ...(line === undefined ? {} : { line }) };
    // Where it is written goes with the evidence's file and line.
    const detail = `image ${name}: ${describeImage(b)} → ${describeImage(h)}`;
    let users = 0;
    for (const [address, o] of new Map([...was, ...now]))
      if (containerImages(o.body).some(({ image }) => imageName(image) === name)) {
        users++;
        note("kubernetes", address, o.kind, "modified", { ...where, detail });
      }
    const missing = unresolvedOf(base, head);
    if (users === 0 && missing.length > 0)
      fileUnknown(
        where,
        `${detail}: no workload read runs it, and some of the overlay was not read (${reasons(missing)}): ${RENDER_HINT}`,
      );
  }

  // Replica counts: the workload of that name (as the layers below name it) is modified.
  const countsBase = new Map((kBase?.replicas ?? []).map((r) => [r.name, r] as const));
  const countsHead = new Map((kHead?.replicas ?? []).map((r) => [r.name, r] as const));
  for (const name of new Set([...countsBase.keys(), ...countsHead.keys()])) {
    const b = countsBase.get(name);
    const h = countsHead.get(name);
    if (JSON.stringify(b?.count) === JSON.stringify(h?.count)) continue;
    const line = h?.line ?? b?.line;
    const where = { file: path, ...(line === undefined ? {} : { line }) };
    const detail = `replicas of ${name}: ${b ? String(b.count) : "as written"} → ${h ? String(h.count) : "as written"}`;
    let found = false;
    for (const [address, o] of new Map([...was, ...now]))
      if (o.names.includes(name) && scales(o)) {
        found = true;
        note("kubernetes", address, o.kind, "modified", { ...where, detail });
      }
    if (!found) fileUnknown(where, `${detail}: no object read has that name; ${RENDER_HINT}`);
  }

  // Fields not evaluated: whatever they do, they do it to the overlay's objects.
  const fields = new Set([...(kBase?.other.keys() ?? []), ...(kHead?.other.keys() ?? [])]);
  for (const field of [...fields].sort()) {
    if (JSON.stringify(kBase?.other.get(field)) === JSON.stringify(kHead?.other.get(field)))
      continue;
    // An overlay added or deleted whole is said by its objects coming or going.
    if (!kBase || !kHead) continue;
    const where = at(kHead, field);
    const detail = `${field} changes in ${path}: not evaluated, ${RENDER_HINT}`;
    const all = new Map([...was, ...now]);
    if (all.size === 0) fileUnknown(where, detail);
    for (const [address, o] of all)
      note("kubernetes", address, o.kind, "unknown", { ...where, detail });
  }

  // What was not read on either side: its objects, and what this change does to them, are not known.
  for (const u of unresolvedOf(base, head))
    fileUnknown(
      { file: u.file, ...(u.line === undefined ? {} : { line: u.line }) },
      `${u.reason}: what it holds and what this change does to it are not judged; ${RENDER_HINT}`,
    );

  return finish(out);
}

function finish(out: ReadonlyMap<string, Entry>): ResourceChange[] {
  return [...out.entries()]
    .map(([key, e]) => ({
      system: e.system,
      address: key.slice(key.indexOf("\u0000") + 1),
      type: e.type,
      classes: [...e.classes].sort(compareClasses),
      evidence: dedupe(e.evidence),
      ...factsOfEntry(e),
    }))
    .sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
}

/**
 * A Role or ClusterRole something was not evaluated on (a patch not applied, a generator, a
 * layer not read) has rules no one read: its grants are unknown, whatever was compared.
 */
function factsOfEntry(e: Entry): Pick<ResourceChange, "before" | "after"> {
  const unsure =
    (e.type === "Role" || e.type === "ClusterRole") && e.classes.has("unknown")
      ? e.evidence.find((ev) => ev.detail.includes(RENDER_HINT))?.detail
      : undefined;
  const side = (facts: ResourceFacts | undefined): ResourceFacts | undefined =>
    facts && unsure !== undefined
      ? { exists: facts.exists, policies: facts.policies, grantsUnknown: unsure }
      : facts;
  const before = side(e.before);
  const after = side(e.after);
  if (unsure !== undefined && !before && !after)
    return { after: { exists: true, policies: [], grantsUnknown: unsure } };
  return { ...(before ? { before } : {}), ...(after ? { after } : {}) };
}

/** The top layer's patches on an object that are not the same at base and head. */
function differing(before: OverlayObject, after: OverlayObject) {
  const key = (p: OverlayObject["patches"][number]) =>
    `${p.file}\u0000${p.content}\u0000${p.applied}`;
  const was = new Set(before.patches.map(key));
  const now = new Set(after.patches.map(key));
  return [
    ...after.patches.filter((p) => !was.has(key(p))),
    ...before.patches.filter((p) => !now.has(key(p))),
  ];
}

/** Objects kustomize's replicas field sets a count on (not the Service of the same name). */
const scales = (o: OverlayObject) =>
  ["Deployment", "StatefulSet", "ReplicaSet", "ReplicationController"].includes(o.kind) ||
  (typeof o.body.spec === "object" && o.body.spec !== null && "replicas" in o.body.spec);

/** What either side did not read, each reason once. */
function unresolvedOf(base: Overlay | undefined, head: Overlay | undefined): Unresolved[] {
  const out = new Map<string, Unresolved>();
  for (const u of [...(base?.unresolved ?? []), ...(head?.unresolved ?? [])])
    if (!out.has(u.reason)) out.set(u.reason, u);
  return [...out.values()];
}

const byName = (images: readonly ImageEntry[]) => new Map(images.map((i) => [i.name, i] as const));

const shown = (i: ImageEntry) => JSON.stringify([i.newName, i.newTag, i.digest]);

function describeImage(i: ImageEntry | undefined): string {
  if (!i) return "as written";
  const name = i.newName ?? "";
  const tag = i.newTag === undefined ? "" : i.newTag;
  const parts = `${name}${name && tag ? ":" : ""}${tag}${i.digest ? `@${i.digest}` : ""}`;
  return parts === "" ? "as written" : parts;
}

const reasons = (list: readonly Unresolved[]) =>
  list
    .slice(0, 3)
    .map((u) => u.reason)
    .join("; ") + (list.length > 3 ? `; and ${list.length - 3} more` : "");

function dedupe(evidence: readonly Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence.filter((e) => {
    const key = `${e.address}\u0000${e.file}\u0000${e.line}\u0000${e.detail}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
