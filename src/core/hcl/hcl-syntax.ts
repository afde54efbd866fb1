// HCL's native syntax parsed as HashiCorp's parser does (hclsyntax/parser.go): the same grammar,
// the same newline rules (significant in bodies and objects, not inside brackets, parentheses
// and templates), the same errors. The tree keeps only what hcl2json's conversion looks at:
// literals, templates, tuples, objects, unary operators on literals, conditionals (which it
// writes as template directives inside templates), traversals (object keys) and, for anything
// else, where its source starts and ends. Every error, and the little not read here, throws
// HclUnsupported.

import { isGoSpace, lexHcl, notNormalForm, type Token, type TokenType } from "./hcl-lexer.js";
import { HclUnsupported } from "./hcl-unsupported.js";

interface Spanned {
  /** [s, e): from the first token's start to the last token's end, as HCL's ranges run. */
  readonly s: number;
  readonly e: number;
}

export type Expr = Spanned &
  (
    | { readonly k: "lit"; readonly v: number | boolean | null }
    | { readonly k: "tmpl"; readonly parts: readonly Part[] }
    /** A template that is one interpolation and nothing else: `"${x}"`. */
    | { readonly k: "wrap"; readonly inner: Expr }
    | { readonly k: "tuple"; readonly items: readonly Expr[] }
    | { readonly k: "object"; readonly items: readonly { key: Expr; value: Expr }[] }
    | { readonly k: "unary"; readonly op: "-" | "!"; readonly operand: Expr }
    | { readonly k: "cond"; readonly cond: Expr; readonly yes: Expr; readonly no: Expr }
    /** A name and static steps after it: `var.x`, `a.b[0]`, `c["d"]`. */
    | { readonly k: "trav" }
    | { readonly k: "other" }
  );

/** A template's part: literal text, or an interpolated expression. */
export type Part = { readonly k: "str"; v: string } | Expr;

export interface Block {
  readonly type: string;
  readonly labels: readonly string[];
  readonly body: Body;
}

export interface Body {
  readonly attributes: ReadonlyMap<string, Expr>;
  readonly blocks: readonly Block[];
}

const BINARY = new Set<TokenType>([
  "||",
  "&&",
  "==",
  "!=",
  ">",
  ">=",
  "<",
  "<=",
  "+",
  "-",
  "*",
  "/",
  "%",
]);

const KEYWORDS: Readonly<Record<string, boolean | null>> = { true: true, false: false, null: null };

const VALID_NUMBER = /^([0-9]+)(?:\.([0-9]+))?(?:[eE][+-]?([0-9]+))?$/;

/**
 * A number literal's value as hcl2json's JSON gives it. cty reads it as a 512-bit float and
 * hcl2json writes that out in decimal, which JSON.parse rounds to a double: one rounding, the
 * same as Number's, for up to 17 significant digits; more digits can round twice, and a value
 * past a double's range is an error there (or a hang, far below it). Those go to hcl2json.
 */
function numberOf(source: string, at: number): number {
  const match = VALID_NUMBER.exec(source);
  if (!match) throw new HclUnsupported("an invalid number", at);
  const digits = `${match[1]}${match[2] ?? ""}`.replace(/^0+/, "");
  // An exponent past 64 bits is hcl2json's error even on a zero.
  if ((match[3]?.length ?? 0) > 4) throw new HclUnsupported("a number with a long exponent", at);
  const value = Number(source);
  if (digits.length > 17 || !Number.isFinite(value))
    throw new HclUnsupported("a number with more digits or range than a double", at);
  // Below 1e-300 a double loses digits, and hcl2json writes the value out in full (a billion
  // digits for 1e-999999999: it hangs).
  if (digits !== "" && Math.abs(value) < 1e-300)
    throw new HclUnsupported("a number too small for a double", at);
  return value;
}

/** Deeper than this (blocks, brackets, templates, conditionals, unary operators), hcl2json decides. */
export const MAX_READER_DEPTH = 256;
/** More labels on one block than this nest too deep to convert: hcl2json decides. */
const MAX_LABELS = 64;

export function parseHclConfig(text: string): Body {
  return new Parser(text, lexHcl(text)).config();
}

class Parser {
  #next = 0;
  #depth = 0;
  readonly #newlines: boolean[] = [true];

  constructor(
    readonly text: string,
    readonly tokens: readonly Token[],
  ) {}

  config(): Body {
    const body = this.body("eof");
    if (this.#newlines.length !== 1) throw this.fail("unbalanced newline modes");
    return body;
  }

  fail(why: string, token: Token = this.peek()): HclUnsupported {
    return new HclUnsupported(why, token.s);
  }

  // The peeker: comments skipped (a line comment is the newline it ends with where newlines
  // count), newlines skipped inside brackets.
  #find(): [Token, number] {
    const including = this.#newlines[this.#newlines.length - 1];
    for (let i = this.#next; i < this.tokens.length; i++) {
      const token = this.tokens[i] as Token;
      if (token.t === "comment") {
        if (including && token.nl) return [{ t: "newline", s: token.e - 1, e: token.e }, i + 1];
        continue;
      }
      if (token.t === "newline" && !including) continue;
      return [token, i + 1];
    }
    return [this.tokens[this.tokens.length - 1] as Token, this.tokens.length];
  }
  peek(): Token {
    return this.#find()[0];
  }
  read(): Token {
    const [token, next] = this.#find();
    this.#next = next;
    return token;
  }
  expect(type: TokenType, why: string): Token {
    const token = this.read();
    if (token.t !== type) throw this.fail(why, token);
    return token;
  }
  pushNewlines(include: boolean): void {
    this.#newlines.push(include);
  }
  popNewlines(): void {
    this.#newlines.pop();
  }
  keyword(token: Token, word: string): boolean {
    return token.t === "ident" && this.text.slice(token.s, token.e) === word;
  }

  body(end: "eof" | "}"): Body {
    const attributes = new Map<string, Expr>();
    const blocks: Block[] = [];
    for (;;) {
      const next = this.peek();
      if (next.t === end) {
        this.read();
        break;
      }
      if (next.t === "newline") {
        this.read();
        continue;
      }
      if (next.t !== "ident") throw this.fail("an argument or block definition required");
      const ident = this.read();
      const name = this.text.slice(ident.s, ident.e);
      const after = this.peek();
      if (after.t === "=") {
        if (attributes.has(name)) throw this.fail("an argument set twice", ident);
        attributes.set(name, this.attribute(false));
      } else if (after.t === "oquote" || after.t === "{" || after.t === "ident") {
        blocks.push(this.block(name));
      } else throw this.fail("an argument or block definition required");
    }
    return { attributes, blocks };
  }

  attribute(singleLine: boolean): Expr {
    this.read(); // =
    const value = this.expression();
    if (!singleLine) {
      const end = this.peek();
      if (end.t !== "newline" && end.t !== "eof")
        throw this.fail("a missing newline after an argument");
      this.read();
    }
    return value;
  }

  block(type: string): Block {
    this.enter();
    const labels: string[] = [];
    for (;;) {
      if (labels.length > MAX_LABELS) throw this.fail("more block labels than this reader reads");
      const token = this.peek();
      if (token.t === "{") {
        this.read();
        break;
      }
      if (token.t === "oquote") labels.push(this.quotedLabel());
      else if (token.t === "ident") {
        this.read();
        labels.push(this.text.slice(token.s, token.e));
      } else throw this.fail("an invalid block definition");
    }
    let body: Body;
    const first = this.peek();
    if (first.t === "newline" || first.t === "eof" || first.t === "}") body = this.body("}");
    else {
      // `name { attr = value }` on one line: one argument, then the brace.
      const ident = this.read();
      if (ident.t !== "ident" || this.peek().t !== "=")
        throw this.fail("an invalid single-line block", ident);
      const value = this.attribute(true);
      this.expect("}", "an invalid single-line block");
      body = { attributes: new Map([[this.text.slice(ident.s, ident.e), value]]), blocks: [] };
    }
    const eol = this.peek();
    if (eol.t !== "newline" && eol.t !== "eof") throw this.fail("a missing newline after a block");
    this.read();
    this.#depth--;
    return { type, labels, body };
  }

  quotedLabel(): string {
    this.read(); // "
    let label = "";
    for (;;) {
      const token = this.read();
      if (token.t === "cquote") return label;
      if (token.t !== "lit") throw this.fail("a template in a block label", token);
      label += token.v;
    }
  }

  /** One level deeper for what follows; hcl2json's own stack decides past the bound. */
  enter(): void {
    if (++this.#depth > MAX_READER_DEPTH) throw this.fail("nesting deeper than this reader reads");
  }

  expression(): Expr {
    this.enter();
    const cond = this.binary();
    if (this.peek().t !== "?") {
      this.#depth--;
      return cond;
    }
    this.read();
    const yes = this.expression();
    this.expect(":", "a conditional without its false expression");
    const no = this.expression();
    this.#depth--;
    return { k: "cond", cond, yes, no, s: cond.s, e: no.e };
  }

  binary(): Expr {
    const first = this.withTraversals();
    let last = first;
    while (BINARY.has(this.peek().t)) {
      this.read();
      last = this.withTraversals();
    }
    return last === first ? first : { k: "other", s: first.s, e: last.e };
  }

  withTraversals(): Expr {
    return this.traversals(this.term());
  }

  /** Attribute and index steps, and splats, after a term. */
  traversals(from: Expr): Expr {
    let current = from;
    const step = (e: number, stillStatic: boolean): Expr =>
      stillStatic && current.k === "trav"
        ? { k: "trav", s: current.s, e }
        : { k: "other", s: current.s, e };
    for (;;) {
      const next = this.peek();
      if (next.t === ".") {
        this.read();
        const name = this.read();
        if (name.t === "ident") current = step(name.e, true);
        else if (name.t === "number") {
          if (!/^[0-9]+$/.test(this.text.slice(name.s, name.e)))
            throw this.fail("a legacy index that is not a whole number", name);
          current = step(name.e, true);
        } else if (name.t === "*") {
          // `a.*.b.c`: attribute steps after the star belong to the splat.
          let end = name.e;
          while (this.peek().t === ".") {
            this.read();
            const attr = this.read();
            if (attr.t === "number" && /^[0-9]+$/.test(this.text.slice(attr.s, attr.e)))
              end = attr.e;
            else if (attr.t === "ident") end = attr.e;
            else throw this.fail("an invalid step in a splat", attr);
          }
          current = step(end, false);
        } else throw this.fail("an attribute name required after a dot", name);
      } else if (next.t === "[") {
        this.read();
        if (this.peek().t === "*") {
          this.read();
          const close = this.expect("]", "a splat without its closing bracket");
          // `a[*].b[0]`: every step after it is the splat's.
          const each = this.traversals({ k: "other", s: next.s, e: close.e });
          current = { k: "other", s: current.s, e: each.e };
        } else {
          this.pushNewlines(false);
          const key = this.expression();
          const close = this.expect("]", "an index without its closing bracket");
          this.popNewlines();
          const literal =
            key.k === "lit" ||
            (key.k === "tmpl" && key.parts.length === 1 && key.parts[0]?.k === "str");
          current = step(close.e, literal);
        }
      } else return current;
    }
  }

  term(): Expr {
    const start = this.peek();
    switch (start.t) {
      case "(": {
        this.read();
        this.pushNewlines(false);
        this.expression();
        const close = this.expect(")", "unbalanced parentheses");
        this.popNewlines();
        return { k: "other", s: start.s, e: close.e };
      }
      case "number": {
        this.read();
        return {
          k: "lit",
          v: numberOf(this.text.slice(start.s, start.e), start.s),
          s: start.s,
          e: start.e,
        };
      }
      case "ident": {
        this.read();
        const after = this.peek().t;
        if (after === "(" || after === "::") return this.call(start);
        const name = this.text.slice(start.s, start.e);
        if (Object.hasOwn(KEYWORDS, name))
          return { k: "lit", v: KEYWORDS[name] ?? null, s: start.s, e: start.e };
        return { k: "trav", s: start.s, e: start.e };
      }
      case "oquote":
      case "oheredoc":
        return this.template();
      case "-":
      case "!": {
        this.read();
        this.enter();
        const operand = this.withTraversals();
        this.#depth--;
        return { k: "unary", op: start.t, operand, s: start.s, e: operand.e };
      }
      case "[":
        return this.tuple();
      case "{":
        return this.object();
      default:
        throw this.fail("an invalid expression");
    }
  }

  call(name: Token): Expr {
    while (this.peek().t === "::") {
      this.read();
      this.expect("ident", "a function name required after ::");
    }
    this.expect("(", "a function call without its parenthesis");
    this.pushNewlines(false);
    let close: Token;
    for (;;) {
      if (this.peek().t === ")") {
        close = this.read();
        break;
      }
      this.expression();
      const sep = this.read();
      if (sep.t === ")") {
        close = sep;
        break;
      }
      if (sep.t === "...") {
        close = this.expect(")", "an expanded argument not last");
        break;
      }
      if (sep.t !== ",") throw this.fail("a missing argument separator", sep);
      if (this.peek().t === ")") {
        close = this.read();
        break;
      }
    }
    this.popNewlines();
    return { k: "other", s: name.s, e: close.e };
  }

  tuple(): Expr {
    const open = this.read();
    this.pushNewlines(false);
    if (this.keyword(this.peek(), "for")) {
      const expr = this.forExpression(open, "]");
      this.popNewlines();
      return expr;
    }
    const items: Expr[] = [];
    let close: Token;
    for (;;) {
      if (this.peek().t === "]") {
        close = this.read();
        break;
      }
      items.push(this.expression());
      const next = this.peek();
      if (next.t === "]") {
        close = this.read();
        break;
      }
      if (next.t !== ",") throw this.fail("a missing item separator");
      this.read();
    }
    this.popNewlines();
    return { k: "tuple", items, s: open.s, e: close.e };
  }

  object(): Expr {
    const open = this.read();
    this.pushNewlines(false);
    const isFor = this.keyword(this.peek(), "for");
    this.popNewlines();
    if (isFor) return this.forExpression(open, "}");
    this.pushNewlines(true);
    const items: { key: Expr; value: Expr }[] = [];
    let close: Token;
    for (;;) {
      const next = this.peek();
      if (next.t === "newline") {
        this.read();
        continue;
      }
      if (next.t === "}") {
        close = this.read();
        break;
      }
      const key = this.expression();
      const sep = this.read();
      if (sep.t !== "=" && sep.t !== ":") throw this.fail("a missing key/value separator", sep);
      const value = this.expression();
      items.push({ key, value });
      const after = this.peek();
      if (after.t === "}") {
        close = this.read();
        break;
      }
      if (after.t !== "," && after.t !== "newline")
        throw this.fail("a missing attribute separator");
      this.read();
    }
    this.popNewlines();
    return { k: "object", items, s: open.s, e: close.e };
  }

  forExpression(open: Token, closeType: "]" | "}"): Expr {
    this.pushNewlines(false);
    this.read(); // for
    this.expect("ident", "an invalid for expression");
    if (this.peek().t === ",") {
      this.read();
      this.expect("ident", "an invalid for expression");
    }
    if (!this.keyword(this.read(), "in")) throw this.fail("an invalid for expression");
    this.expression();
    this.expect(":", "an invalid for expression");
    this.expression();
    let hasKey = false;
    if (this.peek().t === "=>") {
      this.read();
      hasKey = true;
      this.expression();
    }
    let group = false;
    if (this.peek().t === "...") {
      this.read();
      group = true;
    }
    if (this.keyword(this.peek(), "if")) {
      this.read();
      this.expression();
    }
    const close = this.expect(closeType, "an invalid for expression");
    this.popNewlines();
    if (closeType === "]" ? hasKey || group : !hasKey) throw this.fail("an invalid for expression");
    return { k: "other", s: open.s, e: close.e };
  }

  /** A quoted template or a heredoc, as HCL's parser makes it (parser_template.go). */
  template(): Expr {
    const open = this.read();
    // The peeker skips nothing inside a template: its tokens are read as they come.
    const closeType = open.t === "oquote" ? "cquote" : "cheredoc";
    const parts: Part[] = [];
    let close: Token;
    for (;;) {
      const token = this.read();
      if (token.t === closeType) {
        close = token;
        break;
      }
      if (token.t === "lit") {
        parts.push({ k: "str", v: token.v as string });
      } else if (token.t === "interp") {
        this.pushNewlines(false);
        parts.push(this.expression());
        this.expect("seqend", "an unclosed interpolation");
        this.popNewlines();
      } else throw this.fail("an unterminated template", token);
    }
    if (open.flush) flushHeredoc(parts);
    const melded = meld(parts);
    // A literal is a cty string, which Unicode-normalises it (NFC). JavaScript's tables
    // may be another Unicode version's: text that normalising changes is left to hcl2json.
    // A literal is a cty string, which Terraform normalises: see notNormalForm.
    for (const part of melded)
      if (part.k === "str" && notNormalForm(part.v))
        throw new HclUnsupported("text that is not in Unicode's normal form C", open.s);
    if (melded.length === 1 && melded[0]?.k !== "str")
      return { k: "wrap", inner: melded[0] as Expr, s: open.s, e: close.e };
    return {
      k: "tmpl",
      parts: melded.length === 0 ? [{ k: "str", v: "" }] : melded,
      s: open.s,
      e: close.e,
    };
  }
}

/**
 * `<<-`: the fewest leading spaces of any line is taken off every line (flushHeredocTemplateParts):
 * lines that are blank do not count and are left alone; a line that starts with an
 * interpolation counts as none.
 */
function flushHeredoc(parts: Part[]): void {
  let fewest = Number.POSITIVE_INFINITY;
  const adjust: { k: "str"; v: string }[] = [];
  let newline = true;
  for (const part of parts) {
    if (newline) {
      newline = false;
      let spaces = 0;
      if (part.k === "str") {
        const lead = leadingSpace(part.v);
        if (lead === part.v.length && part.v.endsWith("\n")) spaces = Number.POSITIVE_INFINITY;
        else {
          const prefix = part.v.slice(0, lead);
          // Spaces and tabs are a character each; other white space, or a mark that would
          // join the last space, is counted as Unicode's grapheme clusters: not done here.
          if (/[^ \t]/.test(prefix) || part.v.charCodeAt(lead) >= 0x80)
            throw new HclUnsupported("a heredoc line indented with other white space", 0);
          spaces = lead;
          adjust.push(part);
        }
      }
      if (spaces < fewest) fewest = spaces;
    }
    if (part.k === "str" && part.v.endsWith("\n")) newline = true;
  }
  for (const part of adjust) part.v = part.v.slice(fewest);
}

function leadingSpace(s: string): number {
  let i = 0;
  while (i < s.length && isGoSpace(s.charCodeAt(i))) i++;
  return i;
}

/** Consecutive literal parts as one (meldConsecutiveStringLiterals). */
function meld(parts: readonly Part[]): Part[] {
  const out: Part[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    if (part.k === "str" && last?.k === "str") last.v += part.v;
    else out.push(part.k === "str" ? { k: "str", v: part.v } : part);
  }
  return out;
}
