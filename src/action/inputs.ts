// The Action's inputs, validated: a wrong value names the input and what it accepts.

import { type DepsLocation, parseDepsLocation } from "../app/deps-location.js";
import { pairRendered, type RenderedQuery } from "../app/read-rendered.js";
import type { CommentMode } from "../app/sticky-comment.js";
import { InputError } from "../core/errors.js";
import type { OnIncomplete } from "../core/gate.js";
import { RISKS, type Risk } from "../core/model.js";
import type { Runner } from "./runner.js";

export interface ActionInputs {
  readonly token: string;
  readonly deps: DepsLocation;
  readonly plan?: string;
  /** CloudFormation change sets (describe-change-set JSON), one path a line. */
  readonly changeSets?: readonly string[];
  /** The template each change set's stack deploys: one PATH, or STACK=PATH a line. */
  readonly stackTemplates?: readonly string[];
  /** Manifests an earlier step rendered at the base and at the head (paths in the workspace). */
  readonly rendered?: RenderedQuery;
  readonly failOn: Risk;
  readonly comment: CommentMode;
  readonly postWhenEmpty: boolean;
  readonly mentionOwners: boolean;
  readonly labels: boolean;
  readonly requestReviewers: boolean;
  readonly acknowledgeLabel: string;
  readonly commentAuthor?: string;
  readonly maxDepth?: number;
  readonly onIncomplete: OnIncomplete;
}

function choice<T extends string>(
  runner: Runner,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = runner.input(name) || fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(`input ${name} must be one of ${allowed.join(", ")}; got "${value}"`);
}

/** YAML 1.2 core booleans, as actions/toolkit's getBooleanInput reads them. */
export function flag(runner: Runner, name: string, fallback: boolean): boolean {
  const value = runner.input(name);
  if (value === "") return fallback;
  if (["true", "True", "TRUE"].includes(value)) return true;
  if (["false", "False", "FALSE"].includes(value)) return false;
  throw new InputError(`input ${name} must be true or false; got "${value}"`);
}

export function readInputs(runner: Runner): ActionInputs {
  const token = runner.input("token");
  if (token === "") {
    throw new InputError(
      "input token is empty",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, shown to the user
      "leave it unset to use the workflow's GITHUB_TOKEN, or pass a secret: token: ${{ secrets.MY_TOKEN }}",
    );
  }
  const maxDepth = runner.input("max-depth");
  if (maxDepth !== "" && !/^\d+$/.test(maxDepth)) {
    throw new InputError(`input max-depth takes a whole number; got "${maxDepth}"`);
  }
  const plan = runner.input("plan");
  const lines = (name: string) =>
    runner
      .input(name)
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
  const changeSets = lines("change-set");
  const stackTemplates = lines("stack-template");
  if (stackTemplates.length > 0 && changeSets.length === 0)
    throw new InputError(
      "input stack-template names the template a change set's stack deploys: give input change-set too",
    );
  const rendered = pairRendered(
    {
      ...(runner.input("rendered-base") ? { base: runner.input("rendered-base") } : {}),
      ...(runner.input("rendered-head") ? { head: runner.input("rendered-head") } : {}),
      ...(runner.input("rendered-namespace")
        ? { namespace: runner.input("rendered-namespace") }
        : {}),
    },
    {
      base: "input rendered-base",
      head: "input rendered-head",
      namespace: "input rendered-namespace",
    },
  );
  const commentAuthor = runner.input("comment-author");
  return {
    token,
    deps: parseDepsLocation(runner.input("deps") || "deps.yaml"),
    ...(plan ? { plan } : {}),
    ...(changeSets.length > 0 ? { changeSets } : {}),
    ...(stackTemplates.length > 0 ? { stackTemplates } : {}),
    ...(rendered ? { rendered } : {}),
    failOn: choice(runner, "fail-on", RISKS, "none"),
    comment: choice(runner, "comment", ["update", "recreate", "off"] as const, "update"),
    postWhenEmpty:
      choice(runner, "comment-when", ["always", "impact"] as const, "always") === "always",
    mentionOwners: flag(runner, "mention-owners", true),
    labels: flag(runner, "labels", true),
    requestReviewers: flag(runner, "request-reviewers", false),
    acknowledgeLabel: runner.input("acknowledge-label") || "blast-radius:acknowledged",
    onIncomplete: choice(runner, "on-incomplete", ["fail", "warn"] as const, "fail"),
    ...(commentAuthor ? { commentAuthor } : {}),
    ...(maxDepth ? { maxDepth: Number(maxDepth) } : {}),
  };
}
