// Where the graph lives: a path in the repository under review, or `owner/repo:path@ref` for a
// central graph kept in another repository.

import { InputError } from "../core/errors.js";

export interface DepsLocation {
  /** owner/name; undefined means the repository of the pull request. */
  readonly repo?: string;
  readonly path: string;
  /** A branch, tag or sha; undefined means the base commit (or the other repository's default branch). */
  readonly ref?: string;
  /** As given: names the comment, so each graph has its own. */
  readonly key: string;
}

const REMOTE = /^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+):([^@]+?)(?:@(.+))?$/;

export function parseDepsLocation(input: string): DepsLocation {
  const value = input.trim();
  if (value === "")
    throw new InputError("the deps input is empty", "give a path such as deps.yaml");
  const remote = REMOTE.exec(value);
  if (remote) {
    const [, repo = "", path = "", ref] = remote;
    return { repo, path: cleanPath(path, value), ...(ref ? { ref } : {}), key: value };
  }
  if (value.includes(":")) {
    throw new InputError(
      `cannot read the deps location "${value}"`,
      "give a path in this repository (deps.yaml) or owner/repo:path@ref for another repository",
    );
  }
  return { path: cleanPath(value, value), key: value };
}

function cleanPath(path: string, input: string): string {
  const clean = path.replace(/^\.\//, "");
  if (clean.startsWith("/") || clean.split("/").includes("..")) {
    throw new InputError(
      `the deps path in "${input}" must be relative to the repository root, without ..`,
    );
  }
  return clean;
}
