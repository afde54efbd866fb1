// Drift's check for an edge the repository shows and deps.yaml lacks, shared by the Terraform
// and the template readings.

import type { DepsConfig } from "../model.js";

/**
 * Whether `dependent` depending on `dependency` is an edge deps.yaml does not declare, and is
 * not said already (`said` keeps the pairs asked about): each missing edge is said once.
 */
export function undeclaredOnce(
  config: DepsConfig,
  said: Set<string>,
  dependent: string,
  dependency: string,
): boolean {
  if (dependent === dependency) return false;
  const key = `${dependent}\u0000${dependency}`;
  if (said.has(key)) return false;
  said.add(key);
  return !config.nodes.get(dependent)?.dependsOn.some((e) => e.to === dependency);
}
