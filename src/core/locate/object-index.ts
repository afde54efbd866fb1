// Every node's object rules (match.terraform, match.kubernetes, match.cloudformation), compiled
// once: which nodes a resource read from a plan, a change set or rendered manifests belongs to,
// where no changed file says which nodes to look at.

import { compileResourcePatterns } from "../classify/cloudformation-address.js";
import type { ResourceChange } from "../classify/evidence.js";
import { compileObjectPattern } from "../classify/kubernetes-address.js";
import type { GraphNode } from "../model.js";
import type { TerraformHit, TerraformIndex } from "./terraform-index.js";

interface Rule {
  readonly node: string;
  readonly rule: string;
  readonly test: (address: string) => boolean;
}

export type ObjectSystem = "terraform" | "kubernetes" | "cloudformation";

export class ObjectIndex {
  private constructor(
    private readonly terraform: TerraformIndex,
    private readonly kubernetes: readonly Rule[],
    private readonly cloudformation: readonly Rule[],
  ) {}

  static fromNodes(nodes: Iterable<GraphNode>, terraform: TerraformIndex): ObjectIndex {
    const kubernetes: Rule[] = [];
    const cloudformation: Rule[] = [];
    for (const node of nodes) {
      for (const rule of node.match.kubernetes) {
        const pattern = compileObjectPattern(rule);
        kubernetes.push({ node: node.id, rule, test: (a) => pattern.test(a) });
      }
      for (const pattern of compileResourcePatterns(node.match.cloudformation ?? []))
        cloudformation.push({ node: node.id, rule: pattern.source, test: (a) => pattern.test(a) });
    }
    return new ObjectIndex(terraform, kubernetes, cloudformation);
  }

  /** Whether any node names objects of this system. */
  has(system: ObjectSystem): boolean {
    if (system === "terraform") return this.terraform.size > 0;
    return (system === "kubernetes" ? this.kubernetes : this.cloudformation).length > 0;
  }

  /** Nodes whose rules match the address (or the previous one), one hit per node. */
  match(system: ObjectSystem, address: string, previousAddress?: string): readonly TerraformHit[] {
    if (system === "terraform") return this.terraform.match(address, previousAddress);
    const rules = system === "kubernetes" ? this.kubernetes : this.cloudformation;
    const hits: TerraformHit[] = [];
    const seen = new Set<string>();
    for (const { node, rule, test } of rules) {
      if (seen.has(node)) continue;
      if (test(address) || (previousAddress !== undefined && test(previousAddress))) {
        seen.add(node);
        hits.push({ node, rule });
      }
    }
    return hits;
  }

  /** The nodes a resource change belongs to; none for resources of other systems. */
  matchResource(resource: ResourceChange): readonly TerraformHit[] {
    const { system } = resource;
    if (system !== "terraform" && system !== "kubernetes" && system !== "cloudformation") return [];
    return this.match(system, resource.address, resource.previousAddress);
  }
}
