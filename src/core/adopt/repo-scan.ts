// What a repository says about its own graph: Terraform resources and the references between
// them, Kubernetes RBAC objects and the workloads that run as service accounts, and
// CODEOWNERS. Pure: the adapter reads and parses the files; this turns parser output into
// facts that `init` and drift checks share.

import { record } from "../classify/json-shapes.js";
import { manifestObjects, RBAC_KINDS } from "../classify/kubernetes-manifests.js";
import { blockLine, type HclJson, moduleLine } from "../classify/terraform-file.js";
import type { Codeowners } from "../codeowners.js";
import { declaresKinds } from "../config/yaml-documents.js";
import type { Diagnostic } from "../model.js";
import type { ScannedTemplateResource } from "./template-scan.js";

export interface TerraformReference {
  /** The address referred to, in the same module directory. */
  readonly to: string;
  /** The attribute the reference is written in: `role`, `policy_arn` … */
  readonly attribute: string;
}

export interface ScannedResource {
  /** `aws_iam_role.runner`, or `module.jobs` for a module call. */
  readonly address: string;
  readonly type: string;
  readonly name: string;
  readonly file: string;
  /** The module directory: addresses are unique only inside one. */
  readonly dir: string;
  readonly line?: number;
  readonly references: readonly TerraformReference[];
}

export interface K8sSubject {
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

export interface ScannedObject {
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
  readonly file: string;
  readonly line?: number;
  /** Bindings: the role they grant. */
  readonly roleRef?: { readonly kind: string; readonly name: string };
  readonly subjects?: readonly K8sSubject[];
  /** Workloads: the service account their pods run as. */
  readonly serviceAccount?: string;
}

export interface RepoScan {
  /** Every file, relative to the repository root. */
  readonly files: readonly string[];
  readonly terraform: readonly ScannedResource[];
  readonly kubernetes: readonly ScannedObject[];
  /** The resources of CloudFormation and CDK templates. */
  readonly cloudformation?: readonly ScannedTemplateResource[];
  readonly codeowners?: Codeowners;
  /** YAML files of Backstage entities (not only Locations): included as they are, not drafted. */
  readonly catalogs?: readonly string[];
  /** Files that could not be read or parsed, as warnings. */
  readonly problems: readonly Diagnostic[];
}

const EXPRESSION = /\$\{([\s\S]*?)\}/g;
const REFERENCE = /(?<![\w.])((?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z_][A-Za-z0-9_-]*)/g;
const NOT_RESOURCES = new Set(["var", "path", "count", "each", "self", "terraform"]);

/** References written anywhere in a block's body, with the top-level attribute they are in. */
function referencesIn(body: unknown): TerraformReference[] {
  const found = new Map<string, TerraformReference>();
  const walk = (value: unknown, attribute: string) => {
    if (typeof value === "string") {
      for (const expression of value.matchAll(EXPRESSION)) {
        for (const match of (expression[1] as string).matchAll(REFERENCE)) {
          const reference = match[1] as string;
          const head = reference.split(".")[0] as string;
          if (NOT_RESOURCES.has(head)) continue;
          // module.x.output is read as the module call, data.t.n as the data source.
          const key = `${reference}\u0000${attribute}`;
          if (!found.has(key)) found.set(key, { to: reference, attribute });
        }
      }
      return;
    }
    if (Array.isArray(value)) for (const v of value) walk(v, attribute);
    else if (value !== null && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) walk(v, attribute === "" ? k : attribute);
    }
  };
  walk(body, "");
  return [...found.values()];
}

/** A `locals` value of a module folder, and what it refers to (`local.x` included). */
export interface ScannedLocal {
  readonly dir: string;
  readonly name: string;
  readonly references: readonly TerraformReference[];
}

const dirOf = (file: string) => (file.includes("/") ? file.slice(0, file.lastIndexOf("/")) : "");

/** The locals of one Terraform file. */
export function terraformLocals(file: string, json: HclJson): ScannedLocal[] {
  const dir = dirOf(file);
  const blocks = Array.isArray(json.locals) ? json.locals : [json.locals];
  return blocks.flatMap((block) =>
    Object.entries(record(block)).map(([name, value]) => ({
      dir,
      name,
      references: referencesIn({ [name]: value }),
    })),
  );
}

/**
 * References through locals, followed to what the locals refer to in the same folder
 * (`key_users = [local.cluster_role]`, where `cluster_role = aws_iam_role.this[0].arn`), each
 * kept under the attribute it is written in; a local no file of the folder declares is dropped.
 */
export function resolveLocals(
  resources: readonly ScannedResource[],
  locals: readonly ScannedLocal[],
): ScannedResource[] {
  const byName = new Map(locals.map((l) => [`${l.dir}\u0000local.${l.name}`, l]));
  const targets = (dir: string, local: string, seen: Set<string>): string[] => {
    const key = `${dir}\u0000${local}`;
    const found = byName.get(key);
    if (!found || seen.has(key)) return [];
    seen.add(key);
    return found.references.flatMap((r) =>
      r.to.startsWith("local.") ? targets(dir, r.to, seen) : [r.to],
    );
  };
  return resources.map((resource) => {
    if (!resource.references.some((r) => r.to.startsWith("local."))) return resource;
    const out = new Map<string, TerraformReference>();
    for (const r of resource.references) {
      const to = r.to.startsWith("local.") ? targets(resource.dir, r.to, new Set()) : [r.to];
      for (const t of to) out.set(`${t}\u0000${r.attribute}`, { to: t, attribute: r.attribute });
    }
    return { ...resource, references: [...out.values()] };
  });
}

/** The resources and module calls of one Terraform file, as hcl2json gives it. */
export function terraformResources(file: string, json: HclJson, text: string): ScannedResource[] {
  const dir = dirOf(file);
  const out: ScannedResource[] = [];
  for (const [type, byName] of Object.entries(record(json.resource))) {
    for (const [name, bodies] of Object.entries(record(byName))) {
      out.push({
        address: `${type}.${name}`,
        type,
        name,
        file,
        dir,
        line: blockLine(text, { kind: "resource", type, name }),
        references: referencesIn(bodies),
      });
    }
  }
  for (const [name, bodies] of Object.entries(record(json.module))) {
    out.push({
      address: `module.${name}`,
      type: "module",
      name,
      file,
      dir,
      line: moduleLine(text, name),
      references: referencesIn(bodies),
    });
  }
  return out;
}

/**
 * The service account an object's pods run as: `spec.serviceAccountName` (a Pod, or a custom
 * resource such as Prometheus), its pod template's, or its job template's (a CronJob).
 */
export function serviceAccountOf(body: Record<string, unknown>): string | undefined {
  const spec = record(body.spec);
  const template = record(record(spec.template).spec);
  const jobTemplate = record(record(record(record(spec.jobTemplate).spec).template).spec);
  for (const pod of [spec, template, jobTemplate]) {
    // serviceAccount is the deprecated spelling Kubernetes still reads.
    const account = pod.serviceAccountName ?? pod.serviceAccount;
    if (typeof account === "string" && account !== "") return account;
  }
  return undefined;
}

/**
 * The RBAC objects and workloads of a YAML file (at the line of their kind); empty when it
 * holds none or is not YAML. A workload is any object, custom resources included, whose pods
 * run as a named service account.
 */
export function kubernetesObjects(file: string, text: string): ScannedObject[] {
  if (!declaresKinds(text)) return [];
  const out: ScannedObject[] = [];
  const objects = manifestObjects(text) ?? [];
  for (const { kind, name, namespace, body: d, kindLine: line } of objects) {
    const base = {
      kind,
      name,
      file,
      ...(namespace ? { namespace } : {}),
      ...(line ? { line } : {}),
    };
    if (kind === "RoleBinding" || kind === "ClusterRoleBinding") {
      const roleRef = record(d.roleRef);
      out.push({
        ...base,
        ...(typeof roleRef.name === "string"
          ? { roleRef: { kind: String(roleRef.kind ?? "Role"), name: roleRef.name } }
          : {}),
        subjects: (Array.isArray(d.subjects) ? d.subjects : []).flatMap((s) => {
          const subject = record(s);
          return typeof subject.name === "string"
            ? [
                {
                  kind: String(subject.kind ?? ""),
                  name: subject.name,
                  ...(typeof subject.namespace === "string"
                    ? { namespace: subject.namespace }
                    : {}),
                },
              ]
            : [];
        }),
      });
      continue;
    }
    if (RBAC_KINDS.has(kind)) {
      out.push(base);
      continue;
    }
    const account = serviceAccountOf(d);
    if (account !== undefined) out.push({ ...base, serviceAccount: account });
  }
  return out;
}
