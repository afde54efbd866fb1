import { describe, expect, it } from "vitest";
import { PlanFormatError, readPlan } from "./terraform-plan.js";

const trust = (principal: string) =>
  JSON.stringify({
    Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { AWS: principal } }],
  });

function update(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  unknown: Record<string, unknown> = {},
) {
  return readPlan(
    {
      format_version: "1.2",
      resource_changes: [
        {
          address: "module.m.aws_iam_role.r[0]",
          type: "aws_iam_role",
          mode: "managed",
          change: { actions: ["update"], before, after, after_unknown: unknown },
        },
      ],
    },
    "plan.json",
  ).resources[0];
}

describe("plan updates", () => {
  it("a trust policy known only at apply is unknown, and said to be possibly breaking", () => {
    const change = update(
      { assume_role_policy: trust("a") },
      { assume_role_policy: null },
      { assume_role_policy: true },
    );
    expect(change?.classes).toEqual(["unknown"]);
    expect(change?.evidence[0]).toEqual({
      address: "module.m.aws_iam_role.r[0]",
      attribute: "assume_role_policy",
      detail: "assume_role_policy is known only after apply: treated as possibly breaking",
    });
  });

  it("tags are modified, named; a policy's removed action is permissions-removed", () => {
    expect(update({ tags: { a: "1" } }, { tags: { a: "2" } })).toMatchObject({
      classes: ["modified"],
      evidence: [{ attribute: "tags", detail: "tags changes" }],
    });
    const policy = (actions: string[]) =>
      JSON.stringify({ Statement: [{ Effect: "Allow", Action: actions, Resource: "*" }] });
    const inline = update(
      { inline_policy: [{ name: "p", policy: policy(["s3:GetObject", "s3:PutObject"]) }] },
      { inline_policy: [{ name: "p", policy: policy(["s3:GetObject"]) }] },
    );
    expect(inline?.classes).toEqual(["permissions-removed"]);
    expect(inline?.evidence[0]?.detail).toBe("no longer allows s3:PutObject on *");
  });

  it("not a plan: a typed error", () => {
    expect(() => readPlan({ hello: 1 }, "x.json")).toThrow(PlanFormatError);
  });
});

describe("plan: policy attachments and inline policies created, destroyed or replaced", () => {
  // From the red team: read as their own lifecycle, a detach made the role "deleted" (every
  // contract on it broken) and a new attachment of AdministratorAccess made it "added".
  const glue = (type: string, actions: string[], before: unknown, after: unknown) =>
    readPlan(
      {
        format_version: "1.2",
        resource_changes: [
          {
            address: `${type}.a`,
            type,
            mode: "managed",
            change: { actions, before, after, after_unknown: {} },
          },
        ],
      },
      "plan.json",
    ).resources[0];
  const admin = { role: "runner", policy_arn: "arn:aws:iam::aws:policy/AdministratorAccess" };
  const reader = { role: "runner", policy_arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" };

  it("an attachment created is permissions-added, destroyed permissions-removed, replaced both", () => {
    const created = glue("aws_iam_role_policy_attachment", ["create"], null, admin);
    expect(created?.classes).toEqual(["permissions-added"]);
    expect(created?.evidence[0]?.detail).toBe(
      "created: now has arn:aws:iam::aws:policy/AdministratorAccess (runner)",
    );
    const destroyed = glue("aws_iam_role_policy_attachment", ["delete"], admin, null);
    expect(destroyed?.classes).toEqual(["permissions-removed"]);
    const replaced = glue("aws_iam_role_policy_attachment", ["delete", "create"], reader, admin);
    expect(replaced?.classes).toEqual(["permissions-removed", "permissions-added"]);
    expect(replaced?.evidence[0]?.detail).toContain(
      "no longer has arn:aws:iam::aws:policy/ReadOnlyAccess",
    );
  });

  it("an inline policy created or destroyed is the same; a role itself is still added or deleted", () => {
    const inline = { role: "runner", policy: '{"Statement":[]}' };
    expect(glue("aws_iam_role_policy", ["create"], null, inline)?.classes).toEqual([
      "permissions-added",
    ]);
    expect(glue("aws_iam_role_policy", ["delete"], inline, null)?.classes).toEqual([
      "permissions-removed",
    ]);
    expect(glue("aws_iam_role", ["delete"], { name: "runner" }, null)?.classes).toEqual([
      "deleted",
    ]);
    expect(glue("aws_iam_role", ["create"], null, { name: "runner" })?.classes).toEqual(["added"]);
  });
});
