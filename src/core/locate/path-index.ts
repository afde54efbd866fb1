// Changed file paths -> the nodes whose match rules cover them. Built once per graph and
// cheap to build: literal paths in a map; globs bucketed by their static directory prefix,
// in a tree of folder names that a path walks once (a large bucket is further split by the
// file extension its globs require, on first use), so a file is tested against few globs. The common shapes (`dir/**`, `dir/*.ext`,
// `dir/**/*.ext`) are tested with string operations; any other glob is compiled (glob.ts,
// linear time whatever the path) the first time a file reaches it.

import { checkResourcePattern, splitAddress } from "../classify/cloudformation-address.js";
import type { GraphNode, PathRule } from "../model.js";
import { compileGlob, GlobError } from "./glob.js";

export interface PathHit {
  readonly node: string;
  readonly rule: PathRule;
}

export enum Shape {
  /** Anything else: the compiled glob decides. */
  Other = 0,
  /** `base/**` */
  EverythingBelow = 1,
  /** `base/**\/*.ext` */
  ExtensionBelow = 2,
  /** `base/*.ext` */
  ExtensionIn = 3,
}

export interface GlobEntry extends PathHit {
  readonly glob: string;
  readonly shape: Shape;
  readonly base: string;
  /** The literal ending the glob requires (".tf"), if any. */
  readonly suffix: string | undefined;
  /** The extension that ending implies, for bucketing. */
  readonly extension: string | undefined;
}

export interface BucketTree {
  bucket?: Bucket;
  children?: Map<string, BucketTree>;
}

export interface Bucket {
  readonly entries: GlobEntry[];
}

/**
 * What a search builds on the way, beside the index rather than in it, so that the index stays
 * plain data (the graph cache writes it): a large bucket's globs by extension, built the first
 * time it is searched, and each glob of an unusual shape, compiled the first time a file reaches
 * it.
 */
const byExtensionOf = new WeakMap<Bucket, Map<string | undefined, GlobEntry[]>>();
const compiledOf = new WeakMap<GlobEntry, (path: string) => boolean>();

/** The index as plain data: what the graph cache writes, and `fromData` takes back. */
export interface PathIndexData {
  readonly literals: Map<string, PathHit | PathHit[]>;
  readonly buckets: BucketTree;
  readonly bucketCount: number;
  readonly size: number;
  readonly byNode: Map<string, PathRule[]>;
}

const MAGIC = /[*?[{(\\]/;

/** Whether a path rule names one file, as the index reads it (a trailing `/` is a folder). */
export function namesOneFile(glob: string): boolean {
  return !glob.endsWith("/") && !MAGIC.test(glob);
}
const LITERAL_SUFFIX = /^\*(\.[A-Za-z0-9_-]+)+$/;
const DOT_SEGMENT = /(^|\/)\.\.?(\/|$)/;
/** Buckets larger than this get an extension index. */
const SMALL_BUCKET = 16;

export class PathIndex {
  #literals = new Map<string, PathHit | PathHit[]>();
  /** Buckets by their directory prefix, one level per segment: a path is walked once. */
  #buckets: BucketTree = {};
  #bucketCount = 0;
  /** The folders of the literal rules, built on first use. */
  #literalFolders: Set<string> | undefined;
  #size = 0;
  #byNode = new Map<string, PathRule[]>();

  /** The index as plain data, shared with it (not copied): read it, do not change it. */
  toData(): PathIndexData {
    return {
      literals: this.#literals,
      buckets: this.#buckets,
      bucketCount: this.#bucketCount,
      size: this.#size,
      byNode: this.#byNode,
    };
  }

  /** The index `toData` gave, taken as it is. */
  static fromData(data: PathIndexData): PathIndex {
    const index = new PathIndex();
    index.#literals = data.literals;
    index.#buckets = data.buckets;
    index.#bucketCount = data.bucketCount;
    index.#size = data.size;
    index.#byNode = data.byNode;
    return index;
  }

  static fromNodes(nodes: Iterable<GraphNode>): PathIndex {
    const index = new PathIndex();
    for (const node of nodes) {
      for (const rule of node.match.paths) index.add(node.id, rule);
      // A node that names template resources changes with its templates, written in paths or not.
      for (const rule of node.match.cloudformation ?? []) {
        const template = splitAddress(rule)?.template;
        if (template === undefined || checkResourcePattern(rule) !== undefined) continue;
        if (!node.match.paths.some((p) => p.repo === undefined && p.glob === template))
          index.add(node.id, { glob: template, source: rule });
      }
    }
    return index;
  }

  get size(): number {
    return this.#size;
  }

  /** A node's path rules, as added. */
  rulesOf(node: string): readonly PathRule[] {
    return this.#byNode.get(node) ?? [];
  }

  add(node: string, rule: PathRule): void {
    this.#size++;
    const rules = this.#byNode.get(node);
    if (rules) rules.push(rule);
    else this.#byNode.set(node, [rule]);
    const glob = rule.glob.endsWith("/") ? `${rule.glob}**` : rule.glob;
    const magic = glob.search(MAGIC);
    if (magic < 0) {
      const previous = this.#literals.get(glob);
      const hit = { node, rule };
      this.#literalFolders = undefined;
      if (previous === undefined) this.#literals.set(glob, hit);
      else if (Array.isArray(previous)) previous.push(hit);
      else this.#literals.set(glob, [previous, hit]);
      return;
    }
    const slash = glob.lastIndexOf("/", magic);
    const base = slash < 0 ? "" : glob.slice(0, slash);
    const rest = glob.slice(slash + 1);
    const last = rest.slice(rest.lastIndexOf("/") + 1);
    const suffix = LITERAL_SUFFIX.test(last) ? last.slice(1) : undefined;
    const shape =
      rest === "**"
        ? Shape.EverythingBelow
        : suffix !== undefined && rest === `**/${last}`
          ? Shape.ExtensionBelow
          : suffix !== undefined && rest === last
            ? Shape.ExtensionIn
            : Shape.Other;
    const extension = suffix?.slice(suffix.lastIndexOf("."));
    const entry: GlobEntry = { node, rule, glob, shape, base, suffix, extension };
    let tree = this.#buckets;
    if (base !== "") {
      for (const segment of base.split("/")) {
        tree.children ??= new Map();
        let child = tree.children.get(segment);
        if (!child) {
          child = {};
          tree.children.set(segment, child);
        }
        tree = child;
      }
    }
    if (tree.bucket) {
      tree.bucket.entries.push(entry);
      byExtensionOf.delete(tree.bucket);
    } else {
      tree.bucket = { entries: [entry] };
      this.#bucketCount++;
    }
  }

  /**
   * Whether a rule might match a file directly in `folder` that `match` cannot be asked about
   * without listing the folder: a literal path there, or a glob of an unusual shape along
   * the way (the usual shapes match a folder's files by their extension, asked directly).
   * Cheap: a false answer saves listing the folder.
   */
  mayMatchIn(folder: string): boolean {
    this.#literalFolders ??= new Set(
      [...this.#literals.keys()].map((p) =>
        p.includes("/") ? p.slice(0, p.lastIndexOf("/")) : ".",
      ),
    );
    if (this.#literalFolders.has(folder)) return true;
    let tree: BucketTree | undefined = this.#buckets;
    const segments = folder === "." ? [] : folder.split("/");
    for (let i = 0; tree; i++) {
      if (tree.bucket?.entries.some((e) => e.shape === Shape.Other)) return true;
      const segment = segments[i];
      if (segment === undefined) return false;
      tree = tree.children?.get(segment);
    }
    return false;
  }

  /** Every rule that matches `path`, for a change in repository `repo` (owner/name) if known. */
  match(path: string, repo?: string): PathHit[] {
    const wanted = repo?.toLowerCase();
    const hits: PathHit[] = [];
    const literal = this.#literals.get(path);
    if (literal !== undefined) {
      if (Array.isArray(literal)) {
        for (const hit of literal) if (ruleApplies(hit.rule, wanted)) hits.push(hit);
      } else if (ruleApplies(literal.rule, wanted)) hits.push(literal);
    }
    if (this.#bucketCount === 0) return hits;
    const extension = extensionOf(path);
    const plain = !DOT_SEGMENT.test(path);
    // The bucket of every directory prefix of the path, "" included, then the path itself
    // (`a/**` matches `a`): one walk down the tree, one segment at a time, so that a path
    // of many segments costs its length, not its length times its depth.
    let tree: BucketTree | undefined = this.#buckets;
    let start = 0;
    while (tree) {
      const bucket = tree.bucket;
      if (bucket) {
        for (const list of candidates(bucket, extension)) {
          for (const entry of list) {
            if (ruleApplies(entry.rule, wanted) && matches(entry, path, plain)) hits.push(entry);
          }
        }
      }
      if (start > path.length || !tree.children) break;
      let end = path.indexOf("/", start);
      if (end < 0) end = path.length;
      tree = tree.children.get(path.slice(start, end));
      start = end + 1;
    }
    return hits;
  }
}

/** Whether a rule can match a change in `repo` (lower-case owner/name), or in an unknown one. */
export function ruleApplies(rule: PathRule, repo: string | undefined): boolean {
  if (rule.repo === undefined) return true;
  return repo === undefined ? rule.inferred !== true : rule.repo === repo;
}

const NONE: readonly GlobEntry[] = [];

/** The bucket's globs that can match a file with this extension: two lists, not copied. */
function candidates(
  bucket: Bucket,
  extension: string | undefined,
): [readonly GlobEntry[], readonly GlobEntry[]] {
  if (bucket.entries.length <= SMALL_BUCKET) return [bucket.entries, NONE];
  let byExtension = byExtensionOf.get(bucket);
  if (!byExtension) {
    byExtension = new Map<string | undefined, GlobEntry[]>();
    for (const entry of bucket.entries) {
      const list = byExtension.get(entry.extension);
      if (list) list.push(entry);
      else byExtension.set(entry.extension, [entry]);
    }
    byExtensionOf.set(bucket, byExtension);
  }
  const any = byExtension.get(undefined) ?? NONE;
  const specific = extension === undefined ? undefined : byExtension.get(extension);
  return [specific ?? NONE, any];
}

function matches(entry: GlobEntry, path: string, plain: boolean): boolean {
  // Paths with . or .. segments never come from git; for those, the compiled glob decides.
  if (entry.shape !== Shape.Other && plain) {
    const base = entry.base;
    const inside =
      base === ""
        ? path
        : path.startsWith(base) && path[base.length] === "/"
          ? path.slice(base.length + 1)
          : undefined;
    switch (entry.shape) {
      case Shape.EverythingBelow:
        return path === base || inside !== undefined;
      case Shape.ExtensionBelow:
        return inside?.endsWith(entry.suffix as string) === true;
      case Shape.ExtensionIn:
        return inside?.endsWith(entry.suffix as string) === true && !inside.includes("/");
    }
  }
  let compiled = compiledOf.get(entry);
  if (!compiled) {
    compiled = compile(entry.glob);
    compiledOf.set(entry, compiled);
  }
  return compiled(path);
}

function compile(glob: string): (path: string) => boolean {
  try {
    const matcher = compileGlob(glob);
    return (path) => matcher.test(path);
  } catch (error) {
    // Loading refuses such a rule (path-rules.ts); one that reaches here by another way
    // still matches the path it spells.
    if (error instanceof GlobError) return (path) => path === glob;
    throw error;
  }
}

function extensionOf(path: string): string | undefined {
  const slash = path.lastIndexOf("/");
  const dot = path.lastIndexOf(".");
  return dot > slash ? path.slice(dot) : undefined;
}
