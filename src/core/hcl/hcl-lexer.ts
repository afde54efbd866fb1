// HCL's native syntax as tokens, following HashiCorp's scanner (hclsyntax/scan_tokens.rl): the
// same tokens, modes (expressions, quoted templates, heredocs) and brace counting, so that the
// parser beside it sees what HashiCorp's parser sees. Whatever that scanner would call an error,
// and the little this one does not read (template directives, strip markers, identifiers
// outside ASCII), throws HclUnsupported: HashiCorp's parser then reads the text instead.

import { HclUnsupported } from "./hcl-unsupported.js";

export type TokenType =
  | "ident"
  | "number"
  | "newline"
  | "comment"
  | "oquote"
  | "cquote"
  | "oheredoc"
  | "cheredoc"
  | "interp"
  | "seqend"
  | "lit"
  | "eof"
  | "{"
  | "}"
  | "["
  | "]"
  | "("
  | ")"
  | "."
  | ","
  | "*"
  | "/"
  | "%"
  | "+"
  | "-"
  | "="
  | "<"
  | ">"
  | "!"
  | "?"
  | ":"
  | "=="
  | "!="
  | ">="
  | "<="
  | "&&"
  | "||"
  | "::"
  | "..."
  | "=>";

export interface Token {
  readonly t: TokenType;
  /** Offsets in the text: [s, e). */
  readonly s: number;
  readonly e: number;
  /** A template literal's value, its escapes resolved. */
  readonly v?: string;
  /** A line comment that ends with its newline (it stands for that newline). */
  readonly nl?: boolean;
  /** A heredoc opened with `<<-`, whose lines lose their common indentation. */
  readonly flush?: boolean;
}

type Mode =
  | { readonly k: "main" }
  | { readonly k: "quote" }
  | { readonly k: "heredoc"; readonly marker: string; startOfLine: boolean };

const SINGLE = new Set(["[", "]", "(", ")", ",", "*", "%", "+", "-", "?"]);

const isDigit = (c: number) => c >= 48 && c <= 57;
const isIdentStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isIdentPart = (c: number) => isIdentStart(c) || isDigit(c) || c === 45;
const isHex = (c: string) => /^[0-9a-fA-F]$/.test(c);

/** Go's unicode.IsSpace: the characters with Unicode's White_Space property. */
export const isGoSpace = (c: number): boolean =>
  (c >= 9 && c <= 13) ||
  c === 32 ||
  c === 0x85 ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000;

/**
 * Whether Terraform would hold this literal otherwise: a cty string is Unicode-normalised (NFC,
 * and Go's normaliser joins a run of 31 combining marks). JavaScript's tables may be another
 * Unicode version's, so text normalising changes, or a run of 20 marks, is not read here.
 */
export const notNormalForm = (text: string): boolean =>
  text.normalize("NFC") !== text || /\p{M}{20}/u.test(text);

/** Go's bytes.TrimSpace. */
export function goTrimSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isGoSpace(s.charCodeAt(a))) a++;
  while (b > a && isGoSpace(s.charCodeAt(b - 1))) b--;
  return s.slice(a, b);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const HEREDOC = /<<(-?)([A-Za-z_][A-Za-z0-9_-]*)(\r?\n)/y;
const NUMBER = /[0-9](?:[0-9.]|[eE][+-]?[0-9])*/y;

export function lexHcl(text: string): Token[] {
  if (text.charCodeAt(0) === 0xfeff) throw new HclUnsupported("a byte order mark", 0);
  if (LONE_SURROGATE.test(text)) throw new HclUnsupported("text that is not well-formed UTF-16", 0);
  const tokens: Token[] = [];
  const modes: Mode[] = [{ k: "main" }];
  let braces = 0;
  const retBraces: number[] = [];
  const n = text.length;
  let i = 0;
  const push = (t: TokenType, s: number, e: number, v?: string) =>
    tokens.push(v === undefined ? { t, s, e } : { t, s, e, v });

  while (i < n) {
    const mode = modes[modes.length - 1] as Mode;
    if (mode.k === "quote") {
      i = literal(text, i, tokens);
      const c = text[i];
      if (c === '"') {
        push("cquote", i, i + 1);
        modes.pop();
        i++;
      } else if (c === "$") {
        // `${`: literal() stops only there or at the closing quote.
        if (text[i + 2] === "~") throw new HclUnsupported("a strip marker", i);
        push("interp", i, i + 2);
        braces++;
        retBraces.push(braces);
        modes.push({ k: "main" });
        i += 2;
      }
      continue;
    }
    if (mode.k === "heredoc") {
      if (mode.startOfLine) {
        const eol = text.indexOf("\n", i);
        if (eol < 0) throw new HclUnsupported("a heredoc without its closing marker", i);
        const line = text.slice(i, eol + 1);
        // A carriage return not before the newline is no character HCL's scanner reads.
        if (/\r(?!\n)/.test(line)) throw new HclUnsupported("a carriage return alone", i);
        if (goTrimSpace(line) === mode.marker) {
          const end = text[eol - 1] === "\r" ? eol - 1 : eol;
          push("cheredoc", i, end);
          push("newline", end, eol + 1);
          modes.pop();
          i = eol + 1;
          continue;
        }
      }
      i = literal(text, i, tokens, mode);
      if (text.startsWith("${", i)) {
        if (text[i + 2] === "~") throw new HclUnsupported("a strip marker", i);
        push("interp", i, i + 2);
        mode.startOfLine = false;
        braces++;
        retBraces.push(braces);
        modes.push({ k: "main" });
        i += 2;
      }
      continue;
    }

    const c = text.charCodeAt(i);
    const ch = text[i] as string;
    if (c === 32 || c === 9) {
      i++;
    } else if (isDigit(c)) {
      NUMBER.lastIndex = i;
      let e = i + (NUMBER.exec(text)?.[0].length ?? 1);
      while (text[e - 1] === ".") e--;
      push("number", i, e);
      i = e;
    } else if (isIdentStart(c)) {
      let e = i + 1;
      while (e < n && isIdentPart(text.charCodeAt(e))) e++;
      if (e < n && text.charCodeAt(e) >= 0x80)
        throw new HclUnsupported("an identifier outside ASCII", i);
      push("ident", i, e);
      i = e;
    } else if (c >= 0x80) {
      throw new HclUnsupported("a character outside ASCII in an expression", i);
    } else if (ch === "#" || text.startsWith("//", i)) {
      const eol = text.indexOf("\n", i);
      const e = eol < 0 ? n : eol + 1;
      tokens.push(eol < 0 ? { t: "comment", s: i, e } : { t: "comment", s: i, e, nl: true });
      i = e;
    } else if (text.startsWith("/*", i)) {
      const close = text.indexOf("*/", i + 2);
      if (close < 0) throw new HclUnsupported("an unclosed comment", i);
      push("comment", i, close + 2);
      i = close + 2;
    } else if (ch === "\n") {
      push("newline", i, i + 1);
      i++;
    } else if (ch === "\r") {
      if (text[i + 1] !== "\n") throw new HclUnsupported("a carriage return alone", i);
      push("newline", i, i + 2);
      i += 2;
    } else if (ch === '"') {
      push("oquote", i, i + 1);
      modes.push({ k: "quote" });
      i++;
    } else if (ch === "{") {
      push("{", i, i + 1);
      braces++;
      i++;
    } else if (ch === "}") {
      if (retBraces.length > 0 && retBraces[retBraces.length - 1] === braces) {
        push("seqend", i, i + 1);
        retBraces.pop();
        modes.pop();
      } else push("}", i, i + 1);
      braces--;
      i++;
    } else if (ch === "<" && text[i + 1] === "<") {
      HEREDOC.lastIndex = i;
      const m = HEREDOC.exec(text);
      if (!m) throw new HclUnsupported("`<<` that opens no heredoc", i);
      const e = i + m[0].length;
      tokens.push(
        m[1] === "-" ? { t: "oheredoc", s: i, e, flush: true } : { t: "oheredoc", s: i, e },
      );
      modes.push({ k: "heredoc", marker: m[2] as string, startOfLine: true });
      i += m[0].length;
    } else {
      const two = text.slice(i, i + 2);
      if (text.startsWith("...", i)) {
        push("...", i, i + 3);
        i += 3;
      } else if (
        two === "==" ||
        two === "!=" ||
        two === ">=" ||
        two === "<=" ||
        two === "&&" ||
        two === "||" ||
        two === "::" ||
        two === "=>"
      ) {
        push(two, i, i + 2);
        i += 2;
      } else if (
        SINGLE.has(ch) ||
        ch === "." ||
        ch === "/" ||
        ch === "=" ||
        ch === "<" ||
        ch === ">" ||
        ch === "!" ||
        ch === ":"
      ) {
        push(ch as TokenType, i, i + 1);
        i++;
      } else {
        // `&`, `|`, `~`, `^`, `;`, a backtick, `'`, `$`, a control: HCL's invalid tokens.
        throw new HclUnsupported(`the character ${JSON.stringify(ch)} in an expression`, i);
      }
    }
  }
  const top = modes[modes.length - 1] as Mode;
  if (modes.length !== 1 || top.k !== "main") throw new HclUnsupported("an unclosed template", n);
  tokens.push({ t: "eof", s: n, e: n });
  return tokens;
}

/**
 * A template's literal text from i, as one token; returns where it stopped. Quoted (`heredoc`
 * undefined): escapes resolved, up to the closing quote or `${`. In a heredoc: up to `${` or
 * the end of the line, its newline included.
 */
function literal(
  text: string,
  i: number,
  tokens: Token[],
  heredoc?: { startOfLine: boolean },
): number {
  const start = i;
  let value = "";
  let from = i;
  for (;;) {
    const ch = text[i];
    if (ch === undefined)
      throw new HclUnsupported(
        heredoc ? "a heredoc without its closing marker" : "an unterminated string",
        start,
      );
    if (heredoc) {
      if (ch === "\n") {
        i++;
        heredoc.startOfLine = true;
        break;
      }
      if (ch === "\r" && text[i + 1] !== "\n")
        throw new HclUnsupported("a carriage return alone", i);
    } else {
      if (ch === '"') break;
      if (ch === "\n" || ch === "\r") throw new HclUnsupported("a newline in a quoted string", i);
      if (ch === "\\") {
        value += text.slice(from, i);
        const [decoded, length] = decodeEscape(text, i);
        value += decoded;
        i += length;
        from = i;
        continue;
      }
    }
    const sign = ch === "$" || ch === "%" ? signAt(text, i) : undefined;
    if (sign === "interpolation") {
      if (heredoc) heredoc.startOfLine = false;
      break;
    }
    if (sign === "escape") {
      value += `${text.slice(from, i)}${ch}{`;
      i += 3;
      from = i;
      continue;
    }
    i++;
  }
  value += text.slice(from, i);
  if (i > start) tokens.push({ t: "lit", s: start, e: i, v: value });
  return i;
}

/**
 * What a `$` or `%` at i starts in a template's text: an interpolation (the literal stops
 * there), an escape (`$${` is a literal `${`, as HCL reads it; hcl2json escapes it again when it
 * writes it), or nothing. A directive, and a run of signs, are handed over.
 */
function signAt(text: string, i: number): "interpolation" | "escape" | undefined {
  const ch = text[i];
  const next = text[i + 1];
  if (next === "{") {
    if (ch === "%") throw new HclUnsupported("a template directive", i);
    return "interpolation";
  }
  if (next === ch && text[i + 2] === "{") {
    if (text[i - 1] === ch) throw new HclUnsupported(`a run of ${ch}`, i);
    return "escape";
  }
  return undefined;
}

/** `\n`, `\r`, `\t`, `\"`, `\\`, `\uXXXX`, `\UXXXXXXXX`: anything else is HCL's error. */
export function decodeEscape(text: string, i: number): [string, number] {
  const c = text[i + 1];
  switch (c) {
    case "n":
      return ["\n", 2];
    case "r":
      return ["\r", 2];
    case "t":
      return ["\t", 2];
    case '"':
      return ['"', 2];
    case "\\":
      return ["\\", 2];
    case "u":
    case "U": {
      const digits = c === "u" ? 4 : 8;
      const hex = text.slice(i + 2, i + 2 + digits);
      if (hex.length === digits && [...hex].every(isHex) && !isHex(text[i + 2 + digits] ?? "")) {
        const code = Number.parseInt(hex, 16);
        if (code <= 0x10ffff && (code < 0xd800 || code > 0xdfff))
          return [String.fromCodePoint(code), 2 + digits];
      }
      throw new HclUnsupported("an escape HCL does not accept", i);
    }
    default:
      throw new HclUnsupported("an escape HCL does not accept", i);
  }
}
