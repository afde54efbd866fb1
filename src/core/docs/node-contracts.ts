// The contracts on a node's page, in plain words: those it expects of its upstreams and those
// its dependents expect of it, with their status at the state read (when one was). Indexed once
// for the whole graph; a page asks in O(1).

import { says } from "../contracts.js";
import type { ContractMatrix, ContractRow } from "../contracts-state.js";
import type { ContractStatus, DepsConfig, ExpectationKind, Waiver } from "../model.js";

export type ContractLineStatus =
  | "holds"
  | "broken"
  | "unknown"
  | "pending"
  | "waived"
  | "not checked";

export interface ContractLine {
  readonly dependent: string;
  readonly upstream: string;
  readonly via: string;
  readonly kind: ExpectationKind;
  readonly value?: string;
  /** "service/a expects iam-role/b to trust arn:…" */
  readonly words: string;
  readonly status: ContractLineStatus;
  /** Why, from the matrix (its reason). */
  readonly detail?: string;
  /** Where the verdict rests (`file:line`, a plan address), from the matrix. */
  readonly where?: string;
  readonly waiver?: Waiver;
}

export interface NodeContracts {
  readonly expects: readonly ContractLine[];
  readonly expectedOfIt: readonly ContractLine[];
}

/** The matrix's statuses as a page says them. */
const STATUS: Record<ContractStatus, ContractLineStatus> = {
  kept: "holds",
  broken: "broken",
  unchecked: "unknown",
  pending: "pending",
  waived: "waived",
};

/** "trusts X" as "expects … to" takes it: "trust X"; "exists": "exist" (as contracts.ts says it). */
const infinitive = (said: string) => said.replace(/^(\w+)s\b/, "$1");

const NONE: NodeContracts = { expects: [], expectedOfIt: [] };

const keyOf = (dependent: string, upstream: string, expectation: string) =>
  `${dependent}\u0000${upstream}\u0000${expectation}`;

export function contractsByNode(
  config: Pick<DepsConfig, "nodes">,
  matrix?: ContractMatrix,
): (id: string) => NodeContracts {
  // The matrix's rows by what they speak of; two edges to one upstream saying the same thing
  // come in edge order, so each is taken from the front as the edges are walked in that order.
  const rows = new Map<string, ContractRow[]>();
  for (const row of matrix?.rows ?? []) {
    const key = keyOf(row.dependent, row.upstream, row.expectation);
    const list = rows.get(key);
    if (list) list.push(row);
    else rows.set(key, [row]);
  }
  const byNode = new Map<string, { expects: ContractLine[]; expectedOfIt: ContractLine[] }>();
  const entry = (id: string) => {
    let found = byNode.get(id);
    if (!found) {
      found = { expects: [], expectedOfIt: [] };
      byNode.set(id, found);
    }
    return found;
  };
  for (const node of config.nodes.values()) {
    const edges = node.dependsOn.filter((e) => e.expects?.length).sort((a, b) => a.index - b.index);
    for (const edge of edges) {
      for (const expectation of edge.expects ?? []) {
        const said = says(expectation);
        const row = matrix ? rows.get(keyOf(node.id, edge.to, said))?.shift() : undefined;
        const waiver = row?.waiver ?? expectation.waive;
        const line: ContractLine = {
          dependent: node.id,
          upstream: edge.to,
          via: edge.via,
          kind: expectation.kind,
          ...(expectation.value !== undefined ? { value: expectation.value } : {}),
          words: `${node.id} expects ${edge.to} to ${infinitive(said)}${expectation.pending ? " (new: it may not hold yet)" : ""}`,
          status: row ? STATUS[row.status] : "not checked",
          ...(row ? { detail: row.reason } : {}),
          ...(row?.where ? { where: row.where } : {}),
          ...(waiver ? { waiver: { until: waiver.until, reason: waiver.reason } } : {}),
        };
        entry(node.id).expects.push(line);
        entry(edge.to).expectedOfIt.push(line);
      }
    }
  }
  return (id) => byNode.get(id) ?? NONE;
}
