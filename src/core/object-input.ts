// What the analysis takes besides changed files. Apart from analyze.ts so that locate/, which
// analyze.ts calls, can name it without importing analyze.ts back.

import type { DiscoveredReference, ResourceChange } from "./classify/evidence.js";
import type { ObjectSource, Unjudged } from "./model.js";

/**
 * Resource changes read from somewhere other than the changed files: a Terraform plan, a
 * CloudFormation change set, manifests rendered at the base and the head. Each resource is
 * matched to nodes by their object rules (match.terraform, match.cloudformation,
 * match.kubernetes).
 */
export interface ObjectInput {
  readonly kind: ObjectSource;
  /** The file (or folders) it was read from, for messages. */
  readonly file: string;
  readonly reading: {
    readonly resources: readonly ResourceChange[];
    readonly references: readonly DiscoveredReference[];
  };
  /** What of it could not be judged (a nested stack's change set not given): the analysis is incomplete. */
  readonly unjudged?: readonly Unjudged[];
}
