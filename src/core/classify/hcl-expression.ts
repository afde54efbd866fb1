// HCL's expression syntax, as hcl2json leaves it in strings: `"${var.x}"`, `"arn:${local.p}:iam"`,
// `"$${aws:username}"` (an escaped, literal `${`). A small recursive-descent parser into a tree
// the evaluator walks; every node keeps its source span so that what cannot be evaluated can be
// named as written.

import { decodeEscape, goTrimSpace, isGoSpace, notNormalForm } from "../hcl/hcl-lexer.js";
import { HclUnsupported } from "../hcl/hcl-unsupported.js";

export type Expr =
  | { readonly t: "lit"; readonly v: string | number | boolean | null; readonly s: Span }
  | { readonly t: "tmpl"; readonly parts: readonly (string | Expr)[]; readonly s: Span }
  | { readonly t: "name"; readonly name: string; readonly s: Span }
  | { readonly t: "attr"; readonly obj: Expr; readonly name: string; readonly s: Span }
  | { readonly t: "index"; readonly obj: Expr; readonly key: Expr; readonly s: Span }
  /** `obj.*.rest` / `obj[*].rest`: `rest` is applied to each item, which `item` stands for. */
  | { readonly t: "splat"; readonly obj: Expr; readonly each: Expr; readonly s: Span }
  | { readonly t: "item"; readonly s: Span }
  | {
      readonly t: "call";
      readonly name: string;
      readonly args: readonly Expr[];
      readonly expand: boolean;
      readonly s: Span;
    }
  | { readonly t: "unary"; readonly op: string; readonly arg: Expr; readonly s: Span }
  | {
      readonly t: "binary";
      readonly op: string;
      readonly left: Expr;
      readonly right: Expr;
      readonly s: Span;
    }
  | {
      readonly t: "cond";
      readonly test: Expr;
      readonly then: Expr;
      readonly else: Expr;
      readonly s: Span;
    }
  | { readonly t: "tuple"; readonly items: readonly Expr[]; readonly s: Span }
  | {
      readonly t: "object";
      readonly items: readonly { readonly key: Expr; readonly value: Expr }[];
      readonly s: Span;
    }
  | {
      readonly t: "for";
      readonly object: boolean;
      readonly keyVar?: string;
      readonly valueVar: string;
      readonly collection: Expr;
      readonly key?: Expr;
      readonly value: Expr;
      readonly when?: Expr;
      readonly group: boolean;
      readonly s: Span;
    };

/** Where a node is in the source it was parsed from. */
export interface Span {
  readonly source: string;
  readonly start: number;
  readonly end: number;
}

export class HclSyntaxError extends Error {}

/** The text a node was parsed from. */
export function sourceOf(expr: Expr): string {
  let source = SOURCES.get(expr);
  if (source === undefined) {
    source = normalisedSource(expr);
    SOURCES.set(expr, source);
  }
  return source;
}

/**
 * Each expression's source, normalised once: parsed strings are kept (hcl-evaluate), and a
 * folder evaluated under many scenarios names the same unknown expressions again and again.
 */
const SOURCES = new WeakMap<Expr, string>();

function normalisedSource(expr: Expr): string {
  // Layout is not meaning: `f(a,b)` and `f( a, b )` are the same expression.
  return expr.s.source
    .slice(expr.s.start, expr.s.end)
    .trim()
    .split(/("(?:[^"\\]|\\.)*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/\s+/g, " ")
            .replace(/\s*([()[\],])\s*/g, "$1")
            .replace(/,/g, ", "),
    )
    .join("");
}

const BINARY: readonly (readonly string[])[] = [
  ["||"],
  ["&&"],
  ["==", "!="],
  ["<=", ">=", "<", ">"],
  ["+", "-"],
  ["*", "/", "%"],
];

class Parser {
  pos = 0;
  constructor(readonly src: string) {}

  span(start: number): Span {
    return { source: this.src, start, end: this.pos };
  }

  fail(what: string): never {
    throw new HclSyntaxError(`${what} at ${this.pos} in ${JSON.stringify(this.src.slice(0, 120))}`);
  }

  skip(): void {
    for (;;) {
      const rest = this.src.slice(this.pos);
      const space = /^(?:\s+|#[^\n]*|\/\/[^\n]*|\/\*[\s\S]*?\*\/)/.exec(rest);
      if (!space || space[0] === "") return;
      this.pos += space[0].length;
    }
  }

  peek(token: string): boolean {
    this.skip();
    return this.src.startsWith(token, this.pos);
  }

  eat(token: string): boolean {
    if (!this.peek(token)) return false;
    this.pos += token.length;
    return true;
  }

  expect(token: string): void {
    if (!this.eat(token)) this.fail(`expected ${token}`);
  }

  identifier(): string | undefined {
    this.skip();
    const match = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(this.src.slice(this.pos));
    if (!match) return undefined;
    this.pos += match[0].length;
    return match[0];
  }

  expression(): Expr {
    this.skip();
    const start = this.pos;
    const test = this.binary(0);
    if (this.eat("?")) {
      const then = this.expression();
      this.expect(":");
      const otherwise = this.expression();
      return { t: "cond", test, then, else: otherwise, s: this.span(start) };
    }
    return test;
  }

  binary(level: number): Expr {
    if (level >= BINARY.length) return this.unary();
    this.skip();
    const start = this.pos;
    let left = this.binary(level + 1);
    for (;;) {
      this.skip();
      const op = (BINARY[level] as readonly string[]).find(
        (o) =>
          this.src.startsWith(o, this.pos) &&
          // `=>` and `==` are not `=`; `<=` is checked before `<`.
          !(o === "<" && this.src.startsWith("<=", this.pos)) &&
          !(o === ">" && this.src.startsWith(">=", this.pos)),
      );
      if (!op) return left;
      this.pos += op.length;
      const right = this.binary(level + 1);
      left = { t: "binary", op, left, right, s: this.span(start) };
    }
  }

  unary(): Expr {
    this.skip();
    const start = this.pos;
    if (this.src.startsWith("!", this.pos) && !this.src.startsWith("!=", this.pos)) {
      this.pos++;
      return { t: "unary", op: "!", arg: this.unary(), s: this.span(start) };
    }
    if (this.src.startsWith("-", this.pos)) {
      this.pos++;
      return { t: "unary", op: "-", arg: this.unary(), s: this.span(start) };
    }
    return this.postfix(this.primary(), start);
  }

  /** `.name`, `[key]`, `.*`, `[*]` after a value. */
  postfix(base: Expr, start: number): Expr {
    let expr = base;
    for (;;) {
      this.skip();
      if (this.src.startsWith(".*", this.pos) || this.src.startsWith("[*]", this.pos)) {
        this.pos += this.src.startsWith(".*", this.pos) ? 2 : 3;
        const itemStart = this.pos;
        const each = this.postfix({ t: "item", s: this.span(itemStart) }, itemStart);
        return { t: "splat", obj: expr, each, s: this.span(start) };
      }
      if (this.src.startsWith(".", this.pos) && !this.src.startsWith("...", this.pos)) {
        this.pos++;
        const number = /^\d+/.exec(this.src.slice(this.pos));
        if (number) {
          // Legacy `list.0` index.
          this.pos += number[0].length;
          const key: Expr = { t: "lit", v: Number(number[0]), s: this.span(this.pos) };
          expr = { t: "index", obj: expr, key, s: this.span(start) };
          continue;
        }
        const name = this.identifier();
        if (name === undefined) this.fail("expected an attribute name");
        expr = { t: "attr", obj: expr, name, s: this.span(start) };
        continue;
      }
      if (this.src.startsWith("[", this.pos)) {
        this.pos++;
        const key = this.expression();
        this.expect("]");
        expr = { t: "index", obj: expr, key, s: this.span(start) };
        continue;
      }
      return expr;
    }
  }

  primary(): Expr {
    this.skip();
    const start = this.pos;
    const c = this.src[this.pos];
    if (c === undefined) this.fail("unexpected end");
    if (c === "(") {
      this.pos++;
      const inner = this.expression();
      this.expect(")");
      return inner;
    }
    if (c === '"') {
      this.pos++;
      const parts = this.template('"');
      return { t: "tmpl", parts, s: this.span(start) };
    }
    if (this.src.startsWith("<<", this.pos)) return this.heredoc(start);
    const number = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.src.slice(this.pos));
    if (number) {
      this.pos += number[0].length;
      return { t: "lit", v: Number(number[0]), s: this.span(start) };
    }
    if (c === "[") return this.tuple(start);
    if (c === "{") return this.object(start);
    const name = this.identifier();
    if (name === undefined) this.fail(`unexpected ${JSON.stringify(c)}`);
    if (name === "true" || name === "false")
      return { t: "lit", v: name === "true", s: this.span(start) };
    if (name === "null") return { t: "lit", v: null, s: this.span(start) };
    this.skip();
    if (this.src.startsWith("(", this.pos)) {
      this.pos++;
      const args: Expr[] = [];
      let expand = false;
      while (!this.eat(")")) {
        args.push(this.expression());
        if (this.eat("...")) expand = true;
        if (!this.eat(",") && !this.peek(")")) this.fail("expected , or )");
      }
      // provider::aws::fn style names are not read.
      return { t: "call", name, args, expand, s: this.span(start) };
    }
    return { t: "name", name, s: this.span(start) };
  }

  tuple(start: number): Expr {
    this.pos++;
    this.skip();
    if (/^for\s/.test(this.src.slice(this.pos))) return this.forExpression(start, false);
    const items: Expr[] = [];
    while (!this.eat("]")) {
      items.push(this.expression());
      if (!this.eat(",") && !this.peek("]")) this.fail("expected , or ]");
    }
    return { t: "tuple", items, s: this.span(start) };
  }

  object(start: number): Expr {
    this.pos++;
    this.skip();
    if (/^for\s/.test(this.src.slice(this.pos))) return this.forExpression(start, true);
    const items: { key: Expr; value: Expr }[] = [];
    while (!this.eat("}")) {
      this.skip();
      const keyStart = this.pos;
      // A bare name as a key is the name itself, not a reference.
      const bare = /^([A-Za-z_][A-Za-z0-9_-]*)\s*(?:=(?!=)|:)/.exec(this.src.slice(this.pos));
      let key: Expr;
      if (bare) {
        this.pos += (bare[1] as string).length;
        key = { t: "lit", v: bare[1] as string, s: this.span(keyStart) };
      } else key = this.expression();
      if (!this.eat("=") && !this.eat(":")) this.fail("expected = or :");
      const value = this.expression();
      items.push({ key, value });
      this.eat(",");
    }
    return { t: "object", items, s: this.span(start) };
  }

  forExpression(start: number, object: boolean): Expr {
    this.identifier(); // for
    const first = this.identifier();
    if (first === undefined) this.fail("expected a name after for");
    let keyVar: string | undefined;
    let valueVar = first;
    if (this.eat(",")) {
      keyVar = first;
      const second = this.identifier();
      if (second === undefined) this.fail("expected a second name after for");
      valueVar = second;
    }
    if (this.identifier() !== "in") this.fail("expected in");
    const collection = this.expression();
    this.expect(":");
    let key: Expr | undefined;
    let value = this.expression();
    if (object) {
      this.expect("=>");
      key = value;
      value = this.expression();
    }
    const group = this.eat("...");
    let when: Expr | undefined;
    this.skip();
    if (/^if\s/.test(this.src.slice(this.pos))) {
      this.identifier();
      when = this.expression();
    }
    this.expect(object ? "}" : "]");
    return {
      t: "for",
      object,
      ...(keyVar === undefined ? {} : { keyVar }),
      valueVar,
      collection,
      ...(key ? { key } : {}),
      value,
      ...(when ? { when } : {}),
      group,
      s: this.span(start),
    };
  }

  heredoc(start: number): Expr {
    const header = /^<<(-?)([A-Za-z_][A-Za-z0-9_]*)\r?\n/.exec(this.src.slice(this.pos));
    if (!header) this.fail("bad heredoc");
    this.pos += header[0].length;
    const rest = this.src.slice(this.pos);
    // As HCL's scanner: lines end at \n only (not at U+2028, nor at a carriage return alone),
    // and a line is the marker when it is the marker once Go's white space is trimmed. Other
    // white space than spaces and tabs would be counted by HCL's rules, not these: not read.
    let at = 0;
    let close: { index: number; length: number } | undefined;
    for (;;) {
      const eol = rest.indexOf("\n", at);
      if (eol < 0) break;
      const line = rest.slice(at, eol);
      if (oddSpace(line)) this.fail("a heredoc with white space this reader does not read");
      if (goTrimSpace(line) === header[2]) {
        close = { index: at, length: eol - at };
        break;
      }
      at = eol + 1;
    }
    if (!close) this.fail("unterminated heredoc");
    let body = rest.slice(0, close.index);
    if (header[1] === "-") {
      const lines = body.split("\n");
      const indent = Math.min(
        ...lines.filter((l) => l.trim() !== "").map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0),
      );
      body = lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join("\n");
    }
    this.pos += close.index + close.length;
    const parts = parseTemplate(body);
    return { t: "tmpl", parts, s: this.span(start) };
  }

  /** A template's parts up to `terminator` (or the end), `${…}` parsed, `$${` and `%%{` unescaped. */
  template(terminator: string | undefined): (string | Expr)[] {
    const parts: (string | Expr)[] = [];
    let text = "";
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) {
        if (terminator !== undefined) this.fail("unterminated string");
        break;
      }
      if (terminator !== undefined && c === terminator) {
        this.pos++;
        break;
      }
      if (c === "\\" && terminator !== undefined) {
        // HCL's escapes, \uXXXX and \UXXXXXXXX included; any other is its error.
        let decoded: [string, number];
        try {
          decoded = decodeEscape(this.src, this.pos);
        } catch (error) {
          if (!(error instanceof HclUnsupported)) throw error;
          this.fail("an escape HCL does not accept");
        }
        text += decoded[0];
        this.pos += decoded[1];
        continue;
      }
      if (this.src.startsWith("$${", this.pos) || this.src.startsWith("%%{", this.pos)) {
        text += `${c}{`;
        this.pos += 3;
        continue;
      }
      if (this.src.startsWith("${", this.pos)) {
        if (text !== "") parts.push(text);
        text = "";
        this.pos += 2;
        // Strip markers take white space off the text beside them: not read here.
        if (this.src[this.pos] === "~") this.fail("a strip marker");
        const expr = this.expression();
        if (this.eat("~")) this.fail("a strip marker");
        this.expect("}");
        parts.push(expr);
        continue;
      }
      if (this.src.startsWith("%{", this.pos)) {
        // Template directives (%{if}, %{for}) are rare in IAM: not evaluated, kept as written.
        if (text !== "") parts.push(text);
        text = "";
        const start = this.pos;
        const close = this.src.indexOf("}", this.pos);
        if (close < 0) this.fail("unterminated directive");
        this.pos = close + 1;
        parts.push({ t: "call", name: "%directive", args: [], expand: false, s: this.span(start) });
        continue;
      }
      text += c;
      this.pos++;
    }
    if (text !== "") parts.push(text);
    // A literal is a cty string, which Terraform normalises: see notNormalForm.
    for (const part of parts)
      if (typeof part === "string" && notNormalForm(part))
        this.fail("text that is not in Unicode's normal form C");
    return parts;
  }
}

/** White space in a heredoc's line other than spaces, tabs and the carriage return before its newline. */
function oddSpace(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 32 || c === 9 || (c === 13 && i === line.length - 1)) continue;
    if (isGoSpace(c) || c === 13) return true;
  }
  return false;
}

/** A string as hcl2json gives it: a template, which may be plain text. */
export function parseTemplate(text: string): (string | Expr)[] {
  const parser = new Parser(text);
  return parser.template(undefined);
}

/** The string as one expression: `${x}` alone is x itself (not its text), else a template. */
export function parseStringValue(text: string): Expr {
  const parts = parseTemplate(text);
  const span = { source: text, start: 0, end: text.length };
  if (parts.length === 1 && typeof parts[0] !== "string" && /^\$\{[\s\S]*\}$/.test(text.trim()))
    return parts[0] as Expr;
  if (parts.every((p) => typeof p === "string")) return { t: "lit", v: parts.join(""), s: span };
  return { t: "tmpl", parts, s: span };
}

/** One expression on its own: `var.x ? 1 : 0`. */
export function parseExpression(text: string): Expr {
  const parser = new Parser(text);
  const expr = parser.expression();
  parser.skip();
  if (parser.pos < text.length) parser.fail("unexpected text");
  return expr;
}
