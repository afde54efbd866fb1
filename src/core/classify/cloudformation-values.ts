// A template's property values with the intrinsic functions worked out as far as the template
// alone can tell: pseudo-parameters and references to the template's own resources stay the
// same on both sides (`{AWS::AccountId}`, `{AppRole.Arn}`), `Fn::Sub`, `Fn::Join`, `Fn::Select`
// and `Fn::FindInMap` with literal keys are evaluated, and what is known only when the stack is
// deployed (a parameter's value, a condition, another stack's export, a macro) becomes an
// expression, `${<Env>}`, that the IAM comparison treats as unknown, with the reason kept.

import type { Template } from "./cloudformation-template.js";
import { type JsonRecord, record } from "./json-shapes.js";

/** A value known only on deploy, and what it rests on. */
class Deferred {
  constructor(
    readonly text: string,
    readonly on: readonly string[],
    /** Not a plain string (a branch of `Fn::If`, a mapping's entry): documents holding it cannot be read. */
    readonly structural: boolean,
  ) {}
}

/** `AWS::NoValue`: the property or item is left out. */
const NO_VALUE = Symbol("AWS::NoValue");

export interface ResolvedValue {
  /** JSON: strings, numbers, lists, records; deferred values as `${…}` expressions. */
  readonly value: unknown;
  /** What it rests on: "parameter Env", "condition IsProd", "the export Vpc of another stack" … */
  readonly on: readonly string[];
  /** It holds a deferred value where a string is not expected: a document in it cannot be read. */
  readonly structural: boolean;
}

/** A pseudo-parameter as resolved: `{AWS::Region}`. */
const PSEUDO = /^\{AWS::[A-Za-z]+\}$/;
const SUB_VARIABLE = /\$\{([^}]*)\}/g;
/** Values walked for one side of a template, at most: aliases and mappings can multiply them. */
export const MAX_RESOLVED_NODES = 4_000_000;
/** Characters of strings produced for one side of a template, at most. */
export const MAX_RESOLVED_CHARS = 64 * 1024 * 1024;

/** A side of a template whose values expand beyond the limits: it is not compared. */
export class TemplateTooLarge extends Error {}

/** The text of a deferred value inside an expression: no `${` of its own. */
const inner = (text: string) => text.replaceAll("${", "$(");

function deferred(text: string, on: readonly string[], structural = false): Deferred {
  return new Deferred(inner(text), [...new Set(on)], structural);
}

/**
 * One value known only on deploy, written `<…>`: inside a string joined around it the part
 * that is not known stays apart from the text that is, so the IAM comparison can try it.
 */
const atom = (text: string, on: readonly string[], structural = false) =>
  deferred(`<${text}>`, on, structural);

/** Resolves the values of one side of a template. */
export class Resolver {
  private nodes = MAX_RESOLVED_NODES;
  private chars = MAX_RESOLVED_CHARS;
  constructor(private readonly template: Template) {}

  /** Counts a string produced against the side's budget; throws TemplateTooLarge beyond it. */
  private charge(text: string): string {
    this.chars -= text.length;
    if (this.chars < 0) throw new TemplateTooLarge("its values expand beyond 64 MiB of text");
    return text;
  }

  /** The value with the intrinsic functions worked out; throws TemplateTooLarge beyond the budget. */
  resolve(raw: unknown): ResolvedValue {
    const on = new Set<string>();
    let structural = false;
    const finish = (v: unknown): unknown => {
      if (v instanceof Deferred) {
        for (const reason of v.on) on.add(reason);
        if (v.structural) structural = true;
        return `\${${v.text}}`;
      }
      if (Array.isArray(v)) return v.filter((x) => x !== NO_VALUE).map(finish);
      if (v !== null && typeof v === "object") {
        const out: JsonRecord = {};
        for (const [k, x] of Object.entries(v)) if (x !== NO_VALUE) out[k] = finish(x);
        return out;
      }
      return v === NO_VALUE ? null : v;
    };
    const value = finish(this.walk(raw));
    return { value, on: [...on].sort(), structural };
  }

  private walk(v: unknown): unknown {
    if (--this.nodes < 0)
      throw new TemplateTooLarge(
        `its values expand beyond ${MAX_RESOLVED_NODES.toLocaleString("en-US")} values`,
      );
    if (Array.isArray(v)) return v.map((x) => this.walk(x));
    if (typeof v === "string") return this.charge(v);
    if (v === null || typeof v !== "object") return v;
    const r = v as JsonRecord;
    const keys = Object.keys(r);
    if (keys.length === 1) {
      const [key] = keys as [string];
      const arg = r[key];
      if (key === "Ref") return this.ref(arg);
      if (key.startsWith("Fn::")) return this.call(key, arg);
    }
    const out: JsonRecord = {};
    for (const k of keys) out[k] = this.walk(r[k]);
    return out;
  }

  private ref(name: unknown): unknown {
    if (typeof name !== "string") return atom(`Ref ${JSON.stringify(name)}`, ["a Ref"], true);
    if (name === "AWS::NoValue") return NO_VALUE;
    if (name.startsWith("AWS::")) return `{${name}}`;
    if (this.template.parameters.has(name)) return atom(name, [`parameter ${name}`]);
    // A resource of the template (the same resource on both sides), or a name it does not declare.
    return `{${name}}`;
  }

  private call(fn: string, arg: unknown): unknown {
    switch (fn) {
      case "Fn::GetAtt": {
        const parts = typeof arg === "string" ? arg.split(".") : Array.isArray(arg) ? arg : [];
        const walked = parts.map((p) => this.walk(p));
        if (walked.every((p) => typeof p === "string")) return `{${walked.join(".")}}`;
        return this.defer(fn, walked);
      }
      case "Fn::Sub":
        return this.sub(arg);
      case "Fn::Join": {
        const [delimiter, items] = Array.isArray(arg) ? arg : [];
        const list = this.walk(items);
        if (typeof delimiter !== "string" || !Array.isArray(list)) return this.defer(fn, list);
        return this.joined(
          list.filter((x) => x !== NO_VALUE),
          delimiter,
        );
      }
      case "Fn::Select": {
        const [index, items] = Array.isArray(arg) ? arg : [];
        const i = this.walk(index);
        const list = this.walk(items);
        const n = typeof i === "string" ? Number(i) : i;
        if (typeof n === "number" && Array.isArray(list) && Number.isInteger(n) && n >= 0)
          return n < list.length ? list[n] : this.defer(fn, [i, list]);
        return this.defer(fn, [i, list]);
      }
      case "Fn::FindInMap": {
        const [map, ...keys] = (Array.isArray(arg) ? arg : []).map((x) => this.walk(x));
        if (
          typeof map === "string" &&
          keys.length >= 2 &&
          keys.every((k) => typeof k === "string")
        ) {
          let at: unknown = record(this.template.mappings[map]);
          for (const k of keys)
            at = Object.hasOwn(record(at), k as string) ? record(at)[k as string] : undefined;
          if (at !== undefined) return this.walk(at);
        }
        const deferredKeys = keys.filter((k): k is Deferred => k instanceof Deferred);
        // A key known only on deploy (a parameter, the region or partition): the value is one
        // of the mapping's entries at that level. One value for all is that value; strings
        // only are a string known on deploy.
        const open = (k: unknown) =>
          k instanceof Deferred || (typeof k === "string" && PSEUDO.test(k));
        let candidates: unknown[] = typeof map === "string" ? [this.template.mappings[map]] : [];
        for (const k of keys)
          candidates = candidates.flatMap((c) =>
            open(k)
              ? Object.values(record(c))
              : typeof k === "string" && Object.hasOwn(record(c), k)
                ? [record(c)[k]]
                : [],
          );
        const distinct = new Set(candidates.map((c) => stable(c)));
        if (candidates.length > 0 && distinct.size === 1) return this.walk(candidates[0]);
        const pseudo = keys.filter((k): k is string => typeof k === "string" && PSEUDO.test(k));
        return atom(
          `FindInMap ${typeof map === "string" ? map : "?"} ${keys.map(textOf).join(" ")}`,
          [
            ...(typeof map === "string" ? [`mapping ${map}`] : []),
            ...deferredKeys.flatMap((k) => k.on),
            ...pseudo.map((k) => `${k.slice(1, -1)} (where the stack is deployed)`),
            ...(deferredKeys.length + pseudo.length === 0
              ? ["a key its mapping does not hold"]
              : []),
          ],
          candidates.length === 0 || !candidates.every((c) => typeof c === "string"),
        );
      }
      case "Fn::If": {
        const [condition, yes, no] = Array.isArray(arg) ? arg : [];
        const a = this.walk(yes);
        const b = this.walk(no);
        const name = typeof condition === "string" ? condition : "?";
        const plain = (x: unknown) =>
          typeof x === "string" || (x instanceof Deferred && !x.structural);
        return atom(
          `If ${name} ${textOf(a)} else ${textOf(b)}`,
          [
            `condition ${name}`,
            ...(a instanceof Deferred ? a.on : []),
            ...(b instanceof Deferred ? b.on : []),
          ],
          !(plain(a) && plain(b)),
        );
      }
      case "Fn::ImportValue": {
        const name = this.walk(arg);
        return atom(`ImportValue ${textOf(name)}`, [
          `the export ${textOf(name)} of another stack`,
          ...(name instanceof Deferred ? name.on : []),
        ]);
      }
      case "Fn::Transform":
        return atom(
          `Transform ${textOf(this.walk(arg))}`,
          [`the macro ${textOf(record(arg).Name)}`],
          true,
        );
      default: {
        // Fn::Base64, Fn::GetAZs, Fn::Split, Fn::Cidr, Fn::ToJsonString …: the same arguments
        // give the same value, so it is compared as written.
        const walked = this.walk(arg);
        if (!containsDeferred(walked)) return `{${fn}(${stable(walked)})}`;
        return this.defer(fn, walked);
      }
    }
  }

  private defer(fn: string, args: unknown): Deferred {
    const on = new Set<string>();
    collect(args, on);
    return atom(`${fn.replace(/^Fn::/, "")} ${textOf(args)}`, on.size > 0 ? [...on] : [fn], true);
  }

  private sub(arg: unknown): unknown {
    const [text, vars] = typeof arg === "string" ? [arg, {}] : Array.isArray(arg) ? arg : [];
    if (typeof text !== "string") return this.defer("Fn::Sub", this.walk(arg));
    const own = record(vars);
    const parts: unknown[] = [];
    let last = 0;
    for (const m of text.matchAll(SUB_VARIABLE)) {
      parts.push(text.slice(last, m.index));
      last = (m.index ?? 0) + m[0].length;
      const name = (m[1] as string).trim();
      if (name.startsWith("!")) {
        parts.push(`\${${name.slice(1)}}`);
        continue;
      }
      if (Object.hasOwn(own, name)) {
        parts.push(this.walk(own[name]));
        continue;
      }
      const dot = name.indexOf(".");
      if (dot > 0 && !name.startsWith("AWS::")) parts.push(`{${name}}`);
      else parts.push(this.ref(name));
    }
    parts.push(text.slice(last));
    return this.joined(parts, "");
  }

  /** Parts joined, the text produced counted against the budget. */
  private joined(parts: readonly unknown[], delimiter: string): unknown {
    const out = concat(parts, delimiter);
    this.charge(out instanceof Deferred ? out.text : typeof out === "string" ? out : "");
    return out;
  }
}

function containsDeferred(v: unknown): boolean {
  if (v instanceof Deferred) return true;
  if (Array.isArray(v)) return v.some(containsDeferred);
  if (v !== null && typeof v === "object") return Object.values(v).some(containsDeferred);
  return false;
}

function collect(v: unknown, into: Set<string>): void {
  if (v instanceof Deferred) for (const r of v.on) into.add(r);
  else if (Array.isArray(v)) for (const x of v) collect(x, into);
  else if (v !== null && typeof v === "object") for (const x of Object.values(v)) collect(x, into);
}

function textOf(v: unknown): string {
  if (v instanceof Deferred) return v.text;
  if (typeof v === "string") return v;
  return stable(v, (d) => (d instanceof Deferred ? d.text : undefined));
}

/** Strings and deferred values joined: a string when all are known, else one deferred value. */
function concat(parts: readonly unknown[], delimiter: string): unknown {
  if (parts.every((p) => typeof p === "string")) return parts.join(delimiter);
  const on = new Set<string>();
  let structural = false;
  for (const p of parts) {
    if (p instanceof Deferred) {
      for (const r of p.on) on.add(r);
      if (p.structural) structural = true;
    } else if (typeof p !== "string" && typeof p !== "number") structural = true;
  }
  return deferred(parts.map(textOf).join(delimiter), [...on], structural);
}

/**
 * JSON with its keys sorted: the same value written in another order is the same text. Throws
 * TemplateTooLarge beyond 64 MiB (YAML aliases can make a small file a huge value).
 */
export function stable(v: unknown, special?: (v: unknown) => string | undefined): string {
  const out: string[] = [];
  let length = 0;
  const put = (text: string) => {
    length += text.length;
    if (length > MAX_RESOLVED_CHARS)
      throw new TemplateTooLarge("its values expand beyond 64 MiB of text");
    out.push(text);
  };
  const write = (x: unknown): void => {
    const s = special?.(x);
    if (s !== undefined) put(JSON.stringify(s));
    else if (Array.isArray(x)) {
      put("[");
      x.forEach((item, i) => {
        if (i > 0) put(",");
        write(item);
      });
      put("]");
    } else if (x !== null && typeof x === "object") {
      put("{");
      Object.keys(x)
        .sort()
        .forEach((k, i) => {
          put(`${i > 0 ? "," : ""}${JSON.stringify(k)}:`);
          write((x as JsonRecord)[k]);
        });
      put("}");
    } else put(JSON.stringify(x) ?? "null");
  };
  write(v);
  return out.join("");
}
