// The file `--files-from` names: a list of changed paths, one a line.

import { readFileSync } from "node:fs";
import { InputError } from "../../core/errors.js";

export function readPathList(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new InputError(
      `cannot read --files-from ${file}: ${(error as NodeJS.ErrnoException).code ?? "unknown error"}`,
      "pass a file with one path per line, or - for standard input",
    );
  }
}
