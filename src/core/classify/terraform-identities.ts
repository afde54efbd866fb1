// What each IAM identity of a module folder is on one side of a change: whether it exists, whom
// it trusts, what it may do (its own document, inline policies, attached policies, wherever in
// the folder they are written), and the attributes that force a new one.

import { FORCES_NEW, IDENTITY_TYPES } from "./aws-iam.js";
import { isUnknown, printed, type Unknown, unknownsIn, type Value } from "./hcl-evaluate.js";
import { record } from "./json-shapes.js";
import { type PolicyDocument, policyFromJson } from "./policy.js";
import {
  type Instance,
  type ModuleBlock,
  referencedAddresses,
  type TerraformModule,
} from "./terraform-module.js";

/** A document as evaluated: read, or not knowable from the files, and why. */
export interface EvaluatedDocument {
  readonly document?: PolicyDocument;
  readonly unknown?: { readonly text: string; readonly reasons: readonly string[] };
  /** Equal on both sides exactly when nothing about it changed. */
  readonly fingerprint: string;
}

export interface Permission extends EvaluatedDocument {
  /** What identifies it across the change: `aws_iam_policy.x`, an ARN, `inline aws_iam_role_policy.y`. */
  readonly key: string;
  /** As people say it: `policy aws_iam_policy.x (aws_iam_role_policy_attachment.y)`. */
  readonly label: string;
  /** The block that says it: the attachment, the inline policy, or the identity itself. */
  readonly from: ModuleBlock;
  readonly attached: boolean;
}

export interface IdentityFacts {
  readonly block: ModuleBlock;
  readonly conditional?: string;
  readonly trust?: EvaluatedDocument;
  readonly permissions: ReadonlyMap<string, Permission>;
  /** Attribute -> its value as text, for those the provider cannot update in place. */
  readonly forcesNew: ReadonlyMap<string, string>;
  /** Every other attribute, as text. */
  readonly other: ReadonlyMap<string, string>;
}

/** Glue resources: which attribute names the identity, of which types, and the policy. */
const GLUE: Readonly<
  Record<string, { owner: Readonly<Record<string, string>>; arn?: string; inline?: string }>
> = {
  aws_iam_role_policy: { owner: { role: "aws_iam_role" }, inline: "policy" },
  aws_iam_user_policy: { owner: { user: "aws_iam_user" }, inline: "policy" },
  aws_iam_group_policy: { owner: { group: "aws_iam_group" }, inline: "policy" },
  aws_iam_role_policy_attachment: { owner: { role: "aws_iam_role" }, arn: "policy_arn" },
  aws_iam_user_policy_attachment: { owner: { user: "aws_iam_user" }, arn: "policy_arn" },
  aws_iam_group_policy_attachment: { owner: { group: "aws_iam_group" }, arn: "policy_arn" },
  aws_iam_policy_attachment: {
    owner: { roles: "aws_iam_role", users: "aws_iam_user", groups: "aws_iam_group" },
    arn: "policy_arn",
  },
};

export const isGlue = (type: string) => Object.hasOwn(GLUE, type);

/** Attributes read as documents or permissions, not compared as plain values. */
const READ_AS_DOCUMENTS = new Set([
  "assume_role_policy",
  "policy",
  "inline_policy",
  "managed_policy_arns",
  "count",
  "for_each",
  "depends_on",
  "lifecycle",
  "provider",
]);

export function documentOf(value: Value): EvaluatedDocument {
  const unknowns = unknownsIn(value);
  if (isUnknown(value) || (typeof value !== "string" && unknowns.length > 0)) {
    const u = (isUnknown(value) ? value : unknowns[0]) as Unknown;
    return {
      unknown: { text: u.text, reasons: [...new Set(unknowns.flatMap((x) => x.reasons))] },
      fingerprint: `?${printed(value)}`,
    };
  }
  const document = value === null ? undefined : policyFromJson(value);
  if (!document)
    return {
      unknown: { text: printed(value), reasons: ["it is not a JSON policy document"] },
      fingerprint: `?${printed(value)}`,
    };
  return { document, fingerprint: JSON.stringify(document) };
}

/** Identities of the folder, each with its facts; glue whose identity is not here is returned apart. */
export function identitiesOf(module: TerraformModule): {
  identities: Map<string, IdentityFacts>;
  unplacedGlue: ModuleBlock[];
} {
  const identities = new Map<string, IdentityFacts & { permissions: Map<string, Permission> }>();
  const names = new Map<string, string>();
  // A block with several instances (count, for_each) is several identities: `x["a"]`, `x["b"]`.
  const instancesByBlock = new Map<string, { key: string; instance?: string | number }[]>();
  for (const block of module.blocks.values()) {
    if (block.kind !== "resource" || !IDENTITY_TYPES.includes(block.type)) continue;
    const instances = module.instancesOf(block);
    const several = instances.length > 1;
    for (const instance of several ? instances : instances.slice(0, 1)) {
      const key = several ? withKey(block.address, instance) : block.address;
      identities.set(key, identityFacts(module, block, instance));
      instancesByBlock.set(block.address, [
        ...(instancesByBlock.get(block.address) ?? []),
        { key, ...(several && instance.key !== undefined ? { instance: instance.key } : {}) },
      ]);
      const name = module.attribute(block, "name", instance);
      if (typeof name === "string") names.set(`${block.type}\u0000${name}`, key);
    }
  }

  const unplacedGlue: ModuleBlock[] = [];
  for (const block of module.blocks.values()) {
    const glue = GLUE[block.type];
    if (block.kind !== "resource" || !glue) continue;
    let placed = false;
    for (const instance of module.instancesOf(block)) {
      for (const [attribute, type] of Object.entries(glue.owner)) {
        for (const owner of ownersOf(module, block, attribute, type, instance, names)) {
          // A glue instance with the key of one of its owner's instances belongs to that one.
          const owners = instancesByBlock.get(owner) ?? [{ key: owner }];
          const same = owners.filter(
            (o) => o.instance !== undefined && o.instance === instance.key,
          );
          for (const { key } of same.length > 0 ? same : owners) {
            const facts = identities.get(key);
            if (!facts) continue;
            placed = true;
            const permission = glue.inline
              ? inlinePermission(module, block, instance, glue.inline)
              : attachedPermission(module, block, instance, glue.arn as string);
            facts.permissions.set(permission.key, permission);
          }
        }
      }
    }
    if (!placed) unplacedGlue.push(block);
  }
  return { identities, unplacedGlue };
}

/** The permissions a glue block gives, over its instances. */
export function gluePermissions(
  module: TerraformModule,
  block: ModuleBlock,
): Map<string, Permission> {
  const glue = GLUE[block.type];
  const out = new Map<string, Permission>();
  if (!glue) return out;
  for (const instance of module.instancesOf(block)) {
    const permission = glue.inline
      ? inlinePermission(module, block, instance, glue.inline)
      : attachedPermission(module, block, instance, glue.arn as string);
    out.set(permission.key, permission);
  }
  return out;
}

function ownersOf(
  module: TerraformModule,
  block: ModuleBlock,
  attribute: string,
  type: string,
  instance: Instance,
  names: ReadonlyMap<string, string>,
): string[] {
  const raw = block.body[attribute];
  if (raw === undefined) return [];
  const referenced = referencedAddresses(raw, module).filter((a) => a.startsWith(`${type}.`));
  if (referenced.length > 0) return referenced;
  // Named by a value: the identity whose name it is.
  const value = module.attribute(block, attribute, instance);
  return (Array.isArray(value) ? value : [value])
    .map((v) => (typeof v === "string" ? names.get(`${type}\u0000${v}`) : undefined))
    .filter((a): a is string => a !== undefined);
}

const withKey = (address: string, instance: Instance) =>
  instance.key === undefined
    ? address
    : `${address}[${typeof instance.key === "number" ? instance.key : JSON.stringify(instance.key)}]`;

function inlinePermission(
  module: TerraformModule,
  block: ModuleBlock,
  instance: Instance,
  attribute: string,
): Permission {
  const address = withKey(block.address, instance);
  return {
    key: `inline ${address}`,
    label: `inline policy ${address}`,
    from: block,
    attached: false,
    ...documentOf(module.attribute(block, attribute, instance)),
  };
}

function attachedPermission(
  module: TerraformModule,
  block: ModuleBlock,
  instance: Instance,
  attribute: string,
): Permission {
  const address = withKey(block.address, instance);
  const policy = referencedAddresses(block.body[attribute], module).find((a) =>
    a.startsWith("aws_iam_policy."),
  );
  return policyByArn(module, block, policy, module.attribute(block, attribute, instance), address);
}

function policyByArn(
  module: TerraformModule,
  from: ModuleBlock,
  policyAddress: string | undefined,
  arn: Value,
  via: string,
): Permission {
  const policy = policyAddress ? module.blocks.get(policyAddress) : undefined;
  if (policy) {
    const instance = module.instancesOf(policy)[0];
    const document = instance
      ? documentOf(module.attribute(policy, "policy", instance))
      : {
          unknown: { text: policy.address, reasons: ["the policy has count 0"] },
          fingerprint: "?",
        };
    return {
      key: policy.address,
      label: `policy ${policy.address} (${via})`,
      from,
      attached: true,
      ...document,
    };
  }
  const text = printed(arn);
  return {
    key: text,
    label: `policy ${text} (${via})`,
    from,
    attached: true,
    // A managed policy outside the folder: what it allows is not here, only that it is attached.
    fingerprint: text,
  };
}

function identityFacts(
  module: TerraformModule,
  block: ModuleBlock,
  instance: Instance,
): IdentityFacts & { permissions: Map<string, Permission> } {
  const permissions = new Map<string, Permission>();
  if (block.type === "aws_iam_policy" || block.type.endsWith("_policy")) {
    if (block.body.policy !== undefined)
      permissions.set("policy", {
        key: "policy",
        label: `policy ${block.address}`,
        from: block,
        attached: false,
        ...documentOf(module.attribute(block, "policy", instance)),
      });
  }
  for (const inline of module.nestedBlocks(block.body, "inline_policy", instance)) {
    const name = printed(inline.attribute("name"));
    permissions.set(`inline ${name}`, {
      key: `inline ${name}`,
      label: `inline_policy ${name} of ${block.address}`,
      from: block,
      attached: false,
      ...documentOf(inline.attribute("policy")),
    });
  }
  const managed = module.attribute(block, "managed_policy_arns", instance);
  if (managed !== null) {
    const arns = Array.isArray(managed) ? managed : [managed];
    for (const arn of arns as Value[]) {
      const text = printed(arn);
      const policy = referencedAddresses(text.replace(/^\$\{|\}$/g, ""), module).find((a) =>
        a.startsWith("aws_iam_policy."),
      );
      const permission = policyByArn(
        module,
        block,
        policy,
        arn,
        `managed_policy_arns of ${block.address}`,
      );
      permissions.set(permission.key, permission);
    }
  }
  const forcesNew = new Map<string, string>();
  const other = new Map<string, string>();
  const forced = FORCES_NEW[block.type] ?? [];
  for (const key of Object.keys(block.body).sort()) {
    if (READ_AS_DOCUMENTS.has(key)) continue;
    if (key === "dynamic") {
      // Dynamic inline policies are read as permissions above; other dynamic blocks as written.
      const { inline_policy: _, ...rest } = record(block.body.dynamic);
      if (Object.keys(rest).length > 0) other.set(key, JSON.stringify(rest));
      continue;
    }
    const value = printed(module.attribute(block, key, instance));
    (forced.includes(key) ? forcesNew : other).set(key, value);
  }
  return {
    block,
    ...(instance.conditional ? { conditional: instance.conditional } : {}),
    ...(block.type === "aws_iam_role"
      ? { trust: documentOf(module.attribute(block, "assume_role_policy", instance)) }
      : {}),
    permissions,
    forcesNew,
    other,
  };
}
