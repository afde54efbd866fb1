// `blastradius contracts`: what it does once its flags are read (contracts-command.ts declares them).

import { readContractMatrix } from "../../app/read-contract-state.js";
import { utcDay } from "../../core/config/waivers.js";
import { InputError } from "../../core/errors.js";
import { renderContractsJson } from "../../core/render/contracts-json.js";
import { renderContractsMarkdown } from "../../core/render/contracts-markdown.js";
import { renderContractsText } from "../../core/render/contracts-text.js";
import { CONTRACTS_FORMATS, type ContractsFlags } from "../command-flags.js";
import { EXIT_GATE, EXIT_OK, type Io } from "../exit.js";
import { loadDepsFor } from "../graph-cache-option.js";
import { oneOf, wantsColor } from "../options.js";

export async function contracts(flags: ContractsFlags, io: Io): Promise<number> {
  const format = oneOf("--format", flags.format, CONTRACTS_FORMATS);
  if (flags.git !== undefined && flags.plan !== undefined)
    throw new InputError(
      "give one state to verify against: --git REF or --plan PLAN.json",
      "blastradius contracts --git main, or blastradius contracts --plan plan.json",
    );
  const loaded = loadDepsFor(flags, io);
  const matrix = await readContractMatrix(
    loaded,
    {
      ...(flags.git !== undefined ? { ref: flags.git } : {}),
      ...(flags.plan !== undefined ? { planFile: flags.plan } : {}),
      ...(flags.repo !== undefined ? { repo: flags.repo } : {}),
      // The clock is read here, once: waivers hold until their date, in UTC.
      today: utcDay(new Date()),
    },
    { cwd: io.cwd },
  );
  switch (format) {
    case "text":
      io.stdout(
        renderContractsText(matrix, { color: wantsColor(io.env, io.stdoutIsTTY, flags.color) }),
      );
      break;
    case "markdown":
      io.stdout(renderContractsMarkdown(matrix));
      break;
    case "json":
      io.stdout(renderContractsJson(matrix));
      break;
  }
  if (loaded.warningCount > 0)
    io.stderr(
      `blastradius: ${loaded.warningCount} warning(s) in the graph; run \`blastradius validate\` to see them\n`,
    );
  if (matrix.counts.broken > 0) {
    io.stderr(`blastradius: ${matrix.counts.broken} contract(s) broken\n`);
    return EXIT_GATE;
  }
  return EXIT_OK;
}
