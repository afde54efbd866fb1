// A drafted node and its edges: what the repository scan and the template scan both produce.

export interface DraftEdge {
  readonly on: string;
  readonly via: string;
  readonly source: string;
}

export interface DraftNode {
  readonly id: string;
  readonly kind: string;
  owner?: string;
  ownerSource?: string;
  readonly paths: string[];
  readonly terraform: string[];
  /** Kubernetes object addresses: the node stands for these objects of its files. */
  readonly kubernetes?: string[];
  /** CloudFormation resource addresses (`<template>#<LogicalId>`): the node stands for these. */
  readonly cloudformation?: string[];
  readonly dependsOn: DraftEdge[];
  readonly source: string;
  /** Where it was found, for a stable order: by file, then line. */
  readonly at: { readonly file: string; readonly line?: number };
}
