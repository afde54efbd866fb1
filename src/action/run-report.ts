// mode: report: the weekly report of the repositories' merged pull requests, as an issue, a job
// summary and outputs.

import { tmpdir } from "node:os";
import { join } from "node:path";
import { GitHubApiError } from "../adapters/github/github-error.js";
import { parseDepsLocation } from "../app/deps-location.js";
import { modelFromLoad } from "../app/load-model.js";
import { fetchFrom, loadRemoteDeps } from "../app/load-remote-deps.js";
import { reportMergedPullRequests } from "../app/merged-changes.js";
import { postReportIssue } from "../app/post-report.js";
import { InputError } from "../core/errors.js";
import { renderReportMarkdown, reportToJson } from "../core/report/render-report.js";
import { parseSince } from "../core/since.js";
import { type ActionRun, PERMISSIONS_BLOCK } from "./context.js";

export async function runReport({ context, runner, github }: ActionRun): Promise<number> {
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
  const port = github(token);
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
