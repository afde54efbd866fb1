// Kubernetes objects in a YAML stream, each with the lines of its `kind:` and its name: what
// manifest classification and the repository scan both read manifests for.

import { MAX_EXPANDED_NODES, parseDocuments } from "../config/yaml-documents.js";
import { record } from "./json-shapes.js";

export const RBAC_KINDS: ReadonlySet<string> = new Set([
  "Role",
  "ClusterRole",
  "RoleBinding",
  "ClusterRoleBinding",
  "ServiceAccount",
]);

export interface ManifestObject {
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
  readonly body: Record<string, unknown>;
  readonly kindLine?: number;
  readonly nameLine?: number;
}

/**
 * The objects of a YAML stream (of the wanted kinds, when given), list documents opened: `List`
 * (what kubectl prints) and typed lists such as `RoleList` or `ServiceAccountList`, whose items
 * may leave out their kind. Undefined when the text is not YAML (a Helm template, say).
 */
export function manifestObjects(
  text: string,
  wanted?: ReadonlySet<string>,
): ManifestObject[] | undefined {
  return readManifest(text, wanted)?.objects;
}

/**
 * The objects of a YAML stream, and what else it holds (documents and list items that are not
 * objects: a kustomization, a bare value), so a change there is not mistaken for none.
 */
export function readManifest(
  text: string,
  wanted?: ReadonlySet<string>,
): { objects: ManifestObject[]; rest: unknown[] } | undefined {
  const parsed = parseDocuments(text, "", { maxExpanded: MAX_EXPANDED_NODES });
  if (!parsed.ok) return undefined;
  const objects: ManifestObject[] = [];
  const rest: unknown[] = [];
  for (const doc of parsed.documents) {
    const d = record(doc.value);
    const listKind = typeof d.kind === "string" ? d.kind : "";
    const isList = listKind.endsWith("List") && Array.isArray(d.items);
    const items: { value: unknown; at: (string | number)[] }[] = isList
      ? (d.items as unknown[]).map((value, i) => ({ value, at: ["items", i] }))
      : [{ value: doc.value, at: [] }];
    // `RoleList` holds Roles; a plain `List` holds anything, each item naming its kind.
    const itemKind = isList && listKind !== "List" ? listKind.slice(0, -"List".length) : "";
    for (const { value, at } of items) {
      const body = record(value);
      const kind = typeof body.kind === "string" && body.kind !== "" ? body.kind : itemKind;
      const metadata = record(body.metadata);
      if (kind === "" || typeof metadata.name !== "string") {
        if (value !== null && value !== undefined) rest.push(value);
        continue;
      }
      if (wanted && !wanted.has(kind)) continue;
      const kindLine = doc.lineOf([...at, "kind"]) ?? doc.lineOf([...at, "metadata"]);
      const nameLine = doc.lineOf([...at, "metadata", "name"]);
      objects.push({
        kind,
        name: metadata.name,
        ...(typeof metadata.namespace === "string" && metadata.namespace !== ""
          ? { namespace: metadata.namespace }
          : {}),
        body,
        ...(kindLine !== undefined ? { kindLine } : {}),
        ...(nameLine !== undefined ? { nameLine } : {}),
      });
    }
  }
  return { objects, rest };
}
