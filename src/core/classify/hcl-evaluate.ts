// Terraform's expressions, evaluated as far as the configuration alone allows. What only the
// caller, the provider or apply knows (a variable without a default, a data source read at plan
// time, a resource's ARN) is an explicit Unknown that propagates, with the reasons it could not
// be known, and prints as the expression that was written.

import { goTrimSpace } from "../hcl/hcl-lexer.js";
import { byCodePoint } from "../hcl/hcl-to-json.js";
import {
  type Expr,
  HclSyntaxError,
  parseStringValue,
  parseTemplate,
  sourceOf,
} from "./hcl-expression.js";

export class Unknown {
  constructor(
    /** How the value is written: `var.role_arn`, or a template with its unknown parts as written. */
    readonly text: string,
    readonly reasons: readonly string[],
    /** `text` is a whole template, not one expression: printed as it is, not as `${text}`. */
    readonly template = false,
  ) {}
}

export type Value =
  | string
  | number
  | boolean
  | null
  | Unknown
  | readonly Value[]
  | { readonly [key: string]: Value };

/** A value that is not there (a missing attribute, an index out of range): `try` catches it. */
export class EvaluationError extends Error {}

export interface Scope {
  /** A name at the start of a reference (`var`, `local`, `each`, `count`, a for variable …). */
  lookup(name: string, expr: Expr): Value;
}

export const isUnknown = (v: unknown): v is Unknown => v instanceof Unknown;

/**
 * How much work one evaluation of a folder may do. A pull request writes the expressions: three
 * nested `for` over `range(1000)` is a billion strings, so past these a value is unknown, "too
 * large to evaluate", and the change is judged unknown at once instead of never.
 */
export interface WorkLimits {
  /** List items, map entries and loop iterations produced. */
  readonly elements: number;
  /** Characters of the strings built (templates, functions' results). */
  readonly bytes: number;
  /** Function calls. */
  readonly calls: number;
}

export const WORK_LIMITS: WorkLimits = { elements: 1_000_000, bytes: 16_000_000, calls: 200_000 };

/** Thrown past the budget; not an EvaluationError, so `try()` and `can()` do not swallow it. */
class OverBudget extends Error {}

let budget: { elements: number; bytes: number; calls: number } | undefined;

/**
 * Runs `work` with a fresh budget shared by every evaluation it does (a folder's values are
 * evaluated lazily, so the whole reading is what is bounded). Once spent, it stays spent: what
 * is left evaluates to unknown quickly.
 */
export function withWorkBudget<T>(work: () => T, limits: WorkLimits = WORK_LIMITS): T {
  return measuredWork(work, limits).value;
}

/** As `withWorkBudget`, saying also whether the budget ran out (what more readings would meet). */
export function measuredWork<T>(
  work: () => T,
  limits: WorkLimits = WORK_LIMITS,
): { value: T; exhausted: boolean } {
  const outer = budget;
  const own = { ...limits };
  budget = own;
  try {
    const value = work();
    return { value, exhausted: own.elements < 0 || own.bytes < 0 || own.calls < 0 };
  } finally {
    budget = outer;
  }
}

/** Has the current budget run out? Then what was evaluated after it is unknown on both sides alike. */
export function workExhausted(): boolean {
  return budget !== undefined && (budget.elements < 0 || budget.bytes < 0 || budget.calls < 0);
}

function spend(kind: keyof WorkLimits, amount: number): void {
  if (!budget) return;
  budget[kind] -= amount;
  if (budget[kind] < 0)
    throw new OverBudget(
      `too large to evaluate: it needs more than ${WORK_LIMITS[kind].toLocaleString("en")} ${
        kind === "elements"
          ? "elements"
          : kind === "bytes"
            ? "characters of text"
            : "function calls"
      }`,
    );
}

/** What an evaluation stopped by the budget stands for. */
const overBudget = (expr: Expr, error: OverBudget) => new Unknown(sourceOf(expr), [error.message]);

/** The name a scope answers with the files `file()` and `templatefile()` may read (path -> text). */
export const FILES = "\u0000files";

/** `./a/../b.json` -> `b.json`; `modules/x/./p.json` -> `modules/x/p.json`. */
function normalisePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === ".." && out.length > 0 && out[out.length - 1] !== "..") out.pop();
    else out.push(part);
  }
  return out.join("/");
}

/** A file's text from the scope's files, or why it cannot be had. */
function readFileValue(path: string, scope: Scope, expr: Expr): string | Unknown {
  let files: Value;
  try {
    files = scope.lookup(FILES, expr);
  } catch {
    return new Unknown(sourceOf(expr), [`${path} is not read here`]);
  }
  const text = isObject(files) ? files[normalisePath(path)] : undefined;
  return typeof text === "string"
    ? text
    : new Unknown(sourceOf(expr), [`${path} was not read with the folder`]);
}
const isList = (v: Value): v is readonly Value[] => Array.isArray(v);
const isObject = (v: Value): v is { readonly [key: string]: Value } =>
  v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Unknown);

/** Every unknown inside a value, however deep. */
export function unknownsIn(v: Value): Unknown[] {
  if (isUnknown(v)) return [v];
  if (isList(v)) return v.flatMap(unknownsIn);
  if (isObject(v)) return Object.values(v).flatMap(unknownsIn);
  return [];
}

function reasonsOf(values: readonly Value[]): string[] {
  return [...new Set(values.flatMap(unknownsIn).flatMap((u) => u.reasons))];
}

/** The unknown a node stands for, from the unknowns it depends on. */
function unknownFrom(expr: Expr, from: readonly Value[]): Unknown {
  return new Unknown(sourceOf(expr), reasonsOf(from));
}

/** As text, for templates and JSON: an unknown is printed as the expression written. */
export function printed(v: Value): string {
  if (isUnknown(v)) return v.template ? v.text : `\${${v.text}}`;
  if (typeof v === "string") return v;
  if (v === null) return "";
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return JSON.stringify(toJson(v));
}

/** A plain JSON value, unknowns printed as `${expression}`. */
export function toJson(v: Value): unknown {
  if (isUnknown(v)) return printed(v);
  if (isList(v)) return v.map(toJson);
  if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toJson(x)]));
  return v;
}

/** Strings are parsed once: a folder is evaluated under many scenarios. */
const PARSED = new Map<string, Expr>();
function parsed(text: string): Expr {
  const known = PARSED.get(text);
  if (known) return known;
  const expr = parseStringValue(text);
  if (PARSED.size > 100_000) PARSED.clear();
  PARSED.set(text, expr);
  return expr;
}

/** A JSON value as hcl2json gives it: every string is a template to evaluate. */
export function evaluateJson(value: unknown, scope: Scope): Value {
  if (typeof value === "string") {
    let expr: Expr;
    try {
      expr = parsed(value);
    } catch (error) {
      // Syntax this reader does not know is unknown, never a failure of the whole folder.
      if (!(error instanceof HclSyntaxError)) throw error;
      return new Unknown(value, [`not read: ${error.message.split(" at ")[0]}`], true);
    }
    return evaluate(expr, scope);
  }
  if (Array.isArray(value)) return value.map((v) => evaluateJson(v, scope));
  if (value !== null && typeof value === "object") {
    const out: Record<string, Value> = {};
    for (const [k, v] of Object.entries(value)) out[k] = evaluateJson(v, scope);
    return out;
  }
  if (typeof value === "number" || typeof value === "boolean" || value === null) return value;
  return null;
}

/** Evaluated, with errors that nothing caught turned into an unknown that says why. */
export function evaluate(expr: Expr, scope: Scope): Value {
  try {
    return evaluateStrict(expr, scope);
  } catch (error) {
    if (error instanceof OverBudget) return overBudget(expr, error);
    if (!(error instanceof EvaluationError)) throw error;
    return new Unknown(sourceOf(expr), [error.message]);
  }
}

function truthy(v: Value, expr: Expr): boolean {
  if (typeof v === "boolean") return v;
  if (v === "true" || v === "false") return v === "true";
  throw new EvaluationError(`${sourceOf(expr)} is not a boolean`);
}

function same(a: Value, b: Value): boolean {
  return JSON.stringify(toJson(a)) === JSON.stringify(toJson(b));
}

function attribute(obj: Value, name: string, expr: Expr): Value {
  if (isObject(obj)) {
    if (!Object.hasOwn(obj, name))
      throw new EvaluationError(`${sourceOf(expr)}: no attribute ${name}`);
    return obj[name] as Value;
  }
  if (obj === null) throw new EvaluationError(`${sourceOf(expr)}: attribute of null`);
  throw new EvaluationError(`${sourceOf(expr)}: ${name} of something that is not an object`);
}

function index(obj: Value, key: Value, expr: Expr): Value {
  if (isList(obj)) {
    const i = Number(key);
    if (!Number.isInteger(i) || i < 0 || i >= obj.length)
      throw new EvaluationError(`${sourceOf(expr)}: index ${String(key)} out of range`);
    return obj[i] as Value;
  }
  if (isObject(obj)) return attribute(obj, String(key), expr);
  throw new EvaluationError(`${sourceOf(expr)}: cannot index ${printed(obj)}`);
}

function evaluateStrict(expr: Expr, scope: Scope): Value {
  switch (expr.t) {
    case "lit":
      return expr.v;
    case "tmpl": {
      const parts = expr.parts.map((p) => (typeof p === "string" ? p : evaluate(p, scope)));
      const text = parts.map((p) => printed(p === null ? "" : p)).join("");
      spend("bytes", text.length);
      if (parts.some(isUnknown)) return new Unknown(text, reasonsOf(parts), true);
      return text;
    }
    case "name":
      return scope.lookup(expr.name, expr);
    case "item":
      return scope.lookup("\u0000item", expr);
    case "attr": {
      const obj = evaluateStrict(expr.obj, scope);
      if (isUnknown(obj)) return new Unknown(sourceOf(expr), obj.reasons);
      // A resource with count read without an index: Terraform 0.11's `x.y.attr` on a list.
      return attribute(obj, expr.name, expr);
    }
    case "index": {
      const obj = evaluateStrict(expr.obj, scope);
      const key = evaluateStrict(expr.key, scope);
      if (isUnknown(obj) || isUnknown(key)) return unknownFrom(expr, [obj, key]);
      return index(obj, key, expr);
    }
    case "splat": {
      const obj = evaluateStrict(expr.obj, scope);
      if (isUnknown(obj)) return unknownFrom(expr, [obj]);
      const items = obj === null ? [] : isList(obj) ? obj : [obj];
      spend("elements", items.length);
      return items.map((item) => evaluateStrict(expr.each, withItem(scope, item)));
    }
    case "unary": {
      const arg = evaluateStrict(expr.arg, scope);
      if (isUnknown(arg)) return unknownFrom(expr, [arg]);
      return expr.op === "!" ? !truthy(arg, expr.arg) : -Number(arg);
    }
    case "binary":
      return binary(expr, scope);
    case "cond": {
      const test = evaluateStrict(expr.test, scope);
      if (isUnknown(test)) return unknownFrom(expr, [test]);
      return evaluateStrict(truthy(test, expr.test) ? expr.then : expr.else, scope);
    }
    case "tuple":
      spend("elements", expr.items.length);
      return expr.items.map((item) => evaluate(item, scope));
    case "object": {
      const out: Record<string, Value> = {};
      for (const item of expr.items) {
        const key = evaluateStrict(item.key, scope);
        if (isUnknown(key)) return unknownFrom(expr, [key]);
        out[printed(key)] = evaluate(item.value, scope);
      }
      return out;
    }
    case "for":
      return forExpression(expr, scope);
    case "call":
      return callFunction(expr, scope);
  }
}

function withItem(scope: Scope, item: Value): Scope {
  return {
    lookup: (name, expr) => (name === "\u0000item" ? item : scope.lookup(name, expr)),
  };
}

function binary(expr: Extract<Expr, { t: "binary" }>, scope: Scope): Value {
  const left = evaluateStrict(expr.left, scope);
  // && and || stop early, as Terraform does not, but the answer is the same when known.
  if (expr.op === "&&" && !isUnknown(left) && !truthy(left, expr.left)) return false;
  if (expr.op === "||" && !isUnknown(left) && truthy(left, expr.left)) return true;
  const right = evaluateStrict(expr.right, scope);
  if (isUnknown(left) || isUnknown(right)) {
    if (expr.op === "&&" && !isUnknown(right) && !truthy(right, expr.right)) return false;
    if (expr.op === "||" && !isUnknown(right) && truthy(right, expr.right)) return true;
    return unknownFrom(expr, [left, right]);
  }
  switch (expr.op) {
    case "&&":
    case "||":
      return truthy(right, expr.right);
    case "==":
      return same(left, right);
    case "!=":
      return !same(left, right);
    case "<":
      return Number(left) < Number(right);
    case ">":
      return Number(left) > Number(right);
    case "<=":
      return Number(left) <= Number(right);
    case ">=":
      return Number(left) >= Number(right);
    case "+":
      return Number(left) + Number(right);
    case "-":
      return Number(left) - Number(right);
    case "*":
      return Number(left) * Number(right);
    case "/":
      return Number(left) / Number(right);
    default:
      return Number(left) % Number(right);
  }
}

/** A collection's entries as Terraform iterates them: lists by index, maps by sorted key. */
export function entriesOf(collection: Value): [Value, Value][] | undefined {
  if (isList(collection)) return collection.map((v, i) => [i, v]);
  if (isObject(collection))
    return Object.keys(collection)
      .sort()
      .map((k) => [k, collection[k] as Value]);
  return undefined;
}

function forExpression(expr: Extract<Expr, { t: "for" }>, scope: Scope): Value {
  const collection = evaluateStrict(expr.collection, scope);
  if (isUnknown(collection)) return unknownFrom(expr, [collection]);
  const entries = entriesOf(collection);
  if (!entries) throw new EvaluationError(`${sourceOf(expr.collection)} is not a collection`);
  const list: Value[] = [];
  const object: Record<string, Value> = {};
  const groups: Record<string, Value[]> = {};
  for (const [key, value] of entries) {
    spend("elements", 1);
    const inner: Scope = {
      lookup: (name, at) =>
        name === expr.valueVar ? value : name === expr.keyVar ? key : scope.lookup(name, at),
    };
    if (expr.when) {
      const when = evaluateStrict(expr.when, inner);
      if (isUnknown(when)) return unknownFrom(expr, [when]);
      if (!truthy(when, expr.when)) continue;
    }
    const item = evaluate(expr.value, inner);
    if (!expr.object) {
      list.push(item);
      continue;
    }
    const k = evaluateStrict(expr.key as Expr, inner);
    if (isUnknown(k)) return unknownFrom(expr, [k]);
    if (expr.group) groups[printed(k)] = [...(groups[printed(k)] ?? []), item];
    else object[printed(k)] = item;
  }
  if (!expr.object) return list;
  return expr.group ? groups : object;
}

type Fn = (args: Value[], expr: Extract<Expr, { t: "call" }>) => Value;

const text = (v: Value) => printed(v);
const listOf = (v: Value, expr: Expr): readonly Value[] => {
  if (isList(v)) return v;
  if (isObject(v))
    return Object.keys(v)
      .sort()
      .map((k) => v[k] as Value);
  throw new EvaluationError(`${sourceOf(expr)}: not a list`);
};

/** A format verb this reader does not reproduce exactly: the result is unknown, never a guess. */
class FormatNotEvaluated extends Error {}

/**
 * Terraform's format(): widths pad, precisions cut, and a width is text like any other, counted
 * against the budget before it is built (`%020000000s` is twenty million characters).
 */
function format(spec: string, args: Value[]): string {
  let i = 0;
  return spec.replace(
    /%(?:%|([-0]*)(\d*)(?:\.(\d*))?([a-zA-Z])|.?)/g,
    (m, flags, width, precision, verb) => {
      if (m === "%%") return "%";
      if (verb === undefined || !"sdvqtf".includes(verb))
        throw new FormatNotEvaluated(`the format verb ${m} is not evaluated here`);
      if (i >= args.length) throw new EvaluationError(`format: too few arguments for ${m}`);
      const v = args[i++] as Value;
      const w = width ? Number(width) : 0;
      if (w > 0) spend("bytes", w);
      let out: string;
      if (verb === "q") {
        if (precision !== undefined)
          throw new FormatNotEvaluated(`the format verb ${m} is not evaluated here`);
        out = JSON.stringify(text(v));
      } else if (verb === "f") {
        if (typeof v !== "number") throw new EvaluationError(`format: ${m} needs a number`);
        const digits = precision === undefined ? 6 : Number(precision || "0");
        if (digits > 100)
          throw new FormatNotEvaluated(`the format verb ${m} is not evaluated here`);
        out = v.toFixed(digits);
      } else if (verb === "d") {
        if (typeof v !== "number" || !Number.isInteger(v))
          throw new EvaluationError(`format: ${m} needs a whole number`);
        out = String(v);
      } else {
        out = text(v);
        if (precision !== undefined && verb !== "t")
          out = [...out].slice(0, Number(precision || "0")).join("");
      }
      const pad = w - [...out].length;
      if (pad <= 0) return out;
      if (flags.includes("-")) return out + " ".repeat(pad);
      // Zero-padded text is not reproduced with certainty: unknown rather than a guess.
      if (flags.includes("0") && verb !== "d" && verb !== "f")
        throw new FormatNotEvaluated(`the format verb ${m} is not evaluated here`);
      if (flags.includes("0")) {
        const sign = out.startsWith("-") && (verb === "d" || verb === "f") ? "-" : "";
        return sign + "0".repeat(pad) + out.slice(sign.length);
      }
      return " ".repeat(pad) + out;
    },
  );
}

/** A value this reader does not compute as Terraform would: unknown, never a guess (nor an error `try()` would swap for its fallback). */
const notModelled = (e: Expr, why: string): Unknown =>
  new Unknown(sourceOf(e), [`${sourceOf(e)}: ${why} is not evaluated here`]);

const ascii = (v: string): boolean => !/[\u0080-\u{10ffff}]/u.test(v);

/** Functions that need every argument known; the others handle unknowns themselves. */
const STRICT: Readonly<Record<string, Fn>> = {
  join: ([sep, ...lists], e) => {
    const items = lists.flatMap((l) => listOf(l as Value, e)).map(text);
    // The separator repeats between every item: counted before the text is built.
    spend("bytes", text(sep ?? "").length * items.length);
    return items.join(text(sep ?? ""));
  },
  format: ([spec, ...rest], e) => {
    try {
      return format(text(spec ?? ""), rest);
    } catch (error) {
      if (!(error instanceof FormatNotEvaluated)) throw error;
      return new Unknown(sourceOf(e), [`${sourceOf(e)}: ${error.message}`]);
    }
  },
  // Terraform counts a string's grapheme clusters: only ASCII is counted here.
  length: ([v], e) =>
    typeof v === "string"
      ? ascii(v)
        ? v.length
        : notModelled(e, "length() of text outside ASCII")
      : listOf(v ?? null, e).length,
  lookup: ([map, key, fallback], e) => {
    if (isObject(map ?? null) && Object.hasOwn(map as object, text(key ?? "")))
      return (map as Record<string, Value>)[text(key ?? "")] as Value;
    if (fallback === undefined)
      throw new EvaluationError(`${sourceOf(e)}: no key ${text(key ?? "")}`);
    return fallback;
  },
  element: ([list, i], e) => {
    const items = listOf(list ?? null, e);
    if (items.length === 0) throw new EvaluationError(`${sourceOf(e)}: element of an empty list`);
    return items[Number(i) % items.length] as Value;
  },
  jsondecode: ([v], e) => {
    try {
      return JSON.parse(text(v ?? "")) as Value;
    } catch {
      throw new EvaluationError(`${sourceOf(e)}: not JSON`);
    }
  },
  keys: ([m]) => (isObject(m ?? null) ? Object.keys(m as object).sort() : []),
  values: ([m], e) => listOf(m ?? null, e),
  contains: ([list, v], e) => listOf(list ?? null, e).some((x) => same(x, v ?? null)),
  // Go's case mapping is one character to one (JavaScript maps ß to SS): ASCII only here.
  upper: ([v], e) =>
    ascii(text(v ?? ""))
      ? text(v ?? "").toUpperCase()
      : notModelled(e, "upper() of text outside ASCII"),
  lower: ([v], e) =>
    ascii(text(v ?? ""))
      ? text(v ?? "").toLowerCase()
      : notModelled(e, "lower() of text outside ASCII"),
  title: ([v], e) =>
    ascii(text(v ?? ""))
      ? text(v ?? "").replace(/\b\w/g, (c) => c.toUpperCase())
      : notModelled(e, "title() of text outside ASCII"),
  // An empty separator splits into characters, which JavaScript and Go count differently.
  split: ([sep, v], e) =>
    text(sep ?? "") === "" && !ascii(text(v ?? ""))
      ? notModelled(e, "split() into characters of text outside ASCII")
      : text(v ?? "").split(text(sep ?? "")),
  replace: ([v, from, to], e) => {
    const f = text(from ?? "");
    // A regular expression from the pull request, run by a backtracking engine, can take
    // hours (`/(a+)+$/`): not evaluated, so the value is unknown and says why.
    // An unknown, not an error: `try()` must not swap it for its fallback.
    if (/^\/(.*)\/$/.test(f))
      return new Unknown(sourceOf(e), [
        `${sourceOf(e)}: replace() with a regular expression is not evaluated (it could run for unbounded time)`,
      ]);
    if (f === "" && !ascii(text(v ?? "")))
      return notModelled(e, "replace() of an empty string in text outside ASCII");
    const parts = text(v ?? "").split(f);
    spend("bytes", text(to ?? "").length * parts.length);
    return parts.join(text(to ?? ""));
  },
  // Go's white space, not JavaScript's (which has U+FEFF and lacks U+0085).
  trimspace: ([v]) => goTrimSpace(text(v ?? "")),
  trimprefix: ([v, p]) =>
    text(v ?? "").startsWith(text(p ?? ""))
      ? text(v ?? "").slice(text(p ?? "").length)
      : text(v ?? ""),
  trimsuffix: ([v, s]) =>
    text(v ?? "").endsWith(text(s ?? "")) && text(s ?? "") !== ""
      ? text(v ?? "").slice(0, -text(s ?? "").length)
      : text(v ?? ""),
  startswith: ([v, p]) => text(v ?? "").startsWith(text(p ?? "")),
  endswith: ([v, s]) => text(v ?? "").endsWith(text(s ?? "")),
  substr: ([v, o, l], e) =>
    ascii(text(v ?? ""))
      ? text(v ?? "").substr(Number(o), Number(l) < 0 ? undefined : Number(l))
      : notModelled(e, "substr() of text outside ASCII"),
  tostring: ([v]) => (v === null || v === undefined ? null : text(v)),
  // What Terraform converts; anything else is its error, never a guess here.
  tonumber: ([v], e) =>
    v === null || v === undefined
      ? null
      : typeof v === "number"
        ? v
        : typeof v === "string" && /^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$/.test(v)
          ? Number(v)
          : notModelled(e, "tonumber() of a value Terraform may not convert"),
  tobool: ([v], e) =>
    v === null || v === undefined
      ? null
      : typeof v === "boolean"
        ? v
        : v === "true" || v === "false"
          ? v === "true"
          : notModelled(e, "tobool() of a value Terraform does not convert"),
  zipmap: ([k, v], e) => {
    const ks = listOf(k ?? null, e);
    const vs = listOf(v ?? null, e);
    return Object.fromEntries(ks.map((key, i) => [text(key), vs[i] ?? null]));
  },
  // Terraform sorts by code point; JavaScript's sort() by UTF-16 unit.
  sort: ([l], e) => [...listOf(l ?? null, e)].map(text).sort(byCodePoint),
  reverse: ([l], e) => [...listOf(l ?? null, e)].reverse(),
  slice: ([l, a, b], e) => listOf(l ?? null, e).slice(Number(a), Number(b)),
  range: (args, e) => {
    const [start, end, step] =
      args.length === 1
        ? [0, Number(args[0]), 1]
        : [Number(args[0]), Number(args[1]), Number(args[2] ?? 1)];
    if (step === 0 || !Number.isFinite(step))
      throw new EvaluationError(`${sourceOf(e)}: range() with a step of ${step}`);
    // Counted before it is built: range(1e12) is refused, not allocated.
    spend("elements", Math.max(0, Math.ceil((end - start) / step)));
    const out: number[] = [];
    for (let i = start; step > 0 ? i < end : i > end; i += step) out.push(i);
    return out;
  },
  min: (args) => Math.min(...args.map(Number)),
  max: (args) => Math.max(...args.map(Number)),
  abs: ([v]) => Math.abs(Number(v)),
  setproduct: (args, e) => {
    const lists = args.map((a) => listOf(a, e));
    spend(
      "elements",
      lists.reduce((n, l) => n * l.length, 1),
    );
    return lists.reduce<Value[][]>((acc, l) => acc.flatMap((p) => l.map((x) => [...p, x])), [[]]);
  },
  chunklist: ([l, n], e) => {
    const items = listOf(l ?? null, e);
    if (!(Number(n) >= 1)) throw new EvaluationError(`${sourceOf(e)}: chunklist() of size ${n}`);
    const out: Value[][] = [];
    for (let i = 0; i < items.length; i += Number(n)) out.push(items.slice(i, i + Number(n)));
    return out;
  },
  base64encode: ([v]) => Buffer.from(text(v ?? "")).toString("base64"),
};

/** Functions that keep the known parts of partly unknown arguments. */
const STRUCTURAL: Readonly<Record<string, Fn>> = {
  // Unknowns inside are printed as `${expression}`: a policy reader sees them as such.
  jsonencode: ([v]) => JSON.stringify(toJson(v ?? null)),
  concat: (args, e) => args.flatMap((a) => (isUnknown(a) ? [a] : listOf(a, e))),
  flatten: ([l], e) => {
    const flat = (v: Value): Value[] => (isList(v) ? v.flatMap(flat) : [v]);
    return flat(listOf(l ?? null, e) as Value);
  },
  compact: ([l], e) => listOf(l ?? null, e).filter((v) => v !== "" && v !== null),
  distinct: ([l], e) => {
    const out: Value[] = [];
    for (const v of listOf(l ?? null, e)) if (!out.some((x) => same(x, v))) out.push(v);
    return out;
  },
  // A set of strings is in code point order in Terraform, whatever order it was written in;
  // a set of anything else is not ordered here.
  toset: ([l], e) => {
    const items = STRUCTURAL.distinct?.([l ?? null], e) ?? [];
    if (!isList(items) || !items.every((v) => typeof v === "string"))
      return notModelled(e, "toset() of values that are not all known strings");
    return [...(items as string[])].sort(byCodePoint);
  },
  tolist: ([l], e) => listOf(l ?? null, e),
  tomap: ([m]) => m ?? null,
  merge: (args) => {
    const out: Record<string, Value> = {};
    for (const a of args) if (isObject(a)) Object.assign(out, a);
    return out;
  },
  one: ([l], e) => {
    if (l === null || l === undefined) return null;
    const items = listOf(l, e);
    if (items.length > 1)
      throw new EvaluationError(`${sourceOf(e)}: one() of ${items.length} items`);
    return items[0] ?? null;
  },
  coalescelist: (args) => args.find((a) => isUnknown(a) || (isList(a) && a.length > 0)) ?? [],
};

function callFunction(expr: Extract<Expr, { t: "call" }>, scope: Scope): Value {
  spend("calls", 1);
  const result = callUnmetered(expr, scope);
  // What a function builds is counted after: its inputs were already counted, and no function
  // here makes more than a small multiple of them.
  if (typeof result === "string") spend("bytes", result.length);
  else if (isList(result)) spend("elements", result.length);
  return result;
}

function callUnmetered(expr: Extract<Expr, { t: "call" }>, scope: Scope): Value {
  const name = expr.name;
  if (name === "try" || name === "can") {
    for (const arg of expr.args) {
      try {
        const v = evaluateStrict(arg, scope);
        return name === "can" ? (isUnknown(v) ? unknownFrom(expr, [v]) : true) : v;
      } catch (error) {
        if (!(error instanceof EvaluationError)) throw error;
      }
    }
    if (name === "can") return false;
    throw new EvaluationError(`${sourceOf(expr)}: no argument could be evaluated`);
  }
  let args = expr.args.map((a) => evaluateStrict(a, scope));
  if (expr.expand && args.length > 0) {
    const last = args[args.length - 1] as Value;
    if (isUnknown(last)) return unknownFrom(expr, [last]);
    args = [...args.slice(0, -1), ...listOf(last, expr)];
  }
  if (name === "coalesce") {
    for (const a of args) {
      if (isUnknown(a)) return unknownFrom(expr, [a]);
      if (a !== null && a !== "") return a;
    }
    throw new EvaluationError(`${sourceOf(expr)}: every argument is null or empty`);
  }
  if (name === "file" || name === "templatefile") {
    const [path, vars] = args;
    if (typeof path !== "string") return unknownFrom(expr, args);
    const text = readFileValue(path, scope, expr);
    if (isUnknown(text) || name === "file") return text;
    if (!isObject(vars ?? null)) return unknownFrom(expr, args);
    // A template file is a template like any string, with only its variables in scope.
    let parts: (string | Expr)[];
    try {
      parts = parseTemplate(text);
    } catch (error) {
      if (!(error instanceof HclSyntaxError)) throw error;
      return new Unknown(sourceOf(expr), [`${path} is not a template this reader knows`]);
    }
    const template: Expr = { t: "tmpl", parts, s: { source: text, start: 0, end: text.length } };
    const own = vars as { readonly [key: string]: Value };
    return evaluate(template, {
      lookup: (n, at) => {
        if (Object.hasOwn(own, n)) return own[n] as Value;
        throw new EvaluationError(
          `${n} is not a variable of the template ${path} (${sourceOf(at)})`,
        );
      },
    });
  }
  const structural = STRUCTURAL[name];
  if (structural) {
    if (args.some((a) => isUnknown(a)) && !["concat", "coalescelist"].includes(name))
      return unknownFrom(expr, args);
    return structural(args, expr);
  }
  const strict = STRICT[name];
  if (!strict) {
    const why =
      name === "%directive"
        ? "template directives (%{…}) are not evaluated"
        : `the function ${name}() is not evaluated here`;
    return new Unknown(sourceOf(expr), [why]);
  }
  if (args.some((a) => unknownsIn(a).length > 0)) return unknownFrom(expr, args);
  return strict(args, expr);
}
