// Kubernetes object addresses (`Kind/namespace/name`, or `Kind/name` for an object written
// without a namespace) and deps.yaml's match.kubernetes patterns over them.

import { closest } from "../config/did-you-mean.js";
import { compileWildcard, type Matcher } from "../locate/glob.js";

/** The kinds blastradius knows by name: for did-you-mean on a misspelt kind, not a limit. */
export const KNOWN_KINDS: readonly string[] = [
  "APIService",
  "Alertmanager",
  "AlertmanagerConfig",
  "ClusterRole",
  "ClusterRoleBinding",
  "ConfigMap",
  "CronJob",
  "CustomResourceDefinition",
  "DaemonSet",
  "Deployment",
  "Endpoints",
  "HorizontalPodAutoscaler",
  "Ingress",
  "IngressClass",
  "Job",
  "LimitRange",
  "MutatingWebhookConfiguration",
  "Namespace",
  "NetworkPolicy",
  "PersistentVolume",
  "PersistentVolumeClaim",
  "Pod",
  "PodDisruptionBudget",
  "PodMonitor",
  "PriorityClass",
  "Prometheus",
  "PrometheusRule",
  "ReplicaSet",
  "ResourceQuota",
  "Role",
  "RoleBinding",
  "Secret",
  "Service",
  "ServiceAccount",
  "ServiceMonitor",
  "StatefulSet",
  "StorageClass",
  "ThanosRuler",
  "ValidatingWebhookConfiguration",
];

/** Known kinds that never have a namespace: a pattern giving them one can match nothing. */
export const CLUSTER_SCOPED: ReadonlySet<string> = new Set([
  "APIService",
  "ClusterRole",
  "ClusterRoleBinding",
  "CustomResourceDefinition",
  "IngressClass",
  "MutatingWebhookConfiguration",
  "Namespace",
  "PersistentVolume",
  "PriorityClass",
  "StorageClass",
  "ValidatingWebhookConfiguration",
]);

export interface ObjectKey {
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

/** `Role/argocd/argocd-server`, or `ClusterRole/argocd-server` when no namespace is written. */
export function objectAddress(o: ObjectKey): string {
  return `${o.kind}/${o.namespace ? `${o.namespace}/` : ""}${o.name}`;
}

/**
 * A pattern as a matcher: `*` matches within one segment, `?` one character. The number of
 * segments is part of the pattern: `Role/x` matches only a Role written without a namespace,
 * `Role/*\/x` only one written with a namespace. Linear time: object names come from the pull
 * request, and a backtracking regex on `*a*a*a*b` takes minutes on a long one.
 */
export function compileObjectPattern(pattern: string): Matcher {
  return compileWildcard(pattern, { starCrossesSlash: false, question: true });
}

const GLOB = /[*?]/;

export interface PatternProblem {
  readonly severity: "error" | "warning";
  readonly message: string;
  readonly hint: string;
}

/** What is wrong with a match.kubernetes pattern, if anything. */
export function checkObjectPattern(pattern: string): PatternProblem | undefined {
  const segments = pattern.split("/");
  if (
    segments.length < 2 ||
    segments.length > 3 ||
    segments.some((s) => s === "" || /\s/.test(s))
  ) {
    return {
      severity: "error",
      message: `"${pattern}" is not an object pattern: write Kind/namespace/name, or Kind/name for an object written without a namespace`,
      hint: "e.g. Role/monitoring/prometheus-k8s, ClusterRole/argocd-server, Deployment/monitoring/*",
    };
  }
  const kind = segments[0] as string;
  if (GLOB.test(kind) || KNOWN_KINDS.includes(kind)) {
    if (segments.length === 3 && CLUSTER_SCOPED.has(kind)) {
      return {
        severity: "error",
        message: `"${pattern}" gives a namespace to ${kind}, which has none: it can match nothing`,
        hint: `write ${kind}/${segments[2]}`,
      };
    }
    return undefined;
  }
  const exact = KNOWN_KINDS.find((k) => k.toLowerCase() === kind.toLowerCase());
  if (exact) {
    // Kinds are case-sensitive: `Rolebinding` matches no object.
    return {
      severity: "error",
      message: `unknown kind "${kind}" in "${pattern}" — did you mean "${exact}"?`,
      hint: `kinds are case-sensitive: write ${[exact, ...segments.slice(1)].join("/")}`,
    };
  }
  const guess = closest(kind, KNOWN_KINDS);
  if (guess === undefined) return undefined;
  // Near a known kind, but perhaps a custom resource's own kind: said, not refused.
  return {
    severity: "warning",
    message: `kind "${kind}" in "${pattern}" is not one blastradius knows — did you mean "${guess}"?`,
    hint: `write ${[guess, ...segments.slice(1)].join("/")}, or ignore this if ${kind} is a custom resource's kind`,
  };
}
