// A draft from a repository and a render together: the render's files are not in the
// repository, so the nodes drafted from them match their objects by match.kubernetes alone,
// and CODEOWNERS, which speaks of the repository's paths, does not say who owns them.

import type { Draft } from "./draft-graph.js";
import type { DraftNode } from "./draft-node.js";

/** The draft with the render's files taken out of every node's paths, and out of its owners. */
export function withoutRenderedPaths(draft: Draft, rendered: ReadonlySet<string>): Draft {
  const nodes = draft.nodes.map((node): DraftNode => {
    if (!node.paths.some((p) => rendered.has(p))) return node;
    const paths = node.paths.filter((p) => !rendered.has(p));
    // Its owner was looked up by the rendered file's path, which no CODEOWNERS line is about.
    if (!rendered.has(node.at.file)) return { ...node, paths };
    const { owner: _owner, ownerSource: _source, ...rest } = node;
    return { ...rest, paths };
  });
  const used = new Set(nodes.flatMap((n) => (n.owner ? [n.owner] : [])));
  return { ...draft, nodes, owners: draft.owners.filter((o) => used.has(o.id)) };
}
