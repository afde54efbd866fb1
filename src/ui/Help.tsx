// The help overlay: every key and what it does.

import { Box, Text } from "ink";

/** Every key, with what it does; the README and the reducer's tests list the same. */
export const HELP: readonly [string, string][] = [
  ["type", "search nodes by id, kind, owner, description"],
  ["Ctrl-U", "clear the search"],
  ["↑ ↓ PgUp PgDn", "move in the list (or scroll the pane)"],
  ["Enter", "open the selected node: the keys below work"],
  ["Esc or /", "back to the search"],
  ["i", "details: owner, tier, links, match rules, edges"],
  ["d / u", "downstream / upstream tree"],
  ["+ / -", "one level more / less in a tree"],
  ["w", "what-if: the blast radius of a change to this node"],
  ["c", "what-if with the next change class"],
  ["m", "print the what-if's PR comment (markdown) on exit"],
  ["p", "path: mark this node, open another, press p again"],
  ["r", "recent changes upstream (git, last days)"],
  ["?", "this help (any key closes it)"],
  ["q or Ctrl-C", "quit"],
];

export function Help({ width }: { readonly width: number }) {
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={width}>
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
