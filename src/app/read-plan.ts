// A Terraform plan in JSON from disk, read and classified, or a clear error saying where.

import { readTextFile } from "../adapters/fs/read-text.js";
import { PlanFormatError, type PlanReading, readPlan } from "../core/classify/terraform-plan.js";
import { InputError } from "../core/errors.js";
import { parseJsonInput } from "./parse-json-input.js";

export interface PlanInput {
  readonly file: string;
  readonly reading: PlanReading;
}

export function parsePlan(file: string, text: string): PlanInput {
  const value = parseJsonInput(file, text, {
    deep: "give the JSON plan as terraform writes it: terraform show -json plan.out > plan.json",
    notJson: "give the JSON plan: terraform show -json plan.out > plan.json",
  });
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
