// mode: docs: the documentation site of the checked-out graph, written to a folder of the
// workspace for a later step to publish (actions/upload-pages-artifact), with the same build
// as `blastradius docs`.

import { isAbsolute, join, resolve } from "node:path";
import { realPathInside } from "../adapters/fs/real-inside.js";
import { parseDepsLocation } from "../app/deps-location.js";
import {
  buildDocs,
  buildTime,
  DEFAULT_MAX_ROWS,
  DOCS_FORMATS,
  type DocsFormat,
  describeWritten,
  graphCommit,
} from "../app/docs/build-docs.js";
import { formatDiagnostic } from "../core/config/locate-diagnostics.js";
import { InputError, InvalidDepsError } from "../core/errors.js";
import { code } from "../core/render/markdown-escape.js";
import type { ActionRun } from "./context.js";
import type { Runner } from "./runner.js";

export async function runDocs({ context, runner }: ActionRun): Promise<number> {
  const { env } = context;
  const workspace = resolve(env.GITHUB_WORKSPACE ?? ".");
  const deps = parseDepsLocation(runner.input("deps") || "deps.yaml");
  if (deps.repo)
    throw new InputError(
      `mode docs reads the graph from the checked-out workspace, not from ${deps.repo}`,
      "check that repository out (actions/checkout with repository: and path:) and point the deps input at the file",
    );
  const format = docsFormat(runner);
  const maxRows = wholeNumber(runner, "max-rows") ?? DEFAULT_MAX_ROWS;
  const dir = runner.input("docs-dir") || "site";
  const outDir = docsDir(workspace, dir);
  if ((env.GITHUB_EVENT_NAME ?? "").startsWith("pull_request"))
    runner.notice(
      "mode docs builds the graph that is checked out (on a pull request, its merge with the base), not the default branch's: publish the site from push or schedule on the default branch.",
    );
  const depsFile = join(workspace, deps.path);
  // The commit whose graph is on disk; GITHUB_SHA when the checkout is not a git repository
  // (actions/checkout without git downloads the tree) or git will not read it.
  const commit = graphCommit(depsFile, workspace, workspace) ?? (env.GITHUB_SHA || undefined);
  let written: Awaited<ReturnType<typeof buildDocs>>;
  try {
    written = await buildDocs({
      deps: depsFile,
      source: deps.path,
      outDir,
      shownOut: dir,
      format,
      maxRows,
      generatedAt: buildTime(env.SOURCE_DATE_EPOCH, new Date()),
      ...(commit ? { commit } : {}),
      // What the rules match today, in the checked-out workspace.
      repository: { root: workspace, exclude: [] },
      // The contracts' status in the checkout, as `mode: contracts` reads it.
      contracts: {},
      cwd: workspace,
    });
  } catch (error) {
    if (error instanceof InvalidDepsError) {
      for (const diagnostic of error.errors) runner.info(formatDiagnostic(diagnostic));
      const first = error.errors[0];
      runner.error(
        `blastradius: the dependency graph ${deps.path} does not load (${error.message}${first ? `; first: ${formatDiagnostic(first)}` : ""}); no site was written. Check out the repository before this step (actions/checkout), or point the deps input at the graph; \`blastradius validate\` shows every error.`,
      );
      return 1;
    }
    // The folder the site would replace holds something else (the writer's own words).
    if (error instanceof InputError)
      throw new InputError(
        `input docs-dir: ${error.message}`,
        "set docs-dir to a new or empty folder of the workspace, or to the folder of an earlier docs run",
      );
    throw error;
  }
  const said = describeWritten(written);
  runner.info(`blastradius: docs written to ${dir}: ${said}`);
  runner.appendSummary(
    `**blastradius docs**: ${written.pages.toLocaleString("en")} pages (${format}) in ${code(dir)}, from ${code(deps.path)}${commit ? ` at ${code(commit.slice(0, 12))}` : ""}: ${said}.`,
  );
  runner.setOutput("docs-dir", outDir);
  runner.setOutput("pages", String(written.pages));
  runner.setOutput("files", String(written.files));
  return 0;
}

function docsFormat(runner: Runner): DocsFormat {
  const value = runner.input("docs-format") || "html";
  if ((DOCS_FORMATS as readonly string[]).includes(value)) return value as DocsFormat;
  throw new InputError(
    `input docs-format must be one of ${DOCS_FORMATS.join(", ")}; got "${value}"`,
  );
}

function wholeNumber(runner: Runner, name: string): number | undefined {
  const value = runner.input(name);
  if (value === "") return undefined;
  if (!/^\d+$/.test(value))
    throw new InputError(`input ${name} takes a whole number (0: all); got "${value}"`);
  return Number(value);
}

/**
 * The site's folder: inside the workspace, links on the way followed, and never the workspace
 * itself (the site replaces its folder).
 */
function docsDir(workspace: string, dir: string): string {
  const target = resolve(workspace, dir);
  const inside = realPathInside(workspace, target);
  if (inside === undefined)
    throw new InputError(
      `input docs-dir "${dir}" leads outside the workspace (${workspace}${isAbsolute(dir) ? "" : ", following links"}); nothing was written`,
      "give a folder of the workspace, such as site",
    );
  if (inside === "")
    throw new InputError(
      `input docs-dir "${dir}" is the workspace itself; the site replaces its folder, so nothing was written`,
      "give a folder of the workspace, such as site",
    );
  return target;
}
