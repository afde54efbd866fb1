// A Terraform plan in JSON from disk, read and classified, or a clear error saying where.

import { readTextFile } from "../adapters/fs/read-text.js";
import { PlanFormatError, type PlanReading, readPlan } from "../core/classify/terraform-plan.js";
import { InputError } from "../core/errors.js";
import { jsonTooDeepAt, MAX_JSON_DEPTH } from "../core/json-depth.js";
import { jsonSyntaxErrorAt, lineColumn } from "../core/json-syntax.js";

export interface PlanInput {
  readonly file: string;
  readonly reading: PlanReading;
}

/** JSON.parse's "at position N" -> line and column. */
function position(text: string, message: string): string {
  const at = /position (\d+)/.exec(message);
  if (!at) return "";
  const before = text.slice(0, Number(at[1]));
  const line = before.split("\n").length;
  return `:${line}:${before.length - before.lastIndexOf("\n")}`;
}

export function parsePlan(file: string, text: string): PlanInput {
  // Checked before parsing: the parse and the walks after it recurse on nesting.
  const deep = jsonTooDeepAt(text);
  if (deep !== undefined)
    throw new InputError(
      `${file}${position(text, `position ${deep}`)}: nested more than ${MAX_JSON_DEPTH} levels deep; not read`,
      "give the JSON plan as terraform writes it: terraform show -json plan.out > plan.json",
    );
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    // V8 names no position for many errors: where it stops being JSON is found here.
    const at = jsonSyntaxErrorAt(text);
    throw new InputError(
      `${file}${at === undefined ? position(text, message) : lineColumn(text, at)}: not JSON (${message})`,
      "give the JSON plan: terraform show -json plan.out > plan.json",
    );
  }
  try {
    return { file, reading: readPlan(value, file) };
  } catch (error) {
    if (error instanceof PlanFormatError) throw new InputError(error.message);
    throw error;
  }
}

export function readPlanFile(file: string): PlanInput {
  const read = readTextFile(file);
  if (!read.ok)
    throw new InputError(
      `cannot read the plan: ${read.diagnostic.message}`,
      `check the path ${file}`,
    );
  return parsePlan(file, read.text);
}
