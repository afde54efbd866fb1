// IAM patterns (`*` any run of characters, `?` one character): matching, a value that only
// the pattern's region holds, and an index that finds the patterns that may cover a value
// without trying every one of them.

export const hasWildcard = (pattern: string) => /[*?]/.test(pattern);

/** Does a policy pattern (with * and ?) cover a value? IAM matches actions case-insensitively. */
export function covers(pattern: string, value: string, ignoreCase = true): boolean {
  if (pattern === value) return true;
  if (!hasWildcard(pattern)) return ignoreCase && pattern.toLowerCase() === value.toLowerCase();
  return ignoreCase ? glob(pattern.toLowerCase(), value.toLowerCase()) : glob(pattern, value);
}

/**
 * `*` and `?` matched without a regular expression: compiling one per pattern cost more than
 * matching on large documents, and this walk is at worst the product of the two lengths
 * (it goes back only to the last `*`), never exponential.
 */
function glob(pattern: string, value: string): boolean {
  let p = 0;
  let v = 0;
  let star = -1;
  let resume = 0;
  while (v < value.length) {
    const c = pattern[p];
    if (c === "*") {
      star = p++;
      resume = v;
    } else if (c !== undefined && (c === "?" || c === value[v])) {
      p++;
      v++;
    } else if (star >= 0) {
      p = star + 1;
      v = ++resume;
    } else return false;
  }
  while (pattern[p] === "*") p++;
  return p === pattern.length;
}

/** `${…}` in a value: a part known only at plan or apply, written as the expression. */
export const UNKNOWN_PART = /\$\{[^}]*\}/;
const UNKNOWN_PARTS = /\$\{[^}]*\}/g;

/**
 * Whether an IAM pattern covers a value when either is written with parts known only at plan
 * or apply (`${…}`): read as any text in the pattern, and as some text in the value.
 */
export function coversWritten(pattern: string, value: string): boolean {
  return covers(pattern.replace(UNKNOWN_PARTS, "*"), value.replace(UNKNOWN_PARTS, "x"), false);
}

/** A condition clause on the caller's ARN, as clause text: AWS knows its value for a principal. */
export const PRINCIPAL_ARN = /^(ArnLike|ArnEquals|StringLike|StringEquals) aws:PrincipalArn (.+)$/i;

/**
 * A value the pattern covers and no literal written in a document is: `s3:Get*` gives
 * `s3:Get·`. The mark cannot be typed in an action or an ARN, so the value stands for "any
 * other" in the pattern's region.
 */
export const WITNESS_MARK = "\u00b7";
export const witness = (pattern: string) => pattern.replace(/\*+|\?/g, WITNESS_MARK);

/**
 * A value two patterns both cover, or undefined when none exists: `s3:Get*` and `s3:*Object`
 * give `s3:Get·Object`, a request neither pattern's own witness stands for. A breadth-first
 * walk over pairs of positions in the two patterns, so at most the product of their lengths.
 */
export function commonWitness(p: string, q: string): string | undefined {
  const width = q.length + 1;
  const parent = new Map<number, { from: number; char: string }>();
  const start = 0;
  const queue = [start];
  const seen = new Set([start]);
  const visit = (from: number, to: number, char: string) => {
    if (seen.has(to)) return;
    seen.add(to);
    parent.set(to, { from, char });
    queue.push(to);
  };
  const after = (pattern: string, at: number, char: string): number | undefined => {
    const c = pattern[at];
    if (c === "*") return at;
    if (c === "?" || (c !== undefined && c === char)) return at + 1;
    return undefined;
  };
  for (let k = 0; k < queue.length; k++) {
    const state = queue[k] as number;
    const i = Math.floor(state / width);
    const j = state % width;
    if (i === p.length && j === q.length) {
      let text = "";
      for (let at = state; at !== start; ) {
        const step = parent.get(at) as { from: number; char: string };
        text = step.char + text;
        at = step.from;
      }
      return text;
    }
    // A `*` may match nothing: move past it without a character.
    if (p[i] === "*") visit(state, (i + 1) * width + j, "");
    if (q[j] === "*") visit(state, i * width + j + 1, "");
    for (const char of new Set([p[i], q[j], WITNESS_MARK])) {
      if (char === undefined || char === "*" || char === "?") continue;
      const ni = after(p, i, char);
      const nj = after(q, j, char);
      if (ni !== undefined && nj !== undefined) visit(state, ni * width + nj, char);
    }
  }
  return undefined;
}

/**
 * Patterns indexed by what they must start with: a literal by its whole text, a pattern by
 * the text before its first wildcard. A value's candidates are found by looking up its
 * prefixes, so a query costs the value's length, not the number of patterns.
 */
export class PatternIndex<T> {
  private readonly exact = new Map<string, T[]>();
  private readonly prefixed = new Map<string, T[]>();
  private readonly prefixLengths = new Set<number>();
  private readonly always: T[] = [];

  constructor(private readonly ignoreCase: boolean) {}

  add(pattern: string, item: T): void {
    const p = this.ignoreCase ? pattern.toLowerCase() : pattern;
    const at = p.search(/[*?]/);
    if (at < 0) push(this.exact, p, item);
    else {
      push(this.prefixed, p.slice(0, at), item);
      this.prefixLengths.add(at);
    }
  }

  /** An item that may match any value (a NotAction statement, say). */
  addAlways(item: T): void {
    this.always.push(item);
  }

  /** Items whose patterns may cover the value: a superset, each still to be matched. */
  query(value: string): Set<T> {
    const v = this.ignoreCase ? value.toLowerCase() : value;
    const out = new Set<T>(this.always);
    for (const item of this.exact.get(v) ?? []) out.add(item);
    for (const length of this.prefixLengths) {
      if (length > v.length) continue;
      for (const item of this.prefixed.get(v.slice(0, length)) ?? []) out.add(item);
    }
    return out;
  }
}

function push<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}
