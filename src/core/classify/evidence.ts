// What a classification rests on, so that every class can be traced to a place.

import type { ChangeClass } from "../change-class.js";
import type { PolicyDocument } from "./policy.js";

export interface Evidence {
  /** A Terraform address (`aws_iam_role.x`), or a Kubernetes object (`ClusterRole/argocd-server`). */
  readonly address?: string;
  readonly attribute?: string;
  readonly file?: string;
  readonly line?: number;
  /** One sentence: "no longer trusts AWS arn:aws:iam::111111111111:role/job-runner (sts:AssumeRole)". */
  readonly detail: string;
}

/** How ResourceFacts.opaque names a permissions boundary: it caps whatever the policies allow. */
export const BOUNDARY = "permissions boundary";

/** What is known of a resource on one side of the change, for checking contracts. */
export interface ResourceFacts {
  readonly exists: boolean;
  /** Who may assume it (IAM roles), when known. */
  readonly trust?: PolicyDocument;
  /** What it allows (policies, inline policies), when known; none for a Kubernetes object. */
  readonly policies: readonly PolicyDocument[];
  /**
   * Why `policies` are only part of what the identity is allowed (a policy attached to a role
   * defined elsewhere): what they allow is allowed, what they do not may be allowed elsewhere.
   */
  readonly partial?: string;
  /**
   * What else limits or grants its permissions, whose documents were not read: a permissions
   * boundary, a managed policy known only by its ARN. A "no" is then not known, and one that
   * comes in may take away what the documents allow.
   */
  readonly opaque?: readonly string[];
  /** A Kubernetes Role's or ClusterRole's grants, `verb group/resource/name` (kubernetes-rbac.ts). */
  readonly grants?: readonly string[];
  /** Why its grants cannot be known from what was read (an aggregated ClusterRole, too many rules). */
  readonly grantsUnknown?: string;
}

/** One resource (or Kubernetes object) that changed, and how. */
export interface ResourceChange {
  /** Which reader found it: Terraform addresses are matched against match.terraform. */
  /** "file": the file as a whole (it could not be read), so it concerns every node it matched. */
  /** "cloudformation": addresses are `<template file>#<LogicalId>`. */
  readonly system: "terraform" | "kubernetes" | "cloudformation" | "iam-policy" | "file";
  readonly address: string;
  readonly previousAddress?: string;
  readonly type: string;
  readonly classes: readonly ChangeClass[];
  readonly evidence: readonly Evidence[];
  readonly before?: ResourceFacts;
  readonly after?: ResourceFacts;
  /**
   * The identity changes only through this resource of its own folder (a policy it attaches,
   * compared on its own): it counts for the identity's node only where no node stands for
   * that resource, whose edge would carry the change.
   */
  readonly through?: string;
}

/** A reference between resources found in configuration: `from` uses `to`. */
export interface DiscoveredReference {
  /** Whose addresses `from` and `to` are; Terraform when absent. */
  readonly system?: "terraform" | "cloudformation";
  readonly from: string;
  readonly to: string;
  /** The attribute of `from` that holds the reference, e.g. `service_role`. */
  readonly attribute: string;
  /** Where it was found: the plan file, a .tf file, a template. */
  readonly file: string;
  /** What `from` is, when it becomes a node of its own (an undeclared dependent): `AWS::Lambda::Function`. */
  readonly kind?: string;
}
