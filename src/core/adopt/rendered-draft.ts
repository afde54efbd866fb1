// A draft from a repository and a render together: the render's files are not in the
// repository, so the nodes drafted from them match their objects by match.kubernetes alone.

import type { Draft } from "./draft-graph.js";

/** The draft with the render's files taken out of every node's paths. */
export function withoutRenderedPaths(draft: Draft, rendered: ReadonlySet<string>): Draft {
  return {
    ...draft,
    nodes: draft.nodes.map((node) =>
      node.paths.some((p) => rendered.has(p))
        ? { ...node, paths: node.paths.filter((p) => !rendered.has(p)) }
        : node,
    ),
  };
}
