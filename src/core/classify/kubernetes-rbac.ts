// Kubernetes manifests at base and head, compared object by object (kind, namespace, name):
// Roles and ClusterRoles rule by rule, bindings by their subjects and roleRef, every other
// object by the fields that change; objects that move between files of one change; and
// bindings left pointing at a role this change deletes.

import { compareClasses } from "../classes.js";
import type { ChangeClass } from "../model.js";
import type { Evidence, ResourceChange, ResourceFacts } from "./evidence.js";
import { record } from "./json-shapes.js";
import { objectAddress } from "./kubernetes-address.js";
import { type AggregatorSides, aggregatedChange, isAggregated } from "./kubernetes-aggregation.js";
import { changedFields, describeFields } from "./kubernetes-fields.js";
import {
  type ManifestObject,
  manifestObjects,
  RBAC_KINDS,
  readManifest,
} from "./kubernetes-manifests.js";
import { coveredBy } from "./rbac-permission.js";

type K8sObject = ManifestObject;

export interface ManifestFile {
  readonly path: string;
  readonly base?: string;
  readonly head?: string;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** The RBAC objects in a YAML stream; undefined when it is not YAML. */
export function rbacObjects(text: string): K8sObject[] | undefined {
  return manifestObjects(text, RBAC_KINDS);
}

/**
 * The most verb × group × resource × name combinations one Role or ClusterRole may spell out
 * to be compared: each is checked against every other, and a rule of a few thousand short
 * words would otherwise expand to billions. Kubernetes' largest built-in roles spell out a
 * couple of thousand.
 */
export const MAX_RBAC_GRANTS = 5_000;

const count = (v: unknown) => (Array.isArray(v) ? v.length : 0);

/** Why a Role or ClusterRole is not compared: it spells out more combinations than the bound. */
export function tooManyGrants(o: K8sObject): string | undefined {
  if (o.kind !== "Role" && o.kind !== "ClusterRole") return undefined;
  let total = 0;
  for (const rule of Array.isArray(o.body.rules) ? o.body.rules : []) {
    const r = record(rule);
    total +=
      count(r.verbs) *
      (Math.max(1, count(r.apiGroups)) * count(r.resources) * Math.max(1, count(r.resourceNames)) +
        count(r.nonResourceURLs));
  }
  return total > MAX_RBAC_GRANTS
    ? `${o.kind} ${o.name} spells out ${total.toLocaleString("en-US")} verb, group, resource and name combinations, more than the ${MAX_RBAC_GRANTS.toLocaleString("en-US")} compared`
    : undefined;
}

// RBAC knows `*` only as a whole verb, group or resource (a resource written `*` or `*/scale`)
// and no `?` at all: any other `*` or `?` is a literal character (`secret?` grants nothing on
// `secrets`), so it is written as a look-alike no wildcard test reads as one.
const literal = (text: string) => text.replace(/\*/g, "\u2217").replace(/\?/g, "\uff1f");
const whole = (text: string) => (text === "*" ? "*" : literal(text));

// A group or a name holds no slash (the API server serves none): one written with a slash is
// kept apart from the slashes that separate a grant's parts.
const noSlash = (text: string) => text.replace(/\//g, "\u2215");

// A resource as RBAC matches it: only `*` and `*/<subresource>` are wildcards.
const resourcePart = (resource: string) =>
  resource === "*"
    ? "*"
    : resource.startsWith("*/")
      ? `*/${literal(resource.slice(2))}`
      : literal(resource);

/**
 * "verb group/resource/name" for every combination a Role's rules allow; the core group is
 * the empty one (` /pods/*`), apart from a group literally named "core". Read with
 * rbac-permission.ts (parseGrant, grantCovers).
 */
export function grants(o: K8sObject): string[] {
  const out: string[] = [];
  for (const rule of Array.isArray(o.body.rules) ? o.body.rules : []) {
    const r = record(rule);
    const groups = strings(r.apiGroups);
    const names = strings(r.resourceNames);
    for (const verb of strings(r.verbs).map(whole)) {
      for (const group of (groups.length ? groups : [""]).map(whole).map(noSlash)) {
        for (const resource of strings(r.resources)) {
          for (const name of names.length ? names.map(literal).map(noSlash) : ["*"])
            out.push(`${verb} ${group}/${resourcePart(resource)}/${name}`);
        }
      }
      for (const url of strings(r.nonResourceURLs)) out.push(`${verb} url:${url}`);
    }
  }
  return [...new Set(out)];
}

const TOO_MANY_HINT = "review its rules by hand";

const coverTests = new WeakMap<readonly string[], (grant: string) => boolean>();
/** Whether the grants `by` allow everything `grant` does (the test built once per list). */
export function grantCovered(grant: string, by: readonly string[]): boolean {
  let test = coverTests.get(by);
  if (!test) {
    test = coveredBy(by);
    coverTests.set(by, test);
  }
  return test(grant);
}
/**
 * As said to a reader: the core group (written "") as `core`, and a group literally named
 * "core", which the API server does not know, quoted so the two never read alike.
 */
const describeGrant = (g: string) =>
  g
    .replace(/\/\*$/, "")
    .replace(/^(\S+) core\//, '$1 "core"/')
    .replace(/^(\S+) \//, "$1 core/");

function subjects(o: K8sObject): string[] {
  return (Array.isArray(o.body.subjects) ? o.body.subjects : []).map((s) => {
    const r = record(s);
    return `${String(r.kind ?? "")} ${r.namespace ? `${String(r.namespace)}/` : ""}${String(r.name ?? "")}`;
  });
}

function roleRef(o: K8sObject): string {
  const r = record(o.body.roleRef);
  return `${String(r.kind ?? "")}/${String(r.name ?? "")}`;
}

/** Where evidence about an object points: its name, else its kind. */
const lineOf = (o: K8sObject) => o.nameLine ?? o.kindLine;

/** Rules, subjects and roleRef: what RBAC objects are compared on before their other fields. */
const RBAC_FIELDS = new Set(["rules", "subjects", "roleRef"]);

/**
 * What contracts read of an object on one side: it exists; a Role's or ClusterRole's grants,
 * unless the file cannot tell them (then why).
 */
export function factsOf(o: K8sObject | undefined): ResourceFacts | undefined {
  if (!o) return undefined;
  if (o.kind !== "Role" && o.kind !== "ClusterRole") return { exists: true, policies: [] };
  if (isAggregated(o))
    return {
      exists: true,
      policies: [],
      grantsUnknown: `ClusterRole ${o.name} has an aggregationRule: the controller fills its rules from the ClusterRoles it selects, which only the cluster knows`,
    };
  const huge = tooManyGrants(o);
  if (huge !== undefined) return { exists: true, policies: [], grantsUnknown: `${huge}` };
  // Spelled out only when a contract asks: a change may add thousands of Roles no contract
  // is about, each up to MAX_RBAC_GRANTS grants.
  let spelled: readonly string[] | undefined;
  return {
    exists: true,
    policies: [],
    get grants() {
      spelled ??= grants(o);
      return spelled;
    },
  };
}

const facts = (was: K8sObject | undefined, now: K8sObject | undefined) => {
  const before = factsOf(was);
  const after = factsOf(now);
  return { ...(before ? { before } : {}), ...(after ? { after } : {}) };
};

/** One object at base and head (either may be absent), compared as above: undefined when the same. */
export function compareObject(
  was: K8sObject | undefined,
  now: K8sObject | undefined,
  file: ManifestFile,
  move?: { readonly from?: string; readonly to?: string },
): ResourceChange | undefined {
  const o = (now ?? was) as K8sObject;
  const address = objectAddress(o);
  // o is the base object only when there is no head one, so its line is on the right side;
  // an object that moves away is pointed at where it was.
  const at = (): Pick<Evidence, "file" | "line"> => {
    const line = lineOf(move?.to !== undefined && was ? was : o);
    return { file: file.path, ...(line ? { line } : {}) };
  };
  const evidence: Evidence[] = [];
  const classes = new Set<ChangeClass>();
  const note = (cls: ChangeClass, detail: string) => {
    classes.add(cls);
    evidence.push({ address, ...at(), detail });
  };
  if (!now) note("deleted", `${o.kind} ${o.name} is deleted`);
  else if (!was) note("added", `${o.kind} ${o.name} is added`);
  else {
    const huge = tooManyGrants(was) ?? tooManyGrants(now);
    if (huge !== undefined) note("unknown", `not compared: ${huge}; ${TOO_MANY_HINT}`);
    else if (o.kind === "Role" || o.kind === "ClusterRole") {
      const before = grants(was);
      const after = grants(now);
      for (const g of before)
        if (!grantCovered(g, after))
          note("permissions-removed", `no longer allows ${describeGrant(g)}`);
      for (const g of after)
        if (!grantCovered(g, before)) note("permissions-added", `now allows ${describeGrant(g)}`);
    }
    if (
      o.kind === "ClusterRole" &&
      (isAggregated(was) || isAggregated(now)) &&
      JSON.stringify(was.body.aggregationRule ?? null) !==
        JSON.stringify(now.body.aggregationRule ?? null)
    )
      note(
        "unknown",
        `aggregationRule changes: the controller replaces the rules of ClusterRole ${o.name} with those of the ClusterRoles it selects, which the cluster knows`,
      );
    if (o.kind === "RoleBinding" || o.kind === "ClusterRoleBinding") {
      if (roleRef(was) !== roleRef(now)) {
        note(
          "replaced",
          `roleRef changes from ${roleRef(was)} to ${roleRef(now)}: it cannot change in place, so the binding is recreated`,
        );
      }
      const before = subjects(was);
      const after = subjects(now);
      for (const s of before)
        if (!after.includes(s)) note("trust-narrowed", `no longer binds ${s}`);
      for (const s of after) if (!before.includes(s)) note("trust-widened", `now binds ${s}`);
    }
    // RBAC fields were compared above (a reordering of rules is no change); labels and the
    // rest of an object that also lost or gained permissions are said too.
    const fields = changedFields(was.body, now.body).filter(
      (f) => !(RBAC_KINDS.has(o.kind) && RBAC_FIELDS.has(f.split(/[.[]/)[0] as string)),
    );
    if (fields.length > 0) note("modified", describeFields(fields));
    if (move !== undefined && classes.size > 0)
      evidence.push({
        address,
        ...at(),
        detail:
          move.from !== undefined
            ? `${o.kind} ${o.name} moves here from ${move.from}`
            : `${o.kind} ${o.name} moves to ${move.to}`,
      });
  }
  if (classes.size === 0) return undefined;
  return {
    system: "kubernetes",
    address,
    type: o.kind,
    classes: [...classes].sort(compareClasses),
    evidence,
    ...facts(was, now),
  };
}

interface ReadFile {
  readonly file: ManifestFile;
  readonly was: ReadonlyMap<string, K8sObject>;
  readonly now: ReadonlyMap<string, K8sObject>;
}

const byAddress = (objects: readonly K8sObject[]) =>
  new Map(objects.map((o) => [objectAddress(o), o] as const));

/**
 * Each file's object changes (undefined for a file with no objects on either side, or one
 * that is not YAML: it is left to the path rules). `context`: other manifests at head, to find
 * bindings left pointing at a deleted role; each is read once, however many files share it.
 * `keeps`: whether an object moved from one file to another stays with whatever held it (the
 * nodes whose rules match the first also match the second); else it is deleted where it was
 * and added where it went.
 */
export function classifyManifestFiles(
  files: readonly ManifestFile[],
  context: readonly { path: string; text: string }[] = [],
  keeps: (from: string, to: string) => boolean = () => true,
): Map<string, ResourceChange[] | undefined> {
  const result = new Map<string, ResourceChange[] | undefined>();
  const read: ReadFile[] = [];
  const others: { file: ManifestFile; change: ResourceChange }[] = [];
  const none = { objects: [], rest: [] };
  for (const file of files) {
    const before = file.base === undefined ? none : readManifest(file.base);
    const after = file.head === undefined ? none : readManifest(file.head);
    if (
      before === undefined ||
      after === undefined ||
      before.objects.length + after.objects.length === 0
    ) {
      result.set(file.path, undefined);
      continue;
    }
    read.push({ file, was: byAddress(before.objects), now: byAddress(after.objects) });
    // What is not an object belongs to no object: it concerns every node of the file.
    if (JSON.stringify(before.rest) !== JSON.stringify(after.rest)) {
      others.push({
        file,
        change: {
          system: "file",
          address: file.path,
          type: "file",
          classes: ["modified"],
          evidence: [
            {
              file: file.path,
              detail: "parts of the file that are not Kubernetes objects change",
            },
          ],
        },
      });
    }
  }
  // Objects at head in each changed file, and those a changed file no longer holds.
  const atHead = new Map<string, ReadFile[]>();
  const gone = new Map<string, { from: ReadFile; object: K8sObject }>();
  for (const r of read) {
    for (const key of r.now.keys()) atHead.set(key, [...(atHead.get(key) ?? []), r]);
    for (const [key, object] of r.was) if (!r.now.has(key)) gone.set(key, { from: r, object });
  }
  const goneTo = (key: string, to: ReadFile) => {
    const moved = gone.get(key);
    // One that reaches nodes that did not hold it is new to them: added, not compared.
    return moved &&
      keeps(moved.from.file.path, to.file.path) &&
      keeps(to.file.path, moved.from.file.path)
      ? moved
      : undefined;
  };
  const deletedRoles = new Map<string, { file: ManifestFile; role: K8sObject }>();
  const headBindings = new Map<string, { path: string; binding: K8sObject }>();
  for (const r of read) {
    const changes: ResourceChange[] = [];
    for (const key of [...new Set([...r.was.keys(), ...r.now.keys()])].sort()) {
      const was = r.was.get(key);
      const now = r.now.get(key);
      let change: ResourceChange | undefined;
      if (was && !now) {
        // Still at head in another changed file: moved or copied there, not deleted. Where it
        // is new, it moved: it is compared with what it becomes, here as well as there.
        const elsewhere = atHead.get(key)?.filter((other) => keeps(r.file.path, other.file.path));
        if (elsewhere && elsewhere.length > 0) {
          const to = elsewhere.find((other) => !other.was.has(key));
          const moved = to && compareObject(was, to.now.get(key), r.file, { to: to.file.path });
          if (moved) changes.push(moved);
          continue;
        }
        if (was.kind === "Role" || was.kind === "ClusterRole")
          deletedRoles.set(key, { file: r.file, role: was });
        change = compareObject(was, undefined, r.file);
      } else if (!was && now) {
        const moved = goneTo(key, r);
        change = moved
          ? compareObject(moved.object, now, r.file, { from: moved.from.file.path })
          : compareObject(undefined, now, r.file);
      } else change = compareObject(was, now, r.file);
      if (change) changes.push(change);
    }
    for (const o of r.now.values())
      if (o.kind.endsWith("Binding"))
        headBindings.set(`${r.file.path}\u0000${objectAddress(o)}`, {
          path: r.file.path,
          binding: o,
        });
    result.set(r.file.path, changes);
  }
  for (const { file, change } of others) result.get(file.path)?.push(change);
  const changedPaths = new Set(files.map((f) => f.path));
  // Context files are parsed once, and only when something asks for them.
  let contextObjects: { path: string; objects: K8sObject[] }[] | undefined;
  const contextRbac = () => {
    if (contextObjects) return contextObjects;
    const seen = new Set<string>();
    contextObjects = [];
    for (const { path, text } of context) {
      if (changedPaths.has(path) || seen.has(path)) continue;
      seen.add(path);
      contextObjects.push({ path, objects: rbacObjects(text) ?? [] });
    }
    return contextObjects;
  };
  addAggregatedChanges(read, result, contextRbac);
  if (deletedRoles.size === 0) return result;
  for (const { path, objects } of contextRbac()) {
    for (const o of objects)
      if (o.kind.endsWith("Binding"))
        headBindings.set(`${path}\u0000${objectAddress(o)}`, { path, binding: o });
  }
  for (const { path, binding } of headBindings.values()) {
    const ref = record(binding.body.roleRef);
    const kind = String(ref.kind ?? "");
    const target = objectAddress({
      kind,
      name: String(ref.name ?? ""),
      ...(kind === "Role" && binding.namespace ? { namespace: binding.namespace } : {}),
    });
    const deleted = deletedRoles.get(target);
    if (!deleted) continue;
    // The binding itself did not change: the role's deletion breaks it, and the graph carries
    // that to it (and to its subjects). Said on the role, so a binding no node covers is named.
    const line = lineOf(binding);
    const roleChange = result
      .get(deleted.file.path)
      ?.find((c) => c.address === objectAddress(deleted.role) && c.classes.includes("deleted"));
    if (!roleChange) continue;
    const evidence: Evidence = {
      address: objectAddress(binding),
      file: path,
      ...(line ? { line } : {}),
      detail: `${binding.kind} ${binding.name} still refers to ${deleted.role.kind} ${deleted.role.name}: its subjects lose those permissions`,
    };
    const list = result.get(deleted.file.path) as ResourceChange[];
    list[list.indexOf(roleChange)] = {
      ...roleChange,
      evidence: [...roleChange.evidence, evidence],
    };
  }
  return result;
}

/**
 * A ClusterRole whose labels or rules change changes every ClusterRole that aggregates it
 * (selects it before or after, in the changed files or beside them at head): said on the
 * changed file, under the aggregator's address, so the aggregator's node sees it.
 */
function addAggregatedChanges(
  read: readonly ReadFile[],
  result: Map<string, ResourceChange[] | undefined>,
  context: () => readonly { path: string; objects: readonly K8sObject[] }[],
): void {
  // Across the changed files: a role that moves from one file to another is compared whole.
  const before = new Map<string, { file: ManifestFile; o: K8sObject }>();
  const after = new Map<string, { file: ManifestFile; o: K8sObject }>();
  for (const r of read) {
    for (const [key, o] of r.was)
      if (o.kind === "ClusterRole" && !before.has(key)) before.set(key, { file: r.file, o });
    for (const [key, o] of r.now)
      if (o.kind === "ClusterRole" && !after.has(key)) after.set(key, { file: r.file, o });
  }
  const changedRoles: { file: ManifestFile; was?: K8sObject; now?: K8sObject }[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(key);
    const now = after.get(key);
    if (was && now && JSON.stringify(was.o.body) === JSON.stringify(now.o.body)) continue;
    changedRoles.push({
      file: (now ?? was)?.file as ManifestFile,
      ...(was ? { was: was.o } : {}),
      ...(now ? { now: now.o } : {}),
    });
  }
  if (changedRoles.length === 0) return;
  const aggregators = new Map<string, { was?: K8sObject; now?: K8sObject }>();
  const side = (o: K8sObject, which: "was" | "now") => {
    if (!isAggregated(o)) return;
    const key = objectAddress(o);
    const sides = aggregators.get(key) ?? {};
    if (sides[which] === undefined) sides[which] = o;
    aggregators.set(key, sides);
  };
  for (const r of read) {
    for (const o of r.was.values()) side(o, "was");
    for (const o of r.now.values()) side(o, "now");
  }
  // An aggregator no changed file holds is the same at base and head.
  const unchanged = new Set(aggregators.keys());
  for (const { objects } of context())
    for (const o of objects) {
      const key = objectAddress(o);
      if (!isAggregated(o) || unchanged.has(key)) continue;
      aggregators.set(key, { was: o, now: o });
    }
  for (const role of changedRoles) {
    const o = (role.now ?? role.was) as K8sObject;
    const line = lineOf(o);
    const at = { file: role.file.path, ...(line ? { line } : {}) };
    for (const aggregator of aggregators.values()) {
      const change = aggregatedChange(
        role,
        aggregator as AggregatorSides,
        grants,
        tooManyGrants,
        grantCovered,
        describeGrant,
        at,
      );
      if (change)
        result.get(role.file.path)?.push({ ...change, ...facts(aggregator.was, aggregator.now) });
    }
  }
}
