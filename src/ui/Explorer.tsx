// The explorer: a searchable node list on the left, the selected node's views on the right.
// It only draws and keeps selection state; every answer comes from the core.

import { Box, Text, useApp, useInput } from "ink";
import { useMemo, useRef, useState } from "react";
import { CLASS_ORDER } from "../core/classes.js";
import { buildSearchIndex, type SearchResult, searchNodes } from "../core/explore/search-index.js";
import type { ChangeClass } from "../core/model.js";
import { terminalText } from "../core/render/terminal-escape.js";
import type { ExplorerProps } from "./explorer-api.js";
import {
  detailLines,
  HELP,
  type Line,
  pathLines,
  recentLines,
  treeLines,
  whatIfLines,
} from "./pane-lines.js";
import { useTerminalSize } from "./use-terminal-size.js";

/** A node id made inert for the terminal (it comes from the graph), cut to fit. */
function shown(id: string, width: number): string {
  const safe = terminalText(id);
  return safe.length > width ? `${safe.slice(0, width - 1)}…` : safe;
}

type View = "detail" | "down" | "up" | "whatif" | "path" | "recent";

/** Classes a what-if cycles through: the ones that break things first. */
const WHAT_IF_CLASSES = CLASS_ORDER.filter((c) => c !== "added") as readonly ChangeClass[];

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

export function Explorer({ model, api, initialNode, onQuit }: ExplorerProps) {
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const index = useMemo(() => buildSearchIndex(model.config), [model]);
  const [query, setQuery] = useState("");
  const results = useRef<{ query: string; result: SearchResult } | undefined>(undefined);
  const result = useMemo(() => {
    const previous = results.current;
    // A longer query only narrows: search among the previous matches.
    const narrowed = previous && query.startsWith(previous.query) ? previous.result : undefined;
    const next = searchNodes(index, query, narrowed);
    results.current = { query, result: next };
    return next;
  }, [index, query]);
  const initial = initialNode ? index.ids.indexOf(initialNode) : -1;
  const [cursor, setCursor] = useState(Math.max(0, result.matches.indexOf(initial)));
  // Read by the key handler through a ref: keys typed faster than a redraw see the newest mode.
  const [focus, setFocusState] = useState<"search" | "node">(initial >= 0 ? "node" : "search");
  const focusRef = useRef(focus);
  const setFocus = (next: "search" | "node") => {
    focusRef.current = next;
    setFocusState(next);
  };
  const [view, setView] = useState<View>("detail");
  const [depth, setDepth] = useState(1);
  // "unknown": a change of any kind, the question before anyone knows what the change will be.
  const [classIndex, setClassIndex] = useState(WHAT_IF_CLASSES.indexOf("unknown"));
  const [mark, setMark] = useState<string | undefined>(undefined);
  const [scroll, setScroll] = useState(0);
  const [help, setHelpState] = useState(false);
  const helpRef = useRef(help);
  const setHelp = (next: boolean) => {
    helpRef.current = next;
    setHelpState(next);
  };
  const [printMarkdown, setPrintMarkdown] = useState(false);
  const [message, setMessage] = useState("");

  const listHeight = Math.max(3, rows - 4);
  const listWidth = Math.max(20, Math.min(48, Math.floor(columns * 0.4)));
  const paneWidth = Math.max(20, columns - listWidth - 2);
  const selectedNumber = result.matches[Math.min(cursor, result.matches.length - 1)];
  const selected = selectedNumber === undefined ? undefined : index.ids[selectedNumber];
  const changeClass = WHAT_IF_CLASSES[classIndex] ?? "modified";

  const impact = useMemo(
    () => (selected && view === "whatif" ? api.whatIf(selected, changeClass) : undefined),
    [api, selected, view, changeClass],
  );
  const pane: Line[] = useMemo(() => {
    if (!selected) return [{ text: "No node matches the search.", color: "gray" }];
    switch (view) {
      case "detail":
        return detailLines(model, selected);
      case "down":
      case "up":
        return treeLines(model, selected, view, depth);
      case "whatif":
        return impact ? whatIfLines(impact, selected, changeClass) : [];
      case "path":
        return mark ? pathLines(model, mark, selected) : [];
      case "recent":
        return recentLines(
          selected,
          api.recentChanges ? api.recentChanges(selected) : "not inside a git repository",
          api.recentDays,
        );
    }
  }, [model, api, selected, view, depth, impact, changeClass, mark]);

  const rowsOf = useMemo(
    () => pane.flatMap((line) => wrapLine(line, paneWidth)),
    [pane, paneWidth],
  );

  const quit = () => {
    onQuit(printMarkdown && impact ? api.markdown(impact) : undefined);
    exit();
  };
  const show = (next: View) => {
    setView(next);
    setScroll(0);
    setMessage("");
  };
  const move = (delta: number) => {
    if (focusRef.current === "node") {
      setScroll((s) => Math.max(0, Math.min(Math.max(0, rowsOf.length - listHeight), s + delta)));
      return;
    }
    setCursor((c) => Math.max(0, Math.min(result.matches.length - 1, c + delta)));
    setScroll(0);
  };

  useInput((input, key) => {
    if (key.ctrl && input === "c") return quit();
    if (helpRef.current) return setHelp(false);
    if (key.upArrow) return move(-1);
    if (key.downArrow) return move(1);
    if (key.pageUp) return move(-listHeight);
    if (key.pageDown) return move(listHeight);
    if (focusRef.current === "search") {
      if (key.return) {
        if (selected) setFocus("node");
        return;
      }
      if (key.escape) {
        setQuery("");
        setCursor(0);
        return;
      }
      if (input === "?") return setHelp(true);
      if (key.backspace || key.delete) {
        setQuery((q) => q.slice(0, -1));
        setCursor(0);
        return;
      }
      if (input && !key.ctrl && !key.meta && !key.tab) {
        setQuery((q) => q + input);
        setCursor(0);
      }
      return;
    }
    // The node's keys.
    if (key.escape || input === "/") return setFocus("search");
    switch (input) {
      case "q":
        return quit();
      case "?":
        return setHelp(true);
      case "i":
        return show("detail");
      case "d":
        return show("down");
      case "u":
        return show("up");
      case "w":
        return show("whatif");
      case "r":
        return show("recent");
      case "+":
      case "=":
        return setDepth((d) => Math.min(d + 1, 20));
      case "-":
        return setDepth((d) => Math.max(d - 1, 1));
      case "c":
        setClassIndex((i) => (i + 1) % WHAT_IF_CLASSES.length);
        return show("whatif");
      case "m":
        setPrintMarkdown(true);
        setMessage("the PR comment for this what-if is printed when you quit");
        return;
      case "p":
        if (!mark || mark === selected) {
          setMark(selected);
          setMessage(`marked ${selected}: open another node and press p`);
          return;
        }
        return show("path");
    }
  });

  const first = Math.max(
    0,
    Math.min(cursor - Math.floor(listHeight / 2), result.matches.length - listHeight),
  );
  const visible = result.matches.slice(first, first + listHeight);

  if (help) {
    return (
      <Box flexDirection="column" borderStyle="round" paddingX={1} width={columns}>
        <Text bold>blastradius explore — keys</Text>
        {HELP.map(([keys, what]) => (
          <Text key={keys}>
            <Text color="cyan">{keys.padEnd(16)}</Text>
            {what}
          </Text>
        ))}
      </Box>
    );
  }
  return (
    <Box flexDirection="column" width={columns} height={rows}>
      <Box>
        <Box flexDirection="column" width={listWidth} marginRight={1}>
          <Text color={focus === "search" ? "cyan" : "gray"} wrap="truncate">
            {`search: ${terminalText(query)}${focus === "search" ? "▌" : ""}`}
          </Text>
          <Text
            color="gray"
            wrap="truncate"
          >{`${result.matches.length.toLocaleString("en-US")} of ${index.ids.length.toLocaleString("en-US")} nodes`}</Text>
          {visible.map((n) => {
            const id = index.ids[n] as string;
            const isSelected = n === selectedNumber;
            return (
              <Text key={id} inverse={isSelected} wrap="truncate">
                {`${isSelected ? "›" : " "} ${shown(id, listWidth - 3)}`}
              </Text>
            );
          })}
        </Box>
        <Box flexDirection="column" width={paneWidth}>
          {rowsOf.slice(scroll, scroll + listHeight + 2).map((line, i) => (
            // Rows have no identity beyond their place in the pane.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <Text key={i} color={line.color} bold={line.bold} wrap="truncate">
              {terminalText(line.text) || " "}
            </Text>
          ))}
        </Box>
      </Box>
      <Text color="gray" wrap="truncate">
        {terminalText(message) ||
          (focus === "search"
            ? "type to search · ↑↓ move · Enter open · ? help · Ctrl-C quit"
            : "i details · d/u trees · w what-if · c class · p path · r recent · m markdown · / search · ? help · q quit")}
      </Text>
    </Box>
  );
}
