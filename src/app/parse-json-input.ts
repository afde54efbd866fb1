// A JSON file a user gives (a Terraform plan, a CloudFormation change set), parsed with the
// same care for both: nesting checked before parsing, and where it stops being JSON said as
// file:line:column, with what to do.

import { InputError } from "../core/errors.js";
import { jsonTooDeepAt, MAX_JSON_DEPTH } from "../core/json-depth.js";
import { jsonSyntaxErrorAt, lineColumn } from "../core/json-syntax.js";

/** JSON.parse's "at position N" -> line and column. */
function position(text: string, message: string): string {
  const at = /position (\d+)/.exec(message);
  return at ? lineColumn(text, Number(at[1])) : "";
}

export function parseJsonInput(
  file: string,
  text: string,
  hints: { readonly deep: string; readonly notJson: string },
): unknown {
  // Checked before parsing: the parse and the walks after it recurse on nesting.
  const deep = jsonTooDeepAt(text);
  if (deep !== undefined)
    throw new InputError(
      `${file}${lineColumn(text, deep)}: nested more than ${MAX_JSON_DEPTH} levels deep; not read`,
      hints.deep,
    );
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    // V8 names no position for many errors: where it stops being JSON is found here.
    const at = jsonSyntaxErrorAt(text);
    throw new InputError(
      `${file}${at === undefined ? position(text, message) : lineColumn(text, at)}: not JSON (${message})`,
      hints.notJson,
    );
  }
}
