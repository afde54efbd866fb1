// A Terraform module folder at base and head, compared the way Terraform would apply it: each
// IAM identity's facts (exists, trust, permissions, attributes that force a new one) are
// compared, and every change is the identity's, wherever in the folder it was written. Other
// resources are compared block by block.

import { compareClasses } from "../classes.js";
import type { ChangeClass } from "../model.js";
import { EXCLUSIVE, FORCES_NEW, IDENTITY_TYPES, PROVIDER_DEFAULTS } from "./aws-iam.js";
import { BOUNDARY, type Evidence, type ResourceChange, type ResourceFacts } from "./evidence.js";
import {
  evaluateJson,
  measuredWork,
  printed,
  toJson,
  type Value,
  workExhausted,
} from "./hcl-evaluate.js";
import { list, record } from "./json-shapes.js";
import {
  comparePermissions,
  compareTrust,
  type PolicyChange,
  type PolicyDocument,
  policyFromJson,
} from "./policy.js";
import { withoutIndexes } from "./terraform-address.js";
import { blockLine } from "./terraform-file.js";
import {
  documentOf,
  type EvaluatedDocument,
  gluePermissions,
  type IdentityFacts,
  identitiesOf,
  isGlue,
  type Permission,
} from "./terraform-identities.js";
import {
  type ModuleBlock,
  type ModuleFile,
  readModule,
  referencedAddresses,
  type TerraformModule,
  variablesOf,
} from "./terraform-module.js";
import { type Scenario, scenariosOf } from "./terraform-scenarios.js";

interface Side {
  readonly module: TerraformModule;
  /** The variables the folder declares. */
  readonly variables: ReadonlySet<string>;
  readonly texts: ReadonlyMap<string, string>;
  readonly identities: ReadonlyMap<string, IdentityFacts>;
  readonly unplacedGlue: readonly ModuleBlock[];
}

function sideOf(
  files: readonly ModuleFile[],
  values: ReadonlyMap<string, Value>,
  assets: ReadonlyMap<string, string>,
): Side {
  const module = readModule(files, values, assets);
  const { identities, unplacedGlue } = identitiesOf(module);
  return {
    module,
    variables: new Set(variablesOf(files).keys()),
    texts: new Map(files.map((f) => [f.path, f.text])),
    identities,
    unplacedGlue,
  };
}

function at(side: Side, block: ModuleBlock): Pick<Evidence, "file" | "line"> {
  const text = side.texts.get(block.file);
  const line = text === undefined ? undefined : blockLine(text, block);
  return { file: block.file, ...(line ? { line } : {}) };
}

/**
 * Where a sentence about a principal or an action points: the first line naming it, in the
 * block's file from the block on, else in any file of the folder (the document may be in
 * another file), else the block.
 */
function near(side: Side, block: ModuleBlock, detail: string): Pick<Evidence, "file" | "line"> {
  const needle = /(?:allows|denies|trusts) (?:\S+ )?(\S+?)(?: on| \(|$| without| when)/.exec(
    detail,
  )?.[1];
  const start = at(side, block);
  if (!needle) return start;
  const find = (file: string, from: number) => {
    const lines = (side.texts.get(file) ?? "").split("\n");
    for (let i = from; i < lines.length; i++)
      if ((lines[i] as string).includes(needle)) return i + 1;
    return undefined;
  };
  const inBlock = find(block.file, (start.line ?? 1) - 1);
  if (inBlock) return { file: block.file, line: inBlock };
  for (const file of [...side.texts.keys()].sort()) {
    const line = find(file, 0);
    if (line) return { file, line };
  }
  return start;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

class Found {
  readonly classes = new Set<ChangeClass>();
  readonly evidence: Evidence[] = [];
  /** What changes through a policy of the folder the identity attaches, by that policy. */
  readonly through = new Map<string, Found>();
  add(klass: ChangeClass, evidence: Evidence): void {
    this.classes.add(klass);
    this.evidence.push(evidence);
  }
  /** What was found, as the change of a resource; undefined when nothing was. */
  change(
    address: string,
    type: string,
    more: Partial<Omit<ResourceChange, "system" | "address" | "type" | "classes">> = {},
  ): ResourceChange | undefined {
    if (this.classes.size === 0) return undefined;
    return {
      system: "terraform",
      address,
      type,
      classes: [...this.classes].sort(compareClasses),
      evidence: this.evidence,
      ...more,
    };
  }
  via(policy: string): Found {
    let found = this.through.get(policy);
    if (!found) {
      found = new Found();
      this.through.set(policy, found);
    }
    return found;
  }
}

function unknownDetail(what: string, document: EvaluatedDocument): string {
  const u = document.unknown;
  return u
    ? `${what} cannot be evaluated from the files: ${u.text} (${u.reasons.join("; ")})`
    : `${what} changes`;
}

/**
 * Comparisons by the two documents' fingerprints (their whole JSON): a module that merges its
 * policies into one document per scenario compares the same pair for every identity and
 * instance that holds it, 30 to 80 ms each on terraform-aws-iam's 68-statement documents.
 */
const comparisons = new Map<string, PolicyChange>();
const MAX_COMPARISONS_KEPT = 256;

function compared(
  trust: boolean,
  was: { readonly fingerprint: string; readonly document: PolicyDocument },
  now: { readonly fingerprint: string; readonly document: PolicyDocument },
): PolicyChange {
  const key = `${trust ? "trust" : "permissions"}\u0000${was.fingerprint}\u0000${now.fingerprint}`;
  let result = comparisons.get(key);
  if (!result) {
    result = trust
      ? compareTrust(was.document, now.document)
      : comparePermissions(was.document, now.document);
    if (comparisons.size >= MAX_COMPARISONS_KEPT) comparisons.clear();
    comparisons.set(key, result);
  }
  return result;
}

/** Two documents of one identity compared: trust by who may assume, others by what they allow. */
function compareDocuments(
  found: Found,
  what: string,
  was: EvaluatedDocument,
  now: EvaluatedDocument,
  trust: boolean,
  where: { address: string; attribute?: string } & Pick<Evidence, "file" | "line">,
  blocks?: { base: Side; head: Side; was: ModuleBlock; now: ModuleBlock },
): void {
  if (was.fingerprint === now.fingerprint) return;
  if (was.document && now.document) {
    const result = compared(
      trust,
      { fingerprint: was.fingerprint, document: was.document },
      { fingerprint: now.fingerprint, document: now.document },
    );
    // A trust that comes to depend on what only the caller or apply knows is unknown, not
    // narrowed and widened at once; what the known values show is said as such.
    const classes =
      trust && result.known
        ? [
            ...(result.known.narrowed ? ["trust-narrowed"] : []),
            ...(result.known.widened ? ["trust-widened"] : []),
            ...(result.known.unknown ? ["unknown"] : []),
          ]
        : result.classes;
    for (const klass of classes) found.classes.add(klass as ChangeClass);
    for (const detail of result.details) {
      // What went is found in the base, what came in the head.
      const place = !blocks
        ? {}
        : detail.startsWith("no longer")
          ? near(blocks.base, blocks.was, detail)
          : near(blocks.head, blocks.now, detail);
      // A trust policy is the attribute's own: the sentence needs no name before it.
      found.evidence.push({ ...where, ...place, detail: trust ? detail : `${what}: ${detail}` });
    }
    return;
  }
  const unknown = now.unknown ? now : was;
  found.add("unknown", { ...where, detail: unknownDetail(what, unknown) });
}

/** No statement: what a policy is compared with when it comes or goes. */
const NOTHING = policyFromJson({ Version: "2012-10-17", Statement: [] }) as PolicyDocument;
/** Everything allowed: what a Deny is measured against, since it takes from any grant. */
const EVERYTHING = policyFromJson({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
}) as PolicyDocument;

/**
 * What a document brings to an identity (or takes with it when it goes): its Allows against
 * nothing, and its Denies against everything, since a Deny removes whatever another policy grants.
 */
function presenceChange(document: PolicyDocument, added: boolean) {
  const allows = { statements: document.statements.filter((s) => s.effect === "Allow") };
  const denies = {
    statements: [
      ...EVERYTHING.statements,
      ...document.statements.filter((s) => s.effect === "Deny"),
    ],
  };
  const pair = (a: PolicyDocument, b: PolicyDocument) =>
    added ? comparePermissions(a, b) : comparePermissions(b, a);
  const results = [
    ...(allows.statements.length > 0 ? [pair(NOTHING, allows)] : []),
    ...(denies.statements.length > 1 ? [pair(EVERYTHING, denies)] : []),
  ];
  return {
    classes: results.flatMap((r) => r.classes),
    details: results.flatMap((r) => r.details),
  };
}

/**
 * A policy that comes (or goes): judged by what it says, not by its coming. A Deny-only policy
 * added takes permissions away; removed, gives them back. One whose document is not in the
 * files could do either: it is also `unknown`.
 */
function comparePresence(
  found: Found,
  address: string,
  side: Side,
  p: Permission,
  added: boolean,
): void {
  const where = { address, ...at(side, p.from) };
  const said = added
    ? p.attached
      ? `now has ${p.label} attached`
      : `now has ${p.label}`
    : p.attached
      ? `no longer has ${p.label} attached`
      : `no longer has ${p.label}`;
  if (p.document) {
    const result = presenceChange(p.document, added);
    found.evidence.push({ ...where, detail: said });
    for (const klass of result.classes) found.classes.add(klass as ChangeClass);
    for (const detail of result.details)
      found.evidence.push({ ...where, detail: `${p.label}: ${detail}` });
    return;
  }
  if (p.denyOnly) {
    found.add(added ? "permissions-removed" : "permissions-added", {
      ...where,
      detail: `${said}: ${p.denyOnly} is an AWS managed policy that only denies, so ${
        added ? "what it denies is taken away" : "what it denied is allowed again"
      }`,
    });
    return;
  }
  found.add(added ? "permissions-added" : "permissions-removed", { ...where, detail: said });
  if (p.unknown)
    found.add("unknown", {
      ...where,
      detail: unknownDetail(`what ${p.label} allows or denies`, p),
    });
}

/**
 * A permissions boundary caps what the identity may do: one set or changed restricts, one
 * removed lifts the cap. Two documents the files hold are compared.
 */
function compareBoundary(
  found: Found,
  address: string,
  base: Side,
  head: Side,
  was: Permission | undefined,
  now: Permission | undefined,
): void {
  if (!was && !now) return;
  if (was && now && was.fingerprint === now.fingerprint) return;
  const where = { address, attribute: "permissions_boundary" };
  if (!now && was) {
    found.add("permissions-added", {
      ...where,
      ...at(base, was.from),
      detail: `no longer has the permissions boundary ${was.key}: what its policies allow is no longer capped`,
    });
    return;
  }
  const boundary = now as Permission;
  const place = { ...where, ...at(head, boundary.from) };
  if (was?.document && boundary.document) {
    compareDocuments(found, "the permissions boundary", was, boundary, false, place);
    return;
  }
  found.add("permissions-removed", {
    ...place,
    detail: was
      ? `the permissions boundary changes from ${was.key} to ${boundary.key}: it can do only what the new one allows`
      : `now has the permissions boundary ${boundary.key}: it can do only what that allows`,
  });
  // A new cap that is not in the files may be wider than the old one.
  if (was && !boundary.denyOnly && !boundary.document)
    found.add("unknown", {
      ...place,
      detail: `what the permissions boundary ${boundary.key} allows is not in the files: whether it is wider than ${was.key} cannot be told`,
    });
}

function comparePermissionMaps(
  found: Found,
  address: string,
  base: Side,
  head: Side,
  was: ReadonlyMap<string, Permission>,
  now: ReadonlyMap<string, Permission>,
): void {
  for (const [key, p] of was) {
    if (now.has(key)) continue;
    comparePresence(found, address, base, p, false);
  }
  for (const [key, p] of now) {
    const old = was.get(key);
    if (!old) {
      comparePresence(found, address, head, p, true);
      continue;
    }
    // A policy of this folder attached before and after: what it allows is its own change,
    // reported on it; the identity has it only through the policy (a node for the policy
    // carries it to the identity along its edge, and a graph without one sees it here).
    const policy = p.attached && old.attached && key.startsWith("aws_iam_policy.");
    compareDocuments(
      policy ? found.via(key) : found,
      p.label,
      old,
      p,
      false,
      { address, ...at(head, p.from) },
      {
        base,
        head,
        was: old.from,
        now: p.from,
      },
    );
  }
}

/**
 * The base's permissions under the head's addresses, where a `moved` block gives one: a policy
 * renamed that way is the same object to Terraform, which plans no change to what the identity
 * has. Compared by their old addresses, it read as one policy detached and another attached.
 */
function moved<T>(
  permissions: ReadonlyMap<string, T>,
  moves: ReadonlyMap<string, string>,
): ReadonlyMap<string, T> {
  if (moves.size === 0) return permissions;
  const to = (key: string) => {
    const inline = key.startsWith("inline ") ? "inline " : "";
    const address = key.slice(inline.length);
    const now = moves.get(address);
    return now === undefined ? key : `${inline}${now}`;
  };
  return new Map([...permissions].map(([key, p]) => [to(key), p]));
}

function compareAttributes(
  found: Found,
  address: string,
  type: string,
  head: Side,
  block: ModuleBlock,
  was: { forcesNew: ReadonlyMap<string, string>; other: ReadonlyMap<string, string> },
  now: { forcesNew: ReadonlyMap<string, string>; other: ReadonlyMap<string, string> },
): void {
  const where = at(head, block);
  // Unset is the provider's default: `path` unset and `path = "/"` are the same role.
  const value = (map: ReadonlyMap<string, string>, key: string) =>
    map.get(key) || (PROVIDER_DEFAULTS[type]?.[key] ?? "");
  for (const key of [...new Set([...was.forcesNew.keys(), ...now.forcesNew.keys()])].sort()) {
    const a = value(was.forcesNew, key);
    const b = value(now.forcesNew, key);
    if (a === b) continue;
    found.add("replaced", {
      address,
      attribute: key,
      ...where,
      detail: `${key} ${a === "" ? `set to ${b}` : b === "" ? `${a} removed` : `${a} → ${b}`}: it cannot change in place, so the ${type} is destroyed and recreated (a new ARN)`,
    });
  }
  for (const key of [...new Set([...was.other.keys(), ...now.other.keys()])].sort()) {
    if (was.other.get(key) === now.other.get(key)) continue;
    found.add("modified", { address, attribute: key, ...where, detail: `${key} changes` });
  }
}

function factsOf(identity: IdentityFacts | undefined): ResourceFacts {
  if (!identity) return { exists: false, policies: [] };
  const policies = [...identity.permissions.values()]
    .map((p) => p.document)
    .filter((d): d is PolicyDocument => d !== undefined);
  // A boundary caps whatever the policies allow; contracts do not evaluate it, so it is opaque
  // even when its document is known.
  const opaque = [
    ...[...identity.permissions.values()].filter((p) => !p.document).map((p) => p.label),
    ...(identity.boundary ? [`${BOUNDARY} ${identity.boundary.label}`] : []),
    ...identity.undetermined,
  ];
  return {
    exists: true,
    ...(identity.trust?.document ? { trust: identity.trust.document } : {}),
    policies,
    ...(opaque.length > 0 ? { opaque } : {}),
  };
}

function compareIdentity(
  address: string,
  base: Side,
  head: Side,
  was: IdentityFacts | undefined,
  now: IdentityFacts | undefined,
  /** Receives what the identity has only through a policy of the folder it attaches. */
  through: ResourceChange[],
  /** `moved { from, to }` of the head: a policy at a new address is the same policy. */
  moves: ReadonlyMap<string, string> = new Map(),
): ResourceChange | undefined {
  const found = new Found();
  const block = (now ?? was)?.block as ModuleBlock;
  if (!now && was) {
    found.add("deleted", {
      address,
      ...at(base, was.block),
      detail: "removed from the configuration: destroyed on apply",
    });
  } else if (now && !was) {
    found.add("added", {
      address,
      ...at(head, now.block),
      detail: now.conditional ? `added (${now.conditional})` : "added",
    });
  } else if (now && was) {
    compareAttributes(found, address, block.type, head, now.block, was, now);
    if (was.trust && now.trust)
      compareDocuments(
        found,
        "trust policy",
        was.trust,
        now.trust,
        true,
        { address, attribute: "assume_role_policy", ...at(head, now.block) },
        { base, head, was: was.block, now: now.block },
      );
    comparePermissionMaps(
      found,
      address,
      base,
      head,
      moved(was.permissions, moves),
      now.permissions,
    );
    // Detached by an exclusive list on both sides, yet attached again between applies: what
    // such a policy allows still changes what the identity may do for a while.
    for (const [key, p] of now.detached) {
      const old = moved(was.detached, moves).get(key);
      if (old) compareDocuments(found, p.label, old, p, false, { address, ...at(head, p.from) });
    }
    compareBoundary(found, address, base, head, was.boundary, now.boundary);
    for (const note of now.undetermined)
      if (!was.undetermined.includes(note))
        found.add("unknown", { address, ...at(head, now.block), detail: note });
    compareTriggers(found, address, base, head, was.block, now.block);
    // A document that starts to use a local no file of the folder declares cannot be
    // evaluated, and Terraform rejects the configuration: say so rather than read it as text.
    const before = undeclaredLocals(base, was);
    const missing = [...undeclaredLocals(head, now)].filter((name) => !before.has(name));
    for (const name of missing)
      found.add("unknown", {
        address,
        ...at(head, now.block),
        detail: `uses ${name}, which no file of this module declares: Terraform rejects the configuration, and what the role trusts or allows cannot be read`,
      });
    // A principal the base could not evaluate (it named an input no file declares) going away
    // is no narrowing anyone relied on: it could never be applied.
    if (before.size > 0 && found.classes.has("trust-narrowed")) {
      const broken = (detail: string) =>
        detail.startsWith("no longer trusts") &&
        [...before].some((n) => detail.includes(`\${${n}}`));
      const kept = found.evidence.filter((e) => !broken(e.detail));
      if (kept.length < found.evidence.length) {
        found.evidence.splice(0, found.evidence.length, ...kept);
        if (
          !kept.some((e) =>
            /^(no longer trusts|trusts .* only under more|changed the conditions)/.test(e.detail),
          )
        )
          found.classes.delete("trust-narrowed");
        found.add("unknown", {
          address,
          ...at(base, was.block),
          detail: `the trust it had named ${[...before].join(", ")}, which no file of this module declared: it could not be evaluated, so what it stops trusting is not known`,
        });
      }
    }
  }
  for (const [policy, f] of found.through) {
    const change = f.change(address, block.type, { through: policy });
    if (change) through.push(change);
  }
  return found.change(address, block.type, {
    ...(was ? { before: factsOf(was) } : {}),
    after: factsOf(now),
  });
}

/** Functions whose value differs on every run: a trigger that uses one fires on every apply. */
const VOLATILE = /\b(timestamp|plantimestamp|uuid|bcrypt)\s*\(/;

/** A reference to a module call's outputs, inside an expression as hcl2json writes it. */
const MODULE_REFERENCE = /\$\{[^}]*\bmodule\.[A-Za-z_]/;

/** `lifecycle { replace_triggered_by = [...] }` as written, and the resources it names. */
function triggersOf(side: Side, block: ModuleBlock) {
  const items = list(block.body.lifecycle)
    .map((l) => record(l).replace_triggered_by)
    .flatMap((t) => (t === undefined ? [] : Array.isArray(t) ? t : [t]));
  const addresses = new Set<string>();
  let unresolved = false;
  for (const item of items) {
    const named = referencedAddresses(item, side.module).filter((a) => !a.startsWith("data."));
    if (named.length === 0) unresolved = true;
    for (const a of named) addresses.add(a);
  }
  return { written: JSON.stringify(items), items, addresses: [...addresses].sort(), unresolved };
}

/**
 * `replace_triggered_by`: the resource is destroyed and recreated when what it names changes.
 * A trigger that is new or different, or a named resource that changes (or changes on every
 * apply, like `timestamp()`), is a replacement; a trigger that names nothing the files hold
 * cannot be judged.
 */
function compareTriggers(
  found: Found,
  address: string,
  base: Side,
  head: Side,
  was: ModuleBlock,
  now: ModuleBlock,
): void {
  const before = triggersOf(base, was);
  const after = triggersOf(head, now);
  if (after.items.length === 0) return;
  const where = { address, attribute: "lifecycle", ...at(head, now) };
  const recreated = `the ${now.type} is destroyed and recreated (a new ARN)`;
  const volatile = after.addresses.filter((a) => {
    const block = head.module.blocks.get(a);
    return block !== undefined && VOLATILE.test(JSON.stringify(block.body));
  });
  if (before.written !== after.written)
    found.add("replaced", {
      ...where,
      detail: `lifecycle.replace_triggered_by changes (now ${after.addresses.join(", ") || "unresolved"}): ${recreated} when what it names changes${
        volatile.length > 0 ? `, and ${volatile.join(", ")} changes on every apply` : ""
      }`,
    });
  // What a target evaluates to, not only how it is written: a variable's default or a local in
  // another file changes it as surely.
  const evaluated = (side: Side, block: ModuleBlock) =>
    JSON.stringify(
      toJson(
        evaluateJson(block.body, side.module.instancesOf(block)[0]?.scope ?? side.module.scope),
      ),
    );
  for (const target of after.addresses) {
    const old = base.module.blocks.get(target);
    const next = head.module.blocks.get(target);
    // A module's outputs are the child's, not evaluated here: whether they change is not known.
    if (next && MODULE_REFERENCE.test(JSON.stringify(next.body)))
      found.add("unknown", {
        ...where,
        detail: `${target} is fed by a module's output, which is not evaluated here, and lifecycle.replace_triggered_by names it: whether the ${now.type} is replaced cannot be told`,
      });
    if (old && next && same(old.body, next.body) && evaluated(base, old) === evaluated(head, next))
      continue;
    found.add("replaced", {
      ...where,
      detail: `${target} ${old ? "changes" : "is added"}, and lifecycle.replace_triggered_by names it: ${recreated}`,
    });
  }
  if (after.unresolved)
    found.add("unknown", {
      ...where,
      detail:
        "lifecycle.replace_triggered_by names something that is not a resource of this folder: when it replaces the resource cannot be told",
    });
}

/** Glue whose identity is not in the folder (`role = var.role_name`): its own change, in the same terms. */
function compareUnplacedGlue(
  address: string,
  base: Side,
  head: Side,
  was: ModuleBlock | undefined,
  now: ModuleBlock | undefined,
): ResourceChange | undefined {
  const found = new Found();
  const block = (now ?? was) as ModuleBlock;
  const before = was ? gluePermissions(base.module, was) : new Map<string, Permission>();
  const after = now ? gluePermissions(head.module, now) : new Map<string, Permission>();
  comparePermissionMaps(found, address, base, head, before, after);
  if (was && now) {
    const attributes = (side: Side, b: ModuleBlock) => {
      const forced = FORCES_NEW[b.type] ?? [];
      const forcesNew = new Map<string, string>();
      const other = new Map<string, string>();
      const instance = side.module.instancesOf(b)[0];
      if (!instance) return { forcesNew, other };
      for (const key of Object.keys(b.body)) {
        if (["policy", "policy_arn", "count", "for_each", "depends_on"].includes(key)) continue;
        const value = printed(side.module.attribute(b, key, instance));
        (forced.includes(key) ? forcesNew : other).set(key, value);
      }
      return { forcesNew, other };
    };
    compareAttributes(
      found,
      address,
      block.type,
      head,
      now,
      attributes(base, was),
      attributes(head, now),
    );
  }
  if (found.classes.size === 0) return undefined;
  const note = {
    address,
    ...at(now ? head : base, block),
    detail: `the identity it belongs to is not defined in this folder: the change is ${block.address}'s`,
  };
  // What this glue allows, for contracts: only part of the identity's permissions.
  const partial = `${block.address} is one policy of an identity defined elsewhere; others may allow it`;
  const facts = (permissions: Map<string, Permission>) => ({
    exists: true,
    policies: [...permissions.values()]
      .map((p) => p.document)
      .filter((d): d is PolicyDocument => d !== undefined),
    partial,
  });
  return found.change(address, block.type, {
    evidence: [...found.evidence, note],
    ...(was ? { before: facts(before) } : {}),
    ...(now ? { after: facts(after) } : {}),
  });
}

/** Locals and variables an identity's documents use that the folder does not declare. */
function undeclaredLocals(side: Side, facts: IdentityFacts): Set<string> {
  const texts = [
    facts.trust?.fingerprint ?? "",
    ...[...facts.permissions.values()].map((p) => p.fingerprint),
  ];
  const out = new Set<string>();
  for (const text of texts)
    for (const m of text.matchAll(/\$\{(local|var)\.([A-Za-z_][\w-]*)\}/g)) {
      const name = m[2] as string;
      const declared = m[1] === "local" ? side.module.locals.has(name) : side.variables.has(name);
      if (!declared) out.add(`${m[1]}.${name}`);
    }
  return out;
}

/** `moved` blocks of a side, as resource addresses without indexes: from -> to. */
function movesOf(files: readonly ModuleFile[]): Map<string, string> {
  const moves = new Map<string, string>();
  const address = (raw: unknown) =>
    typeof raw === "string" ? withoutIndexes(raw.replace(/^\$\{|\}$/g, "").trim()) : undefined;
  for (const file of files)
    for (const block of list(file.json.moved)) {
      const from = address(record(block).from);
      const to = address(record(block).to);
      if (from && to && from !== to) moves.set(from, to);
    }
  return moves;
}

/** A document whose every statement lets principals assume a role: a trust policy by its content. */
function onlyAssumes(document: PolicyDocument): boolean {
  return (
    document.statements.length > 0 &&
    document.statements.every(
      (s) =>
        (s.principals.length > 0 || s.notPrincipals.length > 0) &&
        s.actions.expressions.length === 0 &&
        s.actions.literal.every((a) =>
          /^sts:(AssumeRole\w*|TagSession|SetSourceIdentity)$/i.test(a),
        ),
    )
  );
}

/** Documents that reach an identity or glue (directly, through locals, or through other documents). */
function usedDocuments(side: Side): Set<string> {
  const used = new Set<string>();
  const queue: ModuleBlock[] = [...side.module.blocks.values()].filter(
    (b) => b.kind === "resource" && (IDENTITY_TYPES.includes(b.type) || isGlue(b.type)),
  );
  while (queue.length > 0) {
    const block = queue.pop() as ModuleBlock;
    for (const address of referencedAddresses(block.body, side.module)) {
      if (!address.startsWith("data.aws_iam_policy_document.") || used.has(address)) continue;
      used.add(address);
      const document = side.module.blocks.get(address);
      if (document) queue.push(document);
    }
  }
  return used;
}

/** A block that is neither an identity nor glue nor a document an identity uses: compared as written. */
function compareOtherBlock(
  address: string,
  base: Side,
  head: Side,
  was: ModuleBlock | undefined,
  now: ModuleBlock | undefined,
): ResourceChange | undefined {
  const block = (now ?? was) as ModuleBlock;
  const found = new Found();
  if (!now && was)
    found.add("deleted", {
      address,
      ...at(base, was),
      detail: "removed from the configuration: destroyed on apply",
    });
  else if (now && !was) found.add("added", { address, ...at(head, now), detail: "added" });
  else if (now && was && !same(now.body, was.body)) {
    if (block.kind === "data" && block.type === "aws_iam_policy_document") {
      const document = (side: Side, b: ModuleBlock) => {
        const instance = side.module.instancesOf(b)[0];
        return documentOf(instance ? side.module.policyDocument(b, instance) : null);
      };
      const old = document(base, was);
      const next = document(head, now);
      if (old.fingerprint !== next.fingerprint) {
        if (old.document && next.document) {
          // No role here uses it as assume_role_policy: it is read for what it allows (a bucket
          // or key policy has principals too, and is no trust), unless all it grants is to
          // assume a role.
          const result =
            onlyAssumes(old.document) && onlyAssumes(next.document)
              ? compareTrust(old.document, next.document)
              : comparePermissions(old.document, next.document);
          for (const klass of result.classes) found.classes.add(klass as ChangeClass);
          for (const detail of result.details)
            found.evidence.push({ address, ...at(head, now), detail });
        } else
          found.add("unknown", {
            address,
            ...at(head, now),
            detail: unknownDetail("the document", next.unknown ? next : old),
          });
        if (found.classes.size === 0)
          found.add("modified", {
            address,
            ...at(head, now),
            detail: "the document changed, not what it allows",
          });
      }
    } else {
      const keys = [...new Set([...Object.keys(was.body), ...Object.keys(now.body)])].sort();
      for (const key of keys.filter((k) => !same(was.body[k], now.body[k]))) {
        // A new or different replace_triggered_by replaces the resource when what it names changes.
        const triggered =
          key === "lifecycle" &&
          triggersOf(head, now).items.length > 0 &&
          triggersOf(base, was).written !== triggersOf(head, now).written;
        const forced = triggered || (FORCES_NEW[block.type] ?? []).includes(key);
        found.add(forced ? "replaced" : "modified", {
          address,
          attribute: key,
          ...at(head, now),
          detail: triggered
            ? `lifecycle.replace_triggered_by changes: the ${block.type} is destroyed and recreated when what it names changes`
            : forced
              ? `${key} changes: it cannot change in place, so the ${block.type} is destroyed and recreated`
              : `${key} changes`,
        });
      }
    }
  }
  // An exclusive list whose identity is not in this folder detaches what it does not name, and
  // what that is cannot be seen from here.
  const exclusive = EXCLUSIVE[block.type];
  if (exclusive && now && found.classes.size > 0 && !isPlacedHere(head, now, exclusive.type))
    found.add("unknown", {
      address,
      ...at(head, now),
      detail: `it makes the ${exclusive.inline ? "inline policies" : "attached policies"} of an identity not defined in this folder exactly its ${exclusive.list}: what it detaches cannot be told`,
    });
  return found.change(address, block.type);
}

/** Does an exclusive list name an identity of this folder (whose own change then tells it)? */
function isPlacedHere(side: Side, block: ModuleBlock, type: string): boolean {
  return referencedAddresses(block.body, side.module).some((a) => a.startsWith(`${type}.`));
}

/**
 * Every change of one module folder. `base`/`head` are all of its .tf files on each side
 * (undefined or empty where the folder does not exist). Read with the variables' defaults,
 * then as callers may set them (each flag flipped, empty inputs given values): what changes
 * only then says when.
 */
export function classifyTerraformModule(
  base: readonly ModuleFile[] | undefined,
  head: readonly ModuleFile[] | undefined,
  /** Files `file()` and `templatefile()` read, on each side, by path from the repository root. */
  assets: {
    readonly base?: ReadonlyMap<string, string>;
    readonly head?: ReadonlyMap<string, string>;
  } = {},
  /** The readings to make; default: the defaults, then what callers may set (scenariosOf). */
  scenarios: readonly Scenario[] = scenariosOf(base ?? [], head ?? []),
): ResourceChange[] {
  const merged = new Map<
    string,
    { change: ResourceChange; details: Set<string>; speculative: boolean }
  >();
  // The classes are what the change does to the module's existing callers: with the defaults,
  // or with inputs they may already be setting (a flag that creates the role, the provider
  // URLs a list defaults to none of). What happens only through an input the change adds, or
  // a value only a caller knows, is told in the evidence and makes the resource `modified` at
  // most: a dependent is at risk, not broken, by what nobody has switched on yet.
  let tooLarge = false;
  for (const scenario of scenarios) {
    if (tooLarge) break;
    // Each reading has its own budget: what is too large to evaluate is unknown, not a hang.
    // One that ran out says so; the other readings would only run out again, scenario after
    // scenario (a folder with sixty flags), so they are not made.
    const { value: changes, exhausted } = measuredWork(() =>
      changesIn(base ?? [], head ?? [], scenario.values, assets),
    );
    if (exhausted) tooLarge = true;
    for (const change of changes) {
      // A resource's own change and what it has only through a policy of the folder it
      // attaches are kept apart (the second is the policy's node's, not the resource's): as
      // one, whichever came first named the whole, and a role's trust change made in the same
      // change as its attached policy's went to the policy's node and left the role quiet.
      const key = `${change.address}\u0000${change.through ?? ""}`;
      const known = merged.get(key);
      const details = known?.details ?? new Set<string>();
      const fresh = change.evidence.filter((e) => {
        if (details.has(e.detail)) return false;
        details.add(e.detail);
        return true;
      });
      if (fresh.length === 0) continue;
      const evidence = fresh.map((e) =>
        scenario.label ? { ...e, detail: `${e.detail} (${scenario.label(e.detail)})` } : e,
      );
      const speculative = scenario.speculative === true;
      if (!known) {
        merged.set(key, {
          change: speculative
            ? {
                ...change,
                classes: ["modified"],
                evidence: [
                  {
                    ...(evidence[0] ?? {}),
                    detail:
                      "no change for the module's existing callers; it changes only for callers that opt in:",
                  },
                  ...evidence,
                ],
              }
            : { ...change, evidence },
          details,
          speculative,
        });
        continue;
      }
      const classes = speculative
        ? known.change.classes
        : known.speculative
          ? change.classes
          : [...new Set([...known.change.classes, ...change.classes])].sort(compareClasses);
      known.change = {
        ...known.change,
        classes,
        evidence: [...known.change.evidence, ...evidence],
      };
      if (!speculative) known.speculative = false;
    }
  }
  return [...merged.values()].map((m) => m.change).sort((a, b) => (a.address < b.address ? -1 : 1));
}

function changesIn(
  base: readonly ModuleFile[],
  head: readonly ModuleFile[],
  values: ReadonlyMap<string, Value>,
  assets: {
    readonly base?: ReadonlyMap<string, string>;
    readonly head?: ReadonlyMap<string, string>;
  },
): ResourceChange[] {
  const before = sideOf(base, values, assets.base ?? new Map());
  const after = sideOf(head, values, assets.head ?? new Map());
  const changes: ResourceChange[] = [];
  const union = <T>(a: Iterable<T>, b: Iterable<T>) => [...new Set([...a, ...b])].sort();

  // `moved { from, to }`: the same object at a new address, compared with what it was.
  const moves = movesOf(head);
  const movedFrom = new Map<string, string>();
  for (const [from, to] of moves)
    if (before.identities.has(from) && after.identities.has(to) && !after.identities.has(from))
      movedFrom.set(to, from);
  const gone = new Set(movedFrom.values());
  for (const address of union(before.identities.keys(), after.identities.keys())) {
    if (gone.has(address)) continue;
    const previous = movedFrom.get(address);
    const change = compareIdentity(
      address,
      before,
      after,
      before.identities.get(previous ?? address),
      after.identities.get(address),
      changes,
      moves,
    );
    if (previous) {
      const now = after.identities.get(address) as IdentityFacts;
      const evidence = {
        address,
        ...at(after, now.block),
        detail: `moved from ${previous} (a moved block): the same object at a new address`,
      };
      changes.push({
        ...(change ?? {
          system: "terraform" as const,
          address,
          type: now.block.type,
          evidence: [],
          before: factsOf(before.identities.get(previous)),
          after: factsOf(now),
        }),
        previousAddress: previous,
        classes: [...new Set<ChangeClass>(["renamed", ...(change?.classes ?? [])])].sort(
          compareClasses,
        ),
        evidence: [evidence, ...(change?.evidence ?? [])],
      });
      continue;
    }
    if (change) changes.push(change);
  }

  const unplaced = (side: Side) => new Map(side.unplacedGlue.map((b) => [b.address, b]));
  const glueBefore = unplaced(before);
  const glueAfter = unplaced(after);
  for (const address of union(glueBefore.keys(), glueAfter.keys())) {
    // Glue placed on one side and not the other is already an identity's change.
    const placedElsewhere =
      (!glueBefore.has(address) && before.module.blocks.has(address)) ||
      (!glueAfter.has(address) && after.module.blocks.has(address));
    if (placedElsewhere) continue;
    const change = compareUnplacedGlue(
      address,
      before,
      after,
      glueBefore.get(address),
      glueAfter.get(address),
    );
    if (change) changes.push(change);
  }

  const used = new Set([...usedDocuments(before), ...usedDocuments(after)]);
  const others = (side: Side) =>
    new Map(
      [...side.module.blocks.values()]
        .filter(
          (b) =>
            !IDENTITY_TYPES.includes(b.type) &&
            !isGlue(b.type) &&
            !used.has(b.address) &&
            (b.kind === "resource" || b.type === "aws_iam_policy_document"),
        )
        .map((b) => [b.address, b]),
    );
  const othersBefore = others(before);
  const othersAfter = others(after);
  for (const address of union(othersBefore.keys(), othersAfter.keys())) {
    const change = compareOtherBlock(
      address,
      before,
      after,
      othersBefore.get(address),
      othersAfter.get(address),
    );
    if (change) changes.push(change);
  }
  moduleCallChanges(base, head, before, after, changes);
  // Past the budget everything evaluates to the same unknown on both sides, which would read as
  // no change: every identity is unknown instead.
  if (workExhausted())
    for (const address of union(before.identities.keys(), after.identities.keys())) {
      const facts = (after.identities.get(address) ??
        before.identities.get(address)) as IdentityFacts;
      const evidence: Evidence = {
        address,
        ...at(after.identities.has(address) ? after : before, facts.block),
        detail:
          "the folder is too large to evaluate (it builds more than the evaluation budget allows): what changes for it cannot be told",
      };
      const i = changes.findIndex((c) => c.address === address && c.through === undefined);
      const known = changes[i];
      if (known?.classes.includes("unknown")) continue;
      if (known)
        changes[i] = {
          ...known,
          classes: [...known.classes, "unknown" as const].sort(compareClasses),
          evidence: [...known.evidence, evidence],
        };
      else
        changes.push({
          system: "terraform",
          address,
          type: facts.block.type,
          classes: ["unknown"],
          evidence: [evidence],
        });
    }
  return changes;
}

/** The module calls of one side's files: name -> the file holding it and its body as written. */
function moduleCalls(files: readonly ModuleFile[]): Map<string, { file: string; body: unknown }> {
  const out = new Map<string, { file: string; body: unknown }>();
  for (const file of files)
    for (const [name, bodies] of Object.entries(record(file.json.module)))
      out.set(name, { file: file.path, body: list(bodies)[0] ?? {} });
  return out;
}

/** The line of `module "name"` in a file, for evidence. */
function moduleLine(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`^\\s*module\\s+"${escaped}"`, "m").exec(text);
  return match ? text.slice(0, match.index).split("\n").length : undefined;
}

/**
 * A module call added, removed, or whose arguments (source, version, count, for_each, inputs)
 * changed, as written or as evaluated: its inputs reach the child module's resources, which are
 * not evaluated here, so the call is `unknown`, and so is every identity of this folder it is
 * handed (the child may attach a policy to it, or replace it).
 */
function moduleCallChanges(
  base: readonly ModuleFile[],
  head: readonly ModuleFile[],
  before: Side,
  after: Side,
  changes: ResourceChange[],
): void {
  const was = moduleCalls(base);
  const now = moduleCalls(head);
  const evaluated = (side: Side, body: unknown) =>
    JSON.stringify(toJson(evaluateJson(body, side.module.scope)));
  for (const name of [...new Set([...was.keys(), ...now.keys()])].sort()) {
    const old = was.get(name);
    const next = now.get(name);
    if (
      old &&
      next &&
      JSON.stringify(old.body) === JSON.stringify(next.body) &&
      evaluated(before, old.body) === evaluated(after, next.body)
    )
      continue;
    const address = `module.${name}`;
    const side = next ? after : before;
    const call = (next ?? old) as { file: string; body: unknown };
    const line = moduleLine(side.texts.get(call.file), name);
    const what = !old ? "added" : !next ? "removed" : "changed";
    const where = { file: call.file, ...(line ? { line } : {}) };
    // A `file` change: it concerns every node matching the file, whichever resources the node
    // names, since the resources it reaches are the child's, under addresses not read here.
    changes.push({
      system: "file",
      address,
      type: "module",
      classes: ["unknown"],
      evidence: [
        {
          address,
          ...where,
          detail: `module call ${what}: its inputs reach the child module's resources, which are not evaluated here`,
        },
      ],
    });
    const handed = new Set([
      ...(old ? referencedAddresses(old.body, before.module) : []),
      ...(next ? referencedAddresses(next.body, after.module) : []),
    ]);
    for (const identity of handed) {
      if (!before.identities.has(identity) && !after.identities.has(identity)) continue;
      const evidence: Evidence = {
        address: identity,
        ...where,
        detail: `handed to module "${name}", whose call is ${what}: what the child module does with it (a policy it attaches, a replacement) is not evaluated here`,
      };
      const i = changes.findIndex((c) => c.address === identity && c.through === undefined);
      const known = changes[i];
      if (known)
        changes[i] = {
          ...known,
          classes: [...new Set([...known.classes, "unknown" as const])].sort(compareClasses),
          evidence: [...known.evidence, evidence],
        };
      else
        changes.push({
          system: "terraform",
          address: identity,
          type: identity.split(".")[0] as string,
          classes: ["unknown"],
          evidence: [evidence],
        });
    }
  }
}
