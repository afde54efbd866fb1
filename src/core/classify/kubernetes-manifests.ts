// Kubernetes objects in a YAML stream, each with the lines of its `kind:` and its name: what
// RBAC classification and the repository scan both read manifests for.

import { parseDocuments } from "../config/yaml-documents.js";
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
 * The objects of the wanted kinds, `kind: List` (what kubectl prints) opened; undefined when
 * the text is not YAML (a Helm template, say).
 */
export function manifestObjects(
  text: string,
  wanted: ReadonlySet<string>,
): ManifestObject[] | undefined {
  const parsed = parseDocuments(text, "");
  if (!parsed.ok) return undefined;
  const objects: ManifestObject[] = [];
  for (const doc of parsed.documents) {
    const d = record(doc.value);
    const items: { value: unknown; at: (string | number)[] }[] =
      d.kind === "List" && Array.isArray(d.items)
        ? d.items.map((value: unknown, i: number) => ({ value, at: ["items", i] }))
        : [{ value: doc.value, at: [] }];
    for (const { value, at } of items) {
      const body = record(value);
      const kind = typeof body.kind === "string" ? body.kind : "";
      const metadata = record(body.metadata);
      if (!wanted.has(kind) || typeof metadata.name !== "string") continue;
      const kindLine = doc.lineOf([...at, "kind"]);
      const nameLine = doc.lineOf([...at, "metadata", "name"]);
      objects.push({
        kind,
        name: metadata.name,
        ...(typeof metadata.namespace === "string" ? { namespace: metadata.namespace } : {}),
        body,
        ...(kindLine !== undefined ? { kindLine } : {}),
        ...(nameLine !== undefined ? { nameLine } : {}),
      });
    }
  }
  return objects;
}
