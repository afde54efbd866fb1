import type { Command } from "commander";
import type { ValidateFlags } from "./command-flags.js";
import type { Io } from "./exit.js";
import type { RunAction } from "./load-commands.js";

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
    .action((flags: ValidateFlags) => run((c) => c.validate(flags, io)));
}
