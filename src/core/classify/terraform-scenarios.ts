// What a module's callers may pass, beyond the defaults: the scenarios a Terraform folder is
// read under, so that a change only callers who turn a feature on (or fill an input) see is
// still seen, and says when.

import { regExpLiteral } from "../regexp-literal.js";
import { Unknown, type Value } from "./hcl-evaluate.js";
import { type ModuleFile, type Variable, variablesOf } from "./terraform-module.js";

/** What a caller may pass, beyond the defaults: each flag flipped, and values for inputs left empty. */
export interface Scenario {
  readonly values: ReadonlyMap<string, Value>;
  /** When it applies, for one sentence of evidence: naming the inputs the sentence shows. */
  readonly label?: (detail: string) => string;
  /**
   * Set by what the module's existing callers cannot already be setting: an input this change
   * introduces, or a value only a caller knows (an input with a default, overridden).
   */
  readonly speculative?: boolean;
}

/** `var.a, var.b and 3 more`, preferring the ones a sentence mentions. */
function named(names: readonly string[], detail: string): string {
  const mentioned = names.filter((n) => new RegExp(`\\bvar\\.${regExpLiteral(n)}\\b`).test(detail));
  const shown = (mentioned.length > 0 ? mentioned : names).map((n) => `var.${n}`);
  return `${shown.slice(0, 3).join(", ")}${shown.length > 3 ? ` and ${shown.length - 3} more` : ""}`;
}

const MAX_SCENARIOS = 60;

const isEmpty = (v: unknown) => v === null || v === "" || (Array.isArray(v) && v.length === 0);

/** A stand-in for what a caller passes where the default is empty. */
function sample(variable: Variable): Value | undefined {
  const type = variable.type ?? (Array.isArray(variable.default) ? "list(string)" : "string");
  if (type === "string") return `<var.${variable.name}>`;
  if (/^(list|set)\(string\)$/.test(type))
    return [`<var.${variable.name}[0]>`, `<var.${variable.name}[1]>`];
  if (type === "bool" || type === "number") return undefined;
  // A map or object: its shape is the caller's, so reading into it is unknown.
  return new Unknown(`var.${variable.name}`, [`var.${variable.name} is set by the caller`]);
}

const isEmptyObject = (v: unknown) =>
  v !== null && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0;

/**
 * The readings of a folder: with the defaults; then with the inputs its existing callers may
 * already set (variables the base declares: flags that are off turned on, empty inputs given
 * values); then the same over every input, new ones included, and with inputs that have a
 * default taken as set by the caller. The last two only say what a caller could see by
 * opting in: they are speculative.
 */
export function scenariosOf(base: readonly ModuleFile[], head: readonly ModuleFile[]): Scenario[] {
  const before = variablesOf(base);
  const variables = new Map([...before, ...variablesOf(head)]);
  const existing = [...variables.values()].filter((v) => before.has(v.name));
  const scenarios: Scenario[] = [
    { values: new Map() },
    ...flagScenarios(existing, false),
    ...flagScenarios([...variables.values()], true),
  ];
  // Last, inputs with a default callers may override (a list of actions, a path): unknown.
  const overridable = [...variables.values()].filter(
    (v) =>
      (typeof v.default === "string" && v.default !== "") ||
      (Array.isArray(v.default) &&
        v.default.length > 0 &&
        v.default.every((x) => typeof x === "string")),
  );
  if (overridable.length > 0) {
    const { sampled, flags } = inputsOf([...variables.values()]);
    const set = new Map<string, Value>([...sampled, ...flags.map((f) => [f, true] as const)]);
    for (const v of overridable)
      set.set(v.name, new Unknown(`var.${v.name}`, [`var.${v.name} is set by the caller`]));
    scenarios.push({
      label: (detail) =>
        `when callers set inputs that have defaults (${named(
          overridable.map((v) => v.name),
          detail,
        )})`,
      values: set,
      speculative: true,
    });
  }
  return scenarios;
}

/** Flags off by default, and inputs empty by default with stand-in values. */
function inputsOf(variables: readonly Variable[]): {
  sampled: Map<string, Value>;
  flags: string[];
} {
  const sampled = new Map<string, Value>();
  const flags: string[] = [];
  for (const v of [...variables].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    // Flags that are off by default turn features on: what the change does to callers that use them.
    if (v.default === false) flags.push(v.name);
    if (v.hasDefault && (isEmpty(v.default) || isEmptyObject(v.default))) {
      const value = sample(v);
      if (value !== undefined) sampled.set(v.name, value);
    }
  }
  return { sampled, flags };
}

function flagScenarios(variables: readonly Variable[], speculative: boolean): Scenario[] {
  const { sampled, flags } = inputsOf(variables);
  const scenarios: Scenario[] = [];
  const push = (label: (detail: string) => string, values: Map<string, Value>) =>
    scenarios.push({ label, values, ...(speculative ? { speculative } : {}) });
  const inputs = (detail: string) =>
    `with values for inputs empty by default (${named([...sampled.keys()], detail)})`;
  if (sampled.size > 0) push(inputs, sampled);
  if (flags.length > 1) {
    // Features often need two flags (create the role, and allow this on it): all of them on.
    const all = new Map<string, Value>(flags.map((f) => [f, true]));
    const on = "when every flag that is off by default is on";
    push(() => on, all);
    if (sampled.size > 0)
      push((detail) => `${on}, ${inputs(detail)}`, new Map([...sampled, ...all]));
  }
  for (const flag of flags.slice(0, MAX_SCENARIOS)) {
    push(() => `when var.${flag} = true`, new Map([[flag, true]]));
    if (sampled.size > 0)
      push(
        (detail) => `when var.${flag} = true, ${inputs(detail)}`,
        new Map([...sampled, [flag, true]]),
      );
  }
  return scenarios;
}
