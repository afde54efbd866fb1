// What `init` learns from a repository's kustomizations: the patch files they name (which are not
// objects of their own, so they are not drafted as such), and the objects of each overlay that no
// other kustomization includes, as kustomize emits them, so that their nodes match the deployed
// objects (`RoleBinding/payments/app-deployer`, not the base's `RoleBinding/app-deployer`).

import type { K8sSubject, ScannedObject } from "../adopt/repo-scan.js";
import { record } from "./json-shapes.js";
import { RBAC_KINDS } from "./kubernetes-manifests.js";
import {
  folderOf,
  isKustomizationPath,
  isRemote,
  patchFilesOf,
  readKustomization,
  resolvePath,
} from "./kustomize-file.js";
import { evaluateOverlay, MAX_KUSTOMIZE_DEPTH, type SideFile } from "./kustomize-overlay.js";

/** Kustomizations evaluated by a scan, at most (the rest are only read for their patches). */
export const MAX_SCANNED_OVERLAYS = 200;
/** Files read to evaluate one overlay, at most. */
const MAX_OVERLAY_FILES = 80;

export interface KustomizeScan {
  /** Files a kustomization names as a patch. */
  readonly patchFiles: ReadonlySet<string>;
  /** The objects the top overlays emit: one occurrence in the kustomization, one in each patch file that changes it. */
  readonly objects: readonly ScannedObject[];
}

/**
 * `read` gives a file of the repository (undefined when it is not there or not read); the
 * kustomizations are those of the repository's files.
 */
export function scanKustomizations(
  kustomizations: readonly string[],
  read: (path: string) => string | undefined,
): KustomizeScan {
  const patchFiles = new Set<string>();
  const included = new Set<string>();
  const texts = new Map<string, string>();
  for (const path of kustomizations) {
    const text = read(path);
    if (text === undefined) continue;
    const parsed = readKustomization(path, text);
    if (!parsed.ok) continue;
    texts.set(path, text);
    for (const p of patchFilesOf(path, parsed.kustomization)) patchFiles.add(p);
    // A folder another kustomization includes is a base: its objects are emitted by that one.
    for (const { entry } of parsed.kustomization.resources) {
      if (isRemote(entry)) continue;
      const resolved = resolvePath(folderOf(path), entry);
      if (resolved !== undefined) included.add(resolved);
    }
  }
  const objects: ScannedObject[] = [];
  const tops = [...texts.keys()].filter((path) => !included.has(folderOf(path)));
  for (const path of tops.slice(0, MAX_SCANNED_OVERLAYS)) {
    const side = new Map<string, SideFile>([[path, texts.get(path) as string]]);
    let overlay = evaluateOverlay(path, side);
    for (let round = 0; round <= MAX_KUSTOMIZE_DEPTH + 2 && overlay.needs.length > 0; round++) {
      for (const need of overlay.needs) {
        const text = side.size < MAX_OVERLAY_FILES ? read(need) : undefined;
        side.set(need, text ?? { missing: "is not read" });
      }
      overlay = evaluateOverlay(path, side);
    }
    // The layers' kustomizations and patches change every object of the overlay; the file an
    // object is written in (a base's) changes that object: its node matches them all.
    const layers = overlay.reads.filter(
      (p) => typeof side.get(p) === "string" && (isKustomizationPath(p) || patchFiles.has(p)),
    );
    for (const o of overlay.objects.values()) {
      const files = [...new Set([path, ...o.patches.map((p) => p.file), ...layers, o.origin])];
      for (const file of files) {
        const scanned = scannedObject(file, o.kind, o.name, o.namespace, o.body);
        if (scanned) objects.push(scanned);
      }
    }
  }
  return { patchFiles, objects };
}

/** As the repository scan reads a manifest's object: RBAC objects, and workloads with their service account. */
function scannedObject(
  file: string,
  kind: string,
  name: string,
  namespace: string | undefined,
  body: Record<string, unknown>,
): ScannedObject | undefined {
  const base = { kind, name, file, ...(namespace ? { namespace } : {}) };
  if (kind === "RoleBinding" || kind === "ClusterRoleBinding") {
    const ref = record(body.roleRef);
    const subjects: K8sSubject[] = (Array.isArray(body.subjects) ? body.subjects : []).flatMap(
      (s) => {
        const subject = record(s);
        return typeof subject.name === "string"
          ? [
              {
                kind: String(subject.kind ?? ""),
                name: subject.name,
                ...(typeof subject.namespace === "string" ? { namespace: subject.namespace } : {}),
              },
            ]
          : [];
      },
    );
    return {
      ...base,
      ...(typeof ref.name === "string"
        ? { roleRef: { kind: String(ref.kind ?? "Role"), name: ref.name } }
        : {}),
      subjects,
    };
  }
  if (RBAC_KINDS.has(kind)) return base;
  const spec = record(body.spec);
  for (const pod of [
    spec,
    record(record(spec.template).spec),
    record(record(record(record(spec.jobTemplate).spec).template).spec),
  ]) {
    const account = pod.serviceAccountName ?? pod.serviceAccount;
    if (typeof account === "string" && account !== "") return { ...base, serviceAccount: account };
  }
  return undefined;
}
