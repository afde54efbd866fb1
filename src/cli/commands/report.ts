// `blastradius report`: what it does once its flags are read (report-command.ts declares them).

import { appendFileSync } from "node:fs";
import { resolve } from "node:path";
import { checkWritable, writeFileSafely } from "../../adapters/fs/write-file.js";
import { type Commit, commitsBetween, findRepoRoot, originRepo } from "../../adapters/git/git.js";
import { classifyCommits } from "../../app/classify-commits.js";
import { InputError } from "../../core/errors.js";
import { buildReport, type ChangeRecord, type Report } from "../../core/report/build-report.js";
import {
  renderReportHtml,
  renderReportJson,
  renderReportMarkdown,
} from "../../core/report/render-report.js";
import { parseSince } from "../../core/since.js";
import { REPORT_FORMATS, type ReportFlags } from "../command-flags.js";
import { EXIT_OK, type Io } from "../exit.js";
import { githubToken, openGitHub } from "../github.js";
import { loadDepsFor } from "../graph-cache-option.js";
import { oneOf } from "../options.js";

const toRecord =
  (repo: string | undefined) =>
  (c: Commit): ChangeRecord => ({
    id: c.sha,
    title: c.subject,
    author: c.author,
    time: c.time,
    ...(repo ? { repo } : {}),
    files: c.changes,
  });

export async function report(flags: ReportFlags, io: Io): Promise<number> {
  const format = oneOf("--format", flags.format, REPORT_FORMATS);
  const now = Math.floor(Date.now() / 1000);
  if ((flags.from === undefined) !== (flags.to === undefined))
    throw new InputError("give both --from and --to, or --since");
  const since = flags.from ? parseSince(flags.from, now, "--from") : parseSince(flags.since, now);
  const until = flags.to ? parseSince(flags.to, now, "--to") + 86_399 : now;
  if (until <= since)
    throw new InputError("the window ends before it starts: check --from and --to");
  if (flags.postIssue && !flags.repo?.length)
    throw new InputError("--post-issue needs --repo OWNER/REPO: the issue goes to the first one");
  const out = flags.out === undefined ? undefined : resolve(io.cwd, flags.out);
  const writing = {
    shown: flags.out ?? "",
    replace: flags.force === true,
    existsHint: "pass --force to replace it, or choose another --out",
  };
  // Refused before the report is built, not after.
  if (out) checkWritable(out, writing);
  const { model } = loadDepsFor(flags, io);
  let result: Report;
  let port: Awaited<ReturnType<typeof githubPort>> | undefined;
  if (flags.repo?.length && !flags.git) {
    port = await githubPort(io, flags.apiUrl);
    const { reportMergedPullRequests } = await import("../../app/merged-changes.js");
    result = await reportMergedPullRequests(port, model, flags.repo, { since, until });
  } else {
    const root = findRepoRoot(io.cwd);
    if (!root)
      throw new InputError(
        `${io.cwd} is not inside a git repository`,
        "run report inside the repository whose changes it should read, or give --repo",
      );
    const repo = originRepo(root);
    // The commit that created the repository added everything: it is not a change to report.
    // Each commit is read as `check --git` reads it, so both give it the same risk.
    const read = async (from: number, to: number) =>
      (
        await classifyCommits(
          root,
          model.paths,
          commitsBetween(root, from, to).filter((c) => !c.root),
          repo,
        )
      ).map(toRecord(repo));
    const records = await read(since, until);
    // The window before, of the same length: the trend.
    const previous = await read(since - (until - since), since - 1);
    result = buildReport(
      model,
      { since, until, source: `git history of ${root}` },
      records,
      previous,
    );
  }
  const output =
    format === "html"
      ? renderReportHtml(result)
      : format === "json"
        ? renderReportJson(result)
        : renderReportMarkdown(result);
  if (out) {
    // Never through a symlink, never over a file without --force, never half-written.
    writeFileSafely(out, output, writing);
    io.stderr(
      `blastradius: wrote ${flags.out} (${result.headline.changes} changes, ${result.headline.withImpact} with downstream impact)\n`,
    );
  } else io.stdout(output);
  const markdown = renderReportMarkdown(result, undefined, flags.out);
  if (io.env.GITHUB_STEP_SUMMARY) appendFileSync(io.env.GITHUB_STEP_SUMMARY, `${markdown}\n`);
  if (flags.postIssue && flags.repo?.[0]) {
    // A report made from local history goes to the issue of the first --repo all the same.
    port ??= await githubPort(io, flags.apiUrl);
    const { postReportIssue } = await import("../../app/post-report.js");
    const posted = await postReportIssue(port, flags.repo[0], result, markdown);
    io.stderr(`blastradius: report issue ${posted.action}: ${posted.issue.url}\n`);
  }
  return EXIT_OK;
}

function githubPort(io: Io, apiUrl: string | undefined) {
  return openGitHub(io, githubToken(io, "or use --git to read the local history"), apiUrl);
}
