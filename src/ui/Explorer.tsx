// The explorer: a searchable node list on the left, the selected node's views on the right.
// The wiring: ink's keys and resizes go through one reducer (explorer-state.ts), and the
// components draw the state it holds; every answer comes from the core.

import { Box, useApp, useInput, useStdout } from "ink";
import { useCallback, useEffect, useMemo, useReducer } from "react";
import type { ExplorerProps } from "./explorer-api.js";
import { explorerContent } from "./explorer-content.js";
import {
  type ExplorerEvent,
  type ExplorerState,
  initialState,
  layoutOf,
  reduceExplorer,
} from "./explorer-state.js";
import { Help } from "./Help.js";
import { Pane } from "./Pane.js";
import { SearchList } from "./SearchList.js";
import { StatusLine } from "./StatusLine.js";
import { terminalSize, useTerminalResize } from "./use-terminal-size.js";

export function Explorer({ model, api, initialNode, onQuit }: ExplorerProps) {
  const { exit } = useApp();
  const { stdout } = useStdout();
  const content = useMemo(() => explorerContent(model, api), [model, api]);
  const reducer = useCallback(
    (state: ExplorerState, event: ExplorerEvent) => reduceExplorer(content, state, event),
    [content],
  );
  const [state, dispatch] = useReducer(reducer, undefined, () =>
    initialState(content.index, {
      ...(initialNode !== undefined ? { initialNode } : {}),
      ...terminalSize(stdout),
    }),
  );
  useInput(useCallback((input, key) => dispatch({ type: "key", input, key }), []));
  useTerminalResize(useCallback((size) => dispatch({ type: "resize", ...size }), []));

  useEffect(() => {
    if (!state.quit) return;
    const impact = state.printMarkdown ? content.impact(state) : undefined;
    onQuit(impact ? api.markdown(impact) : undefined);
    exit();
  }, [state, content, api, onQuit, exit]);

  const { listHeight, listWidth, paneWidth } = layoutOf(state.columns, state.rows);
  if (state.help) return <Help width={state.columns} />;
  return (
    <Box flexDirection="column" width={state.columns} height={state.rows}>
      <Box>
        <SearchList
          query={state.query}
          active={state.focus === "search"}
          ids={content.index.ids}
          matches={state.result.matches}
          cursor={state.cursor}
          width={listWidth}
          height={listHeight}
        />
        <Pane
          rows={content.pane(state)}
          scroll={state.scroll}
          height={listHeight + 2}
          width={paneWidth}
        />
      </Box>
      <StatusLine message={state.message} focus={state.focus} />
    </Box>
  );
}
