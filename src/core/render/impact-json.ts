// Impact -> the documented JSON shape (schema/impact.schema.json, generated from impactJsonSchema).

import type { ContractOutcome, Evidence, Impact, ImpactedNode, ImpactPath } from "../model.js";
import { pathNodes } from "./describe-path.js";
import { keptOnPath } from "./explain.js";
import { summarize } from "./summary.js";
import { inertJsonText } from "./terminal-escape.js";

export const IMPACT_JSON_VERSION = 1;

function pathJson(path: ImpactPath) {
  return {
    path: pathNodes(path),
    via: path.steps.map((s) => s.via),
    changeClass: path.changeClass,
  };
}

type Kept = (path: ImpactPath) => ContractOutcome[];

function impactedJson(node: ImpactedNode, changed: ReadonlySet<string>, kept: Kept) {
  const { path, breakingPath } = node;
  return {
    id: node.id,
    alsoChanged: changed.has(node.id),
    kind: node.kind,
    owner: node.owner ?? null,
    tier: node.tier ?? null,
    depth: node.depth,
    severity: node.severity,
    discovered: path.steps.some((step) => step.discovered === true),
    ...pathJson(path),
    breakingPath: breakingPath ? pathJson(breakingPath) : null,
    heldBy: heldByJson(node, kept),
  };
}

/** What kept an at-risk node from breaking: the contracts on its path that held. */
function heldByJson(node: ImpactedNode, kept: Kept) {
  return node.severity === "at-risk"
    ? kept(node.path).map((c) => ({
        dependent: c.dependent,
        upstream: c.upstream,
        expectation: c.expectation,
        decides: c.decides ?? [],
      }))
    : [];
}

type ImpactedJson = ReturnType<typeof impactedJson>;

/** The impacted nodes as JSON values, one at a time: a large radius is never held twice. */
function* impactedJsonOf(impact: Impact): Generator<ImpactedJson> {
  const changed = new Set(impact.changed.map((c) => c.id));
  const kept = keptOnPath(impact.contracts);
  for (const node of impact.impacted) yield impactedJson(node, changed, kept);
}

/** The JSON value, its impacted nodes still to come: the one place its fields are named and ordered. */
function impactJsonFields(impact: Impact) {
  return {
    version: IMPACT_JSON_VERSION,
    risk: impact.risk,
    summary: summarize(impact),
    changed: impact.changed.map((node) => ({
      id: node.id,
      kind: node.kind,
      owner: node.owner ?? null,
      tier: node.tier ?? null,
      classes: node.classes,
      causes: node.causes.map((c) => ({
        kind: c.kind,
        file: c.file,
        status: c.status ?? null,
        address: c.address ?? null,
        classes: c.classes,
        rule: c.rule,
        evidence: c.evidence.map(evidenceJson),
      })),
    })),
    impacted: impactedJsonOf(impact) as Iterable<ImpactedJson>,
    owners: impact.owners.map((o) => ({
      id: o.id ?? null,
      github: o.github ?? null,
      chat: o.chat ?? null,
      breaking: o.breaking,
      atRisk: o.atRisk,
    })),
    unmatchedFiles: impact.unmatchedFiles,
    quietFiles: impact.quietFiles,
    unmatchedResources: impact.unmatchedResources,
    contracts: impact.contracts.map((c) => ({
      dependent: c.dependent,
      upstream: c.upstream,
      expectation: c.expectation,
      kind: c.kind,
      status: c.status,
      reason: c.reason,
      evidence: c.evidence ? evidenceJson(c.evidence) : null,
      pending: c.pending === true,
      waiver: c.waiver
        ? { until: c.waiver.until, reason: c.waiver.reason, expired: c.waiver.expired === true }
        : null,
      decides: c.decides ?? [],
    })),
    truncated: impact.truncated,
    unjudged: impact.unjudged.map((u) => ({ file: u.file ?? null, reason: u.reason })),
  };
}

export function impactToJson(impact: Impact) {
  const fields = impactJsonFields(impact);
  // Overwriting a key keeps its place: "impacted" stays after "changed".
  return { ...fields, impacted: [...fields.impacted] };
}

function evidenceJson(e: Evidence) {
  return {
    address: e.address ?? null,
    attribute: e.attribute ?? null,
    file: e.file ?? null,
    line: e.line ?? null,
    detail: e.detail,
  };
}

export function renderJson(impact: Impact): string {
  return [...renderJsonChunks(impact)].join("");
}

/**
 * The JSON output, in pieces: a large blast radius is written out node by node instead of
 * being held as one object tree and one string. Pretty-printed as `JSON.stringify(value,
 * null, 2)` would, except that each impacted node is one line: readable, greppable, and a
 * tenth of the text a 100,000-node radius would take fully indented. No raw control reaches
 * a terminal that shows it (`jq -r`, `cat`).
 */
export function* renderJsonChunks(impact: Impact): Generator<string> {
  let first = true;
  for (const [key, value] of Object.entries(impactJsonFields(impact))) {
    yield `${first ? "{" : ","}\n  ${JSON.stringify(key)}: `;
    first = false;
    if (key === "impacted") yield* impactedLines(impact);
    else yield nested(value);
  }
  yield "\n}\n";
}

/**
 * The impacted nodes one a line, each written as JSON.stringify writes impactedJson's value
 * (the tests hold the two byte for byte), but straight into text: no object, array or spread
 * per node and path, and each id quoted once however many paths it is on. At 100,000 impacted
 * nodes this was most of writing the answer.
 */
function* impactedLines(impact: Impact): Generator<string> {
  const changed = new Set(impact.changed.map((c) => c.id));
  const kept = keptOnPath(impact.contracts);
  const quotedOnce = new Map<string, string>();
  // Raw controls are only ever inside strings: made inert string by string, as in the whole line.
  const q = (text: string): string => {
    let quoted = quotedOnce.get(text);
    if (quoted === undefined) {
      quoted = inertJsonText(JSON.stringify(text));
      quotedOnce.set(text, quoted);
    }
    return quoted;
  };
  const fields = (path: ImpactPath): string => {
    let nodes = q(path.changed);
    let via = "";
    for (const step of path.steps) {
      nodes += `,${q(step.to)}`;
      via += via === "" ? q(step.via) : `,${q(step.via)}`;
    }
    return `"path":[${nodes}],"via":[${via}],"changeClass":${q(path.changeClass)}`;
  };
  let first = true;
  for (const node of impact.impacted) {
    const { path, breakingPath } = node;
    let discovered = false;
    for (const step of path.steps) if (step.discovered === true) discovered = true;
    const heldBy =
      node.severity === "at-risk" ? inertJsonText(JSON.stringify(heldByJson(node, kept))) : "[]";
    yield `${first ? "[" : ","}\n    {"id":${q(node.id)},"alsoChanged":${changed.has(node.id)},"kind":${q(node.kind)},"owner":${node.owner == null ? "null" : q(node.owner)},"tier":${number(node.tier)},"depth":${number(node.depth)},"severity":${q(node.severity)},"discovered":${discovered},${fields(path)},"breakingPath":${breakingPath ? `{${fields(breakingPath)}}` : "null"},"heldBy":${heldBy}}`;
    first = false;
  }
  yield first ? "[]" : "\n  ]";
}

/** A number as JSON.stringify writes it (null for none, and for what JSON cannot hold). */
const number = (n: number | undefined): string =>
  n !== undefined && Number.isFinite(n) ? String(n) : "null";

/**
 * A value pretty-printed one level in. JSON text has no line break but those between its
 * tokens (a string's own are escaped), so indenting every line indents the structure.
 */
function nested(value: unknown): string {
  return inertJsonText(JSON.stringify(value, null, 2)).replace(/\n/g, "\n  ");
}

const str = { type: "string" } as const;
const strings = { type: "array", items: str } as const;
const nullable = (schema: object) => ({ anyOf: [schema, { type: "null" }] });
const tier = nullable({ type: "integer", minimum: 0, maximum: 3 });
const pathProperties = {
  path: { ...strings, description: "Node ids from the changed node to this one." },
  via: { ...strings, description: "Edge types along the path; one fewer than path." },
  changeClass: { ...str, description: "The class of change the path starts from." },
};

/** One piece of evidence as the JSON outputs write it: also the contracts matrix's. */
export const evidenceSchema = {
  type: "object",
  additionalProperties: false,
  required: ["address", "attribute", "file", "line", "detail"],
  properties: {
    address: nullable(str),
    attribute: nullable(str),
    file: nullable(str),
    line: nullable({ type: "integer", minimum: 1 }),
    detail: str,
  },
};

export const impactJsonSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://github.com/blastradius/blastradius/schema/impact.schema.json",
  title: "blastradius check --format json",
  type: "object",
  additionalProperties: false,
  required: [
    "version",
    "risk",
    "summary",
    "changed",
    "impacted",
    "owners",
    "unmatchedFiles",
    "quietFiles",
    "unmatchedResources",
    "contracts",
    "truncated",
    "unjudged",
  ],
  properties: {
    version: { const: IMPACT_JSON_VERSION },
    risk: { enum: ["none", "low", "medium", "high"] },
    summary: {
      type: "object",
      additionalProperties: false,
      required: ["changed", "impacted", "breaking", "atRisk", "owners"],
      properties: Object.fromEntries(
        ["changed", "impacted", "breaking", "atRisk", "owners"].map((k) => [
          k,
          { type: "integer", minimum: 0 },
        ]),
      ),
    },
    changed: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["id", "kind", "owner", "tier", "classes", "causes"],
        properties: {
          id: str,
          kind: str,
          owner: nullable(str),
          tier,
          classes: strings,
          causes: {
            type: "array",
            items: {
              type: "object",
              additionalProperties: false,
              required: ["kind", "file", "status", "address", "classes", "rule", "evidence"],
              properties: {
                kind: { enum: ["file", "plan", "change-set", "rendered"] },
                file: {
                  ...str,
                  description:
                    "The changed file, or the plan, change set or rendered manifests the change was read from.",
                },
                status: nullable({ enum: ["added", "modified", "removed", "renamed"] }),
                address: nullable({
                  ...str,
                  description:
                    "The resource or object, for plans, change sets and rendered manifests.",
                }),
                classes: strings,
                rule: str,
                evidence: { type: "array", items: evidenceSchema },
              },
            },
          },
        },
      },
    },
    impacted: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: [
          "id",
          "alsoChanged",
          "kind",
          "owner",
          "tier",
          "depth",
          "severity",
          "discovered",
          "path",
          "via",
          "changeClass",
          "breakingPath",
          "heldBy",
        ],
        properties: {
          id: str,
          alsoChanged: {
            type: "boolean",
            description: "The node is changed itself, and another changed node reaches it as well.",
          },
          kind: str,
          owner: nullable(str),
          tier,
          depth: { type: "integer", minimum: 1 },
          severity: { enum: ["breaking", "at-risk"] },
          discovered: {
            type: "boolean",
            description: "The path uses an edge found in Terraform configuration, not declared.",
          },
          ...pathProperties,
          breakingPath: nullable({
            type: "object",
            additionalProperties: false,
            required: ["path", "via", "changeClass"],
            properties: pathProperties,
            description: "The shortest path that breaks all the way, when it is not `path`.",
          }),
          heldBy: {
            type: "array",
            description:
              "For an at-risk node: the kept contracts on its path that held an edge for the change's classes (why it is not breaking). Empty otherwise.",
            items: {
              type: "object",
              additionalProperties: false,
              required: ["dependent", "upstream", "expectation", "decides"],
              properties: {
                dependent: str,
                upstream: str,
                expectation: str,
                decides: { ...strings, description: "The change classes it held the edge for." },
              },
            },
          },
        },
      },
    },
    owners: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["id", "github", "chat", "breaking", "atRisk"],
        properties: {
          id: nullable(str),
          github: nullable(str),
          chat: nullable(str),
          breaking: strings,
          atRisk: strings,
        },
      },
    },
    unmatchedFiles: strings,
    quietFiles: {
      type: "array",
      description: "Files that matched nodes in which nothing of those nodes changed.",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["file", "nodes", "reason"],
        properties: { file: str, nodes: strings, reason: str },
      },
    },
    unmatchedResources: { ...strings, description: "Changed plan resources that match no node." },
    contracts: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: [
          "dependent",
          "upstream",
          "expectation",
          "kind",
          "status",
          "reason",
          "evidence",
          "pending",
          "waiver",
          "decides",
        ],
        properties: {
          dependent: str,
          upstream: str,
          expectation: str,
          kind: { enum: ["trusts", "allows", "exists"] },
          status: {
            enum: ["kept", "broken", "unchecked", "pending", "waived"],
            description:
              "pending: a pending expectation that would break; waived: a broken one within its waiver. Neither raises a severity or fails the gate.",
          },
          reason: str,
          evidence: nullable(evidenceSchema),
          pending: {
            type: "boolean",
            description: "The expectation is pending, whatever its status.",
          },
          waiver: nullable({
            type: "object",
            additionalProperties: false,
            required: ["until", "reason", "expired"],
            properties: {
              until: str,
              reason: str,
              expired: {
                type: "boolean",
                description: "Past its date: the contract is enforced again (status broken).",
              },
            },
          }),
          decides: {
            ...strings,
            description:
              "The upstream change's classes this outcome decided on its edge: those a kept expectation held, or every class for a broken one.",
          },
        },
      },
    },
    truncated: nullable({
      type: "object",
      additionalProperties: false,
      required: ["reason", "limit", "frontier"],
      properties: { reason: { const: "max-depth" }, limit: { type: "integer" }, frontier: strings },
    }),
    unjudged: {
      type: "array",
      description: "What the analysis could not judge; non-empty means it is incomplete.",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["file", "reason"],
        properties: { file: nullable(str), reason: str },
      },
    },
  },
} as const;
