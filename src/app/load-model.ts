// Reads deps.yaml (and its includes) from disk into an analysis model, or fails with
// every error located.

import { depsRoot, localPaths, readTextWithin } from "../adapters/fs/read-text.js";
import type { AnalysisModel } from "../core/analysis-model.js";
import { prepareModel } from "../core/analyze.js";
import { type LoadResult, loadDeps } from "../core/config/load-deps.js";
import { locateDiagnostics } from "../core/config/locate-diagnostics.js";
import { InvalidDepsError } from "../core/errors.js";

export interface LoadedModel {
  readonly model: AnalysisModel;
  readonly warningCount: number;
  /** The text of every file read, by path: to place a key of the graph at its line. */
  readonly sources: ReadonlyMap<string, string>;
  /** Read from the graph cache rather than parsed (cached-load.ts). */
  readonly fromCache?: true;
}

/** deps.yaml and its includes from disk; includes stay inside the repository holding it. */
export function loadDepsFile(depsPath: string): LoadResult {
  const root = depsRoot(depsPath);
  return loadDeps(depsPath, readTextWithin(root, depsPath), { root, paths: localPaths });
}

export function loadModel(depsPath: string): LoadedModel {
  return modelFromLoad(loadDepsFile(depsPath));
}

/** A load result -> the model, or InvalidDepsError with every error located. */
export function modelFromLoad(result: LoadResult): LoadedModel {
  if (!result.config || !result.graph) {
    throw new InvalidDepsError(
      locateDiagnostics(result.errors, result.sources),
      locateDiagnostics(result.warnings, result.sources),
    );
  }
  return {
    model: prepareModel(result.config, result.graph),
    warningCount: result.warnings.length,
    sources: result.sources,
  };
}
