// The GitHub Action: event and inputs in, the shared pull-request pipeline, then outputs,
// job summary, annotations and the step's result. Everything it touches comes in `context`.

import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { localDiffIn } from "../adapters/git/local-diff.js";
import type { ClientLog } from "../adapters/github/client.js";
import { GitHubApiError } from "../adapters/github/github-error.js";
import { requireCommentAuthor } from "../app/comment-author.js";
import { parseDepsLocation } from "../app/deps-location.js";
import type { GitHubPort } from "../app/github-port.js";
import { modelFromLoad } from "../app/load-model.js";
import { fetchFrom, loadRemoteDeps } from "../app/load-remote-deps.js";
import { reportMergedPullRequests } from "../app/merged-changes.js";
import { postReportIssue } from "../app/post-report.js";
import { type ChangeSetInput, stackTemplates, withNestedUnjudged } from "../app/read-change-set.js";
import type { PlanInput } from "../app/read-plan.js";
import type { RenderedQuery, RenderedReading } from "../app/read-rendered.js";
import { type ReviewResult, reviewPullRequest } from "../app/review-pull-request.js";
import type { TemplateOf } from "../core/classify/cloudformation-change-set.js";
import { formatDiagnostic } from "../core/config/locate-diagnostics.js";
import { utcDay } from "../core/config/waivers.js";
import { InputError, InvalidDepsError } from "../core/errors.js";
import { describeGate } from "../core/gate.js";
import type { ObjectInput } from "../core/object-input.js";
import { renderJson } from "../core/render/impact-json.js";
import { renderReportMarkdown, reportToJson } from "../core/report/render-report.js";
import { parseSince } from "../core/since.js";
import { readInputs } from "./inputs.js";
import { runContracts } from "./run-contracts.js";
import { createRunner, type Env, type Runner } from "./runner.js";

export interface ActionContext {
  readonly env: Env;
  readonly write: (text: string) => void;
  readonly readFile: (path: string) => string;
  readonly writeFile: (path: string, text: string) => void;
  readonly createPort: (token: string, baseUrl: string | undefined, log: ClientLog) => GitHubPort;
  readonly readPlan: (path: string) => PlanInput;
  readonly readChangeSet: (path: string, templateOf: TemplateOf) => ChangeSetInput;
  /** Renders an earlier step wrote, paths relative to cwd (the workspace). */
  readonly readRendered: (query: RenderedQuery, cwd: string) => RenderedReading;
}

const PR_EVENTS = ["pull_request", "pull_request_target"];

export const PERMISSIONS_BLOCK = [
  "permissions:",
  "  contents: read",
  "  pull-requests: write",
  "  issues: write",
].join("\n");

interface PullRequestEvent {
  action?: string;
  number?: number;
  pull_request?: { number?: number; head?: { repo?: { full_name?: string } | null } };
  repository?: { full_name?: string };
}

export async function runAction(context: ActionContext): Promise<number> {
  const runner = createRunner(context.env, context.write);
  try {
    return await run(context, runner);
  } catch (error) {
    return fail(runner, error);
  }
}

async function run(context: ActionContext, runner: Runner): Promise<number> {
  const { env } = context;
  const event = env.GITHUB_EVENT_NAME ?? "";
  const mode = runner.input("mode") || "review";
  if (mode === "report") return runReport(context, runner);
  if (mode === "contracts") return runContracts(context, runner);
  if (mode !== "review")
    throw new InputError(`input mode must be review, report or contracts; got "${mode}"`);
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
  // The plan is a file an earlier step of the workflow wrote, in the workspace.
  const plan = inputs.plan
    ? context.readPlan(resolve(env.GITHUB_WORKSPACE ?? ".", inputs.plan))
    : undefined;
  // Change sets too: an earlier step ran create-change-set and describe-change-set.
  const templateOf = stackTemplates(inputs.stackTemplates ?? [], "input stack-template");
  const objectInputs: ObjectInput[] = withNestedUnjudged(
    (inputs.changeSets ?? []).map((file) =>
      context.readChangeSet(resolve(env.GITHUB_WORKSPACE ?? ".", file), templateOf),
    ),
  );
  const rendered = inputs.rendered
    ? context.readRendered(inputs.rendered, resolve(env.GITHUB_WORKSPACE ?? "."))
    : undefined;
  const headRepo = payload.pull_request?.head?.repo?.full_name;
  // On pull_request, GitHub gives runs for forks, and runs Dependabot starts, a read-only token.
  const fromFork = headRepo !== undefined && headRepo.toLowerCase() !== repo.toLowerCase();
  const readOnlyExpected =
    event === "pull_request" && (fromFork || env.GITHUB_ACTOR === "dependabot[bot]");
  const log: ClientLog = {
    debug: () => {},
    info: runner.info,
    warn: runner.warning,
    error: runner.error,
  };
  const port = context.createPort(inputs.token, env.GITHUB_API_URL, log);

  const result = await reviewPullRequest(port, {
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
    ...(runUrl(env) ? { run: runUrl(env) } : {}),
    localDiff: localDiffIn(env.GITHUB_WORKSPACE),
    ...(plan ? { plan } : {}),
    ...(objectInputs.length > 0 ? { inputs: objectInputs } : {}),
    ...(rendered ? { rendered } : {}),
  });
  return report(context, runner, result, readOnlyExpected, port.requestCount());
}

/** mode: report: the weekly report of the repositories' merged pull requests, as an issue and a summary. */
async function runReport(context: ActionContext, runner: Runner): Promise<number> {
  const { env } = context;
  const token = runner.input("token");
  if (!token) throw new InputError("input token is empty");
  const repos = (runner.input("repos") || env.GITHUB_REPOSITORY || "")
    .split(/[\s,]+/)
    .filter(Boolean);
  if (repos.length === 0)
    throw new InputError("input repos is empty and GITHUB_REPOSITORY is not set");
  const now = Math.floor(Date.now() / 1000);
  const since = parseSince(runner.input("since") || "7d", now, "input since");
  const deps = parseDepsLocation(runner.input("deps") || "deps.yaml");
  const log: ClientLog = {
    debug: () => {},
    info: runner.info,
    warn: runner.warning,
    error: runner.error,
  };
  const port = context.createPort(token, env.GITHUB_API_URL, log);
  // The graph as it is now on the default branch (or the ref the deps input names).
  const depsRepo = deps.repo ?? (repos[0] as string);
  const loaded = modelFromLoad(
    await loadRemoteDeps(deps.path, fetchFrom(port, depsRepo, deps.ref), depsRepo),
  );
  const commentAuthor = runner.input("comment-author");
  const report = await reportMergedPullRequests(port, loaded.model, repos, {
    since,
    until: now,
    // Only our own comments' analyses count: the login our review runs write as.
    ...(commentAuthor ? { commentAuthor } : {}),
  });
  const reportPath = join(env.RUNNER_TEMP || tmpdir(), "blastradius-report.json");
  context.writeFile(reportPath, `${JSON.stringify(reportToJson(report), null, 2)}\n`);
  const markdown = renderReportMarkdown(report, undefined, "the report-path output (JSON)");
  runner.appendSummary(markdown);
  runner.setOutput("report-path", reportPath);
  runner.setOutput("changes", String(report.headline.changes));
  runner.setOutput("impacted-changes", String(report.headline.withImpact));
  runner.info(
    `blastradius: ${report.headline.withImpact} of ${report.headline.changes} merged pull requests had downstream impact; ${port.requestCount()} GitHub API request(s)`,
  );
  if ((runner.input("post-issue") || "true") === "true") {
    try {
      const posted = await postReportIssue(port, repos[0] as string, report, markdown);
      runner.info(`report issue ${posted.action}: ${posted.issue.url}`);
      runner.setOutput("issue-url", posted.issue.url);
    } catch (error) {
      if (error instanceof GitHubApiError && error.isPermission) {
        runner.error(
          `${error.message}: the token lacks ${error.permission}. Add to the workflow:\n${PERMISSIONS_BLOCK}\nThe report is in the job summary.`,
        );
        return 1;
      }
      throw error;
    }
  }
  return 0;
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

function report(
  context: ActionContext,
  runner: Runner,
  result: ReviewResult,
  readOnlyExpected: boolean,
  requests: number,
): number {
  const { impact, pull } = result.analysis;
  let failed = false;

  const reportPath = join(
    context.env.RUNNER_TEMP || tmpdir(),
    `blastradius-pr-${pull.number}.json`,
  );
  context.writeFile(reportPath, renderJson(impact));
  runner.setOutput("risk", impact.risk);
  runner.setOutput("impacted-count", String(impact.impacted.length));
  runner.setOutput("unjudged-count", String(impact.unjudged.length));
  runner.setOutput("owners", impact.owners.flatMap((o) => (o.id ? [o.id] : [])).join(","));
  runner.setOutput("report-path", reportPath);
  runner.setOutput("comment-url", result.comment?.url ?? "");
  runner.appendSummary(result.body);

  runner.info(
    `blastradius: ${impact.risk} risk; ${impact.changed.length} changed node(s), ${impact.impacted.length} impacted, graph from ${result.analysis.graphSource}; ${requests} GitHub API request(s)`,
  );
  for (const note of result.notes) {
    if (note.level === "warning") runner.warning(note.text);
    else runner.info(note.text);
  }
  const comment = result.comment;
  if (comment) {
    const said: Record<typeof comment.action, string> = {
      created: "comment posted",
      updated: "comment updated",
      recreated: "comment posted again at the end of the conversation",
      unchanged: "comment unchanged: nothing to update",
      "skipped-no-impact": "no comment: nothing is impacted (comment-when: impact)",
    };
    runner.info(`${said[comment.action]}${comment.url ? `: ${comment.url}` : ""}`);
  }
  if (result.labelsAdded.length + result.labelsRemoved.length > 0) {
    runner.info(
      `labels: added ${result.labelsAdded.join(", ") || "none"}; removed ${result.labelsRemoved.join(", ") || "none"}`,
    );
  }
  if (result.reviewersRequested.length > 0)
    runner.info(`review requested from ${result.reviewersRequested.join(", ")}`);

  for (const { step, error } of result.problems) {
    if (step === "reviewers") {
      runner.warning(
        `${error.message}. Teams can be requested only with a token that can read the organisation's teams (the default GITHUB_TOKEN cannot); the rest of the review went on.`,
      );
    } else if (error.isPermission && readOnlyExpected) {
      runner.notice(
        `${error.message}: on pull_request, GitHub gives runs for forks and Dependabot a read-only token. The analysis is in the job summary. To comment on pull requests from forks, run on pull_request_target: blastradius never checks out or runs the pull request's code.`,
      );
    } else if (error.isPermission) {
      failed = true;
      runner.error(
        `${error.message}: the token lacks ${error.permission}. Add to the workflow or job:\n${PERMISSIONS_BLOCK}\nThe analysis is in the job summary.`,
      );
    } else {
      failed = true;
      runner.error(
        `${error.message}${error.hint ? ` (${error.hint})` : ""}. The analysis is in the job summary.`,
      );
    }
  }

  const gate = result.gate;
  const unjudged = impact.unjudged.length;
  if (unjudged > 0)
    runner.warning(
      `blastradius: the analysis is incomplete: ${unjudged} ${unjudged === 1 ? "thing" : "things"} could not be judged (${impact.unjudged
        .slice(0, 5)
        .map((u) => (u.file ? `${u.file}: ${u.reason}` : u.reason))
        .join("; ")}${unjudged > 5 ? "; …" : ""}). The comment lists them all.`,
    );
  const said = describeGate(gate, impact.risk, result.failOn, result.acknowledgementRemoved);
  if (said && gate.verdict === "acknowledged") runner.notice(`blastradius: ${said}`);
  else if (said) {
    failed = true;
    runner.error(`blastradius: ${said}`);
  }
  return failed ? 1 : 0;
}

function fail(runner: Runner, error: unknown): number {
  if (error instanceof InvalidDepsError) {
    for (const diagnostic of error.errors) runner.info(formatDiagnostic(diagnostic));
    const first = error.errors[0];
    if (first?.code === "file-not-found" && error.errors.length === 1) {
      runner.error(
        `blastradius: ${first.file} does not exist at the pull request's base (${first.message}). Add a deps.yaml to the default branch (the README shows one), or point the deps input at yours. Nothing was posted.`,
      );
      return 1;
    }
    if (error.fromPullRequest) {
      runner.error(
        `blastradius: the pull request adds ${first?.file ?? "the dependency graph"}, and it does not load (${error.message}${first ? `; first: ${formatDiagnostic(first)}` : ""}). Nothing was posted. \`blastradius validate\` shows every error.`,
      );
      return 1;
    }
    runner.error(
      `blastradius: the dependency graph at the pull request's base does not load (${error.message}${first ? `; first: ${formatDiagnostic(first)}` : ""}). Nothing was posted. Fix deps.yaml on the base branch; \`blastradius validate\` shows every error.`,
    );
    runner.appendSummary(
      `### blastradius: the dependency graph does not load\n\n${error.errors.map((d) => `- \`${formatDiagnostic(d).replace(/`/g, "'")}\``).join("\n")}\n`,
    );
    return 1;
  }
  if (error instanceof InputError) {
    runner.error(`blastradius: ${error.message}${error.hint ? `. ${error.hint}` : ""}`);
    return 1;
  }
  if (error instanceof GitHubApiError) {
    const hint =
      error.status === 404
        ? " (the pull request or file does not exist, or the token cannot see it)"
        : error.status === 401
          ? " (the token was refused)"
          : error.isPermission
            ? `: the token lacks ${error.permission}. Add to the workflow:\n${PERMISSIONS_BLOCK}`
            : "";
    runner.error(`blastradius: ${error.message}${hint}`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  runner.error(`blastradius: internal error: ${message}. Please report it.`);
  return 1;
}
