// Terraform's JSON plan (`terraform show -json plan.out`, HashiCorp's "JSON Output Format"):
// what each resource change is, and which resources refer to which in the configuration.

import { compareClasses } from "../classes.js";
import type { ChangeClass } from "../model.js";
import { POLICY_ATTRIBUTE, TRUST_ATTRIBUTE } from "./aws-iam.js";
import type { DiscoveredReference, Evidence, ResourceChange, ResourceFacts } from "./evidence.js";
import { type JsonRecord, record } from "./json-shapes.js";
import { comparePermissions, compareTrust, type PolicyDocument, policyFromJson } from "./policy.js";
import { referencedResource } from "./terraform-address.js";
import { isGlue } from "./terraform-identities.js";

export interface PlanReading {
  readonly formatVersion: string;
  readonly resources: readonly ResourceChange[];
  readonly references: readonly DiscoveredReference[];
}

export class PlanFormatError extends Error {
  override readonly name = "PlanFormatError";
}

type Json = JsonRecord;
const array = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function factsOf(type: string, values: unknown): ResourceFacts | undefined {
  if (values === null || values === undefined) return undefined;
  const v = record(values);
  const trustAttribute = TRUST_ATTRIBUTE[type];
  const trust = trustAttribute ? policyFromJson(v[trustAttribute]) : undefined;
  const policies: PolicyDocument[] = [];
  const policyAttribute = POLICY_ATTRIBUTE[type];
  const own = policyAttribute ? policyFromJson(v[policyAttribute]) : undefined;
  if (own) policies.push(own);
  for (const inline of array(v.inline_policy)) {
    const doc = policyFromJson(record(inline).policy);
    if (doc) policies.push(doc);
  }
  return { exists: true, ...(trust ? { trust } : {}), policies };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function classifyUpdate(
  type: string,
  address: string,
  change: Json,
  evidence: Evidence[],
): ChangeClass[] {
  const before = record(change.before);
  const after = record(change.after);
  const unknown = record(change.after_unknown);
  const classes = new Set<ChangeClass>();
  const keys = [
    ...new Set([...Object.keys(before), ...Object.keys(after), ...Object.keys(unknown)]),
  ].sort();
  const changed = keys.filter((k) => unknown[k] === true || !same(before[k], after[k]));
  const documentAttributes = new Set([
    TRUST_ATTRIBUTE[type],
    POLICY_ATTRIBUTE[type],
    "inline_policy",
  ]);
  for (const attribute of changed) {
    if (unknown[attribute] === true && documentAttributes.has(attribute)) {
      classes.add("unknown");
      evidence.push({
        address,
        attribute,
        detail: `${attribute} is known only after apply: treated as possibly breaking`,
      });
      continue;
    }
    if (attribute === TRUST_ATTRIBUTE[type]) {
      const was = policyFromJson(before[attribute]);
      const now = policyFromJson(after[attribute]);
      if (was && now) {
        const trust = compareTrust(was, now);
        for (const c of trust.classes) classes.add(c);
        for (const detail of trust.details) evidence.push({ address, attribute, detail });
        continue;
      }
    }
    if (attribute === POLICY_ATTRIBUTE[type] || attribute === "inline_policy") {
      const docs = (v: Json) =>
        attribute === "inline_policy"
          ? array(v.inline_policy).flatMap(
              (p) => policyFromJson(record(p).policy)?.statements ?? [],
            )
          : (policyFromJson(v[attribute])?.statements ?? []);
      const result = comparePermissions({ statements: docs(before) }, { statements: docs(after) });
      for (const c of result.classes) classes.add(c);
      for (const detail of result.details) evidence.push({ address, attribute, detail });
      if (result.classes.length > 0) continue;
    }
    if (unknown[attribute] === true) {
      evidence.push({ address, attribute, detail: `${attribute} is known only after apply` });
    } else {
      evidence.push({ address, attribute, detail: `${attribute} changes` });
    }
    classes.add("modified");
  }
  if (classes.size === 0) classes.add("modified");
  return [...classes];
}

function classify(raw: Json): ResourceChange | undefined {
  const address = String(raw.address ?? "");
  const type = String(raw.type ?? "");
  const change = record(raw.change);
  const actions = array(change.actions).map(String);
  const previousAddress =
    typeof raw.previous_address === "string" ? raw.previous_address : undefined;
  const moved = previousAddress !== undefined && previousAddress !== address;
  const evidence: Evidence[] = [];
  const reason =
    typeof raw.action_reason === "string" ? ` (${raw.action_reason.replace(/_/g, " ")})` : "";
  let classes: ChangeClass[];
  const key = actions.join(",");
  if (raw.mode === "data") return undefined;
  if (key === "no-op" || key === "read" || key === "") {
    if (!moved) return undefined;
    classes = [];
  } else if (isGlue(type) && ["create", "delete", "delete,create", "create,delete"].includes(key)) {
    // A policy attached to, or inline in, a role (user, group) that is created or destroyed
    // is what that identity may do, not the identity: it gains or loses the policy. Read as
    // the resource's own lifecycle, a detach made the role "deleted" (every contract on it
    // broken) and attaching AdministratorAccess made it "added".
    classes = glueLifecycle(key, address, change, reason, evidence);
  } else if (key === "create") {
    classes = ["added"];
    evidence.push({ address, detail: "created" });
  } else if (key === "delete") {
    classes = ["deleted"];
    evidence.push({ address, detail: `destroyed${reason}` });
  } else if (key === "delete,create" || key === "create,delete") {
    classes = ["replaced"];
    const paths = array(change.replace_paths).map((p) => array(p).join("."));
    evidence.push({
      address,
      ...(paths[0] ? { attribute: paths[0] } : {}),
      detail: `replaced${key === "create,delete" ? " (new one created first)" : ""}${reason}${paths.length ? `: ${paths.join(", ")} cannot change in place` : ""}`,
    });
  } else if (key === "update") {
    classes = classifyUpdate(type, address, change, evidence);
  } else {
    classes = ["unknown"];
    evidence.push({ address, detail: `actions ${actions.join(", ")}` });
  }
  if (moved) {
    classes = [...classes, "renamed"];
    evidence.push({ address, detail: `moved from ${previousAddress}` });
  }
  const before = key === "create" ? undefined : factsOf(type, change.before);
  const after = key === "delete" ? { exists: false, policies: [] } : factsOf(type, change.after);
  return {
    system: "terraform",
    address,
    ...(moved ? { previousAddress } : {}),
    type,
    classes: [...new Set(classes)].sort(compareClasses),
    evidence,
    ...(before ? { before } : {}),
    ...(after ? { after } : {}),
  };
}

/** What a policy attachment's (or inline policy's) creation, destruction or replacement does. */
function glueLifecycle(
  key: string,
  address: string,
  change: Json,
  reason: string,
  evidence: Evidence[],
): ChangeClass[] {
  const what = (side: unknown) => {
    const v = record(side);
    const policy = typeof v.policy_arn === "string" ? v.policy_arn : "an inline policy";
    const to = ["role", "user", "group"].map((k) => v[k]).find((x) => typeof x === "string");
    return `${policy}${typeof to === "string" ? ` (${to})` : ""}`;
  };
  if (key === "create") {
    evidence.push({ address, detail: `created: now has ${what(change.after)}` });
    return ["permissions-added"];
  }
  if (key === "delete") {
    evidence.push({
      address,
      detail: `destroyed${reason}: no longer has ${what(change.before)}`,
    });
    return ["permissions-removed"];
  }
  evidence.push({
    address,
    detail: `replaced${reason}: no longer has ${what(change.before)}, then has ${what(change.after)}`,
  });
  return ["permissions-removed", "permissions-added"];
}

/** Every `{ references: [...] }` under a resource's expressions, with the top attribute it is in. */
function referencesIn(expressions: unknown, attribute: string, out: [string, string][]): void {
  if (Array.isArray(expressions)) {
    for (const item of expressions) referencesIn(item, attribute, out);
    return;
  }
  const r = record(expressions);
  if (Array.isArray(r.references))
    for (const ref of r.references) out.push([attribute, String(ref)]);
  for (const [key, value] of Object.entries(r)) {
    if (key !== "references" && value !== null && typeof value === "object")
      referencesIn(value, attribute, out);
  }
}

function discover(
  module: Json,
  modulePath: string,
  file: string,
  out: DiscoveredReference[],
): void {
  for (const raw of array(module.resources)) {
    const resource = record(raw);
    if (resource.mode === "data") continue;
    const from = `${modulePath}${String(resource.address ?? "")}`;
    const found: [string, string][] = [];
    for (const [attribute, expression] of Object.entries(record(resource.expressions)))
      referencesIn(expression, attribute, found);
    const seen = new Set<string>();
    for (const [attribute, reference] of found) {
      const to = referencedResource(reference, modulePath);
      if (!to || to === from || seen.has(to)) continue;
      seen.add(to);
      out.push({ from, to, attribute, file });
    }
  }
  for (const [name, call] of Object.entries(record(module.module_calls))) {
    discover(record(record(call).module), `${modulePath}module.${name}.`, file, out);
  }
}

/** The plan as a record, or PlanFormatError when it is not a Terraform plan in JSON. */
function planRecord(value: unknown, file: string): Json & { format_version: string } {
  const plan = record(value);
  if (
    typeof plan.format_version !== "string" ||
    (!Array.isArray(plan.resource_changes) && plan.planned_values === undefined)
  ) {
    throw new PlanFormatError(
      `${file} is not a Terraform plan in JSON: it has no format_version and resource_changes (make it with \`terraform show -json plan.out > plan.json\`)`,
    );
  }
  return plan as Json & { format_version: string };
}

export function readPlan(value: unknown, file: string): PlanReading {
  const plan = planRecord(value, file);
  const resources = array(plan.resource_changes).flatMap((raw) => classify(record(raw)) ?? []);
  const references: DiscoveredReference[] = [];
  discover(record(record(plan.configuration).root_module), "", file, references);
  return { formatVersion: plan.format_version, resources, references };
}

/** A resource as the plan leaves it after apply (no classes: it is a state, not a change). */
export interface PlannedResource extends ResourceChange {
  /** Trust or policy attributes whose value is known only after apply. */
  readonly unknownAfter?: readonly string[];
}

export interface PlannedState {
  /** Every managed resource that exists after apply (no-op, created, updated, replaced). */
  readonly resources: readonly PlannedResource[];
  /** Managed resources the plan destroys: they do not exist after apply. */
  readonly destroyed: readonly ResourceChange[];
}

/**
 * The state a plan leaves, for verifying contracts against it: each managed resource with its
 * `after` facts (the same reading as a change's), those it destroys apart.
 */
export function readPlannedState(value: unknown, file: string): PlannedState {
  const plan = planRecord(value, file);
  const resources: PlannedResource[] = [];
  const destroyed: ResourceChange[] = [];
  for (const raw of array(plan.resource_changes)) {
    const r = record(raw);
    if (r.mode === "data") continue;
    const address = String(r.address ?? "");
    const type = String(r.type ?? "");
    const change = record(r.change);
    const actions = array(change.actions).map(String).join(",");
    if (actions === "delete") {
      destroyed.push({
        system: "terraform",
        address,
        type,
        classes: [],
        evidence: [{ address, file, detail: "destroyed by the plan" }],
        after: { exists: false, policies: [] },
      });
      continue;
    }
    const unknown = record(change.after_unknown);
    const unknownAfter = [TRUST_ATTRIBUTE[type], POLICY_ATTRIBUTE[type], "inline_policy"].filter(
      (a): a is string => a !== undefined && unknown[a] === true,
    );
    const after = factsOf(type, change.after);
    const attribute = TRUST_ATTRIBUTE[type];
    resources.push({
      system: "terraform",
      address,
      type,
      classes: [],
      evidence: [
        {
          address,
          ...(attribute && after?.trust ? { attribute } : {}),
          file,
          detail:
            actions === "no-op" || actions === "" ? "unchanged by the plan" : `planned: ${actions}`,
        },
      ],
      after: after ?? { exists: true, policies: [] },
      ...(unknownAfter.length > 0 ? { unknownAfter } : {}),
    });
  }
  return { resources, destroyed };
}
