import { describe, expect, it } from "vitest";
import { load } from "../../../test/helpers.js";
import { parseCodeowners } from "../codeowners.js";
import { draftGraph } from "./draft-graph.js";
import { findDrift } from "./drift.js";
import { renderDraft } from "./render-draft.js";
import { kubernetesObjects, type RepoScan, type ScannedResource } from "./repo-scan.js";

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
    expect(edges).toEqual({
      "service-account/a.app": ["k8s-role-binding/a.reader"],
      "service-account/b.app": [],
      "k8s-role/a.reader": [],
      "k8s-role-binding/a.reader": ["k8s-role/a.reader"],
      "deployment/b.web": ["service-account/b.app"],
    });
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
});
