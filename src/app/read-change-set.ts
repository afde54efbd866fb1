// CloudFormation change sets from disk (describe-change-set's JSON), read and classified, or a
// clear error saying where; and which template each stack deploys, as the user said it.

import { readTextFile } from "../adapters/fs/read-text.js";
import {
  CHANGE_SET_HINT,
  ChangeSetFormatError,
  type ChangeSetReading,
  readChangeSet,
  type TemplateOf,
} from "../core/classify/cloudformation-change-set.js";
import { InputError } from "../core/errors.js";
import type { ObjectInput } from "../core/object-input.js";
import { parseJsonInput } from "./parse-json-input.js";

export interface ChangeSetInput {
  readonly file: string;
  readonly reading: ChangeSetReading;
}

export function parseChangeSet(
  file: string,
  text: string,
  templateOf: TemplateOf = () => undefined,
): ChangeSetInput {
  const value = parseJsonInput(file, text, { deep: CHANGE_SET_HINT, notJson: CHANGE_SET_HINT });
  try {
    return { file, reading: readChangeSet(value, file, templateOf) };
  } catch (error) {
    if (error instanceof ChangeSetFormatError) throw new InputError(error.message, CHANGE_SET_HINT);
    throw error;
  }
}

export function readChangeSetFile(
  file: string,
  templateOf: TemplateOf = () => undefined,
): ChangeSetInput {
  const read = readTextFile(file);
  if (!read.ok)
    throw new InputError(
      `cannot read the change set: ${read.diagnostic.message}`,
      `check the path ${file}`,
    );
  return parseChangeSet(file, read.text, templateOf);
}

const STACK_NAME = /^[A-Za-z][A-Za-z0-9-]*$/;

/**
 * `--stack-template infra/app.yaml` (every stack deploys it) or `--stack-template
 * AppStack=infra/app.yaml` (one per stack): the template whose resources' addresses
 * (`infra/app.yaml#AppRole`) match.cloudformation rules name. `option` names where they came from.
 */
export function stackTemplates(values: readonly string[], option: string): TemplateOf {
  const byStack = new Map<string, string>();
  let every: string | undefined;
  for (const value of values) {
    const eq = value.indexOf("=");
    const stack = eq < 0 ? undefined : value.slice(0, eq);
    const path = (eq < 0 ? value : value.slice(eq + 1)).trim().replace(/^(\.\/)+/, "");
    if (path === "")
      throw new InputError(`${option} "${value}" names no template`, "e.g. infra/app.yaml");
    if (path.startsWith("/") || /^[A-Za-z]:[\\/]/.test(path) || path.split("/").includes(".."))
      throw new InputError(
        `${option} "${value}": give the template's path relative to the repository root, as match.cloudformation rules write it`,
        "e.g. infra/app.yaml",
      );
    if (stack === undefined) {
      if (every !== undefined || values.length > 1)
        throw new InputError(
          `${option} is given ${values.length} times: say which stack each template is for`,
          `write STACK=PATH, e.g. ${option} AppStack=infra/app.yaml`,
        );
      every = path;
    } else {
      if (!STACK_NAME.test(stack))
        throw new InputError(
          `${option} "${value}": "${stack}" is not a stack name (letters, digits and hyphens, starting with a letter)`,
          `write STACK=PATH, e.g. ${option} AppStack=infra/app.yaml`,
        );
      if (byStack.has(stack))
        throw new InputError(`${option} names stack ${stack} twice`, "give one template per stack");
      byStack.set(stack, path);
    }
  }
  return (stack) => byStack.get(stack) ?? every;
}

/** Change set files as object inputs of the analysis, each stack's resources under its template. */
export function readChangeSetInputs(
  files: readonly string[],
  templates: readonly string[],
  option: string,
): ObjectInput[] {
  const templateOf = stackTemplates(templates, option);
  return withNestedUnjudged(files.map((file) => readChangeSetFile(file, templateOf)));
}

/**
 * Change sets as object inputs: a nested stack whose own change set was not given too is not
 * judged (its resources' changes are only in that one), so the analysis says it is incomplete.
 */
export function withNestedUnjudged(inputs: readonly ChangeSetInput[]): ObjectInput[] {
  const given = new Set(inputs.flatMap((input) => input.reading.ids));
  return inputs.map((input) => {
    const missing = input.reading.nested.filter((n) => !given.has(n.changeSetId));
    return {
      kind: "change-set",
      ...input,
      ...(missing.length > 0
        ? {
            unjudged: missing.map((n) => ({
              file: input.file,
              reason: `nested stack ${n.address}: its resources' changes are in change set ${n.changeSetId}, which was not given (describe it with --include-property-values and give it too)`,
            })),
          }
        : {}),
    };
  });
}
