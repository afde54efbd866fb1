import { describe, expect, it } from "vitest";
import { draftGraph } from "../adopt/draft-graph.js";
import { renderDraft } from "../adopt/render-draft.js";
import { withoutRenderedPaths } from "../adopt/rendered-draft.js";
import { kubernetesObjects } from "../adopt/repo-scan.js";
import { analyze, prepareModel } from "../analyze.js";
import { loadDeps } from "../config/load-deps.js";
import {
  BASE,
  HEAD,
  HEAD_SAME_LABELS,
  renderFiles,
  renderStream,
} from "../testing/rendered-chart.js";
import {
  compareRenders,
  defaultNamespace,
  MAX_RBAC_GRANTS,
  type RenderedTree,
  sourceTemplates,
} from "./rendered-manifests.js";

const tree = (root: string, files: Record<string, string>): RenderedTree => ({
  root,
  files: Object.entries(files).map(([path, text]) => ({ path, text })),
});

const summary = (resources: ReturnType<typeof compareRenders>["resources"]) =>
  resources.map((r) => [r.address, r.classes]);

describe("compareRenders", () => {
  it("names each changed object of a chart's two renders", () => {
    const { resources, unjudged } = compareRenders(
      tree("base", renderFiles(BASE)),
      tree("head", renderFiles(HEAD_SAME_LABELS)),
    );
    expect(unjudged).toEqual([]);
    expect(summary(resources)).toEqual([
      ["ClusterRole/watcher", ["permissions-removed"]],
      ["Deployment/monitoring/watcher", ["modified"]],
      ["RoleBinding/monitoring/watcher-leader-election", ["trust-narrowed"]],
    ]);
    const role = resources[0];
    expect(role?.evidence).toEqual([
      {
        address: "ClusterRole/watcher",
        file: "head/kube-watcher/templates/clusterrole.yaml",
        line: 6,
        detail: "no longer allows delete core/pods (from kube-watcher/templates/clusterrole.yaml)",
      },
    ]);
    expect(resources[1]?.evidence[0]?.detail).toBe(
      "spec.template.spec.containers[0].image changes (from kube-watcher/templates/deployment.yaml)",
    );
    expect(resources[2]?.evidence[0]?.detail).toBe(
      "no longer binds ServiceAccount monitoring/watcher-canary (from kube-watcher/templates/leader-election.yaml)",
    );
  });

  it("carries a ClusterRole's grants on both sides, for contracts", () => {
    const { resources } = compareRenders(
      tree("base", renderFiles(BASE)),
      tree("head", renderFiles(HEAD_SAME_LABELS)),
    );
    const role = resources.find((r) => r.address === "ClusterRole/watcher");
    expect(role?.before?.grants).toContain("delete /pods/*");
    expect(role?.after?.grants).not.toContain("delete /pods/*");
    expect(role?.after?.grants?.length).toBe((role?.before?.grants?.length ?? 0) - 1);
    const deployment = resources.find((r) => r.address === "Deployment/monitoring/watcher");
    expect(deployment?.after).toEqual({ exists: true, policies: [] });
  });

  it("pairs two single-stream renders whatever their names, with the same result", () => {
    const { resources } = compareRenders(
      { root: "base.yaml", files: [{ path: "", text: renderStream(BASE) }] },
      { root: "head.yaml", files: [{ path: "", text: renderStream(HEAD_SAME_LABELS) }] },
    );
    expect(summary(resources).map(([a]) => a)).toEqual([
      "ClusterRole/watcher",
      "Deployment/monitoring/watcher",
      "RoleBinding/monitoring/watcher-leader-election",
    ]);
    expect(resources[0]?.evidence[0]?.file).toBe("head.yaml");
  });

  it("an object that moves to another template is the same object, compared with what it becomes", () => {
    const base = renderFiles(BASE);
    const head = renderFiles(BASE);
    const roles = head["kube-watcher/templates/clusterrole.yaml"] as string;
    const [watcher, reader] = roles.split(/^(?=---)/m);
    expect(watcher).toContain("name: watcher\n");
    head["kube-watcher/templates/clusterrole.yaml"] = reader as string;
    head["kube-watcher/templates/rbac/pods.yaml"] = (watcher as string)
      .replace("clusterrole.yaml", "rbac/pods.yaml")
      .replace('"delete"]', '"delete", "deletecollection"]');
    const { resources } = compareRenders(tree("b", base), tree("h", head));
    expect(summary(resources)).toEqual([["ClusterRole/watcher", ["permissions-added"]]]);
    const details = resources.flatMap((r) => r.evidence.map((e) => e.detail));
    expect(details).toContain(
      "now allows deletecollection core/pods (from kube-watcher/templates/rbac/pods.yaml)",
    );
    expect(details.some((d) => d.startsWith("ClusterRole watcher moves"))).toBe(true);
  });

  it("a template added or removed at the head is all added or all deleted", () => {
    const head = renderFiles(BASE);
    delete head["kube-watcher/templates/service.yaml"];
    head["kube-watcher/templates/pdb.yaml"] =
      "---\n# Source: kube-watcher/templates/pdb.yaml\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: watcher\n  namespace: monitoring\nspec:\n  minAvailable: 1\n";
    const { resources } = compareRenders(tree("b", renderFiles(BASE)), tree("h", head));
    expect(summary(resources)).toEqual([
      ["PodDisruptionBudget/monitoring/watcher", ["added"]],
      ["Service/monitoring/watcher-metrics", ["deleted"]],
    ]);
    // A deleted object is pointed at where it was.
    expect(resources[1]?.evidence[0]?.file).toBe("b/kube-watcher/templates/service.yaml");
  });

  it("a file that does not parse, or was not read, is not judged, and says why and where", () => {
    const head = renderFiles(HEAD_SAME_LABELS);
    head["kube-watcher/templates/clusterrole.yaml"] = "rules:\n  - verbs: [get\n";
    const { resources, unjudged } = compareRenders(tree("b", renderFiles(BASE)), {
      root: "h",
      files: [
        ...Object.entries(head).map(([path, text]) => ({ path, text })),
        { path: "kube-watcher/templates/huge.yaml", problem: "not read: it is 20000000 bytes" },
      ],
    });
    expect(unjudged).toEqual([
      {
        file: "h/kube-watcher/templates/clusterrole.yaml",
        reason: expect.stringMatching(/^not a YAML stream of Kubernetes objects \(line \d+: /),
      },
      {
        file: "h/kube-watcher/templates/huge.yaml",
        reason: "at the head: not read: it is 20000000 bytes",
      },
    ]);
    // The other files are still compared; the role's file is not guessed at.
    expect(summary(resources).map(([a]) => a)).toEqual([
      "Deployment/monitoring/watcher",
      "RoleBinding/monitoring/watcher-leader-election",
    ]);
  });

  it("a label change is a change of its object, the chart's version labels too", () => {
    const head = renderFiles(BASE);
    head["kube-watcher/templates/service.yaml"] = (
      head["kube-watcher/templates/service.yaml"] as string
    ).replace(
      "app.kubernetes.io/managed-by: Helm",
      "app.kubernetes.io/managed-by: Helm\n    tier: edge",
    );
    const { resources } = compareRenders(tree("b", renderFiles(BASE)), tree("h", head));
    expect(summary(resources)).toEqual([["Service/monitoring/watcher-metrics", ["modified"]]]);
    // The same object in a plain manifest says the same: a render is not judged apart.
    const bumped = compareRenders(
      tree("b", renderFiles(BASE)),
      tree("h", renderFiles({ ...BASE, labelVersion: "1.5.0" })),
    );
    expect(bumped.resources.length).toBe(10);
    expect(bumped.resources.every((r) => r.classes.join() === "modified")).toBe(true);
    expect(bumped.resources[0]?.evidence[0]?.detail).toContain("metadata.labels");
  });

  it("gives namespaced objects written without one the namespace asked for", () => {
    const strip = (files: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(files).map(([k, v]) => [k, v.replace(/^ {2}namespace: monitoring\n/gm, "")]),
      );
    const { resources } = compareRenders(
      tree("b", strip(renderFiles(BASE))),
      tree("h", strip(renderFiles(HEAD_SAME_LABELS))),
      { namespace: "ops" },
    );
    expect(summary(resources).map(([a]) => a)).toEqual([
      "ClusterRole/watcher",
      "Deployment/ops/watcher",
      "RoleBinding/ops/watcher-leader-election",
    ]);
    expect(resources[2]?.evidence[0]?.address).toBe("RoleBinding/ops/watcher-leader-election");
    // Without a namespace given, those that have none are said, so rules with one are not
    // missed quietly.
    const bare = compareRenders(
      tree("b", strip(renderFiles(BASE))),
      tree("h", strip(renderFiles(HEAD_SAME_LABELS))),
    );
    expect(bare.withoutNamespace).toEqual([
      "Deployment/watcher",
      "RoleBinding/watcher-leader-election",
    ]);
    expect(
      compareRenders(tree("b", renderFiles(BASE)), tree("h", renderFiles(HEAD))).withoutNamespace,
    ).toEqual([]);
  });
});

describe("sourceTemplates and defaultNamespace", () => {
  it("a Source line names only the document it heads", () => {
    const text = [
      "---\n# Source: c/templates/a.yaml\nkind: ConfigMap\nmetadata:\n  name: a\n",
      "---\nkind: ConfigMap\nmetadata:\n  name: b\n",
    ].join("");
    expect([...sourceTemplates(text)]).toEqual([["ConfigMap/a", "c/templates/a.yaml"]]);
  });

  it("leaves cluster-scoped kinds and namespaced addresses alone", () => {
    expect(defaultNamespace("Role/x", "ops")).toBe("Role/ops/x");
    expect(defaultNamespace("Role/dev/x", "ops")).toBe("Role/dev/x");
    expect(defaultNamespace("ClusterRole/x", "ops")).toBe("ClusterRole/x");
    expect(defaultNamespace("ClusterIssuer/x", "ops")).toBe("ClusterIssuer/x");
    expect(defaultNamespace("Namespace/x", "ops")).toBe("Namespace/x");
  });
});

/** The graph `init --rendered` drafts from the base render, loaded. */
function draftedModel() {
  const files = Object.entries(renderFiles(BASE)).map(([path, text]) => ({
    path: `rendered/${path}`,
    text,
  }));
  const draft = withoutRenderedPaths(
    draftGraph({
      files: [],
      terraform: [],
      kubernetes: files.flatMap((f) => kubernetesObjects(f.path, f.text)),
      problems: [],
    }),
    new Set(files.map((f) => f.path)),
  );
  const text = renderDraft(draft, { terraformFiles: 0, manifests: files.length });
  const loaded = loadDeps("deps.yaml", (file) =>
    file === "deps.yaml"
      ? { ok: true, text }
      : {
          ok: false,
          diagnostic: { severity: "error", code: "file-not-found", file, message: "no such file" },
        },
  );
  if (!loaded.config || !loaded.graph) throw new Error("the draft does not load");
  return { model: prepareModel(loaded.config, loaded.graph), text };
}

describe("a render's change on a graph drafted from the render", () => {
  it("a ClusterRole losing a verb, alone: that ClusterRole changes, and what runs through its binding breaks", () => {
    const { model, text } = draftedModel();
    expect(text).toContain("kubernetes: [ClusterRole/watcher]");
    const compared = compareRenders(
      tree("base", renderFiles(BASE)),
      tree("head", renderFiles({ ...BASE, podVerbs: HEAD.podVerbs })),
    );
    const impact = analyze(model, [], {
      inputs: [
        {
          kind: "rendered",
          file: "head",
          reading: { resources: compared.resources, references: [] },
        },
      ],
    });
    expect(impact.changed.map((c) => [c.id, c.classes])).toEqual([
      ["k8s-cluster-role/watcher", ["permissions-removed"]],
    ]);
    expect(impact.impacted.map((n) => [n.id, n.severity])).toEqual([
      ["k8s-cluster-role-binding/watcher", "breaking"],
      ["service-account/watcher", "breaking"],
      ["deployment/watcher", "breaking"],
    ]);
  });

  it("the whole version bump: each object is its node's change, and what has no node is said", () => {
    const { model, text } = draftedModel();
    // The render's files are not the repository's: its nodes match by object alone.
    expect(text).not.toMatch(/paths: \[.*rendered\//);
    const compared = compareRenders(
      tree("base", renderFiles(BASE)),
      tree("head", renderFiles(HEAD)),
    );
    const impact = analyze(model, [], {
      inputs: [
        {
          kind: "rendered",
          file: "head",
          reading: { resources: compared.resources, references: [] },
        },
      ],
    });
    // The chart's version labels change on every object: each is modified, as a label change
    // is in any manifest; the ClusterRole and the binding also say what they lost.
    expect(impact.changed.map((c) => [c.id, c.classes, c.causes.map((x) => x.kind)])).toEqual([
      ["deployment/watcher", ["modified"], ["rendered"]],
      ["deployment/watcher-canary", ["modified"], ["rendered"]],
      ["k8s-cluster-role-binding/watcher", ["modified"], ["rendered"]],
      ["k8s-cluster-role/watcher", ["permissions-removed", "modified"], ["rendered"]],
      ["k8s-cluster-role/watcher-metrics-reader", ["modified"], ["rendered"]],
      ["k8s-role-binding/watcher-leader-election", ["trust-narrowed", "modified"], ["rendered"]],
      ["k8s-role/watcher-leader-election", ["modified"], ["rendered"]],
      ["service-account/watcher", ["modified"], ["rendered"]],
      ["service-account/watcher-canary", ["modified"], ["rendered"]],
    ]);
    const breaking = impact.impacted.filter((n) => n.severity === "breaking").map((n) => n.id);
    expect(breaking).toEqual(
      expect.arrayContaining([
        "k8s-cluster-role-binding/watcher",
        "service-account/watcher",
        "deployment/watcher",
      ]),
    );
    // The metrics reader and the canary are not bound to the ClusterRole: not broken by it.
    expect(breaking).not.toContain("k8s-cluster-role/watcher-metrics-reader");
    // The Service's labels change too, and no node stands for a Service.
    expect(impact.unmatchedResources).toEqual(["Service/monitoring/watcher-metrics"]);
  });
});

describe("an overlay rendered by kubectl kustomize", () => {
  // As kustomize prints it: one stream, no Source lines, the overlay's namespace and prefix.
  const render = (verbs: string, tag: string) => `apiVersion: v1
kind: ServiceAccount
metadata:
  name: prod-api
  namespace: shop
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: prod-api
  namespace: shop
rules:
- apiGroups:
  - ""
  resources:
  - configmaps
  verbs:
${verbs}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: prod-api
  namespace: shop
spec:
  template:
    spec:
      containers:
      - image: example/api:${tag}
        name: api
      serviceAccountName: prod-api
`;

  it("a patch that drops verbs and an image bump are changes of the overlay's objects, said without a template", () => {
    const { resources } = compareRenders(
      {
        root: "base.yaml",
        files: [{ path: "", text: render("  - get\n  - list\n  - watch", "1.0") }],
      },
      { root: "head.yaml", files: [{ path: "", text: render("  - get", "1.1") }] },
    );
    expect(resources.map((r) => [r.address, r.classes, r.evidence.map((e) => e.detail)])).toEqual([
      [
        "Deployment/shop/prod-api",
        ["modified"],
        ["spec.template.spec.containers[0].image changes"],
      ],
      [
        "Role/shop/prod-api",
        ["permissions-removed"],
        ["no longer allows list core/configmaps", "no longer allows watch core/configmaps"],
      ],
    ]);
  });
});

describe("a Role that spells out too many combinations", () => {
  it("is not compared, and says why, instead of expanding them all", () => {
    const words = (n: number, p: string) =>
      `[${Array.from({ length: n }, (_, i) => `${p}${i}`).join(", ")}]`;
    const role = (verbs: string) =>
      `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: huge\nrules:\n  - apiGroups: ${words(100, "g")}\n    resources: ${words(100, "r")}\n    resourceNames: ${words(100, "n")}\n    verbs: ${verbs}\n`;
    const { resources, unjudged } = compareRenders(
      { root: "b.yaml", files: [{ path: "", text: role("[get, list]") }] },
      { root: "h.yaml", files: [{ path: "", text: role("[get]") }] },
    );
    expect(resources).toEqual([]);
    expect(unjudged).toEqual([
      {
        file: "h.yaml",
        reason: `not compared: ClusterRole huge spells out 2,000,000 verb, group, resource and name combinations, more than the ${MAX_RBAC_GRANTS.toLocaleString("en-US")} compared`,
      },
    ]);
  });
});

describe("Source lines from a hostile render", () => {
  it("a line too long to be Helm's is not said", () => {
    const text = `---\n# Source: ${"x".repeat(600)}\nkind: ConfigMap\nmetadata:\n  name: a\n`;
    expect(sourceTemplates(text).size).toBe(0);
  });
});

describe("a synthesised template in a render (cdk synth's cdk.out)", () => {
  const stack = (actions: string[]) =>
    JSON.stringify(
      {
        Resources: {
          HandlerServiceRoleFCDC14AE: {
            Type: "AWS::IAM::Role",
            Properties: {
              AssumeRolePolicyDocument: {
                Version: "2012-10-17",
                Statement: [
                  {
                    Effect: "Allow",
                    Principal: { Service: "lambda.amazonaws.com" },
                    Action: "sts:AssumeRole",
                  },
                ],
              },
              Policies: [
                {
                  PolicyName: "orders",
                  PolicyDocument: {
                    Version: "2012-10-17",
                    Statement: [{ Effect: "Allow", Action: actions, Resource: "*" }],
                  },
                },
              ],
            },
            Metadata: { "aws:cdk:path": "Orders/Handler/ServiceRole/Resource" },
          },
          Handler886CB40B: {
            Type: "AWS::Lambda::Function",
            Properties: { Role: { "Fn::GetAtt": ["HandlerServiceRoleFCDC14AE", "Arn"] } },
          },
        },
      },
      null,
      1,
    );

  it("is compared as a template, addressed by its path in the head render", () => {
    const { resources, references, unjudged } = compareRenders(
      tree("/tmp/base-cdk.out", {
        "Orders.template.json": stack(["dynamodb:GetItem", "dynamodb:PutItem"]),
      }),
      tree("./app/cdk.out", { "Orders.template.json": stack(["dynamodb:GetItem"]) }),
    );
    expect(unjudged).toEqual([]);
    expect(summary(resources)).toEqual([
      ["app/cdk.out/Orders.template.json#HandlerServiceRoleFCDC14AE", ["permissions-removed"]],
    ]);
    expect(resources[0]?.system).toBe("cloudformation");
    expect(references.map((r) => `${r.from} -> ${r.to}`)).toEqual([
      "app/cdk.out/Orders.template.json#Handler886CB40B -> app/cdk.out/Orders.template.json#HandlerServiceRoleFCDC14AE",
    ]);
  });
});
