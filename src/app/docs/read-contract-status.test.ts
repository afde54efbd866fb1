// Contract lines of the bundled example with their status from a real `contracts` reading (the
// example committed to a git repository), and "not checked" with why outside one.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exampleHistory, rotateJobRunner } from "../../../test/git-history.js";
import { contractsByNode } from "../../core/docs/node-contracts.js";
import { loadModel } from "../load-model.js";
import { readContractStatus } from "./read-contract-status.js";

const ROLE = "iam-role/automation-runner";
const TRUST = "arn:aws:iam::111111111111:role/job-runner";

describe("contract status for the docs", () => {
  const history = exampleHistory(5);
  const outside = mkdtempSync(join(tmpdir(), "br-no-git-"));
  afterAll(() => {
    history.remove();
    rmSync(outside, { recursive: true, force: true });
  });
  const loaded = loadModel(join(history.dir, "deps.yaml"));
  const summary = (lines: readonly { words: string; status: string }[]) =>
    lines.map((l) => `${l.status}: ${l.words}`);

  it("at HEAD: the job runners' trust and existence hold, each said in plain words; the OIDC trust unknown", async () => {
    const read = await readContractStatus(loaded, { today: "2026-11-30" }, { cwd: history.dir });
    expect(read.why).toBeUndefined();
    const lines = contractsByNode(loaded.model.config, read.matrix)(ROLE);
    expect(lines.expects).toEqual([]);
    expect(summary(lines.expectedOfIt)).toEqual([
      `holds: service/external-job-runner expects ${ROLE} to trust ${TRUST}`,
      `holds: service/external-job-runner expects ${ROLE} to exist`,
      // A federated principal under conditions: the state cannot tell, and the line says so.
      `unknown: service/deploy-pipeline expects ${ROLE} to trust arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com`,
    ]);
    expect(lines.expectedOfIt[0]).toMatchObject({
      dependent: "service/external-job-runner",
      via: "assumes-role",
      kind: "trusts",
      value: TRUST,
    });
    expect(lines.expectedOfIt[0]?.detail).toBeTruthy();
    expect(lines.expectedOfIt[2]?.detail).toBeTruthy();
    // The same line, from the dependent's side.
    const runner = contractsByNode(loaded.model.config, read.matrix)("service/external-job-runner");
    expect(runner.expects[0]).toEqual(lines.expectedOfIt[0]);
  });

  it("after the 2 a.m. rotation the job runners' trust is broken, with why", async () => {
    history.commit(
      1,
      "examples/terraform/iam/automation-runner.tf",
      "rotate",
      "iam-bot",
      rotateJobRunner,
    );
    const read = await readContractStatus(loaded, { today: "2026-11-30" }, { cwd: history.dir });
    const [trust] = contractsByNode(loaded.model.config, read.matrix)(ROLE).expectedOfIt;
    expect(trust?.status).toBe("broken");
    expect(trust?.detail).toContain(TRUST);
  });

  it("outside a git repository: not checked, one sentence why, no failure", async () => {
    const read = await readContractStatus(loaded, {}, { cwd: outside });
    expect(read.matrix).toBeUndefined();
    expect(read.why).toContain("not inside a git repository");
    const lines = contractsByNode(loaded.model.config, read.matrix)(ROLE).expectedOfIt;
    expect(lines.map((l) => l.status)).toEqual(["not checked", "not checked", "not checked"]);
  });
});
