import { classOfUncomparedFile, compareClasses } from "../classes.js";
import {
  compileResourcePatterns,
  type ResourcePattern,
} from "../classify/cloudformation-address.js";
import { compileObjectPattern } from "../classify/kubernetes-address.js";
import { isKustomizationPath } from "../classify/kustomize-file.js";
import { addressMatches } from "../classify/terraform-address.js";
import type {
  ChangeCause,
  ChangeClass,
  ChangedNode,
  FileChange,
  GraphNode,
  QuietFile,
  ResourceChange,
} from "../model.js";
import type { ObjectInput } from "../object-input.js";
import type { Matcher } from "./glob.js";
import type { ObjectIndex } from "./object-index.js";
import { namesOneFile, type PathHit, type PathIndex } from "./path-index.js";
import type { TerraformIndex } from "./terraform-index.js";

export interface LocatedChanges {
  readonly changed: ChangedNode[];
  readonly unmatchedFiles: string[];
  readonly quietFiles: QuietFile[];
  readonly unmatchedResources: string[];
}

const union = (lists: readonly (readonly ChangeClass[])[]): ChangeClass[] =>
  [...new Set(lists.flat())].sort(compareClasses);

const objectPatterns = new WeakMap<GraphNode, readonly Matcher[]>();

/** A node's match.kubernetes patterns, compiled once per node. */
function kubernetesPatternsOf(node: GraphNode): readonly Matcher[] {
  if (node.match.kubernetes.length === 0) return [];
  let patterns = objectPatterns.get(node);
  if (!patterns) {
    patterns = node.match.kubernetes.map(compileObjectPattern);
    objectPatterns.set(node, patterns);
  }
  return patterns;
}

const templatePatterns = new WeakMap<GraphNode, readonly ResourcePattern[]>();

/** A node's match.cloudformation patterns, compiled once per node (malformed ones left out). */
function cloudFormationPatternsOf(node: GraphNode): readonly ResourcePattern[] {
  const rules = node.match.cloudformation ?? [];
  if (rules.length === 0) return [];
  let patterns = templatePatterns.get(node);
  if (!patterns) {
    patterns = compileResourcePatterns(rules);
    templatePatterns.set(node, patterns);
  }
  return patterns;
}

/**
 * The resources of a file that belong to a node: all of them, unless the node names its
 * Terraform resources, Kubernetes objects or template resources; then only those of that
 * system (what could not be read, a `file` resource, concerns every node).
 */
function resourcesOf(
  node: GraphNode,
  resources: readonly ResourceChange[],
  terraform: TerraformIndex,
  objectIndex: () => ObjectIndex,
): ResourceChange[] {
  const patterns = terraform.patternsOf(node);
  const objects = kubernetesPatternsOf(node);
  const templates = cloudFormationPatternsOf(node);
  // What an identity has only through a policy another node stands for is that node's change.
  const own = resources.filter(
    (r) =>
      r.through === undefined ||
      (r.system === "cloudformation"
        ? objectIndex().match("cloudformation", r.through).length === 0
        : terraform.match(r.through).length === 0),
  );
  if (patterns.length === 0 && objects.length === 0 && templates.length === 0) return own;
  return own.filter((r) => {
    if (r.system === "terraform" && patterns.length > 0)
      return patterns.some(
        (p) =>
          addressMatches(p, r.address) ||
          (r.previousAddress !== undefined && addressMatches(p, r.previousAddress)),
      );
    if (r.system === "kubernetes" && objects.length > 0)
      return objects.some((p) => p.test(r.address));
    if (r.system === "cloudformation" && templates.length > 0)
      return templates.some(
        (p) => p.test(r.address) || (r.previousAddress !== undefined && p.test(r.previousAddress)),
      );
    return true;
  });
}

const TERRAFORM_FILE = /\.tf$/;
const folderOf = (path: string) =>
  path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : ".";

/**
 * A rename within a Terraform module folder: the module is the same, so what its evaluation
 * says (the file's resources) holds for every node, whichever path the node matches.
 */
const staysInModule = (from: string, to: string) =>
  TERRAFORM_FILE.test(from) && TERRAFORM_FILE.test(to) && folderOf(from) === folderOf(to);

/**
 * Which nodes the changed files and the resources of plans, change sets and rendered
 * manifests touch, and how. Renames match both the
 * old and the new path; moved resources both addresses. A node that a rename's old path
 * matches and its new path does not loses the file (`deleted`, whatever it holds); one that
 * only the new path matches gains it (`added`).
 */
export function locateChanges(
  files: readonly FileChange[],
  inputs: readonly ObjectInput[],
  index: PathIndex,
  terraformIndex: () => TerraformIndex,
  objectIndex: () => ObjectIndex,
  nodeOf: (id: string) => GraphNode | undefined,
): LocatedChanges {
  const causes = new Map<string, ChangeCause[]>();
  const resources = new Map<string, ResourceChange[]>();
  const add = (node: string, cause: ChangeCause, found: readonly ResourceChange[]) => {
    const list = causes.get(node);
    if (list) list.push(cause);
    else causes.set(node, [cause]);
    if (found.length > 0) resources.set(node, [...(resources.get(node) ?? []), ...found]);
  };
  const unmatchedFiles: string[] = [];
  const quietFiles: QuietFile[] = [];
  const seen = new Set<string>();
  // Files this change leaves as they were: an object of a node that goes from one of its files
  // is still declared in those of its other files that the change does not touch (a base
  // manifest, or another bundle generated from it), so it is not gone.
  const touched = new Set(
    files.flatMap((f) => [f.path, ...(f.previousPath ? [f.previousPath] : [])]),
  );
  const survives = (node: GraphNode, r: ResourceChange): boolean =>
    r.system === "kubernetes" &&
    r.classes.includes("deleted") &&
    // An overlay that no longer emits an object says so for all of its files (its patches too).
    !r.evidence.some((e) => e.file !== undefined && isKustomizationPath(e.file)) &&
    node.match.kubernetes.length > 0 &&
    node.match.paths.some(
      (rule) => rule.repo === undefined && namesOneFile(rule.glob) && !touched.has(rule.glob),
    );
  // A folder's changes are shared by its changed files: each is a node's once, through the
  // file it is attached to when the node matches that file.
  const home = new Map<ResourceChange, string>();
  for (const file of files) for (const r of file.resources ?? []) home.set(r, file.path);
  const reported = new Map<string, Set<ResourceChange>>();
  for (const file of files) {
    // The same file listed twice is one change.
    const key = `${file.status}\u0000${file.path}\u0000${file.previousPath ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const paths =
      file.previousPath && file.previousPath !== file.path
        ? [file.path, file.previousPath]
        : [file.path];
    let matched = false;
    const quiet: string[] = [];
    const hits = paths.map((path) => index.match(path, file.repo));
    const moved =
      file.previousPath !== undefined &&
      file.previousPath !== file.path &&
      !staysInModule(file.previousPath, file.path);
    for (const [side, path] of paths.entries()) {
      const other = new Set((hits[1 - side] ?? []).map((h) => h.node));
      for (const hit of hits[side] ?? []) {
        matched = true;
        const node = nodeOf(hit.node);
        if (!node) continue;
        if (moved && !other.has(hit.node)) {
          // Same contents do not make a move quiet: the node's rules no longer (or newly)
          // hold the file.
          const gone = path !== file.path;
          const unread = (file.resources ?? []).some((r) => r.classes.includes("unknown"));
          add(
            hit.node,
            {
              kind: "file",
              file: path,
              status: gone ? "removed" : "added",
              classes: [gone ? "deleted" : unread ? "unknown" : "added"],
              rule: hit.rule.source,
              evidence: [
                {
                  file: path,
                  detail: gone
                    ? `moved to ${file.path}, which this node's rules do not match`
                    : `moved here from ${file.previousPath}, which this node's rules do not match`,
                },
              ],
            },
            [],
          );
          continue;
        }
        if (file.resources === undefined) {
          add(
            hit.node,
            {
              kind: "file",
              file: path,
              status: file.status,
              // A node that stands for some objects of a file cannot tell, unread, whether
              // its objects changed.
              classes: [
                node.match.kubernetes.length > 0 && file.status === "modified"
                  ? "unknown"
                  : classOfUncomparedFile(file.status, path),
              ],
              rule: hit.rule.source,
              evidence: [],
            },
            [],
          );
          continue;
        }
        const shared = file.folderResources ?? file.resources;
        const done = reported.get(hit.node) ?? new Set<ResourceChange>();
        reported.set(hit.node, done);
        // A node that names no Terraform resources owns the folder's changes written in files
        // it matches, as it owned a file's resources before folders were read whole.
        const all = resourcesOf(node, shared, terraformIndex(), objectIndex).filter(
          (r) =>
            file.folderResources === undefined ||
            terraformIndex().patternsOf(node).length > 0 ||
            r.evidence.some(
              (e) =>
                e.file !== undefined &&
                index.match(e.file, file.repo).some((h) => h.node === hit.node),
            ),
        );
        const mine = all.filter((r) => {
          const at = home.get(r);
          const elsewhere =
            at !== undefined &&
            at !== path &&
            index.match(at, file.repo).some((h) => h.node === hit.node);
          return !done.has(r) && !elsewhere && !survives(node, r);
        });
        for (const r of mine) done.add(r);
        const classes = union(mine.map((r) => r.classes));
        if (classes.length === 0) {
          // Reported through another changed file of the same folder: not quiet.
          if (all.some((r) => r.classes.length > 0)) continue;
          // A node matching both paths of a rename is quiet once.
          if (!quiet.includes(hit.node)) quiet.push(hit.node);
          continue;
        }
        const evidence = mine.flatMap((r) =>
          r.evidence.map((e) => ({ ...e, file: e.file ?? path })),
        );
        add(
          hit.node,
          {
            kind: "file",
            file: path,
            status: file.status,
            classes,
            rule: hit.rule.source,
            evidence,
          },
          mine,
        );
      }
    }
    // A file no node matches that changes the module of files nodes do match: what it
    // changes there (or that it could not be judged) is those nodes' change; nothing, and it
    // stays unmatched.
    const direct = new Set(hits.flat().map((h) => h.node));
    const reached = new Map<string, PathHit>();
    for (const neighbour of file.reaches ?? [])
      for (const hit of index.match(neighbour, file.repo))
        if (!direct.has(hit.node) && !reached.has(hit.node)) reached.set(hit.node, hit);
    for (const hit of reached.values()) {
      const node = nodeOf(hit.node);
      if (!node || file.resources === undefined) continue;
      const done = reported.get(hit.node) ?? new Set<ResourceChange>();
      reported.set(hit.node, done);
      // Its own resources: what it changes of what its neighbours declare (classify-changes).
      const mine = resourcesOf(node, file.resources, terraformIndex(), objectIndex).filter(
        (r) => !done.has(r) && r.classes.length > 0,
      );
      if (mine.length === 0) continue;
      for (const r of mine) done.add(r);
      matched = true;
      add(
        hit.node,
        {
          kind: "file",
          file: file.path,
          status: file.status,
          classes: union(mine.map((r) => r.classes)),
          rule: hit.rule.source,
          evidence: mine.flatMap((r) =>
            r.evidence.map((e) => ({
              ...e,
              file: e.file ?? file.path,
              detail: `${e.detail} (in the module folder of ${hit.rule.glob})`,
            })),
          ),
        },
        mine,
      );
    }
    if (!matched) unmatchedFiles.push(file.path);
    if (quiet.length > 0) {
      quietFiles.push({
        file: file.path,
        nodes: quiet,
        reason:
          file.folderResources !== undefined || /\.tf$/.test(file.path)
            ? (file.folderResources ?? file.resources)?.length === 0
              ? "nothing that matters changed: every resource of its Terraform folder evaluates the same"
              : "none of these nodes' resources changed"
            : file.resources?.length === 0
              ? "nothing that matters changed: comments or formatting"
              : file.resources?.some((r) => r.system === "kubernetes")
                ? "none of these nodes' objects changed"
                : "none of these nodes' resources changed",
      });
    }
  }

  const unmatchedResources: string[] = [];
  for (const input of inputs) {
    for (const resource of input.reading.resources) {
      if (resource.classes.length === 0) continue;
      const hits = objectIndex().matchResource(resource);
      if (hits.length === 0) unmatchedResources.push(resource.address);
      const evidence = resource.evidence.map((e) => ({ ...e, file: e.file ?? input.file }));
      for (const hit of hits) {
        add(
          hit.node,
          {
            kind: input.kind,
            file: input.file,
            address: resource.address,
            classes: resource.classes,
            rule: hit.rule,
            evidence,
          },
          [{ ...resource, evidence }],
        );
      }
    }
  }

  const changed: ChangedNode[] = [];
  for (const [id, list] of causes) {
    const node = nodeOf(id);
    if (!node) continue;
    changed.push({
      id,
      kind: node.kind,
      owner: node.owner,
      tier: node.tier,
      classes: union(list.map((c) => c.classes)),
      causes: list,
      resources: resources.get(id) ?? [],
    });
  }
  changed.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { changed, unmatchedFiles, quietFiles, unmatchedResources };
}
