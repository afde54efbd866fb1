// What the AWS provider's IAM resources hold, for both readers of Terraform (plans and files).

/** Resource types whose attribute says who may assume them. */
export const TRUST_ATTRIBUTE: Readonly<Record<string, string>> = {
  aws_iam_role: "assume_role_policy",
};

/** Resource types whose attribute says what they allow. */
export const POLICY_ATTRIBUTE: Readonly<Record<string, string>> = {
  aws_iam_policy: "policy",
  aws_iam_role_policy: "policy",
  aws_iam_user_policy: "policy",
  aws_iam_group_policy: "policy",
};

/** Attributes that force a new resource when they change (the provider's ForceNew). */
export const FORCES_NEW: Readonly<Record<string, readonly string[]>> = {
  aws_iam_role: ["name", "name_prefix", "path"],
  aws_iam_policy: ["name", "name_prefix", "path", "description"],
  aws_iam_role_policy: ["name", "name_prefix", "role"],
  aws_iam_user_policy: ["name", "name_prefix", "user"],
  aws_iam_group_policy: ["name", "name_prefix", "group"],
  aws_iam_role_policy_attachment: ["role", "policy_arn"],
  aws_iam_instance_profile: ["name", "name_prefix", "path"],
};
