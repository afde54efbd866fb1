// The contracts matrix as JSON (schema/contracts.schema.json, generated from contractsJsonSchema).

import type { ContractMatrix, ContractRow, OwnerContact } from "../contracts-state.js";
import type { Evidence } from "../model.js";
import { evidenceSchema } from "./impact-json.js";
import { inertJsonText } from "./terminal-escape.js";

export const CONTRACTS_JSON_VERSION = 1;

const contact = (o: OwnerContact | undefined) =>
  o ? { id: o.id, github: o.github ?? null, chat: o.chat ?? null, email: o.email ?? null } : null;

const evidenceJson = (e: Evidence | undefined) =>
  e
    ? {
        address: e.address ?? null,
        attribute: e.attribute ?? null,
        file: e.file ?? null,
        line: e.line ?? null,
        detail: e.detail,
      }
    : null;

function rowJson(row: ContractRow) {
  return {
    dependent: row.dependent,
    dependentOwner: contact(row.dependentOwner),
    upstream: row.upstream,
    upstreamOwner: contact(row.upstreamOwner),
    expectation: row.expectation,
    kind: row.kind,
    status: row.status,
    reason: row.reason,
    where: row.where ?? null,
    declaredAt: row.declaredAt ?? null,
    evidence: evidenceJson(row.evidence),
    pending: row.pending === true,
    waiver: row.waiver
      ? { until: row.waiver.until, reason: row.waiver.reason, expired: row.waiver.expired === true }
      : null,
  };
}

export function contractsToJson(matrix: ContractMatrix) {
  return {
    version: CONTRACTS_JSON_VERSION,
    source: {
      kind: matrix.source.kind,
      name: matrix.source.name,
      commit: matrix.source.commit ?? null,
    },
    summary: { ...matrix.counts, total: matrix.rows.length },
    contracts: matrix.rows.map(rowJson),
    notes: matrix.notes,
  };
}

export function renderContractsJson(matrix: ContractMatrix): string {
  return `${inertJsonText(JSON.stringify(contractsToJson(matrix), null, 2))}\n`;
}

const str = { type: "string" } as const;
const nullable = (schema: object) => ({ anyOf: [schema, { type: "null" }] });
const count = { type: "integer", minimum: 0 } as const;
const STATUSES = ["kept", "broken", "unchecked", "pending", "waived"] as const;

const contactSchema = {
  type: "object",
  additionalProperties: false,
  required: ["id", "github", "chat", "email"],
  properties: { id: str, github: nullable(str), chat: nullable(str), email: nullable(str) },
} as const;

export const contractsJsonSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://github.com/blastradius/blastradius/schema/contracts.schema.json",
  title: "blastradius contracts --format json",
  type: "object",
  additionalProperties: false,
  required: ["version", "source", "summary", "contracts", "notes"],
  properties: {
    version: { const: CONTRACTS_JSON_VERSION },
    source: {
      type: "object",
      additionalProperties: false,
      required: ["kind", "name", "commit"],
      properties: {
        kind: { enum: ["git", "plan"] },
        name: { ...str, description: "The ref as given, or the plan file." },
        commit: nullable(str),
      },
    },
    summary: {
      type: "object",
      additionalProperties: false,
      required: [...STATUSES, "total"],
      properties: Object.fromEntries([...STATUSES, "total"].map((k) => [k, count])),
    },
    contracts: {
      type: "array",
      description: "Every expectation of every edge, by dependent, then upstream, then as written.",
      items: {
        type: "object",
        additionalProperties: false,
        required: [
          "dependent",
          "dependentOwner",
          "upstream",
          "upstreamOwner",
          "expectation",
          "kind",
          "status",
          "reason",
          "where",
          "declaredAt",
          "evidence",
          "pending",
          "waiver",
        ],
        properties: {
          dependent: str,
          dependentOwner: nullable(contactSchema),
          upstream: str,
          upstreamOwner: nullable(contactSchema),
          expectation: str,
          kind: { enum: ["trusts", "allows", "exists"] },
          status: { enum: STATUSES },
          reason: str,
          where: nullable({ ...str, description: "file:line, or a plan address." }),
          declaredAt: nullable({ ...str, description: "Where deps.yaml declares it: file:line." }),
          evidence: nullable(evidenceSchema),
          pending: { type: "boolean" },
          waiver: nullable({
            type: "object",
            additionalProperties: false,
            required: ["until", "reason", "expired"],
            properties: { until: str, reason: str, expired: { type: "boolean" } },
          }),
        },
      },
    },
    notes: { type: "array", items: str, description: "What was not read, and why." },
  },
} as const;
