// The HCL parser's process and the CLI speak JSON a line each way (hcl-child.ts,
// hcl-child-client.ts): both read a stream the same way.

import type { Readable } from "node:stream";

/**
 * Calls `each` with every JSON value written a line each on `stream`, as its lines arrive; a
 * line that is not JSON goes to `bad`, and nothing more is read.
 */
export function eachJsonLine(
  stream: Readable,
  each: (value: unknown) => void,
  bad: (line: string) => void,
): void {
  let buffered = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk: string) => {
    buffered += chunk;
    for (let end = buffered.indexOf("\n"); end >= 0; end = buffered.indexOf("\n")) {
      const line = buffered.slice(0, end);
      buffered = buffered.slice(end + 1);
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        stream.removeAllListeners("data");
        bad(line);
        return;
      }
      each(value);
    }
  });
}
