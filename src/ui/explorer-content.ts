// What the right-hand pane holds for a state: its lines, wrapped to the pane's width, and the
// what-if's impact. Computed once per distinct question (node, view, depth, class, mark, width)
// and shared by the reducer (how far the pane scrolls) and the drawing.

import type { AnalysisModel } from "../core/analysis-model.js";
import { buildSearchIndex } from "../core/explore/search-index.js";
import type { Impact } from "../core/model.js";
import type { ExplorerApi } from "./explorer-api.js";
import { type ExplorerEnv, type ExplorerState, layoutOf, selectedOf } from "./explorer-state.js";
import {
  detailLines,
  type Line,
  pathLines,
  recentLines,
  treeLines,
  whatIfLines,
} from "./pane-lines.js";

export interface ExplorerContent extends ExplorerEnv {
  /** The what-if's answer when the pane shows one. */
  readonly impact: (state: ExplorerState) => Impact | undefined;
  /** The pane's rows, wrapped to its width. */
  readonly pane: (state: ExplorerState) => readonly Line[];
}

/** A line cut into rows of the pane's width, at spaces where it can; continuation rows indented. */
export function wrapLine(line: Line, width: number): Line[] {
  if (line.text.length <= width || width < 10) return [line];
  const rows: Line[] = [];
  let rest = line.text;
  let indent = "";
  while (rest.length > 0) {
    const room = width - indent.length;
    if (rest.length <= room) {
      rows.push({ ...line, text: indent + rest });
      break;
    }
    let cut = rest.lastIndexOf(" ", room);
    if (cut <= room / 3) cut = room;
    rows.push({ ...line, text: indent + rest.slice(0, cut) });
    rest = rest.slice(cut).trimStart();
    indent = "    ";
  }
  return rows;
}

/** The last answer, kept while the question (its key) is the same. */
function lastAnswer<A, T>(keyOf: (a: A) => string, compute: (a: A) => T): (a: A) => T {
  let last: { key: string; value: T } | undefined;
  return (a) => {
    const key = keyOf(a);
    if (last?.key !== key) last = { key, value: compute(a) };
    return last.value;
  };
}

export function explorerContent(model: AnalysisModel, api: ExplorerApi): ExplorerContent {
  const index = buildSearchIndex(model.config);
  const paneWidth = (state: ExplorerState) => layoutOf(state.columns, state.rows).paneWidth;

  const impact = lastAnswer(
    (state: ExplorerState) =>
      JSON.stringify([selectedOf(state, index), state.view === "whatif", state.whatIfClass]),
    (state): Impact | undefined => {
      const selected = selectedOf(state, index);
      return selected && state.view === "whatif"
        ? api.whatIf(selected, state.whatIfClass)
        : undefined;
    },
  );

  const lines = (state: ExplorerState): Line[] => {
    const selected = selectedOf(state, index);
    if (!selected) return [{ text: "No node matches the search.", color: "gray" }];
    switch (state.view) {
      case "detail":
        return detailLines(model, selected);
      case "down":
      case "up":
        return treeLines(model, selected, state.view, state.depth);
      case "whatif": {
        const found = impact(state);
        return found ? whatIfLines(found, selected, state.whatIfClass) : [];
      }
      case "path":
        return state.mark ? pathLines(model, state.mark, selected) : [];
      case "recent":
        return recentLines(
          selected,
          api.recentChanges ? api.recentChanges(selected) : "not inside a git repository",
          api.recentDays,
        );
    }
  };
  const pane = lastAnswer(
    (state: ExplorerState) =>
      JSON.stringify([
        selectedOf(state, index),
        state.view,
        state.depth,
        state.whatIfClass,
        state.mark ?? null,
        paneWidth(state),
      ]),
    (state): readonly Line[] => lines(state).flatMap((line) => wrapLine(line, paneWidth(state))),
  );
  return { index, impact, pane, paneRows: (state) => pane(state).length };
}
