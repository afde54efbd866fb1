import { findDrift } from "../core/adopt/drift.js";
import type { RepoScan } from "../core/adopt/repo-scan.js";
import { locateDiagnostics } from "../core/config/locate-diagnostics.js";
import { waiverWarnings } from "../core/config/waivers.js";
import { ObjectIndex } from "../core/locate/object-index.js";
import { TerraformIndex } from "../core/locate/terraform-index.js";
import { unmatchedPathRules } from "../core/locate/unmatched-rules.js";
import type { Diagnostic } from "../core/model.js";
import { missingEdges } from "../core/plan-overlay.js";
import { loadDepsFile } from "./load-model.js";
import type { PlanInput } from "./read-plan.js";

export interface RepositoryView {
  /** Tracked files, relative to the repository root. */
  readonly files: readonly string[];
  /** owner/name, when known. */
  readonly repo?: string;
  /** What the repository holds (`validate --repo`): then drift is checked, not only rules. */
  readonly scan?: RepoScan;
  /** How to show a repository file in messages (its folder as the user gave it). */
  readonly display?: (file: string) => string;
}

export interface Validation {
  readonly errors: Diagnostic[];
  readonly warnings: Diagnostic[];
  readonly nodes: number;
  readonly edges: number;
  readonly files: readonly string[];
}

/** Every problem with a deps file; inside a repository, also rules that match no file. */
export function validateDeps(
  depsPath: string,
  repository?: RepositoryView,
  plan?: PlanInput,
  today?: string,
): Validation {
  const result = loadDepsFile(depsPath);
  const warnings = [...result.warnings];
  // Waivers that ended or end soon: said by validate, which knows today.
  if (result.config && today) warnings.push(...waiverWarnings(result.config.nodes.values(), today));
  if (result.config && repository?.scan) {
    warnings.push(
      ...findDrift(result.config, repository.scan, {
        repo: repository.repo,
        ...(repository.display ? { display: repository.display } : {}),
      }),
    );
  } else if (result.config && repository) {
    warnings.push(...unmatchedPathRules(result.config, repository.files, repository.repo));
  }
  const planWarnings: Diagnostic[] = [];
  if (result.config && plan) {
    const nodes = result.config.nodes;
    const objects = ObjectIndex.fromNodes(nodes.values(), TerraformIndex.fromNodes(nodes.values()));
    for (const m of missingEdges(result.config, plan.reading.references, objects)) {
      const { from, to, attribute } = m.reference;
      planWarnings.push({
        severity: "warning",
        code: m.kind === "between-nodes" ? "undeclared-edge" : "undeclared-dependent",
        file: plan.file,
        path: `${from}.${attribute}`,
        message:
          m.kind === "between-nodes"
            ? `${from}.${attribute} refers to ${to}, but ${m.dependent} does not declare that it depends on ${m.dependency}`
            : `${from} (no node in deps.yaml) refers to ${to}, which is ${m.dependency}`,
        hint:
          m.kind === "between-nodes"
            ? `add to ${m.dependent}: depends_on: [{ on: ${m.dependency}, via: references }]`
            : `declare a node with match.terraform: [${from.replace(/\[[^\]]*\]/g, "")}] that depends on ${m.dependency}`,
      });
    }
  }
  return {
    errors: locateDiagnostics(result.errors, result.sources),
    warnings: [
      ...locateDiagnostics(warnings, result.sources),
      ...planWarnings,
      ...(repository?.scan?.problems ?? []).map((p) =>
        repository?.display ? { ...p, file: repository.display(p.file) } : p,
      ),
    ],
    nodes: result.config?.nodes.size ?? 0,
    edges: result.graph?.targets.length ?? 0,
    files: [...result.sources.keys()],
  };
}
