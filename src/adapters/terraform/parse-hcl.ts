// Terraform files as hcl2json gives them. Read by our own reader first (src/core/hcl: the same
// JSON, a hundred times sooner than starting HashiCorp's parser); what it does not read (template
// directives, a text with an error, a few rarities) goes to HashiCorp's own parser (hcl2json, Go
// compiled to WebAssembly), started only then: most checks never start it. From the bundle it
// runs in a process of its own (hcl-child.ts says why); from source (tests), and whenever that
// process cannot serve, in this one. BLASTRADIUS_HCL_READER=off sends every file to hcl2json.

import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { bundleFile } from "../../app/bundle-file.js";
import type { HclJson } from "../../core/classify/terraform-file.js";
import type { ModuleFile } from "../../core/classify/terraform-module.js";
import { hclToJson } from "../../core/hcl/hcl-to-json.js";
import { HclUnsupported } from "../../core/hcl/hcl-unsupported.js";
import { switchedOff } from "../switched-off.js";
import { hclChild, type Parse } from "./hcl-child-client.js";

/** The parser's own bundle, beside the CLI's and the Action's (scripts/bundle.mjs). */
export const HCL_CHILD = "hcl-child.cjs";

let inThisProcess: Promise<Parse> | undefined;
const inProcess = (): Promise<Parse> => {
  inThisProcess ??= import("@cdktn/hcl2json").then((m) => m.parse as Parse);
  return inThisProcess;
};

let parser: Promise<Parse> | undefined;

const readerOn = (): boolean => !switchedOff(process.env.BLASTRADIUS_HCL_READER);

/** HashiCorp's parser, started on first need. */
function load(): Promise<Parse> {
  if (!parser) {
    const bundle = bundleFile();
    const child = bundle ? join(dirname(bundle), HCL_CHILD) : undefined;
    parser =
      child && !switchedOff(process.env.BLASTRADIUS_HCL_CHILD) && existsSync(child)
        ? Promise.resolve(hclChild(child, inProcess))
        : inProcess();
  }
  return parser;
}

/**
 * How deep HCL may nest before it is not parsed. The parser recurses once per level; past
 * about a thousand levels its stack runs out, at a depth that moves with the process (its own,
 * with --liftoff-only, or this one) and with the machine's load, and the Go runtime does not
 * survive it. Well below that, the same text gets the same answer everywhere.
 */
export const MAX_HCL_NESTING = 256;
/**
 * Unary operators one on the next (`!!!x`, `- -1`) and conditionals one inside the next
 * (`a ? b : c ? d : …`) recurse too; the parser's stack held 3,000 of either here. A comment's
 * row of dashes is a run as well, hence a bound well above any such row.
 */
const MAX_UNARY_RUN = 1000;
const MAX_CONDITIONALS = 2000;

/**
 * Why a text is not given to the parser, or undefined. Counted on the raw text (brackets in
 * strings and comments included): only a text built to nest could come near these bounds.
 */
export function tooDeep(text: string): string | undefined {
  let depth = 0;
  let deepest = 0;
  let run = 0;
  let longest = 0;
  let questions = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // ( [ {  and  ) ] }
    if (c === 40 || c === 91 || c === 123) {
      if (++depth > deepest) deepest = depth;
    } else if (c === 41 || c === 93 || c === 125) depth--;
    // A run of unary operators (! and -), spaces between them included.
    if (c === 33 || c === 45) {
      if (++run > longest) longest = run;
    } else if (c !== 32 && c !== 9 && c !== 10 && c !== 13) run = 0;
    if (c === 63) questions++;
  }
  if (deepest > MAX_HCL_NESTING)
    return `nested ${deepest} levels deep (brackets, braces, parentheses or templates): not given to the parser, which handles at most ${MAX_HCL_NESTING}`;
  if (longest > MAX_UNARY_RUN)
    return `a run of ${longest} unary operators (! or -): not given to the parser, which handles at most ${MAX_UNARY_RUN}`;
  if (questions > MAX_CONDITIONALS)
    return `${questions} conditionals (?): not given to the parser, which handles at most ${MAX_CONDITIONALS}`;
  return undefined;
}

/**
 * Starts HashiCorp's parser now, so that its start overlaps what comes before the first parse:
 * only when every file goes to it. Our reader needs no start, and starting a parser it will
 * most likely not need would only take a core from the check.
 */
export function startHclParser(): void {
  if (!readerOn()) void load();
}

/** One file: our reader's JSON, or hcl2json's where our reader hands the text over. */
const parseOne: Parse = async (file, text) => {
  if (readerOn()) {
    try {
      return hclToJson(text);
    } catch (error) {
      if (!(error instanceof HclUnsupported)) throw error;
    }
  }
  return (await load())(file, text);
};

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
  const deep = tooDeep(text);
  if (deep) throw new Error(deep);
  const json = await parseOne(file, text);
  // Reading references only (init, drift) needs no IAM documents: each jsonencode is a parse.
  if (options.evaluate === false) return json as HclJson;
  const evaluate = async (value: unknown): Promise<unknown> => {
    if (typeof value === "string") {
      const inner = JSONENCODE.exec(value)?.[1];
      if (inner === undefined) return value;
      try {
        const parsed = (await parseOne("jsonencode.tf", `value = ${inner}\n`)).value;
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
