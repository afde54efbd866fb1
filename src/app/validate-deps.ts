import { readTextFile } from "../adapters/fs/read-text.js";
import { loadDeps } from "../core/config/load-deps.js";
import { locateDiagnostics } from "../core/config/locate-diagnostics.js";
import { unmatchedPathRules } from "../core/locate/unmatched-rules.js";
import type { Diagnostic } from "../core/model.js";

export interface RepositoryView {
  /** Tracked files, relative to the repository root. */
  readonly files: readonly string[];
  /** owner/name, when known. */
  readonly repo?: string;
}

export interface Validation {
  readonly errors: Diagnostic[];
  readonly warnings: Diagnostic[];
  readonly nodes: number;
  readonly edges: number;
  readonly files: readonly string[];
}

/** Every problem with a deps file; inside a repository, also rules that match no file. */
export function validateDeps(depsPath: string, repository?: RepositoryView): Validation {
  const result = loadDeps(depsPath, readTextFile);
  const warnings = [...result.warnings];
  if (result.config && repository) {
    warnings.push(...unmatchedPathRules(result.config, repository.files, repository.repo));
  }
  return {
    errors: locateDiagnostics(result.errors, result.sources),
    warnings: locateDiagnostics(warnings, result.sources),
    nodes: result.config?.nodes.size ?? 0,
    edges: result.graph?.targets.length ?? 0,
    files: [...result.sources.keys()],
  };
}
