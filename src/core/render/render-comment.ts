// The pull-request comment: a hidden marker that finds it again, the markdown report, and a
// hidden machine-readable block with the analysis and the commit it describes (read back by
// the next run, so an older run never overwrites a newer one, and by the weekly report).

import type { Acknowledgement } from "../gate.js";
import { digestImpact, type ImpactDigest } from "../impact-digest.js";
import { type Impact, RISKS, type Risk } from "../model.js";
import { GITHUB_COMMENT_LIMIT, renderMarkdown } from "./render-markdown.js";
import { inertJsonText } from "./terminal-escape.js";

export const META_VERSION = 1;

/** The comment's hidden block: the impact's digest, and what this run and pull request were. */
export interface CommentMeta extends ImpactDigest {
  readonly version: number;
  /** Which graph: the `deps` input as given. One comment per graph per pull request. */
  readonly deps: string;
  readonly repo: string;
  readonly pullRequest: number;
  readonly headSha: string;
  readonly baseSha: string;
  /** The pull request's updated_at as this run read it: later runs carry later times. */
  readonly validAt: string;
  /** The highest risk any run on this pull request has shown: "no longer" stays said. */
  readonly peakRisk: Risk;
  readonly impactedCount: number;
  /** True when `impacted` lists only the first of impactedCount, to keep the comment small. */
  readonly impactedCut: boolean;
  readonly owners: readonly string[];
  /** Files the analysis saw, of how many the pull request has. */
  readonly files: { readonly seen: number; readonly total: number };
  /** How many things the analysis could not judge. */
  readonly unjudged?: number;
  /** What the acknowledgement label covers, while the pull request carries it. */
  readonly acknowledged?: Acknowledgement;
  /** The workflow run that wrote this comment (its URL), to name it to an older run. */
  readonly run?: string;
}

export interface CommentOptions {
  readonly meta: CommentMeta;
  readonly mentionOwners: boolean;
  readonly notices?: readonly string[];
  readonly sections?: readonly string[];
}

/** Characters the analysis block may take; the rest is for people. */
const META_BUDGET = 12_000;
const OPEN_META = "<!-- blastradius:analysis";

/** How every marker starts, whatever graph it names: finds our comments for any graph. */
export const MARKER_PREFIX = "<!-- blastradius:comment ";

/** The first line of every comment we write: one marker per graph. */
export function commentMarker(deps: string): string {
  return `${MARKER_PREFIX}${inertJsonText(JSON.stringify(deps)).replace(/-->/g, "--\\u003e")} -->`;
}

/** JSON that cannot close an HTML comment or open a tag, nor carry a raw control. */
function inertJson(value: unknown): string {
  return inertJsonText(JSON.stringify(value)).replace(
    /[<>&]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

export function metaOf(
  impact: Impact,
  base: Omit<
    CommentMeta,
    | "version"
    | "risk"
    | "peakRisk"
    | "changed"
    | "impactedCount"
    | "impacted"
    | "impactedCut"
    | "owners"
    | "unjudged"
  >,
  previous?: CommentMeta,
): CommentMeta {
  let size = 0;
  const { risk, changed, impacted, cut } = digestImpact(impact, (node) => {
    size += inertJson(node).length + 1;
    return size <= META_BUDGET;
  });
  return {
    version: META_VERSION,
    ...base,
    risk,
    peakRisk: higherRisk(risk, previous?.peakRisk ?? previous?.risk),
    changed,
    impactedCount: impact.impacted.length,
    impacted,
    impactedCut: cut,
    owners: impact.owners.flatMap((o) => (o.id === undefined ? [] : [o.id])),
    unjudged: impact.unjudged.length,
  };
}

function higherRisk(a: Risk, b: Risk | undefined): Risk {
  return b !== undefined && RISKS.indexOf(b) > RISKS.indexOf(a) ? b : a;
}

export function renderComment(impact: Impact, options: CommentOptions): string {
  const marker = commentMarker(options.meta.deps);
  const footer = `${OPEN_META}\n${inertJson(options.meta)}\n-->`;
  const body = renderMarkdown(impact, {
    mentionOwners: options.mentionOwners,
    notices: options.notices,
    sections: options.sections,
    footer,
    limit: GITHUB_COMMENT_LIMIT - marker.length - 1,
  });
  return `${marker}\n${body}`;
}

/** The analysis block of a comment we wrote, or undefined when there is none or it is unreadable. */
export function readCommentMeta(body: string): CommentMeta | undefined {
  const start = body.lastIndexOf(OPEN_META);
  if (start < 0) return undefined;
  const end = body.indexOf("-->", start);
  if (end < 0) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(body.slice(start + OPEN_META.length, end));
  } catch {
    return undefined;
  }
  // The block is read back by the next run and the weekly report: anyone who can edit the
  // comment can edit it, so a block of the wrong shape counts as no block (recomputed), never
  // as a crash further on.
  return isCommentMeta(value) ? value : undefined;
}

const isString = (v: unknown): v is string => typeof v === "string";
const isRisk = (v: unknown): v is Risk => RISKS.includes(v as Risk);
const isStrings = (v: unknown): boolean => Array.isArray(v) && v.every(isString);
/** A count: JSON's 1e999 parses to Infinity, which would cover any number of unjudged things. */
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

function isBrief(v: unknown): boolean {
  if (typeof v !== "object" || v === null) return false;
  const b = v as Record<string, unknown>;
  return (
    isString(b.id) &&
    (b.severity === "breaking" || b.severity === "at-risk") &&
    isCount(b.depth) &&
    (b.owner === undefined || isString(b.owner))
  );
}

function isAcknowledgement(v: unknown): boolean {
  if (typeof v !== "object" || v === null) return false;
  const a = v as Record<string, unknown>;
  return isString(a.headSha) && isRisk(a.risk) && isStrings(a.breaking) && isCount(a.unjudged);
}

function isCommentMeta(v: unknown): v is CommentMeta {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const m = v as Record<string, unknown>;
  return (
    isString(m.headSha) &&
    isString(m.validAt) &&
    isRisk(m.risk) &&
    (m.peakRisk === undefined || isRisk(m.peakRisk)) &&
    isStrings(m.changed) &&
    Array.isArray(m.impacted) &&
    m.impacted.every(isBrief) &&
    (m.impactedCut === undefined || typeof m.impactedCut === "boolean") &&
    (m.owners === undefined || isStrings(m.owners)) &&
    (m.unjudged === undefined || isCount(m.unjudged)) &&
    (m.impactedCount === undefined || isCount(m.impactedCount)) &&
    (m.acknowledged === undefined || isAcknowledgement(m.acknowledged))
  );
}

/** The body without what changes on every run (the time it was read at): equal means no update. */
export function stableBody(body: string): string {
  return body.replace(/"validAt":"[^"]*"/, "");
}
