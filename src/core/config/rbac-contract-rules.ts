// Contracts' RBAC permissions (`allows: [list secrets]`) checked once every file is in: they
// parse, their verb is one Kubernetes knows, and the node they are expected of can hold RBAC
// rules at all (and an IAM action a node that can hold policies).

import { PERMISSION_SYNTAX, parseRbacPermission } from "../classify/rbac-permission.js";
import type { Diagnostic, Edge, Expectation, GraphNode } from "../model.js";
import { closest } from "./did-you-mean.js";
import { at } from "./place.js";

/**
 * The verbs of Kubernetes' API server and its built-in authorisers: the resource verbs, and
 * those RBAC checks for special cases (bind and escalate on roles, impersonate on users,
 * use on pod security policies, approve and sign on certificate requests, attest).
 */
export const KUBERNETES_VERBS: readonly string[] = [
  "get",
  "list",
  "watch",
  "create",
  "update",
  "patch",
  "delete",
  "deletecollection",
  "impersonate",
  "bind",
  "escalate",
  "use",
  "approve",
  "sign",
  "attest",
  "*",
];

const VERBS = new Set(KUBERNETES_VERBS);

/** Nodes whose rules can bring Kubernetes objects to them: object rules, or files. */
const mayHoldRbac = (node: GraphNode) =>
  node.match.kubernetes.length > 0 || node.match.paths.length > 0;
/** Whether an object pattern (`Kind/ns/name`) may name a Role or ClusterRole. */
const mayNameRole = (pattern: string) => {
  const kind = pattern.split("/")[0] ?? "";
  return kind.includes("*") || kind.includes("?") || kind === "Role" || kind === "ClusterRole";
};
/** Nodes that stand for Kubernetes objects only: no IAM policy can ever be read of them. */
const onlyKubernetes = (node: GraphNode) =>
  node.match.kubernetes.length > 0 &&
  node.match.paths.length === 0 &&
  node.match.terraform.length === 0 &&
  (node.match.cloudformation?.length ?? 0) === 0;

export function checkRbacContracts(
  nodes: ReadonlyMap<string, GraphNode>,
  errors: Diagnostic[],
  warnings: Diagnostic[],
): void {
  for (const dependent of nodes.values()) {
    for (const edge of dependent.dependsOn) {
      if (!edge.expects) continue;
      const upstream = nodes.get(edge.to);
      for (const expectation of edge.expects) {
        if (expectation.kind !== "allows" || expectation.value === undefined) continue;
        checkOne(dependent, edge, expectation, upstream, errors, warnings);
      }
    }
  }
}

function checkOne(
  dependent: GraphNode,
  edge: Edge,
  expectation: Expectation,
  upstream: GraphNode | undefined,
  errors: Diagnostic[],
  warnings: Diagnostic[],
): void {
  const value = expectation.value as string;
  const where = at(dependent.declaredAt.file, [
    "nodes",
    dependent.id,
    "depends_on",
    edge.index,
    "expects",
    ...expectation.keyPath,
  ]);
  const shown = JSON.stringify(value);
  // An IAM action has no space; an RBAC permission is a verb, a space and what it is on.
  if (!value.includes(" ")) {
    if (upstream && onlyKubernetes(upstream))
      warnings.push({
        severity: "warning",
        code: "contract-never-checked",
        ...where,
        message: `allows ${shown} is an IAM action, but node "${upstream.id}" stands only for Kubernetes objects (match.kubernetes): it can never be checked`,
        hint: `expect an RBAC permission of it instead, ${PERMISSION_SYNTAX}`,
      });
    return;
  }
  const permission = parseRbacPermission(value);
  if (!permission) {
    errors.push({
      severity: "error",
      code: "rbac-permission",
      ...where,
      message: `allows ${shown} is not an RBAC permission`,
      hint: `write ${PERMISSION_SYNTAX}; resources are lowercase, as in a Role's rules, and * stands only for a whole verb, resource or group`,
    });
    return;
  }
  if (!VERBS.has(permission.verb)) {
    const guess = closest(permission.verb, KUBERNETES_VERBS);
    errors.push({
      severity: "error",
      code: "rbac-verb",
      ...where,
      message: `allows ${shown}: "${permission.verb}" is not a Kubernetes verb${guess ? ` — did you mean "${guess}"?` : ""}`,
      hint: `use one of ${KUBERNETES_VERBS.join(", ")}`,
    });
    return;
  }
  if ("group" in permission && permission.group === "core")
    warnings.push({
      severity: "warning",
      code: "rbac-core-group",
      ...where,
      message: `allows ${shown} names a group literally called "core", which the API server does not serve`,
      hint: `the core group is written without one: "${permission.verb} ${permission.resource}${permission.subresource ? `/${permission.subresource}` : ""}"`,
    });
  if (
    upstream &&
    upstream.match.kubernetes.length > 0 &&
    !upstream.match.kubernetes.some(mayNameRole)
  )
    warnings.push({
      severity: "warning",
      code: "contract-never-checked",
      ...where,
      message: `allows ${shown} is an RBAC permission, but node "${upstream.id}" stands for ${upstream.match.kubernetes.slice(0, 3).join(", ")}, no Role or ClusterRole: it can never be checked`,
      hint: "expect it of the node that stands for the Role or ClusterRole (what a ServiceAccount may do is in the roles bound to it)",
    });
  else if (upstream && !mayHoldRbac(upstream))
    warnings.push({
      severity: "warning",
      code: "contract-never-checked",
      ...where,
      message: `allows ${shown} is an RBAC permission, but node "${upstream.id}" has no match.kubernetes or match.paths rules, so no Role's rules are ever read of it: it can never be checked`,
      hint: `add match.kubernetes rules naming its Role or ClusterRole (Role/<namespace>/<name>), or expect an IAM action of it`,
    });
}
