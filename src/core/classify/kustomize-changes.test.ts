import { describe, expect, it } from "vitest";
import type { ResourceChange } from "./evidence.js";
import { compareOverlays } from "./kustomize-changes.js";
import { evaluateOverlay, type Overlay, type SideFile } from "./kustomize-overlay.js";

// A base and a production overlay as teams write them: the overlay puts everything in its own
// namespace under a prefix, pins the image, patches the Deployment and the RoleBinding, and
// narrows the ClusterRole with a JSON 6902 patch.
const baseFiles: Record<string, string> = {
  "base/kustomization.yaml": `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - deployment.yaml
  - rbac.yaml
`,
  "base/deployment.yaml": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  labels: {app: api}
spec:
  replicas: 1
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      serviceAccountName: api
      initContainers:
        - name: migrate
          image: ghcr.io/acme/api-migrate:2.0
      containers:
        - name: api
          image: ghcr.io/acme/api:1.2
        - name: proxy
          image: envoyproxy/envoy:v1.30.1
`,
  "base/rbac.yaml": `apiVersion: v1
kind: ServiceAccount
metadata:
  name: api
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: api-reader
rules:
  - apiGroups: [""]
    resources: [configmaps]
    verbs: [get, list, watch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: api-reader
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: api-reader
subjects:
  - kind: ServiceAccount
    name: api
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: api-nodes
rules:
  - apiGroups: [""]
    resources: [nodes]
    verbs: [get, list, watch]
`,
};

const overlay = (
  over: { tag?: string; extra?: string; namespace?: string } = {},
) => `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: ${over.namespace ?? "prod"}
namePrefix: prod-
resources:
  - ../../base
images:
  - name: ghcr.io/acme/api
    newTag: "${over.tag ?? "1.2"}"
patches:
  - path: patch-binding.yaml
  - path: patch-replicas.yaml
patchesJson6902:
  - target:
      group: rbac.authorization.k8s.io
      version: v1
      kind: ClusterRole
      name: api-nodes
    path: clusterrole-verbs.yaml
${over.extra ?? ""}`;

const binding = (subjects: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: api-reader
subjects:
${subjects}`;

const replicas = (n: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: ${n}
`;

const verbs = (ops: string) => ops;

const prod = (files: Record<string, string> = {}): Record<string, string> => ({
  ...baseFiles,
  "overlays/prod/kustomization.yaml": overlay(),
  "overlays/prod/patch-binding.yaml": binding(
    "  - kind: ServiceAccount\n    name: api\n  - kind: Group\n    name: sre\n",
  ),
  "overlays/prod/patch-replicas.yaml": replicas(3),
  "overlays/prod/clusterrole-verbs.yaml": verbs("- op: remove\n  path: /rules/0/verbs/2\n"),
  ...files,
});

/** The overlay evaluated over these files, as the app does: what it needs and is not there is absent. */
function evaluate(
  files: Record<string, string>,
  path = "overlays/prod/kustomization.yaml",
): Overlay {
  const side = new Map<string, SideFile>(Object.entries(files));
  for (let round = 0; round < 10; round++) {
    const result = evaluateOverlay(path, side);
    if (result.needs.length === 0) return result;
    for (const need of result.needs) side.set(need, files[need] ?? { missing: "is not found" });
  }
  throw new Error("does not settle");
}

function compare(before: Record<string, string>, after: Record<string, string>): ResourceChange[] {
  return compareOverlays("overlays/prod/kustomization.yaml", evaluate(before), evaluate(after));
}

const summary = (changes: readonly ResourceChange[]) =>
  changes.map((c) => [c.address, c.classes.join(",")]);

describe("evaluateOverlay", () => {
  it("emits the base's objects under the overlay's namespace and prefix, patched where sure", () => {
    const o = evaluate(prod());
    expect(o.unresolved).toEqual([]);
    expect([...o.objects.keys()].sort()).toEqual([
      "ClusterRole/prod-api-nodes",
      "Deployment/prod/prod-api",
      "Role/prod/prod-api-reader",
      "RoleBinding/prod/prod-api-reader",
      "ServiceAccount/prod/prod-api",
    ]);
    // The binding's subjects are the patch's (a list without merge key is replaced whole).
    const bound = o.objects.get("RoleBinding/prod/prod-api-reader")?.body;
    expect(bound?.subjects).toEqual([
      { kind: "ServiceAccount", name: "prod-api", namespace: "prod" },
      { kind: "Group", name: "sre" },
    ]);
    // Its roleRef follows the Role's new name, as kustomize's name references do.
    expect(bound?.roleRef).toMatchObject({ kind: "Role", name: "prod-api-reader" });
    // The JSON 6902 patch removed "watch".
    const rules = o.objects.get("ClusterRole/prod-api-nodes")?.body.rules as { verbs: string[] }[];
    expect(rules[0]?.verbs).toEqual(["get", "list"]);
    // A strategic merge on a Deployment is not applied, only recorded.
    const deployment = o.objects.get("Deployment/prod/prod-api");
    expect(deployment?.patches.map((p) => [p.file, p.applied])).toEqual([
      ["overlays/prod/patch-replicas.yaml", "a strategic merge on a Deployment is not evaluated"],
    ]);
  });

  it("asks for the files it needs before it answers", () => {
    const first = evaluateOverlay(
      "overlays/prod/kustomization.yaml",
      new Map([["overlays/prod/kustomization.yaml", overlay()]]),
    );
    expect(first.needs).toEqual([
      "base/Kustomization",
      "base/kustomization.yaml",
      "base/kustomization.yml",
      "overlays/prod/clusterrole-verbs.yaml",
      "overlays/prod/patch-binding.yaml",
      "overlays/prod/patch-replicas.yaml",
    ]);
    expect(first.objects.size).toBe(0);
  });

  it("places an object where a JSON 6902 patch that removes its namespace leaves it", () => {
    const o = evaluate(
      {
        "ha/kustomization.yaml": `resources: [upstream.yaml]
patchesJson6902:
  - target: {version: v1, kind: ServiceAccount, name: redis-ha, namespace: argocd}
    path: remove-namespace.yaml
`,
        "ha/upstream.yaml":
          "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: redis-ha\n  namespace: argocd\n",
        "ha/remove-namespace.yaml": "- op: remove\n  path: /metadata/namespace\n",
      },
      "ha/kustomization.yaml",
    );
    expect([...o.objects.keys()]).toEqual(["ServiceAccount/redis-ha"]);
  });

  it("does not leave the repository, nor fetch remote bases", () => {
    const o = evaluate({
      "overlays/prod/kustomization.yaml": `resources:
  - ../../../../etc/passwd.yaml
  - github.com/acme/platform//rbac?ref=v1.4.0
  - https://raw.githubusercontent.com/acme/x/main/all.yaml
`,
    });
    expect(o.unresolved.map((u) => [u.reason, u.line])).toEqual([
      ["the resource ../../../../etc/passwd.yaml lies outside the repository", 2],
      ["the remote resource github.com/acme/platform//rbac?ref=v1.4.0 is not fetched", 3],
      [
        "the remote resource https://raw.githubusercontent.com/acme/x/main/all.yaml is not fetched",
        4,
      ],
    ]);
  });

  it("does not follow a kustomization that includes itself", () => {
    const o = evaluate(
      {
        "a/kustomization.yaml": "resources: [../b]\n",
        "b/kustomization.yaml": "resources: [../a]\n",
      },
      "a/kustomization.yaml",
    );
    expect(o.unresolved.map((u) => u.reason)).toEqual(["the resource a includes itself"]);
  });
});

describe("compareOverlays", () => {
  it("an image bump modifies the overlay's workloads that run the image, and says where", () => {
    const changes = compare(
      prod(),
      prod({ "overlays/prod/kustomization.yaml": overlay({ tag: "1.3" }) }),
    );
    expect(summary(changes)).toEqual([["Deployment/prod/prod-api", "modified"]]);
    expect(changes[0]?.evidence.map((e) => e.detail)).toEqual([
      "image ghcr.io/acme/api: 1.2 → 1.3",
    ]);
    expect(changes[0]?.evidence[0]).toMatchObject({
      file: "overlays/prod/kustomization.yaml",
      line: 8,
    });
  });

  it("an image no workload runs changes nothing", () => {
    const unused = overlay({ extra: "" }).replace("ghcr.io/acme/api\n", "ghcr.io/acme/other\n");
    const bumped = unused.replace('newTag: "1.2"', 'newTag: "1.3"');
    expect(
      compare(
        prod({ "overlays/prod/kustomization.yaml": unused }),
        prod({ "overlays/prod/kustomization.yaml": bumped }),
      ),
    ).toEqual([]);
  });

  it("a strategic-merge patch on a Deployment is a modification of the overlay's Deployment, with what it touches", () => {
    const changes = compare(prod(), prod({ "overlays/prod/patch-replicas.yaml": replicas(5) }));
    expect(summary(changes)).toEqual([["Deployment/prod/prod-api", "modified"]]);
    expect(changes[0]?.evidence).toEqual([
      expect.objectContaining({
        file: "overlays/prod/patch-replicas.yaml",
        line: 4,
        detail: "the patch in overlays/prod/patch-replicas.yaml changes: spec.replicas",
      }),
    ]);
  });

  it("a patch on a RoleBinding's subjects is judged on the overlay's binding", () => {
    const changes = compare(
      prod(),
      prod({
        "overlays/prod/patch-binding.yaml": binding("  - kind: ServiceAccount\n    name: api\n"),
      }),
    );
    expect(summary(changes)).toEqual([["RoleBinding/prod/prod-api-reader", "trust-narrowed"]]);
    expect(changes[0]?.evidence[0]).toMatchObject({
      file: "overlays/prod/patch-binding.yaml",
      detail: "no longer binds Group sre",
    });
  });

  it("a JSON 6902 patch on a ClusterRole is applied and compared rule by rule", () => {
    const changes = compare(
      prod(),
      prod({
        "overlays/prod/clusterrole-verbs.yaml":
          "- op: replace\n  path: /rules/0/verbs\n  value: [get]\n",
      }),
    );
    expect(summary(changes)).toEqual([["ClusterRole/prod-api-nodes", "permissions-removed"]]);
    expect(changes[0]?.evidence.map((e) => e.detail)).toEqual(["no longer allows list core/nodes"]);
  });

  it("a patch that cannot be applied to an RBAC object is unknown, saying to render it", () => {
    const changes = compare(
      prod(),
      prod({ "overlays/prod/clusterrole-verbs.yaml": "- op: remove\n  path: /rules/4\n" }),
    );
    expect(summary(changes)).toEqual([["ClusterRole/prod-api-nodes", "unknown"]]);
    expect(changes[0]?.evidence[0]?.detail).toMatch(
      /does not apply: operation 1 \(remove \/rules\/4\).*render to judge it, give the rendered manifests \(check --rendered-base\/--rendered-head\)/,
    );
  });

  it("an RBAC object compared carries its grants on both sides, for contracts", () => {
    const changes = compare(
      prod(),
      prod({
        "overlays/prod/clusterrole-verbs.yaml":
          "- op: replace\n  path: /rules/0/verbs\n  value: [get]\n",
      }),
    );
    expect(changes[0]?.before?.grants).toEqual(["get /nodes/*", "list /nodes/*"]);
    expect(changes[0]?.after?.grants).toEqual(["get /nodes/*"]);
  });

  it("an RBAC object a patch could not be applied to has grants no one knows, saying why", () => {
    const changes = compare(
      prod(),
      prod({ "overlays/prod/clusterrole-verbs.yaml": "- op: remove\n  path: /rules/4\n" }),
    );
    expect(changes[0]?.after?.grants).toBeUndefined();
    expect(changes[0]?.after?.grantsUnknown).toMatch(/does not apply.*render to judge it/);
  });

  it("a new namespace moves every object: deleted where it was, added where it goes", () => {
    const changes = compare(
      prod(),
      prod({ "overlays/prod/kustomization.yaml": overlay({ namespace: "production" }) }),
    );
    expect(summary(changes)).toEqual([
      ["Deployment/prod/prod-api", "deleted"],
      ["Deployment/production/prod-api", "added"],
      ["Role/prod/prod-api-reader", "deleted"],
      ["Role/production/prod-api-reader", "added"],
      ["RoleBinding/prod/prod-api-reader", "deleted"],
      ["RoleBinding/production/prod-api-reader", "added"],
      ["ServiceAccount/prod/prod-api", "deleted"],
      ["ServiceAccount/production/prod-api", "added"],
    ]);
    expect(changes[0]?.evidence[0]?.detail).toBe(
      'Deployment prod-api is no longer emitted by the overlay overlays/prod (namespace "prod" → "production")',
    );
  });

  it("a resource added to the overlay adds its objects under the overlay's names", () => {
    const extra = "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: batch\n";
    const changes = compare(
      prod(),
      prod({
        "overlays/prod/kustomization.yaml": overlay().replace(
          "  - ../../base\n",
          "  - ../../base\n  - batch-sa.yaml\n",
        ),
        "overlays/prod/batch-sa.yaml": extra,
      }),
    );
    expect(summary(changes)).toEqual([["ServiceAccount/prod/prod-batch", "added"]]);
  });

  it("a replica count modifies the workload of that name, not the Service beside it", () => {
    const service =
      "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  ports: [{port: 80}]\n";
    const counted = (n: number) =>
      overlay({ extra: `replicas:\n  - name: api\n    count: ${n}\n` });
    const changes = compare(
      prod({
        "overlays/prod/kustomization.yaml": counted(3),
        "base/deployment.yaml": baseFiles["base/deployment.yaml"] + service,
      }),
      prod({
        "overlays/prod/kustomization.yaml": counted(6),
        "base/deployment.yaml": baseFiles["base/deployment.yaml"] + service,
      }),
    );
    expect(summary(changes)).toEqual([["Deployment/prod/prod-api", "modified"]]);
    expect(changes[0]?.evidence[0]?.detail).toBe("replicas of api: 3 → 6");
  });

  it("a generator that changes leaves the overlay's objects unknown, naming the field", () => {
    const gen = (v: string) =>
      `configMapGenerator:\n  - name: api-config\n    literals: [LOG_LEVEL=${v}]\n`;
    const changes = compare(
      prod({ "overlays/prod/kustomization.yaml": overlay({ extra: gen("info") }) }),
      prod({ "overlays/prod/kustomization.yaml": overlay({ extra: gen("debug") }) }),
    );
    expect(changes.every((c) => c.classes.join() === "unknown")).toBe(true);
    expect(changes).toHaveLength(5);
    expect(changes[0]?.evidence[0]?.detail).toBe(
      "configMapGenerator changes in overlays/prod/kustomization.yaml: not evaluated, give the rendered manifests (check --rendered-base/--rendered-head)",
    );
  });

  it("an overlay on a remote base: a bump of an image it does not read is unknown, saying to render", () => {
    const remote = (tag: string) => `namespace: prod
resources:
  - github.com/acme/platform//deploy/api?ref=v2.3.0
images:
  - name: ghcr.io/acme/api
    newTag: "${tag}"
`;
    const changes = compare(
      { "overlays/prod/kustomization.yaml": remote("1.2") },
      { "overlays/prod/kustomization.yaml": remote("1.3") },
    );
    expect(summary(changes)).toEqual([["overlays/prod/kustomization.yaml", "unknown"]]);
    expect(changes[0]?.system).toBe("file");
    expect(changes[0]?.evidence.map((e) => e.detail)).toEqual([
      "image ghcr.io/acme/api: 1.2 → 1.3: no workload read runs it, and some of the overlay was not read (the remote resource github.com/acme/platform//deploy/api?ref=v2.3.0 is not fetched): give the rendered manifests (check --rendered-base/--rendered-head)",
      "the remote resource github.com/acme/platform//deploy/api?ref=v2.3.0 is not fetched: what it holds and what this change does to it are not judged; give the rendered manifests (check --rendered-base/--rendered-head)",
    ]);
  });

  it("a kustomization that no longer parses is unknown, not the deletion of its objects", () => {
    const changes = compare(prod(), prod({ "overlays/prod/kustomization.yaml": "resources: [\n" }));
    expect(summary(changes)).toEqual([["overlays/prod/kustomization.yaml", "unknown"]]);
    expect(changes[0]?.evidence[0]?.detail).toMatch(
      /^overlays\/prod\/kustomization.yaml is not read: it does not parse as YAML.*give the rendered manifests/,
    );
  });

  it("the same overlay at base and head changes nothing", () => {
    expect(compare(prod(), prod())).toEqual([]);
  });
});
