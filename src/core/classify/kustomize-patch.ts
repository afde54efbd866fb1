// Kustomize patches: which objects they target, and applying them where the result is sure.
// A strategic-merge patch is applied only to RBAC objects, whose lists (rules, subjects) have no
// merge keys and are replaced whole; on a workload (containers merged by name …) it is not
// applied, only said to touch fields. A JSON 6902 patch is applied to any object.

import { MAX_EXPANDED_NODES, parseDocuments } from "../config/yaml-documents.js";
import { compileWildcard } from "../locate/glob.js";
import { record } from "./json-shapes.js";
import type { PatchTarget } from "./kustomize-file.js";

/** Keys that would reach an object's prototype: a patch setting one is not applied. */
const UNSAFE = new Set(["__proto__", "constructor", "prototype"]);

/** Kinds whose strategic-merge patches are plain merges: maps merged, lists replaced. */
export const MERGED_KINDS: ReadonlySet<string> = new Set([
  "Role",
  "ClusterRole",
  "RoleBinding",
  "ClusterRoleBinding",
]);

export type PatchBody =
  | {
      readonly type: "json6902";
      readonly ops: readonly Record<string, unknown>[];
      readonly line?: number;
    }
  | {
      readonly type: "smp";
      readonly objects: readonly Record<string, unknown>[];
      readonly line?: number;
    };

/** A patch's text as JSON 6902 operations (a list) or strategic-merge objects. */
export function readPatch(text: string): PatchBody | { readonly error: string } {
  const parsed = parseDocuments(text, "", { maxExpanded: MAX_EXPANDED_NODES });
  if (!parsed.ok) return { error: `it does not parse: ${parsed.diagnostic.message}` };
  const docs = parsed.documents.filter((d) => d.value !== null && d.value !== undefined);
  const first = docs[0];
  if (!first) return { error: "it is empty" };
  if (Array.isArray(first.value)) {
    if (docs.length > 1) return { error: "a JSON 6902 patch holds one list of operations" };
    return { type: "json6902", ops: first.value.map(record), line: first.line };
  }
  const line = first.lineOf(["metadata", "name"]) ?? first.line;
  return { type: "smp", objects: docs.map((d) => record(d.value)), line };
}

/** What a selector compares an object by. */
export interface Selectable {
  readonly apiVersion: string;
  readonly kind: string;
  /** The name as it is at this layer, and as first written (before any prefix or suffix). */
  readonly names: readonly string[];
  readonly namespace?: string;
  readonly labels: Record<string, unknown>;
  readonly annotations: Record<string, unknown>;
}

/**
 * Whether the object is selected: true, false, or why it cannot be said (a regular expression
 * kustomize would evaluate, which from a pull request is not run here).
 */
export function selects(target: PatchTarget, o: Selectable): boolean | string {
  const group = o.apiVersion.includes("/") ? o.apiVersion.slice(0, o.apiVersion.indexOf("/")) : "";
  const version = o.apiVersion.slice(o.apiVersion.indexOf("/") + 1);
  const checks: [string | undefined, readonly string[]][] = [
    [target.group, [group]],
    [target.version, [version]],
    [target.kind, [o.kind]],
    [target.name, o.names],
    [target.namespace, [o.namespace ?? ""]],
  ];
  for (const [pattern, values] of checks) {
    if (pattern === undefined || pattern === "") continue;
    const test = patternTest(pattern);
    if (typeof test === "string") return test;
    if (!values.some(test)) return false;
  }
  for (const [selector, map] of [
    [target.labelSelector, o.labels],
    [target.annotationSelector, o.annotations],
  ] as const) {
    if (selector === undefined || selector === "") continue;
    const terms = selector.split(",").map((t) => t.trim());
    for (const term of terms) {
      const m = /^([\w./-]+)\s*(==?|!=)\s*([\w.-]*)$/.exec(term);
      if (!m) return `the selector "${selector}" is not evaluated`;
      const has = String(map[m[1] as string] ?? "\u0000") === m[3];
      if (m[2] === "!=" ? has : !has) return false;
    }
  }
  return true;
}

/**
 * Kustomize reads selector names as anchored regular expressions. Literal names and `.*`
 * wildcards are matched here, in linear time; anything else is not evaluated.
 */
const compiled = new Map<string, ((value: string) => boolean) | string>();

function patternTest(pattern: string): ((value: string) => boolean) | string {
  const known = compiled.get(pattern);
  if (known !== undefined) return known;
  const test = compilePattern(pattern);
  if (compiled.size > 1000) compiled.clear();
  compiled.set(pattern, test);
  return test;
}

function compilePattern(pattern: string): ((value: string) => boolean) | string {
  // Word characters, `.` (any one character) and `.*` (any run): read in linear time.
  if (/^(?:[\w-]|\.\*|\.(?!\*))+$/.test(pattern)) {
    const wildcard = compileWildcard(pattern.replace(/\.\*/g, "*").replace(/\./g, "?"), {
      starCrossesSlash: true,
      question: true,
    });
    return (value) => wildcard.test(value);
  }
  return `the target pattern "${pattern.slice(0, 80)}" is a regular expression, not evaluated`;
}

const clone = <T>(value: T): T =>
  value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);

/**
 * A strategic-merge patch on an object whose lists have no merge keys: maps merged, lists and
 * values replaced, null deleting. Undefined when it holds directives (`$patch`, `$retainKeys` …)
 * whose effect is not a plain merge.
 */
export function mergePatch(
  base: Record<string, unknown>,
  patch: Record<string, unknown>,
): Record<string, unknown> | undefined {
  const merge = (a: unknown, b: unknown): unknown => {
    const pa = record(a);
    const pb = record(b);
    if (b === null || typeof b !== "object" || Array.isArray(b)) return clone(b);
    const out: Record<string, unknown> = {
      ...(typeof a === "object" && !Array.isArray(a) ? clone(pa) : {}),
    };
    for (const [key, value] of Object.entries(pb)) {
      if (key.startsWith("$") || UNSAFE.has(key)) throw new Directive();
      if (value === null) delete out[key];
      else out[key] = merge(out[key], value);
    }
    return out;
  };
  try {
    return merge(base, patch) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof Directive) return undefined;
    throw error;
  }
}

class Directive extends Error {}

/** Operations of one JSON 6902 patch applied, at most (real ones have a few dozen). */
export const MAX_PATCH_OPERATIONS = 1_000;
/**
 * Characters (as JSON) a patched object may reach: `copy` doubles what it copies, so a few
 * dozen operations would otherwise ask for more memory than there is. The API server refuses
 * objects past about 1.5 MB.
 */
export const MAX_PATCHED_CHARS = 4 * 1024 * 1024;

/**
 * RFC 6902 operations applied to a copy of the object; why not, when one fails. `bound`: the
 * patch is past what is applied here (too many operations, too large a result), which says
 * nothing of what kustomize makes of it.
 */
export function applyJsonPatch(
  base: Record<string, unknown>,
  ops: readonly Record<string, unknown>[],
): { ok: true; value: Record<string, unknown> } | { ok: false; reason: string; bound?: true } {
  if (ops.length > MAX_PATCH_OPERATIONS)
    return {
      ok: false,
      reason: `it has ${ops.length.toLocaleString("en-US")} operations, more than the ${MAX_PATCH_OPERATIONS.toLocaleString("en-US")} applied`,
      bound: true,
    };
  let size = JSON.stringify(base).length;
  const tooLarge = {
    ok: false as const,
    reason: `the patched object would exceed ${MAX_PATCHED_CHARS.toLocaleString("en-US")} characters`,
    bound: true as const,
  };
  if (size > MAX_PATCHED_CHARS) return tooLarge;
  let doc: unknown = clone(base);
  const pointer = (p: unknown): string[] | undefined => {
    if (typeof p !== "string" || (p !== "" && !p.startsWith("/"))) return undefined;
    return p === ""
      ? []
      : p
          .slice(1)
          .split("/")
          .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  };
  const parentOf = (path: string[]): { parent: unknown; key: string } | undefined => {
    let at: unknown = doc;
    for (const part of path.slice(0, -1)) {
      if (Array.isArray(at)) at = at[Number(part)];
      else if (at !== null && typeof at === "object") at = (at as Record<string, unknown>)[part];
      else return undefined;
      if (at === undefined) return undefined;
    }
    return { parent: at, key: path[path.length - 1] as string };
  };
  const get = (path: string[]): unknown => {
    if (path.length === 0) return doc;
    const p = parentOf(path);
    if (!p) return undefined;
    return Array.isArray(p.parent) ? p.parent[Number(p.key)] : record(p.parent)[p.key];
  };
  const remove = (path: string[]): boolean => {
    const p = parentOf(path);
    if (!p || path.length === 0) return false;
    if (Array.isArray(p.parent)) {
      const i = Number(p.key);
      if (!Number.isInteger(i) || i < 0 || i >= p.parent.length) return false;
      p.parent.splice(i, 1);
      return true;
    }
    if (p.parent === null || typeof p.parent !== "object" || !(p.key in p.parent)) return false;
    delete (p.parent as Record<string, unknown>)[p.key];
    return true;
  };
  const add = (path: string[], value: unknown): boolean => {
    if (path.length === 0) {
      doc = value;
      return true;
    }
    const p = parentOf(path);
    if (!p) return false;
    if (Array.isArray(p.parent)) {
      const i = p.key === "-" ? p.parent.length : Number(p.key);
      if (!Number.isInteger(i) || i < 0 || i > p.parent.length) return false;
      p.parent.splice(i, 0, value);
      return true;
    }
    if (p.parent === null || typeof p.parent !== "object") return false;
    (p.parent as Record<string, unknown>)[p.key] = value;
    return true;
  };
  for (const [i, op] of ops.entries()) {
    const path = pointer(op.path);
    const fail = (why: string) => ({
      ok: false as const,
      reason: `operation ${i + 1} (${String(op.op)} ${String(op.path)}): ${why}`,
    });
    if (!path) return fail("not a JSON pointer");
    const from = op.from === undefined ? [] : (pointer(op.from) ?? []);
    if ([...path, ...from].some((part) => UNSAFE.has(part))) return fail("not applied to that key");
    // A name or namespace written by a patch: kustomize sets them (namespace, prefix, suffix)
    // in an order this reading does not follow, so where the object lands is unknown. (A
    // removed namespace is read: the object is placed without one, as argo-cd's overlays do.)
    const identity = (p: string[]) =>
      p[0] === "metadata" && (p.length === 1 || p[1] === "name" || p[1] === "namespace");
    if (op.op !== "remove" && (identity(path) || (op.from !== undefined && identity(from))))
      return fail("it changes the object's name or namespace, which kustomize also sets");
    const value = clone(op.value);
    // What an operation adds is counted before it is added; what it removes is not subtracted.
    const grows = (v: unknown) => {
      size += v === undefined ? 0 : JSON.stringify(v).length;
      return size > MAX_PATCHED_CHARS;
    };
    if ((op.op === "add" || op.op === "replace") && grows(value)) return tooLarge;
    switch (op.op) {
      case "add":
        if (!add(path, value)) return fail("its parent does not exist");
        break;
      case "remove":
        if (!remove(path)) return fail("nothing there to remove");
        break;
      case "replace":
        if (get(path) === undefined || !remove(path) || !add(path, value))
          return fail("nothing there to replace");
        break;
      case "move":
      case "copy": {
        const moved = op.from === undefined ? undefined : get(from);
        if (moved === undefined) return fail("nothing at from");
        if (op.op === "copy" && grows(moved)) return tooLarge;
        if (op.op === "move" && !remove(from)) return fail("nothing at from");
        if (!add(path, clone(moved))) return fail("its parent does not exist");
        break;
      }
      case "test":
        if (JSON.stringify(get(path)) !== JSON.stringify(op.value)) return fail("the test fails");
        break;
      default:
        return fail("not an operation of RFC 6902");
    }
  }
  if (doc === null || typeof doc !== "object" || Array.isArray(doc))
    return { ok: false, reason: "the result is not an object" };
  return { ok: true, value: doc as Record<string, unknown> };
}
