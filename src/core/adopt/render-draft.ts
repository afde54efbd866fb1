// A draft graph -> deps.yaml text, every entry under a comment that says where it came from.
// Written by hand rather than dumped: a dumper cannot put comments where a reviewer needs them.

import { inertJsonText, terminalText } from "../render/terminal-escape.js";
import type { Draft } from "./draft-graph.js";
import { describeSkip, type SkipNote } from "./scan-filter.js";

export interface DraftSummary {
  readonly terraformFiles: number;
  readonly manifests: number;
  /** CloudFormation and CDK templates read. */
  readonly templates?: number;
  /** CDK output folders read from disk though git does not list them. */
  readonly synthesised?: readonly { readonly folder: string; readonly templates: number }[];
  readonly codeowners?: string;
  /** Backstage catalogs to include, relative to the file written. */
  readonly includes?: readonly string[];
  /** What the scan left out, said at the end. */
  readonly skipped?: readonly SkipNote[];
}

const PLAIN = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;
const q = (value: string) =>
  PLAIN.test(value) && !/^(true|false|null|yes|no|on|off|~)$/i.test(value)
    ? value
    : // YAML reads JSON's \u escapes: a control in a scanned name is written escaped, never raw.
      inertJsonText(JSON.stringify(value));
const list = (values: readonly string[]) => `[${values.map(q).join(", ")}]`;
/** A scanned path or name in a comment: on one line, and inert for `cat` and the dry run. */
const comment = (text: string) => terminalText(text.replace(/\s*\n\s*/g, " "));

export function renderDraft(draft: Draft, summary: DraftSummary): string {
  const out: string[] = [];
  const includes = summary.includes ?? [];
  out.push(
    "# A starting graph written by `blastradius init` from what this repository holds:",
    `# ${summary.terraformFiles} Terraform file(s), ${summary.manifests} Kubernetes manifest(s)${summary.templates ? `, ${summary.templates} CloudFormation template(s)` : ""}${includes.length > 0 ? `, ${includes.length} Backstage catalog(s)` : ""}${summary.codeowners ? `, owners from ${summary.codeowners}` : ", no CODEOWNERS"}.`,
    ...(summary.synthesised ?? []).map(
      (s) =>
        `# ${comment(s.folder)}/ is not in git: its ${s.templates} template(s) were read as \`cdk synth\` last wrote them.`,
    ),
    "# Each entry says where it came from. Review it: add tier:, description:, and the edges no",
    "# file shows (which service calls which, what reads a table), then run",
    "# `blastradius validate --repo .` to see where this graph and the repository disagree.",
    "version: 1",
    "",
  );
  if (includes.length > 0) {
    out.push(
      "# Backstage catalogs found in the repository: their entities are nodes as they are",
      "# (see the README's Backstage catalogs), so nothing below repeats them.",
      "include:",
      ...includes.map((file) => `  - ${q(file)}`),
      "",
    );
  }
  if (draft.owners.length > 0) {
    out.push("owners:");
    for (const owner of draft.owners) {
      out.push(`  # from ${comment(owner.source)}`);
      out.push(`  ${q(owner.id)}:`);
      if (owner.github) out.push(`    github: ${q(owner.github)}`);
      if (owner.email) out.push(`    email: ${q(owner.email)}`);
    }
    out.push("");
  }
  if (draft.nodes.length === 0) {
    out.push(
      "# No IAM roles, policies or Kubernetes RBAC objects were found. Declare nodes by hand:",
      "# see the README's deps.yaml reference.",
      "nodes: {}",
    );
  } else {
    out.push("nodes:");
    for (const node of draft.nodes) {
      out.push(`  # from ${comment(node.source)}`);
      out.push(`  ${q(node.id)}:`);
      out.push(`    kind: ${q(node.kind)}`);
      if (node.owner) out.push(`    owner: ${q(node.owner)}  # ${comment(node.ownerSource ?? "")}`);
      else out.push("    # no CODEOWNERS line covers its file: add owner:");
      out.push("    match:");
      out.push(`      paths: ${list(node.paths)}`);
      if (node.terraform.length > 0) out.push(`      terraform: ${list(node.terraform)}`);
      if (node.kubernetes?.length) out.push(`      kubernetes: ${list(node.kubernetes)}`);
      if (node.cloudformation?.length)
        out.push(`      cloudformation: ${list(node.cloudformation)}`);
      if (node.dependsOn.length > 0) {
        out.push("    depends_on:");
        for (const edge of node.dependsOn) {
          out.push(`      # ${comment(edge.source)}`);
          out.push(`      - { on: ${q(edge.on)}, via: ${q(edge.via)} }`);
        }
      }
    }
  }
  const skipped = summary.skipped ?? [];
  if (skipped.length > 0) {
    out.push("", "# Not read (a graph of part of a repository should say which part):");
    for (const note of skipped) out.push(`#   ${comment(describeSkip(note))}`);
  }
  if (draft.unplaced.length > 0) {
    out.push("", "# Not placed (declare them by hand if they matter):");
    for (const line of draft.unplaced) out.push(`#   ${comment(line)}`);
  }
  return `${out.join("\n")}\n`;
}
