// CloudFormation templates (YAML with the short intrinsic-function tags, or JSON; CDK's
// `cdk.out/*.template.json` too) read into resources by logical id, with the line each is
// declared on. The short tags become the long form CloudFormation itself reads (`!Ref X` is
// `{ Ref: X }`, `!GetAtt X.Arn` is `{ "Fn::GetAtt": ["X", "Arn"] }`), so one reader serves both.

import {
  CORE_SCHEMA,
  defineMappingTag,
  defineScalarTag,
  defineSequenceTag,
  NOT_RESOLVED,
  type Schema,
} from "js-yaml";
import { declaresKinds, MAX_EXPANDED_NODES, parseDocuments } from "../config/yaml-documents.js";
import { jsonTooDeepAt } from "../json-depth.js";
import { type JsonRecord, record } from "./json-shapes.js";
import { jsonParseFailure } from "./parse-failure.js";

export interface TemplateResource {
  readonly logicalId: string;
  /** `AWS::IAM::Role`. */
  readonly type: string;
  readonly properties: JsonRecord;
  /** The name of the condition it is created under, if any. */
  readonly condition?: string;
  /** Its Metadata; CDK writes the construct path as `aws:cdk:path`. */
  readonly metadata: JsonRecord;
  readonly deletionPolicy?: string;
  readonly updateReplacePolicy?: string;
  /** The line of its logical id, when known. */
  readonly line?: number;
}

export interface TemplateParameter {
  readonly type?: string;
  readonly default?: unknown;
  readonly line?: number;
  /** The declaration as written (AllowedValues, MinLength …): what bounds its value on deploy. */
  readonly declaration?: unknown;
}

export interface Template {
  readonly path: string;
  readonly parameters: ReadonlyMap<string, TemplateParameter>;
  readonly conditions: ReadonlyMap<string, unknown>;
  readonly mappings: JsonRecord;
  readonly resources: ReadonlyMap<string, TemplateResource>;
  /** `Transform` (e.g. `AWS::Serverless-2016-10-31`): macros rewrite the resources on deploy. */
  readonly transforms: readonly string[];
  /** The line of a value by key path (up to 4 deep): `["Resources", "AppRole", "Properties"]`. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

export type TemplateRead =
  | { readonly ok: true; readonly template: Template }
  | { readonly ok: false; readonly reason: string };

/** A file named like a template or its JSON, that might hold one. */
export const TEMPLATE_FILE = /\.(?:ya?ml|json|template|cfn)$/i;

const MARKER =
  /AWSTemplateFormatVersion|["']?Type["']?\s*:\s*["']?(?:AWS|Custom|Alexa)::[A-Za-z0-9]+/;
const RESOURCES = /(?:^|[\s{,])["']?Resources["']?\s*:/m;

/**
 * Whether the text looks like a CloudFormation template (cheap, before parsing): it names the
 * format version, or has a `Resources` section with an `AWS::…` type.
 */
export function looksLikeTemplate(text: string): boolean {
  if (/AWSTemplateFormatVersion/.test(text.slice(0, 4096))) return true;
  return RESOURCES.test(text) && MARKER.test(text);
}

/** `!Ref` → `Ref`, `!Condition` → `Condition`, `!GetAtt` → `Fn::GetAtt` … */
function longName(tag: string): string {
  const name = tag.slice(1);
  return name === "Ref" || name === "Condition" ? name : `Fn::${name}`;
}

/** `!GetAtt Role.Arn` is written as one scalar: CloudFormation splits it at the first dot. */
function scalarValue(tag: string, source: string): unknown {
  if (tag === "!GetAtt") {
    const dot = source.indexOf(".");
    return dot < 0 ? [source] : [source.slice(0, dot), source.slice(dot + 1)];
  }
  return source;
}

let schema: Schema | undefined;

/** YAML's core schema and every `!Tag` as its long form (a local tag CloudFormation lacks too). */
export function cloudFormationSchema(): Schema {
  if (schema) return schema;
  const scalar = defineScalarTag<unknown>("!", {
    matchByTagPrefix: true,
    resolve: (source, _explicit, tag) =>
      tag.length < 2 ? NOT_RESOLVED : { [longName(tag)]: scalarValue(tag, source) },
    identify: () => false,
  });
  const sequence = defineSequenceTag<{ tag: string; items: unknown[] }, unknown>("!", {
    matchByTagPrefix: true,
    create: (tag) => ({ tag, items: [] }),
    addItem: (carrier, item) => {
      carrier.items.push(item);
    },
    finalize: (carrier) => ({ [longName(carrier.tag)]: carrier.items }),
    identify: () => false,
  } as Parameters<typeof defineSequenceTag<{ tag: string; items: unknown[] }, unknown>>[1]);
  const mapping = defineMappingTag<{ tag: string; value: Record<string, unknown> }, unknown>("!", {
    matchByTagPrefix: true,
    create: (tag) => ({ tag, value: {} }),
    addPair: (carrier, key, value) => {
      if (typeof key !== "string" && typeof key !== "number") return "keys must be strings";
      Object.defineProperty(carrier.value, String(key), {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      return "";
    },
    has: (carrier, key) => Object.hasOwn(carrier.value, String(key)),
    keys: (result) => Object.keys(record(Object.values(record(result))[0])),
    get: (result, key) => record(Object.values(record(result))[0])[String(key)],
    finalize: (carrier) => ({ [longName(carrier.tag)]: carrier.value }),
    identify: () => false,
  } as Parameters<
    typeof defineMappingTag<{ tag: string; value: Record<string, unknown> }, unknown>
  >[1]);
  schema = CORE_SCHEMA.withTags(scalar, sequence, mapping);
  return schema;
}

const JSON_START = /^\s*[{[]/;

/**
 * A template's resources, parameters and conditions; undefined when the text is not a
 * template (no `Resources` with a `Type` on each), a reason when it looks like one but does
 * not parse.
 */
export function readTemplate(path: string, text: string): TemplateRead | undefined {
  // A Kubernetes manifest with a `Resources` key of its own (CloudFormation rejects a template
  // with `apiVersion`/`kind` sections) is the manifest reader's, as init's scan decides.
  if (!looksLikeTemplate(text) || declaresKinds(text)) return undefined;
  let value: unknown;
  let lineOf: (path: readonly (string | number)[]) => number | undefined = () => undefined;
  if (JSON_START.test(text)) {
    const deep = jsonTooDeepAt(text);
    if (deep !== undefined) return { ok: false, reason: "JSON nested too deep to read" };
    try {
      value = JSON.parse(text);
    } catch {
      // Said with its line, as for any JSON file that does not parse.
      return { ok: false, reason: jsonParseFailure(text) ?? "JSON does not parse" };
    }
    lineOf = jsonLines(text);
  } else {
    const parsed = parseDocuments(text, path, {
      maxExpanded: MAX_EXPANDED_NODES,
      schema: cloudFormationSchema(),
    });
    if (!parsed.ok) {
      const { line, message } = parsed.diagnostic;
      return {
        ok: false,
        reason: `YAML does not parse${line === undefined ? "" : ` at line ${line}`}: ${message}`,
      };
    }
    if (parsed.documents.length !== 1)
      return parsed.documents.length === 0
        ? undefined
        : { ok: false, reason: "a template is one YAML document; this file holds several" };
    const doc = parsed.documents[0];
    value = doc?.value;
    if (doc) lineOf = (p) => doc.lineOf(p);
  }
  const top = record(value);
  const resources = record(top.Resources);
  if (Object.keys(resources).length === 0) return undefined;
  const entries = Object.entries(resources);
  const untyped = entries.filter(([, raw]) => typeof record(raw).Type !== "string");
  if (untyped.length > 0) {
    // A file that says it is a template, or whose entries are mostly typed, is one: an entry it
    // cannot read (`Fn::ForEach::…` of AWS::LanguageExtensions, expanded on deploy) leaves it
    // not compared, never read as some other YAML.
    const declared =
      Object.hasOwn(top, "AWSTemplateFormatVersion") || Object.hasOwn(top, "Transform");
    if (!declared && untyped.length * 2 >= entries.length) return undefined;
    const id = (untyped[0] as [string, unknown])[0];
    const name = JSON.stringify(id.slice(0, 100));
    return {
      ok: false,
      reason: id.startsWith("Fn::ForEach::")
        ? `the Resources entry ${name} is a loop that expands on deploy: not compared`
        : `the Resources entry ${name} has no Type: not compared`,
    };
  }
  const out = new Map<string, TemplateResource>();
  for (const [logicalId, raw] of entries) {
    const r = record(raw);
    if (typeof r.Type !== "string") continue;
    const line = lineOf(["Resources", logicalId]);
    out.set(logicalId, {
      logicalId,
      type: r.Type,
      properties: record(r.Properties),
      ...(typeof r.Condition === "string" ? { condition: r.Condition } : {}),
      metadata: record(r.Metadata),
      ...(typeof r.DeletionPolicy === "string" ? { deletionPolicy: r.DeletionPolicy } : {}),
      ...(typeof r.UpdateReplacePolicy === "string"
        ? { updateReplacePolicy: r.UpdateReplacePolicy }
        : {}),
      ...(line !== undefined ? { line } : {}),
    });
  }
  const parameters = new Map<string, TemplateParameter>();
  for (const [name, raw] of Object.entries(record(top.Parameters))) {
    const p = record(raw);
    const line = lineOf(["Parameters", name]);
    parameters.set(name, {
      ...(typeof p.Type === "string" ? { type: p.Type } : {}),
      ...("Default" in p ? { default: p.Default } : {}),
      ...(line !== undefined ? { line } : {}),
      declaration: raw,
    });
  }
  const transform = top.Transform;
  const transforms = (Array.isArray(transform) ? transform : [transform]).filter(
    (t): t is string => typeof t === "string",
  );
  return {
    ok: true,
    template: {
      path,
      parameters,
      conditions: new Map(Object.entries(record(top.Conditions))),
      mappings: record(top.Mappings),
      resources: out,
      transforms,
      lineOf,
    },
  };
}

/**
 * Lines of a JSON template's keys, found by scanning for `"key":` up to 4 deep: enough for
 * `Resources.<id>.Properties.<name>` and `Parameters.<name>` (what evidence points at).
 */
function jsonLines(text: string): (path: readonly (string | number)[]) => number | undefined {
  const found = new Map<string, number>();
  const stack: string[] = [];
  let line = 1;
  let pendingKey: string | undefined;
  let lastString: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") line++;
    else if (c === '"') {
      let j = i + 1;
      let s = "";
      for (; j < text.length && text[j] !== '"'; j++) {
        if (text[j] === "\\") j++;
        else s += text[j];
      }
      lastString = s;
      i = j;
    } else if (c === ":") {
      pendingKey = lastString;
      if (pendingKey !== undefined && stack.length < 5)
        found.set([...stack, pendingKey].join("\u0000"), line);
    } else if (c === "{" || c === "[") {
      stack.push(c === "{" ? (pendingKey ?? "") : "[");
      pendingKey = undefined;
    } else if (c === "}" || c === "]") {
      stack.pop();
    } else if (c === ",") pendingKey = undefined;
  }
  return (path) => {
    // The top object is the first frame: drop its empty name. Deeper than 4 keys, the line of
    // the 4th.
    return found.get(["", ...path.map(String)].slice(0, 5).join("\u0000"));
  };
}

/** One use of another resource: `{ Ref: X }`, `{ "Fn::GetAtt": [X, Arn] }`, `${X.Arn}` in a Sub. */
export interface TemplateReference {
  readonly target: string;
  readonly attribute?: string;
  /** The top-level property of the referring resource it is under: `Role`, `ExecutionRoleArn`. */
  readonly property: string;
}

const SUB_VARIABLE = /\$\{(?!!)([A-Za-z0-9:]+)(?:\.([A-Za-z0-9.]+))?\}/g;

/**
 * Every use of another of the template's resources in a resource's properties (parameters,
 * pseudo-parameters and `Fn::Sub` variables given their own values are not resources).
 */
export function referencesOf(
  resource: TemplateResource,
  resources: ReadonlyMap<string, unknown>,
): TemplateReference[] {
  const out: TemplateReference[] = [];
  const seen = new Set<string>();
  const add = (target: string, attribute: string | undefined, property: string) => {
    if (!resources.has(target) || target === resource.logicalId) return;
    const key = `${target}\u0000${attribute ?? ""}\u0000${property}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ target, ...(attribute ? { attribute } : {}), property });
  };
  let budget = 100_000;
  const walk = (value: unknown, property: string, shadowed: ReadonlySet<string>): void => {
    if (--budget < 0 || value === null || typeof value !== "object") return;
    if (Array.isArray(value)) {
      for (const item of value) walk(item, property, shadowed);
      return;
    }
    const v = value as JsonRecord;
    const keys = Object.keys(v);
    if (keys.length === 1) {
      const [key] = keys as [string];
      const arg = v[key];
      if (key === "Ref" && typeof arg === "string") {
        add(arg, undefined, property);
        return;
      }
      if (key === "Fn::GetAtt") {
        const parts = typeof arg === "string" ? arg.split(".") : Array.isArray(arg) ? arg : [];
        if (typeof parts[0] === "string")
          add(
            parts[0],
            typeof parts[1] === "string" ? parts.slice(1).join(".") : undefined,
            property,
          );
        else walk(arg, property, shadowed);
        return;
      }
      if (key === "Fn::Sub") {
        const [text, vars] = typeof arg === "string" ? [arg, {}] : Array.isArray(arg) ? arg : [];
        const own = new Set([...shadowed, ...Object.keys(record(vars))]);
        if (typeof text === "string")
          for (const m of text.matchAll(SUB_VARIABLE))
            if (!own.has(m[1] as string)) add(m[1] as string, m[2], property);
        walk(vars, property, shadowed);
        return;
      }
    }
    for (const child of Object.values(v)) walk(child, property, shadowed);
  };
  for (const [property, value] of Object.entries(resource.properties))
    walk(value, property, new Set());
  return out;
}
