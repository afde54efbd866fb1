// Changed files -> what changed inside them, from their contents at base and head: Terraform
// through HashiCorp's HCL parser, IAM policy JSON, Kubernetes RBAC. Bounded: only files that
// match a node, at most `limit` of them, none over `maxBytes`.

import { parseTerraform } from "../adapters/terraform/parse-hcl.js";
import type { ResourceChange } from "../core/classify/evidence.js";
import { classifyPolicyFile } from "../core/classify/iam-policy-file.js";
import { classifyRbacFiles, type ManifestFile } from "../core/classify/kubernetes-rbac.js";
import { classifyTerraformFile, type TerraformSide } from "../core/classify/terraform-file.js";
import type { PathIndex } from "../core/locate/path-index.js";
import type { FileChange } from "../core/model.js";

/** A file's text at base and at head; a side is undefined where the file does not exist. */
export interface FileContents {
  readonly base?: string;
  readonly head?: string;
}

export interface ClassifyOptions {
  /** Reads both sides; undefined when they cannot be had (too large, not fetched). */
  readonly read: (file: FileChange) => Promise<FileContents | undefined>;
  /** The model's path rules: only files that match a node (on either path) are worth reading. */
  readonly paths: PathIndex;
  readonly limit?: number;
  readonly maxBytes?: number;
  /** Other manifests at head beside a changed one, to find bindings left pointing at a deleted role. */
  readonly context?: (file: FileChange) => Promise<{ path: string; text: string }[]>;
}

export interface Classified {
  readonly files: FileChange[];
  /** Said to the user: files not compared, and why. */
  readonly notes: string[];
}

const TERRAFORM = /\.tf$/;

function matchesANode(paths: PathIndex, file: FileChange): boolean {
  return (
    paths.match(file.path, file.repo).length > 0 ||
    (file.previousPath !== undefined && paths.match(file.previousPath, file.repo).length > 0)
  );
}
const JSON_FILE = /\.json$/;
const YAML = /\.ya?ml$/;

const unreadable = (file: string, why: string): ResourceChange[] => [
  {
    system: "file",
    address: file,
    type: "file",
    classes: ["unknown"],
    evidence: [{ file, detail: why }],
  },
];

async function terraformSide(
  file: string,
  text: string | undefined,
): Promise<TerraformSide | undefined> {
  return text === undefined ? undefined : { json: await parseTerraform(file, text), text };
}

/** Larger files are generated, not written by hand: they are not read for their contents. */
export const MAX_READ_BYTES = 1024 * 1024;

export async function classifyChanges(
  files: readonly FileChange[],
  options: ClassifyOptions,
): Promise<Classified> {
  const limit = options.limit ?? 50;
  const maxBytes = options.maxBytes ?? MAX_READ_BYTES;
  const notes: string[] = [];
  const out = [...files];
  const candidates = files
    .map((file, index) => ({ file, index }))
    .filter(
      ({ file }) =>
        (TERRAFORM.test(file.path) || JSON_FILE.test(file.path) || YAML.test(file.path)) &&
        matchesANode(options.paths, file),
    );
  if (candidates.length > limit) {
    notes.push(
      `${candidates.length} changed files could be read; only the first ${limit} were compared, the others count as changed in an unknown way`,
    );
  }
  const manifests: { index: number; manifest: ManifestFile; file: FileChange }[] = [];
  for (const { file, index } of candidates.slice(0, limit)) {
    const contents = await options.read(file);
    if (!contents) continue;
    const size = Math.max(contents.base?.length ?? 0, contents.head?.length ?? 0);
    if (size > maxBytes) {
      notes.push(`${file.path} is over ${Math.round(maxBytes / 1024)} KiB: not compared`);
      continue;
    }
    if (TERRAFORM.test(file.path)) {
      try {
        const resources = classifyTerraformFile(
          file.path,
          await terraformSide(file.path, contents.base),
          await terraformSide(file.path, contents.head),
        );
        out[index] = { ...file, resources };
      } catch (error) {
        out[index] = {
          ...file,
          resources: unreadable(
            file.path,
            `HCL does not parse: ${String((error as Error).message ?? error).slice(0, 300)}`,
          ),
        };
      }
    } else if (JSON_FILE.test(file.path)) {
      const resources = classifyPolicyFile(file.path, contents.base, contents.head);
      if (resources) out[index] = { ...file, resources };
    } else {
      manifests.push({ index, file, manifest: { path: file.path, ...contents } });
    }
  }
  if (manifests.length > 0) {
    const context = options.context
      ? (
          await Promise.all(
            manifests
              .filter((m) => m.manifest.head === undefined || m.file.status !== "added")
              .map((m) => options.context?.(m.file) ?? []),
          )
        ).flat()
      : [];
    const rbac = classifyRbacFiles(
      manifests.map((m) => m.manifest),
      context,
    );
    for (const { index, file } of manifests) {
      const resources = rbac.get(file.path);
      if (resources) out[index] = { ...file, resources };
    }
  }
  return { files: out, notes };
}
