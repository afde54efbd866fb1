// What each IAM identity of a module folder is on one side of a change: whether it exists, whom
// it trusts, what it may do (its own document, inline policies, attached policies, wherever in
// the folder they are written), and the attributes that force a new one.

import {
  DENY_ALL_DOCUMENT,
  denyOnlyManagedPolicy,
  EXCLUSIVE,
  FORCES_NEW,
  IDENTITY_TYPES,
} from "./aws-iam.js";
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
  /** An inline policy's name (null when the provider makes one up): what exclusivity keeps. */
  readonly name?: Value;
  /** A deny-only AWS managed policy whose document is not known whole: its name. */
  readonly denyOnly?: string;
}

export interface IdentityFacts {
  readonly block: ModuleBlock;
  readonly conditional?: string;
  readonly trust?: EvaluatedDocument;
  readonly permissions: ReadonlyMap<string, Permission>;
  /** The permissions boundary: the most it may do, whatever its policies allow. */
  readonly boundary?: Permission;
  /**
   * Policies the folder attaches that an exclusive list detaches on apply. Kept apart, not
   * forgotten: the attachment comes back on the next apply, so a change to one is still told.
   */
  readonly detached: ReadonlyMap<string, Permission>;
  /** Why which policies it keeps cannot be told (an exclusive list the files do not know). */
  readonly undetermined: readonly string[];
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
  "permissions_boundary",
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
  const identities = new Map<string, MutableFacts>();
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
  applyExclusivity(module, identities, names);
  return { identities, unplacedGlue };
}

type MutableFacts = IdentityFacts & {
  permissions: Map<string, Permission>;
  detached: Map<string, Permission>;
  undetermined: string[];
};

/** What an exclusive list keeps: keys of policies, or names of inline ones; undefined when not known. */
function exclusiveList(
  module: TerraformModule,
  block: ModuleBlock,
  attribute: string,
  instance: Instance,
  inline: boolean,
): Set<string> | undefined {
  const raw = block.body[attribute];
  const value = module.attribute(block, attribute, instance);
  if (!Array.isArray(value)) return value === null ? new Set() : undefined;
  const kept = new Set<string>();
  const items = value as readonly Value[];
  for (const [i, item] of items.entries()) {
    // A policy of the folder is named by its reference: its ARN is known only after apply.
    const policy = inline
      ? undefined
      : referencedAddresses(Array.isArray(raw) ? raw[i] : raw, module).find((a) =>
          a.startsWith("aws_iam_policy."),
        );
    if (policy && Array.isArray(raw)) kept.add(policy);
    else if (typeof item === "string") kept.add(item);
    else return undefined;
  }
  return kept;
}

/**
 * An exclusive list of policy ARNs also attaches what it lists: each is a permission of the
 * identity as a plain attachment would be (a known deny, a policy of the folder, or one outside
 * the files whose document is not known). A list not known from the files is said so.
 */
function attachListed(
  module: TerraformModule,
  block: ModuleBlock,
  attribute: string,
  instance: Instance,
  facts: MutableFacts,
): void {
  const raw = block.body[attribute];
  const value = module.attribute(block, attribute, instance);
  if (value === null) return;
  const via = withKey(block.address, instance);
  if (!Array.isArray(value)) {
    facts.undetermined.push(
      `${via} attaches the policies it lists, and what it lists is not known from the files`,
    );
    return;
  }
  for (const [i, item] of (value as readonly Value[]).entries()) {
    const policy = referencedAddresses(Array.isArray(raw) ? raw[i] : raw, module).find((a) =>
      a.startsWith("aws_iam_policy."),
    );
    const permission = policyByArn(module, block, policy, item, via);
    if (!facts.permissions.has(permission.key)) facts.permissions.set(permission.key, permission);
  }
}

/**
 * Resources and attributes that make an identity's policies exactly a list detach, on apply,
 * whatever else the folder attaches: those policies are taken off the identity here, so the
 * change reads as what it does (`permissions-removed`), not as nothing.
 */
function applyExclusivity(
  module: TerraformModule,
  identities: Map<string, MutableFacts>,
  names: ReadonlyMap<string, string>,
): void {
  const keep = (
    facts: MutableFacts,
    by: string,
    inline: boolean,
    kept: Set<string> | undefined,
  ) => {
    for (const [key, p] of facts.permissions) {
      if (p.attached === inline || p.from === facts.block) continue;
      if (!kept) {
        facts.undetermined.push(
          `${by} keeps only the policies it lists, and what it lists is not known from the files: whether it detaches ${p.label} cannot be told`,
        );
        continue;
      }
      const name = inline ? (typeof p.name === "string" ? p.name : undefined) : key;
      if (name !== undefined && kept.has(name)) continue;
      // An ARN only the caller or apply knows may be one the list names.
      if (!inline && !key.startsWith("aws_iam_policy.") && key.includes("${")) {
        facts.undetermined.push(
          `${by} keeps only the policies it lists, and the ARN of ${p.label} is not known from the files`,
        );
        continue;
      }
      if (inline && p.name !== null && typeof p.name !== "string") {
        facts.undetermined.push(
          `${by} keeps only the inline policies it names, and the name of ${p.label} is not known from the files`,
        );
        continue;
      }
      facts.permissions.delete(key);
      facts.detached.set(key, p);
    }
  };
  // The identity's own lists: `managed_policy_arns` set, and `inline_policy` blocks present.
  for (const facts of identities.values()) {
    const instance = module.instancesOf(facts.block)[0];
    if (!instance) continue;
    if (facts.block.body.managed_policy_arns !== undefined) {
      const kept = exclusiveList(module, facts.block, "managed_policy_arns", instance, false);
      keep(facts, `managed_policy_arns of ${facts.block.address}`, false, kept);
    }
    if (facts.block.body.inline_policy !== undefined) {
      const kept = new Set(
        module
          .nestedBlocks(facts.block.body, "inline_policy", instance)
          .map((b) => b.attribute("name"))
          .filter((n): n is string => typeof n === "string"),
      );
      keep(facts, `the inline_policy blocks of ${facts.block.address}`, true, kept);
    }
  }
  for (const block of module.blocks.values()) {
    if (block.kind !== "resource") continue;
    const exclusive = EXCLUSIVE[block.type];
    if (exclusive) {
      for (const instance of module.instancesOf(block))
        for (const owner of ownersOf(
          module,
          block,
          exclusive.owner,
          exclusive.type,
          instance,
          names,
        )) {
          const facts = identities.get(owner);
          if (!facts) continue;
          const kept = exclusiveList(module, block, exclusive.list, instance, exclusive.inline);
          keep(facts, block.address, exclusive.inline, kept);
          if (!exclusive.inline) attachListed(module, block, exclusive.list, instance, facts);
        }
      continue;
    }
    // `aws_iam_policy_attachment` is the policy's only attachment: every other identity the
    // folder attaches it to loses it on apply.
    if (block.type !== "aws_iam_policy_attachment") continue;
    for (const instance of module.instancesOf(block)) {
      const policy = attachedPermission(module, block, instance, "policy_arn");
      for (const facts of identities.values()) {
        const held = facts.permissions.get(policy.key);
        if (held && held.from !== block) {
          const listed = Object.entries(GLUE.aws_iam_policy_attachment?.owner ?? {}).some(
            ([attribute, type]) =>
              ownersOf(module, block, attribute, type, instance, names).some(
                (o) => o === facts.block.address,
              ),
          );
          if (!listed) {
            facts.permissions.delete(policy.key);
            facts.detached.set(policy.key, held);
          }
        }
      }
    }
  }
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
    name: module.attribute(block, "name", instance),
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
  const denyOnly = denyOnlyManagedPolicy(text);
  return {
    key: text,
    label: `policy ${text} (${via})`,
    from,
    attached: true,
    fingerprint: text,
    ...(denyOnly === "AWSDenyAll"
      ? { document: policyFromJson(DENY_ALL_DOCUMENT) as PolicyDocument }
      : denyOnly
        ? { denyOnly }
        : {
            // A policy outside the folder: what it allows (or denies) is not here.
            unknown: {
              text,
              reasons: ["it is a policy outside these files, so what it allows is not known"],
            },
          }),
  };
}

function identityFacts(
  module: TerraformModule,
  block: ModuleBlock,
  instance: Instance,
): MutableFacts {
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
    // `inline_policy {}` declares none: it only makes the role's inline policies exactly these.
    if (inline.attribute("name") === null && inline.attribute("policy") === null) continue;
    const name = printed(inline.attribute("name"));
    permissions.set(`inline ${name}`, {
      key: `inline ${name}`,
      label: `inline_policy ${name} of ${block.address}`,
      from: block,
      attached: false,
      name: inline.attribute("name"),
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
  const boundary =
    block.body.permissions_boundary === undefined
      ? undefined
      : policyByArn(
          module,
          block,
          referencedAddresses(block.body.permissions_boundary, module).find((a) =>
            a.startsWith("aws_iam_policy."),
          ),
          module.attribute(block, "permissions_boundary", instance),
          `permissions_boundary of ${block.address}`,
        );
  return {
    block,
    ...(instance.conditional ? { conditional: instance.conditional } : {}),
    ...(boundary ? { boundary } : {}),
    detached: new Map(),
    undetermined: [],
    ...(block.type === "aws_iam_role"
      ? { trust: documentOf(module.attribute(block, "assume_role_policy", instance)) }
      : {}),
    permissions,
    forcesNew,
    other,
  };
}
