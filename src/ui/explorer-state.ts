// Everything the explorer's screen shows, as one value, and the pure step from one value to the
// next for each event: a key as ink gives it, a resize, a quit. React queues the events and
// applies them in order, so keys typed faster than a redraw are never lost or read stale.

import { CLASS_ORDER } from "../core/classes.js";
import { type SearchIndex, type SearchResult, searchNodes } from "../core/explore/search-index.js";
import type { ChangeClass } from "../core/model.js";
import { type KeyFlags, type Keypress, keypressesOf } from "./keys.js";

export type View = "detail" | "down" | "up" | "whatif" | "path" | "recent";
export type Focus = "search" | "node";

export interface ExplorerState {
  readonly query: string;
  /** The search's answer for `query`; the list the cursor moves in. */
  readonly result: SearchResult;
  /** The answers for each shorter start of the query, shortest first: erasing is a step back. */
  readonly earlier: readonly SearchResult[];
  /** Place of the selected node in `result.matches`. */
  readonly cursor: number;
  /** Where keys go: the search box, or the opened node's views. */
  readonly focus: Focus;
  readonly view: View;
  /** Levels shown in the trees. */
  readonly depth: number;
  readonly whatIfClass: ChangeClass;
  /** The node marked for a path, waiting for the other end. */
  readonly mark: string | undefined;
  /** First row of the pane drawn. */
  readonly scroll: number;
  readonly help: boolean;
  /** Print the what-if's PR comment on quit. */
  readonly printMarkdown: boolean;
  readonly message: string;
  readonly columns: number;
  readonly rows: number;
  readonly quit: boolean;
}

export type ExplorerEvent =
  | { readonly type: "key"; readonly input: string; readonly key: KeyFlags }
  | { readonly type: "resize"; readonly columns: number; readonly rows: number }
  | { readonly type: "quit" };

/** What a step needs besides the state: the search index, and how tall the pane is. */
export interface ExplorerEnv {
  readonly index: SearchIndex;
  /** Rows of the pane for this state, wrapped to its width: how far it scrolls. */
  readonly paneRows: (state: ExplorerState) => number;
}

/** Classes a what-if cycles through: the ones that break things first. */
export const WHAT_IF_CLASSES = CLASS_ORDER.filter((c) => c !== "added") as readonly ChangeClass[];
/** A change of any kind: the question before anyone knows what the change will be. */
export const FIRST_WHAT_IF_CLASS: ChangeClass = "unknown";
const MAX_DEPTH = 20;

export interface Layout {
  readonly listHeight: number;
  readonly listWidth: number;
  readonly paneWidth: number;
}

export function layoutOf(columns: number, rows: number): Layout {
  const listWidth = Math.max(20, Math.min(48, Math.floor(columns * 0.4)));
  return {
    listHeight: Math.max(3, rows - 4),
    listWidth,
    paneWidth: Math.max(20, columns - listWidth - 2),
  };
}

/** The selected node's id, if the search matches anything. */
export function selectedOf(state: ExplorerState, index: SearchIndex): string | undefined {
  const matches = state.result.matches;
  const n = matches[Math.min(state.cursor, matches.length - 1)];
  return n === undefined ? undefined : index.ids[n];
}

export function initialState(
  index: SearchIndex,
  options: { readonly initialNode?: string; readonly columns: number; readonly rows: number },
): ExplorerState {
  const result = searchNodes(index, "");
  const initial = options.initialNode ? index.ids.indexOf(options.initialNode) : -1;
  return {
    query: "",
    result,
    earlier: [],
    cursor: Math.max(0, result.matches.indexOf(initial)),
    focus: initial >= 0 ? "node" : "search",
    view: "detail",
    depth: 1,
    whatIfClass: FIRST_WHAT_IF_CLASS,
    mark: undefined,
    scroll: 0,
    help: false,
    printMarkdown: false,
    message: "",
    columns: options.columns,
    rows: options.rows,
    quit: false,
  };
}

export function reduceExplorer(
  env: ExplorerEnv,
  state: ExplorerState,
  event: ExplorerEvent,
): ExplorerState {
  if (state.quit) return state;
  switch (event.type) {
    case "quit":
      return { ...state, quit: true };
    case "resize": {
      const next = { ...state, columns: event.columns, rows: event.rows };
      return { ...next, scroll: clampScroll(env, next, next.scroll) };
    }
    case "key":
      return keypressesOf(event.input, event.key).reduce(
        (s, key) => (s.quit ? s : followSelection(env, s, pressKey(env, s, key))),
        state,
      );
  }
}

/**
 * Another node selected: its pane from the top, and its what-if from the first class (a class
 * chosen for one node is not another's).
 */
function followSelection(env: ExplorerEnv, before: ExplorerState, after: ExplorerState) {
  return selectedOf(before, env.index) === selectedOf(after, env.index)
    ? after
    : { ...after, whatIfClass: FIRST_WHAT_IF_CLASS, scroll: 0 };
}

function clampScroll(env: ExplorerEnv, state: ExplorerState, scroll: number): number {
  const { listHeight } = layoutOf(state.columns, state.rows);
  return Math.max(0, Math.min(Math.max(0, env.paneRows(state) - listHeight), scroll));
}

function pressKey(env: ExplorerEnv, state: ExplorerState, key: Keypress): ExplorerState {
  if (key.name === "ctrl" && key.letter === "c") return { ...state, quit: true };
  if (state.help) return { ...state, help: false };
  const { listHeight } = layoutOf(state.columns, state.rows);
  switch (key.name) {
    case "up":
      return move(env, state, -1);
    case "down":
      return move(env, state, 1);
    case "pageUp":
      return move(env, state, -listHeight);
    case "pageDown":
      return move(env, state, listHeight);
  }
  return state.focus === "search" ? searchKey(env, state, key) : nodeKey(env, state, key);
}

function move(env: ExplorerEnv, state: ExplorerState, delta: number): ExplorerState {
  if (state.focus === "node")
    return { ...state, scroll: clampScroll(env, state, state.scroll + delta) };
  const last = state.result.matches.length - 1;
  return { ...state, cursor: Math.max(0, Math.min(last, state.cursor + delta)), scroll: 0 };
}

function searchKey(env: ExplorerEnv, state: ExplorerState, key: Keypress): ExplorerState {
  switch (key.name) {
    case "enter":
      return selectedOf(state, env.index)
        ? { ...state, focus: "node", whatIfClass: FIRST_WHAT_IF_CLASS }
        : state;
    case "escape":
      return clearSearch(env, state);
    case "backspace":
      return erase(env, state);
    case "ctrl":
      return key.letter === "u" ? clearSearch(env, state) : state;
    case "text":
      return key.text === "?" ? { ...state, help: true } : type(env, state, key.text);
    default:
      return state;
  }
}

/** One more character: searched among the last matches, since a longer query only narrows. */
function type(env: ExplorerEnv, state: ExplorerState, text: string): ExplorerState {
  const query = state.query + text;
  return {
    ...state,
    query,
    result: searchNodes(env.index, query, state.result),
    earlier: [...state.earlier, state.result],
    cursor: 0,
  };
}

/** One character less: the answer the shorter query had. */
function erase(env: ExplorerEnv, state: ExplorerState): ExplorerState {
  const chars = Array.from(state.query);
  if (chars.length === 0) return { ...state, cursor: 0 };
  const query = chars.slice(0, -1).join("");
  const result = state.earlier.at(-1) ?? searchNodes(env.index, query);
  return { ...state, query, result, earlier: state.earlier.slice(0, -1), cursor: 0 };
}

function clearSearch(env: ExplorerEnv, state: ExplorerState): ExplorerState {
  const result =
    state.earlier[0] ?? (state.query === "" ? state.result : searchNodes(env.index, ""));
  return { ...state, query: "", result, earlier: [], cursor: 0 };
}

function show(state: ExplorerState, view: View): ExplorerState {
  return { ...state, view, scroll: 0, message: "" };
}

function nodeKey(env: ExplorerEnv, state: ExplorerState, key: Keypress): ExplorerState {
  if (key.name === "escape") return { ...state, focus: "search" };
  if (key.name !== "text") return state;
  switch (key.text) {
    case "/":
      return { ...state, focus: "search" };
    case "q":
      return { ...state, quit: true };
    case "?":
      return { ...state, help: true };
    case "i":
      return show(state, "detail");
    case "d":
      return show(state, "down");
    case "u":
      return show(state, "up");
    case "w":
      return show(state, "whatif");
    case "r":
      return show(state, "recent");
    case "+":
    case "=":
      return { ...state, depth: Math.min(state.depth + 1, MAX_DEPTH) };
    case "-":
      return { ...state, depth: Math.max(state.depth - 1, 1) };
    case "c": {
      const at = WHAT_IF_CLASSES.indexOf(state.whatIfClass);
      const next = WHAT_IF_CLASSES[(at + 1) % WHAT_IF_CLASSES.length] ?? FIRST_WHAT_IF_CLASS;
      return show({ ...state, whatIfClass: next }, "whatif");
    }
    case "m":
      return {
        ...state,
        printMarkdown: true,
        message: "the PR comment for this what-if is printed when you quit",
      };
    case "p": {
      const selected = selectedOf(state, env.index);
      if (!state.mark || state.mark === selected)
        return {
          ...state,
          mark: selected,
          message: `marked ${selected}: open another node and press p`,
        };
      return show(state, "path");
    }
    default:
      return state;
  }
}
