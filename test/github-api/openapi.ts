// GitHub's published OpenAPI description (the operations we use, extracted unchanged in
// ../shared/realdata/github-api/), turned into validators for the local API server, so that
// what it accepts and answers keeps the shapes the real GitHub has.

import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv, type ValidateFunction } from "ajv";

const here = dirname(fileURLToPath(import.meta.url));
export const REALDATA = resolve(here, "../../../shared/realdata");
export const GITHUB_DATA = join(REALDATA, "github-api");
const EXTRACT = join(GITHUB_DATA, "openapi-extract__operations.json");

/** Why the GitHub suites skip, or undefined when the data is there. */
export const missingGitHubData = existsSync(EXTRACT)
  ? undefined
  : `skipped: ${EXTRACT} is absent (it is in ../shared/realdata beside the checkout)`;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface Parameter {
  name: string;
  in: "path" | "query" | "header";
  required?: boolean;
  schema: JsonObject;
}

export interface Operation {
  readonly id: string;
  readonly method: string;
  readonly template: string;
  readonly pattern: RegExp;
  readonly pathNames: readonly string[];
  readonly parameters: readonly Parameter[];
  readonly hasBody: boolean;
}

export interface OpenApi {
  readonly operations: readonly Operation[];
  /** The operation for a request, with its path parameters. */
  match(
    method: string,
    path: string,
  ): { operation: Operation; params: Record<string, string> } | undefined;
  /** Problems with a request's query and body, as sentences; empty when it is valid. */
  checkRequest(operation: Operation, query: URLSearchParams, body: unknown): string[];
  /** Problems with a JSON response for a status; empty when it is valid. */
  checkResponse(operation: Operation, status: number, body: unknown): string[];
  /** A published example value, deep-copied. */
  example(name: string): Json;
}

/** OpenAPI 3.0 schema dialect -> JSON Schema that ajv understands (nullable, no discriminator). */
function toJsonSchema(value: Json): Json {
  if (Array.isArray(value)) return value.map(toJsonSchema);
  if (value === null || typeof value !== "object") return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === "nullable" || key === "discriminator" || key === "example" || key === "examples")
      continue;
    out[key] = toJsonSchema(child);
  }
  return value.nullable === true ? { anyOf: [out, { type: "null" }] } : out;
}

let loaded: OpenApi | undefined;

/** Parsed and compiled once per test file: every fake server shares it. */
export function loadOpenApi(): OpenApi {
  loaded ??= readOpenApi();
  return loaded;
}

function readOpenApi(): OpenApi {
  const document = JSON.parse(readFileSync(EXTRACT, "utf8")) as JsonObject;
  const components = document.components as JsonObject;
  const resolveRef = (value: Json): Json => {
    if (
      value &&
      typeof value === "object" &&
      !Array.isArray(value) &&
      typeof value.$ref === "string"
    ) {
      const parts = value.$ref.replace(/^#\//, "").split("/");
      let target: Json = document;
      for (const part of parts)
        target = (target as JsonObject)[part.replace(/~1/g, "/").replace(/~0/g, "~")] as Json;
      return resolveRef(target);
    }
    return value;
  };

  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: "gh", components: { schemas: toJsonSchema(components.schemas as Json) } });
  const validators = new Map<string, ValidateFunction>();
  const compile = (key: string, schema: Json): ValidateFunction => {
    const known = validators.get(key);
    if (known) return known;
    const rebased = JSON.parse(
      JSON.stringify(toJsonSchema(schema)).replace(
        /"#\/components\/schemas\//g,
        '"gh#/components/schemas/',
      ),
    );
    const validate = ajv.compile(rebased as object);
    validators.set(key, validate);
    return validate;
  };
  const explain = (validate: ValidateFunction): string[] =>
    (validate.errors ?? [])
      .slice(0, 5)
      .map((e) => `${e.instancePath || "(root)"} ${e.message ?? "is invalid"}`);

  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(document.paths as JsonObject)) {
    for (const [method, raw] of Object.entries(item as JsonObject)) {
      const op = raw as JsonObject;
      const pathNames: string[] = [];
      const source = template.replace(/[.*+?^${}()|[\]\\]/g, (c) =>
        c === "{" || c === "}" ? c : `\\${c}`,
      );
      const pattern = new RegExp(
        `^${source.replace(/\{([^}]+)\}/g, (_, name: string) => {
          pathNames.push(name);
          // A content path keeps its slashes; other parameters are one segment.
          return name === "path" ? "(.+)" : "([^/]+?)";
        })}$`,
      );
      operations.push({
        id: op.operationId as string,
        method: method.toUpperCase(),
        template,
        pattern,
        pathNames,
        parameters: ((op.parameters ?? []) as Json[]).map(
          (p) => resolveRef(p) as unknown as Parameter,
        ),
        hasBody: op.requestBody !== undefined,
      });
    }
  }
  const operationObject = (operation: Operation): JsonObject =>
    ((document.paths as JsonObject)[operation.template] as JsonObject)[
      operation.method.toLowerCase()
    ] as JsonObject;

  return {
    operations,
    match(method, path) {
      for (const operation of operations) {
        if (operation.method !== method) continue;
        const found = operation.pattern.exec(path);
        if (!found) continue;
        const params: Record<string, string> = {};
        operation.pathNames.forEach((name, i) => {
          params[name] = decodeURIComponent(found[i + 1] as string);
        });
        return { operation, params };
      }
      return undefined;
    },
    checkRequest(operation, query, body) {
      const problems: string[] = [];
      const known = new Set(
        operation.parameters.filter((p) => p.in === "query").map((p) => p.name),
      );
      for (const name of query.keys()) {
        if (!known.has(name)) problems.push(`query parameter "${name}" is not in ${operation.id}`);
      }
      for (const parameter of operation.parameters) {
        if (parameter.in !== "query") continue;
        const value = query.get(parameter.name);
        if (value === null) {
          if (parameter.required) problems.push(`query parameter "${parameter.name}" is required`);
          continue;
        }
        const schema = parameter.schema;
        const typed: Json = schema.type === "integer" ? Number(value) : value;
        const validate = compile(`${operation.id}?${parameter.name}`, schema);
        if (!validate(typed))
          problems.push(`query ${parameter.name}=${value}: ${explain(validate).join("; ")}`);
      }
      if (operation.hasBody) {
        const requestBody = resolveRef(
          operationObject(operation).requestBody as Json,
        ) as JsonObject;
        const schema = ((requestBody.content as JsonObject)["application/json"] as JsonObject)
          .schema as Json;
        if (body === undefined) {
          if (requestBody.required) problems.push(`${operation.id} needs a JSON body`);
        } else {
          const validate = compile(`${operation.id} body`, schema);
          if (!validate(body)) problems.push(`body: ${explain(validate).join("; ")}`);
        }
      }
      return problems;
    },
    checkResponse(operation, status, body) {
      const responses = operationObject(operation).responses as JsonObject;
      const declared = responses[String(status)];
      if (declared === undefined) return [`${operation.id} does not document status ${status}`];
      const response = resolveRef(declared) as JsonObject;
      const content = response.content as JsonObject | undefined;
      const json = content?.["application/json"] as JsonObject | undefined;
      // GitHub sends a message with most errors even where the description shows no body.
      if (!json) return [];
      const validate = compile(`${operation.id} ${status}`, json.schema as Json);
      return validate(body) ? [] : explain(validate).map((p) => `${operation.id} ${status}: ${p}`);
    },
    example(name) {
      const example = (components.examples as JsonObject)[name] as JsonObject | undefined;
      if (!example) throw new Error(`no published example "${name}"`);
      return structuredClone(example.value) as Json;
    },
  };
}
