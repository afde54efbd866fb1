import { dirname, join, relative, resolve } from "node:path";
import type { Command } from "commander";
import { findRepoRoot, originRepo, trackedFiles } from "../adapters/git/git.js";
import { readPlanFile } from "../app/read-plan.js";
import { scanRepository } from "../app/scan-repository.js";
import { type RepositoryView, validateDeps } from "../app/validate-deps.js";
import { formatDiagnostic } from "../core/config/locate-diagnostics.js";
import { utcDay } from "../core/config/waivers.js";
import { InputError } from "../core/errors.js";
import { EXIT_GATE, EXIT_INPUT, EXIT_OK, type Io, type RunAction } from "./exit.js";

interface ValidateFlags {
  deps: string;
  plan?: string;
  repo?: string;
  strict?: boolean;
  exclude?: string[];
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
    .option(
      "--repo <dir>",
      "also report drift against this repository: rules matching nothing, IAM and RBAC no node covers, undeclared references, owners CODEOWNERS disagrees with",
    )
    .option(
      "--exclude <glob...>",
      "with --repo: files or folders not to read, as `init --exclude` (repeatable)",
    )
    .option("--strict", "exit 1 when there are warnings")
    .action((flags: ValidateFlags) => run(() => validate(flags, io)));
}

async function validate(flags: ValidateFlags, io: Io): Promise<number> {
  const plan = flags.plan === undefined ? undefined : readPlanFile(flags.plan);
  if (flags.exclude !== undefined && flags.repo === undefined)
    throw new InputError(
      "--exclude applies to the repository --repo reads, and there is no --repo",
      "add --repo DIR (e.g. --repo .), or drop --exclude",
    );
  const repository =
    flags.repo === undefined
      ? repositoryOf(flags.deps, io.cwd)
      : await scanned(flags.repo, io.cwd, flags.exclude ?? []);
  const validation = validateDeps(flags.deps, repository, plan, utcDay(new Date()));
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

/** A repository read in full, for drift; files are shown relative to where the user is. */
async function scanned(
  dir: string,
  cwd: string,
  exclude: readonly string[],
): Promise<RepositoryView> {
  const root = resolve(cwd, dir);
  const { scan, gitRoot } = await scanRepository(root, { exclude });
  const shown = relative(cwd, root);
  return {
    files: scan.files,
    repo: gitRoot ? originRepo(gitRoot) : undefined,
    scan,
    display: (file) => (shown === "" ? file : join(shown, file)),
  };
}

/** Inside a repository that holds the deps file, rules are checked against its tracked files. */
function repositoryOf(deps: string, cwd: string): RepositoryView | undefined {
  const root = findRepoRoot(cwd);
  if (!root) return undefined;
  const inside = relative(root, resolve(cwd, dirname(deps)));
  if (inside.startsWith("..")) return undefined;
  return { files: trackedFiles(root), repo: originRepo(root) };
}
