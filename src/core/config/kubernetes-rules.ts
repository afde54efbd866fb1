// match.kubernetes patterns checked once every file is in: malformed patterns, misspelt kinds,
// and patterns that can never be used because the node matches no file.

import { checkObjectPattern } from "../classify/kubernetes-address.js";
import type { Diagnostic, GraphNode } from "../model.js";
import { nodeAt } from "./place.js";

export function checkKubernetesRules(
  nodes: Iterable<GraphNode>,
  errors: Diagnostic[],
  warnings: Diagnostic[],
): void {
  for (const node of nodes) {
    const patterns = node.match.kubernetes;
    if (patterns.length === 0) continue;
    patterns.forEach((pattern, index) => {
      const problem = checkObjectPattern(pattern);
      if (!problem) return;
      (problem.severity === "error" ? errors : warnings).push({
        severity: problem.severity,
        code: "kubernetes-pattern",
        ...nodeAt(node, ["nodes", node.id, "match", "kubernetes", index]),
        message: problem.message,
        hint: problem.hint,
      });
    });
    // Objects are looked for only in the files a node's paths match.
    if (node.match.paths.length === 0) {
      warnings.push({
        severity: "warning",
        code: "kubernetes-without-paths",
        ...nodeAt(node, ["nodes", node.id, "match", "kubernetes"]),
        message: `node "${node.id}" names Kubernetes objects but no paths: its objects are looked for only in the files match.paths matches, so it never changes`,
        hint: "add match.paths: the manifests that hold these objects",
      });
    }
  }
}
