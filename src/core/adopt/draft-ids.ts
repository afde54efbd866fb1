// Node ids for a drafted graph: short where the name says enough, qualified where it does not,
// and the same whatever order the files were read in (ids end up in other files' depends_on
// and in people's heads; numbering them by discovery order would shuffle them on every run).

export interface IdRequest {
  readonly kind: string;
  readonly name: string;
  /**
   * What tells apart two things of one kind and name, coarsest first (a module folder, then a
   * Terraform type): each collision adds the next one, as a path segment before the name.
   */
  readonly scopes: readonly string[];
}

/** A name made safe for an id: letters, digits, `.`, `-`; anything else becomes `-`. */
export const slug = (name: string): string =>
  name
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/_/g, "-")
    .replace(/^-+|-+$/g, "") || "unnamed";

/**
 * A folder as id segments, written as it is (`modules/_user_data`) but for characters an id
 * cannot hold; the repository's root is `.`.
 */
export const folderScope = (dir: string): string =>
  dir === ""
    ? "."
    : dir
        .split("/")
        .map((part) => part.replace(/[^A-Za-z0-9._-]+/g, "-"))
        .join("/");

/**
 * `<kind>/<name>` when no other request has that kind and name; else `<kind>/<scope…>/<name>`
 * with as few scopes as make it unique. Requests that stay equal after every scope get the
 * same id: the caller must not ask twice for one thing.
 */
export function assignIds(requests: readonly IdRequest[]): string[] {
  const level = requests.map(() => 0);
  const idAt = (request: IdRequest, depth: number) =>
    [request.kind, ...request.scopes.slice(0, depth), slug(request.name)].join("/");
  for (;;) {
    const ids = requests.map((request, i) => idAt(request, level[i] as number));
    const count = new Map<string, number>();
    for (const id of ids) count.set(id, (count.get(id) ?? 0) + 1);
    let deepened = false;
    for (const [i, request] of requests.entries()) {
      if ((count.get(ids[i] as string) ?? 0) < 2) continue;
      if ((level[i] as number) >= request.scopes.length) continue;
      level[i] = (level[i] as number) + 1;
      deepened = true;
    }
    if (!deepened) return ids;
  }
}
