// Graph-health notes for the docs site: what makes the graph less useful than it looks (nobody
// to call, nothing that ever marks a node changed, contracts that can never be checked, rules
// that match nothing any more, waivers running out, cycles). Each note says what to do.

import { waiverWarnings } from "../config/waivers.js";
import { compactGraph } from "../graph/compact-graph.js";
import { findCycles } from "../graph/find-cycles.js";
import type { DepsConfig, Edge, GraphNode } from "../model.js";
import type { NodeMatches } from "./matched-today.js";

export interface HealthNote {
  readonly code: string;
  readonly severity: "warning" | "info";
  readonly node?: string;
  readonly owner?: string;
  readonly message: string;
  readonly hint: string;
}

export interface GraphHealthOptions {
  /** What each node matches in the repository now (matchedToday): then stale rules are noted. */
  readonly matches?: ReadonlyMap<string, NodeMatches>;
  /** YYYY-MM-DD (UTC): then waivers that ended or end within 14 days are noted. */
  readonly today?: string;
}

/** Kinds that stand for identities: a dependency on one is what a contract is for. */
const IDENTITY_KINDS = new Set(["iam-role", "service-account"]);
/** Ways of depending that go through an identity's trust or permissions. */
const IDENTITY_VIAS = new Set(["assumes-role", "token-exchange", "runs-as", "binds-role"]);
/** Kinds where a node no change can ever mark is a gap, not a choice. */
const CHANGEABLE_KINDS = new Set(["iam-role", "service-account", "iam-policy"]);
/** Files a contract's facts are read from: Terraform, templates, manifests, policy JSON. */
const READABLE_FILE = /\.(tf|tf\.json|json|ya?ml|template)$/;

/** Every note, ordered by code, then node, then message. */
export function graphHealth(config: DepsConfig, options: GraphHealthOptions = {}): HealthNote[] {
  const notes: HealthNote[] = [];
  const ownerOf = (node: GraphNode) => (node.owner === undefined ? {} : { owner: node.owner });

  const unreachable = new Map<string, string[]>();
  for (const node of config.nodes.values()) {
    if (node.owner === undefined) {
      notes.push({
        code: "no-owner",
        severity: "warning",
        node: node.id,
        message: `${node.id} has no owner: when it breaks, nobody is told`,
        hint: "add `owner:` naming the team that answers for it",
      });
    } else {
      const owner = config.owners.get(node.owner);
      if (owner && !owner.github && !owner.chat && !owner.email) {
        const list = unreachable.get(owner.id);
        if (list) list.push(node.id);
        else unreachable.set(owner.id, [node.id]);
      }
    }
    if (!hasRules(node)) {
      const gap = CHANGEABLE_KINDS.has(node.kind);
      notes.push({
        code: "no-match-rules",
        severity: gap ? "warning" : "info",
        node: node.id,
        ...ownerOf(node),
        message: gap
          ? `${node.id} has no match rules: a change to this ${node.kind} is never noticed, and nothing downstream of it is warned`
          : `${node.id} has no match rules: no change in a repository ever marks it changed (fine when it is defined elsewhere)`,
        hint: "add match.paths (or match.terraform, match.kubernetes, match.cloudformation) for the files that define it",
      });
    }
  }
  for (const [owner, nodes] of unreachable) {
    notes.push({
      code: "owner-unreachable",
      severity: "warning",
      owner,
      message: `owner ${owner} has no GitHub handle, chat channel or email, yet owns ${count(nodes.length, "node")} (${listed(nodes)})`,
      hint: "add `github:`, `chat:` or `email:` to the owner so the people to call can be found",
    });
  }

  for (const node of config.nodes.values()) {
    for (const edge of node.dependsOn) {
      const upstream = config.nodes.get(edge.to);
      if (!upstream) continue;
      if ((edge.expects ?? []).length > 0) {
        if (!mayReadContent(upstream))
          notes.push({
            code: "unchecked-contract",
            severity: "warning",
            node: node.id,
            ...ownerOf(node),
            message: `the contract ${node.id} expects of ${upstream.id} can never be checked: no rule of ${upstream.id} points at a file its facts can be read from`,
            hint: `add match.terraform, match.cloudformation or match.kubernetes rules to ${upstream.id}, or a match.paths rule on the .tf, .json or .yaml file that defines it`,
          });
      } else if (isIdentityEdge(edge, upstream) && node.tier !== undefined && node.tier <= 1) {
        notes.push({
          code: "no-contract",
          severity: "info",
          node: node.id,
          ...ownerOf(node),
          message: `${node.id} (tier ${node.tier}) depends on ${upstream.id} (${edge.via}) but says nothing of what it needs of it`,
          hint: `add \`expects:\` to the edge (trusts, allows, exists) so a change that breaks it is caught before it merges`,
        });
      }
    }
  }

  if (options.today !== undefined) {
    for (const warning of waiverWarnings(config.nodes.values(), options.today)) {
      const id = warning.keyPath?.[1];
      const node = typeof id === "string" ? config.nodes.get(id) : undefined;
      notes.push({
        code: warning.code,
        severity: "warning",
        ...(node ? { node: node.id, ...ownerOf(node) } : {}),
        message: warning.message,
        hint: warning.hint ?? "",
      });
    }
  }

  if (options.matches) {
    for (const node of config.nodes.values()) {
      for (const hit of options.matches.get(node.id)?.ruleHits ?? []) {
        if (hit.count > 0) continue;
        notes.push({
          code: "stale-rule",
          severity: "warning",
          node: node.id,
          ...ownerOf(node),
          message: `${node.id}: the ${RULE_NAMES[hit.kind]} rule "${hit.rule}" matches nothing in the repository`,
          hint: "fix it (a moved, renamed or misspelt path or resource?), or remove it if what it named is gone",
        });
      }
    }
  }

  for (const cycle of findCycles(compactGraph(config))) {
    const first = config.nodes.get(cycle[0] as string);
    const shown = cycle.length > 12 ? [...cycle.slice(0, 10), "…", cycle.at(-1)] : cycle;
    notes.push({
      code: "cycle",
      severity: "info",
      ...(first ? { node: first.id, ...ownerOf(first) } : {}),
      message: `dependency cycle: ${shown.join(" depends on ")}`,
      hint: "a cycle usually means an edge points the wrong way: `depends_on` is written on the dependent",
    });
  }

  return notes.sort(
    (a, b) =>
      compare(a.code, b.code) ||
      compare(a.node ?? "", b.node ?? "") ||
      compare(a.owner ?? "", b.owner ?? "") ||
      compare(a.message, b.message),
  );
}

const RULE_NAMES = {
  paths: "path",
  terraform: "Terraform",
  kubernetes: "Kubernetes",
  cloudformation: "CloudFormation",
} as const;

function hasRules(node: GraphNode): boolean {
  const m = node.match;
  return (
    m.paths.length > 0 ||
    m.terraform.length > 0 ||
    m.kubernetes.length > 0 ||
    (m.cloudformation ?? []).length > 0
  );
}

/**
 * Whether a contract's facts can ever be read of the node: an object rule, or a path rule that
 * names such a file or may cover one (a folder, `**`, a glob with no extension).
 */
function mayReadContent(node: GraphNode): boolean {
  const m = node.match;
  if (m.terraform.length > 0 || m.kubernetes.length > 0 || (m.cloudformation ?? []).length > 0)
    return true;
  return m.paths.some(({ glob }) => {
    if (glob.endsWith("/")) return true;
    const last = glob.slice(glob.lastIndexOf("/") + 1);
    if (READABLE_FILE.test(last)) return true;
    // `*`, `**`, `{a,b}`: any file may be among them; `*.sql` is no contract's file.
    return /[*?[{]/.test(last) && !/\.[A-Za-z0-9_-]+$/.test(last);
  });
}

function isIdentityEdge(edge: Edge, upstream: GraphNode): boolean {
  return IDENTITY_KINDS.has(upstream.kind) || IDENTITY_VIAS.has(edge.via);
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

function listed(ids: readonly string[]): string {
  const sorted = [...ids].sort(compare);
  return sorted.length > 5 ? `${sorted.slice(0, 5).join(", ")} …` : sorted.join(", ");
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Notes grouped by their code, each group in the notes' order (the pages list them so). */
export function notesByCode(notes: readonly HealthNote[]): Map<string, HealthNote[]> {
  const byCode = new Map<string, HealthNote[]>();
  for (const note of notes) {
    const list = byCode.get(note.code);
    if (list) list.push(note);
    else byCode.set(note.code, [note]);
  }
  return byCode;
}
