// The built CLI prints what a hostile repository or pull request brings without letting a
// terminal act on it: file names, commit subjects and authors, and the text of error messages.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectInert, HOSTILE, HOSTILE_SHORT } from "../src/core/testing/hostile.js";
import { exampleHistory, type History, rotateJobRunner, runCli } from "./git-history.js";

describe("the CLI's outputs carry no live control", () => {
  it("check, as text and JSON, with a hostile changed file name", () => {
    const file = `examples/terraform/iam/role${HOSTILE}.tf`;
    for (const format of ["text", "json", "markdown", "mermaid"]) {
      const result = runCli(["check", "--files", file, "--format", format]);
      expect(result.stderr).toBe("");
      // Markdown and the chart count unmatched files without naming them.
      expectInert(result.stdout, { shows: format === "text" || format === "json" });
    }
    // The name is kept exactly where it is data (nothing was dropped to stay clean).
    const json = JSON.parse(runCli(["check", "--files", file, "--format", "json"]).stdout);
    expect(json.unmatchedFiles).toEqual([file]);
  });

  describe("suspects, with a hostile commit subject and author", () => {
    let history: History;
    beforeAll(() => {
      history = exampleHistory(5);
      history.commit(
        1,
        "examples/terraform/iam/automation-runner.tf",
        `harmless${HOSTILE_SHORT}`,
        `mallory${HOSTILE_SHORT.replace(/\n/g, " ")}`,
        rotateJobRunner,
      );
    });
    afterAll(() => history.remove());

    it.each(["text", "markdown", "json"])("--format %s", (format) => {
      const result = history.run(
        "suspects",
        "table/warehouse.orders",
        "--since",
        "1d",
        "--format",
        format,
      );
      expect(result.stderr).toBe("");
      expect(result.stdout).toContain("harmless");
      // Markdown and the chart count unmatched files without naming them.
      expectInert(result.stdout, { shows: format === "text" || format === "json" });
    });
  });

  it("an error message quoting a hostile id, on stderr", () => {
    const dir = mkdtempSync(join(tmpdir(), "br-escape-"));
    try {
      writeFileSync(
        join(dir, "deps.yaml"),
        `version: 1\nowners: {}\nnodes:\n  ${JSON.stringify(`svc/a${HOSTILE}`)}: {kind: service}\n`,
      );
      const result = runCli(["validate", "--deps", join(dir, "deps.yaml")]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("is not a valid id");
      // Its own line breaks stay; the value's are flattened with the rest.
      expectInert(result.stderr.replace(/\n/g, " "));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
