// The weekly blast-radius report: every change of a window with its blast radius, what it
// means per owner, where it hit most, and where the graph itself is fragile. Pure: the changes
// come in (from git or merged pull requests), the report goes out.

import type { AnalysisModel } from "../analysis-model.js";
import { analyze } from "../analyze.js";
import { degree } from "../graph/adjacency.js";
import { findCycles } from "../graph/find-cycles.js";
import { reachable } from "../graph/reachable.js";
import { digestImpact, type ImpactDigest } from "../impact-digest.js";
import type { FileChange, Risk } from "../model.js";
import { RISKS } from "../model.js";

/** A change of the window: a commit, or a merged pull request. */
export interface ChangeRecord {
  /** A sha, or "#123". */
  readonly id: string;
  readonly title: string;
  readonly author: string;
  /** Seconds since the epoch: commit time, or merge time. */
  readonly time: number;
  readonly url?: string;
  readonly repo?: string;
  readonly files: readonly FileChange[];
  /** The analysis as it was at merge (from the pull request's comment); else it is recomputed. */
  readonly atMerge?: ImpactDigest;
}

export interface ReportedChange extends Omit<ChangeRecord, "files" | "atMerge"> {
  readonly impact: ImpactDigest;
  /** True when the analysis was made now against the current graph, not taken from the pull request. */
  readonly recomputed: boolean;
  readonly fileCount: number;
}

export interface OwnerDigest {
  readonly owner: string;
  readonly github?: string;
  readonly changes: readonly {
    readonly id: string;
    readonly title: string;
    readonly url?: string;
    readonly breaking: readonly string[];
    readonly atRisk: readonly string[];
  }[];
}

export interface Report {
  readonly since: number;
  readonly until: number;
  readonly source: string;
  readonly headline: {
    readonly changes: number;
    readonly withImpact: number;
    readonly byRisk: Readonly<Record<Risk, number>>;
  };
  readonly previous?: Report["headline"];
  readonly changes: readonly ReportedChange[];
  readonly riskiest: readonly ReportedChange[];
  readonly owners: readonly OwnerDigest[];
  readonly hotspots: readonly {
    readonly node: string;
    readonly times: number;
    readonly breaking: number;
  }[];
  readonly perDay: readonly {
    readonly day: string;
    readonly changes: number;
    readonly impacted: number;
  }[];
  readonly health: {
    readonly noOwner: readonly string[];
    readonly unmatchedRules: readonly { readonly node: string; readonly rule: string }[];
    readonly reach: readonly { readonly node: string; readonly downstream: number }[];
    readonly cycles: readonly (readonly string[])[];
  };
  /** GitHub API requests the report took, when it read GitHub. */
  readonly requests?: number;
}

const day = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

function impactOf(
  model: AnalysisModel,
  record: ChangeRecord,
): { impact: ImpactDigest; recomputed: boolean } {
  if (record.atMerge) return { impact: record.atMerge, recomputed: false };
  const impact = analyze(
    model,
    record.files.map((f) => (record.repo ? { ...f, repo: record.repo.toLowerCase() } : f)),
  );
  const { cut: _all, ...digest } = digestImpact(impact);
  return { impact: digest, recomputed: true };
}

function headlineOf(changes: readonly ReportedChange[]): Report["headline"] {
  const byRisk = Object.fromEntries(RISKS.map((r) => [r, 0])) as Record<Risk, number>;
  for (const c of changes) byRisk[c.impact.risk]++;
  return {
    changes: changes.length,
    withImpact: changes.filter((c) => c.impact.impacted.length > 0).length,
    byRisk,
  };
}

/** The nodes with the most downstream nodes: where one change reaches furthest. */
function largestReach(model: AnalysisModel, top: number): { node: string; downstream: number }[] {
  const graph = model.compact;
  const n = graph.ids.length;
  // Measured for the nodes with the most direct dependents, not all of them: enough to find the largest.
  const candidates = Array.from({ length: n }, (_, i) => i)
    .sort((a, b) => degree(graph, b, "down") - degree(graph, a, "down"))
    .slice(0, 200);
  const result = candidates.map((start) => ({
    node: graph.ids[start] as string,
    downstream: reachable(graph, [start]).nodes.length - 1,
  }));
  return result
    .filter((r) => r.downstream > 0)
    .sort((a, b) => b.downstream - a.downstream || (a.node < b.node ? -1 : 1))
    .slice(0, top);
}

export function buildReport(
  model: AnalysisModel,
  window: { readonly since: number; readonly until: number; readonly source: string },
  records: readonly ChangeRecord[],
  previousRecords?: readonly ChangeRecord[],
): Report {
  const changes: ReportedChange[] = [...records]
    .sort((a, b) => b.time - a.time)
    .map((record) => {
      const { files, atMerge: _atMerge, ...rest } = record;
      return { ...rest, ...impactOf(model, record), fileCount: files.length };
    });
  const order = (c: ReportedChange) =>
    RISKS.indexOf(c.impact.risk) * 1e9 + c.impact.impacted.length;
  const riskiest = changes
    .filter((c) => c.impact.impacted.length > 0)
    .sort((a, b) => order(b) - order(a))
    .slice(0, 10);

  const byOwner = new Map<string, OwnerDigest["changes"][number][]>();
  const hits = new Map<string, { times: number; breaking: number }>();
  for (const change of changes) {
    const mine = new Map<string, { breaking: string[]; atRisk: string[] }>();
    for (const node of change.impact.impacted) {
      const spot = hits.get(node.id) ?? { times: 0, breaking: 0 };
      spot.times++;
      if (node.severity === "breaking") spot.breaking++;
      hits.set(node.id, spot);
      if (!node.owner) continue;
      const entry = mine.get(node.owner) ?? { breaking: [], atRisk: [] };
      (node.severity === "breaking" ? entry.breaking : entry.atRisk).push(node.id);
      mine.set(node.owner, entry);
    }
    for (const [owner, nodes] of mine) {
      const list = byOwner.get(owner) ?? [];
      list.push({
        id: change.id,
        title: change.title,
        ...(change.url ? { url: change.url } : {}),
        ...nodes,
      });
      byOwner.set(owner, list);
    }
  }
  const owners = [...byOwner.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([owner, list]): OwnerDigest => {
      const github = model.config.owners.get(owner)?.github;
      return { owner, ...(github ? { github } : {}), changes: list };
    });
  const hotspots = [...hits.entries()]
    .map(([node, h]) => ({ node, ...h }))
    .sort((a, b) => b.times - a.times || b.breaking - a.breaking || (a.node < b.node ? -1 : 1))
    .slice(0, 10);

  const days = new Map<string, { changes: number; impacted: number }>();
  for (let t = window.since; t <= window.until; t += 86_400)
    days.set(day(t), { changes: 0, impacted: 0 });
  for (const c of changes) {
    const d = days.get(day(c.time)) ?? { changes: 0, impacted: 0 };
    d.changes++;
    d.impacted += c.impact.impacted.length;
    days.set(day(c.time), d);
  }

  // Match rules that matched no changed file in the window: possibly stale.
  const touched = new Set<string>();
  for (const record of records) {
    for (const f of record.files)
      for (const hit of model.paths.match(f.path, record.repo?.toLowerCase()))
        touched.add(`${hit.node}\u0000${hit.rule.source}`);
  }
  const unmatchedRules: { node: string; rule: string }[] = [];
  for (const node of model.config.nodes.values()) {
    for (const rule of node.match.paths)
      if (!touched.has(`${node.id}\u0000${rule.source}`))
        unmatchedRules.push({ node: node.id, rule: rule.source });
  }

  return {
    since: window.since,
    until: window.until,
    source: window.source,
    headline: headlineOf(changes),
    ...(previousRecords
      ? {
          previous: headlineOf(
            previousRecords.map((r) => ({
              ...r,
              ...impactOf(model, r),
              fileCount: r.files.length,
            })),
          ),
        }
      : {}),
    changes,
    riskiest,
    owners,
    hotspots,
    perDay: [...days.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([d, v]) => ({ day: d, ...v })),
    health: {
      noOwner: [...model.config.nodes.values()].filter((n) => !n.owner).map((n) => n.id),
      unmatchedRules,
      reach: largestReach(model, 10),
      cycles: findCycles(model.compact),
    },
  };
}
