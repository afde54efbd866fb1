// Kubernetes RBAC manifests at base and head: Roles and ClusterRoles compared rule by rule,
// bindings by their subjects and roleRef, ServiceAccounts by existence, and bindings left
// pointing at a role this change deletes.

import { compareClasses } from "../classes.js";
import type { ChangeClass } from "../model.js";
import type { Evidence, ResourceChange } from "./evidence.js";
import { record } from "./json-shapes.js";
import { type ManifestObject, manifestObjects, RBAC_KINDS } from "./kubernetes-manifests.js";
import { covers } from "./policy.js";

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

const addressOf = (o: Pick<K8sObject, "kind" | "name" | "namespace">) =>
  `${o.kind}/${o.namespace ? `${o.namespace}/` : ""}${o.name}`;

/** "verb group/resource[/name]" for every combination a Role's rules allow. */
function grants(o: K8sObject): string[] {
  const out: string[] = [];
  for (const rule of Array.isArray(o.body.rules) ? o.body.rules : []) {
    const r = record(rule);
    const groups = strings(r.apiGroups);
    const names = strings(r.resourceNames);
    for (const verb of strings(r.verbs)) {
      for (const group of groups.length ? groups : [""]) {
        for (const resource of strings(r.resources)) {
          for (const name of names.length ? names : ["*"])
            out.push(`${verb} ${group === "" ? "core" : group}/${resource}/${name}`);
        }
      }
      for (const url of strings(r.nonResourceURLs)) out.push(`${verb} url:${url}`);
    }
  }
  return [...new Set(out)];
}

const grantCovered = (grant: string, by: readonly string[]) =>
  by.some((g) => covers(g, grant, false));
const describeGrant = (g: string) => g.replace(/\/\*$/, "");

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

function compareObject(
  was: K8sObject | undefined,
  now: K8sObject | undefined,
  file: ManifestFile,
): ResourceChange | undefined {
  const o = (now ?? was) as K8sObject;
  const address = addressOf(o);
  // o is the base object only when there is no head one, so its line is on the right side.
  const at = (): Pick<Evidence, "file" | "line"> => {
    const line = lineOf(o);
    return { file: file.path, ...(line ? { line } : {}) };
  };
  const evidence: Evidence[] = [];
  const classes = new Set<ChangeClass>();
  if (!now) {
    classes.add("deleted");
    evidence.push({ address, ...at(), detail: `${o.kind} ${o.name} is deleted` });
  } else if (!was) {
    classes.add("added");
    evidence.push({ address, ...at(), detail: `${o.kind} ${o.name} is added` });
  } else {
    const note = (cls: ChangeClass, detail: string) => {
      classes.add(cls);
      evidence.push({ address, ...at(), detail });
    };
    if (o.kind === "Role" || o.kind === "ClusterRole") {
      const before = grants(was);
      const after = grants(now);
      for (const g of before)
        if (!grantCovered(g, after))
          note("permissions-removed", `no longer allows ${describeGrant(g)}`);
      for (const g of after)
        if (!grantCovered(g, before)) note("permissions-added", `now allows ${describeGrant(g)}`);
    }
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
    if (classes.size === 0 && JSON.stringify(was.body) !== JSON.stringify(now.body)) {
      classes.add("modified");
      evidence.push({ address, ...at(), detail: "labels or other fields change" });
    }
  }
  if (classes.size === 0) return undefined;
  return {
    system: "kubernetes",
    address,
    type: o.kind,
    classes: [...classes].sort(compareClasses),
    evidence,
  };
}

/**
 * Each file's RBAC changes (undefined for a file with no RBAC objects on either side).
 * `context`: other manifests at head, to find bindings left pointing at a deleted role.
 */
export function classifyRbacFiles(
  files: readonly ManifestFile[],
  context: readonly { path: string; text: string }[] = [],
): Map<string, ResourceChange[] | undefined> {
  const result = new Map<string, ResourceChange[] | undefined>();
  const deletedRoles = new Map<string, { file: ManifestFile; role: K8sObject }>();
  const headBindings: { path: string; binding: K8sObject }[] = [];
  const key = (o: Pick<K8sObject, "kind" | "namespace" | "name">) =>
    `${o.kind}/${o.namespace ?? ""}/${o.name}`;
  for (const file of files) {
    const before = file.base === undefined ? [] : rbacObjects(file.base);
    const after = file.head === undefined ? [] : rbacObjects(file.head);
    if (before === undefined || after === undefined || before.length + after.length === 0) {
      result.set(file.path, undefined);
      continue;
    }
    const was = new Map(before.map((o) => [key(o), o]));
    const now = new Map(after.map((o) => [key(o), o]));
    const changes: ResourceChange[] = [];
    for (const k of [...new Set([...was.keys(), ...now.keys()])].sort()) {
      const change = compareObject(was.get(k), now.get(k), file);
      if (change) changes.push(change);
      const role = was.get(k);
      if (role && !now.has(k) && (role.kind === "Role" || role.kind === "ClusterRole"))
        deletedRoles.set(k, { file, role });
    }
    for (const o of after)
      if (o.kind.endsWith("Binding")) headBindings.push({ path: file.path, binding: o });
    result.set(file.path, changes);
  }
  for (const { path, text } of context) {
    if (files.some((f) => f.path === path)) continue;
    for (const o of rbacObjects(text) ?? [])
      if (o.kind.endsWith("Binding")) headBindings.push({ path, binding: o });
  }
  // A deleted role may be recreated in another file of the same change: then it is not gone.
  for (const file of files)
    for (const o of (file.head && rbacObjects(file.head)) || []) deletedRoles.delete(key(o));
  for (const { path, binding } of headBindings) {
    const ref = record(binding.body.roleRef);
    const kind = String(ref.kind ?? "");
    const target = key({
      kind,
      name: String(ref.name ?? ""),
      ...(kind === "Role" && binding.namespace ? { namespace: binding.namespace } : {}),
    });
    const deleted = deletedRoles.get(target);
    if (!deleted) continue;
    const line = lineOf(binding);
    const change: ResourceChange = {
      system: "kubernetes",
      address: addressOf(binding),
      type: binding.kind,
      classes: ["permissions-removed"],
      evidence: [
        {
          address: addressOf(binding),
          file: path,
          ...(line ? { line } : {}),
          detail: `${binding.kind} ${binding.name} still refers to ${deleted.role.kind} ${deleted.role.name}, which this change deletes: its subjects lose those permissions`,
        },
      ],
    };
    // Reported with the file that holds the binding when it is part of the change, else with the role's.
    const home = result.get(path) ?? result.get(deleted.file.path);
    home?.push(change);
  }
  return result;
}
