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

/** Beyond this many lengths per run of wildcards, and this many witnesses, a pattern gets no more. */
const MAX_RUN_LENGTHS = 6;
const MAX_FULL_PRODUCT = 27;

/**
 * Values the pattern covers and no literal is, one per length each run of wildcards may
 * stand for: a run of `q` `?` is exactly `q` characters; with a `*` it is `q`, `q + 1`,
 * `q + 2`, and past each count of `?` the other patterns write (`counts`), so `*`, `?`, `??`
 * and `???*` are told apart (`s3:Get*` gives `s3:Get`, `s3:Get·`, `s3:Get··`). A run of
 * marks can only be matched by wildcards, and a run of them matches either exactly its `?`
 * count or any length from it up: lengths past every count behave alike. All combinations
 * for a few runs; for more, every run at each of its lengths with the others at one.
 */
export function witnesses(pattern: string, counts: ReadonlySet<number> = new Set()): string[] {
  const parts = pattern.split(/([*?]+)/);
  const options = parts.map((part, i) => {
    if (i % 2 === 0) return [part];
    const q = part.replace(/\*/g, "").length;
    if (!part.includes("*")) return [WITNESS_MARK.repeat(q)];
    const lengths = new Set([q, q + 1, q + 2]);
    for (const c of [...counts].sort((a, b) => a - b))
      if (c > q) for (const l of [c, c + 1]) if (lengths.size < MAX_RUN_LENGTHS) lengths.add(l);
    return [...lengths].map((l) => WITNESS_MARK.repeat(l));
  });
  const product = options.reduce((n, o) => n * o.length, 1);
  const out = new Set<string>();
  if (product <= MAX_FULL_PRODUCT) {
    let partial = [""];
    for (const o of options) partial = partial.flatMap((head) => o.map((x) => head + x));
    for (const w of partial) out.add(w);
  } else {
    const at = (o: readonly string[], k: number) => o[Math.min(k, o.length - 1)] as string;
    const widest = Math.max(...options.map((o) => o.length));
    for (let k = 0; k < widest; k++) out.add(options.map((o) => at(o, k)).join(""));
    options.forEach((varied, i) => {
      for (const x of varied) out.add(options.map((o, j) => (j === i ? x : at(o, 1))).join(""));
    });
  }
  return [...out];
}

/** How many `?` each run of wildcards in the patterns holds: the lengths witnesses cross. */
export function questionCounts(patterns: Iterable<string>): Set<number> {
  const counts = new Set<number>();
  for (const p of patterns)
    for (const run of p.match(/[*?]+/g) ?? []) counts.add(run.replace(/\*/g, "").length);
  return counts;
}

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
