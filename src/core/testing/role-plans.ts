// Plans that change one IAM role, aws_iam_role.shared, for the tests of contracts: its trust
// (who may assume it) and its inline policies, before and after, as Terraform's plan writes them.

import { type PlanReading, readPlan } from "../classify/terraform-plan.js";

/** A trust policy that lets these AWS principals assume the role. */
export const trustDoc = (principals: readonly string[]) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: principals.map((p) => ({
      Effect: "Allow",
      Principal: { AWS: p },
      Action: "sts:AssumeRole",
    })),
  });

/** A policy that allows these actions on every resource. */
export const allowDoc = (actions: readonly string[]) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: actions, Resource: "*" }],
  });

/** The role's attributes: its trust (a document, or principals) and its inline policies. */
export function roleSide(side: {
  readonly trust: string | readonly string[];
  readonly policies?: readonly string[];
}) {
  return {
    name: "shared",
    assume_role_policy: typeof side.trust === "string" ? side.trust : trustDoc(side.trust),
    ...(side.policies
      ? { inline_policy: side.policies.map((policy, i) => ({ name: `p${i}`, policy })) }
      : {}),
  };
}

/** A plan whose one change is aws_iam_role.shared from `before` to `after` (null: absent). */
export function rolePlan(
  before: ReturnType<typeof roleSide> | null,
  after: ReturnType<typeof roleSide> | null,
  actions: readonly string[] = ["update"],
): { readonly file: string; readonly reading: PlanReading } {
  return {
    file: "plan.json",
    reading: readPlan(
      {
        format_version: "1.2",
        resource_changes: [
          {
            address: "aws_iam_role.shared",
            mode: "managed",
            type: "aws_iam_role",
            name: "shared",
            change: { actions: [...actions], before, after },
          },
        ],
      },
      "plan.json",
    ),
  };
}
