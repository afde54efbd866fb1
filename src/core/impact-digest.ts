// What is kept of an impact once it is rendered: the sticky comment records it (for the next
// run and for the weekly report), and the report reads it, recorded at merge or recomputed
// now. One function makes it from an Impact, so the two cannot drift apart.

import type { Impact, ImpactedNode, Risk } from "./model.js";

/** An impacted node as kept: which, how badly, how far from the change, whose. */
export type ImpactedBrief = Pick<ImpactedNode, "id" | "severity" | "depth" | "owner">;

export interface ImpactDigest {
  readonly risk: Risk;
  /** The changed nodes' ids. */
  readonly changed: readonly string[];
  /** In the impact's order; only the first ones when a `keep` said no (see `cut`). */
  readonly impacted: readonly ImpactedBrief[];
}

/**
 * The digest of an impact. `keep` sees each impacted node in turn and may stop the list
 * (to keep a comment small): `cut` then says that `impacted` is not all of them.
 */
export function digestImpact(
  impact: Impact,
  keep: (node: ImpactedBrief) => boolean = () => true,
): ImpactDigest & { readonly cut: boolean } {
  const impacted: ImpactedBrief[] = [];
  let cut = false;
  for (const node of impact.impacted) {
    const brief: ImpactedBrief = {
      id: node.id,
      severity: node.severity,
      depth: node.depth,
      ...(node.owner ? { owner: node.owner } : {}),
    };
    if (!keep(brief)) {
      cut = true;
      break;
    }
    impacted.push(brief);
  }
  return { risk: impact.risk, changed: impact.changed.map((c) => c.id), impacted, cut };
}
