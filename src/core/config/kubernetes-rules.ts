// match.kubernetes and match.cloudformation patterns checked once every file is in: malformed
// patterns and misspelt kinds.

import { checkResourcePattern } from "../classify/cloudformation-address.js";
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
    // No paths is not a mistake: rendered manifests (--rendered-base/--rendered-head) are
    // matched by object alone.
  }
}

export function checkCloudFormationRules(nodes: Iterable<GraphNode>, errors: Diagnostic[]): void {
  for (const node of nodes)
    (node.match.cloudformation ?? []).forEach((pattern, index) => {
      const problem = checkResourcePattern(pattern);
      if (problem)
        errors.push({
          severity: "error",
          code: "cloudformation-pattern",
          ...nodeAt(node, ["nodes", node.id, "match", "cloudformation", index]),
          message: problem.message,
          hint: problem.hint,
        });
    });
}
