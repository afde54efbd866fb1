// One Terraform module folder on one side of a change, every .tf file of it together, as
// Terraform evaluates it: variables with their defaults, locals, `aws_iam_policy_document`
// data sources (with dynamic blocks, sources and overrides), count and for_each. What the
// configuration alone cannot tell is Unknown, with the reason.

import {
  EvaluationError,
  entriesOf,
  evaluateJson,
  FILES,
  isUnknown,
  printed,
  type Scope,
  Unknown,
  type Value,
} from "./hcl-evaluate.js";
import { type Expr, parseStringValue, sourceOf } from "./hcl-expression.js";
import { list, record } from "./json-shapes.js";

export interface ModuleFile {
  readonly path: string;
  readonly text: string;
  /** hcl2json's output for the file, not evaluated. */
  readonly json: Record<string, unknown>;
}

export interface ModuleBlock {
  readonly kind: "resource" | "data";
  readonly type: string;
  readonly name: string;
  readonly address: string;
  readonly file: string;
  readonly body: Record<string, unknown>;
}

/** One instance of a block: count.index or each.key, and its scope. */
export interface Instance {
  readonly key?: string | number;
  readonly scope: Scope;
  /**
   * Set when the block may not exist: its count or for_each is zero or empty with the
   * defaults, or unknown, and depends on what the caller passes. It is read as existing.
   */
  readonly conditional?: string;
}

export interface TerraformModule {
  readonly blocks: ReadonlyMap<string, ModuleBlock>;
  readonly scope: Scope;
  /** Locals as written, for following references through them. */
  readonly locals: ReadonlyMap<string, unknown>;
  /** The instances of a block; none when it certainly does not exist (count = 0). */
  instancesOf(block: ModuleBlock): readonly Instance[];
  /**
   * Nested blocks of one name in a body, written out or made by `dynamic`, each with its
   * attributes evaluated in its scope (the iterator of a dynamic block included).
   */
  nestedBlocks(
    body: Record<string, unknown>,
    name: string,
    instance: Instance,
  ): { readonly attribute: (name: string) => Value }[];
  /** A policy document data source's `json`, in an instance's scope. */
  policyDocument(block: ModuleBlock, instance: Instance): Value;
  /** An attribute of a block in an instance's scope. */
  attribute(block: ModuleBlock, name: string, instance: Instance): Value;
}

const MAX_INSTANCES = 50;
const DOCUMENT = "aws_iam_policy_document";

/** `"${x}"` as hcl2json writes a whole expression: x's source, for names like `iterator`. */
const bareName = (raw: unknown): string | undefined =>
  typeof raw === "string" ? /^\$\{\s*([A-Za-z_][\w-]*)\s*\}$/.exec(raw)?.[1] : undefined;

/** Does a raw value depend on what the caller passes (a variable, or a local built from one)? */

function lazyObject(names: Iterable<string>, get: (name: string) => Value): Value {
  const out: Record<string, Value> = {};
  for (const name of names) {
    let cached: Value | undefined;
    Object.defineProperty(out, name, {
      enumerable: true,
      get: () => {
        cached ??= get(name);
        return cached;
      },
    });
  }
  return out;
}

export interface Variable {
  readonly name: string;
  readonly hasDefault: boolean;
  readonly default?: unknown;
  /** As written: `string`, `list(string)`, `bool` …; undefined when not declared. */
  readonly type?: string;
}

/** The folder's variables. */
export function variablesOf(files: readonly ModuleFile[]): Map<string, Variable> {
  const variables = new Map<string, Variable>();
  for (const file of files) {
    for (const [name, bodies] of Object.entries(record(file.json.variable))) {
      const body = record(list(bodies)[0]);
      const type =
        typeof body.type === "string"
          ? body.type.replace(/^\$\{|\}$/g, "").replace(/\s+/g, "")
          : undefined;
      variables.set(name, {
        name,
        hasDefault: Object.hasOwn(body, "default"),
        ...(Object.hasOwn(body, "default") ? { default: body.default } : {}),
        ...(type ? { type } : {}),
      });
    }
  }
  return variables;
}

/**
 * The folder read as Terraform would, with the variables' defaults unless `values` says
 * otherwise (a scenario: what a caller may pass).
 */
export function readModule(
  files: readonly ModuleFile[],
  values: ReadonlyMap<string, Value> = new Map(),
  /** Other files `file()` and `templatefile()` read, by path from the repository root. */
  assets: ReadonlyMap<string, string> = new Map(),
): TerraformModule {
  const variables = variablesOf(files);
  const folder = files[0]?.path.includes("/")
    ? (files[0] as ModuleFile).path.slice(0, (files[0] as ModuleFile).path.lastIndexOf("/"))
    : ".";
  const assetObject: Record<string, Value> = Object.fromEntries(assets);
  const locals = new Map<string, unknown>();
  const blocks = new Map<string, ModuleBlock>();
  for (const file of files) {
    for (const body of list(file.json.locals))
      for (const [name, raw] of Object.entries(record(body))) locals.set(name, raw);
    for (const kind of ["resource", "data"] as const) {
      for (const [type, byName] of Object.entries(record(file.json[kind]))) {
        for (const [name, bodies] of Object.entries(record(byName))) {
          const address = kind === "data" ? `data.${type}.${name}` : `${type}.${name}`;
          blocks.set(address, {
            kind,
            type,
            name,
            address,
            file: file.path,
            body: record(list(bodies)[0]),
          });
        }
      }
    }
  }
  const resourceTypes = new Set(
    [...blocks.values()].filter((b) => b.kind === "resource").map((b) => b.type),
  );

  const evaluating = new Set<string>();
  const guarded = (key: string, text: string, get: () => Value): Value => {
    if (evaluating.has(key)) return new Unknown(text, [`${text} refers to itself`]);
    evaluating.add(key);
    try {
      return get();
    } finally {
      evaluating.delete(key);
    }
  };

  const varObject = lazyObject(variables.keys(), (name) => {
    const v = variables.get(name);
    if (values.has(name)) return values.get(name) as Value;
    if (!v?.hasDefault)
      return new Unknown(`var.${name}`, [`var.${name} has no default: the caller sets it`]);
    return evaluateJson(v.default, root);
  });
  const localObject = lazyObject(locals.keys(), (name) =>
    guarded(`local.${name}`, `local.${name}`, () => evaluateJson(locals.get(name), root)),
  );
  const instanceCache = new Map<string, readonly Instance[]>();
  const documentValue = (block: ModuleBlock): Value => {
    const instances = instancesOf(block);
    const one = (instance: Instance): Value =>
      lazyObject(["json", "minified_json"], () =>
        guarded(block.address, block.address, () => policyDocumentJson(block.body, instance.scope)),
      );
    if (block.body.count !== undefined) return instances.map(one);
    if (block.body.for_each !== undefined)
      return Object.fromEntries(instances.map((i) => [String(i.key ?? ""), one(i)]));
    return instances[0] ? one(instances[0]) : null;
  };
  const documents = [...blocks.values()].filter((b) => b.kind === "data" && b.type === DOCUMENT);
  const dataObject: Record<string, Value> = {};
  const dataTypes = new Set(
    [...blocks.values()].filter((b) => b.kind === "data").map((b) => b.type),
  );
  for (const type of dataTypes) {
    dataObject[type] =
      type === DOCUMENT
        ? lazyObject(
            documents.map((d) => d.name),
            (name) => documentValue(blocks.get(`data.${DOCUMENT}.${name}`) as ModuleBlock),
          )
        : new Unknown(`data.${type}`, [`data.${type} is read from the provider at plan time`]);
  }

  const root: Scope = {
    lookup(name: string, expr: Expr): Value {
      switch (name) {
        case "var":
          return varObject;
        case "local":
          return localObject;
        case "data":
          return dataObject;
        case "path":
          // path.module is the folder, so that file("${path.module}/x.json") finds x.json.
          return {
            module: folder,
            root: new Unknown("path.root", ["path.root is the caller's"]),
            cwd: new Unknown("path.cwd", ["path.cwd is where Terraform runs"]),
          };
        case FILES:
          return assetObject;
        case "terraform":
        case "module":
        case "self":
          return new Unknown(sourceOf(expr), [`${name}.… is not known from the files alone`]);
        case "count":
        case "each":
          throw new EvaluationError(
            `${name} is used outside a block with ${name === "count" ? "count" : "for_each"}`,
          );
      }
      if (resourceTypes.has(name) || /^[a-z0-9]+_[a-z0-9_]+$/.test(name))
        return new Unknown(name, [`attributes of ${name} resources are known only after apply`]);
      throw new EvaluationError(`${name} is not defined here`);
    },
  };

  function withNames(scope: Scope, names: Readonly<Record<string, Value>>): Scope {
    return {
      lookup: (name, expr) =>
        Object.hasOwn(names, name) ? (names[name] as Value) : scope.lookup(name, expr),
    };
  }

  function instancesOf(block: ModuleBlock): readonly Instance[] {
    const cached = instanceCache.get(block.address);
    if (cached) return cached;
    const key = `instances ${block.address}`;
    if (evaluating.has(key))
      return [{ scope: root, conditional: `the count of ${block.address} refers to itself` }];
    evaluating.add(key);
    try {
      const instances = expand(block);
      instanceCache.set(block.address, instances);
      return instances;
    } finally {
      evaluating.delete(key);
    }
  }

  function expand(block: ModuleBlock): Instance[] {
    const { count, for_each: forEach } = block.body;
    if (count !== undefined) {
      const n = evaluateJson(count, root);
      const first = { key: 0, scope: withNames(root, { count: { index: 0 } }) };
      if (isUnknown(n))
        return [{ ...first, conditional: `count = ${n.text}: ${n.reasons.join("; ")}` }];
      const total = Math.min(Number(n), MAX_INSTANCES);
      // Off in this reading; the scenarios the classifier reads turn features on.
      if (total <= 0) return [];
      return Array.from({ length: total }, (_, index) => ({
        key: index,
        scope: withNames(root, { count: { index } }),
      }));
    }
    if (forEach !== undefined) {
      const collection = evaluateJson(forEach, root);
      const entries = isUnknown(collection) ? undefined : entriesOf(collection);
      const written = printedRaw(forEach);
      if (!entries || entries.length === 0) {
        if (entries) return [];
        const reasons = isUnknown(collection)
          ? collection.reasons
          : ["for_each is not a collection"];
        const unknown = new Unknown(`each.value`, reasons);
        return [
          {
            key: written,
            scope: withNames(root, {
              each: { key: new Unknown("each.key", reasons), value: unknown },
            }),
            conditional: `for_each = ${written}: ${reasons.join("; ")}`,
          },
        ];
      }
      // A list for_each iterates a set of strings: the key is the value.
      const isSet = Array.isArray(collection);
      return entries.slice(0, MAX_INSTANCES).map(([k, v]) => {
        const key = isSet ? printed(v) : String(k);
        return { key, scope: withNames(root, { each: { key, value: v } }) };
      });
    }
    return [{ scope: root }];
  }

  /** The document as AWS's JSON, as the data source's `json` attribute holds it. */
  function policyDocumentJson(body: Record<string, unknown>, scope: Scope): Value {
    const sources = documentsFrom([body.source_policy_documents, body.source_json], scope);
    const own = statementsOf(body, scope);
    const overrides = documentsFrom([body.override_policy_documents, body.override_json], scope);
    const merged = [...sources];
    // Terraform's rules: the document's own statements replace sources' of the same sid;
    // overrides replace anything of the same sid; the rest are appended.
    for (const layer of [own, overrides]) {
      for (const statement of layer) {
        const sid = record(statement).Sid;
        const at = sid ? merged.findIndex((s) => record(s).Sid === sid) : -1;
        if (at >= 0) merged[at] = statement;
        else merged.push(statement);
      }
    }
    return JSON.stringify({ Version: "2012-10-17", Statement: merged });
  }

  function documentsFrom(raws: readonly unknown[], scope: Scope): unknown[] {
    const statements: unknown[] = [];
    for (const raw of raws) {
      if (raw === undefined) continue;
      const value = evaluateJson(raw, scope);
      const items = isUnknown(value) ? [value] : Array.isArray(value) ? value : [value];
      for (const item of items as Value[]) {
        if (item === null) continue;
        if (isUnknown(item) || typeof item !== "string") {
          statements.push(placeholder(item));
          continue;
        }
        try {
          statements.push(...list(record(JSON.parse(item)).Statement));
        } catch {
          statements.push(placeholder(new Unknown(item, ["not a JSON policy document"])));
        }
      }
    }
    return statements;
  }

  /** A statement standing for a document that cannot be read: its expression is what it allows. */
  function placeholder(value: Value): Record<string, unknown> {
    return { Effect: "Allow", Action: [printed(value)], Resource: [printed(value)] };
  }

  function nested(
    body: Record<string, unknown>,
    name: string,
    scope: Scope,
  ): { body: Record<string, unknown>; scope: Scope }[] {
    const out = list(body[name]).map((b) => ({ body: record(b), scope }));
    for (const raw of list(record(body.dynamic)[name])) {
      const dynamic = record(raw);
      const iterator = bareName(dynamic.iterator) ?? name;
      const collection = evaluateJson(dynamic.for_each, scope);
      const entries = isUnknown(collection) ? undefined : entriesOf(collection);
      const content = record(list(dynamic.content)[0]);
      if (!entries) {
        const unknown = isUnknown(collection)
          ? collection
          : new Unknown(printedRaw(dynamic.for_each), ["for_each is not a collection"]);
        out.push({
          body: content,
          scope: withNames(scope, { [iterator]: { key: unknown, value: unknown } }),
        });
        continue;
      }
      for (const [key, value] of entries)
        out.push({ body: content, scope: withNames(scope, { [iterator]: { key, value } }) });
    }
    return out;
  }

  function statementsOf(body: Record<string, unknown>, scope: Scope): unknown[] {
    return nested(body, "statement", scope).map(({ body: s, scope: inner }) => {
      const values = (raw: unknown): unknown => {
        if (raw === undefined) return undefined;
        const v = evaluateJson(raw, inner);
        if (v === null) return undefined;
        return (Array.isArray(v) ? v : [v]).map((x) => printed(x as Value));
      };
      const principals = (name: string) => {
        const sets = nested(s, name, inner);
        if (sets.length === 0) return undefined;
        const out: Record<string, string[]> = {};
        for (const p of sets) {
          const type = printed(evaluateJson(p.body.type, p.scope));
          const ids = evaluateJson(p.body.identifiers, p.scope);
          out[type] = [
            ...new Set([
              ...(out[type] ?? []),
              ...(Array.isArray(ids) ? ids : [ids]).map((x) => printed(x as Value)),
            ]),
          ];
        }
        return out;
      };
      const conditions = nested(s, "condition", inner);
      const condition: Record<string, Record<string, string[]>> = {};
      for (const c of conditions) {
        const test = printed(evaluateJson(c.body.test, c.scope));
        const variable = printed(evaluateJson(c.body.variable, c.scope));
        const vs = evaluateJson(c.body.values, c.scope);
        const byTest = condition[test] ?? {};
        condition[test] = byTest;
        // The same test and variable twice is one condition with the values of both, as a set.
        byTest[variable] = [
          ...new Set([
            ...(byTest[variable] ?? []),
            ...(Array.isArray(vs) ? vs : [vs]).map((x) => printed(x as Value)),
          ]),
        ];
      }
      const sid = s.sid === undefined ? undefined : evaluateJson(s.sid, inner);
      const effect = s.effect === undefined ? "Allow" : printed(evaluateJson(s.effect, inner));
      const statement: Record<string, unknown> = {
        ...(sid === undefined || sid === null || sid === "" ? {} : { Sid: printed(sid) }),
        Effect: effect,
        Action: values(s.actions),
        NotAction: values(s.not_actions),
        Resource: values(s.resources),
        NotResource: values(s.not_resources),
        Principal: principals("principals"),
        NotPrincipal: principals("not_principals"),
        ...(conditions.length > 0 ? { Condition: condition } : {}),
      };
      return Object.fromEntries(Object.entries(statement).filter(([, v]) => v !== undefined));
    });
  }

  return {
    blocks,
    scope: root,
    locals,
    instancesOf,
    nestedBlocks: (body, name, instance) =>
      nested(body, name, instance.scope).map((b) => ({
        attribute: (key: string) =>
          b.body[key] === undefined ? null : evaluateJson(b.body[key], b.scope),
      })),
    policyDocument: (block, instance) =>
      guarded(block.address, block.address, () => policyDocumentJson(block.body, instance.scope)),
    attribute: (block, name, instance) =>
      block.body[name] === undefined ? null : evaluateJson(block.body[name], instance.scope),
  };
}

/** A raw value as written, for messages. */
function printedRaw(raw: unknown): string {
  if (typeof raw === "string") {
    const expr = parseStringValue(raw);
    return expr.t === "lit" ? raw : sourceOf(expr);
  }
  return JSON.stringify(raw);
}

type Reference = readonly [data: boolean, type: string, name: string];
/** The references written in a parsed value, by the value: a module asks for a local's again and again. */
const referencesOf = new WeakMap<object, readonly Reference[]>();

function referencesIn(raw: unknown): readonly Reference[] {
  if (raw === null || typeof raw !== "object") return scanReferences(JSON.stringify(raw ?? null));
  let found = referencesOf.get(raw);
  if (!found) {
    found = scanReferences(JSON.stringify(raw));
    referencesOf.set(raw, found);
  }
  return found;
}

function scanReferences(text: string): Reference[] {
  const found: Reference[] = [];
  for (const m of text.matchAll(/\b(data\.)?([a-z][a-z0-9_]*)\.([A-Za-z_][\w-]*)/g))
    found.push([m[1] !== undefined, m[2] as string, m[3] as string]);
  return found;
}

/** A reference's resource addresses inside an expression, through locals: `aws_iam_role.this[0].name` -> aws_iam_role.this. */
export function referencedAddresses(
  raw: unknown,
  module: TerraformModule,
  locals = new Set<string>(),
): string[] {
  const found = new Set<string>();
  for (const [data, type, name] of referencesIn(raw)) {
    if (type === "local" && !data) {
      if (locals.has(name)) continue;
      locals.add(name);
      for (const a of referencedAddresses(module.locals.get(name), module, locals)) found.add(a);
      continue;
    }
    const address = `${data ? "data." : ""}${type}.${name}`;
    if (module.blocks.has(address)) found.add(address);
  }
  return [...found];
}
