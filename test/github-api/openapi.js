// GitHub's published OpenAPI description (the operations we use, extracted unchanged in
// ../shared/realdata/github-api/), turned into validators for the local API server, so that
// what it accepts and answers keeps the shapes the real GitHub has.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";

const here = dirname(fileURLToPath(import.meta.url));
export const REALDATA = resolve(here, "../../../shared/realdata");
export const GITHUB_DATA = join(REALDATA, "github-api");
const EXTRACT = join(GITHUB_DATA, "openapi-extract__operations.json");
/** Why the GitHub suites skip, or undefined when the data is there. */
export const missingGitHubData = existsSync(EXTRACT)
  ? undefined
  : `skipped: ${EXTRACT} is absent (it is in ../shared/realdata beside the checkout)`;
/** OpenAPI 3.0 schema dialect -> JSON Schema that ajv understands (nullable, no discriminator). */
function toJsonSchema(value) {
  if (Array.isArray(value)) return value.map(toJsonSchema);
  if (value === null || typeof value !== "object") return value;
  const out = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === "nullable" || key === "discriminator" || key === "example" || key === "examples")
      continue;
    out[key] = toJsonSchema(child);
  }
  return value.nullable === true ? { anyOf: [out, { type: "null" }] } : out;
}
let loaded;
/** Parsed and compiled once per test file: every fake server shares it. */
export function loadOpenApi() {
  loaded ??= readOpenApi();
  return loaded;
}
function readOpenApi() {
  const document = JSON.parse(readFileSync(EXTRACT, "utf8"));
  const components = document.components;
  const resolveRef = (value) => {
    if (
      value &&
      typeof value === "object" &&
      !Array.isArray(value) &&
      typeof value.$ref === "string"
    ) {
      const parts = value.$ref.replace(/^#\//, "").split("/");
      let target = document;
      for (const part of parts) target = target[part.replace(/~1/g, "/").replace(/~0/g, "~")];
      return resolveRef(target);
    }
    return value;
  };
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: "gh", components: { schemas: toJsonSchema(components.schemas) } });
  const validators = new Map();
  const compile = (key, schema) => {
    const known = validators.get(key);
    if (known) return known;
    const rebased = JSON.parse(
      JSON.stringify(toJsonSchema(schema)).replace(
        /"#\/components\/schemas\//g,
        '"gh#/components/schemas/',
      ),
    );
    const validate = ajv.compile(rebased);
    validators.set(key, validate);
    return validate;
  };
  const explain = (validate) =>
    (validate.errors ?? [])
      .slice(0, 5)
      .map((e) => `${e.instancePath || "(root)"} ${e.message ?? "is invalid"}`);
  const operations = [];
  for (const [template, item] of Object.entries(document.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      const op = raw;
      const pathNames = [];
      const source = template.replace(/[.*+?^${}()|[\]\\]/g, (c) =>
        c === "{" || c === "}" ? c : `\\${c}`,
      );
      const pattern = new RegExp(
        `^${source.replace(/\{([^}]+)\}/g, (_, name) => {
          pathNames.push(name);
          // A content path keeps its slashes; other parameters are one segment.
          return name === "path" ? "(.+)" : "([^/]+?)";
        })}$`,
      );
      operations.push({
        id: op.operationId,
        method: method.toUpperCase(),
        template,
        pattern,
        pathNames,
        parameters: (op.parameters ?? []).map((p) => resolveRef(p)),
        hasBody: op.requestBody !== undefined,
      });
    }
  }
  const operationObject = (operation) =>
    document.paths[operation.template][operation.method.toLowerCase()];
  return {
    operations,
    match(method, path) {
      for (const operation of operations) {
        if (operation.method !== method) continue;
        const found = operation.pattern.exec(path);
        if (!found) continue;
        const params = {};
        operation.pathNames.forEach((name, i) => {
          params[name] = decodeURIComponent(found[i + 1]);
        });
        return { operation, params };
      }
      return undefined;
    },
    checkRequest(operation, query, body) {
      const problems = [];
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
        const typed = schema.type === "integer" ? Number(value) : value;
        const validate = compile(`${operation.id}?${parameter.name}`, schema);
        if (!validate(typed))
          problems.push(`query ${parameter.name}=${value}: ${explain(validate).join("; ")}`);
      }
      if (operation.hasBody) {
        const requestBody = resolveRef(operationObject(operation).requestBody);
        const schema = requestBody.content["application/json"].schema;
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
      const responses = operationObject(operation).responses;
      const declared = responses[String(status)];
      if (declared === undefined) return [`${operation.id} does not document status ${status}`];
      const response = resolveRef(declared);
      const content = response.content;
      const json = content?.["application/json"];
      // GitHub sends a message with most errors even where the description shows no body.
      if (!json) return [];
      const validate = compile(`${operation.id} ${status}`, json.schema);
      return validate(body) ? [] : explain(validate).map((p) => `${operation.id} ${status}: ${p}`);
    },
    example(name) {
      const example = components.examples[name];
      if (!example) throw new Error(`no published example "${name}"`);
      return structuredClone(example.value);
    },
  };
}
//# sourceMappingURL=openapi.js.map
