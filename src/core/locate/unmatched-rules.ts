import { nodeAt } from "../config/place.js";
import type { DepsConfig, Diagnostic } from "../model.js";
import { PathIndex } from "./path-index.js";

/**
 * Path rules that match none of `files` (a repository's tracked files): usually a moved or
 * misspelt path, and a node that will silently never be reported. Rules qualified with another
 * repository are not judged.
 */
export function unmatchedPathRules(
  config: DepsConfig,
  files: readonly string[],
  repo?: string,
): Diagnostic[] {
  const index = new PathIndex();
  const wanted = repo?.toLowerCase();
  for (const node of config.nodes.values()) {
    for (const rule of node.match.paths) {
      if (rule.repo === undefined || wanted === undefined || rule.repo === wanted)
        index.add(node.id, rule);
    }
  }
  const hit = new Set<string>();
  for (const file of files) {
    for (const match of index.match(file, repo)) hit.add(`${match.node}\u0000${match.rule.source}`);
  }
  const warnings: Diagnostic[] = [];
  for (const node of config.nodes.values()) {
    node.match.paths.forEach((rule, i) => {
      if (rule.repo !== undefined && wanted !== undefined && rule.repo !== wanted) return;
      if (rule.repo !== undefined && wanted === undefined) return;
      if (hit.has(`${node.id}\u0000${rule.source}`)) return;
      warnings.push({
        severity: "warning",
        code: "glob-matches-nothing",
        // A catalog entity's inferred rule has no key to point at: its line does.
        ...nodeAt(node, ["nodes", node.id, "match", "paths", i]),
        message: `"${rule.source}" matches no file in this repository`,
        hint: "fix the path, or remove the rule if the files are gone",
      });
    });
  }
  return warnings;
}
