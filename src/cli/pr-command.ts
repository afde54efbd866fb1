import type { Command } from "commander";
import { PR_FORMATS, type PrFlags } from "./command-flags.js";
import type { Io } from "./exit.js";
import type { RunAction } from "./load-commands.js";

export function registerPr(program: Command, io: Io, run: RunAction): void {
  program
    .command("pr")
    .argument("<owner/repo#number>", "the pull request, e.g. acme/infra#42")
    .description(
      "Analyse a pull request on GitHub as the Action does (token from GITHUB_TOKEN); print the comment, post it with --post.",
    )
    .option(
      "--deps <location>",
      "deps.yaml in the repository (read at the PR's base), or owner/repo:path@ref",
      "deps.yaml",
    )
    .option(
      "--post",
      "post or update the comment, label the PR (and request reviews with --request-reviewers)",
    )
    .option("--format <format>", `output: ${PR_FORMATS.join(", ")}`, "markdown")
    .option("--fail-on <risk>", "exit 1 when the risk is at least this: low, medium, high")
    .option("--comment <mode>", "with --post: update, recreate or off", "update")
    .option("--no-labels", "with --post: do not set the blast-radius:<risk> label")
    .option("--no-mention-owners", "show owners' handles without notifying them")
    .option("--request-reviewers", "with --post: request review from the owners of impacted nodes")
    .option(
      "--comment-author <login>",
      "the login the token writes comments as (default: github-actions[bot], the workflow token's)",
    )
    .option(
      "--api-url <url>",
      "the GitHub API (default: GITHUB_API_URL, else https://api.github.com)",
    )
    .option(
      "--on-incomplete <mode>",
      "with --fail-on: fail (default) or warn when something could not be judged",
      "fail",
    )
    .option(
      "--rendered-base <path>",
      "manifests rendered at the PR's base (helm template, kubectl kustomize): a YAML file or a folder",
    )
    .option("--rendered-head <path>", "the same manifests rendered at the PR's head")
    .option(
      "--rendered-namespace <ns>",
      "the namespace of rendered namespaced objects written without one",
    )
    .option("--max-depth <n>", "follow at most this many edges from a changed node")
    .option("--no-color", "no ANSI colour in text output")
    .action((target: string, flags: PrFlags) => run((c) => c.pr(target, flags, io)));
}
