// The shared vocabulary of blastradius: every layer speaks in these types.

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
  readonly declaredAt: SourceLocation;
}

/** A path rule; `repo` (owner/name, lower-case) limits it to one repository. */
export interface PathRule {
  readonly repo?: string;
  readonly glob: string;
  /** The rule as written in deps.yaml, for messages. */
  readonly source: string;
}

export interface MatchRules {
  readonly paths: readonly PathRule[];
  readonly terraform: readonly string[];
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
  /** Its place in the dependent's depends_on list, for messages; the file is the dependent's. */
  readonly index: number;
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
}

/** A validated, normalised deps.yaml with all of its includes. */
export interface DepsConfig {
  readonly version: 1;
  readonly owners: ReadonlyMap<string, Owner>;
  readonly nodes: ReadonlyMap<string, GraphNode>;
  /** Every file read, the entry file first. */
  readonly files: readonly string[];
}

/**
 * What kind of change hit a node. Plain file changes give added / modified / deleted / renamed;
 * richer analysers add their own classes (trust-narrowed, permissions-removed …), so the type
 * stays open.
 */
export type ChangeClass =
  | "added"
  | "modified"
  | "deleted"
  | "renamed"
  | (string & Record<never, never>);

export type FileStatus = "added" | "modified" | "removed" | "renamed";

export interface FileChange {
  readonly path: string;
  readonly status: FileStatus;
  /** For renames: the path before. Both paths are matched. */
  readonly previousPath?: string;
  /** owner/name of the repository the file is in, when known. */
  readonly repo?: string;
}

/** Why a node counts as changed. */
export interface ChangeCause {
  readonly kind: "file";
  readonly file: string;
  readonly status: FileStatus;
  readonly class: ChangeClass;
  /** The match rule that caught the file, as written. */
  readonly rule: string;
}

export interface ChangedNode {
  readonly id: string;
  readonly kind: string;
  readonly owner?: string;
  readonly tier?: number;
  readonly classes: readonly ChangeClass[];
  readonly causes: readonly ChangeCause[];
}

/** One hop of an explanation path: `from` reaches `to` because `to` depends on `from` via `via`. */
export interface PathStep {
  readonly from: string;
  readonly to: string;
  readonly via: string;
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
  /** One shortest path from a changed node. */
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

/** The one result every renderer and entry point shares. */
export interface Impact {
  readonly changed: readonly ChangedNode[];
  readonly impacted: readonly ImpactedNode[];
  readonly owners: readonly OwnerImpact[];
  readonly risk: Risk;
  /** Files that matched no node. */
  readonly unmatchedFiles: readonly string[];
  readonly truncated: Truncation | null;
}
