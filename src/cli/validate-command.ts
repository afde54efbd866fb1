import { dirname, relative, resolve } from "node:path";
import type { Command } from "commander";
import { findRepoRoot, originRepo, trackedFiles } from "../adapters/git/git.js";
import { readPlanFile } from "../app/read-plan.js";
import { type RepositoryView, validateDeps } from "../app/validate-deps.js";
import { formatDiagnostic } from "../core/config/locate-diagnostics.js";
import { EXIT_GATE, EXIT_INPUT, EXIT_OK, type Io, type RunAction } from "./exit.js";

interface ValidateFlags {
  deps: string;
  plan?: string;
  strict?: boolean;
}

export function registerValidate(program: Command, io: Io, run: RunAction): void {
  program
    .command("validate")
    .description("Check deps.yaml and its includes; print every problem with file:line.")
    .option("--deps <file>", "the dependency graph", "deps.yaml")
    .option(
      "--plan <file>",
      "also list references in this Terraform plan that deps.yaml does not declare",
    )
    .option("--strict", "exit 1 when there are warnings")
    .action((flags: ValidateFlags) => run(() => validate(flags, io)));
}

function validate(flags: ValidateFlags, io: Io): number {
  const plan = flags.plan === undefined ? undefined : readPlanFile(flags.plan);
  const validation = validateDeps(flags.deps, repositoryOf(flags.deps, io.cwd), plan);
  for (const d of [...validation.errors, ...validation.warnings])
    io.stderr(`${formatDiagnostic(d)}\n`);
  const summary = `${flags.deps}: ${validation.nodes} nodes, ${validation.edges} edges in ${validation.files.length} file(s); ${validation.errors.length} error(s), ${validation.warnings.length} warning(s)`;
  if (validation.errors.length > 0) {
    io.stderr(`${summary}\n`);
    return EXIT_INPUT;
  }
  io.stdout(`${summary}\n`);
  return flags.strict && validation.warnings.length > 0 ? EXIT_GATE : EXIT_OK;
}

/** Inside a repository that holds the deps file, rules are checked against its tracked files. */
function repositoryOf(deps: string, cwd: string): RepositoryView | undefined {
  const root = findRepoRoot(cwd);
  if (!root) return undefined;
  const inside = relative(root, resolve(cwd, dirname(deps)));
  if (inside.startsWith("..")) return undefined;
  return { files: trackedFiles(root), repo: originRepo(root) };
}
