import { describe, expect, it } from "vitest";
import { scanKustomizations } from "./kustomize-scan.js";

const files: Record<string, string> = {
  "base/kustomization.yaml": "resources:\n  - rbac.yaml\n  - deployment.yaml\n",
  "base/rbac.yaml": `apiVersion: v1
kind: ServiceAccount
metadata:
  name: deployer
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: deployer
rules: [{apiGroups: [apps], resources: [deployments], verbs: [get, patch]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: deployer
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: deployer}
subjects:
  - kind: ServiceAccount
    name: deployer
`,
  "base/deployment.yaml": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      serviceAccountName: deployer
      containers: [{name: api, image: api:1}]
`,
  "overlays/prod/kustomization.yaml": `namespace: payments
namePrefix: prod-
resources: [../../base]
patches:
  - path: patch-binding.yaml
`,
  "overlays/prod/patch-binding.yaml": `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: deployer
subjects:
  - kind: ServiceAccount
    name: deployer
  - kind: ServiceAccount
    name: ci-deployer
    namespace: ci
`,
};

describe("scanKustomizations", () => {
  const scan = scanKustomizations(
    Object.keys(files).filter((f) => f.endsWith("kustomization.yaml")),
    (path) => files[path],
  );

  it("names the patch files, which are no objects of their own", () => {
    expect([...scan.patchFiles]).toEqual(["overlays/prod/patch-binding.yaml"]);
  });

  it("gives the top overlay's objects as kustomize emits them, in every file that changes them", () => {
    const files = new Map<string, string[]>();
    for (const o of scan.objects) {
      const key = `${o.kind} ${o.namespace}/${o.name} ${o.serviceAccount ?? ""}`.trim();
      files.set(key, [...(files.get(key) ?? []), o.file]);
    }
    // The overlay's and the base's kustomizations, the patches they read, and the file each
    // object is written in: a change to any of them changes the deployed object.
    const layers = [
      "overlays/prod/kustomization.yaml",
      "overlays/prod/patch-binding.yaml",
      "base/kustomization.yaml",
    ];
    expect(Object.fromEntries([...files].map(([k, v]) => [k, [...v].sort()]))).toEqual({
      "ServiceAccount payments/prod-deployer": [...layers, "base/rbac.yaml"].sort(),
      "Role payments/prod-deployer": [...layers, "base/rbac.yaml"].sort(),
      "RoleBinding payments/prod-deployer": [...layers, "base/rbac.yaml"].sort(),
      "Deployment payments/prod-api prod-deployer": [...layers, "base/deployment.yaml"].sort(),
    });
    // The binding grants the renamed Role to the renamed account, and keeps the patch's other subject.
    const binding = scan.objects.find((o) => o.kind === "RoleBinding");
    expect(binding?.roleRef).toEqual({ kind: "Role", name: "prod-deployer" });
    expect(binding?.subjects).toEqual([
      { kind: "ServiceAccount", name: "prod-deployer", namespace: "payments" },
      { kind: "ServiceAccount", name: "ci-deployer", namespace: "ci" },
    ]);
  });
});
