// The right column: the selected node's view, from its first scrolled row.

import { Box, Text } from "ink";
import { terminalText } from "../core/render/terminal-escape.js";
import type { Line } from "./pane-lines.js";

export interface PaneProps {
  /** Rows already wrapped to the width. */
  readonly rows: readonly Line[];
  readonly scroll: number;
  readonly height: number;
  readonly width: number;
}

export function Pane({ rows, scroll, height, width }: PaneProps) {
  return (
    <Box flexDirection="column" width={width}>
      {rows.slice(scroll, scroll + height).map((line, i) => (
        // Rows have no identity beyond their place in the pane.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Text key={i} color={line.color} bold={line.bold} wrap="truncate">
          {terminalText(line.text) || " "}
        </Text>
      ))}
    </Box>
  );
}
