// One pull request, analysed: its files from the API, the graph from its base commit (so the
// pull request cannot hide its own blast radius by editing deps.yaml), and what it does to
// the graph itself. Shared by the Action and `blastradius pr`.

import { FileTooLargeError, NotAFileError } from "../adapters/github/github-error.js";
import { analyze } from "../core/analyze.js";
import type { LoadResult } from "../core/config/load-deps.js";
import { formatDiagnostic, locateDiagnostics } from "../core/config/locate-diagnostics.js";
import { InvalidDepsError } from "../core/errors.js";
import { diffGraphs, type GraphDiff } from "../core/graph-diff.js";
import type { FileChange, Impact, Unjudged } from "../core/model.js";
import type { ObjectInput } from "../core/object-input.js";
import {
  classifyChanges,
  type FileContents,
  type FolderContents,
  MAX_MANIFEST_BYTES,
  MAX_READ_BYTES,
} from "./classify-changes.js";
import type { DepsLocation } from "./deps-location.js";
import type { GitHubPort, PullRequestInfo } from "./github-port.js";
import { type LoadedModel, modelFromLoad } from "./load-model.js";
import { fetchFrom, loadRemoteDeps } from "./load-remote-deps.js";
import type { PlanInput } from "./read-plan.js";
import type { RenderedReading } from "./read-rendered.js";

/** pulls.listFiles answers at most this many files. */
export const API_FILE_LIMIT = 3000;

export interface PullRequestQuery {
  readonly repo: string;
  readonly number: number;
  readonly deps: DepsLocation;
  /** When GitHub stops at 3,000 files: the files from a local checkout, if it has both commits. */
  readonly localDiff?: (baseSha: string, headSha: string) => FileChange[] | undefined;
  readonly maxDepth?: number;
  /** A Terraform plan the workflow made: its resource changes and references. */
  readonly plan?: PlanInput;
  /** Change sets (and other object inputs) the workflow made. */
  readonly inputs?: readonly ObjectInput[];
  /** Manifests the workflow rendered at the base and at the head, compared. */
  readonly rendered?: RenderedReading;
  /** Changed files whose contents are read and compared, at most (two API reads each). */
  readonly classifyLimit?: number;
  /** Today (YYYY-MM-DD), for contracts' waivers. */
  readonly today?: string;
}

export interface FileCoverage {
  readonly seen: number;
  readonly total: number;
  readonly source: "api" | "git";
}

/** What the pull request does to deps.yaml itself. */
export type GraphChange =
  | { readonly kind: "diff"; readonly file: string; readonly diff: GraphDiff }
  | { readonly kind: "broken"; readonly file: string; readonly errors: readonly string[] };

export interface PullRequestAnalysis {
  readonly pull: PullRequestInfo;
  readonly impact: Impact;
  readonly files: FileCoverage;
  readonly graphChange?: GraphChange;
  /** Where the graph was read, for messages: owner/repo@sha:path. */
  readonly graphSource: string;
  /** Files whose contents could not be compared, and why. */
  readonly notes: readonly string[];
  /**
   * The graph came from the pull request itself (the base has none): shown as a preview only,
   * with no mentions and no review requests, since its author wrote its owners.
   */
  readonly preview: boolean;
}

export async function analyzePullRequest(
  port: GitHubPort,
  query: PullRequestQuery,
): Promise<PullRequestAnalysis> {
  const pull = await port.getPullRequest(query.repo, query.number);
  const depsRepo = query.deps.repo ?? query.repo;
  const depsRef = query.deps.ref ?? (query.deps.repo ? undefined : pull.baseSha);
  let graphSource = `${depsRepo}${depsRef ? `@${depsRef.slice(0, 12)}` : ""}`;
  const headSource = `${query.repo}@${pull.headSha.slice(0, 12)}`;
  // The head's graph is the pull request's: read within the preview's bounds, and at most once
  // whether it is the preview, the graph compared with the base's, or both.
  let headLoad: Promise<LoadResult> | undefined;
  const headGraph = () => {
    headLoad ??= loadRemoteDeps(
      query.deps.path,
      fetchFrom(port, query.repo, pull.headSha),
      headSource,
      PREVIEW_LIMITS,
    );
    return headLoad;
  };
  const [files, atBase] = await Promise.all([
    port.listPullRequestFiles(query.repo, query.number),
    loadRemoteDeps(query.deps.path, fetchFrom(port, depsRepo, depsRef), graphSource),
  ]);
  let result = atBase;
  const notes: string[] = [];
  // The pull request that adds the graph: there is nothing at the base to check against yet.
  const entryMissing = atBase.errors.some(
    (e) => e.code === "file-not-found" && e.file === query.deps.path,
  );
  const adds = files.some((f) => f.path === query.deps.path && f.status === "added");
  const preview = entryMissing && !query.deps.repo && adds;
  if (preview) {
    graphSource = headSource;
    result = await headGraph();
    notes.push(
      `${query.deps.path} does not exist at the base commit: this pull request adds it, so its own version is shown as a preview (no mentions, no review requests). Once merged, pull requests are checked against the base's.`,
    );
  }
  let loaded: LoadedModel;
  try {
    loaded = modelFromLoad(result);
  } catch (error) {
    if (preview && error instanceof InvalidDepsError)
      throw new InvalidDepsError(error.errors, error.warnings, true);
    throw error;
  }

  let coverage: FileCoverage = {
    seen: files.length,
    total: Math.max(pull.changedFiles, files.length),
    source: "api",
  };
  let changes = files;
  if (coverage.total > files.length || files.length >= API_FILE_LIMIT) {
    const local = query.localDiff?.(pull.baseSha, pull.headSha);
    if (local) {
      changes = local;
      coverage = {
        seen: local.length,
        total: Math.max(local.length, pull.changedFiles),
        source: "git",
      };
    }
  }
  const repo = query.repo.toLowerCase();
  const { paths } = loaded.model;
  const classified = await classifyChanges(
    changes.map((f) => ({ ...f, repo })),
    {
      read: (file) => readBothSides(port, query.repo, pull, file),
      ...(port.listFolder ? { folder: readFolder(port, query.repo, pull) } : {}),
      paths,
      limit: query.classifyLimit ?? 20,
    },
  );
  const unjudged: Unjudged[] = [...classified.unjudged, ...(query.rendered?.unjudged ?? [])];
  if (coverage.seen < coverage.total)
    unjudged.push({
      reason: `GitHub lists at most ${API_FILE_LIMIT.toLocaleString("en-US")} files of a pull request: ${(coverage.total - coverage.seen).toLocaleString("en-US")} of its ${coverage.total.toLocaleString("en-US")} files were not seen (check out the repository with fetch-depth: 0 before this step so git reads them all)`,
    });
  const impact = analyze(loaded.model, classified.files, {
    maxDepth: query.maxDepth,
    ...(query.today ? { today: query.today } : {}),
    ...(query.plan ? { plan: query.plan } : {}),
    ...(query.inputs || query.rendered
      ? { inputs: [...(query.inputs ?? []), ...(query.rendered ? [query.rendered.input] : [])] }
      : {}),
    ...(classified.references.length > 0 ? { references: classified.references } : {}),
    unjudged,
  });

  // A preview already is the head's graph: there is no base graph to compare it with.
  const graphChange =
    query.deps.repo || preview ? undefined : await changeToGraph(query, changes, loaded, headGraph);
  return {
    pull,
    impact,
    files: coverage,
    graphChange,
    graphSource,
    notes: [...notes, ...classified.notes, ...(query.rendered?.notes ?? [])],
    preview,
  };
}

/**
 * A file at the pull request's base and head, through the API: two reads per file. Either
 * side missing where it should exist means it could not be read: then it is not compared.
 */
async function readBothSides(
  port: GitHubPort,
  repo: string,
  pull: PullRequestInfo,
  file: FileChange,
): Promise<FileContents | undefined> {
  let base: string | undefined;
  let head: string | undefined;
  try {
    [base, head] = await Promise.all([
      file.status === "added"
        ? undefined
        : port.readFile(repo, file.previousPath ?? file.path, pull.baseSha, {
            maxBytes: MAX_MANIFEST_BYTES,
          }),
      file.status === "removed"
        ? undefined
        : port.readFile(repo, file.path, pull.headSha, { maxBytes: MAX_MANIFEST_BYTES }),
    ]);
  } catch (error) {
    const why = unreadable(error);
    if (why) return { unreadable: why };
    throw error;
  }
  if (
    (file.status !== "added" && base === undefined) ||
    (file.status !== "removed" && head === undefined)
  )
    return undefined;
  return { ...(base === undefined ? {} : { base }), ...(head === undefined ? {} : { head }) };
}

/** Why a file the API answered is not read: a symlink, a submodule, a folder, too large. */
function unreadable(error: unknown): string | undefined {
  if (error instanceof NotAFileError)
    return `${error.path} is a ${error.kind === "directory" ? "folder" : error.kind}, not a file`;
  if (error instanceof FileTooLargeError)
    return `${error.path} is over ${Math.round(error.maxBytes / 1024)} KiB: not read`;
  return undefined;
}

/**
 * A graph the pull request brings (its own deps.yaml, or its edit of the base's): read within
 * these bounds, as everything it brings is hostile. The base's graph gets loadRemoteDeps's own.
 */
export const PREVIEW_LIMITS = { maxFiles: 50, maxBytes: 16 * 1024 * 1024 } as const;

/** API reads spent on reading Terraform folders whole, at most, per pull request. */
export const FOLDER_READ_BUDGET = 200;

/** A folder's matching files at the pull request's base and head, through the API. */
function readFolder(port: GitHubPort, repo: string, pull: PullRequestInfo) {
  let spent = 0;
  return async (
    folder: string,
    matches: RegExp,
    limit: number,
  ): Promise<FolderContents | undefined> => {
    const side = async (ref: string) => {
      const listed = await port.listFolder?.(repo, folder, ref);
      spent++;
      if (listed === undefined) return "unlisted" as const;
      const names = listed.filter((n) => matches.test(n));
      if (names.length > limit) return `more than ${limit} .tf files`;
      if (spent + names.length > FOLDER_READ_BUDGET)
        return `the ${FOLDER_READ_BUDGET} reads for whole folders are spent`;
      spent += names.length;
      const path = (name: string) => (folder === "." ? name : `${folder}/${name}`);
      let texts: (string | undefined)[];
      try {
        texts = await Promise.all(
          names.map((n) => port.readFile(repo, path(n), ref, { maxBytes: MAX_READ_BYTES })),
        );
      } catch (error) {
        const why = unreadable(error);
        if (why) return why;
        throw error;
      }
      // A module evaluated without one of its files could answer anything: not read whole.
      const missing = names.find((_, i) => texts[i] === undefined);
      if (missing !== undefined) return `${path(missing)} could not be read`;
      return names.map((n, i) => ({ path: path(n), text: texts[i] as string }));
    };
    const [base, head] = await Promise.all([side(pull.baseSha), side(pull.headSha)]);
    // A folder that cannot be listed on a side (new, or gone): its changed files are all there is.
    if (base === "unlisted" || head === "unlisted") return undefined;
    if (typeof base === "string" || typeof head === "string")
      return { skipped: (typeof base === "string" ? base : head) as string, base: [], head: [] };
    return { base, head };
  };
}

/** When the pull request edits the graph's files: the graph at its head, compared. */
async function changeToGraph(
  query: PullRequestQuery,
  changes: readonly FileChange[],
  loaded: LoadedModel,
  headGraph: () => Promise<LoadResult>,
): Promise<GraphChange | undefined> {
  const graphFiles = new Set(loaded.model.config.files);
  const touched = changes.some(
    (f) =>
      graphFiles.has(f.path) || (f.previousPath !== undefined && graphFiles.has(f.previousPath)),
  );
  if (!touched) return undefined;
  const file = query.deps.path;
  const head = await headGraph();
  if (!head.config) {
    const errors = locateDiagnostics(head.errors, head.sources).map(formatDiagnostic);
    return { kind: "broken", file, errors };
  }
  return { kind: "diff", file, diff: diffGraphs(loaded.model.config, head.config) };
}
