// Reads a repository for `init` and drift checks: its files (git's list when it is a
// repository, else a walk), Terraform through HashiCorp's parser, YAML manifests, CODEOWNERS.
// Reads only; nothing from the repository is ever run.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { findRepoRoot, trackedFiles } from "../adapters/git/git.js";
import { parseTerraform } from "../adapters/terraform/parse-hcl.js";
import {
  kubernetesObjects,
  type RepoScan,
  type ScannedObject,
  type ScannedResource,
  terraformResources,
} from "../core/adopt/repo-scan.js";
import { CODEOWNERS_LOCATIONS, parseCodeowners } from "../core/codeowners.js";
import { InputError } from "../core/errors.js";
import type { Diagnostic } from "../core/model.js";
import { MAX_MANIFEST_BYTES, MAX_READ_BYTES } from "./classify-changes.js";

const SKIP_DIRS = new Set([".git", "node_modules", ".terraform", "vendor", "dist", "lib"]);

export interface ScanSummary {
  readonly terraformFiles: number;
  readonly manifests: number;
  readonly codeowners?: string;
}

export async function scanRepository(
  dir: string,
): Promise<{ scan: RepoScan; summary: ScanSummary; gitRoot?: string }> {
  const root = resolve(dir);
  try {
    if (!statSync(root).isDirectory()) throw new Error("not a directory");
  } catch {
    throw new InputError(
      `${dir} is not a directory`,
      "pass the repository's folder, e.g. --repo .",
    );
  }
  const gitRoot = findRepoRoot(root);
  const files = listFiles(root, gitRoot);
  const problems: Diagnostic[] = [];
  const terraform: ScannedResource[] = [];
  const kubernetes: ScannedObject[] = [];
  let terraformFiles = 0;
  let manifests = 0;
  const read = (file: string): string | undefined => {
    try {
      const path = join(root, file);
      // Manifests are read as far as the classifier compares them (bundles are large).
      const max = /\.ya?ml$/.test(file) ? MAX_MANIFEST_BYTES : MAX_READ_BYTES;
      if (statSync(path).size > max) {
        problems.push({
          severity: "warning",
          code: "scan-skipped",
          file,
          message: `larger than ${max / 1024 / 1024} MiB; not read`,
        });
        return undefined;
      }
      return readFileSync(path, "utf8");
    } catch (error) {
      problems.push({
        severity: "warning",
        code: "scan-skipped",
        file,
        message: `cannot read it (${(error as NodeJS.ErrnoException).code ?? "error"})`,
      });
      return undefined;
    }
  };
  for (const file of files) {
    if (file.endsWith(".tf")) {
      const text = read(file);
      if (text === undefined) continue;
      terraformFiles++;
      try {
        terraform.push(
          ...terraformResources(file, await parseTerraform(file, text, { evaluate: false }), text),
        );
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
      const objects = kubernetesObjects(file, text);
      if (objects.length > 0) manifests++;
      kubernetes.push(...objects);
    }
  }
  const located = CODEOWNERS_LOCATIONS.find((f) => files.includes(f));
  const codeowners = located ? parseCodeowners(read(located) ?? "", located) : undefined;
  if (codeowners) problems.push(...codeowners.problems);
  return {
    scan: { files, terraform, kubernetes, ...(codeowners ? { codeowners } : {}), problems },
    summary: { terraformFiles, manifests, ...(located ? { codeowners: located } : {}) },
    ...(gitRoot ? { gitRoot } : {}),
  };
}

/** git's view (tracked and untracked-but-not-ignored) inside a repository; else every file (but .git, node_modules, .terraform, vendor, dist, lib). */
function listFiles(root: string, repoRoot: string | undefined): string[] {
  if (repoRoot) {
    const inside = relative(repoRoot, root);
    const all = trackedFiles(repoRoot);
    const prefix = inside === "" ? "" : `${inside.split("\\").join("/")}/`;
    const mine = all.filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length));
    // A folder git ignores entirely was still pointed at on purpose: read what is there.
    if (mine.length > 0) return mine.sort();
  }
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = dir === "" ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) walk(path);
      } else if (entry.isFile()) out.push(path);
    }
  };
  walk("");
  return out.sort();
}
