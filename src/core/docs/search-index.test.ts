import { describe, expect, it } from "vitest";
import { bundledModel } from "../testing/bundled-example.js";
import { modelOf } from "../testing/helpers.js";
import { INDEX_DESCRIPTION, type IndexRow, searchIndexScript, searchRows } from "./search-index.js";
import { nodePagePath } from "./site-paths.js";

/** Runs the script as the page does, with its own `window`, and gives back what it set. */
function runScript(script: string): unknown {
  const window: { BLASTRADIUS_INDEX?: unknown } = {};
  new Function("window", script)(window);
  return window.BLASTRADIUS_INDEX;
}

const NASTY =
  '</script><script>alert(1)</script> <!-- <SCRIPT> </ScRiPt > \u2028 line \u2029 para ` $\u007bx} \\ "';

describe("searchRows", () => {
  it("one row per node of the bundled example, with its kind, owner, tier and page", () => {
    const { config } = bundledModel();
    const rows = searchRows(config);
    expect(rows.map((r) => r[0])).toEqual([...config.nodes.keys()]);
    const role = rows.find((r) => r[0] === "iam-role/automation-runner");
    const node = config.nodes.get("iam-role/automation-runner");
    expect(role).toEqual([
      "iam-role/automation-runner",
      "iam-role",
      "iam-platform",
      0,
      node?.description,
      "",
    ]);
    // A plain id's page is left for the page to spell; the rest are written out.
    for (const row of rows) expect(row[5] || `nodes/${row[0]}.html`).toBe(nodePagePath(row[0]));
  });

  it("cuts long descriptions, writes the page of an id that needs escaping, -1 for no tier", () => {
    const long = "word ".repeat(100);
    const model = modelOf(
      `version: 1\nowners: {}\nnodes:\n  Svc/Upper: {kind: k, description: "${long}"}\n  b: {kind: k, tier: 3}\n`,
    );
    const [upper, b] = searchRows(model.config) as [IndexRow, IndexRow];
    expect(upper[4]).toHaveLength(INDEX_DESCRIPTION);
    expect(upper[4].endsWith("…")).toBe(true);
    expect(upper[5]).toBe(nodePagePath("Svc/Upper"));
    expect(upper[3]).toBe(-1);
    expect(b[3]).toBe(3);
    expect(b[5]).toBe("");
  });

  it("never cuts a character in half", () => {
    const emoji = "😀".repeat(INDEX_DESCRIPTION);
    const model = modelOf(
      `version: 1\nowners: {}\nnodes:\n  a: {kind: k, description: "${emoji}"}\n`,
    );
    const cut = (searchRows(model.config)[0] as IndexRow)[4];
    // No lone surrogate: encodeURIComponent throws on one.
    expect(() => encodeURIComponent(cut)).not.toThrow();
    expect(cut.endsWith("😀…")).toBe(true);
  });
});

describe("searchIndexScript", () => {
  const rows: IndexRow[] = [
    ["a/b", NASTY, NASTY, 1, NASTY, ""],
    ["c", "k", "", -1, "plain", "nodes/~43.html"],
  ];
  const script = searchIndexScript(rows);

  it("cannot close or open a script element, nor end a line inside a string", () => {
    expect(script).not.toContain("<");
    expect(script).not.toMatch(/[\u2028\u2029]/);
    expect(script.trimEnd().split("\n")).toHaveLength(1);
  });

  it("sets the rows, every character as it was", () => {
    expect(runScript(script)).toEqual(rows);
  });

  it("the bundled example's index runs and holds every node", () => {
    const all = searchRows(bundledModel().config);
    expect(runScript(searchIndexScript(all))).toEqual(all);
  });
});
