// The bundled example (deps.yaml + examples/deps), loaded from the files the test run's global
// setup read (test/bundled-example.setup.ts): the core's tests never touch the disk.

import { inject } from "vitest";
import type { AnalysisModel } from "../analysis-model.js";
import { prepareModel } from "../analyze.js";
import { load, located } from "./helpers.js";

let cached: AnalysisModel | undefined;

export function bundledModel(): AnalysisModel {
  if (cached) return cached;
  const result = load(inject("bundledExample"));
  if (!result.config || !result.graph)
    throw new Error(`the bundled example does not load: ${JSON.stringify(located(result).errors)}`);
  cached = prepareModel(result.config, result.graph);
  return cached;
}
