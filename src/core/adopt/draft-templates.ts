// CloudFormation and CDK templates -> draft nodes: identities and policies, the inline
// policies that join the identity they are embedded in, and every resource that uses one
// (a Lambda's `Role`, a task definition's `TaskRoleArn`, an instance's `IamInstanceProfile` …).
// The same shape and edge vocabulary as the Terraform draft, so a graph reads alike whatever
// wrote the infrastructure.

import { resourceAddress } from "../classify/cloudformation-address.js";
import { escapeGlob } from "../locate/glob.js";
import { assignIds, folderScope, slug } from "./draft-ids.js";
import type { DraftEdge, DraftNode } from "./draft-node.js";
import type { ScannedTemplateResource } from "./template-scan.js";

/** Template types that are identities or policies: each is a node. */
export const CLOUDFORMATION_NODE_KINDS: Readonly<Record<string, string>> = {
  "AWS::IAM::Role": "iam-role",
  "AWS::IAM::ManagedPolicy": "iam-policy",
  "AWS::IAM::User": "iam-user",
  "AWS::IAM::Group": "iam-group",
  "AWS::IAM::InstanceProfile": "iam-instance-profile",
  "AWS::IAM::OIDCProvider": "iam-oidc-provider",
};

/**
 * Types that only add to an identity: an inline policy (`AWS::IAM::Policy` is embedded in the
 * roles, users and groups it names, as CDK's `DefaultPolicy` is in its role) or a membership.
 * They belong to the identities the `owner` properties name (a change to them is a change to
 * those), and make them depend on what `link` names.
 */
export const CLOUDFORMATION_GLUE: Readonly<Record<string, { owner: string[]; link: string[] }>> = {
  "AWS::IAM::Policy": { owner: ["Roles", "Users", "Groups"], link: [] },
  "AWS::IAM::RolePolicy": { owner: ["RoleName"], link: [] },
  "AWS::IAM::UserPolicy": { owner: ["UserName"], link: [] },
  "AWS::IAM::GroupPolicy": { owner: ["GroupName"], link: [] },
  "AWS::IAM::UserToGroupAddition": { owner: ["Users"], link: ["GroupName"] },
};

/**
 * SAM resources that run as a role whether or not the template names one: without `Role`, the
 * transform creates one from their `Policies`. Each is a node, since its permissions are its own.
 */
export const OWN_ROLE_TYPES: ReadonlySet<string> = new Set([
  "AWS::Serverless::Function",
  "AWS::Serverless::StateMachine",
]);

const LOGICAL_ID = /^[A-Za-z0-9]+$/;

/** A path as a path rule that matches it alone: escaped only where it holds a glob's characters. */
const literalPath = (file: string) => (/[\\*?[\]{}()!@+]/.test(file) ? escapeGlob(file) : file);

/** Properties of an identity that attach a managed policy to it, or of a policy that attach it. */
const ATTACHES = new Set(["ManagedPolicyArns"]);
const ATTACHED_TO = new Set(["Roles", "Users", "Groups"]);

const RUNS_AS_KINDS = new Set(["iam-role", "iam-instance-profile"]);

/** How a resource that uses an identity or policy of this kind depends on it (as Terraform's). */
function viaTo(kind: string): string {
  if (kind === "iam-policy") return "uses-policy";
  return RUNS_AS_KINDS.has(kind) ? "runs-as" : "references";
}

/** `AWS::ECS::TaskDefinition` → `ecs-task-definition`; `Custom::Thing` → `custom-thing`. */
export function templateKind(type: string): string {
  const known = CLOUDFORMATION_NODE_KINDS[type];
  if (known) return known;
  const parts = type.split("::");
  const [provider = "", service = "", name = ""] =
    parts.length >= 3 ? parts : ["", parts[0], parts[1]];
  const kebab = (s: string) =>
    s
      .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
      .replace(/([A-Z]+)([A-Z][a-z])/g, "$1-$2")
      .toLowerCase();
  const words = [
    ...(provider === "AWS" || provider === "" ? [] : [provider.toLowerCase()]),
    service.toLowerCase(),
    ...(name ? [kebab(name)] : []),
  ];
  return slug(words.filter(Boolean).join("-")).toLowerCase();
}

/**
 * The name a CDK construct path gives a resource, without its stack and the `Resource` or
 * `Default` leaf the CDK adds under every construct (`ApiStack/Handler/ServiceRole/Resource` →
 * `Handler/ServiceRole`); undefined when nothing readable is left.
 */
export function cdkName(path: string): { stack: string; name?: string } {
  const parts = path.split("/").filter(Boolean);
  const stack = parts[0] ?? "";
  const rest = parts.slice(1);
  while (rest.length > 1 && (rest.at(-1) === "Resource" || rest.at(-1) === "Default")) rest.pop();
  const name = rest.join("/");
  return { stack, ...(name !== "" && name !== "Resource" ? { name } : {}) };
}

const where = (r: ScannedTemplateResource) =>
  r.line === undefined ? r.file : `${r.file}:${r.line}`;

/**
 * Nodes for the resources of every template: identities, policies and what uses them. Ids are
 * `<kind>/<name>`, the name being the CDK construct path where the CDK wrote one (its logical
 * ids are hashed) and the logical id elsewhere; where names repeat they are qualified by the
 * stack (CDK) and the template file. `taken` are ids other nodes hold already.
 */
export function draftTemplates(
  scanned: readonly ScannedTemplateResource[],
  taken: (id: string) => boolean,
  unplaced: string[],
): DraftNode[] {
  const byFile = new Map<string, Map<string, ScannedTemplateResource>>();
  for (const r of scanned) {
    // CloudFormation refuses any other logical id, and a match rule cannot name one.
    if (!LOGICAL_ID.test(r.logicalId)) {
      unplaced.push(
        `${JSON.stringify(r.logicalId)} (${where(r)}): not a CloudFormation logical id (letters and digits only), so CloudFormation would refuse the template`,
      );
      continue;
    }
    const resources = byFile.get(r.file) ?? new Map<string, ScannedTemplateResource>();
    // A logical id is unique in a template: the reader keeps the last of a repeated key.
    resources.set(r.logicalId, r);
    byFile.set(r.file, resources);
  }
  const out: DraftNode[] = [];
  for (const file of [...byFile.keys()].sort()) {
    out.push(
      ...draftTemplate([...(byFile.get(file) as Map<string, ScannedTemplateResource>).values()]),
    );
  }
  // Ids across every template at once, so a name repeated in two templates is qualified in both.
  return withIds(out, taken);
}

interface Pending {
  readonly resource: ScannedTemplateResource;
  readonly kind: string;
  readonly node: DraftNode;
}

const pendingOf = new WeakMap<DraftNode, Pending>();

/** One template's nodes and edges, with placeholder ids (the logical ids) until withIds. */
function draftTemplate(resources: readonly ScannedTemplateResource[]): DraftNode[] {
  const sorted = [...resources].sort(
    (a, b) =>
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.logicalId < b.logicalId ? -1 : a.logicalId > b.logicalId ? 1 : 0),
  );
  const byId = new Map(sorted.map((r) => [r.logicalId, r]));
  const isIdentity = (id: string) => {
    const r = byId.get(id);
    return r !== undefined && CLOUDFORMATION_NODE_KINDS[r.type] !== undefined;
  };
  // Glue belongs to the identities of the template it names; a policy that names none here
  // (its roles come from parameters, or another stack) stands on its own.
  const ownersOfGlue = new Map<ScannedTemplateResource, string[]>();
  const kindOf = new Map<ScannedTemplateResource, string>();
  for (const r of sorted) {
    const kind = CLOUDFORMATION_NODE_KINDS[r.type];
    if (kind) {
      kindOf.set(r, kind);
      continue;
    }
    const glue = CLOUDFORMATION_GLUE[r.type];
    if (!glue) continue;
    const owners = [
      ...new Set(
        r.references
          .filter((ref) => glue.owner.includes(ref.property) && isIdentity(ref.target))
          .map((ref) => ref.target),
      ),
    ];
    if (owners.length > 0) ownersOfGlue.set(r, owners);
    // A policy stays a policy; a membership of users from elsewhere is its own thing.
    else kindOf.set(r, glue.link.length > 0 ? templateKind(r.type) : "iam-policy");
  }
  const placedGlue = new Set([...ownersOfGlue.keys()].map((r) => r.logicalId));
  for (const r of sorted) {
    if (kindOf.has(r) || ownersOfGlue.has(r)) continue;
    if (OWN_ROLE_TYPES.has(r.type)) {
      kindOf.set(r, templateKind(r.type));
      continue;
    }
    if (!r.references.some((ref) => isIdentity(ref.target) || placedGlue.has(ref.target))) continue;
    kindOf.set(r, templateKind(r.type));
  }

  const nodeAt = new Map<string, DraftNode>();
  const out: DraftNode[] = [];
  for (const [r, kind] of kindOf) {
    const node: DraftNode = {
      id: r.logicalId,
      kind,
      // A template git does not track is never in a change: what it is synthesised from is.
      paths: r.sources ? [...r.sources] : [literalPath(r.file)],
      terraform: [],
      cloudformation: [resourceAddress(literalPath(r.file), r.logicalId)],
      dependsOn: [],
      source: `${where(r)} ${r.type} ${r.logicalId}${r.cdkPath ? ` (${r.cdkPath})` : ""}${r.sources ? "; matched by the CDK app's files, as git does not track the template" : ""}`,
      at: { file: r.file, ...(r.line !== undefined ? { line: r.line } : {}) },
    };
    pendingOf.set(node, { resource: r, kind, node });
    out.push(node);
    nodeAt.set(r.logicalId, node);
  }
  const glueNodes = new Map<ScannedTemplateResource, DraftNode[]>();
  for (const [r, owners] of ownersOfGlue) {
    const nodes = owners.map((id) => nodeAt.get(id) as DraftNode);
    glueNodes.set(r, nodes);
    for (const owner of nodes)
      owner.cloudformation?.push(resourceAddress(literalPath(r.file), r.logicalId));
    // What uses the inline policy depends on its (first) identity.
    nodeAt.set(r.logicalId, nodes[0] as DraftNode);
  }

  // Edges hold logical ids until withIds renames them.
  for (const r of sorted) {
    const glue = CLOUDFORMATION_GLUE[r.type];
    const from = glueNodes.get(r) ?? [nodeAt.get(r.logicalId)].filter((n) => n !== undefined);
    for (const node of from) {
      for (const reference of r.references) {
        if (ownersOfGlue.has(r) && glue?.owner.includes(reference.property)) continue;
        const target = nodeAt.get(reference.target);
        if (!target || target === node) continue;
        const named = `${reference.target}${reference.attribute ? `.${reference.attribute}` : ""}`;
        const edge = templateEdge(r.type, node.kind, reference.property, target.kind);
        if (edge.reversed)
          addEdge(target, {
            on: node.id,
            via: edge.via,
            source: `${r.logicalId}.${reference.property} (${where(r)}) attaches it to ${named}`,
          });
        else
          addEdge(node, {
            on: target.id,
            via: edge.via,
            source: `${r.logicalId}.${reference.property} (${where(r)}) refers to ${named}`,
          });
      }
    }
  }
  return out;
}

/**
 * How a resource of `type` (drafted as `kind`) depends on what its `property` refers to (of
 * `targetKind`), as the Terraform draft says it; `reversed` when it is the target that depends
 * on it: a managed policy that names its roles is attached to them.
 */
export function templateEdge(
  type: string,
  kind: string,
  property: string,
  targetKind: string,
): { readonly via: string; readonly reversed: boolean } {
  if (kind === "iam-policy" && ATTACHED_TO.has(property) && targetKind !== "iam-policy")
    return { via: "attaches-policy", reversed: true };
  const glue = CLOUDFORMATION_GLUE[type];
  const attaches = ATTACHES.has(property) || glue?.link.includes(property) === true;
  const via = attaches
    ? targetKind === "iam-policy"
      ? "attaches-policy"
      : "references"
    : CLOUDFORMATION_NODE_KINDS[type] !== undefined || glue
      ? targetKind === "iam-policy"
        ? "uses-policy"
        : "references"
      : viaTo(targetKind);
  return { via, reversed: false };
}

function addEdge(node: DraftNode, edge: DraftEdge): void {
  if (edge.on === node.id || node.dependsOn.some((e) => e.on === edge.on)) return;
  node.dependsOn.push(edge);
}

/** Readable, unique ids for the nodes draftTemplate made, and their edges renamed to them. */
function withIds(nodes: readonly DraftNode[], taken: (id: string) => boolean): DraftNode[] {
  const requests = nodes.map((node) => {
    const { resource, kind } = pendingOf.get(node) as Pending;
    const cdk = resource.cdkPath ? cdkName(resource.cdkPath) : undefined;
    // The template's folder, then its file name: `iam-role/services/api/ServiceRole`.
    const slash = resource.file.lastIndexOf("/");
    const place = [
      folderScope(slash < 0 ? "" : resource.file.slice(0, slash)),
      slug(resource.file.slice(slash + 1)),
      resource.logicalId,
    ];
    return {
      kind,
      name: cdk?.name ?? resource.logicalId,
      scopes: cdk ? [slug(cdk.stack), ...place] : place,
    };
  });
  const ids = assignIds(requests);
  const renamed = new Map<string, string>();
  const out: DraftNode[] = [];
  for (const [i, node] of nodes.entries()) {
    const request = requests[i] as (typeof requests)[number];
    let id = ids[i] as string;
    // Held by a Terraform node: the whole qualified form, which no Terraform id has.
    if (taken(id)) id = [request.kind, ...request.scopes, slug(request.name)].join("/");
    renamed.set(`${node.at.file}\u0000${node.id}`, id);
    out.push({ ...node, id });
  }
  return out.map((node) => ({
    ...node,
    dependsOn: node.dependsOn.map((edge) => ({
      ...edge,
      on: renamed.get(`${node.at.file}\u0000${edge.on}`) ?? edge.on,
    })),
  }));
}
