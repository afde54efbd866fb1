// CloudFormation resource addresses (`<template file>#<LogicalId>`) and deps.yaml's
// match.cloudformation patterns over them. A logical id is alphanumeric, so the last `#` of an
// address always separates the template from the resource, whatever the path holds.

import {
  compileGlob,
  compileWildcard,
  GlobError,
  globProblem,
  type Matcher,
} from "../locate/glob.js";

/** `infra/app.yaml#AppRole`. */
export function resourceAddress(template: string, logicalId: string): string {
  return `${template}#${logicalId}`;
}

/** An address split at its last `#`; undefined when it has none. */
export function splitAddress(
  address: string,
): { readonly template: string; readonly logicalId: string } | undefined {
  const at = address.lastIndexOf("#");
  if (at < 0) return undefined;
  return { template: address.slice(0, at), logicalId: address.slice(at + 1) };
}

const LOGICAL_ID = /^[A-Za-z0-9*?]+$/;

/** A compiled `<template glob>#<logical id pattern>`. */
export interface ResourcePattern {
  readonly source: string;
  test(address: string): boolean;
}

/**
 * `templates/*.yaml#AppRole`, `cdk.out/*.template.json#ImportFunctionServiceRole*`: the template
 * part is a path glob (as match.paths writes them), the logical id part a wildcard (`*`, `?`).
 * Throws GlobError on a pattern checkResourcePattern refuses.
 */
export function compileResourcePattern(pattern: string): ResourcePattern {
  const parts = splitAddress(pattern);
  if (!parts || parts.template === "" || !LOGICAL_ID.test(parts.logicalId))
    throw new GlobError(`"${pattern}" is not a CloudFormation resource pattern`);
  const template: Matcher = compileGlob(parts.template);
  const id: Matcher = compileWildcard(parts.logicalId, { starCrossesSlash: true, question: true });
  return {
    source: pattern,
    test(address: string): boolean {
      const split = splitAddress(address);
      return split !== undefined && id.test(split.logicalId) && template.test(split.template);
    },
  };
}

/**
 * A node's match.cloudformation rules, compiled; a malformed one is left out (it is an error
 * of the graph, reported when the graph is loaded).
 */
export function compileResourcePatterns(rules: readonly string[]): ResourcePattern[] {
  return rules.flatMap((rule) => {
    try {
      return [compileResourcePattern(rule)];
    } catch {
      return [];
    }
  });
}

/** What is wrong with a match.cloudformation pattern, as a message and a hint; undefined if nothing. */
export function checkResourcePattern(
  pattern: string,
): { readonly message: string; readonly hint: string } | undefined {
  const parts = splitAddress(pattern);
  const example = "e.g. infra/app.yaml#AppRole, cdk.out/*.template.json#ImportFunctionServiceRole*";
  if (!parts || parts.template === "" || parts.logicalId === "")
    return {
      message: `"${pattern}" is not a CloudFormation resource pattern: write <template path>#<logical id>`,
      hint: example,
    };
  if (!LOGICAL_ID.test(parts.logicalId))
    return {
      message: `"${parts.logicalId}" in "${pattern}" is not a logical id: CloudFormation logical ids are letters and digits (with * and ? as wildcards here)`,
      hint: example,
    };
  const problem = globProblem(parts.template);
  if (problem !== undefined)
    return { message: `the template path "${parts.template}" ${problem}`, hint: example };
  return undefined;
}
