// `blastradius validate`: what it does once its flags are read (validate-command.ts declares them).

import { dirname, join, relative, resolve } from "node:path";
import { findRepoRoot, originRepo, trackedFiles } from "../../adapters/git/git.js";
import { readPlanFile } from "../../app/read-plan.js";
import { scanRepository } from "../../app/scan-repository.js";
import { type RepositoryView, validateDeps } from "../../app/validate-deps.js";
import { formatDiagnostic } from "../../core/config/locate-diagnostics.js";
import { utcDay } from "../../core/config/waivers.js";
import { InputError } from "../../core/errors.js";
import type { ValidateFlags } from "../command-flags.js";
import { EXIT_GATE, EXIT_INPUT, EXIT_OK, type Io } from "../exit.js";

export async function validate(flags: ValidateFlags, io: Io): Promise<number> {
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
