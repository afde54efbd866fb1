// A CloudFormation template at base and at head compared resource by resource (by logical id,
// as CloudFormation itself does): IAM identities by whom they trust and what they may do,
// through the same IAM evaluation as Terraform; every other resource by its properties, with
// AWS's own table of the updates that replace a resource. What only the deploy can tell (a
// parameter's value, a condition, another stack's export, a macro's expansion) is `unknown`,
// naming it.

import { CLOUDFORMATION_NODE_KINDS } from "../adopt/draft-templates.js";
import { compareClasses } from "../classes.js";
import type { ChangeClass } from "../model.js";
import { resourceAddress } from "./cloudformation-address.js";
import {
  ATTACHES,
  attachedTo,
  documentOf,
  type Held,
  IDENTITY_TYPES,
  type IdentityFacts,
  identitiesOf,
  identityNamed,
  isPolicyType,
  READ_AS_POLICIES,
  type TemplateDocument,
} from "./cloudformation-identities.js";
import { replacementOf } from "./cloudformation-replacement.js";
import {
  readTemplate,
  referencesOf,
  type Template,
  type TemplateParameter,
  type TemplateResource,
} from "./cloudformation-template.js";
import { settleDeployValues } from "./cloudformation-unknowns.js";
import { type ResolvedValue, Resolver, stable, TemplateTooLarge } from "./cloudformation-values.js";
import type { DiscoveredReference, Evidence, ResourceChange, ResourceFacts } from "./evidence.js";
import { list, record } from "./json-shapes.js";
import { comparePermissions, compareTrust, type PolicyDocument } from "./policy.js";

/** CloudFormation allows 500 resources a template; beyond this a file is not compared. */
export const MAX_TEMPLATE_RESOURCES = 2_000;
/** References returned per template, at most. */
export const MAX_TEMPLATE_REFERENCES = 10_000;

/** Where a finding is: evidence but for its sentence. */
type Where = Omit<Evidence, "detail">;

const EMPTY: PolicyDocument = { statements: [] };

/** One side of the change: the template, its resolver, and its identities (built on demand). */
class Side {
  readonly resolver: Resolver;
  private identities?: Map<string, IdentityFacts>;
  constructor(readonly template: Template) {
    this.resolver = new Resolver(template);
  }
  identity(id: string): IdentityFacts | undefined {
    this.identities ??= identitiesOf(this.template, this.resolver);
    return this.identities.get(id);
  }
  property(r: TemplateResource, name: string): ResolvedValue {
    return this.resolver.resolve(r.properties[name]);
  }
  line(id: string, property?: string): number | undefined {
    const t = this.template;
    return (
      (property === undefined ? undefined : t.lineOf(["Resources", id, "Properties", property])) ??
      t.resources.get(id)?.line ??
      t.lineOf(["Resources", id])
    );
  }
}

/** Names of a section whose declarations differ between the sides (added, removed, rewritten). */
function differing(
  a: ReadonlyMap<string, unknown>,
  b: ReadonlyMap<string, unknown>,
  kind: string,
  out: Map<string, string>,
): void {
  for (const name of new Set([...a.keys(), ...b.keys()])) {
    const was = a.get(name);
    const now = b.get(name);
    if (was === undefined) out.set(`${kind} ${name}`, "it is added");
    else if (now === undefined) out.set(`${kind} ${name}`, "it is removed");
    else if (stable(was) !== stable(now)) out.set(`${kind} ${name}`, "its declaration changes");
  }
}

/** Stands for an input a condition reads that cannot be named: it may rest on anything. */
const ANYTHING = "*";
const SUB_NAME = /\$\{([^}!][^}]*)\}/g;

/**
 * The inputs a condition's body reads: `parameter X` (`Ref`, `${X}` in a `Fn::Sub`),
 * `mapping M` (`Fn::FindInMap`), `condition C`; ANYTHING where one cannot be named. Walked
 * without recursion: a body is as deep as its parser allows.
 */
function inputsOf(body: unknown): Set<string> {
  const out = new Set<string>();
  const stack: unknown[] = [body];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      stack.push(...v);
      continue;
    }
    if (v === null || typeof v !== "object") continue;
    const r = v as Record<string, unknown>;
    const keys = Object.keys(r);
    const [key] = keys;
    const arg = key === undefined ? undefined : r[key];
    if (keys.length === 1 && key === "Ref") {
      if (typeof arg === "string") {
        if (!arg.startsWith("AWS::")) out.add(`parameter ${arg}`);
      } else out.add(ANYTHING);
    } else if (keys.length === 1 && key === "Condition") {
      out.add(typeof arg === "string" ? `condition ${arg}` : ANYTHING);
    } else if (keys.length === 1 && key === "Fn::Sub") {
      const [text, vars] = typeof arg === "string" ? [arg, {}] : Array.isArray(arg) ? arg : [];
      if (typeof text !== "string") out.add(ANYTHING);
      else {
        const own = vars !== null && typeof vars === "object" ? (vars as object) : {};
        for (const m of text.matchAll(SUB_NAME)) {
          const name = (m[1] as string).trim();
          if (!Object.hasOwn(own, name) && !name.includes(".") && !name.startsWith("AWS::"))
            out.add(`parameter ${name}`);
        }
        stack.push(vars);
      }
    } else if (keys.length === 1 && key === "Fn::FindInMap") {
      const [map] = Array.isArray(arg) ? arg : [];
      out.add(typeof map === "string" ? `mapping ${map}` : ANYTHING);
      stack.push(arg);
    } else if (keys.length === 1 && key === "Fn::Transform") out.add(ANYTHING);
    else stack.push(...Object.values(r));
  }
  return out;
}

export class ChangedInputs {
  private readonly own = new Map<string, string>();
  /** Conditions that rest, through others or not, on what changed: why each may now hold otherwise. */
  private readonly reached = new Map<string, string>();

  constructor(base: Template, head: Template) {
    // What bounds a parameter's value (Default, Type, AllowedValues …); its words do not.
    const bounds = (p: TemplateParameter) => {
      const { Description, ConstraintDescription, ...rest } = record(p.declaration);
      return p.declaration === undefined ? p : rest;
    };
    const declared = (t: Template) =>
      new Map([...t.parameters].map(([k, p]) => [k, bounds(p)] as const));
    differing(declared(base), declared(head), "parameter", this.own);
    const show = (v: unknown) => (v === undefined ? "none" : stable(v));
    for (const [name, a] of base.parameters) {
      const b = head.parameters.get(name);
      if (!b || !this.own.has(`parameter ${name}`)) continue;
      if (stable(a.default) !== stable(b.default))
        this.own.set(
          `parameter ${name}`,
          `its Default changes from ${show(a.default)} to ${show(b.default)}`,
        );
      else if (a.type !== b.type)
        this.own.set(`parameter ${name}`, `its Type changes from ${a.type} to ${b.type}`);
    }
    differing(
      new Map(Object.entries(base.mappings)),
      new Map(Object.entries(head.mappings)),
      "mapping",
      this.own,
    );
    differing(base.conditions, head.conditions, "condition", this.own);
    if (this.own.size === 0) return;
    // Who reads each input, on either side; conditions reading what cannot be named read all.
    const readers = new Map<string, string[]>();
    const unnamed: string[] = [];
    for (const t of [base, head])
      for (const [name, body] of t.conditions)
        for (const input of inputsOf(body)) {
          if (input === ANYTHING) unnamed.push(name);
          else {
            const list = readers.get(input);
            if (list) list.push(name);
            else readers.set(input, [name]);
          }
        }
    const names = [...this.own.keys()];
    const summary = `the template's ${names.slice(0, 3).join(", ")}${names.length > 3 ? ` and ${(names.length - 3).toLocaleString("en-US")} more` : ""} change${names.length === 1 ? "s" : ""}, and it reads values that cannot be followed`;
    // From each input that changed to the conditions resting on it, each condition once.
    const queue: [string, string][] = [];
    const reach = (condition: string, why: string) => {
      if (this.reached.has(condition) || this.own.has(`condition ${condition}`)) return;
      this.reached.set(condition, why);
      queue.push([`condition ${condition}`, why]);
    };
    for (const name of unnamed) reach(name, summary);
    for (const input of names) queue.push([input, `it rests on ${input}, which changes`]);
    for (let next = 0; next < queue.length; next++) {
      const [input, why] = queue[next] as [string, string];
      for (const condition of readers.get(input) ?? []) reach(condition, why);
    }
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  get(key: string): string | undefined {
    const own = this.own.get(key);
    if (own !== undefined) return own;
    return key.startsWith("condition ") ? this.reached.get(key.slice(10)) : undefined;
  }
}

/**
 * Values as a template writes them: `{AWS::AccountId}` and `{Bucket.Arn}` (how the resolver
 * keeps pseudo-parameters and the template's resources) as `${AWS::AccountId}`, `${Bucket.Arn}`.
 */
const asWritten = (detail: string) =>
  detail.replace(/(?<!\$)\{((?:AWS::)?[A-Za-z0-9]+(?:\.[A-Za-z0-9.]+)?)\}/g, "$${$1}");

/** Evidence lines per resource, at most: one policy held by many roles says each of them. */
export const MAX_EVIDENCE_LINES = 50;

/** What is found for one resource, and for the identities it changes through policies of the template. */
class Found {
  /** `attributes` is shared with the identity a policy's findings are said through. */
  constructor(attributes?: Set<string>) {
    if (attributes) this.attributes = attributes;
  }
  readonly classes = new Set<ChangeClass>();
  readonly evidence: Evidence[] = [];
  readonly through = new Map<string, Found>();
  /** Properties something was said of, here or through a policy. */
  readonly attributes = new Set<string>();
  /** Lines past MAX_EVIDENCE_LINES, counted, not kept. */
  private more = 0;
  add(klass: ChangeClass | readonly ChangeClass[], evidence: Evidence): void {
    for (const k of typeof klass === "string" ? [klass] : klass) this.classes.add(k);
    if (evidence.attribute !== undefined) this.attributes.add(evidence.attribute);
    if (this.evidence.length >= MAX_EVIDENCE_LINES) this.more++;
    else this.evidence.push({ ...evidence, detail: asWritten(evidence.detail) });
  }
  /** The evidence kept, and a line saying how many more there were. */
  lines(): Evidence[] {
    if (this.more === 0) return this.evidence;
    const last = this.evidence[this.evidence.length - 1] as Evidence;
    return [
      ...this.evidence,
      {
        address: last.address,
        file: last.file,
        detail: `…and ${this.more.toLocaleString("en-US")} more`,
      },
    ];
  }
  via(policy: string): Found {
    let f = this.through.get(policy);
    if (!f) {
      f = new Found(this.attributes);
      this.through.set(policy, f);
    }
    return f;
  }
}

interface Context {
  readonly base: Side;
  readonly head: Side;
  readonly file: string;
  readonly baseFile: string;
  readonly changed: ChangedInputs;
  /** Said of every changed resource: the template's macros. */
  readonly macros: readonly string[];
}

/** Reasons a value rests on that changed, as a sentence; undefined when none did. */
function changedReasons(on: readonly string[], changed: ChangedInputs): string | undefined {
  const hit = [...new Set(on)].filter((o) => changed.has(o)).map((o) => `${o} (${changed.get(o)})`);
  return hit.length > 0 ? hit.join("; ") : undefined;
}

/** The IAM comparison speaks of Terraform's plan and apply; a template is deployed. */
const deployWords = (detail: string) =>
  detail
    .replace(/not known before apply/g, "known only on deploy")
    .replace(/known only at plan or apply/g, "known only on deploy");

/** What a value known only on deploy rests on, after the sentence that says so. */
const onText = (on: readonly string[]) => (on.length > 0 ? ` (${on.join(", ")})` : "");

/** A trust policy compared; values known only on deploy make it `unknown`, naming them. */
function compareTrustDocs(
  found: Found,
  was: TemplateDocument | undefined,
  now: TemplateDocument | undefined,
  where: Where,
  changed: ChangedInputs,
): void {
  const why = changedReasons([...(was?.on ?? []), ...(now?.on ?? [])], changed);
  if (was?.fingerprint === now?.fingerprint && !why) return;
  if (!was?.document || !now?.document) {
    found.add("unknown", {
      ...where,
      detail: `who may assume it cannot be read: ${(now ?? was)?.unreadable ?? "no trust policy"}`,
    });
    return;
  }
  const result = compareTrust(was.document, now.document);
  const known = result.known;
  // A principal named before that gives way to one written with a parameter (or another value
  // known only on deploy) of the same type may be the very same one: not a sure narrowing.
  const expressed = new Set(
    now.document.statements.flatMap((st) =>
      st.principals.filter((p) => p.ids.expressions.length > 0).map((p) => p.type),
    ),
  );
  const maybeSame = (d: string) => {
    const type = /^no longer trusts (\S+) /.exec(d)?.[1];
    return type !== undefined && expressed.has(type);
  };
  const narrowing = result.details.filter((d) =>
    /^(no longer trusts|trusts .* only under more|changed the conditions)/.test(d),
  );
  const sureNarrowed = narrowing.some((d) => !maybeSame(d));
  const classes: ChangeClass[] = known
    ? [
        ...(known.narrowed && sureNarrowed ? (["trust-narrowed"] as const) : []),
        ...(known.widened ? (["trust-widened"] as const) : []),
        ...(known.unknown || (known.narrowed && !sureNarrowed) ? (["unknown"] as const) : []),
      ]
    : (result.classes as ChangeClass[]);
  const on = [...new Set([...was.on, ...now.on])];
  for (const detail of result.details)
    found.add(classes, {
      ...where,
      detail: maybeSame(detail)
        ? `${deployWords(detail).replace(/^no longer trusts/, "no longer names")}, and now trusts a principal known only on deploy: the same one or not`
        : deployWords(detail),
    });
  if ((known?.unknown || !sureNarrowed) && on.length > 0)
    found.add(classes, {
      ...where,
      detail: `whom it trusts depends on ${on.join(", ")}, known only when the stack is deployed`,
    });
  if (why)
    found.add("unknown", {
      ...where,
      detail: `the trust policy uses ${why}: whom it trusts on deploy is not known`,
    });
}

/**
 * Comparisons by the two documents' fingerprints: one policy attached to many identities is
 * compared once, however many hold it (a template may attach one policy to hundreds of roles).
 */
const comparisons = new Map<string, ReturnType<typeof comparePermissions>>();

type Compared = { readonly fingerprint?: string; readonly document?: PolicyDocument };

function permissionsChange(
  was: Compared | undefined,
  now: Compared | undefined,
): ReturnType<typeof comparePermissions> {
  const key = `${was?.fingerprint ?? ""}\u0000${now?.fingerprint ?? ""}`;
  let r = comparisons.get(key);
  if (!r) {
    const before = was?.document ?? EMPTY;
    const after = now?.document ?? EMPTY;
    r = settleDeployValues(before, after, comparePermissions(before, after));
    comparisons.set(key, r);
  }
  return r;
}

const denies = (doc: PolicyDocument) => doc.statements.some((st) => st.effect === "Deny");

/** A permissions document compared (one side absent: attached or detached). */
function comparePermissionDocs(
  found: Found,
  label: string,
  was: Held | undefined,
  now: Held | undefined,
  where: Where,
  changed: ChangedInputs,
): void {
  const on = [...new Set([...(was?.on ?? []), ...(now?.on ?? [])])];
  const why = changedReasons(on, changed);
  if (was && now && was.fingerprint === now.fingerprint && !why) return;
  if (was && !now) {
    if (was.document) {
      const r = permissionsChange(was, undefined);
      // A policy that only denies takes away what others allow: detached, it gives it back.
      if (r.classes.length === 0)
        found.add(denies(was.document) ? "permissions-added" : "modified", {
          ...where,
          detail: `no longer has ${label}, which ${denies(was.document) ? "only denied" : "allowed nothing"}`,
        });
      for (const d of r.details)
        found.add(r.classes as ChangeClass[], { ...where, detail: `no longer has ${label}: ${d}` });
    } else
      found.add(was.denyOnly ? "permissions-added" : "permissions-removed", {
        ...where,
        detail: `no longer has ${label} attached${was.denyOnly ? " (it only denies)" : ": what it allowed is no longer allowed"}`,
      });
    return;
  }
  if (!was && now) {
    if (now.document) {
      const r = permissionsChange(undefined, now);
      if (r.classes.length === 0)
        found.add(denies(now.document) ? "permissions-removed" : "modified", {
          ...where,
          detail: `now has ${label}, which ${denies(now.document) ? "only denies" : "allows nothing"}`,
        });
      for (const d of r.details)
        found.add(r.classes as ChangeClass[], { ...where, detail: `now has ${label}: ${d}` });
    } else if (now.awsManaged)
      found.add("permissions-added", {
        ...where,
        detail: `now has ${label} attached: an AWS managed policy, which only allows: what it allows is added`,
      });
    else
      found.add(["permissions-added", "unknown"], {
        ...where,
        detail: `now has ${label} attached: its document is not in the template${onText(on)}`,
      });
    return;
  }
  if (!was || !now) return;
  if (!was.document || !now.document) {
    found.add("unknown", {
      ...where,
      detail: `${label} changes and cannot be read: ${now.unreadable ?? was.unreadable ?? "its document is not in the template"}${was.unreadable || now.unreadable ? "" : onText(on)}`,
    });
    return;
  }
  const r = permissionsChange(was, now);
  for (const d of r.details)
    found.add(r.classes as ChangeClass[], {
      ...where,
      detail: `${label}: ${deployWords(d)}${/known only|before apply/.test(d) ? onText(on) : ""}`,
    });
  if (why)
    found.add("unknown", {
      ...where,
      detail: `${label} uses ${why}: what it allows on deploy is not known`,
    });
}

/** An identity's policies compared, key by key. */
function compareHeld(
  found: Found,
  ctx: Context,
  id: string,
  was: ReadonlyMap<string, Held>,
  now: ReadonlyMap<string, Held>,
): void {
  for (const key of new Set([...was.keys(), ...now.keys()])) {
    const a = was.get(key);
    const b = now.get(key);
    const side = b ? ctx.head : ctx.base;
    const held = (b ?? a) as Held;
    const where: Where = {
      address: resourceAddress(ctx.file, id),
      attribute: held.property,
      file: b ? ctx.file : ctx.baseFile,
      ...lineOf(side.line(held.in, held.property)),
    };
    // A policy resource of the template held before and after: what it allows is its own
    // change; the identity has it through that policy (a node for the policy carries it).
    const target =
      a && b && a.through !== undefined && a.through === b.through ? found.via(a.through) : found;
    comparePermissionDocs(target, held.label, a, b, where, ctx.changed);
  }
}

const lineOf = (line: number | undefined) => (line === undefined ? {} : { line });

/** The CDK construct a resource comes from, for the evidence. */
function cdkPath(r: TemplateResource | undefined): string | undefined {
  const path = r?.metadata["aws:cdk:path"];
  return typeof path === "string" ? path : undefined;
}

/** Facts of one side, for contracts. */
function factsOf(side: Side | undefined, r: TemplateResource | undefined): ResourceFacts {
  if (!side || !r) return { exists: false, policies: [] };
  if (r.type === "AWS::IAM::Role" || r.type === "AWS::IAM::User" || r.type === "AWS::IAM::Group") {
    const facts = side.identity(r.logicalId);
    const policies = [...(facts?.held.values() ?? [])]
      .map((h) => h.document)
      .filter((d): d is PolicyDocument => d !== undefined);
    return {
      exists: true,
      ...(facts?.trust?.document ? { trust: facts.trust.document } : {}),
      policies,
    };
  }
  if (isPolicyType(r.type)) {
    const doc = documentOf(side.property(r, "PolicyDocument")).document;
    return { exists: true, policies: doc ? [doc] : [] };
  }
  return { exists: true, policies: [] };
}

/** Properties of a resource compared as plain values (replacement from AWS's table). */
function compareProperties(
  found: Found,
  ctx: Context,
  a: TemplateResource,
  b: TemplateResource,
): void {
  const skip = new Set(READ_AS_POLICIES[b.type] ?? []);
  const names = new Set([...Object.keys(a.properties), ...Object.keys(b.properties)]);
  const macro =
    (ctx.macros.length > 0 && !/^(?:AWS|Custom|Alexa)::/.test(b.type)) ||
    b.type.startsWith("AWS::Serverless::");
  for (const name of [...names].sort()) {
    if (skip.has(name)) continue;
    const was = ctx.base.property(a, name);
    const now = ctx.head.property(b, name);
    const why = changedReasons([...was.on, ...now.on], ctx.changed);
    const written = stable(was.value) !== stable(now.value);
    if (!written && !why) continue;
    const where: Where = {
      address: resourceAddress(ctx.file, b.logicalId),
      attribute: name,
      file: ctx.file,
      ...lineOf(ctx.head.line(b.logicalId, name)),
    };
    const change = `${name} changes${written ? `: ${short(was.value)} → ${short(now.value)}` : ""}`;
    if (macro) {
      found.add("unknown", {
        ...where,
        detail: `${change}: ${b.type} is expanded by the macro ${ctx.macros.join(", ") || "of its type"} on deploy, and the resources it becomes are not compared`,
      });
      continue;
    }
    const replaces = replacementOf(b.type, name);
    const on = [...new Set([...was.on, ...now.on])];
    // Written on one side only, it changes whatever parameter it held, unless that side may
    // leave it out on deploy (`!If [UseName, !Ref Name, !Ref AWS::NoValue]`).
    const present = Object.hasOwn(a.properties, name) ? a : b;
    const oneSided =
      Object.hasOwn(a.properties, name) !== Object.hasOwn(b.properties, name) &&
      !stable(present.properties[name]).includes('"AWS::NoValue"');
    if (replaces === "yes" && (oneSided || (on.length === 0 && written)))
      found.add("replaced", {
        ...where,
        detail: `${change}: updating ${name} replaces the resource (CloudFormation creates a new one and deletes the old)`,
      });
    else if (replaces === "yes")
      found.add("unknown", {
        ...where,
        detail: `${change}: updating ${name} replaces the resource, and whether its value changes is known only on deploy (${why ?? on.join(", ")})`,
      });
    else if (replaces === "maybe")
      found.add("unknown", {
        ...where,
        detail: `${change}: may be replaced (CloudFormation: Conditional)${on.length > 0 ? `; it depends on ${on.join(", ")}` : ""}`,
      });
    else
      found.add("modified", {
        ...where,
        detail: why ? `${change}: it uses ${why}` : change,
      });
  }
}

/** A list's items in any order (their order means nothing to IAM), else the value: as text. */
function unordered(v: unknown): string {
  return Array.isArray(v) ? stable(v.map((x) => stable(x)).sort()) : stable(v);
}

/**
 * An IAM property whose value differs between the sides always says something: where the
 * comparison found nothing to say (a document it could not read on either side, chosen by
 * `Fn::If` on both), `unknown`; where both sides are plain values it compared, `modified`.
 */
function saySilentIam(
  found: Found,
  ctx: Context,
  a: TemplateResource,
  b: TemplateResource,
  where: Where,
): void {
  for (const name of READ_AS_POLICIES[b.type] ?? []) {
    if (found.attributes.has(name)) continue;
    if (unordered(a.properties[name]) === unordered(b.properties[name])) continue;
    const was = ctx.base.property(a, name);
    const now = ctx.head.property(b, name);
    // Written otherwise to the same value (`Fn::Join` for `Fn::Sub`): the same on deploy.
    if (unordered(was.value) === unordered(now.value)) continue;
    const open = was.structural || now.structural || was.on.length + now.on.length > 0;
    const at: Where = { ...where, attribute: name, ...lineOf(ctx.head.line(b.logicalId, name)) };
    if (open)
      found.add("unknown", {
        ...at,
        detail: `${name} is written otherwise and cannot be compared: it rests on ${[...new Set([...was.on, ...now.on])].join(", ") || "values known only on deploy"}`,
      });
    else
      found.add("modified", {
        ...at,
        detail: `${name} changes: ${short(was.value)} → ${short(now.value)}`,
      });
  }
}

/** A value in a sentence: short. */
function short(v: unknown): string {
  if (v === undefined || v === null) return "none";
  const text = typeof v === "string" ? JSON.stringify(v) : stable(v);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** The IAM-specific part of a resource present on both sides. */
function compareIdentity(
  found: Found,
  ctx: Context,
  a: TemplateResource,
  b: TemplateResource,
): void {
  const id = b.logicalId;
  const address = resourceAddress(ctx.file, id);
  const at = (property: string): Where => ({
    address,
    attribute: property,
    file: ctx.file,
    ...lineOf(ctx.head.line(id, property)),
  });
  if (b.type === "AWS::IAM::Role" || b.type === "AWS::IAM::User" || b.type === "AWS::IAM::Group") {
    const was = ctx.base.identity(a.logicalId);
    const now = ctx.head.identity(id);
    if (b.type === "AWS::IAM::Role")
      compareTrustDocs(found, was?.trust, now?.trust, at("AssumeRolePolicyDocument"), ctx.changed);
    compareHeld(found, ctx, id, was?.held ?? new Map(), now?.held ?? new Map());
    const bw = was?.boundary;
    const bn = now?.boundary;
    if (stable(bw?.value) !== stable(bn?.value)) {
      if (bn === undefined)
        found.add("permissions-added", {
          ...at("PermissionsBoundary"),
          detail: "its permissions boundary is removed: it may do whatever its policies allow",
        });
      else
        found.add(["permissions-removed", "unknown"], {
          ...at("PermissionsBoundary"),
          detail: `its permissions boundary ${bw === undefined ? "is set" : "changes"} to ${short(bn.value)}: it may do at most what that policy allows, whose document is not compared`,
        });
    }
    return;
  }
  if (isPolicyType(b.type)) {
    const was = documentOf(ctx.base.property(a, "PolicyDocument"));
    const now = documentOf(ctx.head.property(b, "PolicyDocument"));
    comparePermissionDocs(
      found,
      "its document",
      { key: "", label: "", property: "PolicyDocument", in: id, ...was },
      { key: "", label: "", property: "PolicyDocument", in: id, ...now },
      at("PolicyDocument"),
      ctx.changed,
    );
    // Identities it no longer (or newly) names that the template does not hold: the change is
    // said here, on the policy (those it holds have it as their own change).
    const before = attachedTo(a, ctx.base.template, ctx.base.resolver);
    const after = attachedTo(b, ctx.head.template, ctx.head.resolver);
    const held = (who: string) => ctx.head.template.resources.has(who.split("\u0000")[1] ?? "");
    for (const [who, { property, label }] of before)
      if (!after.has(who))
        found.add(held(who) ? "modified" : "permissions-removed", {
          ...at(property),
          detail: `no longer attached to ${label}`,
        });
    for (const [who, { property, label }] of after)
      if (!before.has(who))
        found.add(held(who) ? "modified" : "permissions-added", {
          ...at(property),
          detail: `now attached to ${label}`,
        });
    return;
  }
  if (b.type === "AWS::IAM::InstanceProfile") {
    const was = list(ctx.base.property(a, "Roles").value).map((x) => stable(x));
    const now = list(ctx.head.property(b, "Roles").value).map((x) => stable(x));
    for (const r of was.filter((x) => !now.includes(x)))
      found.add("permissions-removed", {
        ...at("Roles"),
        detail: `no longer holds role ${r}: instances started with it lose that role's permissions`,
      });
    for (const r of now.filter((x) => !was.includes(x)))
      found.add("permissions-added", { ...at("Roles"), detail: `now holds role ${r}` });
    return;
  }
  if (b.type === "AWS::IAM::UserToGroupAddition") {
    // Each user it no longer adds loses the group's permissions; one it adds gains them. Users
    // of the template hold the membership themselves (said on them); the rest are said here.
    const members = (side: Side, r: TemplateResource) => {
      const group = stable(side.property(r, "GroupName").value);
      return new Map(
        list(side.property(r, "Users").value).map((u) => {
          const user = identityNamed(u, side.template, side.resolver, "AWS::IAM::User");
          return [
            `${group}\u0000${user ?? stable(u)}`,
            user ?? (typeof u === "string" ? short(u).slice(1, -1) : short(u)),
          ];
        }),
      );
    };
    const was = members(ctx.base, a);
    const now = members(ctx.head, b);
    const group = short(ctx.head.property(b, "GroupName").value);
    const own = (side: Side, user: string) =>
      side.template.resources.get(user)?.type === "AWS::IAM::User";
    for (const [key, user] of was)
      if (!now.has(key))
        found.add(own(ctx.base, user) ? "modified" : "permissions-removed", {
          ...at("Users"),
          detail: `no longer adds user ${user} to group ${short(ctx.base.property(a, "GroupName").value)}: it loses the group's permissions${own(ctx.base, user) ? " (said of that user)" : ""}`,
        });
    for (const [key, user] of now)
      if (!was.has(key))
        found.add(own(ctx.head, user) ? "modified" : "permissions-added", {
          ...at("Users"),
          detail: `now adds user ${user} to group ${group}: it gains the group's permissions${own(ctx.head, user) ? " (said of that user)" : ""}`,
        });
    return;
  }
  if (b.type === "AWS::IAM::OIDCProvider") {
    for (const property of ["ClientIdList", "ThumbprintList"]) {
      const was = list(ctx.base.property(a, property).value).map((x) => stable(x));
      const now = list(ctx.head.property(b, property).value).map((x) => stable(x));
      for (const v of was.filter((x) => !now.includes(x)))
        found.add("trust-narrowed", {
          ...at(property),
          detail: `${property} no longer holds ${v}: tokens issued for it are no longer accepted`,
        });
      for (const v of now.filter((x) => !was.includes(x)))
        found.add("trust-widened", { ...at(property), detail: `${property} now holds ${v}` });
    }
  }
}

/** The change of one resource present on both sides; undefined when nothing changed. */
function compareResource(ctx: Context, a: TemplateResource, b: TemplateResource): ResourceChange[] {
  const id = b.logicalId;
  const address = resourceAddress(ctx.file, id);
  const found = new Found();
  const where: Where = { address, file: ctx.file, ...lineOf(ctx.head.line(id)) };
  if (a.type !== b.type) {
    found.add("replaced", {
      ...where,
      attribute: "Type",
      detail: `its Type changes from ${a.type} to ${b.type}: CloudFormation replaces it`,
    });
  } else {
    if (IDENTITY_TYPES.has(b.type)) {
      compareIdentity(found, ctx, a, b);
      saySilentIam(found, ctx, a, b, where);
    }
    compareProperties(found, ctx, a, b);
  }
  if (a.condition !== b.condition)
    found.add("unknown", {
      ...where,
      attribute: "Condition",
      detail: `it is created ${b.condition ? `only when condition ${b.condition} holds` : "unconditionally"} where it was ${a.condition ? `only when condition ${a.condition} held` : "created unconditionally"}: whether it exists on deploy is not known`,
    });
  else if (b.condition && ctx.changed.has(`condition ${b.condition}`))
    found.add("unknown", {
      ...where,
      attribute: "Condition",
      detail: `it is created only when condition ${b.condition} holds, and ${ctx.changed.get(`condition ${b.condition}`)}: whether it exists on deploy is not known`,
    });
  if (a.deletionPolicy !== b.deletionPolicy || a.updateReplacePolicy !== b.updateReplacePolicy)
    found.add("modified", {
      ...where,
      detail: `its DeletionPolicy/UpdateReplacePolicy changes: ${a.deletionPolicy ?? "Delete"}/${a.updateReplacePolicy ?? "Delete"} → ${b.deletionPolicy ?? "Delete"}/${b.updateReplacePolicy ?? "Delete"}`,
    });
  const out: ResourceChange[] = [];
  const cdk = cdkPath(b);
  const tag = (evidence: readonly Evidence[]) =>
    cdk ? evidence.map((e) => ({ ...e, detail: `${e.detail} (CDK ${cdk})` })) : evidence;
  for (const [policy, f] of found.through)
    if (f.classes.size > 0)
      out.push({
        system: "cloudformation",
        address,
        type: b.type,
        classes: [...f.classes].sort(compareClasses),
        evidence: tag(f.lines()),
        through: policy,
      });
  if (found.classes.size > 0)
    out.push({
      system: "cloudformation",
      address,
      ...(ctx.baseFile !== ctx.file
        ? { previousAddress: resourceAddress(ctx.baseFile, a.logicalId) }
        : {}),
      type: b.type,
      classes: [...found.classes].sort(compareClasses),
      evidence: tag(found.lines()),
      before: factsOf(ctx.base, a),
      after: factsOf(ctx.head, b),
    });
  return out;
}

/** A resource that comes or goes; `twin` is one that went or came in its place (a new logical id). */
function presence(
  ctx: Context,
  r: TemplateResource,
  added: boolean,
  twin: TemplateResource | undefined,
): ResourceChange {
  const side = added ? ctx.head : ctx.base;
  const file = added ? ctx.file : ctx.baseFile;
  const cdk = cdkPath(r);
  const notes = [
    ...(r.condition ? [`only when condition ${r.condition} holds`] : []),
    ...(!added && r.deletionPolicy === "Retain"
      ? [
          "DeletionPolicy Retain: CloudFormation leaves the resource in the account but no longer manages it; what refers to it in the template no longer can",
        ]
      : []),
    ...(twin
      ? [
          `${added ? "in place of" : "replaced by"} ${twin.logicalId}${cdk && cdkPath(twin) === cdk ? " (the same CDK construct: its generated logical id changed)" : " (the same type and properties)"}: a new logical id is a new resource to CloudFormation, created while the old one is deleted`,
        ]
      : []),
    ...(cdk ? [`CDK ${cdk}`] : []),
  ];
  return {
    system: "cloudformation",
    address: resourceAddress(file, r.logicalId),
    type: r.type,
    classes: [added ? "added" : "deleted"],
    evidence: [
      {
        address: resourceAddress(file, r.logicalId),
        file,
        ...lineOf(side.line(r.logicalId)),
        detail: `${r.type} ${r.logicalId} is ${added ? "added" : "removed"}${notes.length > 0 ? `: ${notes.join("; ")}` : ""}`,
      },
    ],
    ...(added
      ? { after: factsOf(side, r) }
      : { before: factsOf(side, r), after: { exists: false, policies: [] } }),
  };
}

/** A resource that went and one that came are the same thing under a new logical id. */
function twins(ctx: Context, a: TemplateResource, b: TemplateResource): boolean {
  if (a.type !== b.type) return false;
  const path = cdkPath(a);
  if (path !== undefined && path === cdkPath(b)) return true;
  return (
    stable(ctx.base.resolver.resolve(a.properties).value) ===
    stable(ctx.head.resolver.resolve(b.properties).value)
  );
}

export interface TemplateChanges {
  readonly resources: ResourceChange[];
  /** What the comparison leaves out (a nested stack's child template): the file is not fully judged. */
  readonly unjudged?: readonly string[];
  /** Uses of the head's resources by others of the head (`Role: !GetAtt AppRole.Arn`). */
  readonly references: DiscoveredReference[];
}

/**
 * The change of a template file: `before` and `after` are its text at base and head (absent
 * where the file is). Undefined when neither side is a template; a reason when one side looks
 * like a template and cannot be read.
 */
export function classifyTemplateFile(
  file: { readonly path: string; readonly previousPath?: string },
  before: string | undefined,
  after: string | undefined,
): TemplateChanges | { readonly unreadable: string } | undefined {
  const baseFile = file.previousPath ?? file.path;
  const base = before === undefined ? undefined : templateIn(baseFile, before);
  const head = after === undefined ? undefined : templateIn(file.path, after);
  if (!base && !head) return undefined;
  if (head && !head.ok) return { unreadable: onSide(head.reason, base ? "head" : undefined) };
  if (base && !base.ok) return { unreadable: onSide(base.reason, head ? "base" : undefined) };
  const a = base?.template;
  const b = head?.template;
  for (const t of [a, b]) {
    // Addresses are `<file>#<LogicalId>`: an id CloudFormation itself refuses is not read.
    const bad = t && [...t.resources.keys()].find((id) => !LOGICAL_ID.test(id));
    if (bad !== undefined)
      return {
        unreadable: `the logical id ${JSON.stringify(bad.slice(0, 100))} is not 1 to 255 letters and digits: CloudFormation rejects the template${t === a && b ? " at base" : t === b && a ? " at head" : ""}`,
      };
  }
  for (const t of [a, b])
    if (t && t.resources.size > MAX_TEMPLATE_RESOURCES)
      return {
        unreadable: `more than ${MAX_TEMPLATE_RESOURCES.toLocaleString("en-US")} resources: not compared`,
      };
  try {
    const nested = a ? nestedStacksNotJudged(a, b) : [];
    return {
      resources: compareTemplates(a, b, file.path, baseFile),
      references: b ? templateReferences(b) : [],
      ...(nested.length > 0 ? { unjudged: nested } : {}),
    };
  } catch (error) {
    if (error instanceof TemplateTooLarge) return { unreadable: `${error.message}: not compared` };
    throw error;
  }
}

const LOGICAL_ID = /^[A-Za-z0-9]{1,255}$/;

/** Nested stacks, and the properties that are their child's inputs. */
const NESTED_STACKS: Readonly<Record<string, readonly string[]>> = {
  "AWS::CloudFormation::Stack": ["Parameters", "TemplateURL"],
  "AWS::Serverless::Application": ["Parameters", "Location"],
};
/** Nested stacks named in one file's reasons, at most. */
const MAX_NESTED_REASONS = 20;

/**
 * Nested stacks whose child template is given other inputs (its `Parameters`, `TemplateURL`,
 * or a parameter of this template they pass on), or that go (the child's resources go with
 * them): what the child's resources become is not judged here, so the file is said unjudged.
 */
function nestedStacksNotJudged(a: Template, b: Template | undefined): string[] {
  const out: string[] = [];
  // Built on the first nested stack present on both sides.
  let changed: ChangedInputs | undefined;
  let base: Resolver | undefined;
  let head: Resolver | undefined;
  for (const was of a.resources.values()) {
    const properties = NESTED_STACKS[was.type];
    if (!properties || out.length >= MAX_NESTED_REASONS) continue;
    const id = was.logicalId;
    const now = b?.resources.get(id);
    if (!now || now.type !== was.type) {
      out.push(
        `nested stack ${id} is removed: the resources of its child template go with it, and are not judged here`,
      );
      continue;
    }
    changed ??= new ChangedInputs(a, b as Template);
    base ??= new Resolver(a);
    head ??= new Resolver(b as Template);
    const condition = now.condition ? changed.get(`condition ${now.condition}`) : undefined;
    if (was.condition !== now.condition || condition !== undefined) {
      out.push(
        `nested stack ${id}: whether it exists on deploy changes (${now.condition ? `condition ${now.condition}${condition ? `: ${condition}` : ""}` : "now unconditional"}); the child template's resources are not judged here`,
      );
      continue;
    }
    const [inputs, from, to] = [changed, base, head];
    const given = properties.filter((name) => {
      const x = from.resolve(was.properties[name]);
      const y = to.resolve(now.properties[name]);
      return stable(x.value) !== stable(y.value) || changedReasons([...x.on, ...y.on], inputs);
    });
    if (given.length > 0)
      out.push(
        `nested stack ${id}: its ${given.join(" and ")} ${given.includes("Parameters") ? "change" : "changes"}; the child template's resources are not judged here`,
      );
  }
  return out;
}

/** "YAML does not parse at line 5 at head: deficient indentation": the side before the detail. */
function onSide(reason: string, side: string | undefined): string {
  const text = reason.replace(": YAML: ", ": ");
  if (side === undefined) return text;
  const colon = text.indexOf(": ");
  return colon < 0
    ? `${text} at ${side}`
    : `${text.slice(0, colon)} at ${side}${text.slice(colon)}`;
}

/**
 * The template a file holds. A template is one YAML document: several (a Kubernetes bundle
 * whose ConfigMap quotes a template) are no template, left to the manifest reader.
 */
function templateIn(path: string, text: string): ReturnType<typeof readTemplate> {
  const read = readTemplate(path, text);
  return read && !read.ok && SEVERAL.test(read.reason) ? undefined : read;
}
const SEVERAL = /this file holds several/;

const NO_RESOURCES = new Map<string, TemplateResource>();

/** Every resource change between two sides of a template (either may be absent). */
export function compareTemplates(
  before: Template | undefined,
  after: Template | undefined,
  file: string,
  baseFile = file,
): ResourceChange[] {
  const empty = (path: string): Template => ({
    path,
    parameters: new Map(),
    conditions: new Map(),
    mappings: {},
    resources: NO_RESOURCES,
    transforms: [],
    lineOf: () => undefined,
  });
  const a = before ?? empty(baseFile);
  const b = after ?? empty(file);
  // Comparisons are kept for one template: its documents are bounded, a run's are not.
  comparisons.clear();
  const macros = [...new Set([...a.transforms, ...b.transforms])];
  const ctx: Context = {
    base: new Side(a),
    head: new Side(b),
    file,
    baseFile,
    changed: new ChangedInputs(a, b),
    macros,
  };
  const out: ResourceChange[] = [];
  const gone = [...a.resources.values()].filter((r) => !b.resources.has(r.logicalId));
  const came = [...b.resources.values()].filter((r) => !a.resources.has(r.logicalId));
  const pairOf = new Map<TemplateResource, TemplateResource>();
  for (const g of gone) {
    const c = came.find((x) => !pairOf.has(x) && twins(ctx, g, x));
    if (c) {
      pairOf.set(g, c);
      pairOf.set(c, g);
    }
  }
  for (const r of gone) out.push(presence(ctx, r, false, pairOf.get(r)));
  for (const r of b.resources.values()) {
    const old = a.resources.get(r.logicalId);
    if (old) out.push(...compareResource(ctx, old, r));
    else out.push(presence(ctx, r, true, pairOf.get(r)));
  }
  if (macros.length > 0)
    for (const change of out)
      if (change.classes.length > 0)
        (change.evidence as Evidence[]).push({
          address: change.address,
          file,
          detail: `the template uses ${macros.join(", ")}: its resources are compared as written, not as the macro expands them on deploy`,
        });
  comparisons.clear();
  return out;
}

/**
 * Uses of a template's identities, policies and instance profiles by its other resources, as
 * discovered references: the edges the Terraform draft would make, found in the change itself.
 */
export function templateReferences(template: Template): DiscoveredReference[] {
  const out: DiscoveredReference[] = [];
  for (const r of template.resources.values()) {
    for (const ref of referencesOf(r, template.resources)) {
      if (out.length >= MAX_TEMPLATE_REFERENCES) return out;
      // A policy that names an identity in Roles/Users/Groups is attached to it: the identity
      // depends on the policy, not the other way round.
      const target = template.resources.get(ref.target);
      if (target && (ATTACHES[r.type] ?? []).some(([property]) => property === ref.property)) {
        out.push({
          system: "cloudformation",
          from: resourceAddress(template.path, ref.target),
          to: resourceAddress(template.path, r.logicalId),
          attribute: `${ref.property} of ${r.logicalId}`,
          file: template.path,
          kind: target.type,
        });
        continue;
      }
      // Consumers of identities, policies and instance profiles only (what `init` makes nodes
      // of): an API method that names a Lambda, a log group named after it, depend on the
      // function, not on what the function may do.
      if (!target || !Object.hasOwn(CLOUDFORMATION_NODE_KINDS, target.type)) continue;
      out.push({
        system: "cloudformation",
        from: resourceAddress(template.path, r.logicalId),
        to: resourceAddress(template.path, ref.target),
        attribute: ref.property,
        file: template.path,
        kind: r.type,
      });
    }
  }
  return out;
}
