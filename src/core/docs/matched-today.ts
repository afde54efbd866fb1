// What each node's match rules cover in a repository now: the files its path rules match and
// the Terraform resources, Kubernetes objects and CloudFormation resources its rules name, with
// how much each rule matches (a rule matching nothing is stale). One pass over the files through
// the PathIndex, and one over the objects with literal rules looked up, never nodes × files.

import { compileResourcePatterns } from "../classify/cloudformation-address.js";
import { compileObjectPattern } from "../classify/kubernetes-address.js";
import { compileAddressPattern, withoutIndexes } from "../classify/terraform-address.js";
import { PathIndex } from "../locate/path-index.js";
import type { DepsConfig, GraphNode, PathRule } from "../model.js";

export type ObjectKind = "terraform" | "kubernetes" | "cloudformation";

/** A resource or object found in a repository file, by the address rules are written against. */
export interface InventoryObject {
  readonly file: string;
  /** `aws_iam_role.runner`, `Role/ns/name`, `infra/app.yaml#AppRole`. */
  readonly address: string;
  readonly kind: ObjectKind;
}

/** What a repository holds now. */
export interface RepositoryInventory {
  readonly files: readonly string[];
  /** Absent when objects were not read: object rules are then neither listed nor judged. */
  readonly objects?: readonly InventoryObject[];
}

export type RuleKind = "paths" | ObjectKind;

export interface RuleHit {
  /** The rule as written in deps.yaml. */
  readonly rule: string;
  readonly kind: RuleKind;
  /** Files (paths) or objects it matches; 0 is a stale rule. */
  readonly count: number;
}

export interface NodeMatches {
  /** Sorted, at most `maxListed`. */
  readonly files: string[];
  readonly fileCount: number;
  /** By file, then address; at most `maxListed`. */
  readonly objects: InventoryObject[];
  readonly objectCount: number;
  /** Only the rules that can be judged here (see matchedToday). */
  readonly ruleHits: RuleHit[];
}

export interface MatchedTodayOptions {
  /** owner/name of the repository: rules qualified with another repository are left out. */
  readonly repo?: string;
  /** How many files and objects each node lists (the counts are always whole); 50 by default. */
  readonly maxListed?: number;
}

interface Tally {
  readonly files: string[];
  fileCount: number;
  lastFile: string | undefined;
  readonly objects: InventoryObject[];
  objectCount: number;
  lastObject: InventoryObject | undefined;
}

interface ObjectRule {
  readonly node: string;
  readonly rule: string;
  readonly kind: ObjectKind;
  count: number;
  /** Only objects in the files the node's path rules match (Terraform, as `check` reads it). */
  readonly pinned: boolean;
  /** The literal start of a pattern: an address without it is not tested further. */
  prefix: string;
  /** Compiled the first time an object reaches it: literal rules are only looked up. */
  test?: (address: string) => boolean;
}

const OBJECT_KINDS = ["terraform", "kubernetes", "cloudformation"] as const;

/** What makes a rule a pattern rather than one address, by how each system writes them. */
const MAGIC: Record<ObjectKind, RegExp> = {
  terraform: /\*/,
  kubernetes: /[*?]/,
  cloudformation: /[*?[{(\\]/,
};

function compileRule(kind: ObjectKind, rule: string): (address: string) => boolean {
  if (kind === "terraform") {
    const pattern = compileAddressPattern(rule);
    return (a) => pattern.test(a);
  }
  if (kind === "kubernetes") {
    const pattern = compileObjectPattern(rule);
    return (a) => pattern.test(a);
  }
  // A malformed rule is the graph's error, said when it is loaded: here it matches nothing.
  const [pattern] = compileResourcePatterns([rule]);
  return pattern ? (a) => pattern.test(a) : () => false;
}

/** Rules of one system: literal ones by their address, the others tested one by one. */
interface RuleTable {
  readonly literal: Map<string, ObjectRule[]>;
  readonly wild: ObjectRule[];
}

const newTable = (): RuleTable => ({ literal: new Map(), wild: [] });

/**
 * Every node's matches in the inventory (every node has an entry). Rules are judged only where
 * they can be: a path rule for another repository is left out; Terraform, Kubernetes and
 * CloudFormation rules only when objects were read and the repository holds some of that
 * system (a Terraform pattern of a repository without Terraform is about plans made elsewhere).
 * As drift and `check` read them, a node with path rules owns the Terraform resources its
 * patterns name in its own files only, and a node that names no objects of a system stands
 * for all of that system's objects in its files.
 */
export function matchedToday(
  config: DepsConfig,
  inventory: RepositoryInventory,
  options: MatchedTodayOptions = {},
): Map<string, NodeMatches> {
  const max = Math.max(0, options.maxListed ?? 50);
  const wanted = options.repo?.toLowerCase();
  const applies = (rule: PathRule) => rule.repo === undefined || rule.repo === wanted;

  const tallies = new Map<string, Tally>();
  const pathHits = new Map<PathRule, { count: number }>();
  const index = new PathIndex();
  const pinned = new Set<string>();
  /** Nodes whose path rules are all for other repositories: their objects are elsewhere. */
  const elsewhere = new Set<string>();
  for (const node of config.nodes.values()) {
    tallies.set(node.id, {
      files: [],
      fileCount: 0,
      lastFile: undefined,
      objects: [],
      objectCount: 0,
      lastObject: undefined,
    });
    for (const rule of node.match.paths) {
      if (!applies(rule)) continue;
      index.add(node.id, rule);
      pathHits.set(rule, { count: 0 });
      pinned.add(node.id);
    }
    if (node.match.paths.length > 0 && !pinned.has(node.id)) elsewhere.add(node.id);
  }

  const files = isSorted(inventory.files) ? inventory.files : [...inventory.files].sort();
  const objectFiles = new Set((inventory.objects ?? []).map((o) => o.file));
  /** The nodes matching each file that holds objects, kept from the pass over the files. */
  const nodesOfFile = new Map<string, Set<string>>();
  for (const file of files) {
    const hits = index.match(file, wanted);
    if (hits.length === 0) continue;
    for (const { node, rule } of hits) {
      const hit = pathHits.get(rule);
      if (hit) hit.count++;
      const tally = tallies.get(node) as Tally;
      if (tally.lastFile === file) continue;
      tally.lastFile = file;
      tally.fileCount++;
      if (tally.files.length < max) tally.files.push(file);
    }
    if (objectFiles.has(file)) nodesOfFile.set(file, new Set(hits.map((h) => h.node)));
  }
  const nodesIn = (file: string): ReadonlySet<string> => {
    let found = nodesOfFile.get(file);
    if (!found) {
      found = new Set(index.match(file, wanted).map((h) => h.node));
      nodesOfFile.set(file, found);
    }
    return found;
  };

  const objects = inventory.objects && [...inventory.objects].sort(byFileThenAddress);
  const tables: Record<ObjectKind, RuleTable> = {
    terraform: newTable(),
    kubernetes: newTable(),
    cloudformation: newTable(),
  };
  /** Each node's object rules' hits, in the order of its rules, by system. */
  const objectHits = new Map<string, Record<ObjectKind, ObjectRule[]>>();
  if (objects) {
    for (const node of config.nodes.values()) {
      if (elsewhere.has(node.id)) continue;
      const m = node.match;
      if (m.terraform.length + m.kubernetes.length + (m.cloudformation ?? []).length === 0)
        continue;
      const own: Record<ObjectKind, ObjectRule[]> = {
        terraform: [],
        kubernetes: [],
        cloudformation: [],
      };
      for (const kind of OBJECT_KINDS) {
        for (const rule of rulesOf(node, kind)) {
          const entry: ObjectRule = {
            node: node.id,
            rule,
            kind,
            count: 0,
            pinned: kind === "terraform" && pinned.has(node.id),
            prefix: "",
          };
          own[kind].push(entry);
          const table = tables[kind];
          const magic = rule.search(MAGIC[kind]);
          if (magic >= 0) {
            entry.prefix = rule.slice(0, magic);
            table.wild.push(entry);
          } else {
            const same = table.literal.get(rule);
            if (same) same.push(entry);
            else table.literal.set(rule, [entry]);
          }
        }
      }
      objectHits.set(node.id, own);
    }

    const matched = new Set<string>();
    for (const object of objects) {
      matched.clear();
      const table = tables[object.kind];
      const inFile = nodesIn(object.file);
      const take = (rule: ObjectRule) => {
        if (rule.pinned && !inFile.has(rule.node)) return;
        rule.count++;
        matched.add(rule.node);
      };
      const addresses = candidates(object);
      for (const address of addresses) {
        for (const rule of table.literal.get(address) ?? []) take(rule);
      }
      for (const rule of table.wild) {
        const { prefix } = rule;
        if (!addresses.some((a) => a.startsWith(prefix))) continue;
        rule.test ??= compileRule(rule.kind, rule.rule);
        const test = rule.test;
        if (addresses.some((a) => test(a))) take(rule);
      }
      for (const node of inFile) {
        const own = config.nodes.get(node);
        if (own && !elsewhere.has(node) && rulesOf(own, object.kind).length === 0)
          matched.add(node);
      }
      for (const node of matched) {
        const tally = tallies.get(node) as Tally;
        if (tally.lastObject === object) continue;
        tally.lastObject = object;
        tally.objectCount++;
        if (tally.objects.length < max) tally.objects.push(object);
      }
    }
  }

  const present = new Set((objects ?? []).map((o) => o.kind));
  const out = new Map<string, NodeMatches>();
  for (const node of config.nodes.values()) {
    const tally = tallies.get(node.id) as Tally;
    const ruleHits: RuleHit[] = [];
    for (const rule of node.match.paths) {
      const hit = pathHits.get(rule);
      if (hit) ruleHits.push({ rule: rule.source, kind: "paths", count: hit.count });
    }
    const own = objectHits.get(node.id);
    for (const kind of OBJECT_KINDS) {
      if (!own || !present.has(kind)) continue;
      for (const { rule, count } of own[kind]) ruleHits.push({ rule, kind, count });
    }
    out.set(node.id, {
      files: tally.files,
      fileCount: tally.fileCount,
      objects: tally.objects,
      objectCount: tally.objectCount,
      ruleHits,
    });
  }
  return out;
}

function rulesOf(node: GraphNode, kind: ObjectKind): readonly string[] {
  if (kind === "terraform") return node.match.terraform;
  if (kind === "kubernetes") return node.match.kubernetes;
  return node.match.cloudformation ?? [];
}

/**
 * The addresses a scanned object can have where rules are written against it. A Terraform
 * resource of a module folder appears in plans inside a module call, so `module.*.x.y` must
 * find it; a module call stands for what it creates (as drift reads them).
 */
function candidates(object: InventoryObject): string[] {
  if (object.kind !== "terraform") return [object.address];
  const address = object.address;
  if (/^module\.[^.]+$/.test(address)) return [`${address}.resource`];
  const bare = withoutIndexes(address);
  const out = [address, `module.m.${address}`];
  if (bare !== address) out.push(bare);
  return out;
}

function isSorted(files: readonly string[]): boolean {
  for (let i = 1; i < files.length; i++)
    if ((files[i - 1] as string) > (files[i] as string)) return false;
  return true;
}

function byFileThenAddress(a: InventoryObject, b: InventoryObject): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.address < b.address ? -1 : a.address > b.address ? 1 : 0;
}
