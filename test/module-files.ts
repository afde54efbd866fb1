// Terraform files as a module reads them, parsed by HashiCorp's parser: for classification tests.

import { parseTerraform } from "../src/adapters/terraform/parse-hcl.js";
import type { ModuleFile } from "../src/core/classify/terraform-module.js";

export type Files = Record<string, string>;

export async function moduleFiles(input: Files): Promise<ModuleFile[]> {
  return Promise.all(
    Object.entries(input).map(async ([path, text]) => ({
      path,
      text,
      json: await parseTerraform(path, text, { evaluate: false }),
    })),
  );
}
