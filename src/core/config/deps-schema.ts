// The one description of deps.yaml: the validator is compiled from it and
// schema/deps.schema.json is generated from it, so the two cannot drift apart.

import { CLASS_ORDER } from "../classes.js";

export const ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._:/@+_-]*$";
export const CLASS_PATTERN = "^[a-z][a-z0-9-]*$";
/** A GitHub user or team handle: `@user`, `@org/team`. */
export const GITHUB_HANDLE_PATTERN =
  "^@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:/[A-Za-z0-9._-]+)?$";
export const EMAIL_PATTERN = "^[^@\\s]+@[^@\\s]+$";

/**
 * Ids that are also names on Object.prototype: graphology keeps adjacency in plain objects,
 * so a node called "constructor" would corrupt the graph. Refused as ids.
 */
export const RESERVED_IDS: readonly string[] = Object.getOwnPropertyNames(Object.prototype).sort();

const ids = { pattern: ID_PATTERN, maxLength: 200, not: { enum: RESERVED_IDS } } as const;

/** The subset of JSON Schema (draft-07) that compile-schema.ts understands. */
export interface SchemaNode {
  readonly type?: "object" | "array" | "string" | "integer" | "boolean";
  readonly description?: string;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: false | SchemaNode;
  readonly propertyNames?: {
    readonly pattern: string;
    readonly maxLength?: number;
    readonly not?: { readonly enum: readonly string[] };
  };
  readonly items?: SchemaNode;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly const?: number | string;
  readonly enum?: readonly string[];
  /** Alternatives told apart by their `type`. */
  readonly anyOf?: readonly SchemaNode[];
  readonly examples?: readonly unknown[];
}

const text = (description: string, extra: Partial<SchemaNode> = {}): SchemaNode => ({
  type: "string",
  minLength: 1,
  maxLength: 4000,
  description,
  ...extra,
});

const link = (description: string): SchemaNode =>
  text(description, { pattern: "^(https?://|\\./|\\.\\./|/)\\S*$" });

const classList: SchemaNode = {
  type: "array",
  description: `Change classes this edge breaks on; on the others it is at risk. One of: ${CLASS_ORDER.join(", ")}. Omitted: the default for its via (see the README), else every class.`,
  items: { type: "string", enum: CLASS_ORDER, maxLength: 64 },
};

const waiver: SchemaNode = {
  type: "object",
  description:
    "A known, accepted break: shown as waived with its reason until the date, then enforced again. validate warns when it has expired or expires within 14 days.",
  required: ["until", "reason"],
  additionalProperties: false,
  properties: {
    until: text("The last day it is waived (YYYY-MM-DD).", {
      pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
      maxLength: 10,
    }),
    reason: text("Why the break is accepted, and what will end it."),
  },
};

const pending: SchemaNode = {
  type: "boolean",
  description:
    "true: a new expectation that may not hold yet. Shown as 'pending: would break' when it does not hold, never raising the risk or failing the gate.",
};

/** An expectation's own lifecycle, beside what it expects. */
const entry = (key: string, value: SchemaNode, description: string): SchemaNode => ({
  anyOf: [
    value,
    {
      type: "object",
      description,
      required: [key],
      additionalProperties: false,
      properties: { [key]: value, pending, waive: waiver },
    },
  ],
});

/** An IAM action (s3:GetObject, s3:Get*) or a Kubernetes RBAC permission (list secrets, create appprojects.argoproj.io). */
export const ALLOWS_PATTERN = "^(?:\\*|[A-Za-z0-9*?-]+:[A-Za-z0-9*?_-]+|[A-Za-z*]+ [^\\s]+)$";

const principal = text("A principal ARN, an AWS service (lambda.amazonaws.com) or an account id.", {
  maxLength: 2048,
});
const action = text(
  "An IAM action (s3:GetObject; wildcards as in IAM, s3:Get*), checked against AWS's catalogue of actions; or, for a Kubernetes Role or ClusterRole, an RBAC permission: `<verb> <resource>[.<group>][/<subresource>]` (list secrets, create appprojects.argoproj.io, get pods/log).",
  { maxLength: 256, pattern: ALLOWS_PATTERN },
);

const expectsSchema: SchemaNode = {
  type: "object",
  description:
    "The dependent's contract with the node it depends on. Each expectation decides the edge for the change classes it speaks about (trusts: trust-narrowed and trust-widened; allows: permissions-removed and permissions-added; exists: deleted): kept, the dependent is at most at risk through this edge for them; broken, it breaks, whatever breaks_on says. Checked whenever that node changes, and at any time with `blastradius contracts`.",
  additionalProperties: false,
  properties: {
    trusts: {
      type: "array",
      description:
        "Principals the role must keep trusting: ARNs (arn:aws:iam::111111111111:role/job-runner), services or 12-digit account ids. Each may be written { principal, pending, waive }.",
      items: entry("principal", principal, "A principal with its own lifecycle."),
    },
    allows: {
      type: "array",
      description:
        "What the node's documents must keep allowing: IAM actions for roles and policies (s3:GetObject), RBAC permissions for Kubernetes Roles and ClusterRoles (list secrets). Each may be written { action, pending, waive }.",
      items: entry("action", action, "An action with its own lifecycle."),
    },
    exists: {
      anyOf: [
        { type: "boolean", description: "true: the node must not be deleted." },
        {
          type: "object",
          description: "The node must not be deleted; with its own lifecycle.",
          additionalProperties: false,
          properties: { pending, waive: waiver },
        },
      ],
    },
    pending,
    waive: waiver,
  },
};

const edgeLong: SchemaNode = {
  type: "object",
  description: "A dependency with how it works.",
  required: ["on"],
  additionalProperties: false,
  properties: {
    on: text("The node depended on.", { pattern: ID_PATTERN, maxLength: 200 }),
    via: text(
      "How the dependency works. Recommended: assumes-role, token-exchange, calls, reads, writes, triggers, publishes-to, runs-as, renders, alerts-on, deploys, depends-on.",
      { pattern: CLASS_PATTERN, maxLength: 64 },
    ),
    breaks_on: classList,
    description: text("Why this dependency exists."),
    expects: expectsSchema,
  },
};

const node: SchemaNode = {
  type: "object",
  description: "A thing that can break: an IAM role, a service, a job, a table, a dashboard …",
  additionalProperties: false,
  properties: {
    kind: text(
      "What it is: iam-role, service-account, service, job, table, dashboard, alert … Required, unless the node adds to an entity of an included Backstage catalog.",
      {
        maxLength: 64,
      },
    ),
    owner: text("The owners key of the team that owns it.", {
      pattern: ID_PATTERN,
      maxLength: 200,
    }),
    tier: {
      type: "integer",
      minimum: 0,
      maximum: 3,
      description: "Criticality: 0 is the most critical, 3 the least. Omitted counts as 2.",
    },
    description: text("What it does, in a sentence."),
    docs: link("Link to its documentation."),
    runbook: link("Link to its runbook."),
    match: {
      type: "object",
      description: "What in a repository changes this node.",
      additionalProperties: false,
      properties: {
        paths: {
          type: "array",
          description:
            "Globs relative to the repository root (picomatch syntax, dotfiles included, no extglobs), optionally qualified by repository: `acme/infra:terraform/iam/**`.",
          items: text("A glob, optionally `owner/repo:glob`; not negated.", {
            maxLength: 1000,
            pattern: "^[^!\\s]",
          }),
        },
        terraform: {
          type: "array",
          description:
            "Terraform resource addresses or address globs: `aws_iam_role.automation_runner`, `module.jobs.*`.",
          items: text("A resource address or glob.", { maxLength: 1000 }),
        },
        kubernetes: {
          type: "array",
          description:
            "Kubernetes objects, in the manifests match.paths matches: `Kind/namespace/name`, or `Kind/name` for an object written without a namespace (cluster-scoped, or applied to whatever namespace is chosen at apply time). `*` matches within one segment: `Deployment/monitoring/*`, `Role/*/argocd-*`.",
          // The form is checked after reading (kubernetes-rules.ts), with a message that says
          // how to write it, rather than by a schema pattern that quotes a regular expression.
          items: text("An object pattern: Kind/namespace/name or Kind/name.", { maxLength: 1000 }),
        },
        cloudformation: {
          type: "array",
          description:
            "CloudFormation (and CDK) template resources: `<template path glob>#<logical id>`, e.g. `infra/app.yaml#AppRole`, `cdk.out/*.template.json#ImportFunctionServiceRole*` (`*` and `?` in the logical id). Matched in the templates a change touches, and in change sets (`--change-set`).",
          items: text("A resource pattern: <template path glob>#<logical id>.", {
            maxLength: 1000,
          }),
        },
      },
    },
    depends_on: {
      type: "array",
      description: "What this node needs in order to work.",
      items: {
        anyOf: [
          text("The id of the node depended on.", { pattern: ID_PATTERN, maxLength: 200 }),
          edgeLong,
        ],
      },
    },
  },
};

const owner: SchemaNode = {
  type: "object",
  description: "A team and how to reach it.",
  additionalProperties: false,
  properties: {
    github: text("GitHub user or team handle: `@user` or `@org/team`.", {
      pattern: GITHUB_HANDLE_PATTERN,
      maxLength: 140,
    }),
    chat: text("Chat channel, e.g. `#iam-platform`."),
    email: text("Contact address.", { pattern: EMAIL_PATTERN, maxLength: 320 }),
    escalation: text(
      "Whom to call when the team does not answer: an on-call rotation, a pager link, a person.",
    ),
    description: text("What the team does."),
  },
};

export const depsSchema: SchemaNode = {
  type: "object",
  description: "blastradius dependency graph, version 1.",
  required: ["version"],
  additionalProperties: false,
  properties: {
    version: { type: "integer", const: 1, description: "Always 1." },
    include: {
      type: "array",
      description:
        "Other files, relative to this one: deps files of the same format, or Backstage catalog files (catalog-info.yaml; their Locations are followed).",
      items: text("A relative path.", { maxLength: 1000 }),
    },
    owners: {
      type: "object",
      description: "Teams keyed by id.",
      propertyNames: ids,
      additionalProperties: owner,
    },
    nodes: {
      type: "object",
      description: "Nodes keyed by id.",
      propertyNames: ids,
      additionalProperties: node,
    },
  },
};

/** Renders the schema as a standalone JSON Schema document. */
export function toJsonSchema(): Record<string, unknown> {
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: "https://github.com/blastradius/blastradius/schema/deps.schema.json",
    title: "blastradius deps.yaml",
    ...depsSchema,
  };
}
