// `--no-cache`, and the graph cache a command loads through: on unless the flag or
// BLASTRADIUS_CACHE=off says not (README "The graph cache").

import { graphCacheFolder, maxCacheBytes } from "../adapters/fs/graph-cache-folder.js";
import { type GraphCache, loadGraph } from "../app/cached-load.js";
import type { LoadedModel } from "../app/load-model.js";
import type { Io } from "./exit.js";

export function graphCacheOf(flags: { readonly cache?: boolean }, io: Io): GraphCache | undefined {
  if (flags.cache === false) return undefined;
  const folder = graphCacheFolder(io.env);
  if (folder === undefined) return undefined;
  return { folder, maxBytes: maxCacheBytes(io.env), notice: (line) => io.stderr(`${line}\n`) };
}

/** deps.yaml as the command's flags say: through the graph cache unless it is off. */
export const loadDepsFor = (
  flags: { readonly deps: string; readonly cache?: boolean },
  io: Io,
): LoadedModel => loadGraph(flags.deps, graphCacheOf(flags, io));
