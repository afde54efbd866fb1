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
