// What a repository holds now, for the docs site's "what changes it": its files as `init` and
// drift checks list them, and the Terraform resources, Kubernetes objects and CloudFormation
// resources in them, read by the same scan (sizes bounded, links never followed, Terraform
// through HashiCorp's parser, loaded only when there is a .tf file).

import { resourceAddress } from "../../core/classify/cloudformation-address.js";
import { objectAddress } from "../../core/classify/kubernetes-address.js";
import type { InventoryObject, RepositoryInventory } from "../../core/docs/matched-today.js";
import { listScanFiles, scanRepository } from "../scan-repository.js";

export interface InventoryOptions {
  /** Read the objects in the files (the default); false lists the files only, which is fast. */
  readonly objects?: boolean;
  /** Globs relative to the repository root: files and folders left out. */
  readonly exclude?: readonly string[];
}

/**
 * The repository's files (git's list inside a repository, else a walk that skips build output)
 * and, unless `objects: false`, the objects found in them. Throws InputError for a folder that
 * is not there or a bad exclude glob.
 */
export async function readRepositoryInventory(
  root: string,
  options: InventoryOptions = {},
): Promise<RepositoryInventory> {
  const exclude = options.exclude ?? [];
  if (options.objects === false) return { files: listScanFiles(root, exclude).files };
  const { scan } = await scanRepository(root, { exclude });
  const objects: InventoryObject[] = [
    ...scan.terraform.map((r) => ({
      file: r.file,
      address: r.address,
      kind: "terraform" as const,
    })),
    ...scan.kubernetes.map((o) => ({
      file: o.file,
      address: objectAddress(o),
      kind: "kubernetes" as const,
    })),
    ...(scan.cloudformation ?? []).map((r) => ({
      file: r.file,
      address: resourceAddress(r.file, r.logicalId),
      kind: "cloudformation" as const,
    })),
  ];
  return { files: scan.files, objects };
}
