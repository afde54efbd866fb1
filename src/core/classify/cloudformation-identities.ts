// What each IAM identity of a template is on one side of a change: whom it trusts, and every
// policy it holds (inline `Policies`, `ManagedPolicyArns`, the template's `AWS::IAM::Policy`
// and `AWS::IAM::ManagedPolicy` resources that name it in `Roles`/`Users`/`Groups`), each by
// its document as far as the template tells it.

import { DENY_ALL_DOCUMENT, denyOnlyManagedPolicy } from "./aws-iam.js";
import { resourceAddress } from "./cloudformation-address.js";
import type { Template, TemplateResource } from "./cloudformation-template.js";
import { type ResolvedValue, type Resolver, stable } from "./cloudformation-values.js";
import { list, record } from "./json-shapes.js";
import { type PolicyDocument, policyFromJson } from "./policy.js";

/** A document as the template tells it: read, or why not. */
export interface TemplateDocument {
  readonly document?: PolicyDocument;
  /** Why it cannot be read (a branch of a condition, not a policy document). */
  readonly unreadable?: string;
  /** What it rests on that is known only on deploy. */
  readonly on: readonly string[];
  /** Equal on both sides exactly when it is written the same. */
  readonly fingerprint: string;
}

export interface Held extends Partial<TemplateDocument> {
  /** What identifies it across the change: `inline ReadData`, `policy DataPolicy`, an ARN. */
  readonly key: string;
  /** As people say it: `inline policy ReadData`, `policy DataPolicy`, `managed policy arn:…`. */
  readonly label: string;
  /** The property of the identity (or the policy resource) that says it. */
  readonly property: string;
  /** The logical id it is written in. */
  readonly in: string;
  /** The address of the template's own policy resource it comes from, compared on its own. */
  readonly through?: string;
  /** A deny-only AWS managed policy (its document is AWSDenyAll's or alike). */
  readonly denyOnly?: string;
  /**
   * An AWS managed policy that is not deny-only: AWS's own, which only allow. Attached, it adds
   * permissions whatever it holds, as a Terraform attachment of one does.
   */
  readonly awsManaged?: true;
}

export interface IdentityFacts {
  readonly trust?: TemplateDocument;
  readonly held: ReadonlyMap<string, Held>;
  readonly boundary?: ResolvedValue;
}

export const IDENTITY_TYPES = new Set([
  "AWS::IAM::Role",
  "AWS::IAM::User",
  "AWS::IAM::Group",
  "AWS::IAM::Policy",
  "AWS::IAM::ManagedPolicy",
  "AWS::IAM::RolePolicy",
  "AWS::IAM::UserPolicy",
  "AWS::IAM::GroupPolicy",
  "AWS::IAM::InstanceProfile",
  "AWS::IAM::OIDCProvider",
  "AWS::IAM::UserToGroupAddition",
]);

/** Properties compared as documents or policies held, not as plain values. */
export const READ_AS_POLICIES: Readonly<Record<string, readonly string[]>> = {
  "AWS::IAM::Role": [
    "AssumeRolePolicyDocument",
    "Policies",
    "ManagedPolicyArns",
    "PermissionsBoundary",
  ],
  "AWS::IAM::User": ["Policies", "ManagedPolicyArns", "PermissionsBoundary", "Groups"],
  "AWS::IAM::Group": ["Policies", "ManagedPolicyArns"],
  "AWS::IAM::Policy": ["PolicyDocument", "Roles", "Users", "Groups"],
  "AWS::IAM::ManagedPolicy": ["PolicyDocument", "Roles", "Users", "Groups"],
  "AWS::IAM::RolePolicy": ["PolicyDocument", "RoleName"],
  "AWS::IAM::UserPolicy": ["PolicyDocument", "UserName"],
  "AWS::IAM::GroupPolicy": ["PolicyDocument", "GroupName"],
  "AWS::IAM::InstanceProfile": ["Roles"],
  "AWS::IAM::OIDCProvider": ["ClientIdList", "ThumbprintList"],
  "AWS::IAM::UserToGroupAddition": ["GroupName", "Users"],
};

const LISTS: readonly (readonly [string, string])[] = [
  ["Roles", "AWS::IAM::Role"],
  ["Users", "AWS::IAM::User"],
  ["Groups", "AWS::IAM::Group"],
];

/** Policy resources, and which of their properties name identities of which type. */
export const ATTACHES: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  "AWS::IAM::Policy": LISTS,
  "AWS::IAM::ManagedPolicy": LISTS,
  // Inline policies written as resources of their own: one identity each, by name.
  "AWS::IAM::RolePolicy": [["RoleName", "AWS::IAM::Role"]],
  "AWS::IAM::UserPolicy": [["UserName", "AWS::IAM::User"]],
  "AWS::IAM::GroupPolicy": [["GroupName", "AWS::IAM::Group"]],
};

export const isPolicyType = (type: string) => Object.hasOwn(ATTACHES, type);

export function documentOf(resolved: ResolvedValue): TemplateDocument {
  const fingerprint = stable(resolved.value);
  if (resolved.structural)
    return {
      unreadable: `it is chosen when the stack is deployed (${resolved.on.join(", ")})`,
      on: resolved.on,
      fingerprint,
    };
  const value = resolved.value;
  const document = policyFromJson(typeof value === "string" ? value : value);
  if (!document)
    return {
      unreadable:
        typeof value === "string" && value.startsWith("${")
          ? `its value is known only on deploy (${resolved.on.join(", ")})`
          : "it is not a JSON policy document",
      on: resolved.on,
      fingerprint,
    };
  return { document, on: resolved.on, fingerprint };
}

/** An AWS managed policy's ARN, written out (no value known only on deploy in it). */
const AWS_MANAGED = /^arn:aws(?:-[a-z-]+)?:iam::aws:policy\/[\w+=,.@/-]+$/;

/** The logical id a value names with `Ref` (resolved as `{Id}`), if a resource of the template. */
function named(value: unknown, template: Template): string | undefined {
  if (typeof value !== "string") return undefined;
  const m = /^\{([A-Za-z0-9]+)\}$/.exec(value);
  return m && template.resources.has(m[1] as string) ? m[1] : undefined;
}

/** The property an identity declares its name in. */
const NAME_PROPERTY: Readonly<Record<string, string>> = {
  "AWS::IAM::Role": "RoleName",
  "AWS::IAM::User": "UserName",
  "AWS::IAM::Group": "GroupName",
};

const namesOf = new WeakMap<Resolver, Map<string, string>>();

/**
 * The identity of `type` a value names: by `Ref`, or by the very name the identity declares
 * (`RoleName: !Sub "${AWS::StackName}-app"` on the role and on its `AWS::IAM::RolePolicy`).
 */
export function identityNamed(
  value: unknown,
  template: Template,
  resolver: Resolver,
  type: string,
): string | undefined {
  const id = named(value, template);
  if (id !== undefined || typeof value !== "string") return id;
  let names = namesOf.get(resolver);
  if (!names) {
    names = new Map();
    for (const [rid, r] of template.resources) {
      const property = NAME_PROPERTY[r.type];
      if (property === undefined || r.properties[property] === undefined) continue;
      const name = resolver.resolve(r.properties[property]).value;
      if (typeof name === "string" && name !== "") names.set(`${r.type}\u0000${name}`, rid);
    }
    namesOf.set(resolver, names);
  }
  return names.get(`${type}\u0000${value}`);
}

/** Identities of the template (roles, users, groups) with what they hold on this side. */
export function identitiesOf(template: Template, resolver: Resolver): Map<string, IdentityFacts> {
  const out = new Map<
    string,
    { trust?: TemplateDocument; held: Map<string, Held>; boundary?: ResolvedValue }
  >();
  const resolved = (r: TemplateResource, property: string) =>
    resolver.resolve(r.properties[property]);
  // A policy resource's document, read once however many identities hold it.
  const documents = new Map<string, TemplateDocument>();
  const policyDocument = (id: string, r: TemplateResource) => {
    let doc = documents.get(id);
    if (!doc) {
      doc = documentOf(resolved(r, "PolicyDocument"));
      documents.set(id, doc);
    }
    return doc;
  };
  for (const [id, r] of template.resources) {
    if (r.type !== "AWS::IAM::Role" && r.type !== "AWS::IAM::User" && r.type !== "AWS::IAM::Group")
      continue;
    const held = new Map<string, Held>();
    const facts: { trust?: TemplateDocument; held: Map<string, Held>; boundary?: ResolvedValue } = {
      held,
    };
    if (r.type === "AWS::IAM::Role" && r.properties.AssumeRolePolicyDocument !== undefined)
      facts.trust = documentOf(resolved(r, "AssumeRolePolicyDocument"));
    if (r.properties.PermissionsBoundary !== undefined)
      facts.boundary = resolved(r, "PermissionsBoundary");
    // Each inline policy on its own: one chosen by a condition leaves the others readable.
    const policies = r.properties.Policies;
    const items = Array.isArray(policies)
      ? policies.map((p) => resolver.resolve(p))
      : [resolver.resolve(policies)].flatMap((all) =>
          list(all.value).map((value) => ({ ...all, value })),
        );
    for (const [i, item] of items.entries()) {
      if (item.value === null) continue;
      const name = record(item.value).PolicyName;
      const label = typeof name === "string" ? name : `#${i + 1}`;
      const key = `inline ${label}`;
      // An item that is no policy as written (`- !If [IsProd, {PolicyName: …}, !Ref AWS::NoValue]`,
      // or the whole list chosen so) is read as itself: unreadable, and different where it is.
      const doc =
        item.value !== null && typeof item.value === "object" && !Array.isArray(item.value)
          ? documentOf({ ...item, value: record(item.value).PolicyDocument })
          : documentOf(item);
      held.set(key, { key, label: `inline policy ${label}`, property: "Policies", in: id, ...doc });
    }
    const arns = resolver.resolve(r.properties.ManagedPolicyArns);
    for (const arn of list(arns.value)) {
      const policy = named(arn, template);
      if (policy) {
        const p = template.resources.get(policy) as TemplateResource;
        const key = `policy ${policy}`;
        held.set(key, {
          key,
          label: `policy ${policy}`,
          property: "ManagedPolicyArns",
          in: id,
          through: resourceAddress(template.path, policy),
          ...policyDocument(policy, p),
        });
        continue;
      }
      const text = typeof arn === "string" ? arn : stable(arn);
      // CDK writes AWS managed policies' ARNs with the partition: `arn:${AWS::Partition}:iam::aws:policy/…`.
      const plain = text.replace("{AWS::Partition}", "aws");
      const denyOnly = denyOnlyManagedPolicy(plain);
      held.set(text, {
        key: text,
        label: `managed policy ${text}`,
        property: "ManagedPolicyArns",
        in: id,
        ...(denyOnly
          ? { denyOnly, ...documentOf({ value: DENY_ALL_DOCUMENT, on: [], structural: false }) }
          : AWS_MANAGED.test(plain)
            ? { awsManaged: true as const }
            : {}),
        ...(arns.on.length > 0 ? { on: arns.on } : {}),
      });
    }
    if (r.type === "AWS::IAM::User") {
      const groups = resolver.resolve(r.properties.Groups);
      for (const g of list(groups.value)) {
        const text =
          identityNamed(g, template, resolver, "AWS::IAM::Group") ??
          (typeof g === "string" ? g : stable(g));
        const key = `group ${text}`;
        held.set(key, {
          key,
          label: `membership of group ${text}`,
          property: "Groups",
          in: id,
          ...(groups.on.length > 0 ? { on: groups.on } : {}),
        });
      }
    }
    out.set(id, facts);
  }
  // The template's policy resources, held by each identity they name.
  for (const [id, r] of template.resources) {
    const attaches = ATTACHES[r.type];
    if (!attaches || !isPolicyType(r.type)) continue;
    let doc: TemplateDocument | undefined;
    for (const [property, type] of attaches) {
      const names = resolver.resolve(r.properties[property]);
      for (const n of list(names.value)) {
        const identity = identityNamed(n, template, resolver, type);
        if (!identity || template.resources.get(identity)?.type !== type) continue;
        doc ??= policyDocument(id, r);
        const key = `policy ${id}`;
        out.get(identity)?.held.set(key, {
          key,
          label: `policy ${id}`,
          property,
          in: id,
          through: resourceAddress(template.path, id),
          ...doc,
        });
      }
    }
  }
  // Memberships the template adds to its users (`AWS::IAM::UserToGroupAddition`): each user
  // holds the group's permissions through the addition.
  for (const [id, r] of template.resources) {
    if (r.type !== "AWS::IAM::UserToGroupAddition") continue;
    const group = resolver.resolve(r.properties.GroupName);
    const written = typeof group.value === "string" ? group.value : stable(group.value);
    // Said in evidence: a name written out is cut short (what identifies it stays whole).
    const identity = identityNamed(group.value, template, resolver, "AWS::IAM::Group");
    const name = identity ?? (written.length > 80 ? `${written.slice(0, 77)}…` : written);
    const users = resolver.resolve(r.properties.Users);
    const on = [...new Set([...group.on, ...users.on])];
    for (const u of list(users.value)) {
      const user = identityNamed(u, template, resolver, "AWS::IAM::User");
      if (!user || template.resources.get(user)?.type !== "AWS::IAM::User") continue;
      const key = `group ${identity ?? written} by ${id}`;
      out.get(user)?.held.set(key, {
        key,
        label: `membership of group ${name} (${id})`,
        property: "Users",
        in: id,
        through: resourceAddress(template.path, id),
        ...(on.length > 0 ? { on } : {}),
      });
    }
  }
  return out;
}

/**
 * The identities a policy resource names (by `Ref`) and the others it names by text, each with
 * the property naming it and how to say it (`role AppRole`).
 */
export function attachedTo(
  resource: TemplateResource,
  template: Template,
  resolver: Resolver,
): Map<string, { readonly property: string; readonly label: string }> {
  const out = new Map<string, { property: string; label: string }>();
  const attaches = isPolicyType(resource.type) ? (ATTACHES[resource.type] ?? []) : [];
  for (const [property, type] of attaches)
    for (const n of list(resolver.resolve(resource.properties[property]).value)) {
      const id = identityNamed(n, template, resolver, type);
      const text = id ?? (typeof n === "string" ? n : stable(n));
      const kind = (type.split("::")[2] ?? "identity").toLowerCase();
      out.set(`${property}\u0000${text}`, { property, label: `${kind} ${text}` });
    }
  return out;
}
