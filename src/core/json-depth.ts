// How deeply a JSON text nests, found by one pass over its characters: a check that cannot
// itself overflow, run before anything recursive (a parser, a walk) meets foreign input.

/**
 * Documents nest a few dozen levels (a Terraform plan's deepest values, a policy's conditions);
 * past this, a file is built to exhaust the stack, not to describe infrastructure.
 */
export const MAX_JSON_DEPTH = 1000;

/** The offset where nesting first goes past limit, or undefined when it never does. */
export function jsonTooDeepAt(text: string, limit = MAX_JSON_DEPTH): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > limit) return i;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
  return undefined;
}
