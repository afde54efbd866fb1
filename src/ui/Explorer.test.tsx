// The explorer drawn by ink: keys go in through stdin, and every check waits for the frame it
// needs (never for a fixed time), so a slow machine is slower, not flaky.

import { fileURLToPath } from "node:url";
import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { loadModel } from "../app/load-model.js";
import type { AnalysisModel } from "../core/analysis-model.js";
import { analyzeNodes } from "../core/analyze.js";
import { renderMarkdown } from "../core/render/render-markdown.js";
import { modelOf } from "../core/testing/helpers.js";
import { expectInert, HOSTILE, HOSTILE_SHORT } from "../core/testing/hostile.js";
import { Explorer } from "./Explorer.js";
import type { ExplorerApi } from "./explorer-api.js";

const example = loadModel(fileURLToPath(new URL("../../deps.yaml", import.meta.url))).model;
const ENTER = "\r";
const ESC = "\u001B";
const DOWN = "\u001B[B";
const PAGE_DOWN = "\u001B[6~";
const CTRL_U = "\u0015";

/** Polls until `check` holds; the deadline only turns a hang into a readable failure. */
async function until<T>(read: () => T, check: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`waited for ${what}; last saw:\n${String(value)}`);
    await new Promise((done) => setTimeout(done, 5));
  }
}

async function start(model: AnalysisModel, extra: Partial<ExplorerApi> = {}, initialNode?: string) {
  const quits: (string | undefined)[] = [];
  const api: ExplorerApi = {
    whatIf: (id, changeClass) => analyzeNodes(model, [{ id, classes: [changeClass] }]),
    markdown: renderMarkdown,
    recentDays: 7,
    ...extra,
  };
  const app = render(
    <Explorer
      model={model}
      api={api}
      onQuit={(p) => quits.push(p)}
      {...(initialNode ? { initialNode } : {})}
    />,
  );
  // ink listens to stdin once its effects have run: keys written before then are not read.
  await until(
    () => app.stdin.listenerCount("readable"),
    (n) => n > 0,
    "ink to read stdin",
  );
  /** Writes each argument as one delivery, as a terminal would send it. */
  const send = (...chunks: string[]) => {
    for (const chunk of chunks) app.stdin.write(chunk);
  };
  const frame = (what: string | ((frame: string) => boolean)) =>
    until(
      () => app.lastFrame() ?? "",
      (f) => (typeof what === "string" ? f.includes(what) : what(f)),
      String(what),
    );
  return { app, send, frame, quits };
}

describe("the explorer", () => {
  it("search narrows the list as you type, and erasing widens it", async () => {
    const { app, send, frame } = await start(example);
    await frame("14 of 14 nodes");
    send("a", "u", "t", "o", "m");
    // Substring matches first, then the letters in order anywhere (fuzzy).
    const narrowed = await frame("6 of 14 nodes");
    expect(narrowed).toContain("search: autom▌");
    expect(narrowed).toContain("› iam-role/automation-runner");
    send("\u007F", "\u007F", "\u007F", "\u007F", "\u007F");
    expect(await frame("14 of 14 nodes")).toContain("search: ▌");
    app.unmount();
  });

  it("a burst of BSpace erases exactly that many characters", async () => {
    const { app, send, frame } = await start(example);
    send("automationxyzw");
    await frame("0 of 14 nodes");
    send("\u007F\u007F\u007F\u007F");
    const erased = await frame("3 of 14 nodes");
    expect(erased).toContain("search: automation▌");
    expect(erased).toContain("› iam-role/automation-runner");
    app.unmount();
  });

  it("Ctrl-U clears the search", async () => {
    const { app, send, frame } = await start(example);
    send("automation");
    await frame("3 of 14 nodes");
    send(CTRL_U);
    expect(await frame("14 of 14 nodes")).toContain("search: ▌");
    app.unmount();
  });

  it("the selection moves, and the detail pane follows it", async () => {
    const { app, send, frame } = await start(example);
    send("automation", DOWN);
    const moved = await frame("› service/external-job-runner");
    expect(moved).toContain("Runs scheduled jobs outside the cluster");
    app.unmount();
  });

  it("what-if on the IAM role lists the revenue report and dashboards with their paths, and owners", async () => {
    const { app, send, frame } = await start(example);
    send("automation", ENTER, "w");
    const whatIf = await frame("What if iam-role/automation-runner changes (unknown)");
    expect(whatIf).toMatch(/Breaking \(9\)/);
    expect(whatIf).toContain("report/revenue");
    expect(whatIf).toContain("iam-role/automation-runner -[assumes-role]->");
    // The pane scrolls: the rest of the radius and the owners are further down.
    send(PAGE_DOWN);
    await frame("dashboard/revenue-exec");
    // More pages than there are: the pane stops at its last.
    send(PAGE_DOWN, PAGE_DOWN, PAGE_DOWN);
    await frame("Owners to notify");
    send("c", "c", "c");
    await frame("changes (modified)?");
    app.unmount();
  });

  it("m then q in one delivery: the PR comment of the what-if is handed back to print", async () => {
    const { send, frame, quits } = await start(example);
    send("automation", ENTER, "w");
    await frame("What if iam-role/automation-runner changes");
    send("mq");
    await until(
      () => quits.length,
      (n) => n > 0,
      "the explorer to quit",
    );
    expect(quits).toHaveLength(1);
    expect(quits[0]).toContain("### 🔴 blastradius: **high risk**");
    expect(quits[0]).toContain("**Changed:** `iam-role/automation-runner` (unknown)");
  });

  it("the what-if on the next node starts from unknown again", async () => {
    const { send, frame, quits } = await start(example);
    send("automation", ENTER, "c", "c");
    await frame("(permissions-added)?");
    send("/", DOWN, ENTER);
    // The title wraps in the pane: the node and the class are on rows of their own.
    await frame(
      (f) => f.includes("What if service/external-job-runner") && f.includes("(unknown)?"),
    );
    send("m", "q");
    await until(
      () => quits.length,
      (n) => n > 0,
      "the explorer to quit",
    );
    expect(quits[0]).toContain("**Changed:** `service/external-job-runner` (unknown)");
    expect(quits[0]).not.toContain("permissions-added");
  });

  it("the help overlay lists every key, and any key closes it", async () => {
    const { app, send, frame } = await start(example);
    send("?");
    const help = await frame("blastradius explore — keys");
    for (const key of ["Enter", "Ctrl-U", "what-if", "upstream", "recent changes", "quit"])
      expect(help).toContain(key);
    send("x");
    await frame("search: ▌");
    app.unmount();
  });

  it("trees mark cycles instead of looping, and grow by level", async () => {
    const model = modelOf(
      "version: 1\nnodes:\n  a: {kind: k, depends_on: [c]}\n  b: {kind: k, depends_on: [a]}\n  c: {kind: k, depends_on: [b]}\n",
    );
    const { app, send, frame } = await start(model);
    send("a", ENTER, "d", "+", "+", "+");
    const deep = await frame("4 levels");
    expect(deep).toContain("↺ a  (depends-on)  cycle: already above");
    app.unmount();
  });

  it("path between two nodes: mark one, open another", async () => {
    const { app, send, frame } = await start(example);
    send("automation", ENTER, "p");
    await frame("marked iam-role/automation-runner");
    send("/", ESC);
    await frame("search: ▌");
    send("revenue-exec", ENTER, "p");
    const path = await frame("dashboard/revenue-exec depends on");
    expect(path).toContain("-[renders]->");
    app.unmount();
  });

  it("recent upstream changes: nearest first", async () => {
    const { app, send, frame } = await start(example, {
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
    send("orders", ENTER, "r");
    const recent = await frame("Changes upstream of table/warehouse.orders");
    expect(recent).toContain("abcdef12");
    expect(recent).toContain("iam-role/automation-runner (2 up)");
    app.unmount();
  });

  it("long ids are shortened in the middle, so two that share a prefix stay apart", async () => {
    const a = "iam-role/automation-runner-for-the-nightly-warehouse-load";
    const b = "iam-role/automation-runner-for-the-nightly-warehouse-sync";
    const model = modelOf(`version: 1\nnodes:\n  ${a}: {kind: k}\n  ${b}: {kind: k}\n`);
    const { app, frame } = await start(model);
    // 100 columns: the list is 40 wide, 37 for an id.
    const list = await frame("2 of 2 nodes");
    expect(list).toContain("iam-role/automatio…tly-warehouse-load");
    expect(list).toContain("iam-role/automatio…tly-warehouse-sync");
    app.unmount();
  });

  it("redraws at the new size when the terminal is resized", async () => {
    const { app, frame } = await start(example, {}, "iam-role/automation-runner");
    await frame("Dependents (3)");
    Object.defineProperty(app.stdout, "columns", { value: 60, configurable: true });
    Object.defineProperty(app.stdout, "rows", { value: 12, configurable: true });
    app.stdout.emit("resize");
    // 12 rows: 8 in the list, and the last nodes no longer fit.
    const small = await frame((f: string) => !f.includes("alert/overnight-load-failed"));
    expect(small.split("\n").length).toBeLessThanOrEqual(12);
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
    const { app, send, frame } = await start(model, {
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
    send("orders", ENTER, "i");
    const details = await frame("the orders");
    send("r");
    const recent = await frame("harmless");
    for (const shown of [details, recent]) {
      expect(shown).toContain("\\x1b");
      expectInert(shown.replace(/\n/g, " "));
    }
    app.unmount();
  });
});
