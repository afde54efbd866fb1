// match.paths globs checked once every file is in: a glob the matcher cannot compile (an
// extglob, braces nested too deep, a range too long) is refused by name, never left to match
// nothing.

import { globProblem } from "../locate/glob.js";
import type { Diagnostic, GraphNode } from "../model.js";
import { nodeAt } from "./place.js";

export function checkPathRules(nodes: Iterable<GraphNode>, errors: Diagnostic[]): void {
  for (const node of nodes) {
    node.match.paths.forEach((rule, index) => {
      const problem = globProblem(rule.glob);
      if (problem === undefined) return;
      errors.push({
        severity: "error",
        code: "path-glob",
        ...nodeAt(node, ["nodes", node.id, "match", "paths", index]),
        message: `node "${node.id}": path rule "${rule.glob}" ${problem}`,
        hint: "globs use *, **, ?, [...] and {a,b}: see Path rules in the README",
      });
    });
  }
}
