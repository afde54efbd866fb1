// deps.yaml's match.terraform patterns, compiled once: which nodes a resource address belongs to.

import { addressMatches, compileAddressPattern } from "../classify/terraform-address.js";
import type { GraphNode } from "../model.js";
import type { Matcher } from "./glob.js";

export interface TerraformHit {
  readonly node: string;
  readonly rule: string;
}

export class TerraformIndex {
  private constructor(
    private readonly rules: readonly { node: string; rule: string; pattern: Matcher }[],
  ) {}

  static fromNodes(nodes: Iterable<GraphNode>): TerraformIndex {
    const rules: { node: string; rule: string; pattern: Matcher }[] = [];
    for (const node of nodes) {
      for (const rule of node.match.terraform)
        rules.push({ node: node.id, rule, pattern: compileAddressPattern(rule) });
    }
    return new TerraformIndex(rules);
  }

  get size(): number {
    return this.rules.length;
  }

  /** Nodes whose patterns match the address (or its previous address), one hit per node. */
  match(address: string, previousAddress?: string): TerraformHit[] {
    const hits: TerraformHit[] = [];
    const seen = new Set<string>();
    for (const { node, rule, pattern } of this.rules) {
      if (seen.has(node)) continue;
      if (
        addressMatches(pattern, address) ||
        (previousAddress !== undefined && addressMatches(pattern, previousAddress))
      ) {
        seen.add(node);
        hits.push({ node, rule });
      }
    }
    return hits;
  }

  /** Whether a node names its resources: then only those resources of a matched file count. */
  patternsOf(node: GraphNode): readonly Matcher[] {
    return this.rules.filter((r) => r.node === node.id).map((r) => r.pattern);
  }
}
