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

/** Resource types that are identities: they trust, are allowed, and are what nodes stand for. */
export const IDENTITY_TYPES: readonly string[] = [
  "aws_iam_role",
  "aws_iam_policy",
  "aws_iam_user",
  "aws_iam_group",
  "aws_iam_instance_profile",
  "aws_iam_openid_connect_provider",
  "aws_iam_saml_provider",
  "google_service_account",
  "google_project_iam_custom_role",
  "azurerm_user_assigned_identity",
  "azurerm_role_definition",
];

/**
 * Attributes that force a new resource when they change (the provider's `ForceNew`): a new
 * ARN or id, so whatever referred to the old one breaks. Checked against the provider source
 * (hashicorp/terraform-provider-aws internal/service/iam): role.go (name, name_prefix, path),
 * openid_connect_provider.go (url; client_id_list and thumbprint_list update in place),
 * user.go (name and path update in place through UpdateUser: not here). The others follow the
 * providers' documentation of each argument ("Changing this forces a new resource").
 */
export const FORCES_NEW: Readonly<Record<string, readonly string[]>> = {
  aws_iam_role: ["name", "name_prefix", "path"],
  aws_iam_policy: ["name", "name_prefix", "path", "description"],
  aws_iam_user: [],
  aws_iam_group: [],
  aws_iam_instance_profile: ["name", "name_prefix", "path"],
  aws_iam_openid_connect_provider: ["url"],
  aws_iam_saml_provider: ["name"],
  aws_iam_role_policy: ["name", "name_prefix", "role"],
  aws_iam_user_policy: ["name", "name_prefix", "user"],
  aws_iam_group_policy: ["name", "name_prefix", "group"],
  aws_iam_role_policy_attachment: ["role", "policy_arn"],
  aws_iam_user_policy_attachment: ["user", "policy_arn"],
  aws_iam_group_policy_attachment: ["group", "policy_arn"],
  aws_iam_policy_attachment: ["name", "policy_arn"],
  aws_iam_user_group_membership: ["user"],
  google_service_account: ["account_id", "project"],
  google_project_iam_custom_role: ["role_id", "project"],
  google_service_account_iam_member: ["service_account_id", "role", "member", "condition"],
  google_service_account_iam_binding: ["service_account_id", "role", "condition"],
  google_service_account_key: [
    "service_account_id",
    "key_algorithm",
    "public_key_type",
    "private_key_type",
    "public_key_data",
    "keepers",
  ],
  azurerm_user_assigned_identity: ["name", "resource_group_name", "location"],
  azurerm_role_definition: ["role_definition_id", "scope"],
  azurerm_role_assignment: [
    "name",
    "scope",
    "role_definition_id",
    "role_definition_name",
    "principal_id",
    "principal_type",
  ],
};

/** Defaults the provider applies to an unset attribute (role.go, user.go …: `Default: "/"`). */
export const PROVIDER_DEFAULTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  aws_iam_role: { path: "/" },
  aws_iam_policy: { path: "/" },
  aws_iam_user: { path: "/" },
  aws_iam_group: { path: "/" },
  aws_iam_instance_profile: { path: "/" },
};

/**
 * AWS managed policies that only deny (checked against the AWS Managed Policy Reference):
 * attaching one, or making it a boundary, takes permissions away. AWSDenyAll's document is
 * known whole; the quarantine policies deny a list AWS revises, so only that they deny is used.
 */
const DENY_ONLY_MANAGED = new Set([
  "AWSDenyAll",
  "AWSCompromisedKeyQuarantine",
  "AWSCompromisedKeyQuarantineV2",
  "AWSCompromisedKeyQuarantineV3",
]);

/** The name of a deny-only AWS managed policy an ARN is, in any partition; undefined otherwise. */
export function denyOnlyManagedPolicy(arn: string): string | undefined {
  const name = /^arn:aws(?:-[a-z-]+)?:iam::aws:policy\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/.exec(
    arn,
  )?.[1];
  return name && DENY_ONLY_MANAGED.has(name) ? name : undefined;
}

/** AWSDenyAll's document. */
export const DENY_ALL_DOCUMENT = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Deny", Action: "*", Resource: "*" }],
};

/**
 * Resources that make an identity's policies exactly a list: whatever else is attached (or
 * inline) is removed on apply. Which attribute names the identity, of which type, and the list.
 */
export const EXCLUSIVE: Readonly<
  Record<string, { owner: string; type: string; list: string; inline: boolean }>
> = {
  aws_iam_role_policy_attachments_exclusive: {
    owner: "role_name",
    type: "aws_iam_role",
    list: "policy_arns",
    inline: false,
  },
  aws_iam_user_policy_attachments_exclusive: {
    owner: "user_name",
    type: "aws_iam_user",
    list: "policy_arns",
    inline: false,
  },
  aws_iam_group_policy_attachments_exclusive: {
    owner: "group_name",
    type: "aws_iam_group",
    list: "policy_arns",
    inline: false,
  },
  aws_iam_role_policies_exclusive: {
    owner: "role_name",
    type: "aws_iam_role",
    list: "policy_names",
    inline: true,
  },
  aws_iam_user_policies_exclusive: {
    owner: "user_name",
    type: "aws_iam_user",
    list: "policy_names",
    inline: true,
  },
  aws_iam_group_policies_exclusive: {
    owner: "group_name",
    type: "aws_iam_group",
    list: "policy_names",
    inline: true,
  },
};
