// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Terraform templates are what these tests read
import { describe, expect, it } from "vitest";
import { parseCodeowners } from "../codeowners.js";
import { load } from "../testing/helpers.js";
import { expectInert, HOSTILE_SHORT } from "../testing/hostile.js";
import { draftGraph } from "./draft-graph.js";
import { findDrift } from "./drift.js";
import { renderDraft } from "./render-draft.js";
import {
  kubernetesObjects,
  type RepoScan,
  resolveLocals,
  type ScannedResource,
  terraformLocals,
} from "./repo-scan.js";

const resource = (
  address: string,
  file: string,
  references: [string, string][] = [],
  line = 1,
): ScannedResource => {
  const [type, name] = address.split(".") as [string, string];
  return {
    address,
    type,
    name,
    file,
    dir: file.includes("/") ? file.slice(0, file.lastIndexOf("/")) : "",
    line,
    references: references.map(([attribute, to]) => ({ attribute, to })),
  };
};

const scanOf = (partial: Partial<RepoScan>): RepoScan => ({
  files: [],
  terraform: [],
  kubernetes: [],
  problems: [],
  ...partial,
});

describe("draftGraph", () => {
  it("tells apart resources of the same address in two modules, and keeps references in their module", () => {
    const terraform = [
      resource("aws_iam_role.this", "modules/a/main.tf"),
      resource("aws_iam_role.this", "modules/b/main.tf"),
      resource("aws_lambda_function.f", "modules/b/fn.tf", [["role", "aws_iam_role.this"]]),
      // Its role is in another folder: not this module's.
      resource("aws_iam_role_policy_attachment.x", "modules/c/main.tf", [
        ["role", "aws_iam_role.this"],
      ]),
    ];
    const draft = draftGraph(scanOf({ terraform }));
    expect(
      draft.nodes.map((n) => [n.id, n.paths, n.terraform, n.dependsOn.map((e) => e.on)]),
    ).toEqual([
      [
        "iam-role/modules/a/this",
        ["modules/a/*.tf"],
        ["aws_iam_role.this", "module.*.aws_iam_role.this"],
        [],
      ],
      [
        "lambda-function/f",
        ["modules/b/*.tf"],
        ["aws_lambda_function.f", "module.*.aws_lambda_function.f"],
        ["iam-role/modules/b/this"],
      ],
      [
        "iam-role/modules/b/this",
        ["modules/b/*.tf"],
        ["aws_iam_role.this", "module.*.aws_iam_role.this"],
        [],
      ],
    ]);
    expect(draft.unplaced).toEqual([
      "aws_iam_role_policy_attachment.x (modules/c/main.tf:1): the identity it belongs to is not a resource in this directory",
    ]);
    // The same ids and edges whatever order the files were read in.
    const reversed = draftGraph(scanOf({ terraform: [...terraform].reverse() }));
    expect(reversed.nodes).toEqual(draft.nodes);
    const text = renderDraft(draft, { terraformFiles: 4, manifests: 0 });
    expect(text).toContain("# Not placed (declare them by hand if they matter):");
    expect(load({ "deps.yaml": text }).errors).toEqual([]);
  });

  it("a scanned file name carrying terminal controls is written escaped, and still loads", () => {
    const file = `iam/role${HOSTILE_SHORT}.tf`;
    const draft = draftGraph(scanOf({ terraform: [resource("aws_iam_role.r", file)] }));
    const text = renderDraft(draft, { terraformFiles: 1, manifests: 0 });
    expectInert(text.replace(/\n/g, " "));
    expect(load({ "deps.yaml": text }).errors).toEqual([]);
  });

  it("qualifies ids by folder (the root is .), then by type, only where names repeat", () => {
    const draft = draftGraph(
      scanOf({
        terraform: [
          resource("aws_iam_role.this", "main.tf"),
          resource("aws_iam_role.this", "examples/x/main.tf"),
          resource("aws_iam_policy.only", "examples/x/main.tf", [], 9),
          // Two types drafted as the same kind, with one name, in one folder.
          resource("google_project_iam_custom_role.r", "gcp/main.tf"),
          resource("azurerm_role_definition.r", "gcp/main.tf", [], 7),
        ],
      }),
    );
    expect(draft.nodes.map((n) => [n.id, n.paths[0]])).toEqual([
      ["iam-role/examples/x/this", "examples/x/*.tf"],
      ["iam-policy/only", "examples/x/*.tf"],
      ["iam-role/gcp/google_project_iam_custom_role/r", "gcp/*.tf"],
      ["iam-role/gcp/azurerm_role_definition/r", "gcp/*.tf"],
      ["iam-role/./this", "*.tf"],
    ]);
    expect(draft.nodes.map((n) => n.id).join(" ")).not.toMatch(/-\d\b/);
    expect(
      load({ "deps.yaml": renderDraft(draft, { terraformFiles: 3, manifests: 0 }) }).errors,
    ).toEqual([]);
  });

  it("never drops a node silently when two names make one id", () => {
    const draft = draftGraph(
      scanOf({
        terraform: [
          resource("aws_iam_user.a_b", "m/main.tf"),
          resource("aws_iam_user.a-b", "m/main.tf", [], 5),
          resource("aws_iam_user.x", "modules/_data/main.tf"),
          resource("aws_iam_user.x", "modules/data/main.tf"),
        ],
      }),
    );
    expect(draft.nodes.map((n) => n.id)).toEqual([
      "iam-user/m/aws_iam_user/a-b",
      "iam-user/modules/_data/x",
      "iam-user/modules/data/x",
    ]);
    expect(draft.unplaced).toEqual([
      'm/main.tf:5 resource "aws_iam_user" "a-b": its id iam-user/m/aws_iam_user/a-b is another node\'s already (the names differ only in characters an id cannot hold); declare it by hand',
    ]);
  });

  it("draws every reference between drafted resources of a folder, policies attached through for_each included", () => {
    // Modelled on terraform-aws-eks' modules/hybrid-node-role (Apache-2.0): policy_arn = each.value.
    const draft = draftGraph(
      scanOf({
        terraform: [
          resource("aws_iam_role.this", "m/main.tf"),
          resource("aws_iam_policy.this", "m/main.tf", [], 5),
          resource(
            "aws_iam_role_policy_attachment.this",
            "m/main.tf",
            [
              ["for_each", "aws_iam_policy.this"],
              ["role", "aws_iam_role.this"],
            ],
            9,
          ),
          resource("aws_eks_cluster.c", "m/eks.tf", [["role_arn", "aws_iam_role.this"]]),
          resource(
            "aws_iam_openid_connect_provider.p",
            "m/eks.tf",
            [["url", "aws_eks_cluster.c"]],
            9,
          ),
        ],
      }),
    );
    const edges = Object.fromEntries(
      draft.nodes.map((n) => [n.id, n.dependsOn.map((e) => `${e.via} ${e.on}`)]),
    );
    expect(edges).toEqual({
      "eks-cluster/c": ["runs-as iam-role/this"],
      "iam-oidc-provider/p": ["references eks-cluster/c"],
      "iam-role/this": ["attaches-policy iam-policy/this"],
      "iam-policy/this": [],
    });
  });

  it("binds service accounts to roles only within their namespace", () => {
    const objects = kubernetesObjects(
      "k8s/rbac.yaml",
      [
        "kind: ServiceAccount\napiVersion: v1\nmetadata: {name: app, namespace: a}",
        "---\nkind: ServiceAccount\napiVersion: v1\nmetadata: {name: app, namespace: b}",
        "---\nkind: Role\napiVersion: rbac.authorization.k8s.io/v1\nmetadata: {name: reader, namespace: a}",
        "---\nkind: RoleBinding\napiVersion: rbac.authorization.k8s.io/v1\nmetadata: {name: reader, namespace: a}\nroleRef: {kind: Role, name: reader}\nsubjects: [{kind: ServiceAccount, name: app}]",
        "---\nkind: Deployment\napiVersion: apps/v1\nmetadata: {name: web, namespace: b}\nspec: {template: {spec: {serviceAccountName: app}}}",
      ].join("\n"),
    );
    expect(objects.map((o) => [o.kind, o.namespace, o.line])).toEqual([
      ["ServiceAccount", "a", 1],
      ["ServiceAccount", "b", 5],
      ["Role", "a", 9],
      ["RoleBinding", "a", 13],
      ["Deployment", "b", 19],
    ]);
    const draft = draftGraph(scanOf({ kubernetes: objects }));
    const edges = Object.fromEntries(draft.nodes.map((n) => [n.id, n.dependsOn.map((e) => e.on)]));
    // Ids are qualified by namespace only where two objects share kind and name.
    expect(edges).toEqual({
      "service-account/a.app": ["k8s-role-binding/reader"],
      "service-account/b.app": [],
      "k8s-role/reader": [],
      "k8s-role-binding/reader": ["k8s-role/reader"],
      "deployment/web": ["service-account/b.app"],
    });
  });

  it("drafts one node per object however many files carry it, matched by its address", () => {
    const rbac = [
      "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: appset}",
      "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: appset}",
      "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: appset}\nroleRef: {kind: Role, name: appset}\nsubjects: [{kind: ServiceAccount, name: appset}]",
      "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: appset}\nspec: {template: {spec: {serviceAccountName: appset}}}",
    ].join("\n");
    const objects = [
      ...kubernetesObjects("manifests/base/appset.yaml", rbac),
      ...kubernetesObjects("manifests/install.yaml", rbac),
      ...kubernetesObjects("manifests/namespace-install.yaml", rbac),
    ];
    const draft = draftGraph(scanOf({ kubernetes: objects }));
    expect(
      draft.nodes.map((n) => [n.id, n.kubernetes, n.paths.length, n.dependsOn.map((e) => e.on)]),
    ).toEqual([
      ["service-account/appset", ["ServiceAccount/appset"], 3, ["k8s-role-binding/appset"]],
      ["k8s-role/appset", ["Role/appset"], 3, []],
      ["k8s-role-binding/appset", ["RoleBinding/appset"], 3, ["k8s-role/appset"]],
      ["deployment/appset", ["Deployment/appset"], 3, ["service-account/appset"]],
    ]);
    const text = renderDraft(draft, { terraformFiles: 0, manifests: 3 });
    expect(text).toContain(
      "paths: [manifests/base/appset.yaml, manifests/install.yaml, manifests/namespace-install.yaml]",
    );
    expect(text).toContain("kubernetes: [Role/appset]");
    expect(text).toContain("(also in 2 other files)");
    expect(load({ "deps.yaml": text }).errors).toEqual([]);
    // Ids do not depend on the order files are read in.
    const reversed = draftGraph(scanOf({ kubernetes: [...objects].reverse() }));
    expect(reversed.nodes.map((n) => n.id).sort()).toEqual(draft.nodes.map((n) => n.id).sort());
  });

  it("any object naming a service account is a workload, custom resources and CronJobs included; List items are read", () => {
    const objects = kubernetesObjects(
      "monitoring.yaml",
      [
        "apiVersion: v1\nkind: ServiceAccountList\nitems:\n- metadata: {name: prometheus-k8s, namespace: monitoring}\n- metadata: {name: backup, namespace: monitoring}",
        "---\napiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata: {name: k8s, namespace: monitoring}\nspec: {serviceAccountName: prometheus-k8s}",
        "---\napiVersion: batch/v1\nkind: CronJob\nmetadata: {name: nightly, namespace: monitoring}\nspec: {jobTemplate: {spec: {template: {spec: {serviceAccountName: backup}}}}}",
        "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: monitoring}\ndata: {a: b}",
        "---\napiVersion: batch/v1\nkind: Job\nmetadata: {name: migrate, namespace: monitoring}\nspec: {template: {spec: {serviceAccountName: elsewhere}}}",
      ].join("\n"),
    );
    expect(objects.map((o) => [o.kind, o.name, o.serviceAccount])).toEqual([
      ["ServiceAccount", "prometheus-k8s", undefined],
      ["ServiceAccount", "backup", undefined],
      ["Prometheus", "k8s", "prometheus-k8s"],
      ["CronJob", "nightly", "backup"],
      ["Job", "migrate", "elsewhere"],
    ]);
    const draft = draftGraph(scanOf({ kubernetes: objects }));
    expect(draft.nodes.map((n) => [n.id, n.kubernetes, n.dependsOn.map((e) => e.on)])).toEqual([
      ["service-account/prometheus-k8s", ["ServiceAccount/monitoring/prometheus-k8s"], []],
      ["service-account/backup", ["ServiceAccount/monitoring/backup"], []],
      ["prometheus/k8s", ["Prometheus/monitoring/k8s"], ["service-account/prometheus-k8s"]],
      ["cronjob/nightly", ["CronJob/monitoring/nightly"], ["service-account/backup"]],
      // Its service account is not in the repository: a node without that edge.
      ["job/migrate", ["Job/monitoring/migrate"], []],
    ]);
  });

  it("a RoleBinding grants the Role of its own namespace, from a RoleList", () => {
    const roles = (ns: string) =>
      `- metadata: {name: prometheus-k8s, namespace: ${ns}}\n  rules: [{apiGroups: [""], resources: [pods], verbs: [get]}]`;
    const objects = kubernetesObjects(
      "roles.yaml",
      [
        `apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleList\nitems:\n${roles("default")}\n${roles("monitoring")}`,
        "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBindingList\nitems:\n- metadata: {name: prometheus-k8s, namespace: monitoring}\n  roleRef: {kind: Role, name: prometheus-k8s}\n  subjects: [{kind: ServiceAccount, name: prometheus-k8s, namespace: monitoring}]",
      ].join("\n"),
    );
    const draft = draftGraph(scanOf({ kubernetes: objects }));
    expect(draft.nodes.map((n) => [n.id, n.dependsOn.map((e) => e.on)])).toEqual([
      ["k8s-role/default.prometheus-k8s", []],
      ["k8s-role/monitoring.prometheus-k8s", []],
      ["k8s-role-binding/prometheus-k8s", ["k8s-role/monitoring.prometheus-k8s"]],
    ]);
  });

  it("a namespaced object meets only references in its namespace; one without meets any", () => {
    const objects = kubernetesObjects(
      "rbac.yaml",
      [
        "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: argocd-server}",
        "---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: argocd-server, namespace: other}",
        "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: argocd-server}\nroleRef: {kind: ClusterRole, name: x}\nsubjects: [{kind: ServiceAccount, name: argocd-server, namespace: argocd}]",
        "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: other}\nroleRef: {kind: ClusterRole, name: x}\nsubjects: [{kind: ServiceAccount, name: argocd-server, namespace: other}]",
      ].join("\n"),
    );
    const draft = draftGraph(scanOf({ kubernetes: objects }));
    const edges = Object.fromEntries(draft.nodes.map((n) => [n.id, n.dependsOn.map((e) => e.on)]));
    expect(edges).toEqual({
      // The account written without a namespace can be applied in argocd and in other.
      "service-account/argocd-server": [
        "k8s-cluster-role-binding/argocd-server",
        "k8s-cluster-role-binding/other",
      ],
      // The account declared in other meets only the subject in other.
      "service-account/other.argocd-server": ["k8s-cluster-role-binding/other"],
      "k8s-cluster-role-binding/argocd-server": [],
      "k8s-cluster-role-binding/other": [],
    });
  });
});

describe("references through locals", () => {
  it("follow a local, and a local of a local, to what it refers to in the same folder only", () => {
    // hcl2json's shape: locals blocks as a list; terraform-aws-eks's key_users = [local.cluster_role].
    const locals = [
      ...terraformLocals("eks/locals.tf", {
        locals: [{ cluster_role: "${aws_iam_role.this[0].arn}", role: "${local.cluster_role}" }],
      }),
      ...terraformLocals("other/locals.tf", {
        locals: [{ cluster_role: "${aws_iam_role.x.arn}" }],
      }),
    ];
    const [kms, orphan] = resolveLocals(
      [
        resource("module.kms", "eks/main.tf", [
          ["key_users", "local.role"],
          ["tags", "local.undeclared"],
        ]),
        resource("aws_kms_key.k", "lone/main.tf", [["policy", "local.cluster_role"]]),
      ],
      locals,
    );
    expect(kms?.references).toEqual([{ to: "aws_iam_role.this", attribute: "key_users" }]);
    expect(orphan?.references).toEqual([]);
    const draft = draftGraph(
      scanOf({
        terraform: [resource("aws_iam_role.this", "eks/main.tf"), kms as ScannedResource],
      }),
    );
    expect(draft.nodes.find((n) => n.id.startsWith("terraform-module/"))?.dependsOn).toEqual([
      expect.objectContaining({ on: "iam-role/this", via: "runs-as" }),
    ]);
  });
});

describe("findDrift", () => {
  it("a node without owner gets CODEOWNERS' suggestion; an RBAC object without a node is reported", () => {
    const { config } = load({
      "deps.yaml":
        "version: 1\nnodes:\n  svc/a:\n    kind: service\n    match: { paths: [svc/**] }\n",
    });
    if (!config) throw new Error("did not load");
    const drift = findDrift(
      config,
      scanOf({
        files: ["svc/main.go", "k8s/sa.yaml"],
        kubernetes: [{ kind: "ServiceAccount", name: "bot", file: "k8s/sa.yaml", line: 3 }],
        codeowners: parseCodeowners("/svc/ @acme/svc\n", "CODEOWNERS"),
      }),
    );
    expect(drift.map((d) => [d.code, d.file, d.line ?? d.path, d.message])).toEqual([
      [
        "uncovered-resource",
        "k8s/sa.yaml",
        3,
        "ServiceAccount bot is an RBAC object no node covers",
      ],
      [
        "owner-from-codeowners",
        "deps.yaml",
        "nodes.svc/a",
        'node "svc/a" has no owner; CODEOWNERS gives svc/main.go to @acme/svc (CODEOWNERS:1)',
      ],
    ]);
  });

  it("looks an address up only in the folder it is written in", () => {
    // Two modules with the same addresses, as terraform-aws-eks has under modules/ and tests/.
    const { config } = load({
      "deps.yaml": `version: 1
nodes:
  iam-role/a/this:
    kind: iam-role
    match: { paths: ["a/*.tf"], terraform: [aws_iam_role.this] }
  iam-role/b/this:
    kind: iam-role
    match: { paths: ["b/*.tf"], terraform: [aws_iam_role.this] }
  lambda-function/a/f:
    kind: lambda-function
    match: { paths: ["a/*.tf"], terraform: [aws_lambda_function.f] }
    depends_on: [{ on: iam-role/a/this, via: runs-as }]
  lambda-function/b/f:
    kind: lambda-function
    match: { paths: ["b/*.tf"], terraform: [aws_lambda_function.f] }
  only-plan/x:
    kind: iam-role
    match: { terraform: [aws_iam_role.this] }
`,
    });
    if (!config) throw new Error("did not load");
    const drift = findDrift(
      config,
      scanOf({
        files: ["a/main.tf", "b/main.tf"],
        terraform: [
          resource("aws_iam_role.this", "a/main.tf"),
          resource("aws_lambda_function.f", "a/main.tf", [["role", "aws_iam_role.this"]], 5),
          resource("aws_iam_role.this", "b/main.tf"),
          resource("aws_lambda_function.f", "b/main.tf", [["role", "aws_iam_role.this"]], 5),
        ],
      }),
    ).filter((d) => d.code !== "owner-from-codeowners");
    // Only b's function misses its edge, to b's role; a node without paths is matched by
    // address alone (as against a plan), so it is named too.
    expect(drift.map((d) => [d.code, d.file, d.message])).toEqual([
      [
        "undeclared-edge",
        "a/main.tf",
        "aws_lambda_function.f.role refers to aws_iam_role.this, but lambda-function/a/f does not declare that it depends on only-plan/x",
      ],
      [
        "undeclared-edge",
        "b/main.tf",
        "aws_lambda_function.f.role refers to aws_iam_role.this, but lambda-function/b/f does not declare that it depends on iam-role/b/this",
      ],
      [
        "undeclared-edge",
        "b/main.tf",
        "aws_lambda_function.f.role refers to aws_iam_role.this, but lambda-function/b/f does not declare that it depends on only-plan/x",
      ],
    ]);
  });
  it("an RBAC object is covered by a node whose kubernetes pattern names it, not by a neighbour in its file", () => {
    const { config } = load({
      "deps.yaml": [
        "version: 1",
        "owners: {o: {github: '@o'}}",
        "nodes:",
        "  k8s-role/a:",
        "    kind: k8s-role",
        "    owner: o",
        "    match: {paths: [install.yaml], kubernetes: [Role/a, Role/gone]}",
        "",
      ].join("\n"),
    });
    if (!config) throw new Error("did not load");
    const drift = findDrift(
      config,
      scanOf({
        files: ["install.yaml"],
        kubernetes: [
          { kind: "Role", name: "a", file: "install.yaml", line: 2 },
          { kind: "Role", name: "b", file: "install.yaml", line: 9 },
        ],
      }),
    );
    expect(drift.map((d) => [d.code, d.line ?? d.path, d.message])).toEqual([
      ["uncovered-resource", 9, "Role b is an RBAC object no node covers"],
      [
        "kubernetes-matches-nothing",
        "nodes.k8s-role/a.match.kubernetes[1]",
        '"Role/gone" matches no Kubernetes object in this repository',
      ],
    ]);
  });
});
