// The IAM a CloudFormation resource holds in its properties (trust and policy documents,
// managed policy attachments, boundaries, who a policy is attached to, an OIDC provider's
// audiences), and how a change of one is judged: by the same IAM evaluation as everything
// else. Values are the resolved properties (a change set's contexts), compared as written.

import { denyOnlyManagedPolicy } from "./aws-iam.js";
import { list, record } from "./json-shapes.js";
import {
  comparePermissions,
  comparePolicies,
  compareTrust,
  type PolicyChange,
  type PolicyDocument,
  policyFromJson,
} from "./policy.js";

export type IamPropertyKind =
  | "trust"
  | "policy"
  | "inline"
  | "attachments"
  | "identities"
  | "boundary"
  | "audiences"
  | "thumbprints";

/** Properties holding IAM documents or attachments, and how each is compared. */
export const IAM_PROPERTIES: Readonly<Record<string, IamPropertyKind>> = {
  AssumeRolePolicyDocument: "trust",
  Policies: "inline",
  ManagedPolicyArns: "attachments",
  PolicyDocument: "policy",
  KeyPolicy: "policy",
  PermissionsBoundary: "boundary",
};

/** An OIDC provider's lists: who it lets federate. */
const OIDC_PROPERTIES: Readonly<Record<string, IamPropertyKind>> = {
  ClientIdList: "audiences",
  ThumbprintList: "thumbprints",
};

/** Properties of an IAM policy resource naming the identities it is attached to. */
const ATTACHED_TO = new Set(["Roles", "Users", "Groups"]);

/** How a property of a resource type holds IAM; undefined when it holds none. */
export function iamPropertyKind(type: string, property: string): IamPropertyKind | undefined {
  // Own keys only: a property named `toString` or `constructor` holds no IAM.
  if (Object.hasOwn(IAM_PROPERTIES, property)) return IAM_PROPERTIES[property];
  if (type === "AWS::IAM::OIDCProvider" && Object.hasOwn(OIDC_PROPERTIES, property))
    return OIDC_PROPERTIES[property];
  return type.startsWith("AWS::IAM::") && ATTACHED_TO.has(property) ? "identities" : undefined;
}

/** Every statement of a role's (or user's, group's) inline Policies, as one document. */
export function inlineDocument(value: unknown): PolicyDocument {
  return {
    statements: list(value).flatMap(
      (p) => policyFromJson(record(p).PolicyDocument)?.statements ?? [],
    ),
  };
}

/** ARNs or names as written; anything else (an unresolved function) as its JSON. */
const names = (value: unknown) =>
  list(value).map((v) => (typeof v === "string" ? v : JSON.stringify(v)));

function compareAttachments(before: unknown, after: unknown): PolicyChange {
  const was = new Set(names(before));
  const now = new Set(names(after));
  const classes = new Set<string>();
  const details: string[] = [];
  for (const arn of was) {
    if (now.has(arn)) continue;
    const deny = denyOnlyManagedPolicy(arn);
    classes.add(deny ? "permissions-added" : "permissions-removed");
    details.push(
      deny
        ? `no longer has the deny-only managed policy ${arn}: what it denied is allowed again`
        : `no longer has the managed policy ${arn}: what it allowed is lost`,
    );
  }
  for (const arn of now) {
    if (was.has(arn)) continue;
    const deny = denyOnlyManagedPolicy(arn);
    classes.add(deny ? "permissions-removed" : "permissions-added");
    details.push(
      deny
        ? `gains the deny-only managed policy ${arn}: ${deny === "AWSDenyAll" ? "it denies every action on everything" : "what it denies is taken away"}`
        : `gains the managed policy ${arn}`,
    );
  }
  return { classes: [...classes], details };
}

function compareIdentities(
  type: string,
  property: string,
  before: unknown,
  after: unknown,
): PolicyChange {
  const was = new Set(names(before));
  const now = new Set(names(after));
  const singular = property.replace(/s$/, "").toLowerCase();
  const gone = [...was].filter((x) => !now.has(x));
  const came = [...now].filter((x) => !was.has(x));
  const profile = type === "AWS::IAM::InstanceProfile";
  return {
    classes: [
      ...(gone.length > 0 ? ["permissions-removed"] : []),
      ...(came.length > 0 ? ["permissions-added"] : []),
    ],
    details: [
      ...gone.map((x) =>
        profile
          ? `no longer holds role ${x}: what runs with the profile loses the role's permissions`
          : `no longer attached to ${singular} ${x}: it loses what the policy allows`,
      ),
      ...came.map((x) => (profile ? `now holds role ${x}` : `now attached to ${singular} ${x}`)),
    ],
  };
}

/** A permissions boundary caps what the identity may do; its document is not in the resource. */
function compareBoundary(before: unknown, after: unknown): PolicyChange {
  const was = typeof before === "string" && before !== "" ? before : undefined;
  const now = typeof after === "string" && after !== "" ? after : undefined;
  if (was === now) return { classes: [], details: [] };
  if (now === undefined)
    return {
      classes: ["permissions-added"],
      details: [
        `no longer has the permissions boundary ${was}: what its policies allow is no longer capped`,
      ],
    };
  if (was === undefined)
    return {
      classes: ["permissions-removed"],
      details: [`now has the permissions boundary ${now}: it can do only what that allows`],
    };
  return {
    classes: ["permissions-removed", "unknown"],
    details: [
      `the permissions boundary changes from ${was} to ${now}: it can do only what the new one allows, which is not known here (wider or narrower cannot be told)`,
    ],
  };
}

/** An OIDC provider's audiences or thumbprints: one gone narrows who may federate. */
function compareFederation(
  judge: "audiences" | "thumbprints",
  before: unknown,
  after: unknown,
): PolicyChange {
  const was = new Set(names(before));
  const now = new Set(names(after));
  const what = judge === "audiences" ? "audience (client id)" : "certificate thumbprint";
  const gone = [...was].filter((x) => !now.has(x));
  const came = [...now].filter((x) => !was.has(x));
  return {
    classes: [
      ...(gone.length > 0 ? ["trust-narrowed"] : []),
      ...(came.length > 0 ? ["trust-widened"] : []),
    ],
    details: [
      ...gone.map((x) => `no longer accepts the ${what} ${x}`),
      ...came.map((x) => `now accepts the ${what} ${x}`),
    ],
  };
}

function compareDocumentProperty(
  judge: "trust" | "policy" | "inline" | "attachments",
  before: unknown,
  after: unknown,
): PolicyChange {
  if (judge === "attachments") return compareAttachments(before, after);
  if (judge === "inline") return comparePermissions(inlineDocument(before), inlineDocument(after));
  const was = policyFromJson(before) ?? { statements: [] };
  const now = policyFromJson(after) ?? { statements: [] };
  // A resource policy (a key's, a bucket's) names principals: compared as what it allows.
  return judge === "trust" ? compareTrust(was, now) : comparePolicies(was, now);
}

/** What a change of an IAM property (iamPropertyKind) takes away or gives. */
export function compareIamProperty(
  type: string,
  property: string,
  before: unknown,
  after: unknown,
): PolicyChange {
  const kind = iamPropertyKind(type, property);
  if (kind === undefined) return { classes: [], details: [] };
  if (kind === "identities") return compareIdentities(type, property, before, after);
  if (kind === "boundary") return compareBoundary(before, after);
  if (kind === "audiences" || kind === "thumbprints") return compareFederation(kind, before, after);
  return compareDocumentProperty(kind, before, after);
}
