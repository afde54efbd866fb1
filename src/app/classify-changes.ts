// Changed files -> what changed inside them, from their contents at base and head: Terraform
// through HashiCorp's HCL parser, IAM policy JSON, Kubernetes manifests object by object.
// Bounded: only files that match a node, at most `limit` of them, none over `maxBytes`
// (`maxManifestBytes` for YAML). It fails closed: a matched file of a format it reads that it
// does not judge (beyond a limit, too large, unreadable, not parsing) is `unknown`, and listed
// in `unjudged` with the reason, never quietly `modified`.

import { parseModuleFiles, startHclParser } from "../adapters/terraform/parse-hcl.js";
import { classifyTemplateFile } from "../core/classify/cloudformation-changes.js";
import { looksLikeTemplate, TEMPLATE_FILE } from "../core/classify/cloudformation-template.js";
import type { DiscoveredReference, ResourceChange } from "../core/classify/evidence.js";
import { Unknown, type Value } from "../core/classify/hcl-evaluate.js";
import { classifyPolicyFile } from "../core/classify/iam-policy-file.js";
import { record } from "../core/classify/json-shapes.js";
import { classifyManifestFiles, type ManifestFile } from "../core/classify/kubernetes-rbac.js";
import { jsonParseFailure, yamlParseFailure } from "../core/classify/parse-failure.js";
import { type ModuleFile, variablesOf } from "../core/classify/terraform-module.js";
import { classifyTerraformModule } from "../core/classify/terraform-module-changes.js";
import type { PathIndex } from "../core/locate/path-index.js";
import type { FileChange, Unjudged } from "../core/model.js";
import { classifyKustomizeFiles } from "./classify-kustomize.js";
import type { FileContents, FolderContents } from "./contents.js";

/** A file's text at base and at head; a side is undefined where the file does not exist. */
export type { FileContents, FolderContents };

export interface ClassifyOptions {
  /** Reads both sides; undefined when they cannot be had (too large, not fetched). */
  readonly read: (file: FileChange) => Promise<FileContents | undefined>;
  /** The model's path rules: only files that match a node (on either path) are worth reading. */
  readonly paths: PathIndex;
  readonly limit?: number;
  readonly maxBytes?: number;
  /**
   * Every file of a folder matching `matches`, at base and head (at most `limit` on a side,
   * else `skipped`): a Terraform module is evaluated across its files. Without it, or when it
   * answers undefined (the folder cannot be listed), only the changed files of the folder are read.
   */
  readonly folder?: (
    folder: string,
    matches: RegExp,
    limit: number,
  ) => Promise<FolderContents | undefined>;
  readonly maxManifestBytes?: number;
  /**
   * Other manifests at head beside a changed one, to find bindings left pointing at a deleted
   * role. Asked once per folder.
   */
  readonly context?: (file: FileChange) => Promise<{ path: string; text: string }[]>;
  /**
   * A commit's state is read, not a change (contracts): each module folder once, with its
   * variables' defaults, not as callers may set them. Where `inputsFrom` says where a folder's
   * inputs come from (`by module "x" in main.tf`, `in terraform.tfvars`), every variable of it
   * is unknown: those values are not evaluated.
   */
  readonly state?: { readonly inputsFrom: (folder: string) => string | undefined };
}

/** A module folder with more .tf files than this is not read whole. */
export const MAX_FOLDER_FILES = 60;

export interface Classified {
  readonly files: FileChange[];
  /** Said to the user beside `unjudged`, which names each file not judged. */
  readonly notes: string[];
  /** Files that match a node but could not be judged, and why: the analysis is incomplete. */
  readonly unjudged: Unjudged[];
  /** Uses of resources found in the changed CloudFormation templates, at head: discovered edges. */
  readonly references: DiscoveredReference[];
}

const TERRAFORM = /\.tf$/;
/** What Terraform reads in a module folder: its files, JSON or HCL, and its variable files. */
const TERRAFORM_ANY = /\.tf$|\.tf\.json$|\.tfvars$|\.tfvars\.json$/;
/** Terraform merges these into the blocks of the module's other files. */
const OVERRIDE = /(?:^|\/)(?:override|[^/]*_override)\.tf(?:\.json)?$/;
/** Variable files: terraform.tfvars, *.auto.tfvars (loaded by themselves) and any given with -var-file. */
const TFVARS = /\.tfvars(?:\.json)?$/;
const OVERRIDDEN =
  "Terraform merges override files into the other blocks of their module: not evaluated";
const VARIABLES =
  "Terraform variable files are not evaluated: the values they set reach the module's resources";

function matchesANode(paths: PathIndex, file: FileChange): boolean {
  return (
    paths.match(file.path, file.repo).length > 0 ||
    (file.previousPath !== undefined && paths.match(file.previousPath, file.repo).length > 0)
  );
}
const JSON_FILE = /\.json$/;
const YAML = /\.ya?ml$/;

/**
 * What stands for a file that was not judged: `unknown`, and what its status says whatever it
 * held (a removed file is `deleted`, a renamed one `renamed`), never less. A `file` resource
 * concerns every node that matches the file.
 */
const unreadable = (file: FileChange, why: string, partly = false): ResourceChange[] => [
  {
    system: "file",
    address: file.path,
    type: "file",
    classes:
      file.status === "removed" && !partly
        ? ["deleted"]
        : file.status === "renamed"
          ? ["renamed", "unknown"]
          : ["unknown"],
    evidence: [{ file: file.path, detail: why }],
  },
];

/**
 * Why the contents cannot be judged as read: the reader could not read them, or a side the
 * file's status says exists came back missing (a dangling link, a file gone since listing).
 */
function judgeable(
  file: FileChange,
  contents: FileContents | undefined,
): { readonly contents: FileContents } | { readonly why: string } {
  if (!contents) return { why: "its contents could not be read" };
  if (contents.unreadable !== undefined) return { why: contents.unreadable };
  if (file.status !== "removed" && contents.head === undefined)
    return { why: "its contents at head could not be read" };
  if (file.status !== "added" && contents.base === undefined)
    return { why: "its contents at base could not be read" };
  return { contents };
}

/**
 * A parent template no node matches may give a nested stack other inputs while the child
 * template, unchanged, holds the nodes: its nested stacks are read (no more than `limit` such
 * files, each within `maxBytes`), and what they leave unjudged is said so.
 */
async function nestedStacksOfParents(
  files: readonly FileChange[],
  read: ReadonlySet<FileChange>,
  options: ClassifyOptions,
  unjudged: Unjudged[],
  bounds: { readonly limit: number; readonly maxBytes: number },
): Promise<void> {
  const parents = files
    .filter((f) => f.resources === undefined && !read.has(f) && TEMPLATE_FILE.test(f.path))
    .slice(0, bounds.limit);
  for (const file of parents) {
    const contents = await options.read(file);
    if (!contents || contents.unreadable !== undefined) continue;
    const sides = [contents.base, contents.head];
    if (sides.some((t) => t !== undefined && t.length > bounds.maxBytes)) continue;
    if (!sides.some((t) => t !== undefined && NESTED_STACK.test(t))) continue;
    const judged = classifyTemplateFile(file, contents.base, contents.head);
    if (judged && !("unreadable" in judged))
      for (const reason of judged.unjudged ?? []) unjudged.push({ file: file.path, reason });
  }
}

const NESTED_STACK = /AWS::CloudFormation::Stack|AWS::Serverless::Application/;

/** "1 MiB", "512 KiB": limits as the user reads them. */
const sizeOf = (bytes: number) =>
  bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0
    ? `${bytes / (1024 * 1024)} MiB`
    : `${Math.round(bytes / 1024)} KiB`;

/** Records a file that matches a node but was not judged: out of `out`, into `unjudged`. */
type NotJudged = (index: number, file: FileChange, why: string) => void;

const folderOf = (path: string) =>
  path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : ".";

/** Files a folder's .tf files read with file("${path.module}/…") or templatefile(…), at most this many. */
const MAX_ASSETS = 20;
const ASSET = /\b(?:file|templatefile)\(\s*"\$\{path\.module\}\/([^"$]+)"/g;

async function readAssets(
  folder: string,
  files: readonly { readonly text: string }[],
  options: ClassifyOptions,
): Promise<{ base: Map<string, string>; head: Map<string, string> }> {
  const base = new Map<string, string>();
  const head = new Map<string, string>();
  const paths = new Set<string>();
  for (const file of files)
    for (const match of file.text.matchAll(ASSET))
      paths.add(folder === "." ? (match[1] as string) : `${folder}/${match[1]}`);
  for (const path of [...paths].slice(0, MAX_ASSETS)) {
    if (path.split("/").includes("..")) continue;
    const contents = await options.read({ path, status: "modified" });
    if (contents?.base !== undefined) base.set(path, contents.base);
    if (contents?.head !== undefined) head.set(path, contents.head);
  }
  return { base, head };
}

/**
 * The changes of one module folder, each attached to one changed file: the one holding the
 * block when it changed, else the first changed file of the folder. Every changed file of the
 * folder also carries them all (`folderResources`), so a node matching any of them sees its
 * changes, once.
 */
async function classifyTerraformFolder(
  folder: string,
  changed: readonly { file: FileChange; index: number }[],
  options: ClassifyOptions,
  readFolder: (folder: string) => Promise<FolderContents | undefined>,
  maxBytes: number,
  out: FileChange[],
  notJudged: NotJudged,
): Promise<void> {
  // A module is evaluated from all its files or not at all: one file that cannot be had leaves
  // every changed file of the folder unjudged.
  const fail = (why: (file: FileChange) => string) => {
    for (const { file, index } of changed) notJudged(index, file, why(file));
  };
  let base: { path: string; text: string }[] = [];
  let head: { path: string; text: string }[] = [];
  // Files judged only in part (read with some of their folder): unknown beside what was found.
  const partly: { file: FileChange; why: string }[] = [];
  const listed = await readFolder(folder);
  // An override file, changed or not, rewrites blocks of the others: the evaluation, which
  // reads each block as written, would not say what Terraform applies.
  const override = [
    ...changed.flatMap(({ file }) => [file.path, file.previousPath ?? file.path]),
    ...(listed?.base ?? []).map((f) => f.path),
    ...(listed?.head ?? []).map((f) => f.path),
  ].find((path) => OVERRIDE.test(path));
  if (override !== undefined) {
    fail(() => `${OVERRIDDEN} (${override})`);
    return;
  }
  const whole = listed && {
    ...listed,
    base: listed.base.filter((f) => TERRAFORM.test(f.path)),
    head: listed.head.filter((f) => TERRAFORM.test(f.path)),
  };
  if (whole?.skipped) {
    for (const { file } of changed)
      partly.push({
        file,
        why: `its module folder ${folder} has ${whole.skipped}: only the changed ones were read together`,
      });
  }
  if (whole && !whole.skipped) {
    base = [...whole.base];
    head = [...whole.head];
    // A changed file missing from the folder as read (a symlink, not a regular file) was
    // evaluated as absent: what it holds is not known.
    for (const { file } of changed) {
      if (isAsset(file)) continue;
      const missing =
        (file.status !== "removed" && !head.some((f) => f.path === file.path)) ||
        (file.status !== "added" && !base.some((f) => f.path === (file.previousPath ?? file.path)));
      if (missing)
        partly.push({ file, why: "not found as a regular file when its module folder was read" });
    }
  } else {
    for (const { file } of changed) {
      if (isAsset(file)) continue;
      const read = judgeable(file, await options.read(file));
      if ("why" in read) {
        fail((f) =>
          f === file
            ? read.why
            : `${file.path} in the same module folder could not be read (${read.why})`,
        );
        return;
      }
      const { contents } = read;
      if (contents.base !== undefined)
        base.push({ path: file.previousPath ?? file.path, text: contents.base });
      if (contents.head !== undefined) head.push({ path: file.path, text: contents.head });
    }
  }
  const big = [...base, ...head].find((f) => f.text.length > maxBytes);
  if (big) {
    fail((f) =>
      f.path === big.path || f.previousPath === big.path
        ? `over ${sizeOf(maxBytes)}, not read`
        : `${big.path} in the same module folder is over ${sizeOf(maxBytes)}, not read`,
    );
    return;
  }
  const assets = await readAssets(folder, [...base, ...head], options);
  // A changed file the module reads, that was not read with it (beyond the assets read, or
  // the module as read no longer names it): what it does to the module is not known.
  for (const { file } of changed) {
    if (!isAsset(file)) continue;
    const read =
      (file.status === "added" || assets.base.has(file.previousPath ?? file.path)) &&
      (file.status === "removed" || assets.head.has(file.path));
    if (!read) partly.push({ file, why: `read by the module in ${folder}, but not read with it` });
  }
  let resources: ResourceChange[];
  let parsed: ModuleFile[] = [];
  try {
    const seen = new Map();
    const before = await parseModuleFiles(base, seen);
    const after = await parseModuleFiles(head, seen);
    parsed = [...before, ...after];
    resources = classifyTerraformModule(
      before,
      after,
      assets,
      options.state && [{ values: stateInputs(after, options.state.inputsFrom(folder)) }],
    );
  } catch (error) {
    const why = `HCL does not parse: ${String((error as Error).message ?? error).slice(0, 300)}`;
    fail(() => why);
    return;
  }
  for (const { file, why } of partly) {
    resources.push(...unreadable(file, why, true));
    notJudged(-1, file, why);
  }
  const paths = changed.map((c) => c.file.path);
  const attached = new Map<string, ResourceChange[]>(paths.map((p) => [p, []]));
  // A change none of whose evidence is in a changed file comes from a file that changes what
  // another declares (a variable, a local): a changed file no node matches is its likeliest
  // cause, and its way to the nodes that declare what it changes (reaches) takes it there. Put
  // on whichever changed file came first, it went to that file's nodes, which do not own it,
  // and was lost (a role's trust changed through a variable, beside an edit to another node's
  // file).
  const cause = changed.find((c) => c.file.reaches !== undefined && !isAsset(c.file))?.file.path;
  for (const change of resources) {
    const home = change.evidence.map((e) => e.file).find((f) => f && attached.has(f));
    attached.get(home ?? cause ?? (paths[0] as string))?.push(change);
  }
  for (const { file, index } of changed) {
    const own = attached.get(file.path) ?? [];
    if (file.reaches !== undefined) {
      // A file no node matches is its neighbours' change only where it changes what they
      // declare (a policy attached to their role); else it stays unmatched.
      const theirs = declaredIn(parsed, file.reaches);
      // A file the module reads changes whatever reads it, wherever that is declared.
      const asset = isAsset(file);
      const reaching = (asset ? resources : own).filter(
        (r) =>
          (r.system !== "terraform" && (!asset || r.address === file.path)) ||
          theirs.has(r.address) ||
          (r.previousAddress !== undefined && theirs.has(r.previousAddress)),
      );
      const { reaches, ...rest } = file;
      out[index] = {
        ...rest,
        resources: reaching,
        ...(reaching.length > 0 ? { reaches } : {}),
      };
      continue;
    }
    // What it changes that another file of the folder declares (a local or a variable of this
    // file used in a role's trust there): the nodes that file's rules match are reached too, as
    // from a file no node matches; else a change only the other node owns was called quiet.
    const here = declaredIn(parsed, [file.path, ...(file.previousPath ? [file.previousPath] : [])]);
    const elsewhere = new Set(
      own.filter((r) => r.system === "terraform" && !here.has(r.address)).map((r) => r.address),
    );
    const others = [...new Set(parsed.map((f) => f.path))].filter(
      (path) => path !== file.path && path !== file.previousPath,
    );
    const reaches =
      elsewhere.size === 0
        ? []
        : others
            .filter((path) => [...declaredIn(parsed, [path])].some((a) => elsewhere.has(a)))
            .sort();
    out[index] = {
      ...file,
      resources: own,
      ...(changed.length > 1 || resources.length > 0 ? { folderResources: resources } : {}),
      ...(reaches.length > 0 ? { reaches } : {}),
    };
  }
}

/** A folder's variables as a state reads them: their defaults, or unknown when set from elsewhere. */
function stateInputs(files: readonly ModuleFile[], from: string | undefined): Map<string, Value> {
  if (from === undefined) return new Map();
  return new Map(
    [...variablesOf(files).keys()].map((name) => [
      name,
      new Unknown(`var.${name}`, [`var.${name} is set ${from}, which is not evaluated`]),
    ]),
  );
}

/** The addresses of the resources, data sources and module calls these files declare. */
function declaredIn(files: readonly ModuleFile[], paths: readonly string[]): Set<string> {
  const wanted = new Set(paths);
  const out = new Set<string>();
  for (const file of files) {
    if (!wanted.has(file.path)) continue;
    for (const [prefix, key] of [
      ["", "resource"],
      ["data.", "data"],
    ] as const)
      for (const [type, blocks] of Object.entries(record(file.json[key])))
        for (const name of Object.keys(record(blocks))) out.add(`${prefix}${type}.${name}`);
    for (const name of Object.keys(record(file.json.module))) out.add(`module.${name}`);
  }
  return out;
}

/** Larger files are generated, not written by hand: they are not read for their contents. */
export const MAX_READ_BYTES = 1024 * 1024;

/**
 * Manifests are often generated bundles that must still be compared object by object
 * (argo-cd's install.yaml is 1.5 MB): YAML is read up to 16 MiB.
 */
export const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

/**
 * A Terraform file that moves to another folder, or out of Terraform, leaves its module: its
 * resources are destroyed where they were and created where it goes, whatever it holds. Such a
 * rename is read as the removal of the old file and the addition of the new one.
 */
function splitMoves(files: readonly FileChange[]): FileChange[] {
  return files.flatMap((file) => {
    const from = file.previousPath;
    if (from === undefined || from === file.path) return [file];
    const terraform = TERRAFORM.test(from) || TERRAFORM.test(file.path);
    const leaves =
      folderOf(from) !== folderOf(file.path) || TERRAFORM.test(from) !== TERRAFORM.test(file.path);
    if (!terraform || !leaves) return [file];
    const repo = file.repo === undefined ? {} : { repo: file.repo };
    return [
      { path: from, status: "removed", ...repo },
      { path: file.path, status: "added", ...repo },
    ];
  });
}

/** A file no node matches that a matched module reads (it `reaches` that module's files). */
const isAsset = (file: FileChange) => file.reaches !== undefined && !TERRAFORM_ANY.test(file.path);

/** Terraform written as JSON is not read: a matched one is not judged. */
const TERRAFORM_JSON = /\.tf\.json$/;

export async function classifyChanges(
  input: readonly FileChange[],
  options: ClassifyOptions,
): Promise<Classified> {
  // Terraform to read: the parser starts while the files are read.
  if (input.some((file) => TERRAFORM_ANY.test(file.path))) startHclParser();
  const limit = options.limit ?? 50;
  const maxBytes = options.maxBytes ?? MAX_READ_BYTES;
  const maxManifestBytes = options.maxManifestBytes ?? MAX_MANIFEST_BYTES;
  const notes: string[] = [];
  const unjudged: Unjudged[] = [];
  const references: DiscoveredReference[] = [];
  const listings = new Map<string, Promise<FolderContents | undefined>>();
  const readFolder = (folder: string) => {
    let listing = listings.get(folder);
    if (!listing) {
      listing = options.folder
        ? options.folder(folder, TERRAFORM_ANY, MAX_FOLDER_FILES)
        : Promise.resolve(undefined);
      listings.set(folder, listing);
    }
    return listing;
  };
  const files = await withReaches(splitMoves(input), options.paths, readFolder, limit, unjudged);
  const out = [...files];
  const notJudged: NotJudged = (index, file, why) => {
    if (index >= 0) out[index] = { ...file, resources: unreadable(file, why) };
    unjudged.push({ file: file.path, reason: why });
  };
  const candidates = files
    .map((file, index) => ({ file, index }))
    .filter(
      ({ file }) =>
        file.resources === undefined &&
        (((TERRAFORM_ANY.test(file.path) ||
          JSON_FILE.test(file.path) ||
          YAML.test(file.path) ||
          TEMPLATE_FILE.test(file.path)) &&
          matchesANode(options.paths, file)) ||
          file.reaches !== undefined),
    );
  if (candidates.length > limit) {
    notes.push(
      `${candidates.length} changed files could be read; only the first ${limit} were compared, the others count as changed in an unknown way`,
    );
    for (const { file, index } of candidates.slice(limit))
      notJudged(index, file, `beyond the ${limit} files compared per change`);
  }
  let manifests: { index: number; manifest: ManifestFile; file: FileChange }[] = [];
  const folders = new Map<string, { file: FileChange; index: number }[]>();
  for (const candidate of candidates.slice(0, limit)) {
    const { file } = candidate;
    // A file a module reads (file(), templatefile()) is evaluated with that module.
    const asset = isAsset(file);
    if (!TERRAFORM.test(file.path) && !asset) continue;
    const folder = asset ? folderOf(file.reaches?.[0] as string) : folderOf(file.path);
    folders.set(folder, [...(folders.get(folder) ?? []), candidate]);
  }
  // A folder is evaluated once, however many of its files changed.
  for (const [folder, changed] of folders)
    await classifyTerraformFolder(folder, changed, options, readFolder, maxBytes, out, notJudged);
  for (const { file, index } of candidates.slice(0, limit)) {
    if (TERRAFORM.test(file.path) || isAsset(file)) continue;
    if (OVERRIDE.test(file.path)) {
      notJudged(index, file, OVERRIDDEN);
      continue;
    }
    if (TERRAFORM_JSON.test(file.path)) {
      notJudged(index, file, "Terraform JSON (.tf.json) is not read");
      continue;
    }
    if (TFVARS.test(file.path) || TFVARS.test(file.previousPath ?? "")) {
      notJudged(index, file, VARIABLES);
      continue;
    }
    const read = judgeable(file, await options.read(file));
    if ("why" in read) {
      notJudged(index, file, read.why);
      continue;
    }
    const { contents } = read;
    const size = Math.max(contents.base?.length ?? 0, contents.head?.length ?? 0);
    const max = YAML.test(file.path) ? maxManifestBytes : maxBytes;
    if (size > max) {
      notJudged(index, file, `over ${sizeOf(max)}, not read`);
      continue;
    }
    // A CloudFormation template (YAML, JSON, CDK's output) on either side is compared as one;
    // Kubernetes YAML and IAM JSON go on to their own readers.
    if (
      TEMPLATE_FILE.test(file.path) &&
      [contents.base, contents.head].some((t) => t !== undefined && looksLikeTemplate(t))
    ) {
      const judged = classifyTemplateFile(file, contents.base, contents.head);
      if (judged && "unreadable" in judged) {
        notJudged(index, file, judged.unreadable);
        continue;
      }
      if (judged) {
        out[index] = { ...file, resources: judged.resources };
        references.push(...judged.references);
        for (const reason of judged.unjudged ?? []) unjudged.push({ file: file.path, reason });
        continue;
      }
    }
    if (!JSON_FILE.test(file.path) && !YAML.test(file.path)) continue;
    if (JSON_FILE.test(file.path)) {
      const broken = sideFailure(contents, jsonParseFailure);
      if (broken) {
        notJudged(index, file, broken);
        continue;
      }
      const resources = classifyPolicyFile(file.path, contents.base, contents.head);
      if (resources) out[index] = { ...file, resources };
    } else {
      const chart = await helmChartPart(file, contents, options);
      if (chart !== undefined) {
        notJudged(index, file, chart);
        continue;
      }
      manifests.push({ index, file, manifest: { path: file.path, ...contents } });
    }
  }
  // Kustomizations and the patches they name change the objects kustomize emits, not objects
  // of their own: judged as overlays, the rest read as manifests.
  const kustomized = await classifyKustomizeFiles(
    manifests.map((m) => ({ file: m.file, ...m.manifest })),
    {
      read: options.read,
      ...(options.folder ? { folder: options.folder } : {}),
      maxBytes: maxManifestBytes,
      overlaysOf: (path) =>
        options.paths
          .match(path)
          .flatMap((hit) => options.paths.rulesOf(hit.node))
          .filter((rule) => rule.repo === undefined)
          .map((rule) => rule.glob),
    },
  );
  unjudged.push(...kustomized.unjudged);
  // What overlays that use a file from afar make of its change, beside what it is read as.
  const withUsing = (path: string, own: readonly ResourceChange[] | undefined) => {
    const extra = kustomized.using.get(path);
    if (!extra) return own;
    const seen = new Set((own ?? []).map((r) => `${r.address}\u0000${r.classes.join()}`));
    return [
      ...(own ?? []),
      ...extra.filter((r) => !seen.has(`${r.address}\u0000${r.classes.join()}`)),
    ];
  };
  for (const { index, file } of manifests) {
    const resources = kustomized.resources.get(file.path);
    const shared = kustomized.shared.get(file.path);
    if (resources)
      out[index] = { ...file, resources, ...(shared ? { folderResources: shared } : {}) };
  }
  manifests = manifests.filter((m) => !kustomized.resources.has(m.file.path));
  if (manifests.length > 0) {
    // Only a file that had a base can delete a role; its folder is read once.
    const folders = new Map<string, FileChange>();
    for (const m of manifests) {
      const folder = folderOf(m.file.path);
      if (m.index >= 0 && m.manifest.base !== undefined && !folders.has(folder))
        folders.set(folder, m.file);
    }
    const context = options.context
      ? (await Promise.all([...folders.values()].map((f) => options.context?.(f) ?? []))).flat()
      : [];
    // An object that leaves every file a node's rules match is gone for that node, wherever
    // it went: a move counts only where the files it reaches are matched by every node that
    // matched the file it left (changed manifests no node matches are therefore not read).
    const repoOf = new Map(manifests.map((m) => [m.file.path, m.file.repo]));
    const nodesOf = (path: string) =>
      new Set(options.paths.match(path, repoOf.get(path)).map((hit) => hit.node));
    const keeps = (from: string, to: string) => {
      const had = nodesOf(from);
      const has = nodesOf(to);
      return had.size > 0 && [...had].every((node) => has.has(node));
    };
    const rbac = classifyManifestFiles(
      manifests.map((m) => m.manifest),
      context,
      keeps,
    );
    for (const { index, file, manifest } of manifests) {
      if (index < 0) continue;
      const resources = withUsing(file.path, rbac.get(file.path));
      if (resources) {
        out[index] = { ...file, resources };
        continue;
      }
      // Not read as manifests: YAML that is not Kubernetes stays as it was; YAML that does
      // not parse is not judged.
      const broken = sideFailure(manifest, yamlParseFailure);
      if (broken) notJudged(index, file, broken);
    }
  }
  await nestedStacksOfParents(files, new Set(candidates.map((c) => c.file)), options, unjudged, {
    limit,
    maxBytes,
  });
  return { files: out, notes, unjudged, references };
}

/** Folders whose unmatched Terraform files are looked at for matched neighbours, at most. */
const MAX_NEIGHBOUR_FOLDERS = 10;

/**
 * Terraform files no node matches get `reaches`: the files of their module folder that nodes
 * do match (a file added beside a node's single-file rule changes that node's module). Folders
 * are listed only where a rule might match a file in them.
 */
async function withReaches(
  files: readonly FileChange[],
  paths: PathIndex,
  readFolder: (folder: string) => Promise<FolderContents | undefined>,
  limit: number,
  unjudged: Unjudged[],
): Promise<FileChange[]> {
  const loose = new Map<string, number[]>();
  const below = new Map<string, number[]>();
  const add = (into: Map<string, number[]>, folder: string, index: number) =>
    into.set(folder, [...(into.get(folder) ?? []), index]);
  for (const [index, file] of files.entries()) {
    if (matchesANode(paths, file)) continue;
    if (TERRAFORM_ANY.test(file.path)) {
      const folder = folderOf(file.path);
      if (paths.mayMatchIn(folder)) add(loose, folder, index);
      continue;
    }
    // Any other file may be read by a module in its folder or above it, with file(),
    // templatefile() or fileset(): each such folder where a rule may match a .tf file is
    // looked at (a rule that matches no .tf file there matches no module reading it).
    for (const folder of foldersAbove(file.path))
      if (
        paths.mayMatchIn(folder) ||
        paths.match(folder === "." ? "_.tf" : `${folder}/_.tf`, file.repo).length > 0
      )
        add(below, folder, index);
  }
  const out = [...files];
  const room = Math.min(limit, MAX_NEIGHBOUR_FOLDERS);
  // Listing folders spends the reads their own modules need: a few are looked at; the files
  // of the others are not judged (whether they change a node is not known).
  const skipped = new Set<number>();
  for (const [kind, folders] of [
    ["a Terraform file beside files nodes match", loose],
    ["a file beside or below Terraform files nodes match, which may read it", below],
  ] as const)
    for (const [folder, indexes] of [...folders].slice(room))
      for (const index of indexes) {
        if (skipped.has(index)) continue;
        skipped.add(index);
        unjudged.push({
          file: (files[index] as FileChange).path,
          reason: `${kind}, in one of ${folders.size} such folders: only ${room} are read (${folder} was not)`,
        });
      }
  for (const [folder, indexes] of [...[...loose].slice(0, room), ...[...below].slice(0, room)]) {
    const listed = await readFolder(folder);
    if (!listed) continue;
    for (const index of indexes) {
      const file = files[index] as FileChange;
      const neighbours = [...new Set([...listed.base, ...listed.head].map((f) => f.path))].filter(
        (path) => path !== file.path && paths.match(path, file.repo).length > 0,
      );
      if (neighbours.length === 0) continue;
      if (TERRAFORM_ANY.test(file.path)) {
        out[index] = { ...file, reaches: neighbours.sort() };
        continue;
      }
      const modules = neighbours.filter((path) => TERRAFORM.test(path)).sort();
      if (out[index]?.reaches !== undefined || skipped.has(index) || modules.length === 0) continue;
      const terraform = [...listed.base, ...listed.head].filter((f) => TERRAFORM.test(f.path));
      const read = readsAsset(folder, terraform, [file.path, file.previousPath ?? file.path]);
      if (read === "literal") {
        out[index] = { ...file, reaches: modules };
      } else if (read !== undefined) {
        // The module computes which files it reads: this one may be among them.
        const why = `beside the Terraform files of ${folder}, which read files by a path it computes (${read}): not evaluated`;
        out[index] = { ...file, reaches: modules, resources: unreadable(file, why) };
        unjudged.push({ file: file.path, reason: why });
      }
    }
  }
  return out;
}

/** The folders a file lies in, from its own up to the root. */
function foldersAbove(path: string): string[] {
  const out: string[] = [];
  for (let folder = folderOf(path); ; folder = folderOf(folder)) {
    out.push(folder);
    if (folder === ".") return out;
  }
}

/** A file(), templatefile() or fileset() whose path is not a literal under path.module. */
const COMPUTED_READ =
  /\b(?:(?:file|templatefile)\((?!\s*"\$\{path\.module\}\/[^"$]+"\s*[,)])|(?:fileset|filebase64|filebase64sha256|filebase64sha512|filemd5|filesha1|filesha256|filesha512|fileexists)\()/;

/**
 * Whether a module's files read a file: "literal" when one names it with
 * file("${path.module}/…") or templatefile(…), the call when one reads a path it computes
 * (which may be this file), undefined when none reads it.
 */
function readsAsset(
  folder: string,
  terraform: readonly { readonly text: string }[],
  assets: readonly string[],
): "literal" | string | undefined {
  const relative = assets.map((a) => (folder === "." ? a : a.slice(folder.length + 1)));
  let computed: string | undefined;
  for (const file of terraform) {
    for (const match of file.text.matchAll(ASSET))
      if (relative.includes(match[1] as string)) return "literal";
    const call = COMPUTED_READ.exec(file.text)?.[0];
    if (call !== undefined) computed ??= `${call.trim()}…)`;
  }
  return computed;
}

/** Why the base or the head does not parse, saying which. */
function sideFailure(
  contents: { readonly base?: string; readonly head?: string },
  failure: (text: string) => string | undefined,
): string | undefined {
  const head = contents.head === undefined ? undefined : failure(contents.head);
  if (head) return contents.base === undefined ? head : `${head} at head`;
  const base = contents.base === undefined ? undefined : failure(contents.base);
  if (base) return contents.head === undefined ? base : `${base} at base`;
  return undefined;
}

const GIVE_RENDERS =
  "give its renders at the base and the head (check --rendered-base/--rendered-head, the Action's rendered-base/rendered-head)";

/**
 * Why a YAML file is part of a Helm chart that only a render can judge: a template (Go
 * templating, not objects), the chart's values or its Chart.yaml (what they do to the objects
 * is known only once rendered); undefined for any other file.
 */
async function helmChartPart(
  file: FileChange,
  contents: FileContents,
  options: ClassifyOptions,
): Promise<string | undefined> {
  const sides = [contents.base, contents.head].filter((t) => t !== undefined);
  if (/(?:^|\/)templates\//.test(file.path) && sides.some((t) => t.includes("{{")))
    return `a Helm chart's template: it becomes objects only when rendered; ${GIVE_RENDERS}`;
  const name = file.path.slice(file.path.lastIndexOf("/") + 1);
  if (name === "Chart.yaml" && sides.some((t) => /^apiVersion:\s*v[12]\b/m.test(t)))
    return `a Helm chart's Chart.yaml: its version and dependencies change what the chart renders; ${GIVE_RENDERS}`;
  if (!/^values[^/]*\.ya?ml$/.test(name)) return undefined;
  const folder = folderOf(file.path);
  const chart = await options.read({
    path: folder === "." ? "Chart.yaml" : `${folder}/Chart.yaml`,
    status: "modified",
    ...(file.repo !== undefined ? { repo: file.repo } : {}),
  });
  if (chart?.base === undefined && chart?.head === undefined) return undefined;
  return `a Helm chart's values: what they do to its objects is known only when rendered; ${GIVE_RENDERS}`;
}
