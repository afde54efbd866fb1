// mode: contracts — every contract verified against the checked-out repository (or a plan an
// earlier step wrote), for a scheduled workflow: the matrix in the job summary and as JSON, one
// issue kept with the broken ones (closed when none is), and the step fails while any is broken.

import { join, resolve } from "node:path";
import { GitHubApiError } from "../adapters/github/github-error.js";
import { requireCommentAuthor } from "../app/comment-author.js";
import { ANY_BOT, keepContractsIssue } from "../app/contracts-issue.js";
import { parseDepsLocation } from "../app/deps-location.js";
import { loadModel, modelFromLoad } from "../app/load-model.js";
import { fetchFrom, loadRemoteDeps } from "../app/load-remote-deps.js";
import { readContractMatrix } from "../app/read-contract-state.js";
import { formatDiagnostic } from "../core/config/locate-diagnostics.js";
import { utcDay } from "../core/config/waivers.js";
import { InputError, InvalidDepsError } from "../core/errors.js";
import { contractsToJson } from "../core/render/contracts-json.js";
import { renderContractsMarkdown } from "../core/render/contracts-markdown.js";
import type { ActionRun } from "./context.js";
import { flag } from "./inputs.js";

/** The login the workflow's GITHUB_TOKEN writes as (action.yml's default). */
const DEFAULT_AUTHOR = "github-actions[bot]";

const PERMISSIONS = ["permissions:", "  contents: read", "  issues: write"].join("\n");

/** The issue's text leaves room for the marker GitHub's 65,536 characters must also hold. */
const ISSUE_LIMIT = 65_000;

export async function runContracts({ context, runner, github }: ActionRun): Promise<number> {
  const { env } = context;
  const workspace = resolve(env.GITHUB_WORKSPACE ?? ".");
  const repo = env.GITHUB_REPOSITORY ?? "";
  const postIssue = flag(runner, "post-issue", true);
  const failOnBroken = flag(runner, "fail-on-broken", true);
  const token = runner.input("token");
  if (postIssue && !token) throw new InputError("input token is empty");
  // Our issue is the one this login opened: never "anyone's". A token that acts as a person
  // writes as that person, so the default login would never find its own issue again.
  const given = runner.input("comment-author");
  if (postIssue && (given === "" || given === DEFAULT_AUTHOR))
    requireCommentAuthor(token, undefined, "input comment-author");
  const author = given === "" || given === DEFAULT_AUTHOR ? ANY_BOT : given;
  if (postIssue && !repo)
    throw new InputError(
      "GITHUB_REPOSITORY is not set: is this running on a GitHub Actions runner?",
    );
  const port = token ? github(token) : undefined;
  const deps = parseDepsLocation(runner.input("deps") || "deps.yaml");
  // A graph in this repository is read from the checkout, at the commit whose state is
  // verified; a central graph elsewhere, through the API.
  let loaded: ReturnType<typeof loadModel>;
  if (deps.repo) {
    if (!port)
      throw new InputError(
        "input token is empty: a graph in another repository is read through the API",
      );
    loaded = modelFromLoad(
      await loadRemoteDeps(deps.path, fetchFrom(port, deps.repo, deps.ref), deps.repo),
    );
  } else {
    try {
      loaded = loadModel(join(workspace, deps.path));
    } catch (error) {
      if (!(error instanceof InvalidDepsError)) throw error;
      for (const diagnostic of error.errors) runner.info(formatDiagnostic(diagnostic));
      const first = error.errors[0];
      runner.error(
        `blastradius: the dependency graph ${deps.path} does not load (${error.message}${first ? `; first: ${formatDiagnostic(first)}` : ""}). Check out the repository before this step (actions/checkout), or point the deps input at the graph; \`blastradius validate\` shows every error.`,
      );
      return 1;
    }
  }
  const plan = runner.input("plan");
  const ref = runner.input("ref");
  const matrix = await readContractMatrix(
    loaded,
    {
      ...(plan ? { planFile: resolve(workspace, plan) } : ref ? { ref } : {}),
      ...(repo ? { repo } : {}),
      today: utcDay(new Date()),
    },
    { cwd: workspace },
  ).catch((error: unknown) => {
    if (error instanceof InputError && !plan)
      throw new InputError(
        error.message,
        "check out the repository before this step (actions/checkout), or give the plan input",
      );
    throw error;
  });
  const contractsPath = join(env.RUNNER_TEMP || workspace, "blastradius-contracts.json");
  context.writeFile(contractsPath, `${JSON.stringify(contractsToJson(matrix), null, 2)}\n`);
  const markdown = renderContractsMarkdown(matrix, { limit: ISSUE_LIMIT });
  runner.appendSummary(markdown);
  const { counts } = matrix;
  runner.setOutput("contracts-path", contractsPath);
  runner.setOutput("broken-count", String(counts.broken));
  runner.info(
    `blastradius: ${matrix.rows.length} contract(s): ${counts.broken} broken, ${counts.waived} waived, ${counts.pending} pending, ${counts.unchecked} unchecked, ${counts.kept} kept`,
  );
  for (const note of matrix.notes) runner.warning(note);
  if (postIssue && port) {
    try {
      const kept = await keepContractsIssue(
        port,
        repo,
        deps.repo ? `${deps.repo}:${deps.path}` : deps.path,
        {
          broken: counts.broken,
          title:
            counts.broken > 0
              ? `Broken contracts: ${counts.broken} of ${matrix.rows.length} (${deps.path})`
              : `Contracts: none broken (${deps.path})`,
          markdown,
        },
        author,
      );
      const said = {
        created: "contracts issue opened",
        updated: "contracts issue updated",
        reopened: "contracts issue reopened",
        closed: "contracts issue closed: nothing is broken",
        none:
          counts.broken > 0 ? "contracts issue unchanged" : "no contracts issue: nothing is broken",
      } as const;
      runner.info(`${said[kept.action]}${kept.issue ? `: ${kept.issue.url}` : ""}`);
      runner.setOutput("issue-url", kept.issue?.url ?? "");
    } catch (error) {
      if (error instanceof GitHubApiError && error.isPermission) {
        runner.error(
          `${error.message}: the token lacks ${error.permission}. Add to the workflow:\n${PERMISSIONS}\nThe contracts are in the job summary.`,
        );
        return 1;
      }
      throw error;
    }
  }
  if (counts.broken > 0) {
    const message = `blastradius: ${counts.broken} contract(s) broken; the job summary lists them with their owners`;
    if (failOnBroken) {
      runner.error(message);
      return 1;
    }
    runner.warning(message);
  }
  return 0;
}
