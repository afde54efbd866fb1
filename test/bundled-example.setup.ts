// Hands the bundled example (deps.yaml and the graph files it includes) to the tests of the
// pure core, which may not read files themselves: they `inject("bundledExample")` it and load
// it through an in-memory reader (src/core/testing/bundled-example.ts).

import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";

const ROOT = resolve(import.meta.dirname, "..");
/** The folder deps.yaml's includes are in. */
const INCLUDED = "examples/deps";

export default function setup(project: TestProject): void {
  const files: Record<string, string> = {
    "deps.yaml": readFileSync(join(ROOT, "deps.yaml"), "utf8"),
  };
  for (const name of readdirSync(join(ROOT, INCLUDED)))
    if (name.endsWith(".yaml"))
      files[`${INCLUDED}/${name}`] = readFileSync(join(ROOT, INCLUDED, name), "utf8");
  project.provide("bundledExample", files);
}

declare module "vitest" {
  export interface ProvidedContext {
    /** The bundled example's graph files, by their path from the repository's root. */
    bundledExample: Record<string, string>;
  }
}
