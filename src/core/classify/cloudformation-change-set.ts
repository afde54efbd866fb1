// A CloudFormation change set (`aws cloudformation describe-change-set … --output json`, AWS's
// DescribeChangeSet response): what each resource change is, like a Terraform plan. Property
// values are there only when it was described with --include-property-values; without them an
// IAM document that changes cannot be judged, and says so.

import { compareClasses } from "../classes.js";
import { jsonTooDeepAt } from "../json-depth.js";
import type { ChangeClass } from "../model.js";
import { resourceAddress } from "./cloudformation-address.js";
import {
  compareIamProperty,
  IAM_PROPERTIES,
  iamPropertyKind,
  inlineDocument,
} from "./cloudformation-iam-properties.js";
import type { DiscoveredReference, Evidence, ResourceChange, ResourceFacts } from "./evidence.js";
import { type JsonRecord, list, record } from "./json-shapes.js";
import { type PolicyDocument, policyFromJson } from "./policy.js";

export interface ChangeSetReading {
  /** The stacks the change set (or its pages) is for, in first-seen order. */
  readonly stacks: readonly string[];
  readonly resources: readonly ResourceChange[];
  /** A change set holds no template, so no references: kept for the shape of an object input. */
  readonly references: readonly DiscoveredReference[];
  /** The change sets' own ids (`ChangeSetId` of each page). */
  readonly ids: readonly string[];
  /** Nested stacks whose own change sets hold their resources' changes: read only if given too. */
  readonly nested: readonly { readonly changeSetId: string; readonly address: string }[];
}

export class ChangeSetFormatError extends Error {
  override readonly name = "ChangeSetFormatError";
}

/** Which template a stack was deployed from, when the user said; else the stack name stands in. */
export type TemplateOf = (stack: string) => string | undefined;

/** Pages and resource changes read at most: a change set holds at most a few thousand. */
export const MAX_CHANGE_SET_PAGES = 1000;
export const MAX_RESOURCE_CHANGES = 20_000;

/** How to make the file this reader takes. */
export const CHANGE_SET_HINT =
  "describe it as JSON: aws cloudformation describe-change-set --change-set-name NAME --stack-name STACK --include-property-values --output json > cs.json";

/** Plain property changes said one a line, at most; the rest are counted. */
const MAX_PROPERTY_LINES = 50;

/** AWS writes this for a value it knows only once the change set runs. */
const NOT_YET_KNOWN = "{{changeSet:";

const WITHOUT_VALUES =
  "the change set does not include property values: run describe-change-set with --include-property-values";

const text = (v: unknown) => (typeof v === "string" ? v : "");

/** JSON inside a string (a context, a value) is foreign too: its depth is checked before parsing. */
function parseJson(value: string): { ok: true; value: unknown } | { ok: false } {
  if (jsonTooDeepAt(value) !== undefined) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(value) };
  } catch {
    return { ok: false };
  }
}

function hasUnknown(value: unknown): boolean {
  return JSON.stringify(value ?? null).includes(NOT_YET_KNOWN);
}

/** A change's properties on one side, from its BeforeContext / AfterContext; undefined when absent. */
function contextProperties(value: unknown): JsonRecord | undefined {
  if (typeof value !== "string") return undefined;
  const parsed = parseJson(value);
  return parsed.ok ? record(record(parsed.value).Properties) : undefined;
}

interface Detail {
  /** The property name for Properties; the attribute otherwise (Tags, Metadata …). */
  readonly property: string;
  readonly attribute: string;
  readonly path?: string;
  readonly recreation: string;
  readonly dynamic: boolean;
  readonly cause?: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

function detailOf(raw: unknown): Detail {
  const d = record(raw);
  const target = record(d.Target);
  const attribute = text(target.Attribute) || "Properties";
  const path = text(target.Path) || undefined;
  // With property values, Name may be absent and Path (`/Properties/Tags/0/Key`) says it.
  const fromPath = path?.split("/")[2];
  const property =
    attribute === "Properties" ? text(target.Name) || fromPath || "(a property)" : attribute;
  const cause = text(d.CausingEntity) || undefined;
  return {
    property,
    attribute,
    ...(path ? { path } : {}),
    recreation: text(target.RequiresRecreation),
    dynamic: d.Evaluation === "Dynamic",
    ...(cause ? { cause } : {}),
    ...("BeforeValue" in target ? { before: target.BeforeValue } : {}),
    ...("AfterValue" in target ? { after: target.AfterValue } : {}),
  };
}

/** A property's whole value on both sides, when the change set gives it. */
type Values =
  | { readonly known: true; readonly before: unknown; readonly after: unknown }
  | { readonly known: false; readonly reason: string };

function valuesOf(
  property: string,
  details: readonly Detail[],
  before: JsonRecord | undefined,
  after: JsonRecord | undefined,
  unreadable: boolean,
): Values {
  let found: { before: unknown; after: unknown } | undefined;
  if (before && after) found = { before: before[property], after: after[property] };
  else {
    // Without contexts, a detail whose path is the whole property carries its values, as
    // JSON text for objects; a deeper path is only a piece of the document.
    const whole = details.find(
      (d) =>
        d.path === `/Properties/${property}` && (d.before !== undefined || d.after !== undefined),
    );
    if (whole) {
      const decode = (v: unknown) => {
        if (typeof v !== "string") return { ok: true as const, value: v };
        return parseJson(v);
      };
      const b = decode(whole.before);
      const a = decode(whole.after);
      if (!b.ok || !a.ok)
        return {
          known: false,
          reason: `its value in the change set is not whole JSON (AWS truncates large values)`,
        };
      found = { before: b.value, after: a.value };
    } else if (details.some((d) => d.before !== undefined || d.after !== undefined)) {
      return {
        known: false,
        reason:
          "the change set gives only pieces of it (no BeforeContext/AfterContext): describe it with --include-property-values",
      };
    }
  }
  if (!found)
    return {
      known: false,
      reason: unreadable
        ? "its BeforeContext or AfterContext is not JSON (or is nested too deep) and was not read"
        : WITHOUT_VALUES,
    };
  if (hasUnknown(found.before) || hasUnknown(found.after))
    return { known: false, reason: "part of its value is known only when the change set runs" };
  return { known: true, ...found };
}

function factsOf(type: string, properties: JsonRecord | undefined): ResourceFacts | undefined {
  if (!properties || hasUnknown(properties)) return undefined;
  const trust =
    type === "AWS::IAM::Role" ? policyFromJson(properties.AssumeRolePolicyDocument) : undefined;
  const policies: PolicyDocument[] = [];
  const own = policyFromJson(properties.PolicyDocument);
  if (own) policies.push(own);
  const inline = inlineDocument(properties.Policies);
  if (inline.statements.length > 0) policies.push(inline);
  return { exists: true, ...(trust ? { trust } : {}), policies };
}

/** Where a property is in the resource, as the change set's paths write it. */
function pathOf(property: string, ds: readonly Detail[]): string {
  return ds[0]?.attribute === "Properties" ? `/Properties/${property}` : `/${property}`;
}

interface Where {
  readonly stack: string;
  readonly address: string;
  readonly logicalId: string;
}

function at(where: Where, detail: string, attribute?: string): Evidence {
  return {
    address: where.address,
    ...(attribute ? { attribute } : {}),
    // The logical id is in the address; the stack is not when a template stands for it.
    detail: `${detail} (stack ${where.stack}${attribute ? `, ${attribute}` : ""})`,
  };
}

function classifyModify(
  type: string,
  change: JsonRecord,
  where: Where,
  evidence: Evidence[],
): ChangeClass[] {
  const classes = new Set<ChangeClass>();
  const details = list(change.Details).map(detailOf);
  const before = contextProperties(change.BeforeContext);
  const after = contextProperties(change.AfterContext);
  const unreadable =
    (typeof change.BeforeContext === "string" && !before) ||
    (typeof change.AfterContext === "string" && !after);
  const byProperty = new Map<string, Detail[]>();
  for (const d of details) {
    const group = byProperty.get(d.property);
    if (group) group.push(d);
    else byProperty.set(d.property, [d]);
  }

  // The contexts are the whole resource: an IAM property that differs there is compared
  // even when Details does not list it.
  if (before && after)
    for (const property of Object.keys(IAM_PROPERTIES))
      if (
        !byProperty.has(property) &&
        JSON.stringify(before[property]) !== JSON.stringify(after[property])
      )
        byProperty.set(property, [
          { property, attribute: "Properties", recreation: "", dynamic: false },
        ]);

  const replacement = text(change.Replacement);
  if (replacement === "True") {
    const always = [...byProperty].filter(([, ds]) => ds.some((d) => d.recreation === "Always"));
    classes.add("replaced");
    evidence.push(
      at(
        where,
        `replaced${always.length > 0 ? `: ${always.map(([p]) => p).join(", ")} cannot change in place` : ""}${change.PolicyAction === "ReplaceAndRetain" ? " (the old one is kept, outside the stack)" : ""}`,
        always[0] && pathOf(...always[0]),
      ),
    );
  } else if (replacement === "Conditional") {
    const maybe = [...byProperty]
      .filter(([, ds]) => ds.some((d) => d.recreation === "Conditionally"))
      .map(([p]) => p);
    classes.add("unknown");
    evidence.push(
      at(
        where,
        `may be replaced (Conditional: ${maybe.length > 0 ? maybe.join(", ") : "CloudFormation does not say which property"}): whether it is depends on the new values; treated as possibly breaking`,
        maybe[0] && pathOf(maybe[0], byProperty.get(maybe[0]) ?? []),
      ),
    );
  }

  const plain: { property: string; path: string; paths: string[] }[] = [];
  for (const [property, ds] of byProperty) {
    // The whole property for what is compared whole; the paths AWS lists for the rest.
    const path = pathOf(property, ds);
    const paths = [...new Set(ds.flatMap((d) => (d.path && d.path !== path ? [d.path] : [])))];
    // CloudFormation lists a Dynamic detail beside the Static one for a property a parameter
    // sets (AWS's "Example change sets"): the Static one says what it becomes. Only a property
    // with no Static detail is unknown.
    const dynamic = ds.filter((d) => d.dynamic);
    if (dynamic.length > 0 && dynamic.length === ds.length) {
      const causes = [...new Set(dynamic.flatMap((d) => (d.cause ? [d.cause] : [])))];
      classes.add("unknown");
      evidence.push(
        at(
          where,
          `${property} is known only when the change set runs (Evaluation: Dynamic${causes.length > 0 ? `, through ${causes.join(", ")}` : ""}): treated as possibly breaking`,
          path,
        ),
      );
      continue;
    }
    const judge = ds[0]?.attribute === "Properties" ? iamPropertyKind(type, property) : undefined;
    if (judge !== undefined) {
      const values = valuesOf(property, ds, before, after, unreadable);
      if (!values.known) {
        classes.add("unknown");
        evidence.push(at(where, `${property} changes, but ${values.reason}`, path));
        continue;
      }
      const result = compareIamProperty(type, property, values.before, values.after);
      for (const c of result.classes) classes.add(c);
      for (const detail of result.details) evidence.push(at(where, detail, path));
      if (result.classes.length > 0) continue;
      // A rewrite that allows and trusts the same: said, but no IAM class.
      evidence.push(at(where, `${property} is rewritten and allows the same`, path));
      classes.add("modified");
      continue;
    }
    // Already said as the reason it is (or may be) replaced.
    if (
      (replacement === "True" && ds.some((d) => d.recreation === "Always")) ||
      (replacement === "Conditional" && ds.some((d) => d.recreation === "Conditionally"))
    )
      continue;
    plain.push({ property, path, paths });
    classes.add("modified");
  }
  // One line each, up to a point: a resource has a few dozen properties, a hostile file millions.
  for (const p of plain.slice(0, MAX_PROPERTY_LINES)) {
    const shown = p.paths.slice(0, MAX_PROPERTY_LINES);
    const more = p.paths.length - shown.length;
    evidence.push(
      at(
        where,
        `${p.property} changes${shown.length > 0 ? ` (${shown.join(", ")}${more > 0 ? ` and ${more} more` : ""})` : ""}`,
        p.path,
      ),
    );
  }
  if (plain.length > MAX_PROPERTY_LINES)
    evidence.push(at(where, `and ${plain.length - MAX_PROPERTY_LINES} more properties change`));
  if (classes.size === 0) {
    classes.add("modified");
    // Details can be empty while the contexts show what differs.
    const differing =
      before && after
        ? [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
            (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
          )
        : [];
    evidence.push(
      at(
        where,
        differing.length > 0
          ? `modified: ${differing.sort().join(", ")}`
          : "modified (the change set names no property)",
      ),
    );
  }
  return [...classes];
}

function classify(raw: unknown, stack: string, templateOf: TemplateOf): ResourceChange | undefined {
  const change = record(record(raw).ResourceChange);
  const logicalId = text(change.LogicalResourceId);
  if (logicalId === "") return undefined;
  const type = text(change.ResourceType) || "(unknown type)";
  const action = text(change.Action);
  const template = templateOf(stack) ?? stack;
  const where: Where = { stack, logicalId, address: resourceAddress(template, logicalId) };
  const physical = text(change.PhysicalResourceId);
  const evidence: Evidence[] = [];
  let classes: ChangeClass[];
  switch (action) {
    case "Add":
      classes = ["added"];
      evidence.push(at(where, "created"));
      break;
    case "Remove":
      // DeletionPolicy Retain: CloudFormation lets go of it, and it goes on existing.
      if (change.PolicyAction === "Retain") {
        classes = ["modified"];
        evidence.push(
          at(
            where,
            `removed from the stack but kept${physical ? ` (${physical})` : ""} (PolicyAction Retain): it goes on existing, no longer managed by the stack`,
          ),
        );
      } else {
        classes = ["deleted"];
        evidence.push(
          at(
            where,
            `deleted${physical ? ` (${physical})` : ""}${change.PolicyAction === "Snapshot" ? " (a snapshot is kept)" : ""}`,
          ),
        );
      }
      break;
    case "Modify":
      classes = classifyModify(type, change, where, evidence);
      break;
    case "Import":
      classes = ["modified"];
      evidence.push(
        at(
          where,
          `imported into the stack${physical ? ` (${physical})` : ""}: the resource itself is not changed`,
        ),
      );
      break;
    case "SyncWithActual":
      // Only CloudFormation's record of the resource changes.
      return undefined;
    default:
      classes = ["unknown"];
      evidence.push(
        at(
          where,
          `CloudFormation cannot tell yet what it will do (Action: ${action || "none"}): treated as possibly breaking`,
        ),
      );
  }
  if (text(change.ChangeSetId) !== "")
    evidence.push(
      at(
        where,
        `a nested stack: its own resources' changes are in change set ${text(change.ChangeSetId)}, not read here; describe it and give it too`,
      ),
    );
  const before =
    action === "Add" ? undefined : factsOf(type, contextProperties(change.BeforeContext));
  const after =
    action === "Remove"
      ? { exists: false, policies: [] }
      : factsOf(type, contextProperties(change.AfterContext));
  return {
    system: "cloudformation",
    address: where.address,
    type,
    classes: [...new Set(classes)].sort(compareClasses),
    evidence,
    ...(before ? { before } : {}),
    ...(after ? { after } : {}),
  };
}

/** CloudFormation's words for a change set that failed only because nothing changes. */
const NOTHING_TO_CHANGE = /didn't contain changes|no updates are to be performed/i;

/**
 * A change set still being made lists only some changes, and one that failed lists none: read
 * as they are, either would say less changes than does. One that failed for want of changes
 * is read (as no change).
 */
function refuseUnfinished(page: JsonRecord, where: string): void {
  const status = text(page.Status);
  const reason = text(page.StatusReason).slice(0, 300);
  if (status === "CREATE_PENDING" || status === "CREATE_IN_PROGRESS")
    throw new ChangeSetFormatError(
      `${where}: the change set is still being made (Status ${status}): wait for it (aws cloudformation wait change-set-create-complete) and describe it again`,
    );
  if (status === "FAILED" && !NOTHING_TO_CHANGE.test(reason))
    throw new ChangeSetFormatError(
      `${where}: CloudFormation could not make the change set (Status FAILED${reason ? `: ${reason}` : ""}): nothing in it can be judged`,
    );
}

/**
 * One describe-change-set response, or a list of them (its pages, or the change sets of
 * several stacks). Throws ChangeSetFormatError on anything else.
 */
export function readChangeSet(
  value: unknown,
  file: string,
  templateOf: TemplateOf = () => undefined,
): ChangeSetReading {
  const pages = Array.isArray(value) ? value : [value];
  if (pages.length === 0 || pages.length > MAX_CHANGE_SET_PAGES)
    throw new ChangeSetFormatError(
      `${file} holds ${pages.length} pages: give between 1 and ${MAX_CHANGE_SET_PAGES} describe-change-set responses`,
    );
  const stacks: string[] = [];
  const resources: ResourceChange[] = [];
  const ids: string[] = [];
  const nested: { changeSetId: string; address: string }[] = [];
  const seen = new Set<string>();
  let count = 0;
  pages.forEach((raw, index) => {
    const page = record(raw);
    const where = Array.isArray(value) ? `${file} [${index}]` : file;
    if (typeof page.StackName !== "string" || !Array.isArray(page.Changes))
      throw new ChangeSetFormatError(
        `${where} is not a CloudFormation change set: it has no StackName and Changes`,
      );
    const stack = page.StackName;
    refuseUnfinished(page, where);
    if (!stacks.includes(stack)) stacks.push(stack);
    if (typeof page.ChangeSetId === "string" && !ids.includes(page.ChangeSetId))
      ids.push(page.ChangeSetId);
    count += page.Changes.length;
    if (count > MAX_RESOURCE_CHANGES)
      throw new ChangeSetFormatError(
        `${file} holds more than ${MAX_RESOURCE_CHANGES.toLocaleString("en-US")} resource changes: not read`,
      );
    for (const change of page.Changes) {
      const type = record(change).Type;
      if (type !== undefined && type !== "Resource") continue;
      const resource = classify(change, stack, templateOf);
      const child = text(record(record(change).ResourceChange).ChangeSetId);
      if (child !== "" && resource) nested.push({ changeSetId: child, address: resource.address });
      if (!resource) continue;
      // The same resource twice (a page given twice): kept once.
      const key = `${resource.address}\n${JSON.stringify(resource.classes)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      resources.push(resource);
    }
  });
  return { stacks, resources, references: [], ids, nested };
}
