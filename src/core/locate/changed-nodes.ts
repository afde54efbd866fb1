import { classOfFileStatus, compareClasses } from "../classes.js";
import type { ChangeCause, ChangedNode, FileChange, GraphNode } from "../model.js";
import type { PathIndex } from "./path-index.js";

/** Terraform is never a plain edit: unless its contents were compared, a change is `unknown`. */
const TERRAFORM_FILE = /\.tf(\.json)?$/;

export interface LocatedChanges {
  readonly changed: ChangedNode[];
  readonly unmatchedFiles: string[];
}

/** Which nodes the changed files touch, and how. Renames match both the old and the new path. */
export function locateFileChanges(
  files: readonly FileChange[],
  index: PathIndex,
  nodeOf: (id: string) => GraphNode | undefined,
): LocatedChanges {
  const causes = new Map<string, ChangeCause[]>();
  const unmatchedFiles: string[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    // The same file listed twice is one change.
    const key = `${file.status}\u0000${file.path}\u0000${file.previousPath ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const changeClass = classOfFileStatus(file.status, TERRAFORM_FILE.test(file.path));
    const paths =
      file.previousPath && file.previousPath !== file.path
        ? [file.path, file.previousPath]
        : [file.path];
    let matched = false;
    for (const path of paths) {
      for (const hit of index.match(path, file.repo)) {
        matched = true;
        const cause: ChangeCause = {
          kind: "file",
          file: path,
          status: file.status,
          class: changeClass,
          rule: hit.rule.source,
        };
        const list = causes.get(hit.node);
        if (list) list.push(cause);
        else causes.set(hit.node, [cause]);
      }
    }
    if (!matched) unmatchedFiles.push(file.path);
  }
  const changed: ChangedNode[] = [];
  for (const [id, list] of causes) {
    const node = nodeOf(id);
    if (!node) continue;
    const first = (list[0] as ChangeCause).class;
    const classes = list.every((c) => c.class === first)
      ? [first]
      : [...new Set(list.map((c) => c.class))].sort(compareClasses);
    changed.push({
      id,
      kind: node.kind,
      owner: node.owner,
      tier: node.tier,
      classes,
      causes: list,
    });
  }
  changed.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { changed, unmatchedFiles };
}
