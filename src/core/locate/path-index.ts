// Changed file paths -> the nodes whose match rules cover them. Built once per graph:
// literal paths in a map, globs bucketed by their static directory prefix and, within
// that, by the file extension they require, so a file is tested against few globs.

import picomatch from "picomatch";
import type { GraphNode, PathRule } from "../model.js";

export interface PathHit {
  readonly node: string;
  readonly rule: PathRule;
}

interface GlobEntry {
  readonly node: string;
  readonly rule: PathRule;
  readonly test: (path: string) => boolean;
}

interface Bucket {
  /** Globs that can only match files with this extension (".tf"). */
  readonly byExtension: Map<string, GlobEntry[]>;
  readonly rest: GlobEntry[];
}

const MATCH_OPTIONS = { dot: true } as const;

export class PathIndex {
  readonly #literals = new Map<string, PathHit[]>();
  readonly #buckets = new Map<string, Bucket>();
  #size = 0;

  static fromNodes(nodes: Iterable<GraphNode>): PathIndex {
    const index = new PathIndex();
    for (const node of nodes) {
      for (const rule of node.match.paths) index.add(node.id, rule);
    }
    return index;
  }

  get size(): number {
    return this.#size;
  }

  add(node: string, rule: PathRule): void {
    this.#size++;
    const glob = rule.glob.endsWith("/") ? `${rule.glob}**` : rule.glob;
    const scan = picomatch.scan(glob);
    if (!scan.isGlob && !glob.includes("\\")) {
      push(this.#literals, glob, { node, rule });
      return;
    }
    const entry: GlobEntry = { node, rule, test: picomatch(glob, MATCH_OPTIONS) };
    let bucket = this.#buckets.get(scan.base);
    if (!bucket) {
      bucket = { byExtension: new Map(), rest: [] };
      this.#buckets.set(scan.base, bucket);
    }
    const extension = requiredExtension(scan.glob);
    if (extension) push(bucket.byExtension, extension, entry);
    else bucket.rest.push(entry);
  }

  /** Every rule that matches `path`, for a change in repository `repo` (owner/name) if known. */
  match(path: string, repo?: string): PathHit[] {
    const wanted = repo?.toLowerCase();
    const applies = (rule: PathRule) =>
      rule.repo === undefined || wanted === undefined || rule.repo === wanted;
    const hits: PathHit[] = [];
    for (const hit of this.#literals.get(path) ?? []) if (applies(hit.rule)) hits.push(hit);
    if (this.#buckets.size === 0) return hits;
    const extension = extensionOf(path);
    // Try the bucket of every directory prefix of the path, "" included.
    let end = -1;
    do {
      const prefix = end < 0 ? "" : path.slice(0, end);
      const bucket = this.#buckets.get(prefix);
      if (bucket) {
        const candidates = extension ? (bucket.byExtension.get(extension) ?? []) : [];
        for (const list of [candidates, bucket.rest]) {
          for (const entry of list) if (applies(entry.rule) && entry.test(path)) hits.push(entry);
        }
      }
      end = path.indexOf("/", end + 1);
    } while (end !== -1);
    // A glob whose base is the whole path (`a/**` matches `a`).
    const self = this.#buckets.get(path);
    if (self)
      for (const entry of self.rest) if (applies(entry.rule) && entry.test(path)) hits.push(entry);
    return hits;
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** ".tf" for "**\/*.tf" or "*.tf": globs whose last segment is `*` + a literal ending. */
function requiredExtension(glob: string): string | undefined {
  const last = glob.slice(glob.lastIndexOf("/") + 1);
  const match = /^\*(\.[A-Za-z0-9_-]+)+$/.exec(last);
  if (!match) return undefined;
  return last.slice(last.lastIndexOf("."));
}

function extensionOf(path: string): string | undefined {
  const slash = path.lastIndexOf("/");
  const dot = path.lastIndexOf(".");
  return dot > slash + 1 ? path.slice(dot) : undefined;
}
