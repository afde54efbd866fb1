// Schema-checked YAML data -> the model. Defensive: a piece that failed the
// schema is skipped, so one typo does not cascade into a hundred "unknown node" errors.

import type { Edge, GraphNode, MatchRules, Owner, PathRule } from "../model.js";
import type { KeyPath } from "./key-path.js";

type Raw = Record<string, unknown>;

const REPO_QUALIFIED = /^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+):(.+)$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9._:/@+-]*$/;

export const DEFAULT_VIA = "depends-on";

function isRaw(value: unknown): value is Raw {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function strings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === "string" && v !== "")
    : [];
}

export function parsePathRule(source: string): PathRule {
  const qualified = REPO_QUALIFIED.exec(source);
  if (qualified?.[1] && qualified[2]) {
    return { repo: qualified[1].toLowerCase(), glob: stripDotSlash(qualified[2]), source };
  }
  return { glob: stripDotSlash(source), source };
}

function stripDotSlash(glob: string): string {
  return glob.startsWith("./") ? glob.slice(2) : glob.startsWith("/") ? glob.slice(1) : glob;
}

export function normaliseOwner(id: string, raw: unknown, file: string): Owner {
  const r = isRaw(raw) ? raw : {};
  return {
    id,
    github: str(r.github),
    chat: str(r.chat),
    email: str(r.email),
    declaredAt: { file },
  };
}

export interface EdgeSource {
  readonly edge: Edge;
  readonly keyPath: KeyPath;
}

export function normaliseNode(
  id: string,
  raw: unknown,
  file: string,
): { node: GraphNode; edges: EdgeSource[] } {
  const r = isRaw(raw) ? raw : {};
  const match = isRaw(r.match) ? r.match : {};
  const rules: MatchRules = {
    paths: strings(match.paths).map(parsePathRule),
    terraform: strings(match.terraform),
  };
  const edges: EdgeSource[] = [];
  const dependsOn = Array.isArray(r.depends_on) ? r.depends_on : [];
  dependsOn.forEach((entry, index) => {
    const keyPath = ["nodes", id, "depends_on", index];
    if (typeof entry === "string") {
      if (ID.test(entry)) {
        edges.push({
          edge: { from: id, to: entry, via: DEFAULT_VIA, declaredAt: { file } },
          keyPath,
        });
      }
      return;
    }
    if (!isRaw(entry)) return;
    const on = str(entry.on);
    if (!on || !ID.test(on)) return;
    const breaksOn = Array.isArray(entry.breaks_on) ? strings(entry.breaks_on) : undefined;
    edges.push({
      edge: {
        from: id,
        to: on,
        via: str(entry.via) ?? DEFAULT_VIA,
        breaksOn,
        description: str(entry.description),
        declaredAt: { file },
      },
      keyPath,
    });
  });
  const tier =
    typeof r.tier === "number" && Number.isInteger(r.tier) && r.tier >= 0 && r.tier <= 3
      ? r.tier
      : undefined;
  const node: GraphNode = {
    id,
    kind: str(r.kind) ?? "unknown",
    owner: str(r.owner),
    tier,
    description: str(r.description),
    docs: str(r.docs),
    runbook: str(r.runbook),
    match: rules,
    dependsOn: edges.map((e) => e.edge),
    declaredAt: { file },
  };
  return { node, edges };
}
