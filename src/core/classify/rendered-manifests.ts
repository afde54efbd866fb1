// Manifests rendered at the base and at the head (`helm template`, `kubectl kustomize`),
// compared as the objects a cluster would receive: files paired by their path inside each
// render, objects compared by kind, namespace and name (kubernetes-rbac.ts), and each object's
// chart template named when Helm's `# Source:` line says which one.

import { compareClasses } from "../classes.js";
import { declaresKinds, MAX_EXPANDED_NODES, parseDocuments } from "../config/yaml-documents.js";
import type { Unjudged } from "../model.js";
import { classifyTemplateFile } from "./cloudformation-changes.js";
import { looksLikeTemplate } from "./cloudformation-template.js";
import type { DiscoveredReference, Evidence, ResourceChange } from "./evidence.js";
import { CLUSTER_SCOPED, objectAddress } from "./kubernetes-address.js";
import { type ManifestObject, manifestObjects } from "./kubernetes-manifests.js";
import { classifyManifestFiles, type ManifestFile, tooManyGrants } from "./kubernetes-rbac.js";

/** One file of a render: its text, or why it was not read. */
export type RenderedFile =
  | { readonly path: string; readonly text: string }
  | { readonly path: string; readonly problem: string };

/** One render: the path it was given as, and its files relative to it ("" when it is a file). */
export interface RenderedTree {
  readonly root: string;
  readonly files: readonly RenderedFile[];
}

export interface RenderedComparison {
  readonly resources: ResourceChange[];
  /** References between the resources of synthesised templates at the head (discovered edges). */
  readonly references: DiscoveredReference[];
  /** Files that could not be compared, with why. */
  readonly unjudged: Unjudged[];
  /** Changed namespaced objects written without a namespace (and none was given): named `Kind/name`. */
  readonly withoutNamespace: string[];
}

export interface CompareRenderOptions {
  /**
   * The namespace of namespaced objects the render writes without one (`helm template` leaves
   * it out unless the chart writes it): how they are named to match.kubernetes rules.
   */
  readonly namespace?: string;
}

/** Where a file of a render is, for messages and evidence. */
export function renderedPath(root: string, path: string): string {
  return path === "" ? root : `${root.replace(/\/+$/, "")}/${path}`;
}

const SOURCE = /^# Source: (\S.*?)\s*$/;
/** A template path longer than this is not one Helm wrote: not said. */
const MAX_SOURCE = 512;
const SEPARATOR = /^---(\s|$)/;

/**
 * The chart template each object of a Helm render came from, by object address: Helm writes
 * `# Source: <chart>/templates/<file>` after the `---` of each document it renders.
 */
export function sourceTemplates(text: string): Map<string, string> {
  return sourcesOf(text, manifestObjects(text) ?? []);
}

/** sourceTemplates, for objects already read from the text. */
function sourcesOf(text: string, objects: readonly ManifestObject[]): Map<string, string> {
  const out = new Map<string, string>();
  if (objects.length === 0 || !text.includes("# Source:")) return out;
  // The source in force at each line: set by a Source line, ended by the next separator.
  const lines = text.split("\n");
  const sourceAt: (string | undefined)[] = new Array(lines.length + 1);
  let current: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (SEPARATOR.test(line)) current = undefined;
    else {
      const source = line.length <= MAX_SOURCE ? SOURCE.exec(line) : null;
      if (source) current = source[1];
    }
    sourceAt[i + 1] = current;
  }
  for (const o of objects) {
    const line = o.kindLine ?? o.nameLine;
    const source = line === undefined ? undefined : sourceAt[line];
    if (source !== undefined && !out.has(objectAddress(o))) out.set(objectAddress(o), source);
  }
  return out;
}

/** Kinds that have no namespace: the known ones, and custom ones named Cluster… by convention. */
const clusterScoped = (kind: string) => CLUSTER_SCOPED.has(kind) || /^Cluster[A-Z]/.test(kind);

/** `Kind/name` as `Kind/<namespace>/name` for a namespaced kind written without a namespace. */
export function defaultNamespace(address: string, namespace: string): string {
  const parts = address.split("/");
  if (parts.length !== 2 || clusterScoped(parts[0] as string)) return address;
  return `${parts[0]}/${namespace}/${parts[1]}`;
}

/** One entry per object: a move is said in the file it left and in the one it reached. */
function mergeByAddress(changes: readonly ResourceChange[]): ResourceChange[] {
  const out = new Map<string, ResourceChange>();
  for (const change of changes) {
    const known = out.get(change.address);
    out.set(
      change.address,
      known
        ? {
            ...known,
            classes: [...new Set([...known.classes, ...change.classes])].sort(compareClasses),
            evidence: [...known.evidence, ...change.evidence],
          }
        : change,
    );
  }
  return [...out.values()];
}

export { MAX_RBAC_GRANTS } from "./kubernetes-rbac.js";

/** A Role or ClusterRole of the file whose rules spell out more combinations than can be compared. */
const tooManyIn = (objects: readonly ManifestObject[]): string | undefined =>
  objects.map(tooManyGrants).find((why) => why !== undefined);

/** Where each object of a render is written: one path per document that holds it. */
function writtenAt(tree: RenderedTree, files: ReadonlyMap<string, RenderedFile>) {
  const out = new Map<string, string[]>();
  for (const file of files.values()) {
    if (!isRead(file)) continue;
    for (const o of manifestObjects(file.text) ?? []) {
      const address = objectAddress(o);
      const at = renderedPath(tree.root, file.path);
      out.set(address, [...(out.get(address) ?? []), at]);
    }
  }
  return out;
}

/**
 * An object of the file that the render writes more than once: which one is applied depends
 * on the tool (kubectl applies each in turn, the last wins; others refuse or keep the first).
 */
function twiceIn(
  objects: readonly ManifestObject[],
  written: ReadonlyMap<string, readonly string[]>,
  side: string,
): string | undefined {
  for (const o of objects) {
    const at = written.get(objectAddress(o)) ?? [];
    if (at.length > 1)
      return `not compared: ${o.kind} ${o.name} is written twice ${side} (${[...new Set(at)].join(", ")}); which one applies depends on the tool that applies the render: keep one`;
  }
  return undefined;
}

type ReadText = { readonly path: string; readonly text: string };
const isRead = (f: RenderedFile): f is ReadText => "text" in f;

/** Why a text is not a YAML stream of objects, if it is not. */
function notYaml(text: string, shown: string): string | undefined {
  const parsed = parseDocuments(text, shown, { maxExpanded: MAX_EXPANDED_NODES });
  if (parsed.ok) return undefined;
  const { message, line } = parsed.diagnostic;
  return `${line !== undefined ? `line ${line}: ` : ""}${message}`;
}

/**
 * The object changes between two renders. A file on one side only is all added or all
 * deleted, and an object that moves between files is the same object; a file that could not
 * be read or parsed on either side is not compared, and said.
 */
export function compareRenders(
  base: RenderedTree,
  head: RenderedTree,
  options: CompareRenderOptions = {},
): RenderedComparison {
  const unjudged: Unjudged[] = [];
  const before = new Map(base.files.map((f) => [f.path, f] as const));
  const after = new Map(head.files.map((f) => [f.path, f] as const));
  // Two single files share the key "" and are paired whatever their names; so are a file and
  // a folder of one file (a render that moved to --output-dir).
  const single = before.size === 1 && after.size === 1 && before.has("") !== after.has("");
  const keys = single ? [""] : [...new Set([...before.keys(), ...after.keys()])].sort();
  const pick = (side: Map<string, RenderedFile>, key: string) =>
    single ? [...side.values()][0] : side.get(key);

  const changed: ManifestFile[] = [];
  const templateChanges: ResourceChange[] = [];
  const references: DiscoveredReference[] = [];
  const context: { path: string; text: string }[] = [];
  type Side = { readonly text: string; readonly objects: readonly ManifestObject[] };
  const sides = new Map<string, { was: Side; now: Side }>();
  const written = { base: writtenAt(base, before), head: writtenAt(head, after) };
  for (const key of keys) {
    const was = pick(before, key);
    const now = pick(after, key);
    const shown = now ? renderedPath(head.root, now.path) : renderedPath(base.root, key);
    const failed = [was, now].find((f) => f !== undefined && !isRead(f));
    if (failed && !isRead(failed)) {
      unjudged.push({
        file: shown,
        reason: `${failed === was ? `at the base (${renderedPath(base.root, failed.path)})` : "at the head"}: ${failed.problem}`,
      });
      continue;
    }
    const wasText = was && isRead(was) ? was.text : undefined;
    const nowText = now && isRead(now) ? now.text : undefined;
    if (wasText === nowText) {
      if (nowText !== undefined) context.push({ path: shown, text: nowText });
      continue;
    }
    // A synthesised CloudFormation template (`cdk synth`'s cdk.out, a SAM build) is compared as
    // templates are, under the path the head render gives it.
    const template = renderedTemplate(shown, wasText, nowText);
    if (template !== undefined) {
      if ("unreadable" in template) unjudged.push({ file: shown, reason: template.unreadable });
      else {
        templateChanges.push(...template.resources);
        references.push(...template.references);
      }
      continue;
    }
    // Read once here, for the checks below, the Source lines and the version labels; the
    // comparison reads them again (its own reader, shared with changed files).
    const wasObjects = wasText === undefined ? [] : manifestObjects(wasText);
    const nowObjects = nowText === undefined ? [] : manifestObjects(nowText);
    const broken =
      (wasObjects === undefined ? notYaml(wasText as string, shown) : undefined) ??
      (nowObjects === undefined ? notYaml(nowText as string, shown) : undefined);
    if (broken !== undefined || wasObjects === undefined || nowObjects === undefined) {
      unjudged.push({
        file: shown,
        reason: `not a YAML stream of Kubernetes objects (${broken ?? "it does not parse"}); render it again, or fix the chart or overlay`,
      });
      continue;
    }
    const twice =
      twiceIn(wasObjects, written.base, "at the base") ??
      twiceIn(nowObjects, written.head, "at the head");
    if (twice !== undefined) {
      unjudged.push({ file: shown, reason: twice });
      continue;
    }
    const huge = tooManyIn(wasObjects) ?? tooManyIn(nowObjects);
    if (huge !== undefined) {
      unjudged.push({ file: shown, reason: `not compared: ${huge}` });
      continue;
    }
    changed.push({
      path: shown,
      ...(wasText !== undefined ? { base: wasText } : {}),
      ...(nowText !== undefined ? { head: nowText } : {}),
    });
    sides.set(shown, {
      was: { text: wasText ?? "", objects: wasObjects },
      now: { text: nowText ?? "", objects: nowObjects },
    });
  }

  const resources: ResourceChange[] = [];
  const classified = classifyManifestFiles(changed, context);
  // Source lines are read only for files with changes, once per side.
  const templates = new Map<string, { was: Map<string, string>; now: Map<string, string> }>();
  const templateOf = (file: string | undefined, address: string | undefined) => {
    if (file === undefined || address === undefined) return undefined;
    let known = templates.get(file);
    if (!known) {
      const read = sides.get(file);
      known = {
        was: read ? sourcesOf(read.was.text, read.was.objects) : new Map(),
        now: read ? sourcesOf(read.now.text, read.now.objects) : new Map(),
      };
      templates.set(file, known);
    }
    return known.now.get(address) ?? known.was.get(address);
  };
  const ns = options.namespace;
  const named = (address: string) => (ns ? defaultNamespace(address, ns) : address);
  for (const file of changed) {
    for (const change of classified.get(file.path) ?? []) {
      if (change.system !== "kubernetes") {
        // Documents that are not objects: nothing says which object they belong to.
        unjudged.push({
          file: file.path,
          reason: "documents that are not Kubernetes objects (no kind or no metadata.name) change",
        });
        continue;
      }
      const kept = change;
      const evidence: Evidence[] = kept.evidence.map((e) => {
        const template = templateOf(e.file, e.address);
        return {
          ...e,
          ...(e.address !== undefined ? { address: named(e.address) } : {}),
          detail: template ? `${e.detail} (from ${template})` : e.detail,
        };
      });
      resources.push({
        ...kept,
        address: named(kept.address),
        ...(kept.previousAddress ? { previousAddress: named(kept.previousAddress) } : {}),
        evidence,
      });
    }
  }
  const merged = mergeByAddress(resources);
  const withoutNamespace = ns
    ? []
    : merged.map((r) => r.address).filter((a) => defaultNamespace(a, "-") !== a);
  return { resources: [...merged, ...templateChanges], references, unjudged, withoutNamespace };
}

/** `./cdk.out/x` and `cdk.out/x` are one template: addresses are written without `./`. */
const plainPath = (path: string) => path.replace(/^(?:\.\/)+/, "");

/**
 * The changes of a synthesised template (JSON as CDK writes it, or YAML that is a template and
 * not Kubernetes objects); undefined for any other file.
 */
function renderedTemplate(
  shown: string,
  before: string | undefined,
  after: string | undefined,
): ReturnType<typeof classifyTemplateFile> {
  const sides = [before, after].filter((t) => t !== undefined);
  const json = /\.json$/i.test(shown);
  if (!json && sides.some((t) => declaresKinds(t))) return undefined;
  if (!sides.some((t) => looksLikeTemplate(t))) return undefined;
  return classifyTemplateFile({ path: plainPath(shown) }, before, after);
}
