// Schema-checked YAML data -> the model. Defensive: a piece that failed the schema is
// skipped, so one typo does not cascade into a hundred "unknown node" errors. Runs once per
// node of graphs with hundreds of thousands of them, so it allocates only what it returns.

import { DEFAULT_BREAKS_ON } from "../classes.js";
import type {
  Edge,
  Expectation,
  GraphNode,
  Lifecycle,
  Owner,
  PathRule,
  SourceLocation,
  Waiver,
} from "../model.js";

type Raw = Record<string, unknown>;

const REPO_QUALIFIED = /^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+):(.+)$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9._:/@+_-]*$/;
const NO_STRINGS: readonly string[] = [];
const NO_RULES: readonly PathRule[] = [];

export const DEFAULT_VIA = "depends-on";

function isRaw(value: unknown): value is Raw {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function strings(value: unknown): readonly string[] {
  if (!Array.isArray(value)) return NO_STRINGS;
  for (const item of value) {
    if (typeof item !== "string" || item === "") {
      return value.filter((v): v is string => typeof v === "string" && v !== "");
    }
  }
  return value as string[];
}

export function parsePathRule(source: string): PathRule {
  const qualified = source.includes(":") ? REPO_QUALIFIED.exec(source) : null;
  if (qualified?.[1] && qualified[2]) {
    return { repo: qualified[1].toLowerCase(), glob: stripDotSlash(qualified[2]), source };
  }
  return { glob: stripDotSlash(source), source };
}

function stripDotSlash(glob: string): string {
  return glob.startsWith("./") ? glob.slice(2) : glob.startsWith("/") ? glob.slice(1) : glob;
}

export function normaliseOwner(id: string, raw: unknown, at: SourceLocation): Owner {
  const r = isRaw(raw) ? raw : {};
  return {
    id,
    github: str(r.github),
    chat: str(r.chat),
    email: str(r.email),
    escalation: str(r.escalation),
    description: str(r.description),
    declaredAt: at,
  };
}

/**
 * Keeps one copy of values that repeat across a graph (kinds, owners, edge types): a large
 * graph has hundreds of thousands of each, and only a few distinct ones.
 */
export type Interner = (value: string) => string;

export function interner(): Interner {
  const seen = new Map<string, string>();
  return (value) => {
    const known = seen.get(value);
    if (known !== undefined) return known;
    seen.set(value, value);
    return value;
  };
}

const asIs: Interner = (value) => value;

export function normaliseNode(
  id: string,
  raw: unknown,
  at: SourceLocation,
  intern: Interner = asIs,
): GraphNode {
  const r = isRaw(raw) ? raw : {};
  const match = isRaw(r.match) ? r.match : undefined;
  const paths = match ? strings(match.paths) : NO_STRINGS;
  const dependsOn: Edge[] = [];
  const declared = Array.isArray(r.depends_on) ? r.depends_on : NO_STRINGS;
  for (let index = 0; index < declared.length; index++) {
    const entry: unknown = declared[index];
    if (typeof entry === "string") {
      // The short form's via (depends-on) has no default break set: it breaks on every class.
      if (ID.test(entry)) dependsOn.push({ from: id, to: entry, via: DEFAULT_VIA, index });
      continue;
    }
    if (!isRaw(entry)) continue;
    const on = str(entry.on);
    if (!on || !ID.test(on)) continue;
    const via = str(entry.via);
    const description = str(entry.description);
    const expects = expectationsOf(entry.expects);
    // Optional fields are added only when present: hundreds of thousands of edges share a
    // few small shapes (object spreads here cost tens of MB at 500,000 edges).
    const edge: { -readonly [K in keyof Edge]: Edge[K] } = {
      from: id,
      to: on,
      via: via === undefined ? DEFAULT_VIA : intern(via),
      breaksOn: Array.isArray(entry.breaks_on)
        ? strings(entry.breaks_on)
        : DEFAULT_BREAKS_ON[via ?? DEFAULT_VIA],
      index,
    };
    if (description !== undefined) edge.description = description;
    if (expects !== undefined) edge.expects = expects;
    dependsOn.push(edge);
  }
  const tier = r.tier;
  return {
    id,
    // No kind: an addition to a catalog entity, or an error once every file is read.
    kind: intern(str(r.kind) ?? ""),
    owner: typeof r.owner === "string" && r.owner !== "" ? intern(r.owner) : undefined,
    tier:
      typeof tier === "number" && Number.isInteger(tier) && tier >= 0 && tier <= 3
        ? tier
        : undefined,
    description: str(r.description),
    docs: str(r.docs),
    runbook: str(r.runbook),
    match: {
      paths: paths.length === 0 ? NO_RULES : paths.map(parsePathRule),
      terraform: match ? strings(match.terraform) : NO_STRINGS,
      kubernetes: match ? strings(match.kubernetes) : NO_STRINGS,
      ...(match && Array.isArray(match.cloudformation)
        ? { cloudformation: strings(match.cloudformation) }
        : {}),
    },
    dependsOn,
    declaredAt: at,
  };
}

function waiverOf(raw: unknown): Waiver | undefined {
  if (!isRaw(raw)) return undefined;
  const until = str(raw.until);
  const reason = str(raw.reason);
  return until && reason ? { until, reason } : undefined;
}

type Lived = Lifecycle & { readonly waiveKeyPath?: readonly (string | number)[] };

function lifecycleOf(raw: Raw, inherited: Lived, at: readonly (string | number)[]): Lived {
  const pending = typeof raw.pending === "boolean" ? raw.pending : inherited.pending;
  const own = waiverOf(raw.waive);
  const waive = own ?? inherited.waive;
  const waiveKeyPath = own ? [...at, "waive"] : inherited.waiveKeyPath;
  return {
    ...(pending ? { pending } : {}),
    ...(waive ? { waive } : {}),
    ...(waive && waiveKeyPath ? { waiveKeyPath } : {}),
  };
}

/** `expects:` as a flat list; an entry's own pending/waive win over the block's. */
function expectationsOf(raw: unknown): readonly Expectation[] | undefined {
  if (!isRaw(raw)) return undefined;
  const block = lifecycleOf(raw, {}, []);
  const items: Expectation[] = [];
  const list = (kind: "trusts" | "allows", key: "principal" | "action") => {
    if (!Array.isArray(raw[kind])) return;
    (raw[kind] as unknown[]).forEach((item, index) => {
      const value = isRaw(item) ? str(item[key]) : str(item);
      if (value === undefined) return;
      items.push({
        kind,
        value,
        keyPath: [kind, index],
        ...(isRaw(item) ? lifecycleOf(item, block, [kind, index]) : block),
      });
    });
  };
  list("trusts", "principal");
  list("allows", "action");
  if (raw.exists === true) items.push({ kind: "exists", keyPath: ["exists"], ...block });
  else if (isRaw(raw.exists))
    items.push({
      kind: "exists",
      keyPath: ["exists"],
      ...lifecycleOf(raw.exists, block, ["exists"]),
    });
  return items.length > 0 ? items : undefined;
}
