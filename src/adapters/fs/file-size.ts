// A file's size in bytes, without reading it; undefined when it cannot be seen.

import { statSync } from "node:fs";

export function fileSize(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch {
    return undefined;
  }
}
