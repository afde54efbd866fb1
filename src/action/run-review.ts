// mode: review (the default): a pull request's blast radius from its event, through the shared
// pull-request pipeline; then its outputs, job summary, log and the step's result, as the
// review's one description (app/review-outcome.ts) says them.

import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { localDiffIn } from "../adapters/git/local-diff.js";
import { requireCommentAuthor } from "../app/comment-author.js";
import { stackTemplates, withNestedUnjudged } from "../app/read-change-set.js";
import { describeGraphFailure, describeReview } from "../app/review-outcome.js";
import { type ReviewResult, reviewPullRequest } from "../app/review-pull-request.js";
import { utcDay } from "../core/config/waivers.js";
import { InputError, InvalidDepsError } from "../core/errors.js";
import type { ObjectInput } from "../core/object-input.js";
import { renderJson } from "../core/render/impact-json.js";
import { type ActionContext, type ActionRun, PERMISSIONS_BLOCK } from "./context.js";
import { readInputs } from "./inputs.js";
import type { Env } from "./runner.js";

const PR_EVENTS = ["pull_request", "pull_request_target"];

interface PullRequestEvent {
  action?: string;
  number?: number;
  pull_request?: { number?: number; head?: { repo?: { full_name?: string } | null } };
  repository?: { full_name?: string };
}

export async function runReview({ context, runner, github }: ActionRun): Promise<number> {
  const { env } = context;
  const event = env.GITHUB_EVENT_NAME ?? "";
  if (!PR_EVENTS.includes(event)) {
    runner.notice(
      `blastradius checks pull requests: it runs on pull_request and pull_request_target events. This run is for "${event || "an unknown event"}", so there is nothing to check.`,
    );
    return 0;
  }
  if (!env.GITHUB_EVENT_PATH)
    throw new InputError(
      "GITHUB_EVENT_PATH is not set: is this running on a GitHub Actions runner?",
    );
  const payload = readEvent(context, env.GITHUB_EVENT_PATH);
  const number = payload.pull_request?.number ?? payload.number;
  const repo = env.GITHUB_REPOSITORY || payload.repository?.full_name;
  if (!number || !repo)
    throw new InputError(`the ${event} event payload has no pull request number or repository`);
  if (payload.action === "closed") {
    runner.notice(`pull request #${number} is closed: nothing to check.`);
    return 0;
  }
  const inputs = readInputs(runner);
  if (inputs.comment !== "off")
    requireCommentAuthor(inputs.token, inputs.commentAuthor, "input comment-author");
  const workspace = resolve(env.GITHUB_WORKSPACE ?? ".");
  // The plan is a file an earlier step of the workflow wrote, in the workspace.
  const plan = inputs.plan ? context.readPlan(resolve(workspace, inputs.plan)) : undefined;
  // Change sets too: an earlier step ran create-change-set and describe-change-set.
  const templateOf = stackTemplates(inputs.stackTemplates ?? [], "input stack-template");
  const objectInputs: ObjectInput[] = withNestedUnjudged(
    (inputs.changeSets ?? []).map((file) =>
      context.readChangeSet(resolve(workspace, file), templateOf),
    ),
  );
  const rendered = inputs.rendered ? context.readRendered(inputs.rendered, workspace) : undefined;
  const headRepo = payload.pull_request?.head?.repo?.full_name;
  // On pull_request, GitHub gives runs for forks, and runs Dependabot starts, a read-only token.
  const fromFork = headRepo !== undefined && headRepo.toLowerCase() !== repo.toLowerCase();
  const readOnlyExpected =
    event === "pull_request" && (fromFork || env.GITHUB_ACTOR === "dependabot[bot]");
  const port = github(inputs.token);
  const run = runUrl(env);

  let result: ReviewResult;
  try {
    result = await reviewPullRequest(port, {
      repo,
      number,
      deps: inputs.deps,
      post: true,
      comment: inputs.comment,
      postWhenEmpty: inputs.postWhenEmpty,
      mentionOwners: inputs.mentionOwners,
      labels: inputs.labels,
      requestReviewers: inputs.requestReviewers,
      failOn: inputs.failOn,
      acknowledgeLabel: inputs.acknowledgeLabel,
      commentAuthor: inputs.commentAuthor,
      maxDepth: inputs.maxDepth,
      today: utcDay(new Date()),
      onIncomplete: inputs.onIncomplete,
      ...(run ? { run } : {}),
      localDiff: localDiffIn(env.GITHUB_WORKSPACE),
      ...(plan ? { plan } : {}),
      ...(objectInputs.length > 0 ? { inputs: objectInputs } : {}),
      ...(rendered ? { rendered } : {}),
    });
  } catch (error) {
    if (!(error instanceof InvalidDepsError)) throw error;
    const failure = describeGraphFailure(error, "the deps input");
    for (const line of failure.diagnostics) runner.info(line);
    runner.error(failure.message);
    if (failure.summary) runner.appendSummary(failure.summary);
    return 1;
  }

  const outcome = describeReview(result, {
    requests: port.requestCount(),
    readOnlyExpected,
    analysisAt: "in the job summary",
    grant: `Add to the workflow or job:\n${PERMISSIONS_BLOCK}`,
  });
  const reportPath = join(
    env.RUNNER_TEMP || tmpdir(),
    `blastradius-pr-${result.analysis.pull.number}.json`,
  );
  context.writeFile(reportPath, renderJson(result.analysis.impact));
  for (const [name, value] of Object.entries(outcome.outputs)) runner.setOutput(name, value);
  runner.setOutput("report-path", reportPath);
  runner.appendSummary(result.body);
  for (const { level, text } of outcome.messages) runner[level](text);
  return outcome.verdict === "pass" ? 0 : 1;
}

/** This workflow run's page, as GitHub's default variables describe it. */
function runUrl(env: Env): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: id } = env;
  if (!server || !repo || !id || !/^\d+$/.test(id)) return undefined;
  const attempt = env.GITHUB_RUN_ATTEMPT;
  return `${server}/${repo}/actions/runs/${id}${attempt && /^\d+$/.test(attempt) ? `/attempts/${attempt}` : ""}`;
}

function readEvent(context: ActionContext, path: string): PullRequestEvent {
  let text: string;
  try {
    text = context.readFile(path);
  } catch (error) {
    throw new InputError(`cannot read the event payload ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as PullRequestEvent;
  } catch {
    throw new InputError(`the event payload ${path} is not JSON`);
  }
}
