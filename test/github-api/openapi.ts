// GitHub's published OpenAPI description (@octokit/openapi's api.github.com.json, the registry
// copy of github/rest-api-description), cut to the operations we call and the components they
// reach, turned into validators for the local API server, so that what it accepts and answers
// keeps the shapes the real GitHub has.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv, type ValidateFunction } from "ajv";

export const DESCRIPTION = createRequire(import.meta.url).resolve(
  "@octokit/openapi/generated/api.github.com.json",
);

/**
 * The operations blastradius and its tests call, in the order requests are matched. Only these
 * are served: a request for any other is unexpected, as a call the product does not make.
 */
export const USED_OPERATIONS: readonly (readonly [method: string, template: string])[] = [
  ["get", "/repos/{owner}/{repo}"],
  ["post", "/repos/{owner}/{repo}/check-runs"],
  ["patch", "/repos/{owner}/{repo}/check-runs/{check_run_id}"],
  ["get", "/repos/{owner}/{repo}/commits/{commit_sha}/pulls"],
  ["get", "/repos/{owner}/{repo}/contents/{path}"],
  ["get", "/repos/{owner}/{repo}/issues"],
  ["post", "/repos/{owner}/{repo}/issues"],
  ["get", "/repos/{owner}/{repo}/issues/comments/{comment_id}"],
  ["patch", "/repos/{owner}/{repo}/issues/comments/{comment_id}"],
  ["delete", "/repos/{owner}/{repo}/issues/comments/{comment_id}"],
  ["get", "/repos/{owner}/{repo}/issues/{issue_number}"],
  ["patch", "/repos/{owner}/{repo}/issues/{issue_number}"],
  ["get", "/repos/{owner}/{repo}/issues/{issue_number}/comments"],
  ["post", "/repos/{owner}/{repo}/issues/{issue_number}/comments"],
  ["get", "/repos/{owner}/{repo}/issues/{issue_number}/labels"],
  ["post", "/repos/{owner}/{repo}/issues/{issue_number}/labels"],
  ["put", "/repos/{owner}/{repo}/issues/{issue_number}/labels"],
  ["delete", "/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}"],
  ["get", "/repos/{owner}/{repo}/pulls"],
  ["get", "/repos/{owner}/{repo}/pulls/{pull_number}"],
  ["get", "/repos/{owner}/{repo}/pulls/{pull_number}/files"],
  ["post", "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers"],
  ["get", "/repos/{owner}/{repo}/pulls/{pull_number}/reviews"],
  ["get", "/search/issues"],
  ["get", "/repos/{owner}/{repo}/compare/{base}...{head}"],
];

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

/**
 * The used operations of a full description and every component they reach through `$ref`,
 * unchanged: the same cut as ../shared/realdata/github-api/openapi-extract__operations.json.
 */
export function extractOperations(document: JsonObject): JsonObject {
  const paths: { [template: string]: JsonObject } = {};
  const components: { [kind: string]: JsonObject } = {};
  const reached = new Set<string>();
  const visit = (value: Json): void => {
    if (Array.isArray(value)) {
      for (const child of value) visit(child);
      return;
    }
    if (value === null || typeof value !== "object") return;
    const ref = value.$ref;
    if (typeof ref === "string" && !reached.has(ref)) {
      reached.add(ref);
      const [, section, kind, name] = ref.split("/") as [string, string, string, string];
      if (section !== "components") throw new Error(`unexpected reference ${ref}`);
      const target = ((document.components as JsonObject)[kind] as JsonObject)[name] as Json;
      components[kind] ??= {};
      components[kind][name] = target;
      visit(target);
    }
    for (const child of Object.values(value)) visit(child);
  };
  for (const [method, template] of USED_OPERATIONS) {
    const operation = ((document.paths as JsonObject)[template] as JsonObject | undefined)?.[
      method
    ];
    if (operation === undefined) throw new Error(`${DESCRIPTION} has no ${method} ${template}`);
    paths[template] ??= {};
    paths[template][method] = operation;
    visit(operation);
  }
  return { openapi: document.openapi as Json, info: document.info as Json, paths, components };
}

let loaded: OpenApi | undefined;

/**
 * Read, cut and compiled once per test file (its worker), on first use: every fake server of the
 * file shares it. The 13 MB description is parsed once and dropped; only the cut is kept.
 */
export function loadOpenApi(): OpenApi {
  loaded ??= readOpenApi();
  return loaded;
}

function readOpenApi(): OpenApi {
  const document = extractOperations(JSON.parse(readFileSync(DESCRIPTION, "utf8")) as JsonObject);
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
