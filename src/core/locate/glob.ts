// Globs matched in time linear in path length times pattern size, whatever either holds. A
// glob compiles to a Thompson NFA, simulated over the path one character at a time with the
// set of states it can be in: each state is visited at most twice per character, so a test
// takes at most (2 x states + 1) x (path length + 1) steps, and the number of states is
// proportional to the pattern (a `{1..n}` range, capped, counts its values). The sets met
// are cached as the states of a DFA, so that on ordinary paths a character costs one lookup.
// A backtracking regular expression (picomatch's) takes hours on a few crafted paths; this
// never backtracks.

/**
 * A glob that cannot be compiled: the message says what is wrong and what to write, as words
 * that follow the glob (`"x/@(a)" uses an extglob …`).
 */
export class GlobError extends Error {
  override readonly name = "GlobError";
}

/** A compiled pattern. `steps` counts states visited, over every test: for bounds in tests. */
export interface Matcher {
  test(path: string): boolean;
  /** Whether the path, or a folder above it, matches: in one pass, not one test per folder. */
  testOrAbove(path: string): boolean;
  readonly size: number;
  readonly steps: number;
}

// What the parser produces: literal characters, one-character tests, loops and choices.
type Item =
  | { readonly t: "test"; readonly test: CharTest; readonly wild: boolean }
  | { readonly t: "star"; readonly test: CharTest }
  | { readonly t: "alt"; readonly options: readonly Item[][] }
  /** `**` before a `/`: any number of whole segments, each with its slash. */
  | { readonly t: "segmentsSlash" }
  /** `/**` at the end: any number of whole segments, each after a slash. */
  | { readonly t: "slashSegments" }
  /** `**` alone: one or more whole segments. */
  | { readonly t: "segmentsOne" };

type CharTest = (c: number) => boolean;

const SLASH = 47;
const notSlash: CharTest = (c) => c !== SLASH;
const anyChar: CharTest = () => true;
const literal = (code: number): Item => ({ t: "test", test: (c) => c === code, wild: false });

/** Braces nested deeper than this, or a range longer than this, are refused. */
const MAX_BRACE_DEPTH = 32;
const MAX_RANGE = 1000;

/**
 * A path glob, in the syntax match rules and `--exclude` document (picomatch's, dotfiles
 * included): `*` and `?` within a segment, `**` as a whole segment for any number of
 * segments, `[a-z]` / `[!a]` / `[[:digit:]]` (never `/`), `{a,b}` (nested, may hold `/`),
 * `{1..3}`, `\` escapes; in braces and at the start of the glob, `**` is any run of
 * characters. Extglobs (`@(a|b)`, `!(a)` …) are refused; other parentheses are literal. A
 * wildcard never matches a `.` or `..` segment (`dotSegments: false` lifts that). As in
 * picomatch, a glob also matches the path spelled exactly like it (unless `exactSpelling:
 * false`). Throws GlobError.
 */
export function compileGlob(
  glob: string,
  options: { readonly dotSegments?: boolean; readonly exactSpelling?: boolean } = {},
): Matcher {
  // `./x` (and `././x`) is `x`, as in picomatch.
  let body = glob;
  while (body.startsWith("./")) body = body.slice(2);
  const items = new GlobParser(body).parse();
  return new Nfa(
    items,
    options.dotSegments !== false,
    options.exactSpelling === false ? undefined : glob,
  );
}

/** What is wrong with a glob (words that follow it), or undefined when it compiles. */
export function globProblem(glob: string): string | undefined {
  try {
    new GlobParser(glob).parse();
    return undefined;
  } catch (error) {
    if (error instanceof GlobError) return error.message;
    throw error;
  }
}

/**
 * A pattern where only `*` is magic, and `?` too when asked: `*` matches any run of
 * characters, within one `/`-separated segment unless `starCrossesSlash`. Everything else is
 * literal. For Kubernetes object and Terraform address patterns.
 */
export function compileWildcard(
  pattern: string,
  options: { readonly starCrossesSlash: boolean; readonly question: boolean },
): Matcher {
  const items: Item[] = [];
  const starTest = options.starCrossesSlash ? anyChar : notSlash;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    if (c === STAR) {
      if (items.at(-1)?.t !== "star") items.push({ t: "star", test: starTest });
    } else if (c === QUESTION && options.question)
      items.push({ t: "test", test: notSlash, wild: true });
    else items.push(literal(c));
  }
  return new Nfa(items, false);
}

/** `text` as a glob that matches it literally. */
export function escapeGlob(text: string): string {
  // A leading `./` would be read as the current folder.
  return text.replace(/[\\*?[\]{}()!@+]|^\./g, "\\$&");
}

const STAR = 42;
const QUESTION = 63;
const EXTGLOB = /[@!+*?]/;

class GlobParser {
  #depth = 0;
  constructor(readonly glob: string) {}

  parse(): Item[] {
    return this.#sequence(0, this.glob.length, true);
  }

  /** The items of glob[from, to); `top`: outside braces, where `**` can be a whole segment. */
  #sequence(from: number, to: number, top: boolean): Item[] {
    const g = this.glob;
    const items: Item[] = [];
    let i = from;
    while (i < to) {
      const ch = g[i] as string;
      if (ch === "\\") {
        // A trailing backslash stands for itself.
        items.push(literal(i + 1 < to ? g.charCodeAt(i + 1) : g.charCodeAt(i)));
        i += 2;
      } else if (ch === "(" && i > from && EXTGLOB.test(g[i - 1] as string) && g[i - 2] !== "\\") {
        throw new GlobError(
          `uses an extglob (${g[i - 1]}(…)), which blastradius does not support: write the alternatives with braces, {a,b}, or escape the parenthesis, \\(`,
        );
      } else if (ch === "*") {
        let end = i;
        while (end < to && g[end] === "*") end++;
        const two = end - i === 2;
        const whole = top && two && (i === 0 || g[i - 1] === "/") && (end === to || g[end] === "/");
        // `**/**` is `**`.
        if (whole) while (items.at(-1)?.t === "segmentsSlash") items.pop();
        if (!whole && two && (!top || i === 0)) {
          // In braces, and at the start of a glob (`**.tf`), `**` is any run of characters,
          // `/` included: picomatch's reading, or wider where picomatch is not consistent.
          items.push({ t: "star", test: anyChar });
          i = end;
        } else if (!whole) {
          if (items.at(-1)?.t !== "star") items.push({ t: "star", test: notSlash });
          i = end;
        } else if (end < to) {
          // `**/`: the slash belongs to the segments.
          items.push({ t: "segmentsSlash" });
          i = end + 1;
        } else if (items.length === 0) {
          items.push({ t: "segmentsOne" });
          i = end;
        } else {
          // `x/**`: the slash before belongs to the segments, so that `x` itself matches.
          items.pop();
          items.push({ t: "slashSegments" });
          i = end;
        }
      } else if (ch === "?") {
        items.push({ t: "test", test: notSlash, wild: true });
        i++;
      } else if (ch === "[") {
        const parsed = this.#bracket(i, to);
        if (parsed) {
          items.push({ t: "test", test: parsed.test, wild: true });
          i = parsed.end;
        } else {
          items.push(literal(91));
          i++;
        }
      } else if (ch === "{") {
        const parsed = this.#braces(i, to);
        if (parsed) {
          items.push(parsed.item);
          i = parsed.end;
        } else {
          items.push(literal(123));
          i++;
        }
      } else {
        items.push(literal(g.charCodeAt(i)));
        i++;
      }
    }
    return items;
  }

  /** `{a,b}` or `{1..3}` at `open`, or undefined when it is literal (`{a}`, unclosed). */
  #braces(open: number, to: number): { item: Item; end: number } | undefined {
    const g = this.glob;
    const commas: number[] = [];
    let depth = 0;
    let close = -1;
    for (let i = open + 1; i < to; i++) {
      const ch = g[i];
      if (ch === "\\") i++;
      else if (ch === "[") {
        const bracket = this.#bracket(i, to);
        if (bracket) i = bracket.end - 1;
      } else if (ch === "{") depth++;
      else if (ch === "}") {
        if (depth === 0) {
          close = i;
          break;
        }
        depth--;
      } else if (ch === "," && depth === 0) commas.push(i);
    }
    if (close < 0) return undefined;
    if (commas.length === 0) {
      const range = this.#range(g.slice(open + 1, close));
      return range ? { item: range, end: close + 1 } : undefined;
    }
    if (++this.#depth > MAX_BRACE_DEPTH)
      throw new GlobError(`nests braces more than ${MAX_BRACE_DEPTH} deep`);
    const bounds = [open, ...commas, close];
    const options = bounds
      .slice(0, -1)
      .map((start, k) => this.#sequence(start + 1, bounds[k + 1] as number, false));
    this.#depth--;
    return { item: { t: "alt", options }, end: close + 1 };
  }

  /** `{1..3}`, `{a..e}`: the values as alternatives. */
  #range(body: string): Item | undefined {
    const numbers = /^(-?\d+)\.\.(-?\d+)$/.exec(body);
    const letters = /^([A-Za-z])\.\.([A-Za-z])$/.exec(body);
    let values: string[];
    if (numbers) {
      const [a, b] = [Number(numbers[1]), Number(numbers[2])];
      if (Math.abs(b - a) >= MAX_RANGE)
        throw new GlobError(`has a range {${body}} of more than ${MAX_RANGE} values`);
      values = [];
      for (let n = a; a <= b ? n <= b : n >= b; n += a <= b ? 1 : -1) values.push(String(n));
    } else if (letters) {
      const [a, b] = [(letters[1] as string).charCodeAt(0), (letters[2] as string).charCodeAt(0)];
      values = [];
      for (let n = Math.min(a, b); n <= Math.max(a, b); n++) values.push(String.fromCharCode(n));
    } else return undefined;
    return {
      t: "alt",
      options: values.map((v) => [...v].map((c) => literal(c.charCodeAt(0)))),
    };
  }

  /** `[…]` at `open`: its test and where it ends, or undefined when unclosed (a literal `[`). */
  #bracket(open: number, to: number): { test: CharTest; end: number } | undefined {
    const g = this.glob;
    let i = open + 1;
    const negated = g[i] === "!" || g[i] === "^";
    if (negated) i++;
    const ranges: [number, number][] = [];
    const tests: CharTest[] = [];
    let first = true;
    for (; i < to; first = false) {
      const ch = g[i] as string;
      if (ch === "]" && !first) {
        const test: CharTest = (c) =>
          c !== SLASH &&
          negated !== (ranges.some(([lo, hi]) => c >= lo && c <= hi) || tests.some((t) => t(c)));
        return { test, end: i + 1 };
      }
      if (ch === "[" && g[i + 1] === ":") {
        const close = g.indexOf(":]", i + 2);
        const posix = close < 0 ? undefined : POSIX[g.slice(i + 2, close)];
        if (posix && close < to) {
          tests.push(posix);
          i = close + 2;
          continue;
        }
      }
      let lo = g.charCodeAt(i);
      if (ch === "\\" && i + 1 < to) lo = g.charCodeAt(++i);
      i++;
      if (g[i] === "-" && i + 1 < to && g[i + 1] !== "]") {
        let hi = g.charCodeAt(i + 1);
        i += 2;
        if (hi === 92 && i < to) hi = g.charCodeAt(i++);
        ranges.push([lo, hi]);
      } else ranges.push([lo, lo]);
    }
    return undefined;
  }
}

const between =
  (lo: string, hi: string): CharTest =>
  (c) =>
    c >= lo.charCodeAt(0) && c <= hi.charCodeAt(0);
const either =
  (...tests: CharTest[]): CharTest =>
  (c) =>
    tests.some((t) => t(c));
const DIGIT = between("0", "9");
const UPPER = between("A", "Z");
const LOWER = between("a", "z");
const ALPHA = either(UPPER, LOWER);
const POSIX: Readonly<Record<string, CharTest>> = {
  alnum: either(ALPHA, DIGIT),
  alpha: ALPHA,
  ascii: (c) => c < 128,
  blank: (c) => c === 32 || c === 9,
  cntrl: (c) => c < 32 || c === 127,
  digit: DIGIT,
  graph: between("!", "~"),
  lower: LOWER,
  print: between(" ", "~"),
  punct: (c) => between("!", "~")(c) && !ALPHA(c) && !DIGIT(c),
  space: (c) => c === 32 || (c >= 9 && c <= 13),
  upper: UPPER,
  word: (c) => ALPHA(c) || DIGIT(c) || c === 95,
  xdigit: either(DIGIT, between("a", "f"), between("A", "F")),
};

const SPLIT = 0;
const TEST = 1;
const ACCEPT = 2;

/** The automaton: parallel arrays, one entry per state. */
class Nfa implements Matcher {
  readonly #kind: number[] = [];
  readonly #out1: number[] = [];
  readonly #out2: number[] = [];
  readonly #test: (CharTest | undefined)[] = [];
  /** Whether a test is a wildcard, which never consumes a `.` or `..` segment. */
  readonly #wild: boolean[] = [];
  readonly #start: number;
  readonly #dotSegments: boolean;
  readonly #marks: Uint32Array;
  #generation = 0;
  readonly #dfa = new Map<string, DfaState>();
  #cached = 0;
  #initial: DfaState | undefined;
  steps = 0;

  /** A path spelled exactly like this matches whatever the pattern says (picomatch's rule). */
  readonly #itself: string | undefined;

  constructor(items: readonly Item[], dotSegments: boolean, itself?: string) {
    this.#dotSegments = dotSegments;
    this.#itself = itself;
    const accept = this.#state(ACCEPT);
    this.#start = this.#sequence(items, accept);
    this.#marks = new Uint32Array(this.#kind.length);
  }

  get size(): number {
    return this.#kind.length;
  }

  #state(kind: number, out1 = -1, out2 = -1, test?: CharTest, wild = false): number {
    this.#kind.push(kind);
    this.#out1.push(out1);
    this.#out2.push(out2);
    this.#test.push(test);
    this.#wild.push(wild);
    return this.#kind.length - 1;
  }

  /** Built from the end, so that each item knows the state that follows it. */
  #sequence(items: readonly Item[], next: number): number {
    let current = next;
    for (let k = items.length - 1; k >= 0; k--) current = this.#item(items[k] as Item, current);
    return current;
  }

  #item(item: Item, next: number): number {
    switch (item.t) {
      case "test":
        return this.#state(TEST, next, -1, item.test, item.wild);
      case "star": {
        const loop = this.#state(SPLIT, -1, next);
        this.#out1[loop] = this.#state(TEST, loop, -1, item.test, true);
        return loop;
      }
      case "alt": {
        const starts = item.options.map((option) => this.#sequence(option, next));
        let choice = starts[starts.length - 1] as number;
        for (let k = starts.length - 2; k >= 0; k--) choice = this.#state(SPLIT, starts[k], choice);
        return choice;
      }
      case "segmentsSlash": {
        // (segment /)*: loop -> char+ -> slash -> loop
        const loop = this.#state(SPLIT, -1, next);
        const slash = this.#state(TEST, loop, -1, (c) => c === SLASH, false);
        const char = this.#segment(slash);
        this.#out1[loop] = char;
        return loop;
      }
      case "slashSegments": {
        // (/ segment)*: loop -> slash -> char+ -> loop
        const loop = this.#state(SPLIT, -1, next);
        this.#out1[loop] = this.#state(TEST, this.#segment(loop), -1, (c) => c === SLASH, false);
        return loop;
      }
      case "segmentsOne": {
        // segment (/ segment)*
        const loop = this.#state(SPLIT, -1, next);
        this.#out1[loop] = this.#state(TEST, this.#segment(loop), -1, (c) => c === SLASH, false);
        return this.#segment(loop);
      }
    }
  }

  /** One or more characters of a segment, then `next`. */
  #segment(next: number): number {
    const more = this.#state(SPLIT, -1, next);
    const char = this.#state(TEST, more, -1, notSlash, true);
    this.#out1[more] = char;
    return char;
  }

  test(path: string): boolean {
    return path === this.#itself || this.#run(path, false);
  }

  testOrAbove(path: string): boolean {
    const itself = this.#itself;
    if (itself !== undefined && path.startsWith(itself)) {
      if (path.length === itself.length || path[itself.length] === "/") return true;
    }
    return this.#run(path, true);
  }

  /**
   * The simulation, with the sets of states it meets cached as the states of a DFA built on
   * the way (as RE2 does): a character from a known set to a known set is one lookup. The
   * cache is bounded; past it, sets are computed afresh, still within the same bound.
   * `above`: also accept when a folder of the path matches.
   */
  #run(path: string, above: boolean): boolean {
    const dots = this.#dotSegments ? dotSegmentMask(path) : undefined;
    this.#initial ??= this.#dfaState(this.#closure([this.#start]));
    let current = this.#initial;
    for (let i = 0; i < path.length; i++) {
      if (current.states.length === 0) return false;
      const c = path.charCodeAt(i);
      if (above && c === SLASH && i > 0 && current.accepts) return true;
      const key = dots?.[i] === 1 ? c + 0x10000 : c;
      this.steps++;
      current = current.next.get(key) ?? this.#step(current, c, key);
    }
    return current.accepts;
  }

  /** The set after `c`, computed on the NFA, and cached while the cache has room. */
  #step(from: DfaState, c: number, key: number): DfaState {
    const inDots = key > 0xffff;
    const targets: number[] = [];
    for (const s of from.states) {
      this.steps++;
      if (this.#kind[s] !== TEST || (inDots && this.#wild[s])) continue;
      if ((this.#test[s] as CharTest)(c)) targets.push(this.#out1[s] as number);
    }
    const to = this.#dfaState(this.#closure(targets));
    // Only between sets the cache holds: a set outside it is computed afresh each time.
    if (this.#dfa.get(to.key) === to && this.#dfa.get(from.key) === from) from.next.set(key, to);
    return to;
  }

  #dfaState(states: number[]): DfaState {
    states.sort((a, b) => a - b);
    const name = states.join(",");
    const known = this.#dfa.get(name);
    if (known) return known;
    const state: DfaState = {
      key: name,
      states,
      accepts: states.some((s) => this.#kind[s] === ACCEPT),
      next: new Map(),
    };
    if (this.#dfa.size < MAX_DFA_STATES && this.#cached + states.length <= MAX_CACHED_STATES) {
      this.#dfa.set(name, state);
      this.#cached += states.length;
    }
    return state;
  }

  /** The test and accept states the given states reach by empty moves, each once. */
  #closure(from: readonly number[]): number[] {
    if (++this.#generation >= 0xffffffff) {
      this.#marks.fill(0);
      this.#generation = 1;
    }
    const marks = this.#marks;
    const generation = this.#generation;
    const out: number[] = [];
    const stack = [...from];
    while (stack.length > 0) {
      const s = stack.pop() as number;
      if (marks[s] === generation) continue;
      marks[s] = generation;
      this.steps++;
      if (this.#kind[s] === SPLIT) {
        const b = this.#out2[s] as number;
        if (b >= 0) stack.push(b);
        const a = this.#out1[s] as number;
        if (a >= 0) stack.push(a);
      } else out.push(s);
    }
    return out;
  }
}

/** A set of NFA states met while matching, and where each character took it. */
interface DfaState {
  readonly key: string;
  readonly states: readonly number[];
  readonly accepts: boolean;
  readonly next: Map<number, DfaState>;
}

/**
 * Sets of states kept per glob, and NFA states in them all: enough for any glob written by
 * hand, and a bound on memory for the rest.
 */
const MAX_DFA_STATES = 2000;
const MAX_CACHED_STATES = 100_000;

const DOT_SEGMENT = /(^|\/)\.\.?(\/|$)/;

/** 1 at each character of a `.` or `..` segment; undefined when the path has none. */
function dotSegmentMask(path: string): Uint8Array | undefined {
  if (!DOT_SEGMENT.test(path)) return undefined;
  const mask = new Uint8Array(path.length);
  let start = 0;
  for (let i = 0; i <= path.length; i++) {
    if (i < path.length && path.charCodeAt(i) !== SLASH) continue;
    const segment = path.slice(start, i);
    if (segment === "." || segment === "..") mask.fill(1, start, i);
    start = i + 1;
  }
  return mask;
}
