import type { Command } from "commander";
import { CONTRACTS_FORMATS, type ContractsFlags } from "./command-flags.js";
import type { Io } from "./exit.js";
import type { RunAction } from "./load-commands.js";
import { NO_CACHE_HELP } from "./options.js";

export function registerContracts(program: Command, io: Io, run: RunAction): void {
  program
    .command("contracts")
    .description(
      "Verify every contract (expects:) against the repository at a commit, or a plan: exit 1 if any is broken.",
    )
    .option("--deps <file>", "the dependency graph", "deps.yaml")
    .option("--no-cache", NO_CACHE_HELP)
    .option("--git <ref>", "verify against this commit, branch or tag (default: HEAD)")
    .option(
      "--plan <file>",
      "verify against the state a Terraform plan leaves (terraform show -json plan.out)",
    )
    .option("--repo <owner/name>", "the repository the files are in (default: from git's origin)")
    .option("--format <format>", `output: ${CONTRACTS_FORMATS.join(", ")}`, "text")
    .option("--no-color", "no ANSI colour in text output")
    .action((flags: ContractsFlags) => run((c) => c.contracts(flags, io)));
}
