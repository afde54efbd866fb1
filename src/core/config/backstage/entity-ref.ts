// Backstage entity references: `[kind:][namespace/]name`, compared case-insensitively, with
// the kind and namespace a field implies when they are left out (owner -> group, default).

export interface EntityRef {
  /** Lower case. */
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}

const DEFAULT_NAMESPACE = "default";

/** A ref as written, or undefined when it is not one (empty, or no kind and none implied). */
export function parseEntityRef(
  written: unknown,
  defaults: { readonly kind?: string; readonly namespace?: string } = {},
): EntityRef | undefined {
  if (typeof written !== "string") return undefined;
  const text = written.trim();
  if (text === "") return undefined;
  const colon = text.indexOf(":");
  const kind = colon > 0 ? text.slice(0, colon) : defaults.kind;
  const rest = colon > 0 ? text.slice(colon + 1) : text;
  const slash = rest.indexOf("/");
  const namespace = slash > 0 ? rest.slice(0, slash) : (defaults.namespace ?? DEFAULT_NAMESPACE);
  const name = slash > 0 ? rest.slice(slash + 1) : rest;
  if (!kind || !name || name.includes("/") || name.includes(":")) return undefined;
  return { kind: kind.toLowerCase(), namespace: namespace.toLowerCase(), name };
}

/** The full form, lower case: what two refs are compared by. */
export function refKey(ref: EntityRef): string {
  return `${ref.kind}:${ref.namespace}/${ref.name.toLowerCase()}`;
}

/**
 * The node (or owner) id of an entity: `kind:name` in the default namespace, else
 * `kind:namespace/name`, in lower case: how Backstage shows a ref, and stable in deps.yaml.
 */
export function entityId(ref: EntityRef): string {
  const name = ref.name.toLowerCase();
  return ref.namespace === DEFAULT_NAMESPACE
    ? `${ref.kind}:${name}`
    : `${ref.kind}:${ref.namespace}/${name}`;
}
