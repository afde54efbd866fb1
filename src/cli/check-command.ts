import type { Command } from "commander";
import { CHECK_FORMATS, type CheckFlags } from "./command-flags.js";
import type { Io } from "./exit.js";
import type { RunAction } from "./load-commands.js";
import { collect, NO_CACHE_HELP } from "./options.js";

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
    .option("--format <format>", `output: ${CHECK_FORMATS.join(", ")}`, "text")
    .option("--fail-on <risk>", "exit 1 when the risk is at least this: low, medium, high")
    .option(
      "--on-incomplete <mode>",
      "with --fail-on: fail (default) or warn when something could not be judged",
      "fail",
    )
    .option("--max-depth <n>", "follow at most this many edges from a changed node")
    .option("--no-color", "no ANSI colour in text output")
    .action((flags: CheckFlags) => run((c) => c.check(flags, io)));
}
