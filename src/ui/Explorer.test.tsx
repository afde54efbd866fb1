import { join } from "node:path";
import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../test/github-api/scenario.js";
import { modelOf } from "../../test/helpers.js";
import { expectInert, HOSTILE, HOSTILE_SHORT } from "../../test/hostile.js";
import { loadModel } from "../app/load-model.js";
import type { AnalysisModel } from "../core/analysis-model.js";
import { analyzeNodes } from "../core/analyze.js";
import { renderMarkdown } from "../core/render/render-markdown.js";
import { Explorer } from "./Explorer.js";
import type { ExplorerApi } from "./explorer-api.js";

const example = loadModel(join(ROOT, "deps.yaml")).model;
const ENTER = "\r";
const DOWN = "\u001B[B";
const PAGE_DOWN = "\u001B[6~";
const pause = () => new Promise((done) => setTimeout(done, 30));

function start(model: AnalysisModel, extra: Partial<ExplorerApi> = {}) {
  const quits: (string | undefined)[] = [];
  const api: ExplorerApi = {
    whatIf: (id, changeClass) => analyzeNodes(model, [{ id, classes: [changeClass] }]),
    markdown: renderMarkdown,
    recentDays: 7,
    ...extra,
  };
  const app = render(<Explorer model={model} api={api} onQuit={(p) => quits.push(p)} />);
  const type = async (...keys: string[]) => {
    for (const key of keys) {
      app.stdin.write(key);
      await pause();
    }
    return app.lastFrame() ?? "";
  };
  /** Under load a fixed pause is not always enough: wait for what the next key needs. */
  const until = async (text: string) => {
    for (let i = 0; i < 100 && !(app.lastFrame() ?? "").includes(text); i++) await pause();
    return app.lastFrame() ?? "";
  };
  return { app, type, until, quits };
}

describe("the explorer", () => {
  it("search narrows the list as you type", async () => {
    const { app, type } = start(example);
    await pause();
    expect(app.lastFrame()).toContain("14 of 14 nodes");
    const frame = await type("a", "u", "t", "o", "m");
    // Substring matches first, then the letters in order anywhere (fuzzy).
    expect(frame).toContain("6 of 14 nodes");
    expect(frame).toContain("› iam-role/automation-runner");
    expect(await type("\u007F", "\u007F", "\u007F", "\u007F", "\u007F")).toContain(
      "14 of 14 nodes",
    );
    app.unmount();
  });

  it("the selection moves, and the detail pane follows it", async () => {
    const { app, type } = start(example);
    await type("automation");
    const frame = await type(DOWN);
    expect(frame).toContain("› service/external-job-runner");
    expect(frame).toContain("Runs scheduled jobs outside the cluster");
    app.unmount();
  });

  it("what-if on the IAM role lists the revenue report and dashboards with their paths, and owners", async () => {
    const { app, type, until } = start(example);
    // Each key waits for the screen it needs: under load a fixed pause is not always enough.
    await type("automation");
    await until("3 of 14 nodes");
    await type(ENTER, "w");
    const frame = await until("What if iam-role/automation-runner changes");
    expect(frame).toContain("What if iam-role/automation-runner changes");
    expect(frame).toMatch(/Breaking \(9\)/);
    expect(frame).toContain("report/revenue");
    expect(frame).toContain("iam-role/automation-runner -[assumes-role]->");
    // The pane scrolls: the rest of the radius and the owners are further down.
    // One page at a time until the owners show: under load two keys can arrive as one chunk.
    const pages: string[] = [];
    for (let i = 0; i < 6 && !pages.some((p) => p.includes("Owners to notify")); i++)
      pages.push(await type(PAGE_DOWN), await until("Owners to notify"));
    const further = pages.join("\n");
    expect(further).toContain("dashboard/revenue-exec");
    expect(further).toContain("Owners to notify");
    await type("c", "c", "c");
    expect(await until("changes (modified)?")).toContain("changes (modified)?");
    app.unmount();
  });

  it("m then q: the PR comment of the what-if is handed back to print", async () => {
    const { type, until, quits } = start(example);
    await type("automation");
    await until("3 of 14 nodes");
    await type(ENTER, "w");
    await until("What if iam-role/automation-runner changes");
    await type("m", "q");
    expect(quits).toHaveLength(1);
    expect(quits[0]).toContain("### 🔴 blastradius: **high risk**");
  });

  it("the help overlay lists every key, and any key closes it", async () => {
    const { app, type } = start(example);
    const help = await type("?");
    for (const key of ["Enter", "what-if", "upstream", "recent changes", "quit"])
      expect(help).toContain(key);
    expect(await type("x")).toContain("search:");
    app.unmount();
  });

  it("trees mark cycles instead of looping, and grow by level", async () => {
    const model = modelOf(
      "version: 1\nnodes:\n  a: {kind: k, depends_on: [c]}\n  b: {kind: k, depends_on: [a]}\n  c: {kind: k, depends_on: [b]}\n",
    );
    const { app, type } = start(model);
    await type("a", ENTER, "d");
    const deep = await type("+", "+", "+");
    expect(deep).toContain("↺ a  (depends-on)  cycle: already above");
    expect(deep).toContain("4 levels");
    app.unmount();
  });

  it("path between two nodes: mark one, open another", async () => {
    const { app, type } = start(example);
    await type("automation", ENTER, "p", "/");
    await type("\u001B", "revenue-exec", ENTER);
    const frame = await type("p");
    expect(frame).toContain("dashboard/revenue-exec depends on");
    expect(frame).toContain("-[renders]->");
    app.unmount();
  });

  it("recent upstream changes: nearest first", async () => {
    const { app, type } = start(example, {
      recentChanges: () => [
        {
          commit: {
            sha: "abcdef1234",
            time: 1_795_000_000,
            author: "dana",
            subject: "rotate the role",
            files: [],
          },
          node: "iam-role/automation-runner",
          distance: 2,
          files: ["examples/terraform/iam/automation-runner.tf"],
          classes: ["unknown"],
          path: { nodes: ["iam-role/automation-runner", "table/warehouse.orders"], vias: ["x"] },
        },
      ],
    });
    const frame = await type("orders", ENTER, "r");
    expect(frame).toContain("Changes upstream of table/warehouse.orders");
    expect(frame).toContain("abcdef12");
    expect(frame).toContain("iam-role/automation-runner (2 up)");
    app.unmount();
  });

  it("strings from the graph and from commits reach the terminal inert", async () => {
    const y = (value: string) => JSON.stringify(`${value}${HOSTILE_SHORT}`);
    const model = modelOf(
      [
        "version: 1",
        "owners:",
        `  data: {github: "@acme/data", chat: ${y("#data")}}`,
        "nodes:",
        "  iam-role/runner:",
        `    kind: ${y("iam-role")}`,
        `    match: {paths: [${y("iam/")}]}`,
        "  table/orders:",
        `    kind: ${y("table")}`,
        "    owner: data",
        `    description: ${y("the orders")}`,
        "    depends_on:",
        `      - {on: iam-role/runner, via: reads}`,
        "",
      ].join("\n"),
    );
    const { app, type, until } = start(model, {
      recentChanges: () => [
        {
          commit: {
            sha: `abcdef1234${HOSTILE}`,
            time: 1_795_000_000,
            author: `mallory${HOSTILE}`,
            subject: `harmless${HOSTILE}`,
            files: [],
          },
          node: "iam-role/runner",
          distance: 1,
          files: [`iam/role.tf${HOSTILE}`],
          classes: ["unknown"],
          path: { nodes: ["iam-role/runner", "table/orders"], vias: [`reads${HOSTILE}`] },
        },
      ],
    });
    await type("orders", ENTER, "i");
    const details = await until("the orders");
    await type("r");
    const recent = await until("harmless");
    for (const frame of [details, recent]) {
      expect(frame).toContain("\\x1b");
      expectInert(frame.replace(/\n/g, " "));
    }
    app.unmount();
  });
});
