// Which fields of a Kubernetes object differ between base and head, said briefly:
// "spec.template.spec.containers[0].image and metadata.labels change".

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/**
 * Maps whose keys are data, not fields (labels and annotations wherever they are: an object's
 * own, its pod template's, a custom resource's podMetadata): a change inside is a change to
 * the map.
 */
const COLLAPSED = /(^|\.)(labels|annotations|data|stringData|binaryData)$/;
const SHOWN = 3;

const isMap = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const join = (path: string, key: string) =>
  IDENTIFIER.test(key) ? (path === "" ? key : `${path}.${key}`) : `${path}[${JSON.stringify(key)}]`;

/** The paths of the fields that differ, in document order, at most `limit` + 1 of them. */
export function changedFields(was: unknown, now: unknown, limit = 50): string[] {
  const out: string[] = [];
  const walk = (a: unknown, b: unknown, path: string) => {
    if (out.length > limit) return;
    if (
      COLLAPSED.test(path) ||
      (!isMap(a) && !Array.isArray(a)) ||
      (!isMap(b) && !Array.isArray(b))
    ) {
      if (JSON.stringify(a) !== JSON.stringify(b)) out.push(path);
      return;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) {
        if (JSON.stringify(a) !== JSON.stringify(b)) out.push(path);
        return;
      }
      for (let i = 0; i < a.length; i++) walk(a[i], b[i], `${path}[${i}]`);
      return;
    }
    if (isMap(a) && isMap(b)) {
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
        walk(a[key], b[key], join(path, key));
      return;
    }
    out.push(path);
  };
  walk(was, now, "");
  return out;
}

/** "x changes", "x and y change", "x, y, z and 4 other fields change". */
export function describeFields(all: readonly string[]): string {
  if (all.length === 0) return "nothing changes";
  // Labels and annotations change with every release: what else changed is said first.
  const bookkeeping = (f: string) => /(labels|annotations)$/.test(f);
  const fields = [...all.filter((f) => !bookkeeping(f)), ...all.filter(bookkeeping)];
  const plural = fields.length > 1 || /(labels|annotations|Data|data)$/.test(fields[0] as string);
  const verb = plural ? "change" : "changes";
  if (fields.length <= SHOWN) {
    const list =
      fields.length === 1
        ? (fields[0] as string)
        : `${fields.slice(0, -1).join(", ")} and ${fields[fields.length - 1]}`;
    return `${list} ${verb}`;
  }
  const rest = fields.length - SHOWN;
  const others = rest >= 50 ? "many other fields" : `${rest} other field${rest === 1 ? "" : "s"}`;
  return `${fields.slice(0, SHOWN).join(", ")} and ${others} ${verb}`;
}
