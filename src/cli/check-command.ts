import type { Command } from "commander";
import { analyzeLocalChange } from "../app/analyze-local-change.js";
import type { ChangeSource } from "../app/change-source.js";
import { pairRendered, RENDERED_FLAGS } from "../app/read-rendered.js";
import { utcDay } from "../core/config/waivers.js";
import { InputError } from "../core/errors.js";
import { evaluateGate } from "../core/gate.js";
import { RISKS } from "../core/model.js";
import { renderJsonChunks } from "../core/render/impact-json.js";
import { renderMarkdown } from "../core/render/render-markdown.js";
import { renderImpactMermaid } from "../core/render/render-mermaid.js";
import { renderText } from "../core/render/render-text.js";
import { EXIT_GATE, EXIT_OK, type Io, type RunAction } from "./exit.js";
import { loadDepsFor, NO_CACHE_HELP } from "./graph-cache-option.js";
import { collect, oneOf, wantsColor, wholeNumber } from "./options.js";

const FORMATS = ["text", "markdown", "json", "mermaid"] as const;

interface CheckFlags {
  deps: string;
  cache?: boolean;
  files?: string[];
  filesFrom?: string;
  git?: string;
  plan?: string;
  changeSet?: string[];
  stackTemplate?: string[];
  renderedBase?: string;
  renderedHead?: string;
  renderedNamespace?: string;
  repo?: string;
  format: string;
  failOn?: string;
  onIncomplete: string;
  maxDepth?: string;
  color: boolean;
}

export function registerCheck(program: Command, io: Io, run: RunAction): void {
  program
    .command("check")
    .description("Show everything downstream that a change can break, and who owns it.")
    .option("--deps <file>", "the dependency graph", "deps.yaml")
    .option("--no-cache", NO_CACHE_HELP)
    .option("--files <paths...>", "changed files, relative to the repository root")
    .option("--files-from <file>", "read changed files from a file, one per line (- for stdin)")
    .option(
      "--git <base>",
      "files changed since the merge base with this ref (default: the default branch)",
    )
    .option(
      "--plan <file>",
      "a Terraform plan in JSON (terraform show -json plan.out): its resource changes, classified",
    )
    .option(
      "--change-set <file>",
      "a CloudFormation change set in JSON (aws cloudformation describe-change-set --include-property-values); repeatable",
      collect,
    )
    .option(
      "--stack-template <[stack=]path>",
      "the template the change set's stack deploys, as match.cloudformation names it (default: the stack name); repeatable as STACK=PATH",
      collect,
    )
    .option(
      "--rendered-base <path>",
      "manifests rendered at the base (helm template, kubectl kustomize): a YAML file or a folder",
    )
    .option("--rendered-head <path>", "the same manifests rendered at the head")
    .option(
      "--rendered-namespace <ns>",
      "the namespace of rendered namespaced objects written without one",
    )
    .option("--repo <owner/name>", "the repository the files are in (default: from git's origin)")
    .option("--format <format>", `output: ${FORMATS.join(", ")}`, "text")
    .option("--fail-on <risk>", "exit 1 when the risk is at least this: low, medium, high")
    .option(
      "--on-incomplete <mode>",
      "with --fail-on: fail (default) or warn when something could not be judged",
      "fail",
    )
    .option("--max-depth <n>", "follow at most this many edges from a changed node")
    .option("--no-color", "no ANSI colour in text output")
    .action((flags: CheckFlags) => run(() => check(flags, io)));
}

/** Writes in blocks of about 64 KiB: few system calls, and no output-sized string. */
function writeChunks(io: Io, chunks: Iterable<string>): void {
  let block = "";
  for (const chunk of chunks) {
    block += chunk;
    if (block.length >= 65_536) {
      io.stdout(block);
      block = "";
    }
  }
  if (block !== "") io.stdout(block);
}

async function check(flags: CheckFlags, io: Io): Promise<number> {
  const format = oneOf("--format", flags.format, FORMATS);
  const failOn = flags.failOn === undefined ? "none" : oneOf("--fail-on", flags.failOn, RISKS);
  const onIncomplete = oneOf("--on-incomplete", flags.onIncomplete, ["fail", "warn"] as const);
  const maxDepth = wholeNumber("--max-depth", flags.maxDepth, 0);
  const sources = [flags.files, flags.filesFrom, flags.git].filter((s) => s !== undefined);
  if (sources.length > 1) {
    throw new InputError("give one change source: --files, --files-from or --git");
  }
  if (flags.stackTemplate !== undefined && flags.changeSet === undefined)
    throw new InputError(
      "--stack-template names the template a change set's stack deploys: give the change set too",
      "blastradius check --change-set cs.json --stack-template infra/app.yaml",
    );
  const rendered = pairRendered(
    { base: flags.renderedBase, head: flags.renderedHead, namespace: flags.renderedNamespace },
    RENDERED_FLAGS,
  );
  // A plan or a render alone is a whole change: no files are asked of git.
  const source: ChangeSource | undefined = flags.files
    ? { kind: "files", paths: flags.files }
    : flags.filesFrom !== undefined
      ? { kind: "files-from", file: flags.filesFrom }
      : flags.git !== undefined ||
          (flags.plan === undefined && flags.changeSet === undefined && rendered === undefined)
        ? { kind: "git", base: flags.git }
        : undefined;

  const loaded = loadDepsFor(flags, io);
  const { impact, notes } = await analyzeLocalChange(
    loaded,
    {
      ...(source ? { source } : {}),
      planFile: flags.plan,
      ...(flags.changeSet ? { changeSetFiles: flags.changeSet } : {}),
      ...(flags.stackTemplate ? { stackTemplates: flags.stackTemplate } : {}),
      ...(rendered ? { rendered } : {}),
      maxDepth,
      today: utcDay(new Date()),
    },
    { cwd: io.cwd, readStdin: io.readStdin, repo: flags.repo },
  );
  for (const note of notes) io.stderr(`blastradius: ${note}\n`);

  switch (format) {
    case "text":
      io.stdout(renderText(impact, { color: wantsColor(io.env, io.stdoutIsTTY, flags.color) }));
      break;
    case "markdown":
      io.stdout(renderMarkdown(impact));
      break;
    case "json":
      writeChunks(io, renderJsonChunks(impact));
      break;
    case "mermaid":
      io.stdout(`${renderImpactMermaid(impact, Number.POSITIVE_INFINITY).text}\n`);
      break;
  }
  if (loaded.warningCount > 0) {
    io.stderr(
      `blastradius: ${loaded.warningCount} warning(s) in the graph; run \`blastradius validate\` to see them\n`,
    );
  }
  const gate = evaluateGate(impact, { failOn, labels: [], acknowledgeLabel: "", onIncomplete });
  if (gate.verdict !== "pass") {
    const reasons = [
      ...(gate.incomplete
        ? [
            `the analysis is incomplete: ${impact.unjudged.length} not judged (--on-incomplete fail)`,
          ]
        : []),
      ...(gate.atThreshold ? [`risk is ${impact.risk}, at or above --fail-on ${failOn}`] : []),
    ];
    io.stderr(`blastradius: ${reasons.join(" and ")}\n`);
    return EXIT_GATE;
  }
  return EXIT_OK;
}
