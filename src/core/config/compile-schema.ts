// Turns the deps.yaml schema into readers over js-yaml's event stream: one pass that
// checks every value against the schema, resolves aliases, and builds plain values, with
// the source offset of every problem. Compiled once into closures, so a 100,000-node file
// costs no schema interpretation per value.

import { EVENT_ID, type Event, getScalarValue, type ScalarEvent } from "js-yaml";
import type { SchemaNode } from "./deps-schema.js";
import { closest } from "./did-you-mean.js";
import type { KeyPath } from "./key-path.js";

export interface SchemaIssue {
  readonly path: KeyPath;
  /** Offset in the source text; -1 when unknown. */
  readonly offset: number;
  readonly message: string;
  readonly hint?: string;
  /** Diagnostic code; "schema" when absent. */
  readonly code?: string;
}

/** Receives the entries of a mapping instead of the mapping being built (large maps). */
export type Sink = (key: string, value: unknown, keyOffset: number) => void;

export interface ReadContext {
  readonly text: string;
  readonly events: readonly Event[];
  /** The next event to read. */
  i: number;
  readonly issues: SchemaIssue[];
  /** Values left to read; an alias bomb runs it out. */
  budget: number;
  readonly anchors: Map<string, number>;
  /** Anchors whose node is being read, so an alias cannot read itself. */
  readonly reading: Set<number>;
  readonly sinks: ReadonlyMap<SchemaNode, Sink>;
  /**
   * Without anchors nothing is read twice, so a streamed entry's events are dropped once it
   * is read: the model grows while the event stream shrinks.
   */
  readonly release: boolean;
  /** Events before this index have been dropped. */
  released: number;
  /** The key path of the container being read; copied only when there is an issue. */
  readonly stack: (string | number)[];
  /** Where a second YAML document starts, or -1: a deps file holds one. */
  readonly secondDocument: number;
}

export function readContext(
  text: string,
  events: (Event | undefined)[],
  sinks: ReadonlyMap<SchemaNode, Sink> = new Map(),
): ReadContext {
  // One look at every event: are there anchors, and is there a second document?
  let anchors = false;
  let secondDocument = -1;
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    if (!event || event.type === EVENT_ID.POP) continue;
    if (event.type === EVENT_ID.DOCUMENT) {
      if (i > 0 && secondDocument < 0) secondDocument = i;
    } else if (event.anchorStart >= 0) anchors = true;
  }
  return {
    text,
    events: events as Event[],
    i: 0,
    issues: [],
    budget: text.length + 1000,
    anchors: new Map(),
    reading: new Set(),
    sinks,
    release: !anchors,
    released: 0,
    stack: [],
    secondDocument,
  };
}

/** Returned by a reader for a value that failed the schema (the issue is recorded). */
export const INVALID: unique symbol = Symbol("invalid");

/** Reads exactly one node at ctx.i (following an alias), and returns its value or INVALID. */
export type Reader = (ctx: ReadContext, key: string | number | null) => unknown;

/** The key path of the value at `key` inside the container being read. */
export function toKeyPath(ctx: ReadContext, key: string | number | null): KeyPath {
  return key === null ? [...ctx.stack] : [...ctx.stack, key];
}

// ---- scalars: YAML 1.2 core schema resolution, as js-yaml's default schema does it

type Scalar =
  | { readonly type: "string"; readonly value: string }
  | { readonly type: "integer" | "number"; readonly value: number }
  | { readonly type: "boolean"; readonly value: boolean }
  | { readonly type: "null"; readonly value: null };

const NULL = /^(?:~|null|Null|NULL|)$/;
const BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
const INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const FLOAT =
  /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const PLAIN = 1;

function resolveScalar(ctx: ReadContext, event: ScalarEvent): Scalar | undefined {
  const text = getScalarValue(ctx.text, event);
  if (event.tagStart >= 0) {
    const tag = ctx.text.slice(event.tagStart, event.tagEnd);
    if (tag === "!!str" || tag === "!") return { type: "string", value: text };
    return undefined;
  }
  if (event.style !== PLAIN) return { type: "string", value: text };
  const first = text.charCodeAt(0);
  // Most plain scalars are words: skip the regexes unless the first character could start a non-string.
  if (first >= 97 && first <= 122 && first !== 102 && first !== 110 && first !== 116) {
    return { type: "string", value: text };
  }
  if (NULL.test(text)) return { type: "null", value: null };
  if (BOOL.test(text)) return { type: "boolean", value: text[0] === "t" || text[0] === "T" };
  if (INT.test(text)) {
    const value = text.startsWith("0o")
      ? Number.parseInt(text.slice(2), 8)
      : text.startsWith("0x")
        ? Number.parseInt(text.slice(2), 16)
        : Number(text);
    return { type: "integer", value };
  }
  if (FLOAT.test(text)) {
    const lower = text.toLowerCase();
    const value = lower.endsWith("inf")
      ? text.startsWith("-")
        ? Number.NEGATIVE_INFINITY
        : Number.POSITIVE_INFINITY
      : lower === ".nan"
        ? Number.NaN
        : Number(text);
    return { type: Number.isInteger(value) ? "integer" : "number", value };
  }
  return { type: "string", value: text };
}

function describeScalar(scalar: Scalar): string {
  switch (scalar.type) {
    case "string":
      return scalar.value === ""
        ? "an empty string"
        : `the string ${JSON.stringify(truncate(scalar.value))}`;
    case "integer":
    case "number":
      return `the number ${scalar.value}`;
    case "boolean":
      return `${scalar.value}`;
    case "null":
      return "nothing (null)";
  }
}

function truncate(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}…` : value;
}

// ---- reading nodes

function offsetOf(event: Event | undefined): number {
  if (!event) return -1;
  if (event.type === EVENT_ID.SCALAR)
    return event.valueStart >= 0 ? event.valueStart : event.tagStart;
  if (event.type === EVENT_ID.SEQUENCE || event.type === EVENT_ID.MAPPING) return event.start;
  if (event.type === EVENT_ID.ALIAS) return event.anchorStart - 1;
  return -1;
}

/** Moves past one node without reading it, remembering anchors it defines. */
function skip(ctx: ReadContext): void {
  let depth = 0;
  do {
    const event = ctx.events[ctx.i];
    if (!event) return;
    if (event.type === EVENT_ID.SEQUENCE || event.type === EVENT_ID.MAPPING) {
      remember(ctx, event);
      depth++;
    } else if (event.type === EVENT_ID.POP) depth--;
    else if (event.type === EVENT_ID.SCALAR) remember(ctx, event);
    ctx.i++;
  } while (depth > 0);
}

function remember(ctx: ReadContext, event: Event): void {
  if ("anchorStart" in event && event.anchorStart >= 0 && event.type !== EVENT_ID.ALIAS) {
    ctx.anchors.set(ctx.text.slice(event.anchorStart, event.anchorEnd), ctx.i);
  }
}

/** Adds alias handling and the value budget around a reader of one kind of node. */
function node(read: Reader): Reader {
  return (ctx, key) => {
    ctx.budget--;
    const event = ctx.events[ctx.i];
    if (event?.type !== EVENT_ID.ALIAS) {
      if (event && "anchorStart" in event && event.anchorStart >= 0) {
        const at = ctx.i;
        remember(ctx, event);
        ctx.reading.add(at);
        const value = read(ctx, key);
        ctx.reading.delete(at);
        return value;
      }
      return read(ctx, key);
    }
    ctx.i++;
    const name = ctx.text.slice(event.anchorStart, event.anchorEnd);
    const target = ctx.anchors.get(name);
    if (target === undefined || ctx.reading.has(target)) {
      ctx.issues.push({
        path: toKeyPath(ctx, key),
        offset: event.anchorStart - 1,
        code: "yaml-syntax",
        message:
          target === undefined
            ? `YAML: unknown alias *${name}`
            : `YAML: the alias *${name} refers to the node that contains it`,
      });
      return INVALID;
    }
    const resume = ctx.i;
    ctx.i = target;
    const value = read(ctx, key);
    ctx.i = resume;
    return value;
  };
}

const TYPE_NAMES: Record<string, string> = {
  object: "a mapping",
  array: "a list",
  string: "a string",
  integer: "a whole number",
  boolean: "true or false",
};

export function expectedOf(schema: SchemaNode): string {
  if (schema.anyOf) return schema.anyOf.map(expectedOf).join(" or ");
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.type === "integer" && schema.minimum !== undefined && schema.maximum !== undefined) {
    return `a whole number from ${schema.minimum} to ${schema.maximum}`;
  }
  return TYPE_NAMES[schema.type ?? ""] ?? "a value";
}

/** Records "expected X, got Y" for the node at ctx.i, and moves past it. */
function mismatch(
  schema: SchemaNode,
  ctx: ReadContext,
  key: string | number | null,
  scalar?: Scalar,
): typeof INVALID {
  const event = ctx.events[ctx.i];
  let got = "nothing";
  if (scalar) got = describeScalar(scalar);
  else if (event?.type === EVENT_ID.SEQUENCE) got = "a list";
  else if (event?.type === EVENT_ID.MAPPING) got = "a mapping";
  ctx.issues.push({
    path: toKeyPath(ctx, key),
    offset: offsetOf(event),
    message: `expected ${expectedOf(schema)}, got ${got}`,
  });
  skip(ctx);
  return INVALID;
}

/** A collection was expected: say what came instead, or that its tag is not supported. */
function mismatchOrTag(
  schema: SchemaNode,
  ctx: ReadContext,
  key: string | number | null,
): typeof INVALID {
  if (ctx.events[ctx.i]?.type !== EVENT_ID.SCALAR) return mismatch(schema, ctx, key);
  const scalar = scalarAt(ctx, key);
  if (scalar) return mismatch(schema, ctx, key, scalar);
  ctx.i++;
  return INVALID;
}

/** The scalar at ctx.i, or undefined (and an issue) for an unsupported tag. */
function scalarAt(ctx: ReadContext, key: string | number | null): Scalar | undefined {
  const event = ctx.events[ctx.i] as ScalarEvent;
  const scalar = resolveScalar(ctx, event);
  if (!scalar) {
    ctx.issues.push({
      path: toKeyPath(ctx, key),
      offset: event.tagStart,
      code: "yaml-syntax",
      message: `YAML: the tag ${ctx.text.slice(event.tagStart, event.tagEnd)} is not supported`,
      hint: "remove the tag; deps.yaml holds plain strings, numbers, lists and mappings",
    });
  }
  return scalar;
}

export function compileSchema(schema: SchemaNode): Reader {
  if (schema.anyOf) return compileAnyOf(schema);
  switch (schema.type) {
    case "object":
      return compileObject(schema);
    case "array":
      return compileArray(schema);
    case "string":
      return compileString(schema);
    case "integer":
      return compileInteger(schema);
    case "boolean":
      return compileBoolean(schema);
    default:
      return node((ctx) => {
        skip(ctx);
        return INVALID;
      });
  }
}

function compileAnyOf(schema: SchemaNode): Reader {
  const branches = (schema.anyOf ?? []).map((branch) => ({
    type: branch.type,
    read: compileSchema(branch),
  }));
  // Branches differ by type (object, array, or one scalar type), so the one whose type fits
  // gives the precise message.
  return (ctx, key) => {
    let event = ctx.events[ctx.i];
    if (event?.type === EVENT_ID.ALIAS) {
      const target = ctx.anchors.get(ctx.text.slice(event.anchorStart, event.anchorEnd));
      event = target === undefined ? event : ctx.events[target];
    }
    const wanted =
      event?.type === EVENT_ID.MAPPING
        ? "object"
        : event?.type === EVENT_ID.SEQUENCE
          ? "array"
          : "scalar";
    // One scalar branch at most (a string, an integer or a boolean): it says what a scalar must be.
    const branch = branches.find((b) =>
      wanted === "scalar" ? b.type !== "object" && b.type !== "array" : b.type === wanted,
    );
    if (branch) return branch.read(ctx, key);
    return node((c, k) => mismatch(schema, c, k))(ctx, key);
  };
}

/** The scalar a scalar-typed reader is at; INVALID (issue recorded, node passed) otherwise. */
function scalarOf(
  schema: SchemaNode,
  ctx: ReadContext,
  key: string | number | null,
): Scalar | typeof INVALID {
  if (ctx.events[ctx.i]?.type !== EVENT_ID.SCALAR) return mismatch(schema, ctx, key);
  const scalar = scalarAt(ctx, key);
  if (scalar) return scalar;
  ctx.i++;
  return INVALID;
}

function compileString(schema: SchemaNode): Reader {
  const pattern = schema.pattern ? new RegExp(schema.pattern) : undefined;
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? Number.POSITIVE_INFINITY;
  const allowed = schema.enum ? new Set(schema.enum) : undefined;
  return node((ctx, key) => {
    const event = ctx.events[ctx.i];
    const scalar = scalarOf(schema, ctx, key);
    if (scalar === INVALID) return INVALID;
    if (scalar.type !== "string") return mismatch(schema, ctx, key, scalar);
    ctx.i++;
    const value = scalar.value;
    let message: string | undefined;
    if (value.length < min) message = "must not be empty";
    else if (value.length > max)
      message = `is ${value.length} characters long; at most ${max} are allowed`;
    else if (pattern && !pattern.test(value)) {
      message = `${describeScalar(scalar)} does not have the expected form (${schema.pattern})`;
    } else if (allowed && !allowed.has(value)) {
      const suggestion = closest(value, allowed);
      ctx.issues.push({
        path: toKeyPath(ctx, key),
        offset: offsetOf(event),
        message: `${describeScalar(scalar)} is not one of ${[...allowed].join(", ")}`,
        ...(suggestion ? { hint: `did you mean "${suggestion}"?` } : {}),
      });
      return INVALID;
    }
    if (message === undefined) return value;
    ctx.issues.push({ path: toKeyPath(ctx, key), offset: offsetOf(event), message });
    return INVALID;
  });
}

function compileInteger(schema: SchemaNode): Reader {
  return node((ctx, key) => {
    const scalar = scalarOf(schema, ctx, key);
    if (scalar === INVALID) return INVALID;
    const value = scalar.value;
    const ok =
      scalar.type === "integer" &&
      typeof value === "number" &&
      (schema.const === undefined || value === schema.const) &&
      (schema.minimum === undefined || value >= schema.minimum) &&
      (schema.maximum === undefined || value <= schema.maximum);
    if (!ok) return mismatch(schema, ctx, key, scalar);
    ctx.i++;
    return value;
  });
}

function compileBoolean(schema: SchemaNode): Reader {
  return node((ctx, key) => {
    const scalar = scalarOf(schema, ctx, key);
    if (scalar === INVALID) return INVALID;
    if (typeof scalar.value !== "boolean") return mismatch(schema, ctx, key, scalar);
    ctx.i++;
    return scalar.value;
  });
}

function compileArray(schema: SchemaNode): Reader {
  const item = schema.items ? compileSchema(schema.items) : undefined;
  return node((ctx, key) => {
    const event = ctx.events[ctx.i];
    if (event?.type !== EVENT_ID.SEQUENCE) {
      return mismatchOrTag(schema, ctx, key);
    }
    ctx.i++;
    if (key !== null) ctx.stack.push(key);
    const values: unknown[] = [];
    for (let index = 0; ctx.events[ctx.i] && ctx.events[ctx.i]?.type !== EVENT_ID.POP; index++) {
      if (ctx.budget <= 0) break;
      if (!item) {
        skip(ctx);
        continue;
      }
      const value = item(ctx, index);
      if (value !== INVALID) values.push(value);
    }
    if (key !== null) ctx.stack.pop();
    if (ctx.budget <= 0) return INVALID;
    ctx.i++;
    return values;
  });
}

function compileObject(schema: SchemaNode): Reader {
  // A handful of names: comparing them beats hashing every freshly read key.
  const names = Object.keys(schema.properties ?? {});
  const readers = Object.values(schema.properties ?? {}).map((sub) => compileSchema(sub));

  const required = schema.required ?? [];
  const extra = schema.additionalProperties
    ? compileSchema(schema.additionalProperties)
    : undefined;
  const namePattern = schema.propertyNames ? new RegExp(schema.propertyNames.pattern) : undefined;
  const nameMax = schema.propertyNames?.maxLength ?? Number.POSITIVE_INFINITY;
  const reserved = new Set(schema.propertyNames?.not?.enum ?? []);
  const allowed = names;
  // Every result starts from the same blank: one hidden class for all nodes, all edges…
  const blank: Record<string, unknown> = Object.fromEntries(names.map((name) => [name, undefined]));
  const requiredMask = required.reduce((mask, name) => mask | (1 << names.indexOf(name)), 0);

  return node((ctx, ownKey) => {
    const event = ctx.events[ctx.i];
    if (event?.type !== EVENT_ID.MAPPING) {
      return mismatchOrTag(schema, ctx, ownKey);
    }
    const start = event.start;
    ctx.i++;
    if (ownKey !== null) ctx.stack.push(ownKey);
    const sink = ctx.sinks.get(schema);
    const result: Record<string, unknown> = { ...blank };
    // Known keys are bits; only the keys of an open mapping (nodes, owners) need a set.
    let seenMask = 0;
    const seen = extra ? new Set<string>() : undefined;
    while (ctx.events[ctx.i] && ctx.events[ctx.i]?.type !== EVENT_ID.POP) {
      if (ctx.budget <= 0) break;
      const keyEvent = ctx.events[ctx.i];
      const keyOffset = offsetOf(keyEvent);
      if (keyEvent?.type !== EVENT_ID.SCALAR) {
        ctx.issues.push({
          path: toKeyPath(ctx, null),
          offset: keyOffset,
          message: "a key must be plain text, not a list or a mapping",
        });
        skip(ctx);
        skip(ctx);
        continue;
      }
      const key = getScalarValue(ctx.text, keyEvent);
      ctx.i++;
      const p = names.indexOf(key);
      const bit = p < 0 ? 0 : 1 << p;
      if (bit !== 0 ? (seenMask & bit) !== 0 : seen?.has(key) === true) {
        ctx.issues.push({
          path: toKeyPath(ctx, key),
          offset: keyOffset,
          code: "duplicate-key",
          message: `YAML: duplicated mapping key "${truncate(key)}"`,
          hint: "each key may appear once per mapping; merge the two entries",
        });
        skip(ctx);
        continue;
      }
      seenMask |= bit;
      if (bit === 0) seen?.add(key);
      const known = p < 0 ? undefined : readers[p];
      let read: Reader | undefined = known;
      if (!known && extra) {
        let message: string | undefined;
        let hint: string | undefined;
        if (reserved.has(key)) {
          message = `"${key}" is reserved and cannot be used as an id`;
          hint = "rename it, for example with a kind prefix such as service/constructor";
        } else if (namePattern && (!namePattern.test(key) || key.length > nameMax)) {
          message = `"${truncate(key)}" is not a valid id`;
          hint =
            "ids start with a letter or digit and use letters, digits and . _ : / @ + - (at most 200 characters)";
        }
        if (message !== undefined) {
          ctx.issues.push({ path: toKeyPath(ctx, key), offset: keyOffset, message, hint });
          skip(ctx);
          continue;
        }
        read = extra;
      }
      if (!read) {
        const suggestion = closest(key, allowed);
        ctx.issues.push({
          path: toKeyPath(ctx, key),
          offset: keyOffset,
          message: `unknown key "${truncate(key)}"`,
          hint: suggestion
            ? `did you mean "${suggestion}"?`
            : `allowed keys here: ${allowed.join(", ")}`,
        });
        skip(ctx);
        continue;
      }
      const value = read(ctx, key);
      if (value === INVALID) continue;
      if (sink && !known) {
        sink(key, value, keyOffset);
        if (ctx.release) {
          const events = ctx.events as (Event | undefined)[];
          for (let k = ctx.released; k < ctx.i; k++) events[k] = undefined;
          ctx.released = ctx.i;
        }
      } else result[key] = value;
    }
    if (ctx.budget <= 0) {
      if (ownKey !== null) ctx.stack.pop();
      return INVALID;
    }
    ctx.i++;
    if ((seenMask & requiredMask) !== requiredMask) {
      for (const name of required) {
        if ((seenMask & (1 << names.indexOf(name))) !== 0) continue;
        ctx.issues.push({
          path: toKeyPath(ctx, null),
          offset: start,
          message: `missing required key "${name}"`,
        });
      }
    }
    if (ownKey !== null) ctx.stack.pop();
    return result;
  });
}

/** Reads a whole single-document stream with `read`. */
export function readDocument(ctx: ReadContext, read: Reader): unknown {
  if (ctx.secondDocument > 0) {
    ctx.issues.push({
      path: [],
      offset: offsetOf(ctx.events[ctx.secondDocument + 1]),
      code: "yaml-syntax",
      message: "YAML: a deps file holds one document; this is a second one",
      hint: "remove the `---` separator, or split the graph into files joined with include:",
    });
    return INVALID;
  }
  ctx.i = 1;
  return read(ctx, null);
}
