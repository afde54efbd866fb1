// The left column: the search box, how many nodes match, and the part of the list that fits.

import { Box, Text } from "ink";
import { terminalText } from "../core/render/terminal-escape.js";
import { shortenMiddle } from "./shorten-middle.js";

export interface SearchListProps {
  readonly query: string;
  /** Keys go to the search box: it shows a cursor and is drawn in colour. */
  readonly active: boolean;
  /** Every node's id, by node number. */
  readonly ids: readonly string[];
  /** Node numbers that match, best first. */
  readonly matches: readonly number[];
  readonly cursor: number;
  readonly width: number;
  readonly height: number;
}

/** A query too long for the box keeps its end, where the typing happens: `…tail`. */
export function queryTail(query: string, room: number): string {
  const chars = Array.from(query);
  if (chars.length <= room) return query;
  return room < 2 ? "…" : `…${chars.slice(chars.length - (room - 1)).join("")}`;
}

export function SearchList({
  query,
  active,
  ids,
  matches,
  cursor,
  width,
  height,
}: SearchListProps) {
  // The selection stays in the middle of the list where it can.
  const first = Math.max(0, Math.min(cursor - Math.floor(height / 2), matches.length - height));
  const selected = matches[Math.min(cursor, matches.length - 1)];
  return (
    <Box flexDirection="column" width={width} marginRight={1}>
      <Text color={active ? "cyan" : "gray"} wrap="truncate">
        {`search: ${queryTail(terminalText(query), width - 8 - (active ? 1 : 0))}${active ? "▌" : ""}`}
      </Text>
      <Text color="gray" wrap="truncate">
        {`${matches.length.toLocaleString("en-US")} of ${ids.length.toLocaleString("en-US")} nodes`}
      </Text>
      {matches.slice(first, first + height).map((n) => {
        const id = ids[n] as string;
        const isSelected = n === selected;
        return (
          <Text key={id} inverse={isSelected} wrap="truncate">
            {`${isSelected ? "›" : " "} ${shortenMiddle(terminalText(id), width - 3)}`}
          </Text>
        );
      })}
    </Box>
  );
}
