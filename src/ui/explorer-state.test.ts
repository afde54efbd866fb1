// The explorer's every binding as keys in, state out: no terminal, no timers.

import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadModel } from "../app/load-model.js";
import type { AnalysisModel } from "../core/analysis-model.js";
import { analyzeNodes } from "../core/analyze.js";
import { searchNodes } from "../core/explore/search-index.js";
import { renderMarkdown } from "../core/render/render-markdown.js";
import { modelOf } from "../core/testing/helpers.js";
import { explorerContent } from "./explorer-content.js";
import {
  type ExplorerState,
  initialState,
  layoutOf,
  reduceExplorer,
  selectedOf,
  WHAT_IF_CLASSES,
} from "./explorer-state.js";
import { HELP } from "./Help.js";
import type { KeyFlags } from "./keys.js";

const example = loadModel(fileURLToPath(new URL("../../deps.yaml", import.meta.url))).model;

/** A key as ink hands it to useInput: its text, and the flags it sets. */
interface InkKey {
  readonly input: string;
  readonly key: KeyFlags;
}
const UP: InkKey = { input: "", key: { upArrow: true } };
const DOWN: InkKey = { input: "", key: { downArrow: true } };
const PAGE_UP: InkKey = { input: "", key: { pageUp: true } };
const PAGE_DOWN: InkKey = { input: "", key: { pageDown: true } };
const ENTER: InkKey = { input: "", key: { return: true } };
const ESC: InkKey = { input: "", key: { escape: true, meta: true } };
// ink names a lone 0x7f "delete" and 0x08 "backspace"; both erase.
const DEL: InkKey = { input: "", key: { delete: true } };
const BACKSPACE: InkKey = { input: "", key: { backspace: true } };
const CTRL_U: InkKey = { input: "u", key: { ctrl: true } };
const CTRL_C: InkKey = { input: "c", key: { ctrl: true } };

function explorer(
  model: AnalysisModel = example,
  options: { initialNode?: string; columns?: number; rows?: number } = {},
) {
  const content = explorerContent(model, {
    whatIf: (id, changeClass) => analyzeNodes(model, [{ id, classes: [changeClass] }]),
    markdown: renderMarkdown,
    recentDays: 7,
  });
  const start = initialState(content.index, { columns: 100, rows: 30, ...options });
  /** Each argument one delivery from ink: a string is typed text (one key or a burst). */
  const press = (state: ExplorerState, ...keys: (string | InkKey)[]) =>
    keys.reduce(
      (s, k) =>
        reduceExplorer(content, s, {
          type: "key",
          ...(typeof k === "string" ? { input: k, key: {} } : k),
        }),
      state,
    );
  const selected = (state: ExplorerState) => selectedOf(state, content.index);
  return { content, start, press, selected };
}

describe("the explorer's search keys", () => {
  it("typing narrows the list and selects the best match; erasing widens it again", () => {
    const { start, press, selected } = explorer();
    expect(start.result.matches).toHaveLength(14);
    const typed = press(start, "a", "u", "t", "o", "m");
    expect(typed.query).toBe("autom");
    expect(typed.result.matches).toHaveLength(6);
    expect(selected(typed)).toBe("iam-role/automation-runner");
    const erased = press(typed, DEL, DEL, BACKSPACE, DEL, DEL);
    expect(erased.query).toBe("");
    expect(erased.result.matches).toHaveLength(14);
  });

  it("a burst of text acts as its keys one by one", () => {
    const { start, press } = explorer();
    expect(press(start, "automation")).toEqual(press(start, ..."automation"));
    expect(press(start, "automation").result.matches).toHaveLength(3);
  });

  it("four BSpace in one delivery erase four characters and leave no control character", () => {
    const { start, press, selected } = explorer();
    const typed = press(start, "automationxyzw");
    expect(typed.result.matches).toHaveLength(0);
    const erased = press(typed, "\u007f\u007f\u007f\u007f");
    expect(erased.query).toBe("automation");
    expect(erased.result.matches).toHaveLength(3);
    expect(selected(erased)).toBe("iam-role/automation-runner");
    // Ctrl-H is a backspace too.
    expect(press(typed, "\b\b\b\b").query).toBe("automation");
  });

  it("control characters never reach the query", () => {
    const { start, press } = explorer();
    const state = press(start, "ro\u0001\u0000\u009ble\u0007", "\t");
    expect(state.query).toBe("role");
    expect(state.query).not.toMatch(/\p{Cc}/u);
  });

  it("Ctrl-U clears the search, alone or inside a burst", () => {
    const { start, press } = explorer();
    const cleared = press(start, "automation", DOWN, CTRL_U);
    expect(cleared.query).toBe("");
    expect(cleared.result.matches).toHaveLength(14);
    expect(cleared.cursor).toBe(0);
    expect(press(start, "abc\u0015role").query).toBe("role");
  });

  it("whatever is typed and erased, the list is what a fresh search for the query finds", () => {
    const { start, press, content } = explorer();
    for (const keys of [
      ["automation", "\u007f\u007f\u007f", "ion-x", DEL, "y"],
      ["rev", BACKSPACE, "port", CTRL_U, "al", ESC, "o"],
      ["\u007f", "zz", "\u007f\u007f\u007f", "ta ble"],
    ]) {
      const state = press(start, ...keys);
      expect(state.result.matches).toEqual(searchNodes(content.index, state.query).matches);
      expect(state.earlier).toHaveLength(Array.from(state.query).length);
    }
  });

  it("Esc clears the search too", () => {
    const { start, press } = explorer();
    expect(press(start, "automation", ESC).query).toBe("");
  });

  it("↑ ↓ PgUp PgDn move the selection within the list", () => {
    const { start, press, selected } = explorer();
    expect(press(start, UP).cursor).toBe(0);
    const down = press(start, "automation", DOWN);
    expect(selected(down)).toBe("service/external-job-runner");
    expect(press(down, DOWN, DOWN, DOWN, DOWN).cursor).toBe(2);
    expect(press(down, UP, UP).cursor).toBe(0);
    const { listHeight } = layoutOf(100, 30);
    expect(press(start, PAGE_DOWN).cursor).toBe(Math.min(13, listHeight));
    expect(press(start, PAGE_DOWN, PAGE_DOWN, PAGE_UP).cursor).toBe(Math.max(0, 13 - listHeight));
  });

  it("letters that are node keys are text in the search box", () => {
    const { start, press } = explorer();
    const state = press(start, "q", "i", "d", "u", "w", "c", "m", "p", "r", "+", "-", "/");
    expect(state.query).toBe("qiduwcmpr+-/");
    expect(state.quit).toBe(false);
    expect(state.focus).toBe("search");
  });

  it("Enter opens the selected node, and nothing when nothing matches", () => {
    const { start, press } = explorer();
    expect(press(start, "automation", ENTER).focus).toBe("node");
    expect(press(start, "zzzzqqq", ENTER).focus).toBe("search");
  });

  it("Escape and the next key in one delivery (ink reads them as Alt and the key) are both acted on", () => {
    const { start, press, selected } = explorer();
    const opened = press(start, "automation", ENTER);
    const back = press(opened, { input: "x", key: { meta: true } });
    expect(back.focus).toBe("search");
    expect(back.query).toBe("automationx");
    // Escape then Up in one burst: back to the search, then the cursor moves up a node.
    const second = press(start, "automation", DOWN, ENTER);
    expect(selected(second)).not.toBe(selected(opened));
    const moved = press(second, { input: "", key: { meta: true, upArrow: true } });
    expect(moved.focus).toBe("search");
    expect(selected(moved)).toBe(selected(opened));
  });

  it("typing then Enter in one delivery opens the node the typed query selects", () => {
    const { start, press, selected } = explorer();
    const state = press(start, "revenue-exec\r");
    expect(state.focus).toBe("node");
    expect(selected(state)).toBe("dashboard/revenue-exec");
  });
});

describe("the explorer's node keys", () => {
  const { start, press, selected, content } = explorer();
  const opened = press(start, "automation", ENTER);

  it("i d u w r show each view from its top, and clear the message", () => {
    const marked = press(opened, "p");
    expect(marked.message).toContain("marked iam-role/automation-runner");
    for (const [key, view] of [
      ["d", "down"],
      ["u", "up"],
      ["w", "whatif"],
      ["r", "recent"],
      ["i", "detail"],
    ] as const) {
      const state = press(marked, PAGE_DOWN, key);
      expect(state.view).toBe(view);
      expect(state.scroll).toBe(0);
      expect(state.message).toBe("");
    }
  });

  it("+ = - change the tree's depth between 1 and 20", () => {
    const tree = press(opened, "d");
    expect(press(tree, "+", "=").depth).toBe(3);
    expect(press(tree, "-", "-").depth).toBe(1);
    expect(press(tree, ..."+".repeat(30)).depth).toBe(20);
  });

  it("c shows the what-if with the next class, from unknown, round the list", () => {
    expect(opened.whatIfClass).toBe("unknown");
    const three = press(opened, "c", "c", "c");
    expect(three.view).toBe("whatif");
    expect(three.whatIfClass).toBe("modified");
    expect(press(three, "c").whatIfClass).toBe(WHAT_IF_CLASSES[0]);
    expect(content.pane(three)[0]?.text).toContain(
      "What if iam-role/automation-runner changes (modified)?",
    );
  });

  it("m asks for the PR comment on quit; q quits", () => {
    const m = press(opened, "w", "m");
    expect(m.printMarkdown).toBe(true);
    expect(m.message).toContain("printed when you quit");
    expect(m.quit).toBe(false);
    expect(press(m, "q").quit).toBe(true);
  });

  it("m then q in one delivery: both act", () => {
    const state = press(opened, "w", "mq");
    expect(state.printMarkdown).toBe(true);
    expect(state.quit).toBe(true);
    const impact = content.impact(state);
    expect(impact && renderMarkdown(impact)).toContain("### 🔴 blastradius: **high risk**");
  });

  it("after a quit, nothing else happens", () => {
    const quit = press(opened, "q");
    expect(press(quit, "w", DOWN, "?")).toBe(quit);
    expect(reduceExplorer(content, quit, { type: "resize", columns: 40, rows: 10 })).toBe(quit);
  });

  it("Ctrl-C quits from the search, a node and the help; the quit event too", () => {
    expect(press(start, CTRL_C).quit).toBe(true);
    expect(press(opened, CTRL_C).quit).toBe(true);
    expect(press(opened, "?", CTRL_C).quit).toBe(true);
    expect(reduceExplorer(content, start, { type: "quit" }).quit).toBe(true);
  });

  it("p marks a node, and on another node shows the path between them", () => {
    const marked = press(opened, "p");
    expect(marked.mark).toBe("iam-role/automation-runner");
    expect(press(marked, "p").view).toBe("detail");
    const other = press(marked, "/", ESC, "revenue-exec", ENTER, "p");
    expect(selected(other)).toBe("dashboard/revenue-exec");
    expect(other.view).toBe("path");
    const text = content
      .pane(other)
      .map((l) => l.text.trim())
      .join(" ");
    expect(text).toContain("dashboard/revenue-exec depends on iam-role/automation-runner:");
  });

  it("Esc and / go back to the search with its query kept", () => {
    for (const back of [ESC, "/"]) {
      const state = press(opened, back);
      expect(state.focus).toBe("search");
      expect(state.query).toBe("automation");
    }
  });

  it("? shows the help in the search and on a node; any key closes it and does nothing else", () => {
    expect(press(start, "?").help).toBe(true);
    const help = press(opened, "?");
    expect(help.help).toBe(true);
    const closed = press(help, "q");
    expect(closed.help).toBe(false);
    expect(closed.quit).toBe(false);
    expect(press(help, DOWN)).toEqual({ ...help, help: false });
  });

  it("↑ ↓ PgUp PgDn scroll the pane, never past its last page", () => {
    const whatIf = press(opened, "w");
    const rows = content.paneRows(whatIf);
    const { listHeight } = layoutOf(whatIf.columns, whatIf.rows);
    expect(rows).toBeGreaterThan(listHeight);
    expect(press(whatIf, DOWN, DOWN).scroll).toBe(2);
    expect(press(whatIf, DOWN, DOWN, UP).scroll).toBe(1);
    expect(press(whatIf, UP).scroll).toBe(0);
    expect(press(whatIf, PAGE_DOWN, PAGE_DOWN, PAGE_DOWN).scroll).toBe(rows - listHeight);
    expect(press(whatIf, PAGE_DOWN, PAGE_UP).scroll).toBe(0);
    // The list's selection does not move while the pane scrolls.
    expect(selected(press(whatIf, PAGE_DOWN))).toBe("iam-role/automation-runner");
  });

  it("every key in the help has a test here", () => {
    expect(HELP.map(([keys]) => keys)).toEqual([
      "type",
      "Ctrl-U",
      "↑ ↓ PgUp PgDn",
      "Enter",
      "Esc or /",
      "i",
      "d / u",
      "+ / -",
      "w",
      "c",
      "m",
      "p",
      "r",
      "?",
      "q or Ctrl-C",
    ]);
  });
});

describe("the what-if class", () => {
  const { start, press, selected, content } = explorer();

  it("starts from unknown on the next node, not with the last node's class", () => {
    const first = press(start, "automation", ENTER, "c", "c");
    expect(first.whatIfClass).toBe("permissions-added");
    // Back to the search: the pane follows the selection, and so does the class.
    const moved = press(first, "/", DOWN);
    expect(selected(moved)).toBe("service/external-job-runner");
    expect(moved.whatIfClass).toBe("unknown");
    const opened = press(moved, ENTER, "m", "q");
    const impact = content.impact(opened);
    expect(impact?.changed.map((c) => [c.id, c.classes])).toEqual([
      ["service/external-job-runner", ["unknown"]],
    ]);
    const markdown = renderMarkdown(impact ?? expect.fail("no impact"));
    expect(markdown).toContain("`service/external-job-runner` (unknown)");
    expect(markdown).not.toContain("permissions-added");
  });

  it("another node's pane starts at its top", () => {
    const scrolled = press(start, "automation", ENTER, "w", PAGE_DOWN);
    expect(scrolled.scroll).toBeGreaterThan(0);
    const back = press(scrolled, "/");
    expect(back.scroll).toBe(scrolled.scroll);
    const other = press(back, CTRL_U);
    expect(selected(other)).not.toBe("iam-role/automation-runner");
    expect(other.scroll).toBe(0);
  });

  it("starts again from unknown each time a node is opened", () => {
    const reopened = press(start, "automation", ENTER, "c", ESC, ENTER);
    expect(reopened.whatIfClass).toBe("unknown");
    expect(reopened.view).toBe("whatif");
  });

  it("starts from unknown on a node given at start", () => {
    const { start: given } = explorer(example, { initialNode: "report/revenue" });
    expect(given.focus).toBe("node");
    expect(given.whatIfClass).toBe("unknown");
  });
});

describe("a resize", () => {
  it("changes the layout and keeps the pane's scroll within its rows", () => {
    const { start, press, content } = explorer();
    const scrolled = press(start, "automation", ENTER, "w", PAGE_DOWN, PAGE_DOWN, PAGE_DOWN);
    expect(scrolled.scroll).toBeGreaterThan(0);
    const tall = reduceExplorer(content, scrolled, { type: "resize", columns: 80, rows: 200 });
    expect([tall.columns, tall.rows]).toEqual([80, 200]);
    expect(tall.scroll).toBe(0);
    // Narrower: more rows to scroll through, so the place is kept.
    const small = reduceExplorer(content, scrolled, { type: "resize", columns: 80, rows: 24 });
    expect(content.paneRows(small)).toBeGreaterThan(content.paneRows(scrolled));
    expect(small.scroll).toBe(scrolled.scroll);
    expect(layoutOf(80, 24)).toEqual({ listHeight: 20, listWidth: 32, paneWidth: 46 });
  });

  it("a narrower pane wraps into more rows", () => {
    const model = modelOf(
      `version: 1\nnodes:\n  a: {kind: k, description: "${"word ".repeat(60)}"}\n`,
    );
    const { start, content } = explorer(model, { initialNode: "a" });
    const wide = content.paneRows(start);
    const narrowed = reduceExplorer(content, start, { type: "resize", columns: 60, rows: 24 });
    expect(content.paneRows(narrowed)).toBeGreaterThan(wide);
  });
});
