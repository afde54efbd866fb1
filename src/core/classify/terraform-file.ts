// A Terraform file at base and head, as HashiCorp's HCL parser gives it (hcl2json), compared
// block by block: which resources were added, deleted, replaced, and how IAM documents in
// them changed. Pure: the parsing is done by the adapter.

import { compareClasses } from "../classes.js";
import type { ChangeClass } from "../model.js";
import { FORCES_NEW, POLICY_ATTRIBUTE, TRUST_ATTRIBUTE } from "./aws-iam.js";
import type { Evidence, ResourceChange, ResourceFacts } from "./evidence.js";
import { type JsonRecord, record } from "./json-shapes.js";
import {
  comparePolicies,
  isTrustPolicy,
  type PolicyDocument,
  policyFromHcl,
  policyFromJson,
} from "./policy.js";

/** hcl2json's output: top-level keys (resource, data, locals …) -> type -> name -> [body]. */
export type HclJson = Record<string, unknown>;

export interface TerraformSide {
  readonly json: HclJson;
  readonly text: string;
}

type Body = JsonRecord;
const DOCUMENT_REFERENCE = /data\.aws_iam_policy_document\.([A-Za-z0-9_-]+)(?:\[[^\]]*\])?\.json/g;

interface Block {
  readonly kind: "resource" | "data";
  readonly type: string;
  readonly name: string;
  readonly address: string;
  readonly body: Body;
}

function blocksOf(json: HclJson): Map<string, Block> {
  const blocks = new Map<string, Block>();
  for (const kind of ["resource", "data"] as const) {
    for (const [type, byName] of Object.entries(record(json[kind]))) {
      // Data sources read; of them, only policy documents say what a role or policy allows.
      if (kind === "data" && type !== "aws_iam_policy_document") continue;
      for (const [name, bodies] of Object.entries(record(byName))) {
        const body = record(Array.isArray(bodies) ? bodies[0] : bodies);
        const address = kind === "data" ? `data.${type}.${name}` : `${type}.${name}`;
        blocks.set(address, { kind, type, name, address, body });
      }
    }
  }
  return blocks;
}

/** The line where a block starts, for evidence. */
export function blockLine(
  text: string,
  block: { kind: string; type: string; name: string },
): number | undefined {
  return headerLines(text).get(`${block.kind}\u0000${block.type}\u0000${block.name}`);
}

/** The line where a module call starts, for evidence. */
export function moduleLine(text: string, name: string): number | undefined {
  return headerLines(text).get(`module\u0000${name}`);
}

/**
 * Where each block header first appears in a text (`resource "t" "n"`, `data "t" "n"`,
 * `module "n"`), by kind and labels, read in one pass: a file of 8,000 roles looked each one up
 * from the top (11 s). A match starts at the first line of blank space before its header, as
 * a lookup of that one header did; labels are matched as written, never as patterns.
 */
function headerLines(text: string): ReadonlyMap<string, number> {
  if (text === lastText && lastLines) return lastLines;
  const lines = new Map<string, number>();
  let line = 1;
  let at = 0;
  const countTo = (index: number) => {
    for (; at < index; at++) if (text.charCodeAt(at) === 10) line++;
    return line;
  };
  for (const m of text.matchAll(/^\s*(resource|data)\s+"([^"]*)"\s+"([^"]*)"/gm)) {
    const key = `${m[1]}\u0000${m[2]}\u0000${m[3]}`;
    const found = countTo(m.index);
    if (!lines.has(key)) lines.set(key, found);
  }
  line = 1;
  at = 0;
  for (const m of text.matchAll(/^\s*module\s+"([^"]*)"/gm)) {
    const key = `module\u0000${m[1]}`;
    const found = countTo(m.index);
    if (!lines.has(key)) lines.set(key, found);
  }
  lastText = text;
  lastLines = lines;
  return lines;
}
let lastText: string | undefined;
let lastLines: ReadonlyMap<string, number> | undefined;

/** The line of the first occurrence of a string inside a block (a principal, an action), for evidence. */
function lineOf(text: string, from: number | undefined, needle: string): number | undefined {
  if (from === undefined) return undefined;
  const lines = text.split("\n");
  for (let i = from - 1; i < lines.length; i++)
    if ((lines[i] as string).includes(needle)) return i + 1;
  return from;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A document attribute, whichever way it is written: JSON text, an evaluated jsonencode(), or a data document. */
function documentOf(value: unknown, blocks: Map<string, Block>): PolicyDocument | undefined {
  if (value !== null && typeof value === "object") return policyFromJson(value);
  if (typeof value !== "string") return undefined;
  const json = policyFromJson(value);
  if (json) return json;
  const references = [...value.matchAll(DOCUMENT_REFERENCE)].map((m) => m[1] as string);
  // One reference, whole: the document itself. A conditional between two: cannot tell which.
  if (references.length === 1 && /^\$\{data\.aws_iam_policy_document\.[^}]*\.json\}$/.test(value)) {
    const block = blocks.get(`data.aws_iam_policy_document.${references[0]}`);
    return block ? policyFromHcl(block.body) : undefined;
  }
  return undefined;
}

function factsOf(type: string, body: Body, blocks: Map<string, Block>): ResourceFacts {
  const trustAttribute = TRUST_ATTRIBUTE[type];
  const policyAttribute = POLICY_ATTRIBUTE[type];
  const trust = trustAttribute ? documentOf(body[trustAttribute], blocks) : undefined;
  const policy = policyAttribute ? documentOf(body[policyAttribute], blocks) : undefined;
  return { exists: true, ...(trust ? { trust } : {}), policies: policy ? [policy] : [] };
}

export function classifyTerraformFile(
  file: string,
  base: TerraformSide | undefined,
  head: TerraformSide | undefined,
): ResourceChange[] {
  const before = base ? blocksOf(base.json) : new Map<string, Block>();
  const after = head ? blocksOf(head.json) : new Map<string, Block>();
  const changes: ResourceChange[] = [];
  const changedDocuments = new Map<
    string,
    { classes: readonly ChangeClass[]; details: readonly string[] }
  >();
  const at = (
    side: TerraformSide | undefined,
    block: Block,
    needle?: string,
  ): Pick<Evidence, "file" | "line"> => {
    const start = side ? blockLine(side.text, block) : undefined;
    const line = needle && side ? lineOf(side.text, start, needle) : start;
    return { file, ...(line ? { line } : {}) };
  };

  /** The line a sentence about a principal or an action points at: in the base for what went, else the head. */
  const detailAt = (detail: string, was: Block, now: Block, fallback?: string) => {
    const needle =
      /(?:allows|denies|trusts) (?:\S+ )?(\S+?)(?: on| \(|$)/.exec(detail)?.[1] ?? fallback;
    return detail.startsWith("no longer") ? at(base, was, needle) : at(head, now, needle);
  };

  for (const address of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const was = before.get(address);
    const now = after.get(address);
    const block = (now ?? was) as Block;
    const evidence: Evidence[] = [];
    let classes: ChangeClass[] = [];
    if (!now && was) {
      classes = ["deleted"];
      evidence.push({
        address,
        ...at(base, was),
        detail: "removed from the configuration: destroyed on apply",
      });
    } else if (now && !was) {
      classes = ["added"];
      evidence.push({ address, ...at(head, now), detail: "added" });
    } else if (now && was && !same(now.body, was.body)) {
      if (block.kind === "data" && block.type === "aws_iam_policy_document") {
        const result = comparePolicies(policyFromHcl(was.body), policyFromHcl(now.body));
        classes = [...result.classes];
        const trust =
          isTrustPolicy(policyFromHcl(now.body)) || isTrustPolicy(policyFromHcl(was.body));
        for (const detail of result.details)
          evidence.push({ address, ...detailAt(detail, was, now), detail });
        changedDocuments.set(block.name, {
          classes,
          details: result.details.map(
            (d) => `${trust ? "trust policy" : "policy"} ${block.name}: ${d}`,
          ),
        });
        if (classes.length === 0) {
          classes = ["modified"];
          evidence.push({
            address,
            ...at(head, now),
            detail: "the document changed, not what it allows",
          });
        }
      } else {
        const set = new Set<ChangeClass>();
        const keys = [...new Set([...Object.keys(was.body), ...Object.keys(now.body)])].sort();
        for (const key of keys.filter((k) => !same(was.body[k], now.body[k]))) {
          if ((FORCES_NEW[block.type] ?? []).includes(key)) {
            set.add("replaced");
            evidence.push({
              address,
              attribute: key,
              ...at(head, now, key),
              detail: `${key} ${now.body[key] === undefined ? "removed" : was.body[key] === undefined ? "added" : "changes"}: it cannot change in place, so the ${block.type} is destroyed and recreated (a new ARN)`,
            });
            continue;
          }
          if (key === TRUST_ATTRIBUTE[block.type] || key === POLICY_ATTRIBUTE[block.type]) {
            const old = documentOf(was.body[key], before);
            const next = documentOf(now.body[key], after);
            if (old && next) {
              const result = comparePolicies(old, next);
              for (const c of result.classes) set.add(c);
              for (const detail of result.details)
                evidence.push({
                  address,
                  attribute: key,
                  ...detailAt(detail, was, now, key),
                  detail,
                });
              if (result.classes.length > 0) continue;
            } else {
              // A document that cannot be read on one side: it may narrow or widen anything.
              for (const c of key === TRUST_ATTRIBUTE[block.type]
                ? (["trust-narrowed", "trust-widened"] as const)
                : (["unknown"] as const))
                set.add(c);
              evidence.push({
                address,
                attribute: key,
                ...at(head, now, key),
                detail: `${key} changes in a way that is known only at apply`,
              });
              continue;
            }
          }
          set.add("modified");
          evidence.push({
            address,
            attribute: key,
            ...at(head, now, key),
            detail: `${key} changes`,
          });
        }
        classes = [...set];
      }
    } else continue;

    changes.push({
      system: "terraform",
      address,
      type: block.type,
      classes: classes.sort(compareClasses),
      evidence,
      ...(was ? { before: factsOf(was.type, was.body, before) } : {}),
      after: now ? factsOf(now.type, now.body, after) : { exists: false, policies: [] },
    });
  }

  // A changed policy document changes the roles and policies that use it.
  for (const block of after.values()) {
    if (block.kind !== "resource") continue;
    const attribute = TRUST_ATTRIBUTE[block.type] ?? POLICY_ATTRIBUTE[block.type];
    const value = attribute ? block.body[attribute] : undefined;
    if (typeof value !== "string") continue;
    for (const name of new Set(
      [...value.matchAll(DOCUMENT_REFERENCE)].map((m) => m[1] as string),
    )) {
      const document = changedDocuments.get(name);
      if (!document || document.classes.length === 0) continue;
      const existing = changes.find((c) => c.address === block.address);
      const evidence = document.details.map((detail) => ({
        address: block.address,
        attribute,
        ...at(head, block),
        detail,
      }));
      if (existing) {
        changes[changes.indexOf(existing)] = {
          ...existing,
          classes: [...new Set([...existing.classes, ...document.classes])].sort(compareClasses),
          evidence: [...existing.evidence, ...evidence],
        };
      } else {
        const was = before.get(block.address);
        changes.push({
          system: "terraform",
          address: block.address,
          type: block.type,
          classes: [...document.classes].sort(compareClasses),
          evidence,
          ...(was ? { before: factsOf(was.type, was.body, before) } : {}),
          after: factsOf(block.type, block.body, after),
        });
      }
    }
  }
  return changes;
}
