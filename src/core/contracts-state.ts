// Every contract of the graph, verified against the state of its upstream (a commit, a plan's
// planned state) rather than against a change: `blastradius contracts` and the Action's
// contracts mode. Pure: the state is read by the caller (app/read-contract-state.ts).

import { judgeExpectation, says, type Upstream, withLifecycle } from "./contracts.js";
import type { ContractOutcome, ContractStatus, DepsConfig, Evidence, Owner } from "./model.js";
import { whereOf } from "./render/explain.js";

/** What a reader needs to reach a node's owner. */
export interface OwnerContact {
  readonly id: string;
  readonly github?: string;
  readonly chat?: string;
  readonly email?: string;
}

/** One expectation of one edge, verified: an outcome with both parties' owners. */
export interface ContractRow extends ContractOutcome {
  /** The dependent's owner: the one who declared the contract. */
  readonly dependentOwner?: OwnerContact;
  /** The upstream's owner: the one who must keep it. */
  readonly upstreamOwner?: OwnerContact;
  /** Where the verdict rests: `file:line`, or a plan address; absent when nothing was read. */
  readonly where?: string;
  /** Where the expectation is written in deps.yaml (`deps.yaml:42`), when known. */
  readonly declaredAt?: string;
}

/** What the contracts were verified against, for a reader: "HEAD (1a2b3c4)", "plan p.json". */
export interface StateSource {
  readonly kind: "git" | "plan";
  /** The ref as given (HEAD, main, a tag), or the plan file. */
  readonly name: string;
  /** The commit the ref named. */
  readonly commit?: string;
}

export interface ContractMatrix {
  readonly source: StateSource;
  /** Declaration order: by dependent, then upstream, then as written. */
  readonly rows: readonly ContractRow[];
  readonly counts: Readonly<Record<ContractStatus, number>>;
  /** Said beside the matrix: what was not read, and why. */
  readonly notes: readonly string[];
}

/** Most urgent first: the order of the matrix as shown. */
export const STATUS_ORDER: readonly ContractStatus[] = [
  "broken",
  "waived",
  "pending",
  "unchecked",
  "kept",
];

/** An upstream's state as read by the caller, without its id and mode. */
export type UpstreamState = Omit<Upstream, "id" | "mode">;

export interface VerifyOptions {
  /** Today (YYYY-MM-DD), for waivers: without it no waiver is honoured. */
  readonly today?: string;
  readonly notes?: readonly string[];
  /** The deps.yaml place of an expectation's key path (from the node id), when known. */
  readonly placeOf?: (
    dependent: string,
    keyPath: readonly (string | number)[],
  ) => string | undefined;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The nodes some edge's contract depends on: the only ones whose state is worth reading. */
export function contractUpstreams(config: Pick<DepsConfig, "nodes">): string[] {
  const ids = new Set<string>();
  for (const node of config.nodes.values())
    for (const edge of node.dependsOn) if (edge.expects?.length) ids.add(edge.to);
  return [...ids].sort(byId);
}

function contactOf(owners: ReadonlyMap<string, Owner>, id: string | undefined) {
  if (id === undefined) return undefined;
  const owner = owners.get(id);
  return {
    id,
    ...(owner?.github ? { github: owner.github } : {}),
    ...(owner?.chat ? { chat: owner.chat } : {}),
    ...(owner?.email ? { email: owner.email } : {}),
  };
}

const whereText = (e: Evidence | undefined) => (e ? whereOf(e) : undefined);

/**
 * Every expectation of every edge, judged against its upstream's state (`stateOf`: undefined
 * when nothing was read of it, so its contracts are unchecked).
 */
export function verifyContracts(
  config: Pick<DepsConfig, "nodes" | "owners">,
  source: StateSource,
  stateOf: (id: string) => UpstreamState | undefined,
  options: VerifyOptions = {},
): ContractMatrix {
  const rows: ContractRow[] = [];
  const dependents = [...config.nodes.values()].sort((a, b) => byId(a.id, b.id));
  for (const node of dependents) {
    const edges = node.dependsOn
      .filter((e) => e.expects?.length)
      .sort((a, b) => byId(a.to, b.to) || a.index - b.index);
    for (const edge of edges) {
      const upstreamNode = config.nodes.get(edge.to);
      const state = stateOf(edge.to);
      const upstream: Upstream = {
        id: edge.to,
        mode: "state",
        deleted: state?.deleted ?? false,
        resources: state?.resources ?? [],
        unread: state?.unread ?? (state ? undefined : `the state of ${edge.to} was not read`),
      };
      for (const expectation of edge.expects ?? []) {
        const verdict = withLifecycle(judgeExpectation(expectation, upstream), expectation, {
          today: options.today,
        });
        const where = whereText(verdict.evidence);
        const declaredAt = options.placeOf?.(node.id, [
          "nodes",
          node.id,
          "depends_on",
          edge.index,
          "expects",
          ...expectation.keyPath,
        ]);
        const dependentOwner = contactOf(config.owners, node.owner);
        const upstreamOwner = contactOf(config.owners, upstreamNode?.owner);
        rows.push({
          dependent: node.id,
          upstream: edge.to,
          expectation: says(expectation),
          kind: expectation.kind,
          ...verdict,
          ...(dependentOwner ? { dependentOwner } : {}),
          ...(upstreamOwner ? { upstreamOwner } : {}),
          ...(where ? { where } : {}),
          ...(declaredAt ? { declaredAt } : {}),
        });
      }
    }
  }
  const counts = { broken: 0, waived: 0, pending: 0, unchecked: 0, kept: 0 };
  for (const row of rows) counts[row.status]++;
  return { source, rows, counts, notes: options.notes ?? [] };
}

/** The rows most urgent first (broken, waived, pending, unchecked, kept), stable within a status. */
export function byUrgency(rows: readonly ContractRow[]): ContractRow[] {
  return [...rows].sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status));
}

/** "1 broken, 0 waived, 0 pending, 2 unchecked, 3 kept" */
export function countsLine(counts: Readonly<Record<ContractStatus, number>>): string {
  return STATUS_ORDER.map((s) => `${counts[s]} ${s}`).join(", ");
}

/** "HEAD (1a2b3c4)", "the plan p.json" */
export function sourceLabel(source: StateSource): string {
  if (source.kind === "plan") return `the plan ${source.name}`;
  return source.commit ? `${source.name} (${source.commit.slice(0, 7)})` : source.name;
}
