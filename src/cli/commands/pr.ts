// `blastradius pr`: what it does once its flags are read (pr-command.ts declares them).

import { localDiffIn } from "../../adapters/git/local-diff.js";
import { requireCommentAuthor } from "../../app/comment-author.js";
import { parseDepsLocation } from "../../app/deps-location.js";
import { readPlanFile } from "../../app/read-plan.js";
import { pairRendered, RENDERED_FLAGS, readRenderedChange } from "../../app/read-rendered.js";
import type { CommentMode } from "../../app/sticky-comment.js";
import { utcDay } from "../../core/config/waivers.js";
import { InputError, InvalidDepsError } from "../../core/errors.js";
import { RISKS } from "../../core/model.js";
import { renderJson } from "../../core/render/impact-json.js";
import { renderText } from "../../core/render/render-text.js";
import { PR_FORMATS, type PrFlags } from "../command-flags.js";
import { type Io, reportGraphFailure, reviewExitCode } from "../exit.js";
import { githubToken, openGitHub } from "../github.js";
import { oneOf, wantsColor, wholeNumber } from "../options.js";

export function parsePullRequestRef(target: string): { repo: string; number: number } {
  const match = /^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)#(\d+)$/.exec(target.trim());
  if (!match) {
    throw new InputError(
      `cannot read the pull request "${target}"`,
      "write it as owner/repo#number, e.g. acme/infra#42",
    );
  }
  return { repo: match[1] as string, number: Number(match[2]) };
}

export async function pr(target: string, flags: PrFlags, io: Io): Promise<number> {
  const { repo, number } = parsePullRequestRef(target);
  const format = oneOf("--format", flags.format, PR_FORMATS);
  const failOn = flags.failOn === undefined ? "none" : oneOf("--fail-on", flags.failOn, RISKS);
  const comment = oneOf("--comment", flags.comment, [
    "update",
    "recreate",
    "off",
  ] as const) satisfies CommentMode;
  const maxDepth = wholeNumber("--max-depth", flags.maxDepth, 0);
  const token = githubToken(io, "e.g. GITHUB_TOKEN=$(gh auth token) blastradius pr acme/infra#42");
  // The GitHub client is loaded only for this command: `check` starts without it.
  const [{ GitHubApiError }, { reviewPullRequest }, { describeGraphFailure, describeReview }] =
    await Promise.all([
      import("../../adapters/github/github-error.js"),
      import("../../app/review-pull-request.js"),
      import("../../app/review-outcome.js"),
    ]);
  // Read before GitHub is asked anything: a wrong path is said at once.
  const renders = pairRendered(
    { base: flags.renderedBase, head: flags.renderedHead, namespace: flags.renderedNamespace },
    RENDERED_FLAGS,
  );
  const rendered = renders ? readRenderedChange(renders, io.cwd) : undefined;
  const post = flags.post === true;
  if (post && comment !== "off")
    requireCommentAuthor(token, flags.commentAuthor, "--comment-author");
  const port = await openGitHub(io, token, flags.apiUrl, {
    debug: () => {},
    info: () => {},
    warn: (m) => io.stderr(`blastradius: ${m}\n`),
    error: (m) => io.stderr(`blastradius: ${m}\n`),
  });
  let result: Awaited<ReturnType<typeof reviewPullRequest>>;
  try {
    result = await reviewPullRequest(port, {
      repo,
      number,
      deps: parseDepsLocation(flags.deps),
      post,
      comment,
      postWhenEmpty: true,
      mentionOwners: flags.mentionOwners,
      labels: flags.labels,
      requestReviewers: flags.requestReviewers === true,
      failOn,
      onIncomplete: oneOf("--on-incomplete", flags.onIncomplete, ["fail", "warn"] as const),
      acknowledgeLabel: "blast-radius:acknowledged",
      commentAuthor: flags.commentAuthor,
      maxDepth,
      today: utcDay(new Date()),
      localDiff: localDiffIn(io.cwd),
      ...(flags.plan ? { plan: readPlanFile(flags.plan) } : {}),
      ...(rendered ? { rendered } : {}),
    });
  } catch (error) {
    if (error instanceof InvalidDepsError)
      return reportGraphFailure(describeGraphFailure(error, "--deps"), io);
    if (error instanceof GitHubApiError) {
      const hint =
        error.status === 404
          ? "check owner/repo#number, and that the token can read the repository"
          : error.status === 401
            ? "the token was refused: is GITHUB_TOKEN current?"
            : undefined;
      throw new InputError(error.message, hint);
    }
    throw error;
  }
  const { impact } = result.analysis;
  if (format === "markdown") io.stdout(result.body);
  else if (format === "json") io.stdout(renderJson(impact));
  else io.stdout(renderText(impact, { color: wantsColor(io.env, io.stdoutIsTTY, flags.color) }));

  // The same words as the Action's log, one line each on stderr: stdout is the analysis.
  const outcome = describeReview(result, {
    requests: port.requestCount(),
    readOnlyExpected: false,
    analysisAt: "on standard output",
  });
  for (const { text } of outcome.messages)
    io.stderr(`${text.startsWith("blastradius: ") ? text : `blastradius: ${text}`}\n`);
  return reviewExitCode(outcome.verdict);
}
