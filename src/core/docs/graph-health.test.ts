import { describe, expect, it } from "vitest";
import type { DepsConfig } from "../model.js";
import { load, located } from "../testing/helpers.js";
import { graphHealth } from "./graph-health.js";
import { matchedToday } from "./matched-today.js";

function configOf(yaml: string): DepsConfig {
  const result = load({ "deps.yaml": yaml });
  if (!result.config) throw new Error(JSON.stringify(located(result).errors));
  return result.config;
}

const HEALTHY = `version: 1
owners:
  iam: {github: "@acme/iam"}
  app: {chat: "#app"}
nodes:
  role:
    kind: iam-role
    owner: iam
    tier: 0
    match: {paths: [infra/role.tf]}
  svc:
    kind: service
    owner: app
    tier: 0
    match: {paths: ["svc/**"]}
    depends_on:
      - on: role
        via: assumes-role
        expects: {trusts: ["arn:aws:iam::1:role/svc"]}
`;

const SICK = `version: 1
owners:
  iam: {github: "@acme/iam"}
  silent: {}
nodes:
  role:
    kind: iam-role
    owner: silent
    tier: 0
  sa:
    kind: service-account
    owner: iam
    match: {paths: [db/schema.sql]}
  svc:
    kind: service
    tier: 1
    match: {paths: ["svc/**", svc/gone.txt]}
    depends_on:
      - on: role
        via: assumes-role
        expects:
          trusts: ["arn:aws:iam::1:role/svc"]
          waive: {until: "2026-12-05", reason: "moving"}
      - on: sa
        via: runs-as
        expects:
          exists: true
          waive: {until: "2026-11-01", reason: "old"}
  batch:
    kind: job
    owner: iam
    tier: 0
    match: {paths: ["batch/**"]}
    depends_on:
      - on: role
        via: token-exchange
      - on: loop
        via: calls
  loop:
    kind: job
    owner: iam
    tier: 3
    match: {paths: ["loop/**"]}
    depends_on:
      - on: batch
        via: calls
      - on: sa
        via: runs-as
`;

describe("graphHealth", () => {
  it("has nothing to say of a graph with owners, rules and checkable contracts", () => {
    const config = configOf(HEALTHY);
    const matches = matchedToday(config, { files: ["infra/role.tf", "svc/main.go"] });
    expect(graphHealth(config, { matches, today: "2026-11-30" })).toEqual([]);
  });

  it("says each problem once, ordered by code then node, each with a hint", () => {
    const config = configOf(SICK);
    const matches = matchedToday(config, { files: ["svc/main.go", "batch/run.py", "loop/a"] });
    const notes = graphHealth(config, { matches, today: "2026-11-30" });
    expect(notes.map((n) => [n.code, n.severity, n.node ?? `owner ${n.owner}`])).toEqual([
      ["cycle", "info", "batch"],
      ["no-contract", "info", "batch"],
      ["no-match-rules", "warning", "role"],
      ["no-owner", "warning", "svc"],
      ["owner-unreachable", "warning", "owner silent"],
      ["stale-rule", "warning", "sa"],
      ["stale-rule", "warning", "svc"],
      ["unchecked-contract", "warning", "svc"],
      ["unchecked-contract", "warning", "svc"],
      ["waiver-expired", "warning", "svc"],
      ["waiver-expiring", "warning", "svc"],
    ]);
    for (const note of notes) {
      expect(note.message).not.toMatch(/undefined|\[object/);
      expect(note.hint.length).toBeGreaterThan(10);
    }
    const text = notes.map((n) => n.message).join("\n");
    expect(text).toContain(
      "owner silent has no GitHub handle, chat channel or email, yet owns 1 node (role)",
    );
    expect(text).toContain('the path rule "svc/gone.txt" matches nothing');
    expect(text).toContain('the path rule "db/schema.sql" matches nothing');
    expect(text).toContain("dependency cycle: batch depends on loop depends on batch");
    expect(text).toContain("ends on 2026-12-05, in 5 days");
    // batch is tier 0 and exchanges tokens for the role with no contract; loop is tier 3.
    expect(notes.find((n) => n.code === "no-contract")?.message).toBe(
      "batch (tier 0) depends on role (token-exchange) but says nothing of what it needs of it",
    );
    expect(notes.find((n) => n.code === "no-contract")?.owner).toBe("iam");
  });

  it("says the same whatever order the nodes are declared in", () => {
    const config = configOf(SICK);
    const reversed = { ...config, nodes: new Map([...config.nodes].reverse()) };
    const files = { files: ["svc/main.go", "batch/run.py", "loop/a"] };
    const options = (c: DepsConfig) => ({ matches: matchedToday(c, files), today: "2026-11-30" });
    expect(graphHealth(reversed, options(reversed))).toEqual(graphHealth(config, options(config)));
  });

  it("starts a cycle at its smallest id, wherever the search met it", () => {
    const config = configOf(`version: 1
owners: {o: {github: "@o"}}
nodes:
  zeta: {kind: job, owner: o, match: {paths: [z]}, depends_on: [{on: mu, via: calls}]}
  mu: {kind: job, owner: o, match: {paths: [m]}, depends_on: [{on: alpha, via: calls}]}
  alpha: {kind: job, owner: o, match: {paths: [a]}, depends_on: [{on: zeta, via: calls}]}
`);
    const cycles = graphHealth(config).filter((n) => n.code === "cycle");
    expect(cycles.map((n) => [n.node, n.message])).toEqual([
      ["alpha", "dependency cycle: alpha depends on zeta depends on mu depends on alpha"],
    ]);
  });

  it("leaves stale rules and waivers out when it is given no matches and no day", () => {
    const codes = graphHealth(configOf(SICK), {}).map((n) => n.code);
    expect(codes).not.toContain("stale-rule");
    expect(codes.filter((c) => c.startsWith("waiver"))).toEqual([]);
    expect(codes).toContain("unchecked-contract");
  });

  it("counts a contract checkable through an object rule, a manifest, or a folder", () => {
    const upstream = (match: string) =>
      graphHealth(
        configOf(`version: 1
owners: {o: {github: "@o"}}
nodes:
  up: {kind: iam-role, owner: o, match: ${match}}
  down:
    kind: service
    owner: o
    match: {paths: [x]}
    depends_on: [{on: up, via: assumes-role, expects: {exists: true}}]
`),
      ).map((n) => n.code);
    for (const checkable of [
      "{terraform: [aws_iam_role.up]}",
      "{kubernetes: [ServiceAccount/ns/up]}",
      "{paths: [k8s/sa.yaml]}",
      '{paths: ["infra/"]}',
      '{paths: ["infra/**"]}',
      '{paths: ["cfn/*.template.json"]}',
    ])
      expect(upstream(checkable), checkable).not.toContain("unchecked-contract");
    for (const unreadable of ["{paths: [src/role.py]}", '{paths: ["docs/*.md"]}'])
      expect(upstream(unreadable), unreadable).toContain("unchecked-contract");
  });
});
