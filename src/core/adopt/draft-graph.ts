// A repository scan -> a starting graph: nodes for IAM identities and policies, the resources
// that refer to them, Kubernetes RBAC objects and the workloads that run as their service
// accounts; owners from CODEOWNERS. Every entry carries where it came from, for the comments
// `init` writes and for the reviewer who has to trust it.

import { objectAddress } from "../classify/kubernetes-address.js";
import { type Codeowners, ownersOf } from "../codeowners.js";
import { assignIds, folderScope, slug } from "./draft-ids.js";
import type { DraftEdge, DraftNode } from "./draft-node.js";
import { draftTemplates } from "./draft-templates.js";
import type { RepoScan, ScannedObject, ScannedResource } from "./repo-scan.js";

export interface DraftOwner {
  readonly id: string;
  readonly github?: string;
  readonly email?: string;
  readonly source: string;
}

export interface Draft {
  readonly nodes: DraftNode[];
  readonly owners: DraftOwner[];
  /** Resources the draft could not place, with why: said in the output, not dropped silently. */
  readonly unplaced: string[];
}

/** Terraform types that are identities or policies: each is a node. */
export const IAM_NODE_KINDS: Readonly<Record<string, string>> = {
  aws_iam_role: "iam-role",
  aws_iam_policy: "iam-policy",
  aws_iam_user: "iam-user",
  aws_iam_group: "iam-group",
  aws_iam_instance_profile: "iam-instance-profile",
  aws_iam_openid_connect_provider: "iam-oidc-provider",
  google_service_account: "service-account",
  google_project_iam_custom_role: "iam-role",
  azurerm_user_assigned_identity: "managed-identity",
  azurerm_role_definition: "iam-role",
};

/**
 * Types that only connect identities and policies: they belong to the identity named in
 * `owner` (a change to them is a change to it), and make it depend on what `link` names.
 */
export const IAM_GLUE: Readonly<Record<string, { owner: string[]; link: string[] }>> = {
  aws_iam_role_policy_attachment: { owner: ["role"], link: ["policy_arn"] },
  aws_iam_role_policy: { owner: ["role"], link: [] },
  aws_iam_user_policy_attachment: { owner: ["user"], link: ["policy_arn"] },
  aws_iam_user_policy: { owner: ["user"], link: [] },
  aws_iam_group_policy_attachment: { owner: ["group"], link: ["policy_arn"] },
  aws_iam_group_policy: { owner: ["group"], link: [] },
  aws_iam_policy_attachment: { owner: ["roles", "users", "groups"], link: ["policy_arn"] },
  aws_iam_user_group_membership: { owner: ["user"], link: ["groups"] },
  google_service_account_iam_member: { owner: ["service_account_id"], link: [] },
  google_service_account_iam_binding: { owner: ["service_account_id"], link: [] },
  google_service_account_key: { owner: ["service_account_id"], link: [] },
  azurerm_role_assignment: { owner: ["principal_id"], link: ["role_definition_id"] },
};

const PROVIDER = /^(aws|google|azurerm|azuread|kubernetes|github|datadog)_/;
const RUNS_AS_KINDS = new Set([
  "iam-role",
  "iam-instance-profile",
  "service-account",
  "managed-identity",
]);

/** How a resource that refers to an identity or policy of this kind depends on it. */
export function viaTo(kind: string | undefined): string {
  if (kind === "iam-policy") return "uses-policy";
  return kind !== undefined && RUNS_AS_KINDS.has(kind) ? "runs-as" : "references";
}

const where = (file: string, line?: number) => (line === undefined ? file : `${file}:${line}`);

/** Addresses as a plan shows them: in a child module (under modules/) they carry a prefix. */
function addressPatterns(resource: ScannedResource): string[] {
  return /(^|\/)modules\//.test(`${resource.dir}/`)
    ? [resource.address, `module.*.${resource.address}`]
    : [resource.address];
}

/** The files a Terraform node matches: every `.tf` file of its folder, since Terraform reads a folder as one module (a policy document or a local in another file shapes the node). */
export function folderGlob(dir: string): string {
  return dir === "" ? "*.tf" : `${dir}/*.tf`;
}

export function draftGraph(scan: RepoScan): Draft {
  const nodes = new Map<string, DraftNode>();
  const unplaced: string[] = [];
  const add = (node: DraftNode) => nodes.set(node.id, node);
  const addEdge = addEdgeTo;

  const terraform = draftTerraform(scan.terraform, unplaced);
  for (const node of terraform) {
    // Only names that differ in characters an id cannot hold (`a_b` and `a-b`) get here.
    if (nodes.has(node.id)) {
      unplaced.push(
        `${node.source}: its id ${node.id} is another node's already (the names differ only in characters an id cannot hold); declare it by hand`,
      );
      continue;
    }
    add(node);
  }
  // Template ids must not take a Terraform node's id; Kubernetes ids take neither.
  for (const node of draftTemplates(scan.cloudformation ?? [], (id) => nodes.has(id), unplaced))
    add(node);
  draftKubernetes(scan.kubernetes, add, addEdge, (id) => nodes.has(id));
  const ordered = [...nodes.values()].sort(
    (a, b) =>
      (a.at.file < b.at.file ? -1 : a.at.file > b.at.file ? 1 : 0) ||
      (a.at.line ?? 0) - (b.at.line ?? 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const owners = assignOwners(ordered, scan.codeowners);
  return { nodes: ordered, owners, unplaced };
}

const byPlace = (a: ScannedResource, b: ScannedResource) =>
  (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
  (a.line ?? 0) - (b.line ?? 0) ||
  (a.address < b.address ? -1 : a.address > b.address ? 1 : 0);

/**
 * Terraform nodes: identities and policies, the glue that joins them (in its identity's node),
 * and what refers to them. Every address is looked up in the folder it is written in only: the
 * same address in another folder is another resource.
 */
function draftTerraform(scanned: readonly ScannedResource[], unplaced: string[]): DraftNode[] {
  const key = (dir: string, address: string) => `${dir}\u0000${address}`;
  // In a stable order, so nothing below depends on the order files were read in.
  const resources: ScannedResource[] = [];
  const seen = new Set<string>();
  for (const resource of [...scanned].sort(byPlace)) {
    const k = key(resource.dir, resource.address);
    if (seen.has(k)) {
      unplaced.push(
        `${resource.address} (${where(resource.file, resource.line)}): declared twice in ${folderScope(resource.dir)}; Terraform refuses that, so only the first is drafted`,
      );
      continue;
    }
    seen.add(k);
    resources.push(resource);
  }

  // Which resources are nodes, and of what kind.
  const kindOf = new Map<ScannedResource, string>();
  const identities = new Set<string>();
  for (const resource of resources) {
    const kind = IAM_NODE_KINDS[resource.type];
    if (!kind) continue;
    kindOf.set(resource, kind);
    identities.add(key(resource.dir, resource.address));
  }
  const ownersOfGlue = new Map<ScannedResource, string[]>();
  for (const resource of resources) {
    const glue = IAM_GLUE[resource.type];
    if (!glue) continue;
    const owners = resource.references
      .filter((r) => glue.owner.includes(r.attribute))
      .map((r) => key(resource.dir, r.to))
      .filter((k) => identities.has(k));
    if (owners.length === 0) {
      unplaced.push(
        `${resource.address} (${where(resource.file, resource.line)}): the identity it belongs to is not a resource in this directory`,
      );
      continue;
    }
    ownersOfGlue.set(resource, [...new Set(owners)]);
  }
  const placedGlue = new Set([...ownersOfGlue.keys()].map((r) => key(r.dir, r.address)));
  for (const resource of resources) {
    if (kindOf.has(resource) || IAM_GLUE[resource.type]) continue;
    const refersToIam = resource.references.some((r) => {
      const k = key(resource.dir, r.to);
      return identities.has(k) || placedGlue.has(k);
    });
    if (!refersToIam) continue;
    kindOf.set(
      resource,
      resource.type === "module"
        ? "terraform-module"
        : resource.type.replace(PROVIDER, "").replace(/_/g, "-"),
    );
  }

  // Ids all at once: qualified by folder (then type) only where a name repeats.
  const placed = [...kindOf.entries()];
  const ids = assignIds(
    placed.map(([resource, kind]) => ({
      kind,
      name: resource.name,
      scopes: [folderScope(resource.dir), resource.type],
    })),
  );
  const nodeAt = new Map<string, DraftNode>();
  const out: DraftNode[] = [];
  for (const [i, [resource, kind]] of placed.entries()) {
    const node: DraftNode = {
      id: ids[i] as string,
      kind,
      paths: [folderGlob(resource.dir)],
      terraform: resource.type === "module" ? [`${resource.address}.*`] : addressPatterns(resource),
      dependsOn: [],
      source: `${where(resource.file, resource.line)} ${resource.type === "module" ? `module "${resource.name}"` : `resource "${resource.type}" "${resource.name}"`}`,
      at: resource,
    };
    out.push(node);
    nodeAt.set(key(resource.dir, resource.address), node);
  }
  // Glue joins the identity it belongs to: a change to it is a change to that identity.
  const glueNodes = new Map<ScannedResource, DraftNode[]>();
  for (const [resource, owners] of ownersOfGlue) {
    const nodes = owners.map((k) => nodeAt.get(k) as DraftNode);
    glueNodes.set(resource, nodes);
    for (const owner of nodes)
      for (const pattern of addressPatterns(resource))
        if (!owner.terraform.includes(pattern)) owner.terraform.push(pattern);
    // What refers to the glue depends on its (first) identity.
    nodeAt.set(key(resource.dir, resource.address), nodes[0] as DraftNode);
  }

  // Every reference from one node's resource to another's is an edge: what drift would ask for.
  for (const resource of resources) {
    const glue = IAM_GLUE[resource.type];
    const from = glue
      ? (glueNodes.get(resource) ?? [])
      : [nodeAt.get(key(resource.dir, resource.address))].filter(
          (n): n is DraftNode => n !== undefined,
        );
    for (const node of from) {
      for (const reference of resource.references) {
        // An attachment's other owners are not what it depends on.
        if (glue?.owner.includes(reference.attribute)) continue;
        const target = nodeAt.get(key(resource.dir, reference.to));
        if (!target || target === node) continue;
        // policy_arn = each.value: the policies come through for_each.
        const attaches =
          glue !== undefined &&
          (glue.link.includes(reference.attribute) || reference.attribute === "for_each");
        addEdgeTo(node, {
          on: target.id,
          via: attaches
            ? target.kind === "iam-policy"
              ? "attaches-policy"
              : "references"
            : IAM_NODE_KINDS[resource.type] || glue
              ? target.kind === "iam-policy"
                ? "uses-policy"
                : "references"
              : viaTo(target.kind),
          source: `${resource.address}.${reference.attribute} (${where(resource.file, resource.line)}) refers to ${reference.to}`,
        });
      }
    }
  }
  return out;
}

function addEdgeTo(node: DraftNode, edge: DraftEdge): void {
  if (edge.on === node.id || node.dependsOn.some((e) => e.on === edge.on)) return;
  node.dependsOn.push(edge);
}

const K8S_KINDS: Record<string, string> = {
  ServiceAccount: "service-account",
  Role: "k8s-role",
  ClusterRole: "k8s-cluster-role",
  RoleBinding: "k8s-role-binding",
  ClusterRoleBinding: "k8s-cluster-role-binding",
};

/**
 * One node per object, however many files carry it (a base manifest and the bundles generated
 * from it), matched by its files and its object address. An object with a namespace only meets
 * references in that namespace; one without is applied to whatever namespace is chosen, so it
 * meets references from any.
 */
function draftKubernetes(
  objects: readonly ScannedObject[],
  add: (node: DraftNode) => void,
  addEdge: (node: DraftNode, edge: DraftEdge) => void,
  taken: (id: string) => boolean,
): void {
  const compatible = (a?: string, b?: string) => a === undefined || b === undefined || a === b;
  const groups = new Map<string, ScannedObject[]>();
  for (const object of objects) {
    const address = objectAddress(object);
    const group = groups.get(address);
    if (group) group.push(object);
    else groups.set(address, [object]);
  }
  const all = [...groups.values()].map((occurrences) => ({
    first: occurrences[0] as ScannedObject,
    occurrences,
  }));
  // Objects by kind and name, so references are resolved without a scan of every object.
  const byName = new Map<string, (typeof all)[number][]>();
  for (const g of all) {
    const key = `${g.first.kind}\u0000${g.first.name}`;
    byName.set(key, [...(byName.get(key) ?? []), g]);
  }
  const named = (kind: string, name: string) => byName.get(`${kind}\u0000${name}`) ?? [];
  /**
   * What a reference from `namespace` reaches: the object declared in that namespace, and one
   * written without a namespace, which becomes that namespace's when applied there.
   */
  const resolve = (kind: string, name: string, namespace?: string) =>
    named(kind, name).filter((g) => compatible(g.first.namespace, namespace));
  const accounts = (name: string, namespace?: string) => resolve("ServiceAccount", name, namespace);

  // A workload is a node even when its service account is not in the repository: its own
  // changes are still worth naming.
  const workloads = all.filter((g) => g.occurrences.some((o) => o.serviceAccount !== undefined));
  const kept = [...all.filter((g) => K8S_KINDS[g.first.kind] !== undefined), ...workloads];
  const kindOf = (o: ScannedObject) => K8S_KINDS[o.kind] ?? o.kind.toLowerCase();

  // Ids: kind and name, qualified by namespace only where two objects would share one.
  const sharing = new Map<string, number>();
  const plain = (o: ScannedObject) => `${kindOf(o)}/${slug(o.name)}`;
  for (const { first } of kept) sharing.set(plain(first), (sharing.get(plain(first)) ?? 0) + 1);
  const nodeOf = new Map<ScannedObject, DraftNode>();
  for (const { first, occurrences } of kept) {
    const kind = kindOf(first);
    let id = plain(first);
    if ((sharing.get(id) ?? 0) > 1 && first.namespace)
      id = `${kind}/${slug(first.namespace)}.${slug(first.name)}`;
    // Taken by a Terraform node, or kinds that differ only in case: the whole address.
    if (taken(id)) id = `${kind}/${slug(objectAddress(first).replace(/\//g, "."))}`;
    const files = [...new Set(occurrences.map((o) => o.file))];
    const name = first.namespace ? `${first.namespace}/${first.name}` : first.name;
    const node: DraftNode = {
      id,
      kind,
      paths: files,
      terraform: [],
      kubernetes: [objectAddress(first)],
      dependsOn: [],
      source: `${where(first.file, first.line)} ${first.kind} ${name}${files.length > 1 ? ` (also in ${files.length - 1} other file${files.length > 2 ? "s" : ""})` : ""}`,
      at: first,
    };
    add(node);
    for (const o of occurrences) nodeOf.set(o, node);
  }
  const nodeFor = (o: ScannedObject) => nodeOf.get(o) as DraftNode;

  for (const { first, occurrences } of kept) {
    const node = nodeFor(first);
    for (const object of occurrences) {
      const at = where(object.file, object.line);
      if (object.roleRef) {
        const ref = object.roleRef;
        // A ClusterRole has no namespace; a Role is looked for in the binding's.
        const roles =
          ref.kind === "Role"
            ? resolve("Role", ref.name, object.namespace)
            : named(ref.kind, ref.name);
        for (const role of roles) {
          const o = role.first;
          addEdge(node, {
            on: nodeFor(o).id,
            via: "binds-role",
            source: `${object.kind} ${object.name} (${at}) grants ${ref.kind} ${ref.name}`,
          });
        }
      }
      // A service account gets its permissions through the bindings that name it.
      for (const subject of object.subjects ?? []) {
        if (subject.kind !== "ServiceAccount") continue;
        for (const account of accounts(subject.name, subject.namespace ?? object.namespace))
          addEdge(nodeFor(account.first), {
            on: node.id,
            via: "binds-role",
            source: `${object.kind} ${object.name} (${at}) names ServiceAccount ${subject.name} as a subject`,
          });
      }
      // Workloads matter here only for the service account they run as.
      if (object.serviceAccount !== undefined) {
        for (const account of accounts(object.serviceAccount, object.namespace))
          addEdge(node, {
            on: nodeFor(account.first).id,
            via: "runs-as",
            source: `${object.kind} ${object.name} (${at}) runs as serviceAccountName ${object.serviceAccount}`,
          });
      }
    }
  }
}

/** Each node's owner: the first owner CODEOWNERS gives its first file (the last matching line). */
function assignOwners(nodes: readonly DraftNode[], codeowners?: Codeowners): DraftOwner[] {
  if (!codeowners) return [];
  const owners = new Map<string, DraftOwner>();
  const idOf = new Map<string, string>();
  const ownerId = (handle: string, source: string): string => {
    const known = idOf.get(handle);
    if (known) return known;
    const base = handle.startsWith("@")
      ? (handle.slice(1).split("/").pop() as string)
      : (handle.split("@")[0] as string);
    let id = slug(base).toLowerCase();
    if (owners.has(id)) id = slug(handle.replace(/^@/, "").replace("/", "-")).toLowerCase();
    for (let n = 2; owners.has(id); n++) id = `${slug(base).toLowerCase()}-${n}`;
    idOf.set(handle, id);
    owners.set(id, {
      id,
      ...(handle.startsWith("@") ? { github: handle } : { email: handle }),
      source,
    });
    return id;
  };
  for (const node of nodes) {
    // The file it was found in: its paths may be a glob.
    const file = node.at.file;
    const found = ownersOf(codeowners, file);
    const handle = found?.owners[0];
    if (!found || handle === undefined) continue;
    const line = `${codeowners.file}:${found.rule.line} (${found.rule.pattern} ${found.owners.join(" ")})`;
    node.owner = ownerId(handle, line);
    node.ownerSource = `${codeowners.file}:${found.rule.line}${found.owners.length > 1 ? `; also owned by ${found.owners.slice(1).join(", ")}` : ""}`;
  }
  return [...owners.values()];
}
