// Flag values -> typed options, with usage errors as InputError.

import { InputError } from "../core/errors.js";

export function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(`${flag} must be one of ${allowed.join(", ")}; got "${value}"`);
}

export function wholeNumber(flag: string, value: string | undefined, min = 0): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min) {
    throw new InputError(`${flag} takes a whole number of at least ${min}; got "${value}"`);
  }
  return Number(value);
}

/** Colour when writing to a terminal, unless NO_COLOR; FORCE_COLOR forces it. */
export function wantsColor(
  env: Readonly<Record<string, string | undefined>>,
  isTTY: boolean,
  flag: boolean,
): boolean {
  if (!flag) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return isTTY && env.TERM !== "dumb";
}

/** A repeatable option's values, in order (commander's argParser for `--x a --x b`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export const NO_CACHE_HELP =
  "load the graph afresh: neither read nor write the graph cache (BLASTRADIUS_CACHE=off does the same)";
