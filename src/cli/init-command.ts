import type { Command } from "commander";
import type { InitFlags } from "./command-flags.js";
import type { Io } from "./exit.js";
import type { RunAction } from "./load-commands.js";

export function registerInit(program: Command, io: Io, run: RunAction): void {
  program
    .command("init")
    .description(
      "Scan this repository (Terraform IAM, CloudFormation and CDK templates, Kubernetes RBAC, CODEOWNERS) and write a starting deps.yaml.",
    )
    .option("--repo <dir>", "the repository to scan", ".")
    .option("--out <file>", "where to write it (default: deps.yaml in the repository)")
    .option("--dry-run", "print it instead of writing it")
    .option("--force", "overwrite an existing file")
    .option(
      "--exclude <glob...>",
      "files or folders not to read, relative to the repository root (a glob, as in match.paths; repeatable)",
    )
    .option(
      "--rendered <path>",
      "manifests rendered from a chart or overlay (helm template, kubectl kustomize): a YAML file or a folder; their objects are drafted too, matched by object",
    )
    .option(
      "--rendered-namespace <ns>",
      "the namespace of rendered namespaced objects written without one",
    )
    .action((flags: InitFlags) => run((c) => c.init(flags, io)));
}
