// The shared vocabulary of blastradius: every layer speaks in these types.

import type { ChangeClass } from "./change-class.js";
import type { Evidence, ResourceChange } from "./classify/evidence.js";

/** Where something is in a source file; line and column are 1-based. */
export interface SourceLocation {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
}

export type Severity = "error" | "warning";

/** One problem found while loading or validating a graph. Never thrown: collected. */
export interface Diagnostic {
  readonly severity: Severity;
  /** Stable kind for tests and tooling, e.g. "unknown-node". */
  readonly code: string;
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  /** The key path inside the document, e.g. `nodes.svc/access.depends_on[1].via`. */
  readonly path?: string;
  readonly message: string;
  /** What the user can do about it. */
  readonly hint?: string;
  /** The same place as `path`, as segments, for locating it in the file. */
  readonly keyPath?: readonly (string | number)[];
  /** Point at the key itself rather than at its value. */
  readonly atKey?: boolean;
}

export interface Owner {
  readonly id: string;
  /** A GitHub user or team handle, `@user` or `@org/team`. */
  readonly github?: string;
  readonly chat?: string;
  readonly email?: string;
  /** Whom to call when the team does not answer (an on-call rotation, a pager link, a person). */
  readonly escalation?: string;
  readonly description?: string;
  readonly declaredAt: SourceLocation;
  /** Read from a Backstage Group or User: its display name and place in the organisation. */
  readonly catalog?: {
    readonly title?: string;
    /** The parent group's owner id. */
    readonly parent?: string;
    /** Members' owner ids (users), or for a user the groups it is a member of. */
    readonly members?: readonly string[];
  };
}

/** A path rule; `repo` (owner/name, lower-case) limits it to one repository. */
export interface PathRule {
  readonly repo?: string;
  readonly glob: string;
  /** The rule as written in deps.yaml, for messages. */
  readonly source: string;
  /**
   * Not written but inferred (from a catalog entity's source location): it matches only where
   * the repository is known to be `repo`, never a change whose repository is unknown.
   */
  readonly inferred?: boolean;
}

export interface MatchRules {
  readonly paths: readonly PathRule[];
  readonly terraform: readonly string[];
  /** Kubernetes object patterns (`Kind/namespace/name`, `Kind/name`, globs per segment). */
  readonly kubernetes: readonly string[];
  /**
   * CloudFormation resources: `<template path glob>#<logical id pattern>`
   * (`infra/app.yaml#AppRole`, `cdk.out/*.template.json#ImportFunctionServiceRole*`).
   */
  readonly cloudformation?: readonly string[];
}

/** A dependency edge, declared on the dependent: `from` depends on `to`. */
export interface Edge {
  readonly from: string;
  readonly to: string;
  /** How the dependency works: assumes-role, reads, calls, … (free text). */
  readonly via: string;
  /** Change classes this edge breaks on; undefined means every class. */
  readonly breaksOn?: readonly ChangeClass[];
  readonly description?: string;
  /** What the dependent needs of `to` (its contract): checked whenever `to` changes. */
  readonly expects?: readonly Expectation[];
  /** Not declared: found in a Terraform configuration (a resource referring to another). */
  readonly discovered?: { readonly file: string; readonly attribute: string };
  /** Its place in the dependent's depends_on list, for messages; the file is the dependent's. */
  readonly index: number;
  /** Read from a Backstage catalog: the relation's field and where it is written. */
  readonly origin?: { readonly field: string; readonly file: string; readonly line?: number };
}

/** A known, accepted break of an expectation, until a date. */
export interface Waiver {
  /** YYYY-MM-DD: the last day it is waived; enforced again from the day after. */
  readonly until: string;
  readonly reason: string;
}

/** Where an expectation stands in its life: new and maybe not holding yet, or waived for a while. */
export interface Lifecycle {
  /** A new expectation that may not hold yet: shown ("pending: would break"), never raising severity or the gate. */
  readonly pending?: boolean;
  readonly waive?: Waiver;
}

export type ExpectationKind = "trusts" | "allows" | "exists";

/** One thing a dependent needs of the node it depends on (an edge's contract is a list of them). */
export interface Expectation extends Lifecycle {
  readonly kind: ExpectationKind;
  /** The principal (trusts), the IAM action or RBAC permission (allows); absent for exists. */
  readonly value?: string;
  /** Where it is written under the edge's `expects`: ["allows", 2], ["exists"]. */
  readonly keyPath: readonly (string | number)[];
  /** Where its waiver is written under `expects`: its own (["allows", 2, "waive"]) or the block's (["waive"]). */
  readonly waiveKeyPath?: readonly (string | number)[];
}

export interface GraphNode {
  readonly id: string;
  readonly kind: string;
  readonly owner?: string;
  /** 0 = most critical … 3 = least. */
  readonly tier?: number;
  readonly description?: string;
  readonly docs?: string;
  readonly runbook?: string;
  readonly match: MatchRules;
  readonly dependsOn: readonly Edge[];
  readonly declaredAt: SourceLocation;
  /** Read from a Backstage catalog entity: what it said beyond the graph. */
  readonly catalog?: CatalogData;
}

/** A Backstage entity's own description, kept with its node. */
export interface CatalogData {
  /** The full entity ref: `component:default/artist-lookup`. */
  readonly ref: string;
  /** The entity's kind as written: Component, Resource, AiResource … */
  readonly kind: string;
  readonly title?: string;
  readonly type?: string;
  readonly lifecycle?: string;
  readonly tags?: readonly string[];
  readonly annotations?: Readonly<Record<string, string>>;
  /** Fields blastradius does not read, as written (reported as warnings when loaded). */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** A validated, normalised deps.yaml with all of its includes. */
export interface DepsConfig {
  readonly version: 1;
  readonly owners: ReadonlyMap<string, Owner>;
  readonly nodes: ReadonlyMap<string, GraphNode>;
  /** Every file read, the entry file first. */
  readonly files: readonly string[];
}

export type { ChangeClass } from "./change-class.js";

export type FileStatus = "added" | "modified" | "removed" | "renamed";

export type { Evidence, ResourceChange, ResourceFacts } from "./classify/evidence.js";

export interface FileChange {
  readonly path: string;
  readonly status: FileStatus;
  /** For renames: the path before. Both paths are matched. */
  readonly previousPath?: string;
  /** owner/name of the repository the file is in, when known. */
  readonly repo?: string;
  /**
   * What changed inside the file, when its base and head contents were compared: one entry per
   * resource or object. Empty: nothing that matters changed (comments, formatting). Absent:
   * not compared.
   */
  readonly resources?: readonly ResourceChange[];
  /**
   * A Terraform file evaluated with the rest of its module folder: every change of the folder
   * (each attached to one changed file's `resources`), so that a node matching any changed
   * file of the folder sees its changes, once.
   */
  readonly folderResources?: readonly ResourceChange[];
  /**
   * A Terraform file no node matches, in a module folder holding files nodes do match: the
   * module is one unit, so what this file changes there is those nodes' change too.
   */
  readonly reaches?: readonly string[];
}

/** Why a node counts as changed: a file, or a resource in a Terraform plan. */
/**
 * Where a change was read from, beside the changed files: a Terraform plan, a CloudFormation
 * change set, or manifests rendered from charts or overlays at the base and the head.
 */
export type ObjectSource = "plan" | "change-set" | "rendered";

export interface ChangeCause {
  readonly kind: "file" | ObjectSource;
  /** The changed file, or the plan, change set or rendered manifests it was read from. */
  readonly file: string;
  /** For files: how git or GitHub lists it. */
  readonly status?: FileStatus;
  /** For plans, change sets and rendered manifests (and Terraform files): the resource address. */
  readonly address?: string;
  /** Most serious first. */
  readonly classes: readonly ChangeClass[];
  /** The match rule that caught it, as written. */
  readonly rule: string;
  /** What the classes rest on; empty when the contents were not compared. */
  readonly evidence: readonly Evidence[];
}

export interface ChangedNode {
  readonly id: string;
  readonly kind: string;
  readonly owner?: string;
  readonly tier?: number;
  readonly classes: readonly ChangeClass[];
  readonly causes: readonly ChangeCause[];
  /** The resources behind the causes, when contents or a plan were read: for contracts. */
  readonly resources: readonly ResourceChange[];
}

/** One hop of an explanation path: `from` reaches `to` because `to` depends on `from` via `via`. */
export interface PathStep {
  readonly from: string;
  readonly to: string;
  readonly via: string;
  /** The edge was found in Terraform configuration, not declared in deps.yaml. */
  readonly discovered?: boolean;
}

/** How a change reaches an impacted node: the changed node, and the hops from it. */
export interface ImpactPath {
  readonly changed: string;
  readonly changeClass: ChangeClass;
  readonly steps: readonly PathStep[];
}

export type ImpactSeverity = "breaking" | "at-risk";

export interface ImpactedNode {
  readonly id: string;
  readonly kind: string;
  readonly owner?: string;
  readonly tier?: number;
  /** Shortest distance from any changed node. */
  readonly depth: number;
  readonly severity: ImpactSeverity;
  /** One shortest path from a changed node. The same frozen value on every read: data, not a view. */
  readonly path: ImpactPath;
  /** The shortest path whose every edge breaks on the change's class, when it is not `path`. */
  readonly breakingPath?: ImpactPath;
}

export type Risk = "none" | "low" | "medium" | "high";
export const RISKS: readonly Risk[] = ["none", "low", "medium", "high"];

export interface OwnerImpact {
  /** The owners key, or undefined for impacted nodes nobody owns. */
  readonly id?: string;
  readonly github?: string;
  readonly chat?: string;
  readonly breaking: readonly string[];
  readonly atRisk: readonly string[];
}

export interface Truncation {
  readonly reason: "max-depth";
  readonly limit: number;
  /** Nodes at the limit whose dependents were not followed. */
  readonly frontier: readonly string[];
}

export interface QuietFile {
  readonly file: string;
  readonly nodes: readonly string[];
  readonly reason: string;
}

/**
 * kept / broken / unchecked (the state could not be read, or rests on values known only at
 * apply); pending: a pending expectation that would break; waived: a broken one waived until
 * its date.
 */
export type ContractStatus = "kept" | "broken" | "unchecked" | "pending" | "waived";

export interface ContractOutcome {
  /** The dependent whose edge declares the expectation. */
  readonly dependent: string;
  /** The node it depends on (the changed node, in an analysis). */
  readonly upstream: string;
  /** As said to a reader: "trusts arn:…", "allows s3:GetObject", "exists". */
  readonly expectation: string;
  readonly kind: ExpectationKind;
  readonly status: ContractStatus;
  /** "role automation-runner no longer trusts arn:…; it did at base" */
  readonly reason: string;
  /** Where it broke: a file and line, or a plan address. */
  readonly evidence?: Evidence;
  /** The expectation is pending (whatever its status). */
  readonly pending?: boolean;
  /** Its waiver: the reason it is waived, or (status broken) one past its date. */
  readonly waiver?: Waiver & { readonly expired?: boolean };
  /**
   * The upstream change's classes this outcome decided on its edge: those a kept expectation
   * covers (the edge does not break on them), or all of them for a broken one.
   */
  readonly decides?: readonly ChangeClass[];
}

/** The one result every renderer and entry point shares. */
/**
 * Something the analysis could not judge: a file it could not read, parse or compare (too
 * large, beyond a limit, a symlink), or files it was never shown (beyond what the API lists).
 * The gate fails closed on these (`on-incomplete`); renderers say each one.
 */
export interface Unjudged {
  /** The file, or undefined for the change as a whole (files the API did not list). */
  readonly file?: string;
  readonly reason: string;
}

export interface Impact {
  readonly changed: readonly ChangedNode[];
  readonly impacted: readonly ImpactedNode[];
  readonly owners: readonly OwnerImpact[];
  readonly risk: Risk;
  /** Files that matched no node. */
  readonly unmatchedFiles: readonly string[];
  /** Files that matched a node, but in which nothing of that node changed (a comment, a neighbour). */
  readonly quietFiles: readonly QuietFile[];
  /** Plan resources that changed and match no node. */
  readonly unmatchedResources: readonly string[];
  /** Expectations of edges whose upstream changed: kept, broken, or not checkable. */
  readonly contracts: readonly ContractOutcome[];
  readonly truncated: Truncation | null;
  /** What could not be judged: when non-empty, the analysis is incomplete. */
  readonly unjudged: readonly Unjudged[];
}
