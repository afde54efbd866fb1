// Terraform files through HashiCorp's own HCL parser (hcl2json, Go compiled to WebAssembly).
// Started on first use, or as soon as a change shows Terraform files (startHclParser): most
// runs read no Terraform. From the bundle it runs in a process of its own (hcl-child.ts says
// why); from source (tests), and whenever that process cannot serve, in this one.

import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { bundleFile } from "../../app/bundle-file.js";
import type { HclJson } from "../../core/classify/terraform-file.js";
import type { ModuleFile } from "../../core/classify/terraform-module.js";
import { hclChild, type Parse } from "./hcl-child-client.js";

/** The parser's own bundle, beside the CLI's and the Action's (scripts/bundle.mjs). */
export const HCL_CHILD = "hcl-child.cjs";

let inThisProcess: Promise<Parse> | undefined;
const inProcess = (): Promise<Parse> => {
  inThisProcess ??= import("@cdktn/hcl2json").then((m) => m.parse as Parse);
  return inThisProcess;
};

let parser: Promise<Parse> | undefined;

function load(): Promise<Parse> {
  if (!parser) {
    const bundle = bundleFile();
    const child = bundle ? join(dirname(bundle), HCL_CHILD) : undefined;
    parser =
      child &&
      !/^(0|off|false|no)$/i.test(process.env.BLASTRADIUS_HCL_CHILD ?? "") &&
      existsSync(child)
        ? Promise.resolve(hclChild(child, inProcess))
        : inProcess();
  }
  return parser;
}

/** Starts the parser now, so that its start overlaps what comes before the first parse. */
export function startHclParser(): void {
  void load();
}

const JSONENCODE = /^\$\{jsonencode\(([\s\S]*)\)\}$/;

/**
 * The file as JSON. `jsonencode({...})` of literal values (the common way to write an IAM
 * document) is evaluated by parsing its argument as an HCL value, unless `evaluate: false`;
 * anything with references stays an expression.
 */
export async function parseTerraform(
  file: string,
  text: string,
  options: { readonly evaluate?: boolean } = {},
): Promise<HclJson> {
  const parse = await load();
  const json = await parse(file, text);
  // Reading references only (init, drift) needs no IAM documents: each jsonencode is a parse.
  if (options.evaluate === false) return json as HclJson;
  const evaluate = async (value: unknown): Promise<unknown> => {
    if (typeof value === "string") {
      const inner = JSONENCODE.exec(value)?.[1];
      if (inner === undefined) return value;
      try {
        const parsed = (await parse("jsonencode.tf", `value = ${inner}\n`)).value;
        return JSON.stringify(parsed).includes("${") ? value : parsed;
      } catch {
        return value;
      }
    }
    if (Array.isArray(value)) return Promise.all(value.map(evaluate));
    if (value !== null && typeof value === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = await evaluate(v);
      return out;
    }
    return value;
  };
  return (await evaluate(json)) as HclJson;
}

/**
 * A module's files, each parsed as written (no evaluation): what the module classifier reads.
 * `seen` is shared by the two sides of one change: a file the change leaves alone is parsed
 * once, not at base and again at head (the parser is most of a Terraform check's time), and
 * each side gets its own copy.
 */
export async function parseModuleFiles(
  files: readonly { readonly path: string; readonly text: string }[],
  seen: Map<string, Promise<HclJson>> = new Map(),
): Promise<ModuleFile[]> {
  const out: ModuleFile[] = [];
  // One at a time: the parser runs on one thread whatever is asked of it at once.
  for (const f of files) {
    const key = `${f.path}\u0000${f.text}`;
    let parsed = seen.get(key);
    const first = parsed === undefined;
    if (!parsed) {
      parsed = parseTerraform(f.path, f.text, { evaluate: false });
      seen.set(key, parsed);
    }
    const json = await parsed;
    out.push({ ...f, json: first ? json : structuredClone(json) });
  }
  return out;
}
