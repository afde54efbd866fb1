// A Terraform file as hcl2json writes it (github.com/tmccombs/hcl2json/convert, the converter
// inside @cdktn/hcl2json), without starting HashiCorp's parser: the same JSON value, key for
// key and quirk for quirk. Blocks nest by type and label, each body in a list; literals,
// tuples and objects become JSON; every other expression is its own source inside `${…}`
// (with a closing parenthesis right after it taken in); a template that
// interpolates is its literal text with each interpolation's source in `${…}`, a conditional
// inside it as `%{if …}…%{else}…%{endif}`.
//
// What this does not read the same way, it does not read: hclToJson throws HclUnsupported, and
// the caller asks hcl2json (tests compare the two on every Terraform file they have).

import { type Block, type Body, type Expr, type Part, parseHclConfig } from "./hcl-syntax.js";
import { HclUnsupported } from "./hcl-unsupported.js";

type Json = null | boolean | number | string | Json[] | JsonMap;
/** hcl2json's Go map: any key order while built, sorted when written. */
type JsonMap = Map<string, Json>;

const PLAIN_INTEGER = /^(0|[1-9][0-9]{0,14})$/;

/** The file as hcl2json's JSON gives it, parsed (JSON.parse of its output). */
export function hclToJson(text: string): Record<string, unknown> {
  try {
    const body: Body = parseHclConfig(text);
    return plain(new Converter(text).body(body)) as Record<string, unknown>;
  } catch (error) {
    // This stack exhausted, wherever (the depth bounds should keep it from happening): hcl2json
    // decides.
    if (error instanceof RangeError) throw new HclUnsupported("nesting too deep to read here", 0);
    throw error;
  }
}

/** hcl2json's escapeLiteral: literal text written so that it cannot read as a template. */
const escapeLiteral = (text: string): string =>
  // Replaced through functions: in a replacement string, `$$` would be one `$`.
  text.replaceAll("${", () => "$${").replaceAll("%{", () => "%%{");

class Converter {
  constructor(readonly text: string) {}

  body(body: Body): JsonMap {
    const out: JsonMap = new Map();
    for (const block of body.blocks) this.block(block, out);
    // Attributes after blocks: one of a block's name replaces it, as hcl2json's map does.
    for (const [name, expr] of body.attributes) out.set(name, this.expression(expr));
    return out;
  }

  block(block: Block, into: JsonMap): void {
    let out = into;
    let key = block.type;
    for (const label of block.labels) {
      const inner = out.get(key);
      if (inner === undefined) {
        const created: JsonMap = new Map();
        out.set(key, created);
        out = created;
      } else if (inner instanceof Map) out = inner;
      else throw new HclUnsupported("a block whose labels hcl2json cannot nest", 0);
      key = label;
    }
    const value = this.body(block.body);
    const current = out.get(key);
    if (current === undefined) out.set(key, [value]);
    else if (Array.isArray(current)) current.push(value);
    else throw new HclUnsupported("a block whose labels hcl2json cannot nest", 0);
  }

  expression(expr: Expr): Json {
    switch (expr.k) {
      case "lit":
        return expr.v;
      case "unary":
        return this.unary(expr);
      case "tmpl":
        return this.template(expr.parts);
      case "wrap":
        return this.expression(expr.inner);
      case "tuple":
        return expr.items.map((item) => this.expression(item));
      case "object": {
        const out: JsonMap = new Map();
        for (const item of expr.items) out.set(this.key(item.key), this.expression(item.value));
        return out;
      }
      default:
        return this.wrapped(expr);
    }
  }

  /** `-1`, `!true`: the value; an operator on anything but a literal stays an expression. */
  unary(expr: Extract<Expr, { k: "unary" }>): Json {
    const { operand } = expr;
    if (operand.k !== "lit") return this.wrapped(expr);
    if (expr.op === "-" && typeof operand.v === "number") return -operand.v;
    if (expr.op === "!" && typeof operand.v === "boolean") return !operand.v;
    throw new HclUnsupported("an operator on a literal of the wrong type", expr.s);
  }

  template(parts: readonly Part[]): string {
    const only = parts[0];
    if (parts.length === 1 && only?.k === "str") return escapeLiteral(only.v);
    return parts.map((part) => this.stringPart(part)).join("");
  }

  stringPart(part: Part): string {
    switch (part.k) {
      case "str":
        return escapeLiteral(part.v);
      case "lit":
        // A bare null is the word; cty's conversion of the rest to a string: only the forms
        // that are their own text are read here.
        if (part.v === null) return "null";
        if (typeof part.v === "boolean") return String(part.v);
        if (PLAIN_INTEGER.test(this.source(part))) return String(part.v);
        throw new HclUnsupported("a literal number inside a template", part.s);
      case "tmpl":
        return this.template(part.parts);
      case "wrap":
        return this.stringPart(part.inner);
      case "cond": {
        const no = this.stringPart(part.no);
        return `%{if ${this.source(part.cond)}}${this.stringPart(part.yes)}${no ? `%{else}${no}` : ""}%{endif}`;
      }
      default:
        return this.wrapped(part);
    }
  }

  /** An object's key: a bare name or traversal as written, anything else as a template part. */
  key(key: Expr): string {
    const name = key.k === "trav" ? this.source(key) : this.stringPart(key);
    if (name === "__proto__") throw new HclUnsupported("an object key named __proto__", key.s);
    return name;
  }

  wrapped(expr: Expr): string {
    return `\${${this.source(expr)}}`;
  }

  /** hcl2json's rangeSource: the expression's text, and a `)` right after it. */
  source(expr: Expr): string {
    const end = this.text[expr.e] === ")" ? expr.e + 1 : expr.e;
    return this.text.slice(expr.s, end);
  }
}

/** Go's string order (encoding/json's map keys, sort, sets): by UTF-8 bytes, so by code point. */
export function byCodePoint(a: string, b: string): number {
  let i = 0;
  for (;;) {
    const x = a.codePointAt(i);
    const y = b.codePointAt(i);
    if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? -1 : 1;
    if (x !== y) return x - y;
    i += x > 0xffff ? 2 : 1;
  }
}

/** The value as JSON.parse gives hcl2json's output: plain objects, keys in Go's order. */
function plain(value: Json): unknown {
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const key of [...value.keys()].sort(byCodePoint)) {
      if (key === "__proto__") throw new HclUnsupported("a block or argument named __proto__", 0);
      out[key] = plain(value.get(key) as Json);
    }
    return out;
  }
  if (Array.isArray(value)) return value.map(plain);
  return value;
}
