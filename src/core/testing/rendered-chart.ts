// A chart's render at two versions, as `helm template watcher ./kube-watcher --namespace
// monitoring --output-dir <dir>` writes it (one file per template, `---` and `# Source:`
// before each document), and as one stream on stdout. Written by hand after the layout of
// public charts' renders. From 1.4.2 to 1.5.0: the ClusterRole loses `delete` on pods, the
// leader-election RoleBinding drops the canary's service account, the image is bumped, and
// every object's chart-version labels change.

export interface ChartVersion {
  readonly version: string;
  /** The version the chart's labels carry, when not `version`. */
  readonly labelVersion?: string;
  readonly podVerbs: string;
  readonly electionSubjects: readonly string[];
}

export const BASE: ChartVersion = {
  version: "1.4.2",
  podVerbs: '["get", "list", "watch", "delete"]',
  electionSubjects: ["watcher", "watcher-canary"],
};

export const HEAD: ChartVersion = {
  version: "1.5.0",
  podVerbs: '["get", "list", "watch"]',
  electionSubjects: ["watcher"],
};

/**
 * The head's changes without the version labels every object carries: a label change is a
 * change of its object (as in any manifest), so tests about one object's change leave it out.
 */
export const HEAD_SAME_LABELS: ChartVersion = { ...HEAD, labelVersion: BASE.version };

const labels = (v: ChartVersion, indent = "    ") =>
  [
    `helm.sh/chart: kube-watcher-${v.labelVersion ?? v.version}`,
    "app.kubernetes.io/name: kube-watcher",
    "app.kubernetes.io/instance: watcher",
    `app.kubernetes.io/version: "${v.labelVersion ?? v.version}"`,
    "app.kubernetes.io/managed-by: Helm",
  ]
    .map((l) => `${indent}${l}`)
    .join("\n");

const doc = (template: string, body: string) =>
  `---\n# Source: kube-watcher/templates/${template}\n${body}`;

/** Each template's render, by its path under --output-dir. */
export function renderFiles(v: ChartVersion): Record<string, string> {
  const t = (name: string) => `kube-watcher/templates/${name}`;
  return {
    [t("serviceaccount.yaml")]: [
      doc(
        "serviceaccount.yaml",
        `apiVersion: v1
kind: ServiceAccount
metadata:
  name: watcher
  namespace: monitoring
  labels:
${labels(v)}
automountServiceAccountToken: true
`,
      ),
      doc(
        "serviceaccount.yaml",
        `apiVersion: v1
kind: ServiceAccount
metadata:
  name: watcher-canary
  namespace: monitoring
  labels:
${labels(v)}
`,
      ),
    ].join(""),
    [t("clusterrole.yaml")]: [
      doc(
        "clusterrole.yaml",
        `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: watcher
  labels:
${labels(v)}
rules:
  - apiGroups:
      - ""
    resources:
      - pods
    verbs: ${v.podVerbs}
  - apiGroups:
      - ""
    resources:
      - events
    verbs: ["create", "patch"]
`,
      ),
      doc(
        "clusterrole.yaml",
        `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: watcher-metrics-reader
  labels:
${labels(v)}
rules:
  - nonResourceURLs: ["/metrics"]
    verbs: ["get"]
`,
      ),
    ].join(""),
    [t("clusterrolebinding.yaml")]: doc(
      "clusterrolebinding.yaml",
      `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: watcher
  labels:
${labels(v)}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: watcher
subjects:
  - kind: ServiceAccount
    name: watcher
    namespace: monitoring
`,
    ),
    [t("leader-election.yaml")]: [
      doc(
        "leader-election.yaml",
        `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: watcher-leader-election
  namespace: monitoring
  labels:
${labels(v)}
rules:
  - apiGroups: ["coordination.k8s.io"]
    resources: ["leases"]
    verbs: ["get", "create", "update"]
`,
      ),
      doc(
        "leader-election.yaml",
        `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: watcher-leader-election
  namespace: monitoring
  labels:
${labels(v)}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: watcher-leader-election
subjects:
${v.electionSubjects
  .map((s) => `  - kind: ServiceAccount\n    name: ${s}\n    namespace: monitoring\n`)
  .join("")}`,
      ),
    ].join(""),
    [t("deployment.yaml")]: [
      doc(
        "deployment.yaml",
        `apiVersion: apps/v1
kind: Deployment
metadata:
  name: watcher
  namespace: monitoring
  labels:
${labels(v)}
spec:
  replicas: 2
  selector:
    matchLabels:
      app.kubernetes.io/name: kube-watcher
      app.kubernetes.io/instance: watcher
  template:
    metadata:
      labels:
        app.kubernetes.io/name: kube-watcher
        app.kubernetes.io/instance: watcher
    spec:
      serviceAccountName: watcher
      securityContext:
        runAsNonRoot: true
      containers:
        - name: kube-watcher
          image: "ghcr.io/example/kube-watcher:${v.version}"
          imagePullPolicy: IfNotPresent
          args:
            - --leader-elect
            - --metrics-bind-address=:8080
          ports:
            - name: metrics
              containerPort: 8080
              protocol: TCP
`,
      ),
      doc(
        "deployment.yaml",
        `apiVersion: apps/v1
kind: Deployment
metadata:
  name: watcher-canary
  namespace: monitoring
  labels:
${labels(v)}
spec:
  replicas: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: kube-watcher-canary
  template:
    metadata:
      labels:
        app.kubernetes.io/name: kube-watcher-canary
    spec:
      serviceAccountName: watcher-canary
      containers:
        - name: kube-watcher
          image: "ghcr.io/example/kube-watcher:canary"
`,
      ),
    ].join(""),
    [t("service.yaml")]: doc(
      "service.yaml",
      `apiVersion: v1
kind: Service
metadata:
  name: watcher-metrics
  namespace: monitoring
  labels:
${labels(v)}
spec:
  type: ClusterIP
  ports:
    - port: 8080
      targetPort: metrics
      protocol: TCP
      name: metrics
  selector:
    app.kubernetes.io/name: kube-watcher
    app.kubernetes.io/instance: watcher
`,
    ),
  };
}

/** The same render as one stream, as `helm template` prints it without --output-dir. */
export function renderStream(v: ChartVersion): string {
  return Object.values(renderFiles(v)).join("");
}
