// The Action's docs mode, in process: the bundled example checked out into a temporary
// workspace, the site written to a folder of it for actions/upload-pages-artifact, with the
// outputs and the job summary a workflow reads; a graph that does not load and a folder
// outside the workspace refused, with nothing written.

import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runAction } from "../src/action/run-action.js";
import { readChangeSetFile } from "../src/app/read-change-set.js";
import { readPlanFile } from "../src/app/read-plan.js";
import { readRenderedChange } from "../src/app/read-rendered.js";
import { gitIn } from "./git-history.js";
import { EXAMPLE_FILES, ROOT } from "./github-api/scenario.js";

const SHA = "0123456789abcdef0123456789abcdef01234567";

/** Every file under a folder, as paths from it with `/`. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split("\\").join("/"))
    .sort();
}

/** What a workflow command's output file holds: name -> value. */
function outputs(file: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const m of readFileSync(file, "utf8").matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2\n/gm))
    found[m[1] as string] = m[3] as string;
  return found;
}

describe("the Action's docs mode", () => {
  let dir: string;
  let work: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "br-docs-action-"));
    work = join(dir, "workspace");
    for (const file of EXAMPLE_FILES) {
      mkdirSync(dirname(join(work, file)), { recursive: true });
      writeFileSync(join(work, file), readFileSync(join(ROOT, file)));
    }
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function run(inputs: Record<string, string> = {}, extraEnv: Record<string, string> = {}) {
    writeFileSync(join(dir, "output"), "");
    writeFileSync(join(dir, "summary"), "");
    let stdout = "";
    const env: Record<string, string> = {
      GITHUB_EVENT_NAME: "push",
      GITHUB_REPOSITORY: "acme/infra",
      GITHUB_WORKSPACE: work,
      GITHUB_SHA: SHA,
      RUNNER_TEMP: dir,
      GITHUB_OUTPUT: join(dir, "output"),
      GITHUB_STEP_SUMMARY: join(dir, "summary"),
      INPUT_TOKEN: "test-token",
      INPUT_MODE: "docs",
      SOURCE_DATE_EPOCH: "1764504000",
      ...extraEnv,
    };
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
    const code = await runAction({
      env,
      write: (text) => {
        stdout += text;
      },
      readFile: (path) => readFileSync(path, "utf8"),
      writeFile: (path, text) => writeFileSync(path, text),
      // The docs are built from the checkout alone: no request to GitHub.
      createPort: () => {
        throw new Error("mode docs asked for a GitHub client");
      },
      readPlan: readPlanFile,
      readChangeSet: readChangeSetFile,
      readRendered: readRenderedChange,
    });
    return {
      code,
      stdout,
      summary: readFileSync(join(dir, "summary"), "utf8"),
      outputs: outputs(join(dir, "output")),
    };
  }

  it("writes the site to site/ of the workspace, stamped with the commit, and says where", async () => {
    const result = await run();
    expect(result.stdout).not.toContain("::error::");
    expect(result.code).toBe(0);
    const site = join(work, "site");
    expect(result.outputs["docs-dir"]).toBe(site);
    const files = filesUnder(site);
    expect(files).toContain("index.html");
    expect(files).toContain("nodes/iam-role/automation-runner.html");
    // The counts are the folder's: every file but the marker an earlier run leaves, every page.
    expect(result.outputs.files).toBe(
      String(files.filter((f) => f !== ".blastradius-docs").length),
    );
    expect(result.outputs.pages).toBe(String(files.filter((f) => f.endsWith(".html")).length));
    const page = readFileSync(join(site, "nodes/iam-role/automation-runner.html"), "utf8");
    // Not a git checkout: the commit is the run's.
    expect(page).toContain(
      `Generated from <code>deps.yaml</code> at commit <code>${SHA.slice(0, 12)}</code> on 2025-11-30T12:00:00Z`,
    );
    expect(page).toContain(
      '<a href="../service/external-job-runner.html"><code>service/external-job-runner</code></a>',
    );
    expect(result.summary).toContain(
      `**blastradius docs**: ${result.outputs.pages} pages (html) in \`site\`, from \`deps.yaml\` at \`${SHA.slice(0, 12)}\``,
    );
    expect(result.stdout).toContain(
      `blastradius: docs written to site: ${result.outputs.pages} pages`,
    );

    // The next run replaces the site it wrote, in a folder given another way.
    const again = await run({ "docs-dir": "./public/docs", "max-rows": "1" });
    expect(again.code).toBe(0);
    expect(again.outputs["docs-dir"]).toBe(join(work, "public/docs"));
    expect(
      readFileSync(join(work, "public/docs/nodes/iam-role/automation-runner.html"), "utf8"),
    ).toContain("Showing 1 of 11, most severe first");
    const replaced = await run({ "docs-dir": "public/docs" });
    expect(replaced.code).toBe(0);
    expect(filesUnder(join(work, "public/docs"))).toEqual(files);
  });

  it("stamps the commit that is checked out, and says what a pull request's run builds", async () => {
    gitIn(work, ["init", "-q"]);
    gitIn(work, ["config", "commit.gpgsign", "false"]);
    gitIn(work, ["add", "-A"]);
    gitIn(work, ["commit", "-qm", "graph"]);
    const head = execFileSync("git", ["rev-parse", "HEAD"], { cwd: work, encoding: "utf8" }).trim();
    expect(head).toMatch(/^[0-9a-f]{40}$/);
    const result = await run({}, { GITHUB_EVENT_NAME: "pull_request" });
    expect(result.code).toBe(0);
    expect(readFileSync(join(work, "site/index.html"), "utf8")).toContain(
      `at commit <code>${head.slice(0, 12)}</code>`,
    );
    expect(result.stdout).toMatch(/::notice::mode docs builds the graph that is checked out/);
  });

  it("takes no commit from a repository the workspace only sits in", async () => {
    writeFileSync(join(dir, "README"), "the runner's own folder");
    gitIn(dir, ["init", "-q"]);
    gitIn(dir, ["config", "commit.gpgsign", "false"]);
    gitIn(dir, ["add", "README"]);
    gitIn(dir, ["commit", "-qm", "outer"]);
    const result = await run();
    expect(result.code).toBe(0);
    expect(readFileSync(join(work, "site/index.html"), "utf8")).toContain(
      `at commit <code>${SHA.slice(0, 12)}</code>`,
    );
  });

  it("fails on a graph that does not load, at its file and line, and writes nothing", async () => {
    const text = readFileSync(join(work, "deps.yaml"), "utf8");
    writeFileSync(
      join(work, "deps.yaml"),
      text.replace("owner: iam-platform\n", "owner: iam-platfrom\n"),
    );
    const line = text.split("\n").findIndex((l) => l.trim() === "owner: iam-platform") + 1;
    const result = await run();
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      new RegExp(
        `::error::blastradius: the dependency graph deps.yaml does not load \\(.*deps\\.yaml:${line}`,
      ),
    );
    expect(result.stdout).toContain("iam-platfrom");
    expect(existsSync(join(work, "site"))).toBe(false);
    expect(readdirSync(work).filter((f) => f.includes("site"))).toEqual([]);
    expect(result.outputs).toEqual({});
  });

  it("refuses a folder outside the workspace, by name or through a link, or the workspace itself", async () => {
    const outside = join(dir, "elsewhere");
    mkdirSync(outside);
    symlinkSync(outside, join(work, "linked"));
    for (const [given, said] of [
      ["../elsewhere", "leads outside the workspace"],
      [join(outside, "site"), "leads outside the workspace"],
      ["linked/site", "leads outside the workspace"],
      [".", "is the workspace itself"],
      ["examples/..", "is the workspace itself"],
    ] as const) {
      const result = await run({ "docs-dir": given });
      expect(result.code, given).toBe(1);
      expect(result.stdout, given).toContain(
        `::error::blastradius: input docs-dir "${given}" ${said}`,
      );
      expect(readdirSync(outside), given).toEqual([]);
      expect(result.outputs, given).toEqual({});
    }
    // A folder of the workspace that holds something else is not replaced.
    const result = await run({ "docs-dir": "examples" });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      "::error::blastradius: input docs-dir: examples is not empty and is not a site blastradius wrote",
    );
    expect(existsSync(join(work, "examples/deps/bi.yaml"))).toBe(true);
  });

  it("says which input is wrong and what it takes", async () => {
    for (const [inputs, said] of [
      [{ "docs-format": "pdf" }, 'input docs-format must be one of html, markdown; got "pdf"'],
      [{ "max-rows": "many" }, 'input max-rows takes a whole number (0: all); got "many"'],
      [
        { deps: "acme/graphs:deps.yaml" },
        "mode docs reads the graph from the checked-out workspace",
      ],
    ] as const) {
      const result = await run(inputs);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(`::error::blastradius: ${said}`);
      expect(existsSync(join(work, "site"))).toBe(false);
    }
  });
});
