// The help overlay: every key and what it does.

import { Box, Text } from "ink";
import { HELP } from "./pane-lines.js";

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
