// Change intelligence against real public data, read in place from ../shared/realdata:
// Terraform plans, commits of terraform-aws-modules/terraform-aws-iam, Kubernetes RBAC from
// argo-cd and kube-prometheus.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { parseTerraform } from "../../src/adapters/terraform/parse-hcl.js";
import { type PlanInput, parsePlan } from "../../src/app/read-plan.js";
import { analyze } from "../../src/core/analyze.js";
import type { ResourceChange } from "../../src/core/classify/evidence.js";
import { classifyManifestFiles } from "../../src/core/classify/kubernetes-rbac.js";
import { classifyTerraformFile } from "../../src/core/classify/terraform-file.js";
import { readPlan } from "../../src/core/classify/terraform-plan.js";
import { renderMarkdown } from "../../src/core/render/render-markdown.js";
import { modelOf } from "../../src/core/testing/helpers.js";
import { SHARED_DATA } from "../shared-data.js";
import { describeOnShared } from "../skips.js";
import { fragmentsFromPatch } from "./patch-fragments.js";

const PLANS = SHARED_DATA.terraformPlans;
const IAM = SHARED_DATA.iamHistory;
const RBAC = SHARED_DATA.k8sRbac;

const text = (dir: string, file: string) => readFileSync(join(dir, file), "utf8");
const plan = (file: string): PlanInput => parsePlan(file, text(PLANS, file));

const SNYK_DEPS = `version: 1
owners:
  platform: { github: "@acme/platform" }
  ci: { github: "@acme/ci" }
nodes:
  iam-role/terra-ci-job:
    kind: iam-role
    owner: platform
    tier: 1
    match: { terraform: [aws_iam_role.terra_ci_job] }
  iam-role/terra-ci-runner:
    kind: iam-role
    owner: platform
    tier: 1
    match: { terraform: [aws_iam_role.terra_ci_runner] }
`;
const SNYK_DEPENDENTS = `  service/terra-ci-build:
    kind: codebuild-project
    owner: ci
    depends_on: [{ on: iam-role/terra-ci-job, via: runs-as }]
  service/terra-ci-runner:
    kind: state-machine
    owner: ci
    depends_on: [{ on: iam-role/terra-ci-runner, via: assumes-role }]
`;

describeOnShared("terraformPlans", "Terraform plans", () => {
  it("every plan in the folder loads", () => {
    const files = readdirSync(PLANS).filter((f) => f.endsWith(".json"));
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const file of files) expect(() => plan(file), file).not.toThrow();
  });

  it("the snyk destroy plan: the declared CodeBuild project and state machine break, with the address", () => {
    const impact = analyze(modelOf(SNYK_DEPS + SNYK_DEPENDENTS), [], {
      plan: plan("snyk-cli__tf-plan-destroy.json"),
    });
    const severity = Object.fromEntries(impact.impacted.map((n) => [n.id, n.severity]));
    expect(severity["service/terra-ci-build"]).toBe("breaking");
    expect(severity["service/terra-ci-runner"]).toBe("breaking");
    const job = impact.changed.find((c) => c.id === "iam-role/terra-ci-job");
    expect(job?.classes).toEqual(["deleted"]);
    expect(job?.causes[0]).toMatchObject({ kind: "plan", address: "aws_iam_role.terra_ci_job" });
    const body = renderMarkdown(impact);
    expect(body).toContain("`iam-role/terra-ci-job` (deleted: `aws_iam_role.terra_ci_job`)");
  });

  it("with no dependents declared, the plan's references still surface them, marked as discovered", () => {
    const impact = analyze(modelOf(SNYK_DEPS), [], {
      plan: plan("snyk-cli__tf-plan-destroy.json"),
    });
    const byId = Object.fromEntries(impact.impacted.map((n) => [n.id, n]));
    for (const id of [
      "terraform:aws_codebuild_project.terra_ci",
      "terraform:aws_sfn_state_machine.terra_ci_runner",
    ]) {
      expect(byId[id]?.severity, id).toBe("breaking");
      expect(byId[id]?.path.steps.at(-1)).toMatchObject({ via: "references", discovered: true });
    }
    expect(byId["terraform:aws_codebuild_project.terra_ci"]?.path.changed).toBe(
      "iam-role/terra-ci-job",
    );
    expect(renderMarkdown(impact)).toContain("found in configuration, not declared");
  });

  it("a plan that changes 600 declared resources still gives a comment under GitHub's limit", () => {
    const nodes = Array.from(
      { length: 600 },
      (_, i) =>
        `  role-${i}: { kind: iam-role, match: { terraform: ["aws_iam_role.r${i}"] } }\n  svc-${i}: { kind: service, depends_on: [{ on: role-${i}, via: assumes-role, expects: { exists: true } }] }`,
    );
    const value = {
      format_version: "1.2",
      resource_changes: Array.from({ length: 600 }, (_, i) => ({
        address: `aws_iam_role.r${i}`,
        type: "aws_iam_role",
        mode: "managed",
        change: { actions: ["delete"], before: {}, after: null },
      })),
    };
    const impact = analyze(modelOf(`version: 1\nnodes:\n${nodes.join("\n")}\n`), [], {
      plan: parsePlan("big.json", JSON.stringify(value)),
    });
    expect(impact.contracts.filter((c) => c.status === "broken")).toHaveLength(600);
    const body = renderMarkdown(impact);
    expect(body.length).toBeLessThan(65_536);
    expect(body).toContain("and 570 more nodes");
    expect(body).toContain("…and 580 more");
  });

  it("the create and no-op plans break nothing", () => {
    for (const file of ["snyk-cli__tf-plan-create.json", "snyk-cli__tf-plan-no-op.json"]) {
      const impact = analyze(modelOf(SNYK_DEPS + SNYK_DEPENDENTS), [], { plan: plan(file) });
      expect(
        impact.impacted.filter((n) => n.severity === "breaking"),
        file,
      ).toEqual([]);
    }
    const noop = readPlan(JSON.parse(text(PLANS, "snyk-cli__tf-plan-no-op.json")), "no-op");
    expect(noop.resources).toEqual([]);
  });

  it("replacements, with why and which attribute forces them", () => {
    const classesOf = (file: string) => readPlan(JSON.parse(text(PLANS, file)), file).resources;
    const [replace] = classesOf("terraform__show-json__requires-replace.output.json");
    expect(replace).toMatchObject({ address: "test_instance.test", classes: ["replaced"] });
    expect(replace?.evidence[0]?.detail).toBe(
      "replaced (replace because cannot update): ami cannot change in place",
    );
    const [tainted] = classesOf("terraform-json__action_reason.plan.json");
    expect(tainted?.evidence[0]?.detail).toBe("replaced (replace because tainted)");
    const [first] = classesOf("checkov__plan_with_deleted_resources.tfplan.json");
    expect(first?.evidence[0]?.detail).toContain("new one created first");
  });

  it("moved resources are renamed, matched by either address", () => {
    const [moved] = readPlan(
      JSON.parse(text(PLANS, "terraform-json__moved_block.plan.json")),
      "m",
    ).resources;
    expect(moved).toMatchObject({
      address: "random_id.test2",
      previousAddress: "random_id.test",
      classes: ["renamed"],
    });
    const impact = analyze(
      modelOf(
        "version: 1\nnodes:\n  a: { kind: id, match: { terraform: [random_id.test] } }\n  b: { kind: x, depends_on: [a] }\n",
      ),
      [],
      { plan: plan("terraform-json__moved_block.plan.json") },
    );
    expect(impact.changed.map((c) => [c.id, c.classes])).toEqual([["a", ["renamed"]]]);
    const [update] = readPlan(
      JSON.parse(text(PLANS, "terraform__show-json__moved.output.json")),
      "m",
    ).resources;
    expect(update?.classes).toEqual(["renamed", "modified"]);
  });

  it("deleted for lack of configuration says so; count indexes match their resource's pattern", () => {
    const resources = readPlan(
      JSON.parse(text(PLANS, "terraform__show-json__basic-delete.output.json")),
      "d",
    ).resources;
    expect(
      resources.find((r) => r.address === "test_instance.test-delete")?.evidence[0]?.detail,
    ).toBe("destroyed (delete because no resource config)");
    const impact = analyze(
      modelOf(
        "version: 1\nnodes:\n  rule: { kind: event-rule, match: { terraform: [aws_cloudwatch_event_rule.Metricos_custom_alert_schedule_frequent] } }\n",
      ),
      [],
      { plan: plan("terraform-compliance__test_issue_522.plan.out.json") },
    );
    expect(impact.changed[0]?.causes[0]?.address).toBe(
      "aws_cloudwatch_event_rule.Metricos_custom_alert_schedule_frequent[0]",
    );
  });
});

/** snyk's no-op plan with the job role's trust policy edited: a trust update no public plan has (derived). */
function derivedTrustUpdate(principals: string[]): PlanInput {
  const value = JSON.parse(text(PLANS, "snyk-cli__tf-plan-no-op.json"));
  const change = value.resource_changes.find(
    (r: { address: string }) => r.address === "aws_iam_role.terra_ci_job",
  );
  change.change.actions = ["update"];
  const after = JSON.parse(change.change.after.assume_role_policy);
  after.Statement[0].Principal = { Service: principals };
  change.change.after.assume_role_policy = JSON.stringify(after);
  value["comment-for-reader"] =
    "DERIVED for a test: the trust policy of aws_iam_role.terra_ci_job edited";
  return parsePlan("derived-trust-update.json", JSON.stringify(value));
}

describeOnShared("terraformPlans", "a trust-policy update (derived from the snyk plan)", () => {
  const classify = (principals: string[]) => derivedTrustUpdate(principals).reading.resources[0];
  it("narrowed, widened, and both", () => {
    expect(classify([])?.classes).toEqual(["trust-narrowed"]);
    expect(classify(["codebuild.amazonaws.com", "lambda.amazonaws.com"])?.classes).toEqual([
      "trust-widened",
    ]);
    const both = classify(["lambda.amazonaws.com"]);
    expect(both?.classes).toEqual(["trust-narrowed", "trust-widened"]);
    expect(both?.evidence.map((e) => e.detail)).toEqual([
      "no longer trusts Service codebuild.amazonaws.com (sts:AssumeRole)",
      "now trusts Service lambda.amazonaws.com (sts:AssumeRole)",
    ]);
  });

  it("a narrowed trust breaks an assumes-role dependent; a contract names the principal and the address", () => {
    const yaml = `${SNYK_DEPS}  service/build:
    kind: codebuild-project
    depends_on:
      - on: iam-role/terra-ci-job
        via: assumes-role
        expects: { trusts: [codebuild.amazonaws.com] }
`;
    const impact = analyze(modelOf(yaml), [], {
      plan: derivedTrustUpdate(["lambda.amazonaws.com"]),
    });
    expect(impact.impacted.find((n) => n.id === "service/build")?.severity).toBe("breaking");
    expect(impact.contracts).toEqual([
      expect.objectContaining({
        status: "broken",
        reason: "iam-role/terra-ci-job no longer trusts codebuild.amazonaws.com; it did at base",
        evidence: expect.objectContaining({
          address: "aws_iam_role.terra_ci_job",
          attribute: "assume_role_policy",
        }),
      }),
    ]);
  });
});

async function terraformChange(
  path: string,
  base: string,
  head: string,
): Promise<ResourceChange[]> {
  return classifyTerraformFile(
    path,
    { json: await parseTerraform(path, base), text: base },
    { json: await parseTerraform(path, head), text: head },
  );
}

async function patchChanges(commit: string, path: string): Promise<ResourceChange[]> {
  const hunks = fragmentsFromPatch(text(IAM, `terraform-aws-iam__${commit}.patch`), path);
  const changes: ResourceChange[] = [];
  for (const hunk of hunks) changes.push(...(await terraformChange(path, hunk.base, hunk.head)));
  return changes;
}

describeOnShared("iamHistory", "terraform-aws-iam commits", () => {
  it("aeb5d7f removes autoscaling:UpdateAutoScalingGroup: permissions-removed, for the document and the policy using it", async () => {
    const changes = await terraformChange(
      "policies.tf",
      text(IAM, "aeb5d7f__before__policies.tf"),
      text(IAM, "aeb5d7f__after__policies.tf"),
    );
    expect(changes.map((c) => [c.address, c.classes])).toEqual([
      ["data.aws_iam_policy_document.cluster_autoscaler", ["permissions-removed"]],
      ["aws_iam_policy.cluster_autoscaler", ["permissions-removed"]],
    ]);
    const [removal] = changes[0]?.evidence ?? [];
    // Evidence names the conditions a permission is granted under.
    expect(removal?.detail).toBe(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the HCL expression, as written
      "no longer allows autoscaling:UpdateAutoScalingGroup on * when StringEquals autoscaling:ResourceTag/kubernetes.io/cluster/${statement.value} owned",
    );
    const lines = text(IAM, "aeb5d7f__before__policies.tf").split("\n");
    expect(lines[(removal?.line ?? 0) - 1]).toContain("autoscaling:UpdateAutoScalingGroup");
  });

  it.each([
    ["dc363d2", "modules/iam-assumable-role/main.tf"],
    ["5bb2ab9", "modules/iam-assumable-role/main.tf"],
    ["28d1038", "modules/iam-assumable-role-with-oidc/main.tf"],
    ["470b6ff", "modules/iam-assumable-role/main.tf"],
    ["d014730", "modules/iam-eks-role/main.tf"],
  ])("%s changes a trust policy: a trust change", async (commit, path) => {
    const changes = await patchChanges(commit, path);
    const trust = changes.filter((c) =>
      c.address.startsWith("data.aws_iam_policy_document.assume_role"),
    );
    expect(trust.length).toBeGreaterThan(0);
    for (const change of trust)
      expect(change.classes.some((c) => c.startsWith("trust-"))).toBe(true);
  });

  it("dc363d2 in full: the role using the MFA document changes trust, at the line of the role", async () => {
    const changes = await terraformChange(
      "main.tf",
      text(IAM, "dc363d2__before__main.tf"),
      text(IAM, "dc363d2__after__main.tf"),
    );
    const role = changes.find((c) => c.address === "aws_iam_role.this");
    expect(role?.classes).toEqual(["trust-narrowed", "trust-widened"]);
    expect(role?.evidence[0]?.detail).toBe(
      "trust policy assume_role_with_mfa: now depends on var.trusted_role_actions, not known before apply",
    );
  });

  it("a42590d adds name_prefix to aws_iam_role: replaced", async () => {
    const changes = await patchChanges("a42590d", "modules/iam-assumable-role-with-oidc/main.tf");
    expect(changes).toEqual([
      expect.objectContaining({ address: "aws_iam_role.this", classes: ["replaced"] }),
    ]);
    expect(changes[0]?.evidence[0]?.attribute).toBe("name_prefix");
  });
});

describeOnShared("k8sRbac", "Kubernetes RBAC", () => {
  const pair = (prefix: string, name: string) => ({
    path: name,
    base: text(RBAC, `${prefix}__before__${name}`),
    head: text(RBAC, `${prefix}__after__${name}`),
  });

  it("argo-cd drops list on */*: permissions-removed, at its line", () => {
    const file = pair("argocd__7f6340f6", "argocd-server-clusterrole.yaml");
    const [change] = classifyManifestFiles([file]).get(file.path) ?? [];
    expect(change).toMatchObject({
      address: "ClusterRole/argocd-server",
      classes: ["permissions-removed"],
    });
    expect(change?.evidence.map((e) => [e.detail, e.file, e.line])).toEqual([
      ["no longer allows list */*", "argocd-server-clusterrole.yaml", 8],
    ]);
  });

  it("argo-cd's applicationset controller loses appprojects write verbs", () => {
    const file = pair("argocd__c7425633", "argocd-applicationset-controller-role.yaml");
    const [change] = classifyManifestFiles([file]).get(file.path) ?? [];
    expect(change?.classes).toContain("permissions-removed");
    expect(change?.evidence.some((e) => /appprojects/.test(e.detail))).toBe(true);
  });

  it("argo-cd deletes the Role argocd-redis while its RoleBinding stays: the deletion names the binding", () => {
    const role = {
      path: "argocd-redis-role.yaml",
      base: text(RBAC, "argocd__dc4eaff6__deleted__argocd-redis-role.yaml"),
    };
    const binding = {
      path: "argocd-redis-rolebinding.yaml",
      text: text(RBAC, "argocd__dc4eaff6__after__argocd-redis-rolebinding.yaml"),
    };
    const changes = classifyManifestFiles([role], [binding]).get(role.path) ?? [];
    // The binding did not change: the role's deletion breaks it (through the graph), and the
    // deletion's evidence says where it still refers to the role.
    expect(changes.map((c) => [c.address, c.classes])).toEqual([
      ["Role/argocd-redis", ["deleted"]],
    ]);
    expect(changes[0]?.evidence[1]).toMatchObject({
      address: "RoleBinding/argocd-redis",
      file: "argocd-redis-rolebinding.yaml",
      line: 8,
      detail:
        "RoleBinding argocd-redis still refers to Role argocd-redis: its subjects lose those permissions",
    });
  });

  it("kube-prometheus moves events permissions from the core group to events.k8s.io: removed and added", () => {
    const file = pair("kube-prometheus__9519170d", "prometheusOperator-clusterRole.yaml");
    const [change] = classifyManifestFiles([file]).get(file.path) ?? [];
    // The release bumps the labels too: said as modified beside the permissions.
    expect(change?.classes).toEqual(["permissions-removed", "permissions-added", "modified"]);
    expect(
      change?.evidence
        .filter((e) => !e.detail.includes("label"))
        .map((e) => e.detail)
        .sort(),
    ).toEqual([
      "no longer allows create core/events",
      "no longer allows patch core/events",
      "now allows create events.k8s.io/events",
      "now allows patch events.k8s.io/events",
    ]);
  });

  it("a kustomization is not RBAC: left to the path rules", () => {
    const file = {
      path: "k.yaml",
      base: text(RBAC, "argocd__dc4eaff6__before__redis-kustomization.yaml"),
      head: text(RBAC, "argocd__dc4eaff6__after__redis-kustomization.yaml"),
    };
    expect(classifyManifestFiles([file]).get("k.yaml")).toBeUndefined();
  });
});
