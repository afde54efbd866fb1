// The JSON Schemas shipped in schema/, generated from the same source as the code.

import { toJsonSchema } from "./config/deps-schema.js";
import { contractsJsonSchema } from "./render/contracts-json.js";
import { impactJsonSchema } from "./render/impact-json.js";

export function schemaFiles(): Record<string, string> {
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  return {
    "deps.schema.json": json(toJsonSchema()),
    "impact.schema.json": json(impactJsonSchema),
    "contracts.schema.json": json(contractsJsonSchema),
  };
}
