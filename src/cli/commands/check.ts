// `blastradius check`: what it does once its flags are read (check-command.ts declares them).

import { analyzeLocalChange } from "../../app/analyze-local-change.js";
import type { ChangeSource } from "../../app/change-source.js";
import { pairRendered, RENDERED_FLAGS } from "../../app/read-rendered.js";
import { utcDay } from "../../core/config/waivers.js";
import { InputError } from "../../core/errors.js";
import { evaluateGate } from "../../core/gate.js";
import { RISKS } from "../../core/model.js";
import { renderJsonChunks } from "../../core/render/impact-json.js";
import { renderMarkdown } from "../../core/render/render-markdown.js";
import { renderImpactMermaid } from "../../core/render/render-mermaid.js";
import { renderText } from "../../core/render/render-text.js";
import { CHECK_FORMATS, type CheckFlags } from "../command-flags.js";
import { EXIT_GATE, EXIT_OK, type Io } from "../exit.js";
import { loadDepsFor } from "../graph-cache-option.js";
import { oneOf, wantsColor, wholeNumber } from "../options.js";

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

export async function check(flags: CheckFlags, io: Io): Promise<number> {
  const format = oneOf("--format", flags.format, CHECK_FORMATS);
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
