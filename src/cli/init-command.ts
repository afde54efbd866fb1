import { copyFileSync, existsSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import type { Command } from "commander";
import { scanRepository } from "../app/scan-repository.js";
import { draftGraph } from "../core/adopt/draft-graph.js";
import { renderDraft } from "../core/adopt/render-draft.js";
import { loadDeps } from "../core/config/load-deps.js";
import { formatDiagnostic, locateDiagnostics } from "../core/config/locate-diagnostics.js";
import { InputError } from "../core/errors.js";
import { EXIT_INPUT, EXIT_OK, type Io, type RunAction } from "./exit.js";

interface InitFlags {
  repo: string;
  out?: string;
  dryRun?: boolean;
  force?: boolean;
}

export function registerInit(program: Command, io: Io, run: RunAction): void {
  program
    .command("init")
    .description(
      "Scan this repository (Terraform IAM, Kubernetes RBAC, CODEOWNERS) and write a starting deps.yaml.",
    )
    .option("--repo <dir>", "the repository to scan", ".")
    .option("--out <file>", "where to write it (default: deps.yaml in the repository)")
    .option("--dry-run", "print it instead of writing it")
    .option("--force", "overwrite an existing file")
    .action((flags: InitFlags) => run(() => init(flags, io)));
}

async function init(flags: InitFlags, io: Io): Promise<number> {
  const root = resolve(io.cwd, flags.repo);
  const out = flags.out === undefined ? join(root, "deps.yaml") : resolve(io.cwd, flags.out);
  const shown = relative(io.cwd, out) || out;
  if (!flags.dryRun && !flags.force && existsSync(out)) {
    throw new InputError(
      `${shown} already exists; nothing was written`,
      "pass --dry-run to see what init would write, or --force to replace the file",
    );
  }
  const { scan, summary } = await scanRepository(root);
  const draft = draftGraph(scan);
  const text = renderDraft(draft, summary);

  // What init writes must load: checked here, against the text itself, before anything is written.
  const check = loadDeps(out, (file) =>
    file === out
      ? { ok: true, text }
      : {
          ok: false,
          diagnostic: { severity: "error", code: "file-not-found", file, message: "no such file" },
        },
  );
  if (check.errors.length > 0) {
    for (const d of locateDiagnostics(check.errors, check.sources))
      io.stderr(`${formatDiagnostic(d)}\n`);
    io.stderr(
      "blastradius: internal error: the generated graph does not load; nothing was written\n",
    );
    return EXIT_INPUT;
  }
  for (const problem of scan.problems) io.stderr(`${formatDiagnostic(problem)}\n`);

  const edges = draft.nodes.reduce((n, node) => n + node.dependsOn.length, 0);
  const unowned = draft.nodes.filter((n) => n.owner === undefined).length;
  const what = `${draft.nodes.length} node(s), ${edges} edge(s), ${draft.owners.length} owner(s)${summary.codeowners ? ` from ${summary.codeowners}` : ""}; ${summary.terraformFiles} Terraform file(s) and ${summary.manifests} manifest(s) read${unowned > 0 ? `; ${unowned} node(s) without an owner` : ""}`;
  if (flags.dryRun) {
    io.stdout(text);
    io.stderr(`blastradius init (dry run): ${what}\n`);
    return EXIT_OK;
  }
  // Written beside and renamed into place: an interrupted run never leaves half a file. A file
  // --force replaces is kept as .bak: a hand-written graph is work nobody wants to redo.
  const temporary = join(dirname(out), `.${Date.now()}.blastradius-init.tmp`);
  const backup = existsSync(out) ? `${out}.bak` : undefined;
  try {
    writeFileSync(temporary, text, { flag: "wx" });
    if (backup) copyFileSync(out, backup);
    renameSync(temporary, out);
  } catch (error) {
    throw new InputError(
      `cannot write ${shown}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      "check the folder exists and is writable, or use --dry-run and redirect the output",
    );
  }
  io.stdout(
    `wrote ${shown}${backup ? ` (the file it replaced is ${relative(io.cwd, backup) || backup})` : ""}: ${what}\nnext: review it, then run \`blastradius validate --repo ${flags.repo}\`\n`,
  );
  return EXIT_OK;
}
