// Turns the deps.yaml schema into a validator made of closures, so checking a
// 100,000-node file costs one pass with no schema interpretation per value.

import type { SchemaNode } from "./deps-schema.js";
import { closest } from "./did-you-mean.js";
import type { KeyPath } from "./key-path.js";

export interface SchemaIssue {
  readonly path: KeyPath;
  /** Report at the key itself rather than its value (unknown keys). */
  readonly atKey: boolean;
  readonly message: string;
  readonly hint?: string;
}

export interface CheckContext {
  readonly issues: SchemaIssue[];
  /** Values left to visit; an alias bomb runs it out. */
  budget: number;
}

export type Check = (value: unknown, path: KeyPath, ctx: CheckContext) => boolean;

export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "nothing (null)";
  if (Array.isArray(value)) return "a list";
  if (value instanceof Date) return "a date";
  switch (typeof value) {
    case "string":
      return value === "" ? "an empty string" : `the string ${JSON.stringify(truncate(value))}`;
    case "number":
      return Number.isInteger(value) ? `the number ${value}` : `the number ${value}`;
    case "boolean":
      return `${value}`;
    case "object":
      return "a mapping";
    default:
      return typeof value;
  }
}

function truncate(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}…` : value;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date)
  );
}

const TYPE_NAMES: Record<string, string> = {
  object: "a mapping",
  array: "a list",
  string: "a string",
  integer: "a whole number",
};

export function expectedOf(schema: SchemaNode): string {
  if (schema.anyOf) return schema.anyOf.map(expectedOf).join(" or ");
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.type === "integer" && schema.minimum !== undefined && schema.maximum !== undefined) {
    return `a whole number from ${schema.minimum} to ${schema.maximum}`;
  }
  return TYPE_NAMES[schema.type ?? ""] ?? "a value";
}

function typeMatches(schema: SchemaNode, value: unknown): boolean {
  switch (schema.type) {
    case "object":
      return isMapping(value);
    case "array":
      return Array.isArray(value);
    case "string":
      return typeof value === "string";
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    default:
      return true;
  }
}

export function compileSchema(schema: SchemaNode): Check {
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
    default:
      return () => true;
  }
}

function typeError(schema: SchemaNode, value: unknown, path: KeyPath, ctx: CheckContext): false {
  ctx.issues.push({
    path,
    atKey: false,
    message: `expected ${expectedOf(schema)}, got ${describeValue(value)}`,
  });
  return false;
}

function compileAnyOf(schema: SchemaNode): Check {
  const branches = (schema.anyOf ?? []).map((branch) => ({ branch, check: compileSchema(branch) }));
  return (value, path, ctx) => {
    // Branches differ by type, so the one whose type fits gives the precise message.
    for (const { branch, check } of branches) {
      if (typeMatches(branch, value)) return check(value, path, ctx);
    }
    return typeError(schema, value, path, ctx);
  };
}

function compileString(schema: SchemaNode): Check {
  const pattern = schema.pattern ? new RegExp(schema.pattern) : undefined;
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? Number.POSITIVE_INFINITY;
  return (value, path, ctx) => {
    ctx.budget--;
    if (typeof value !== "string") return typeError(schema, value, path, ctx);
    if (value.length < min) {
      ctx.issues.push({ path, atKey: false, message: "must not be empty" });
      return false;
    }
    if (value.length > max) {
      ctx.issues.push({
        path,
        atKey: false,
        message: `is ${value.length} characters long; at most ${max} are allowed`,
      });
      return false;
    }
    if (pattern && !pattern.test(value)) {
      ctx.issues.push({
        path,
        atKey: false,
        message: `${describeValue(value)} does not have the expected form (${schema.pattern})`,
      });
      return false;
    }
    return true;
  };
}

function compileInteger(schema: SchemaNode): Check {
  return (value, path, ctx) => {
    ctx.budget--;
    const ok =
      typeof value === "number" &&
      Number.isInteger(value) &&
      (schema.const === undefined || value === schema.const) &&
      (schema.minimum === undefined || value >= schema.minimum) &&
      (schema.maximum === undefined || value <= schema.maximum);
    return ok ? true : typeError(schema, value, path, ctx);
  };
}

function compileArray(schema: SchemaNode): Check {
  const item = schema.items ? compileSchema(schema.items) : undefined;
  return (value, path, ctx) => {
    ctx.budget--;
    if (!Array.isArray(value)) return typeError(schema, value, path, ctx);
    if (!item) return true;
    let ok = true;
    for (let i = 0; i < value.length; i++) {
      if (ctx.budget <= 0) return false;
      if (!item(value[i], [...path, i], ctx)) ok = false;
    }
    return ok;
  };
}

function compileObject(schema: SchemaNode): Check {
  const properties = new Map<string, Check>();
  for (const [key, sub] of Object.entries(schema.properties ?? {})) {
    properties.set(key, compileSchema(sub));
  }
  const required = schema.required ?? [];
  const extra = schema.additionalProperties
    ? compileSchema(schema.additionalProperties)
    : undefined;
  const namePattern = schema.propertyNames ? new RegExp(schema.propertyNames.pattern) : undefined;
  const nameMax = schema.propertyNames?.maxLength ?? Number.POSITIVE_INFINITY;
  const reserved = new Set(schema.propertyNames?.not?.enum ?? []);
  const allowed = [...properties.keys()];
  return (value, path, ctx) => {
    ctx.budget--;
    if (!isMapping(value)) return typeError(schema, value, path, ctx);
    let ok = true;
    for (const key of required) {
      if (!Object.hasOwn(value, key)) {
        ctx.issues.push({ path, atKey: true, message: `missing required key "${key}"` });
        ok = false;
      }
    }
    for (const key of Object.keys(value)) {
      if (ctx.budget <= 0) return false;
      const sub = value[key];
      const known = properties.get(key);
      if (known) {
        if (!known(sub, [...path, key], ctx)) ok = false;
      } else if (extra) {
        if (reserved.has(key)) {
          ctx.issues.push({
            path: [...path, key],
            atKey: true,
            message: `"${key}" is reserved and cannot be used as an id`,
            hint: "rename it, for example with a kind prefix such as service/constructor",
          });
          ok = false;
        } else if (namePattern && (!namePattern.test(key) || key.length > nameMax)) {
          ctx.issues.push({
            path: [...path, key],
            atKey: true,
            message: `"${truncate(key)}" is not a valid id`,
            hint: "ids start with a letter or digit and use letters, digits and . _ : / @ + - (at most 200 characters)",
          });
          ok = false;
        } else if (!extra(sub, [...path, key], ctx)) ok = false;
      } else {
        const suggestion = closest(key, allowed);
        ctx.issues.push({
          path: [...path, key],
          atKey: true,
          message: `unknown key "${truncate(key)}"`,
          hint: suggestion
            ? `did you mean "${suggestion}"?`
            : `allowed keys here: ${allowed.join(", ")}`,
        });
        ok = false;
      }
    }
    return ok;
  };
}
