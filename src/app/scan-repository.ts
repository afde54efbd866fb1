// Reads a repository for `init` and drift checks: its files (git's list when it is a
// repository, else a walk), Terraform through HashiCorp's parser, YAML manifests, CloudFormation
// and CDK templates (with what `cdk synth` wrote where git does not look), CODEOWNERS.
// Reads only; nothing from the repository is ever run.

import { join, resolve } from "node:path";
import { readRegularFile } from "../adapters/fs/read-regular.js";
import {
  isFolder,
  listRepositoryFiles,
  synthesisedTemplates,
} from "../adapters/fs/repository-files.js";
import { findRepoRoot } from "../adapters/git/git.js";
import { parseTerraform } from "../adapters/terraform/parse-hcl.js";
import { backstageCatalog } from "../core/adopt/backstage-files.js";
import {
  kubernetesObjects,
  type RepoScan,
  resolveLocals,
  type ScannedLocal,
  type ScannedObject,
  type ScannedResource,
  terraformLocals,
  terraformResources,
} from "../core/adopt/repo-scan.js";
import {
  checkGlob,
  filterFiles,
  SKIPPED_FOLDERS,
  type SkipNote,
} from "../core/adopt/scan-filter.js";
import {
  mayBeTemplate,
  type ScannedTemplateResource,
  templateResources,
} from "../core/adopt/template-scan.js";
import { objectAddress } from "../core/classify/kubernetes-address.js";
import { isKustomizationPath } from "../core/classify/kustomize-file.js";
import { scanKustomizations } from "../core/classify/kustomize-scan.js";
import { CODEOWNERS_LOCATIONS, parseCodeowners } from "../core/codeowners.js";
import { declaresKinds } from "../core/config/yaml-documents.js";
import { InputError } from "../core/errors.js";
import type { Diagnostic } from "../core/model.js";

/**
 * The largest file the scan reads. Generated bundles of manifests are large (argo-cd's
 * install.yaml is 1.5 MB) and hold the objects a graph is about; past this, a file is data.
 */
export const MAX_SCAN_BYTES = 16 * 1024 * 1024;
const MAX_SCAN_TEXT = "16 MiB";

/** Outside git nothing says what is build output: these folders are skipped too, and said. */
const WALK_SKIPPED: Readonly<Record<string, string>> = {
  ...SKIPPED_FOLDERS,
  dist: "build output (not a git repository, so no .gitignore says so)",
  lib: "build output (not a git repository, so no .gitignore says so)",
};

export interface ScanSummary {
  readonly terraformFiles: number;
  readonly manifests: number;
  /** CloudFormation and CDK templates read. */
  readonly templates: number;
  /**
   * CDK output folders read from disk though git does not list them (`cdk.out/` is usually
   * ignored), with how many templates each held.
   */
  readonly synthesised: readonly { readonly folder: string; readonly templates: number }[];
  readonly codeowners?: string;
  /** What was left out and why, one note per glob or reason. */
  readonly skipped: readonly SkipNote[];
}

export interface ScanOptions {
  /** Globs relative to the repository root: files and folders not read. */
  readonly exclude?: readonly string[];
}

/** What a scan reads: the repository's files, and what was left out of them. */
export interface ScanFiles {
  readonly root: string;
  readonly gitRoot?: string;
  /** Sorted, relative to `root`: git's list (or a walk), and CDK output git does not list. */
  readonly files: string[];
  readonly synthesised: ReturnType<typeof synthesisedTemplates>;
  readonly notes: SkipNote[];
  /** Links and other non-regular files met while walking: never read. */
  readonly notRegular: string[];
}

/** The files of a repository as `init`, drift checks and `docs` see them; reads no contents but cdk.json. */
export function listScanFiles(dir: string, exclude: readonly string[] = []): ScanFiles {
  for (const glob of exclude) {
    const problem = checkGlob(glob);
    if (problem)
      throw new InputError(
        `--exclude ${JSON.stringify(glob)} ${problem}`,
        'pass a glob relative to the repository root, e.g. --exclude "examples/**"',
      );
  }
  const root = resolve(dir);
  if (!isFolder(root))
    throw new InputError(
      `${dir} is not a directory`,
      "pass the repository's folder, e.g. --repo .",
    );
  const gitRoot = findRepoRoot(root);
  const walkSkipped = new Map<string, number>();
  const walkNotRegular: string[] = [];
  const listed = listRepositoryFiles(root, gitRoot, WALK_SKIPPED, walkSkipped, walkNotRegular);
  const synthesised = synthesisedTemplates(root, listed, walkNotRegular);
  const { kept: files, skipped } = filterFiles(
    [...listed, ...synthesised.flatMap((s) => s.files)].sort(),
    exclude,
  );
  const notes: SkipNote[] = [...skipped];
  for (const [name, count] of walkSkipped)
    notes.push({
      what: `${name}/`,
      count,
      unit: "folder",
      why: WALK_SKIPPED[name] as string,
      by: "scan",
    });
  return {
    root,
    ...(gitRoot ? { gitRoot } : {}),
    files,
    synthesised,
    notes,
    notRegular: walkNotRegular,
  };
}

export async function scanRepository(
  dir: string,
  options: ScanOptions = {},
): Promise<{ scan: RepoScan; summary: ScanSummary; gitRoot?: string }> {
  const listing = listScanFiles(dir, options.exclude);
  const { root, gitRoot, files, synthesised, notes } = listing;
  const walkNotRegular = listing.notRegular;
  const tooLarge: string[] = [];
  const notRegular: string[] = [...walkNotRegular];
  const problems: Diagnostic[] = [];
  const terraform: ScannedResource[] = [];
  const locals: ScannedLocal[] = [];
  const kubernetes: ScannedObject[] = [];
  const cloudformation: ScannedTemplateResource[] = [];
  const catalogs: string[] = [];
  let locations = 0;
  let terraformFiles = 0;
  let manifests = 0;
  const templateFiles: string[] = [];
  // Symlinks are never followed (a committed link to /dev/zero would be read forever) and
  // sizes are judged on the opened file before a byte is read.
  const read = (file: string): string | undefined => {
    const got = readRegularFile(join(root, file), { maxBytes: MAX_SCAN_BYTES, noFollow: true });
    if (got.ok) return got.bytes.toString("utf8");
    if (got.reason === "symlink" || got.reason === "not-regular") {
      notRegular.push(file);
      return undefined;
    }
    if (got.reason === "too-large") {
      tooLarge.push(file);
      problems.push({
        severity: "warning",
        code: "scan-skipped",
        file,
        message: `larger than ${MAX_SCAN_TEXT}; not read`,
        hint: "if it matters, split it, or declare its nodes by hand",
      });
      return undefined;
    }
    problems.push({
      severity: "warning",
      code: "scan-skipped",
      file,
      message: got.message,
    });
    return undefined;
  };
  /** A template's resources, or its problem; false when the text is not a template. */
  const readAsTemplate = (file: string, text: string): boolean => {
    if (!mayBeTemplate(file)) return false;
    const found = templateResources(file, text);
    if (found === undefined) return false;
    if ("problem" in found) problems.push(found.problem);
    else {
      templateFiles.push(file);
      const from = synthesised.find((s) => file.startsWith(`${s.folder}/`));
      cloudformation.push(
        ...(from && from.sources.length > 0
          ? found.resources.map((r) => ({ ...r, sources: from.sources }))
          : found.resources),
      );
    }
    return true;
  };
  for (const file of files) {
    if (file.endsWith(".tf")) {
      const text = read(file);
      if (text === undefined) continue;
      terraformFiles++;
      try {
        const json = await parseTerraform(file, text, { evaluate: false });
        terraform.push(...terraformResources(file, json, text));
        locals.push(...terraformLocals(file, json));
      } catch (error) {
        problems.push({
          severity: "warning",
          code: "terraform-unparseable",
          file,
          message: `Terraform that does not parse: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
          hint: "fix the file; its resources are left out until then",
        });
      }
    } else if (/\.ya?ml$/.test(file)) {
      const text = read(file);
      if (text === undefined) continue;
      const catalog = backstageCatalog(text);
      if (catalog === "entities") catalogs.push(file);
      if (catalog === "locations") locations++;
      if (catalog) continue;
      // Top-level apiVersion and kind make it a manifest, whatever text it embeds.
      if (!declaresKinds(text) && readAsTemplate(file, text)) continue;
      const objects = kubernetesObjects(file, text);
      if (objects.length > 0) manifests++;
      kubernetes.push(...objects);
    } else if (mayBeTemplate(file)) {
      const text = read(file);
      if (text !== undefined) readAsTemplate(file, text);
    }
  }
  // Patch files are no objects of their own; overlays emit their bases' objects renamed.
  const listedFiles = new Set(files);
  const overlays = scanKustomizations(files.filter(isKustomizationPath), (path) =>
    listedFiles.has(path) ? read(path) : undefined,
  );
  const written = kubernetes.filter((o) => !overlays.patchFiles.has(o.file));
  // An object an overlay emits as written is already matched by its files: the kustomization
  // is no further declaration of it (a base file's deletion of it is still its deletion).
  const addresses = new Set(written.map(objectAddress));
  kubernetes.splice(
    0,
    kubernetes.length,
    ...written,
    ...overlays.objects.filter(
      (o) => !(isKustomizationPath(o.file) && addresses.has(objectAddress(o))),
    ),
  );
  const located = CODEOWNERS_LOCATIONS.find((f) => files.includes(f));
  const codeowners = located ? parseCodeowners(read(located) ?? "", located) : undefined;
  if (codeowners) problems.push(...codeowners.problems);
  if (tooLarge.length > 0)
    notes.push({
      what: `larger than ${MAX_SCAN_TEXT}`,
      count: tooLarge.length,
      unit: "file",
      why: `not read: ${tooLarge.join(", ")}`,
      by: "scan",
    });
  if (notRegular.length > 0)
    notes.push({
      what: "symbolic links and other non-regular files",
      count: notRegular.length,
      unit: "file",
      why: `not read (a link's target could be anything, a device included): ${notRegular.join(", ")}`,
      by: "scan",
    });
  if (locations > 0)
    notes.push({
      what: "Backstage Locations",
      count: locations,
      unit: "file",
      why: "they only point at other catalog files; those in the repository are included themselves",
      by: "scan",
    });
  return {
    scan: {
      files,
      // Locals may be declared in any file of a folder: followed once all are read.
      terraform: resolveLocals(terraform, locals),
      kubernetes,
      cloudformation,
      ...(codeowners ? { codeowners } : {}),
      ...(catalogs.length > 0 ? { catalogs } : {}),
      problems,
    },
    summary: {
      terraformFiles,
      manifests,
      templates: templateFiles.length,
      synthesised: synthesised.flatMap(({ folder }) => {
        const read = templateFiles.filter((f) => f.startsWith(`${folder}/`)).length;
        return read > 0 ? [{ folder, templates: read }] : [];
      }),
      ...(located ? { codeowners: located } : {}),
      skipped: notes,
    },
    ...(gitRoot ? { gitRoot } : {}),
  };
}
