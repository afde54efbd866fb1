// Two IAM documents evaluated as AWS does (an explicit Deny wins over any Allow; NotAction,
// NotResource and NotPrincipal match what they do not name; `*` and `?` in actions, case
// aside, and in ARNs and principals, case kept) and compared point by point.
//
// The points: per dimension, the literals both documents write, a witness per wildcard
// pattern (a value only that pattern's region holds) and one fresh value; every region the
// patterns cut is then represented. An action is only paired with the resources of the
// statements that may match it, found through indexes, so a large document costs about the
// sum of its statements, not their product. Condition clauses are opaque: each is a boolean,
// and a point is compared under every assignment of the clauses of the statements that
// match it.

import {
  clauseText,
  type PolicyDocument,
  type PrincipalSet,
  type Statement,
} from "./iam-document.js";
import {
  commonWitness,
  covers,
  coversWritten,
  hasWildcard,
  PatternIndex,
  PRINCIPAL_ARN,
  questionCounts,
  WITNESS_MARK,
  witnesses,
} from "./iam-pattern.js";

/** Trust compares who may assume the role; permissions compare what may be done to what. */
export type Mode = "trust" | "permissions";

export interface Principal {
  readonly type: string;
  readonly id: string;
}

/** A value of one dimension: a literal as written, or a witness / fresh value of a region. */
export interface Candidate {
  readonly value: string;
  /** The literal as a document writes it; undefined for a witness or a fresh value. */
  readonly literal?: string;
}

export interface PrincipalCandidate extends Candidate {
  readonly type: string;
}

export interface Point {
  readonly principal?: PrincipalCandidate;
  readonly action: Candidate;
  readonly resource?: Candidate;
}

/** A statement ready to be matched: its patterns, and its condition clauses as text. */
export interface Compiled {
  readonly statement: Statement;
  readonly allow: boolean;
  /** What it names; undefined when it names by exclusion (NotAction) instead. */
  readonly actions?: readonly string[];
  readonly notActions?: readonly string[];
  readonly resources?: readonly string[];
  readonly notResources?: readonly string[];
  readonly principals?: readonly PrincipalSet[];
  readonly notPrincipals?: readonly PrincipalSet[];
  readonly clauses: readonly string[];
}

/** How a point's access changed, across the assignments of its conditions. */
export type Kind =
  /** Allowed before under some conditions, after under none. */
  | "lost"
  | "gained"
  /** Allowed after under fewer (or more) of the same assignments. */
  | "narrowed"
  | "widened"
  /** Some assignments gained, others lost. */
  | "changed";

export interface Difference {
  readonly kind: Kind;
  readonly point: Point;
  /** The statements of each document that match the point, in document order. */
  readonly before: readonly Compiled[];
  readonly after: readonly Compiled[];
}

export interface Comparison {
  readonly differences: readonly Difference[];
  /** What could not be compared, in words; empty when everything was. */
  readonly incomplete: readonly string[];
  /** Statement matches, pattern pairs and condition assignments tried: the work, for tests and benchmarks. */
  readonly operations: number;
}

/** Beyond this many clauses on one point, the 2^n assignments are not enumerated. */
export const MAX_CLAUSES = 10;
/**
 * Beyond this much work (statement matches, pairs of patterns tried for an overlap, condition
 * assignments), the comparison stops and says so. At a few microseconds each, a second or
 * three; the largest policy AWS accepts (10,240 characters inline) needs a small part of it,
 * and 6,000 ordinary statements about a quarter.
 */
export const MAX_OPERATIONS = 1_000_000;

/** The assume actions: who may assume the role. */
export const ASSUME_ACTIONS = [
  "sts:AssumeRole",
  "sts:AssumeRoleWithSAML",
  "sts:AssumeRoleWithWebIdentity",
];

/**
 * What a trust policy grants: assuming, and what the session may carry. EKS Pod Identity and
 * callers that pass session tags need sts:TagSession; sts:SetSourceIdentity and
 * sts:SetContext are checked at assume time too. Losing one breaks those callers.
 */
export const TRUST_ACTIONS = [
  ...ASSUME_ACTIONS,
  "sts:TagSession",
  "sts:SetSourceIdentity",
  "sts:SetContext",
];
export const isAssume = (action: string) => /^sts:assumerole\w*$/i.test(action);

/** A 12-digit account and its root ARN are one principal: the account. */
function principalId(type: string, id: string): string {
  return type === "AWS" && /^\d{12}$/.test(id) ? `arn:aws:iam::${id}:root` : id;
}

export function compile(statement: Statement): Compiled {
  const s = statement;
  const named = (v: { literal: readonly string[] }) => v.literal.length > 0;
  const written = (v: { literal: readonly string[]; expressions: readonly string[] }) =>
    v.literal.length + v.expressions.length > 0;
  const principals = s.principals.length > 0 || s.notPrincipals.length === 0;
  // A statement with principals and no actions at all can only be about assuming.
  const unstated = !written(s.actions) && !written(s.notActions) && s.principals.length > 0;
  return {
    statement: s,
    allow: s.effect === "Allow",
    ...(unstated
      ? { actions: ["sts:AssumeRole"] }
      : !written(s.actions) && written(s.notActions)
        ? { notActions: s.notActions.literal }
        : { actions: s.actions.literal }),
    // No Resource at all reads as every resource, as the documents this tool has always read.
    ...(named(s.resources) || !written(s.notResources)
      ? { resources: named(s.resources) ? s.resources.literal : ["*"] }
      : { notResources: s.notResources.literal }),
    ...(principals ? { principals: s.principals } : { notPrincipals: s.notPrincipals }),
    clauses: [...new Set(s.conditions.map(clauseText))].sort(),
  };
}

const anyCovers = (patterns: readonly string[], value: string, ignoreCase: boolean) =>
  patterns.some((p) => covers(p, value, ignoreCase));

export function matchesAction(c: Compiled, action: string): boolean {
  return c.actions
    ? anyCovers(c.actions, action, true)
    : !anyCovers(c.notActions ?? [], action, true);
}

export function matchesResource(c: Compiled, resource: string): boolean {
  return c.resources
    ? anyCovers(c.resources, resource, false)
    : !anyCovers(c.notResources ?? [], resource, false);
}

/** Whether a principal set names a principal: `*` of type `*` is anyone. */
export function setCovers(set: PrincipalSet, p: Principal): boolean {
  if (set.type !== "*" && set.type !== p.type) return false;
  return set.ids.literal.some((id) => {
    if (id === "*") return true;
    const named = principalId(set.type, id);
    if (covers(named, p.id, false)) return true;
    // An account (its id or its root) stands for every principal of the account.
    const account = p.type === "AWS" ? ROOT.exec(named)?.[1] : undefined;
    return account !== undefined && ACCOUNT.exec(p.id)?.[1] === account;
  });
}

const ROOT = /^arn:aws[\w-]*:iam::(\d{12}):root$/;
const ACCOUNT = /^arn:aws[\w-]*:(?:iam|sts)::(\d{12}):/;

export function matchesPrincipal(c: Compiled, p: Principal): boolean {
  return c.principals
    ? c.principals.some((set) => setCovers(set, p))
    : !(c.notPrincipals ?? []).some((set) => setCovers(set, p));
}

/**
 * The candidates of one dimension: literals, witnesses of each pattern (one per length its
 * wildcards may stand for, added once every pattern is known), and a fresh value.
 */
class Candidates {
  readonly byKey = new Map<string, Candidate>();
  private readonly patterns = new Set<string>();
  constructor(private readonly ignoreCase: boolean) {}

  addPattern(pattern: string): void {
    if (hasWildcard(pattern)) this.patterns.add(this.ignoreCase ? pattern.toLowerCase() : pattern);
    else this.add({ value: pattern, literal: pattern });
  }

  /** The witnesses of every pattern, at the lengths all of them together tell apart. */
  addWitnesses(cache: OverlapCache): void {
    const counts = new Set<number>();
    for (const c of questionCounts(this.patterns))
      if (c <= MAX_QUESTION_RUN) counts.add(c);
      else cache.longRuns = true;
    for (const p of this.patterns)
      for (const value of cache.witnesses(p, counts)) this.add({ value });
  }

  /**
   * A value in each overlap of two wildcard patterns (`s3:Get*` and `s3:*Object`), which
   * neither pattern's own witness need fall in. Only patterns whose literal starts and ends
   * agree can overlap; those are found through an index. Returns false when the pairs to try
   * went past the budget.
   */
  addOverlaps(cache: OverlapCache): boolean {
    const index = new PatternIndex<string>(false);
    for (const p of this.patterns) index.add(p, p);
    for (const p of this.patterns) {
      const head = p.slice(0, p.search(/[*?]/));
      for (const q of index.query(head)) {
        if (q === p) continue;
        const value = cache.overlap(p, q);
        if (value === false) return false;
        if (value !== undefined) this.add({ value });
      }
    }
    return true;
  }

  add(candidate: Candidate): void {
    const key = this.ignoreCase ? candidate.value.toLowerCase() : candidate.value;
    if (!this.byKey.has(key)) this.byKey.set(key, candidate);
  }
}

const FRESH: Candidate = { value: WITNESS_MARK.repeat(2) };

/**
 * A run of more `?` than this is not given witnesses past its length: one such pattern would
 * lengthen every other pattern's witnesses to match. A document that writes one is incomplete.
 */
export const MAX_QUESTION_RUN = 64;

/** Beyond this many pairs of overlapping patterns tried, a comparison says it is incomplete. */
export const MAX_OVERLAPS = 50_000;

/**
 * Overlap witnesses, each pair walked once per comparison, counted against a limit; every
 * pair tried is work too (many patterns that share a prefix, as `ec2:*1` … `ec2:*6000`, are
 * all tried against each other).
 */
class OverlapCache {
  private readonly known = new Map<string, string | undefined>();
  exceeded = false;
  /** Some pattern wrote a run of more than MAX_QUESTION_RUN `?`. */
  longRuns = false;
  constructor(private readonly budget: Budget) {}

  private readonly witnessed = new Map<string, string[]>();

  /** A pattern's witnesses, made once per comparison: the same resource recurs per action. */
  witnesses(pattern: string, counts: ReadonlySet<number>): string[] {
    const key = `${pattern}\u0000${[...counts].join(",")}`;
    let values = this.witnessed.get(key);
    if (!values) {
      values = witnesses(pattern, counts);
      this.witnessed.set(key, values);
    }
    return values;
  }

  /** A value both cover; undefined when they cannot overlap; false past a limit. */
  overlap(p: string, q: string): string | undefined | false {
    if (!this.budget.spend(1)) return false;
    const [a, b] = p < q ? [p, q] : [q, p];
    const key = `${a}\u0000${b}`;
    if (this.known.has(key)) return this.known.get(key);
    if (!tailsAgree(a, b)) return undefined;
    if (this.known.size >= MAX_OVERLAPS) {
      this.exceeded = true;
      return false;
    }
    // A mark in a `*` keeps the value off the literals a document writes (`s3:GetObject` is
    // in both `s3:Get*` and `s3:*Object`, but so is `s3:Get·Object`, which no literal is).
    const marked = (x: string) => x.replace(/\*+/g, `*${WITNESS_MARK}*`);
    const value = commonWitness(marked(a), b) ?? commonWitness(a, marked(b)) ?? commonWitness(a, b);
    this.known.set(key, value);
    return value;
  }
}

/** The literal ends after the last wildcard: one must end the other for the two to overlap. */
function tailsAgree(p: string, q: string): boolean {
  const tail = (x: string) => x.slice(Math.max(x.lastIndexOf("*"), x.lastIndexOf("?")) + 1);
  const [a, b] = [tail(p), tail(q)];
  return a.endsWith(b) || b.endsWith(a);
}

/** One document's statements with an index for each dimension it is looked up by. */
interface Side {
  readonly statements: readonly Compiled[];
  readonly byAction: PatternIndex<Compiled>;
  readonly byPrincipal: PatternIndex<Compiled>;
  /** Each statement's place in the document: Deny and Allow are read in order for messages. */
  readonly order: ReadonlyMap<Compiled, number>;
}

function sideOf(doc: PolicyDocument): Side {
  const statements = doc.statements.map(compile);
  const byAction = new PatternIndex<Compiled>(true);
  const byPrincipal = new PatternIndex<Compiled>(false);
  for (const c of statements) {
    if (c.actions) for (const a of c.actions) byAction.add(a, c);
    else byAction.addAlways(c);
    if (!c.principals) byPrincipal.addAlways(c);
    else
      for (const set of c.principals)
        for (const id of set.ids.literal)
          if (set.type === "*" || id === "*") byPrincipal.addAlways(c);
          else {
            const named = principalId(set.type, id);
            byPrincipal.add(`${set.type}\u0000${named}`, c);
            // An account's root is found for every principal of the account.
            const account = set.type === "AWS" ? ROOT.exec(named)?.[1] : undefined;
            if (account)
              for (const partition of ["aws", "aws-cn", "aws-us-gov"])
                for (const service of ["iam", "sts"])
                  byPrincipal.add(`AWS\u0000arn:${partition}:${service}::${account}:*`, c);
          }
  }
  return { statements, byAction, byPrincipal, order: new Map(statements.map((c, i) => [c, i])) };
}

/** Work counted across one comparison, stopped at a limit. */
export class Budget {
  operations = 0;
  exceeded = false;
  constructor(readonly limit: number) {}
  spend(n: number): boolean {
    this.operations += n;
    if (this.operations > this.limit) this.exceeded = true;
    return !this.exceeded;
  }
}

/** Whether a document allows under an assignment: an active Allow, and no active Deny. */
function allowedUnder(matched: readonly Compiled[], masks: readonly number[], m: number): boolean {
  let allowed = false;
  for (let i = 0; i < matched.length; i++) {
    const need = masks[i] as number;
    if ((need & m) !== need) continue;
    if (!(matched[i] as Compiled).allow) return false;
    allowed = true;
  }
  return allowed;
}

const NOTHING_KNOWN: ReadonlyMap<string, boolean> = new Map();

/** How access at one point changed; undefined when it did not, "unknown" beyond the clause cap. */
export function judge(
  before: readonly Compiled[],
  after: readonly Compiled[],
  known: ReadonlyMap<string, boolean> = NOTHING_KNOWN,
  budget?: Budget,
): Kind | "unknown" | undefined {
  // Most points match no conditions: one assignment, nothing to enumerate.
  if (before.every((c) => c.clauses.length === 0) && after.every((c) => c.clauses.length === 0)) {
    const b = allowedUnder(before, new Array(before.length).fill(0), 0);
    const a = allowedUnder(after, new Array(after.length).fill(0), 0);
    return b === a ? undefined : b ? "lost" : "gained";
  }
  const applies = (c: Compiled) => c.clauses.every((k) => known.get(k) !== false);
  const was = before.filter(applies);
  const now = after.filter(applies);
  const clauses = [...new Set([...was, ...now].flatMap((c) => c.clauses))].filter(
    (k) => !known.has(k),
  );
  if (clauses.length > MAX_CLAUSES) return "unknown";
  const bit = new Map(clauses.map((c, i) => [c, 1 << i]));
  const mask = (c: Compiled) => c.clauses.reduce((m, k) => m | (bit.get(k) ?? 0), 0);
  const mb = was.map(mask);
  const ma = now.map(mask);
  // Each assignment reads every statement: up to 1,024 times the statements, counted.
  budget?.spend((1 << clauses.length) * (was.length + now.length));
  let lost = false;
  let gained = false;
  let anyBefore = false;
  let anyAfter = false;
  for (let m = 0; m < 1 << clauses.length; m++) {
    const b = allowedUnder(was, mb, m);
    const a = allowedUnder(now, ma, m);
    anyBefore ||= b;
    anyAfter ||= a;
    if (b && !a) lost = true;
    if (a && !b) gained = true;
  }
  if (!lost && !gained) return undefined;
  // Both: some assignments lost and others gained, so neither side is empty.
  if (lost && gained) return "changed";
  if (lost) return anyAfter ? "narrowed" : "lost";
  return anyBefore ? "widened" : "gained";
}

/** The principals both documents name, a witness per pattern, and a fresh one per type. */
function principalCandidates(sides: readonly Side[], overlaps: OverlapCache): PrincipalCandidate[] {
  const types = new Set<string>(["\u00b7"]);
  const patterns: { type: string; id: string }[] = [];
  for (const side of sides)
    for (const c of side.statements)
      for (const set of [...(c.principals ?? []), ...(c.notPrincipals ?? [])]) {
        if (set.type !== "*") types.add(set.type);
        for (const id of set.ids.literal) patterns.push({ type: set.type, id });
      }
  const out = new Map<string, PrincipalCandidate>();
  const add = (candidate: PrincipalCandidate) => {
    const key = `${candidate.type}\u0000${candidate.value}`;
    if (!out.has(key)) out.set(key, candidate);
  };
  const wildcards = new Map<string, Candidates>();
  for (const { type, id } of patterns) {
    for (const t of type === "*" ? types : [type]) {
      if (id === "*") continue;
      const value = principalId(t, id);
      if (hasWildcard(value)) {
        const of = wildcards.get(t) ?? new Candidates(false);
        of.addPattern(value);
        wildcards.set(t, of);
      } else {
        add({ type: t, value, literal: id });
        // An account's other principals: a region of their own.
        const account = t === "AWS" ? ROOT.exec(value)?.[1] : undefined;
        if (account) add({ type: t, value: `arn:aws:iam::${account}:role/${WITNESS_MARK}` });
      }
    }
  }
  // Overlaps of two wildcard principals of one type (`role/prod-*` and `role/*-admin`).
  for (const [t, of] of wildcards) {
    of.addWitnesses(overlaps);
    of.addOverlaps(overlaps);
    for (const c of of.byKey.values()) add({ type: t, value: c.value });
  }
  for (const t of types) add({ type: t, value: FRESH.value });
  return [...out.values()];
}

/**
 * The sts actions a trust policy is compared on: every one a role's trust policy grants, each
 * sts literal the documents write, witnesses of their sts patterns (`sts:AssumeRole*`), and
 * where a broader pattern (`*`, `st?:*`) reaches sts, a value there. Other services' actions
 * mean nothing in a trust policy.
 */
function trustActionCandidates(sides: readonly Side[], overlaps: OverlapCache): Candidate[] {
  const all = new Candidates(true);
  for (const side of sides)
    for (const c of side.statements)
      for (const a of c.actions ?? c.notActions ?? []) {
        if (isSts(a)) all.addPattern(a);
        else if (hasWildcard(a)) {
          const value = overlaps.overlap(a.toLowerCase(), "sts:*");
          if (value) all.add({ value });
        }
      }
  all.addWitnesses(overlaps);
  all.addOverlaps(overlaps);
  for (const value of TRUST_ACTIONS) all.add({ value });
  all.add({ value: `sts:${FRESH.value}` });
  return [...all.byKey.values()].filter((c) => isSts(c.value));
}

const isSts = (action: string) => action.toLowerCase().startsWith("sts:");

/** The action candidates of some statements: their literals, witnesses, and a fresh one. */
function actionCandidates(statements: Iterable<Compiled>, overlaps: OverlapCache): Candidate[] {
  const all = new Candidates(true);
  for (const c of statements) for (const a of c.actions ?? c.notActions ?? []) all.addPattern(a);
  all.addWitnesses(overlaps);
  all.addOverlaps(overlaps);
  all.add({ value: `${FRESH.value}:${FRESH.value}` });
  return [...all.byKey.values()];
}

function resourceCandidates(statements: Iterable<Compiled>, overlaps: OverlapCache): Candidate[] {
  const all = new Candidates(false);
  for (const c of statements)
    for (const r of c.resources ?? c.notResources ?? []) all.addPattern(r);
  all.addWitnesses(overlaps);
  all.addOverlaps(overlaps);
  all.add(FRESH);
  return [...all.byKey.values()];
}

/** Statements among many that match a resource, through an index when they are many. */
function resourceMatcher(
  statements: readonly Compiled[],
  order: ReadonlyMap<Compiled, number>,
  budget: Budget,
): (resource: string) => Compiled[] {
  const keep = (c: Compiled, r: string) => {
    budget.spend(1);
    return matchesResource(c, r);
  };
  if (statements.length <= 16) return (r) => statements.filter((c) => keep(c, r));
  const index = new PatternIndex<Compiled>(false);
  for (const c of statements)
    if (c.resources) for (const r of c.resources) index.add(r, c);
    else index.addAlways(c);
  // The index loses document order; matching statements are put back in it.
  return (r) =>
    [...index.query(r)]
      .filter((c) => keep(c, r))
      .sort((a, b) => (order.get(a) as number) - (order.get(b) as number));
}

/** Statements found through an index, matched, and back in document order. */
function inOrder(side: Side, found: Set<Compiled>, keep: (c: Compiled) => boolean): Compiled[] {
  const order = side.order;
  return [...found]
    .filter(keep)
    .sort((a, b) => (order.get(a) as number) - (order.get(b) as number));
}

/**
 * Clauses AWS decides from the point itself: `aws:PrincipalArn` of a principal written as an
 * ARN. Witness and fresh principals leave them open.
 */
function knownClauses(point: Point, statements: readonly Compiled[]): ReadonlyMap<string, boolean> {
  const p = point.principal;
  if (!p?.literal || p.type !== "AWS" || !p.value.startsWith("arn:")) return NOTHING_KNOWN;
  const known = new Map<string, boolean>();
  for (const c of statements)
    for (const k of c.clauses) {
      const match = PRINCIPAL_ARN.exec(k);
      if (match)
        known.set(
          k,
          (match[2] as string).split(",").some((v) => coversWritten(v, p.value)),
        );
    }
  return known;
}

/** Every point where what the documents allow differs. */
export function compareDocuments(
  before: PolicyDocument,
  after: PolicyDocument,
  mode: Mode,
  limit = MAX_OPERATIONS,
): Comparison {
  const sides = [sideOf(before), sideOf(after)] as const;
  const budget = new Budget(limit);
  const overlaps = new OverlapCache(budget);
  const differences: Difference[] = [];
  let clauseCapped = 0;
  const record = (point: Point, matchedBefore: Compiled[], matchedAfter: Compiled[]) => {
    const known = knownClauses(point, [...matchedBefore, ...matchedAfter]);
    // A statement that needs a clause known to be false does not apply to this point.
    const applies = (c: Compiled) => c.clauses.every((k) => known.get(k) !== false);
    const b = known.size === 0 ? matchedBefore : matchedBefore.filter(applies);
    const a = known.size === 0 ? matchedAfter : matchedAfter.filter(applies);
    const kind = judge(b, a, known, budget);
    if (kind === "unknown") clauseCapped++;
    else if (kind) differences.push({ kind, point, before: b, after: a });
  };

  if (mode === "trust") {
    const actions = trustActionCandidates(sides, overlaps);
    for (const principal of principalCandidates(sides, overlaps)) {
      const p = { type: principal.type, id: principal.value };
      const [b, a] = sides.map((side) => {
        const found = side.byPrincipal.query(`${p.type}\u0000${p.id}`);
        budget.spend(found.size);
        return inOrder(side, found, (c) => matchesPrincipal(c, p));
      }) as [Compiled[], Compiled[]];
      if (b.length + a.length === 0) continue;
      for (const action of actions) {
        if (!budget.spend(b.length + a.length)) break;
        record(
          { principal, action },
          b.filter((c) => matchesAction(c, action.value)),
          a.filter((c) => matchesAction(c, action.value)),
        );
      }
      if (budget.exceeded) break;
    }
  } else {
    const all = [...sides[0].statements, ...sides[1].statements];
    for (const action of actionCandidates(all, overlaps)) {
      const [b, a] = sides.map((side) => {
        const found = side.byAction.query(action.value);
        budget.spend(found.size);
        return inOrder(side, found, (c) => matchesAction(c, action.value));
      }) as [Compiled[], Compiled[]];
      if (b.length + a.length === 0) continue;
      const inBefore = resourceMatcher(b, sides[0].order, budget);
      const inAfter = resourceMatcher(a, sides[1].order, budget);
      for (const resource of resourceCandidates([...b, ...a], overlaps)) {
        record({ action, resource }, inBefore(resource.value), inAfter(resource.value));
        if (budget.exceeded) break;
      }
      if (budget.exceeded) break;
    }
  }
  const incomplete: string[] = [];
  if (budget.exceeded)
    incomplete.push(
      `the documents are too large to compare in full (over ${limit.toLocaleString("en-US")} steps: statement matches, pattern pairs, condition assignments): what they allow may differ`,
    );
  if (overlaps.exceeded)
    incomplete.push(
      `the documents' patterns overlap in more than ${MAX_OVERLAPS.toLocaleString("en-US")} pairs: not every overlap was checked`,
    );
  if (overlaps.longRuns)
    incomplete.push(
      `a pattern writes a run of more than ${MAX_QUESTION_RUN} \`?\`: names longer than that are not compared`,
    );
  if (clauseCapped > 0)
    incomplete.push(
      `${clauseCapped} request${clauseCapped === 1 ? " matches" : "s match"} statements with more than ${MAX_CLAUSES} condition clauses between them: not compared`,
    );
  return { differences, incomplete, operations: budget.operations };
}

/** Whether statements that match a point allow it under some assignment of their conditions. */
export function allowedSometimes(matched: readonly Compiled[]): boolean | undefined {
  const clauses = [...new Set(matched.flatMap((c) => c.clauses))];
  if (clauses.length > MAX_CLAUSES) return undefined;
  const bit = new Map(clauses.map((c, i) => [c, 1 << i]));
  const masks = matched.map((c) => c.clauses.reduce((m, k) => m | (bit.get(k) as number), 0));
  for (let m = 0; m < 1 << clauses.length; m++) if (allowedUnder(matched, masks, m)) return true;
  return false;
}

/** The resource candidates for questions about one document. */
export function resourcesOf(statements: readonly Compiled[]): string[] {
  return resourceCandidates(statements, new OverlapCache(new Budget(MAX_OPERATIONS))).map(
    (c) => c.value,
  );
}
