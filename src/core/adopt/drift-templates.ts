// Drift between deps.yaml and the repository's CloudFormation and CDK templates: a
// match.cloudformation rule that matches no template resource, an identity, policy or user of
// one that no node covers, and a reference between two nodes' resources that no edge declares.
// The same findings, in the same words, as for Terraform.

import {
  compileResourcePattern,
  type ResourcePattern,
  resourceAddress,
} from "../classify/cloudformation-address.js";
import { nodeAt } from "../config/place.js";
import type { PathIndex } from "../locate/path-index.js";
import type { DepsConfig, Diagnostic, GraphNode } from "../model.js";
import {
  CLOUDFORMATION_GLUE,
  CLOUDFORMATION_NODE_KINDS,
  OWN_ROLE_TYPES,
  templateEdge,
  templateKind,
} from "./draft-templates.js";
import type { ScannedTemplateResource } from "./template-scan.js";
import { undeclaredOnce } from "./undeclared-edge.js";

export interface TemplateDriftInput {
  readonly config: DepsConfig;
  /** The nodes that describe this repository. */
  readonly local: readonly GraphNode[];
  readonly pathIndex: PathIndex;
  readonly repo?: string;
  readonly show: (file: string) => string;
}

export function templateDrift(
  resources: readonly ScannedTemplateResource[],
  { config, local, pathIndex, repo, show }: TemplateDriftInput,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const rules = local.flatMap((node) =>
    (node.match.cloudformation ?? []).flatMap((rule, index) => {
      let pattern: ResourcePattern;
      try {
        pattern = compileResourcePattern(rule);
      } catch {
        // Malformed: validation says so already.
        return [];
      }
      return [{ node, rule, index, pattern }];
    }),
  );
  const used = new Set<(typeof rules)[number]>();
  const covering = new Map<ScannedTemplateResource, string[]>();
  for (const r of resources) {
    const address = resourceAddress(r.file, r.logicalId);
    const ids = new Set<string>();
    for (const p of rules) {
      if (!p.pattern.test(address)) continue;
      ids.add(p.node.id);
      used.add(p);
    }
    // A node that names no template resources stands for every one of the files it matches.
    for (const hit of pathIndex.match(r.file, repo))
      if ((config.nodes.get(hit.node)?.match.cloudformation ?? []).length === 0) ids.add(hit.node);
    covering.set(r, [...ids]);
  }

  if (resources.length > 0) {
    const synthesised = resources.some((r) => /(^|\/)cdk\.out\//.test(r.file));
    for (const p of rules) {
      if (used.has(p)) continue;
      const cdk = /(^|\/)cdk\.out\//.test(p.rule);
      out.push({
        severity: "warning",
        code: "cloudformation-matches-nothing",
        ...nodeAt(p.node, ["nodes", p.node.id, "match", "cloudformation", p.index]),
        message: `"${p.rule}" matches no CloudFormation resource in this repository's templates`,
        hint:
          cdk && !synthesised
            ? "no cdk.out template was read: run `cdk synth` first, then validate again"
            : "fix the template path or the logical id (the CDK renames a resource whose construct moves), or remove the rule",
      });
    }
  }

  // Identities, policies and what uses them, by template.
  const byTemplate = new Map<string, Map<string, ScannedTemplateResource>>();
  for (const r of resources) {
    const inFile = byTemplate.get(r.file) ?? new Map<string, ScannedTemplateResource>();
    inFile.set(r.logicalId, r);
    byTemplate.set(r.file, inFile);
  }
  const iam = (r: ScannedTemplateResource | undefined) =>
    r !== undefined &&
    (CLOUDFORMATION_NODE_KINDS[r.type] !== undefined || CLOUDFORMATION_GLUE[r.type] !== undefined);
  for (const r of resources) {
    if ((covering.get(r) ?? []).length > 0) continue;
    const inFile = byTemplate.get(r.file);
    const usesIam = r.references.some((ref) => iam(inFile?.get(ref.target)));
    const ownRole = OWN_ROLE_TYPES.has(r.type);
    if (!iam(r) && !usesIam && !ownRole) continue;
    const address = resourceAddress(r.file, r.logicalId);
    out.push({
      severity: "warning",
      code: "uncovered-resource",
      file: show(r.file),
      ...(r.line !== undefined ? { line: r.line } : {}),
      message: `${r.type} ${r.logicalId}${r.cdkPath ? ` (${r.cdkPath})` : ""} is ${iam(r) ? "an IAM resource" : usesIam ? "a resource that refers to IAM" : "a resource with its own role"} no node covers`,
      hint: `add ${address} to a node's match.cloudformation (and ${r.file} to its match.paths), or run \`blastradius init --dry-run\` to see a node for it`,
    });
  }

  // References between two nodes' resources that the dependent does not declare.
  const said = new Set<string>();
  for (const r of resources) {
    const from = covering.get(r) ?? [];
    if (from.length === 0) continue;
    const inFile = byTemplate.get(r.file);
    for (const reference of r.references) {
      const target = inFile?.get(reference.target);
      if (!target) continue;
      const edge = templateEdge(r.type, kindOf(r), reference.property, kindOf(target));
      const to = covering.get(target) ?? [];
      for (const a of from) {
        for (const b of to) {
          const [dependent, dependency] = edge.reversed ? [b, a] : [a, b];
          if (!undeclaredOnce(config, said, dependent, dependency)) continue;
          out.push({
            severity: "warning",
            code: "undeclared-edge",
            file: show(r.file),
            ...(r.line !== undefined ? { line: r.line } : {}),
            message: `${r.logicalId}.${reference.property} refers to ${reference.target}, but ${dependent} does not declare that it depends on ${dependency}`,
            hint: `add to ${dependent}: depends_on: [{ on: ${dependency}, via: ${edge.via} }]`,
          });
        }
      }
    }
  }
  return out;
}

/** The kind a resource is drafted as: an inline policy stands in for the identity it is in. */
function kindOf(r: ScannedTemplateResource): string {
  if (CLOUDFORMATION_GLUE[r.type]) return "iam-role";
  return templateKind(r.type);
}
