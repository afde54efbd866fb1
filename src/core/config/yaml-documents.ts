// A multi-document YAML stream -> plain values, with the line of every value, so a warning
// about `spec.dependsOn[2]` of the fourth entity in a file can say where it is.

import {
  constructFromEvents,
  EVENT_ID,
  type Event,
  getScalarValue,
  parseEvents,
  type Schema,
} from "js-yaml";
import type { Diagnostic } from "../model.js";
import { lineIndex } from "./line-index.js";
import { MAX_DEPTH, yamlErrorDiagnostic } from "./parse-yaml.js";

/**
 * Whether the text is a stream of objects that say their apiVersion and kind at the top level
 * (Kubernetes manifests, Backstage entities): cheap, before parsing it.
 */
export function declaresKinds(text: string): boolean {
  return /^apiVersion\s*:/m.test(text) && /^kind\s*:/m.test(text);
}

export interface YamlDocument {
  readonly value: unknown;
  /** Where the document's content starts. */
  readonly line: number;
  /** The line of a value inside the document, by key path up to 4 deep; undefined when not found. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

export type DocumentsResult =
  | { readonly ok: true; readonly documents: YamlDocument[] }
  | { readonly ok: false; readonly diagnostic: Diagnostic };

interface Frame {
  readonly map: boolean;
  readonly path: string;
  /** Mappings: the key just read, or undefined when a key comes next. */
  key?: string;
  index: number;
}

const SEP = "\u0000";
/** Paths up to this deep are located: `spec.dependsOn[2]`, `items[0].metadata.name`. */
const MAX_LOCATED = 4;
/** Stands for a key that was not decoded. */
const DEEP = "\u0001";

/** Values a document may expand to through its aliases: far beyond any real manifest. */
export const MAX_EXPANDED_NODES = 1_000_000;

/**
 * Whether a value, its aliases expanded, holds at most `limit` values (keys included). The
 * size of each shared object is counted once and remembered, so the count costs the size of
 * the document as written; a value that holds itself expands forever.
 */
export function withinExpandedSize(value: unknown, limit: number): boolean {
  const sizes = new Map<object, number>();
  const open = new Set<object>();
  const size = (v: unknown): number => {
    if (v === null || typeof v !== "object") return 1;
    const known = sizes.get(v);
    if (known !== undefined) return known;
    if (open.has(v)) return Number.POSITIVE_INFINITY;
    open.add(v);
    let total = 1;
    const children = Array.isArray(v) ? v : Object.values(v);
    if (!Array.isArray(v)) total += children.length;
    for (const child of children) {
      total += size(child);
      if (total > limit) break;
    }
    open.delete(v);
    sizes.set(v, total);
    return total;
  };
  try {
    return size(value) <= limit;
  } catch {
    // Nesting through aliases deeper than the stack: not a document anyone writes by hand.
    return false;
  }
}

export function parseDocuments(
  text: string,
  file: string,
  options: {
    readonly maxExpanded?: number;
    /** Tags beyond YAML's core schema (CloudFormation's `!Ref`, `!GetAtt` …). */
    readonly schema?: Schema;
  } = {},
): DocumentsResult {
  let events: Event[];
  let values: unknown[];
  try {
    events = parseEvents(text, { filename: file, maxDepth: MAX_DEPTH });
    values = constructFromEvents(events, {
      source: text,
      filename: file,
      maxAliases: 1000,
      ...(options.schema ? { schema: options.schema } : {}),
    });
  } catch (error) {
    return { ok: false, diagnostic: yamlErrorDiagnostic(error, file) };
  }
  // Aliases share one value, so a kilobyte can stand for billions of nodes that a reader
  // walking the documents whole (comparing, stringifying) would visit: such a reader asks for
  // a bound, and a stream beyond it is refused.
  const limit = options.maxExpanded;
  const bomb =
    limit === undefined ? -1 : values.findIndex((value) => !withinExpandedSize(value, limit));
  if (bomb >= 0) {
    return {
      ok: false,
      diagnostic: {
        severity: "error",
        code: "yaml-aliases",
        file,
        message: `YAML aliases expand beyond ${(limit as number).toLocaleString("en-US")} values in document ${bomb + 1}`,
        hint: "write the values out instead of repeating them through anchors and aliases",
      },
    };
  }
  const position = lineIndex(text);
  const documents: YamlDocument[] = [];
  let offsets = new Map<string, number>();
  let start = -1;
  const stack: Frame[] = [];

  // The key path of the value about to be read, and moves the parent on past it. Deeper than
  // MAX_LOCATED, values are not located (and their keys not decoded): nothing asks for them.
  const slot = (): string | undefined => {
    const parent = stack[stack.length - 1];
    if (!parent) return "";
    if (parent.map) {
      const key = parent.key;
      parent.key = undefined;
      return key === undefined || key === DEEP ? undefined : `${parent.path}${SEP}${key}`;
    }
    const index = parent.index++;
    return stack.length > MAX_LOCATED ? undefined : `${parent.path}${SEP}${index}`;
  };
  const record = (path: string, offset: number) => {
    if (start < 0) start = offset;
    if (offset >= 0 && !offsets.has(path)) offsets.set(path, offset);
  };

  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        offsets = new Map();
        start = -1;
        stack.length = 0;
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        const path = slot() ?? "";
        record(path, event.start);
        stack.push({ map: event.type === EVENT_ID.MAPPING, path, index: 0 });
        break;
      }
      case EVENT_ID.SCALAR: {
        const parent = stack[stack.length - 1];
        if (parent?.map && parent.key === undefined) {
          parent.key = stack.length > MAX_LOCATED ? DEEP : getScalarValue(text, event);
          break;
        }
        const path = slot();
        if (path !== undefined) record(path, event.valueStart);
        break;
      }
      case EVENT_ID.ALIAS:
        slot();
        break;
      case EVENT_ID.POP:
        if (stack.length > 0) stack.pop();
        else {
          const mine = offsets;
          const first = start;
          documents.push({
            value: values[documents.length],
            line: first >= 0 ? position(first).line : 1,
            lineOf: (path) => {
              const offset = mine.get(path.length === 0 ? "" : `${SEP}${path.join(SEP)}`);
              return offset === undefined ? undefined : position(offset).line;
            },
          });
        }
        break;
    }
  }
  return { ok: true, documents };
}
