import { describe, expect, it } from "vitest";
import { type UpstreamState, verifyContracts } from "../contracts-state.js";
import { modelOf } from "../testing/helpers.js";
import { contractsByNode } from "./node-contracts.js";

const model = modelOf(`version: 1
owners: {}
nodes:
  role: {kind: iam-role}
  gone: {kind: table}
  svc:
    kind: service
    depends_on:
      - on: role
        via: assumes-role
        expects: {trusts: ["arn:aws:iam::1:role/a"], exists: true}
      - on: gone
        via: reads
        expects: {exists: true, waive: {until: "2099-01-01", reason: "moving it"}}
  new:
    kind: service
    depends_on:
      - on: role
        via: assumes-role
        expects: {allows: ["s3:GetObject"], pending: true}
`);

describe("contracts by node", () => {
  it("without a matrix: every line in plain words, not checked, both sides of the edge", () => {
    const of = contractsByNode(model.config);
    expect(of("svc").expects.map((l) => `${l.status}: ${l.words}`)).toEqual([
      "not checked: svc expects role to trust arn:aws:iam::1:role/a",
      "not checked: svc expects role to exist",
      "not checked: svc expects gone to exist",
    ]);
    expect(of("role").expectedOfIt.map((l) => l.dependent)).toEqual(["svc", "svc", "new"]);
    expect(of("new").expects[0]?.words).toBe(
      "new expects role to allow s3:GetObject (new: it may not hold yet)",
    );
    expect(of("gone").expectedOfIt[0]?.waiver).toEqual({
      until: "2099-01-01",
      reason: "moving it",
    });
    expect(of("nobody")).toEqual({ expects: [], expectedOfIt: [] });
  });

  it("with a matrix: each line takes its row's status and reason", () => {
    const states = new Map<string, UpstreamState>([
      ["role", { deleted: false, resources: [] }],
      ["gone", { deleted: true, resources: [] }],
    ]);
    const matrix = verifyContracts(
      model.config,
      { kind: "git", name: "HEAD" },
      (id) => states.get(id),
      { today: "2026-11-30" },
    );
    const of = contractsByNode(model.config, matrix);
    const gone = of("gone").expectedOfIt[0];
    const row = matrix.rows.find((r) => r.upstream === "gone");
    expect(row?.status).toBe("waived");
    expect(gone).toMatchObject({ status: "waived", detail: row?.reason });
    for (const line of [...of("svc").expects, ...of("new").expects])
      expect(line.status).not.toBe("not checked");
    expect(of("svc").expects).toHaveLength(3);
  });
});
