// deps.yaml loaded through the graph cache: the second load of the same graph reads one file
// instead of parsing YAML. A cache file is used only when every file the first load read (or
// failed to read) reads the same again, byte for byte, by the same build of the tool; anything
// else (an edit, a new include, a missing file, another version, a damaged cache file) is a
// fresh load, with a one-line notice when the cache file itself was at fault. A fresh load is
// written to the cache once the command is done, so that the first run says its result first.

import { createHash } from "node:crypto";
import { isAbsolute, relative, resolve } from "node:path";
import { getHeapStatistics } from "node:v8";
import {
  buildStamp,
  cacheFilePath,
  readCacheFile,
  touchCacheFile,
  untrustedFolder,
  writeCacheFile,
} from "../adapters/fs/graph-cache-folder.js";
import { depsRoot } from "../adapters/fs/read-text.js";
import { prepareModel } from "../core/analyze.js";
import {
  type CachedInput,
  readGraphCacheFile,
  writeGraphCacheFile,
} from "../core/cache/graph-cache-file.js";
import { CorruptRecords, decodeRecords, UncacheableValue } from "../core/cache/record-codec.js";
import type { ReadText } from "../core/config/load-deps.js";
import type { CompactGraph } from "../core/graph/compact-graph.js";
import { PathIndex, type PathIndexData } from "../core/locate/path-index.js";
import type { DepsConfig } from "../core/model.js";
import { afterCommand } from "./after-command.js";
import { bundleFile } from "./bundle-file.js";
import {
  depsFileReader,
  type LoadedModel,
  loadDepsFile,
  loadModel,
  modelFromLoad,
} from "./load-model.js";
import { VERSION } from "./version.js";

/** Where the cache is, how large it may grow, and where its one-line notices go. */
export interface GraphCache {
  readonly folder: string;
  readonly maxBytes: number;
  readonly notice: (line: string) => void;
}

/** What a cache file holds: the loaded graph and its path index, as plain data. */
interface CachedGraph {
  readonly config: DepsConfig;
  readonly compact: CompactGraph;
  readonly paths: PathIndexData;
  readonly warningCount: number;
}

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");
const digest = (bytes: Uint8Array): Uint8Array => createHash("sha256").update(bytes).digest();

/**
 * What a cache file is for: this build, this deps file as given and as resolved, its root and
 * the working folder. Its hash names the file, and the file's header holds it whole, so a file
 * copied into another graph's place is another graph's, not this one's.
 */
const identityOf = (depsPath: string, root: string, build: string): string =>
  JSON.stringify([build, depsPath, resolve(depsPath), root, process.cwd()]);

const describeRead = (file: string, read: ReturnType<ReadText>): CachedInput =>
  read.ok
    ? { file, sha256: sha256(read.text) }
    : { file, failed: JSON.stringify([read.diagnostic.code, read.diagnostic.message]) };

export function loadModelCached(depsPath: string, cache: GraphCache): LoadedModel {
  const root = depsRoot(depsPath);
  // A cache inside the repository would be one of its files to the next `check --git`.
  const within = relative(resolve(root), resolve(cache.folder));
  if (within === "" || (!within.startsWith("..") && !isAbsolute(within)))
    return loadModel(depsPath);
  const untrusted = untrustedFolder(cache.folder);
  if (untrusted !== undefined) {
    cache.notice(
      `blastradius: not using the graph cache in ${cache.folder}: ${untrusted} (make it yours and 0700, or set XDG_CACHE_HOME, or --no-cache)`,
    );
    return loadModel(depsPath);
  }
  const identity = identityOf(depsPath, root, buildStamp(VERSION, bundleFile()));
  const path = cacheFilePath(cache.folder, sha256(identity).slice(0, 40));
  const bytes = readCacheFile(path, cache.maxBytes);
  if (bytes) {
    let warm: LoadedModel | undefined;
    try {
      warm = fromCacheFile(bytes, identity, path, depsPath, root);
    } catch (error) {
      // A cut or damaged file, or one that passed its checksum but is not a graph (another
      // tool's bytes, a nesting too deep to read back): a damaged file, not a failed command.
      cache.notice(
        `blastradius: ignored a damaged graph cache file (${error instanceof Error ? error.message : String(error)}: ${path}); loading ${depsPath} afresh`,
      );
    }
    if (warm) return warm;
  }
  const inputs: CachedInput[] = [];
  const loaded = modelFromLoad(
    loadDepsFile(depsPath, {
      root,
      reading: (read) => (file) => {
        const result = read(file);
        inputs.push(describeRead(file, result));
        return result;
      },
    }),
  );
  const { model } = loaded;
  afterCommand(() => {
    // Encoding needs room on the heap beside the graph (its strings and identities: measured
    // under half the heap the graph holds): short of that (a graph of a million nodes on the
    // default heap), the run that printed its answer must not die writing a cache. Said
    // once; a larger heap lets it be written.
    const heap = getHeapStatistics();
    if (heap.heap_size_limit - heap.used_heap_size < heap.used_heap_size / 2) {
      cache.notice(
        `blastradius: ${depsPath} is too large to cache within this process's memory (${Math.round(heap.heap_size_limit / 1024 ** 2)} MiB); the next run loads it afresh too (NODE_OPTIONS=--max-old-space-size=… allows more)`,
      );
      return;
    }
    const graph: CachedGraph = {
      config: model.config,
      compact: model.compact,
      paths: model.paths.toData(),
      warningCount: loaded.warningCount,
    };
    try {
      writeCacheFile(
        cache.folder,
        path,
        writeGraphCacheFile(identity, inputs, graph, digest),
        cache.maxBytes,
      );
    } catch (error) {
      // Not plain data, or nested past the stack: this graph is loaded afresh each time.
      if (error instanceof UncacheableValue || error instanceof RangeError) return;
      const code = (error as NodeJS.ErrnoException).code;
      cache.notice(
        `blastradius: could not write the graph cache in ${cache.folder}${code ? ` (${code})` : ""}; the next run loads ${depsPath} afresh (set XDG_CACHE_HOME, or --no-cache)`,
      );
    }
  });
  return loaded;
}

/** The value's outline, as `CachedGraph` has it: enough that using it cannot throw. */
function looksLikeGraph(value: CachedGraph): boolean {
  const { config, compact, paths } = value ?? {};
  return (
    config?.nodes instanceof Map &&
    config.owners instanceof Map &&
    Array.isArray(config.files) &&
    compact?.indexOf instanceof Map &&
    compact.offsets instanceof Int32Array &&
    compact.targets instanceof Int32Array &&
    paths?.literals instanceof Map &&
    paths.byNode instanceof Map &&
    typeof value.warningCount === "number"
  );
}

/** The graph in a cache file, undefined when it is another's or stale; throws when damaged. */
function fromCacheFile(
  bytes: Buffer,
  identity: string,
  path: string,
  depsPath: string,
  root: string,
): LoadedModel | undefined {
  const opened = readGraphCacheFile(bytes, identity, digest);
  if ("problem" in opened) {
    // Another build's file (after an upgrade) or another graph's (copied into this one's
    // place): not this graph's, replaced quietly.
    if (opened.problem !== "other build") throw new CorruptRecords(opened.problem);
    return undefined;
  }
  // Every file read again, in the order the load read them: the same answers, the same graph.
  const read = depsFileReader(depsPath, root);
  const texts = new Map<string, string>();
  for (const input of opened.file.inputs) {
    const result = read(input.file);
    const now = describeRead(input.file, result);
    if (
      "sha256" in input
        ? !("sha256" in now) || now.sha256 !== input.sha256
        : !("failed" in now) || now.failed !== input.failed
    )
      return undefined;
    if (result.ok) texts.set(input.file, result.text);
  }
  // What does not read back as a graph throws: the caller says the file is damaged.
  const graph = decodeRecords(opened.file.records()) as CachedGraph;
  if (!looksLikeGraph(graph)) throw new CorruptRecords("not a graph");
  touchCacheFile(path);
  return {
    model: prepareModel(graph.config, graph.compact, PathIndex.fromData(graph.paths)),
    warningCount: graph.warningCount,
    // As a fresh load gives them: every file the graph was made of, in the order it was read.
    sources: new Map(graph.config.files.map((file) => [file, texts.get(file) ?? ""])),
    fromCache: true,
  };
}

/** deps.yaml through the cache when there is one, afresh when not. */
export const loadGraph = (depsPath: string, cache: GraphCache | undefined): LoadedModel =>
  cache ? loadModelCached(depsPath, cache) : loadModel(depsPath);
