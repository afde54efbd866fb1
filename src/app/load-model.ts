// Reads deps.yaml (and its includes) from disk into an analysis model, or fails with
// every error located.

import { depsRoot, localPaths, readTextWithin } from "../adapters/fs/read-text.js";
import type { AnalysisModel } from "../core/analysis-model.js";
import { prepareModel } from "../core/analyze.js";
import { type LoadResult, loadDeps, type ReadText } from "../core/config/load-deps.js";
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

/** How deps.yaml and its includes are read from disk: only inside `root`. */
export const depsFileReader = (depsPath: string, root: string): ReadText =>
  readTextWithin(root, depsPath);

/**
 * deps.yaml and its includes from disk; includes stay inside the repository holding it (its
 * `root`, found when not given). `reading` wraps the reader: the graph cache records what each
 * read gave.
 */
export function loadDepsFile(
  depsPath: string,
  { root = depsRoot(depsPath), reading = (read: ReadText) => read } = {},
): LoadResult {
  return loadDeps(depsPath, reading(depsFileReader(depsPath, root)), {
    root,
    paths: localPaths,
  });
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
