// The bottom line: the last message, or the keys that work where the focus is.

import { Text } from "ink";
import { terminalText } from "../core/render/terminal-escape.js";
import type { Focus } from "./explorer-state.js";

export const SEARCH_KEYS =
  "type to search · ↑↓ move · Enter open · Ctrl-U clear · ? help · Ctrl-C quit";
export const NODE_KEYS =
  "i details · d/u trees · w what-if · c class · p path · r recent · m markdown · / search · ? help · q quit";

export function StatusLine({
  message,
  focus,
}: {
  readonly message: string;
  readonly focus: Focus;
}) {
  return (
    <Text color="gray" wrap="truncate">
      {terminalText(message) || (focus === "search" ? SEARCH_KEYS : NODE_KEYS)}
    </Text>
  );
}
