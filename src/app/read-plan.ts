// A Terraform plan in JSON from disk, read and classified, or a clear error saying where.

import { readTextFile } from "../adapters/fs/read-text.js";
import {
  PlanFormatError,
  type PlannedState,
  type PlanReading,
  readPlan,
  readPlannedState,
} from "../core/classify/terraform-plan.js";
import { InputError } from "../core/errors.js";
import { parseJsonInput } from "./parse-json-input.js";

export interface PlanInput {
  readonly file: string;
  readonly reading: PlanReading;
}

export function parsePlan(file: string, text: string): PlanInput {
  return { file, reading: readAs(file, text, readPlan) };
}

/** The JSON, read by `reader`, with the plan's format errors as input errors. */
function readAs<T>(file: string, text: string, reader: (value: unknown, file: string) => T): T {
  const value = parseJsonInput(file, text, {
    deep: "give the JSON plan as terraform writes it: terraform show -json plan.out > plan.json",
    notJson: "give the JSON plan: terraform show -json plan.out > plan.json",
  });
  try {
    return reader(value, file);
  } catch (error) {
    if (error instanceof PlanFormatError) throw new InputError(error.message);
    throw error;
  }
}

function readPlanText(file: string): string {
  const read = readTextFile(file);
  if (!read.ok)
    throw new InputError(
      `cannot read the plan: ${read.diagnostic.message}`,
      `check the path ${file}`,
    );
  return read.text;
}

export function readPlanFile(file: string): PlanInput {
  return parsePlan(file, readPlanText(file));
}

/** The state a plan leaves (for verifying contracts), from disk. */
export function readPlannedStateFile(file: string): { file: string; state: PlannedState } {
  return { file, state: readAs(file, readPlanText(file), readPlannedState) };
}
