// Terraform files as a module reads them, parsed by HashiCorp's parser: for classification tests.

import { parseModuleFiles } from "../src/adapters/terraform/parse-hcl.js";
import type { ModuleFile } from "../src/core/classify/terraform-module.js";

export type Files = Record<string, string>;

export function moduleFiles(input: Files): Promise<ModuleFile[]> {
  return parseModuleFiles(Object.entries(input).map(([path, text]) => ({ path, text })));
}
