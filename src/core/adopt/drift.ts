// Where the declared graph and the repository disagree: rules that match nothing, Terraform
// resources, template resources (drift-templates.ts) and RBAC objects no node covers,
// references no edge declares, and owners that CODEOWNERS gives to someone else. Each finding
// names the file and line to look at.

import { compileObjectPattern, objectAddress } from "../classify/kubernetes-address.js";
import { RBAC_KINDS } from "../classify/kubernetes-manifests.js";
import { compileAddressPattern } from "../classify/terraform-address.js";
import { ownersOf } from "../codeowners.js";
import { nodeAt } from "../config/place.js";
import { PathIndex, ruleApplies } from "../locate/path-index.js";
import { unmatchedPathRules } from "../locate/unmatched-rules.js";
import type { DepsConfig, Diagnostic, GraphNode } from "../model.js";
import { IAM_GLUE, IAM_NODE_KINDS, viaTo } from "./draft-graph.js";
import { templateDrift } from "./drift-templates.js";
import type { RepoScan, ScannedObject, ScannedResource } from "./repo-scan.js";
import { undeclaredOnce } from "./undeclared-edge.js";

export interface DriftOptions {
  /** owner/name of the repository scanned, when known: rules for other repositories are skipped. */
  readonly repo?: string;
  /** Prefix for file names in messages (the repository folder as the user gave it). */
  readonly display?: (file: string) => string;
}

export function findDrift(
  config: DepsConfig,
  scan: RepoScan,
  options: DriftOptions = {},
): Diagnostic[] {
  const show = options.display ?? ((f: string) => f);
  const repo = options.repo?.toLowerCase();
  const out: Diagnostic[] = [...unmatchedPathRules(config, scan.files, repo)];
  // Nodes that describe this repository: a rule for it, or no repository-qualified rule at all.
  const local = [...config.nodes.values()].filter((node) => describesHere(node, repo));
  const pathIndex = new PathIndex();
  for (const node of local)
    for (const rule of node.match.paths) if (ruleApplies(rule, repo)) pathIndex.add(node.id, rule);
  const patterns = local.flatMap((node) =>
    node.match.terraform.map((rule, index) => ({
      node: node.id,
      rule,
      index,
      re: compileAddressPattern(rule),
    })),
  );
  /** The addresses a scanned resource can have in a plan, for matching patterns. */
  const candidates = (r: ScannedResource) =>
    r.type === "module" ? [`${r.address}.resource`] : [r.address, `module.m.${r.address}`];

  // An address means something only in its module folder: a node with path rules covers the
  // resources its patterns name in the files those rules match, as `check` attributes them; a
  // node with Terraform patterns alone (matched against plans) covers them wherever they are.
  const pinned = new Set(
    local
      .filter((node) => node.match.paths.some((rule) => ruleApplies(rule, repo)))
      .map((n) => n.id),
  );
  // Which nodes cover each resource, and which Terraform patterns match anything at all.
  const covering = new Map<ScannedResource, string[]>();
  const used = new Set<(typeof patterns)[number]>();
  for (const r of scan.terraform) {
    const addresses = candidates(r);
    const ids = new Set<string>();
    const inFile = new Set(pathIndex.match(r.file, repo).map((hit) => hit.node));
    for (const p of patterns) {
      if (pinned.has(p.node) && !inFile.has(p.node)) continue;
      if (!addresses.some((a) => p.re.test(a))) continue;
      ids.add(p.node);
      used.add(p);
    }
    // A node that names no Terraform resources covers everything in the files it matches.
    for (const id of inFile) {
      const node = config.nodes.get(id);
      if (node && node.match.terraform.length === 0) ids.add(id);
    }
    covering.set(r, [...ids]);
  }

  // Terraform patterns that match no resource in the repository.
  if (scan.terraform.length > 0) {
    for (const p of patterns) {
      if (used.has(p)) continue;
      const node = config.nodes.get(p.node) as GraphNode;
      out.push({
        severity: "warning",
        code: "terraform-matches-nothing",
        ...nodeAt(node, ["nodes", node.id, "match", "terraform", p.index]),
        message: `"${p.rule}" matches no Terraform resource in this repository${pinned.has(p.node) ? " (in the files its node's paths match)" : ""}`,
        hint: "fix the address (a renamed or moved resource?), or remove the rule",
      });
    }
  }

  // Identities, policies, what refers to them, and RBAC objects, that no node covers.
  const iamAddresses = new Set(
    scan.terraform.filter((r) => IAM_NODE_KINDS[r.type]).map((r) => `${r.dir}\u0000${r.address}`),
  );
  const matters = (r: ScannedResource) =>
    IAM_NODE_KINDS[r.type] !== undefined ||
    IAM_GLUE[r.type] !== undefined ||
    r.references.some((ref) => iamAddresses.has(`${r.dir}\u0000${ref.to}`));
  for (const r of scan.terraform) {
    if ((covering.get(r) ?? []).length > 0 || !matters(r)) continue;
    out.push({
      severity: "warning",
      code: "uncovered-resource",
      file: show(r.file),
      line: r.line,
      message: `${r.address} is ${IAM_NODE_KINDS[r.type] || IAM_GLUE[r.type] ? "an IAM resource" : "a resource that refers to IAM"} no node covers`,
      hint: `add it to a node's match.terraform (${r.address}), or run \`blastradius init --dry-run\` to see a node for it`,
    });
  }
  // An object is covered by a node whose kubernetes patterns name it, or by a node that
  // matches its file and names no objects (it stands for the whole file).
  const objectRules = local.flatMap((node) =>
    node.match.kubernetes.map((rule, index) => ({
      node,
      rule,
      index,
      re: compileObjectPattern(rule),
    })),
  );
  const usedObjectRules = new Set<(typeof objectRules)[number]>();
  for (const o of scan.kubernetes) {
    const address = objectAddress(o);
    let covered = false;
    for (const p of objectRules) {
      if (!p.re.test(address)) continue;
      covered = true;
      usedObjectRules.add(p);
    }
    if (!RBAC_KINDS.has(o.kind) || covered) continue;
    if (
      pathIndex
        .match(o.file, repo)
        .some((hit) => config.nodes.get(hit.node)?.match.kubernetes.length === 0)
    )
      continue;
    out.push({
      severity: "warning",
      code: "uncovered-resource",
      file: show(o.file),
      line: o.line,
      message: `${o.kind} ${objectName(o)} is an RBAC object no node covers`,
      hint: `add ${address} to a node's match.kubernetes (and ${o.file} to its match.paths), or run \`blastradius init --dry-run\` to see a node for it`,
    });
  }
  if (scan.kubernetes.length > 0) {
    for (const p of objectRules) {
      if (usedObjectRules.has(p)) continue;
      out.push({
        severity: "warning",
        code: "kubernetes-matches-nothing",
        ...nodeAt(p.node, ["nodes", p.node.id, "match", "kubernetes", p.index]),
        message: `"${p.rule}" matches no Kubernetes object in this repository`,
        hint: "fix the pattern (a renamed object, or a namespace written differently?), or remove it",
      });
    }
  }

  out.push(...templateDrift(scan.cloudformation ?? [], { config, local, pathIndex, repo, show }));

  // References between resources of two nodes, where the first does not depend on the second.
  const byAddress = new Map<string, ScannedResource>();
  for (const r of scan.terraform) byAddress.set(`${r.dir}\u0000${r.address}`, r);
  const said = new Set<string>();
  for (const r of scan.terraform) {
    const from = covering.get(r) ?? [];
    if (from.length === 0) continue;
    for (const reference of r.references) {
      const target = byAddress.get(`${r.dir}\u0000${reference.to}`);
      if (!target) continue;
      for (const dependent of from) {
        for (const dependency of covering.get(target) ?? []) {
          if (!undeclaredOnce(config, said, dependent, dependency)) continue;
          out.push({
            severity: "warning",
            code: "undeclared-edge",
            file: show(r.file),
            line: r.line,
            message: `${r.address}.${reference.attribute} refers to ${reference.to}, but ${dependent} does not declare that it depends on ${dependency}`,
            hint: `add to ${dependent}: depends_on: [{ on: ${dependency}, via: ${viaTo(IAM_NODE_KINDS[target.type])} }]`,
          });
        }
      }
    }
  }

  // Owners: CODEOWNERS is what GitHub asks for review; deps.yaml is who hears of an impact.
  const codeowners = scan.codeowners;
  if (codeowners) {
    const filesOf = new Map<string, string[]>();
    for (const file of scan.files) {
      for (const hit of pathIndex.match(file, repo)) {
        const list = filesOf.get(hit.node);
        if (list) list.push(file);
        else filesOf.set(hit.node, [file]);
      }
    }
    for (const node of local) {
      const files = filesOf.get(node.id) ?? [];
      const owner = node.owner === undefined ? undefined : config.owners.get(node.owner);
      const handle = owner?.github?.toLowerCase();
      for (const file of files) {
        const found = ownersOf(codeowners, file);
        if (!found || found.owners.length === 0) continue;
        const where = `${show(codeowners.file)}:${found.rule.line}`;
        if (node.owner === undefined) {
          out.push({
            severity: "warning",
            code: "owner-from-codeowners",
            ...nodeAt(node, ["nodes", node.id]),
            message: `node "${node.id}" has no owner; CODEOWNERS gives ${file} to ${found.owners.join(" ")} (${where})`,
            hint: "set owner: to the deps.yaml owner with that GitHub handle",
          });
          break;
        }
        if (handle === undefined) break;
        if (found.owners.some((o) => o.toLowerCase() === handle)) continue;
        out.push({
          severity: "warning",
          code: "owner-disagrees",
          ...nodeAt(node, ["nodes", node.id, "owner"]),
          message: `node "${node.id}" is owned by ${node.owner} (${owner?.github}) here, but CODEOWNERS gives ${file} to ${found.owners.join(" ")} (${where})`,
          hint: "make them agree: change owner: here, or the CODEOWNERS line",
        });
        break;
      }
    }
  }
  return out;
}

function objectName(o: ScannedObject): string {
  return o.namespace ? `${o.namespace}/${o.name}` : o.name;
}

function describesHere(node: GraphNode, repo: string | undefined): boolean {
  if (node.match.paths.length === 0)
    return (
      (node.match.terraform.length > 0 || (node.match.cloudformation ?? []).length > 0) &&
      node.catalog === undefined
    );
  return node.match.paths.some((rule) => ruleApplies(rule, repo));
}
