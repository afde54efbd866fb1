// Issue 18's Terraform target: `check --git` of a one-file Terraform change (which reads the
// module at base and head through the HCL parser) against the same `check --files`, which
// reads no contents. On the bundled example (always), and on a real module change from
// ../shared/realworld when it is there.

import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { git } from "./git.js";

export interface TerraformRow {
  readonly change: string;
  readonly file: string;
  readonly gitMs: number;
  readonly filesMs: number;
  readonly gitVsFiles: number;
  readonly runs: number;
}

export type Median = (values: readonly number[]) => number;

function timed(bin: string, cwd: string, args: readonly string[]): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: "utf8",
    maxBuffer: 1024 ** 3,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`check ${args.join(" ")} failed: ${result.stderr}`);
  return ms;
}

/** Both checks alternating in `repo` (HEAD changes `file`), medians. */
function compare(
  bin: string,
  repo: string,
  change: string,
  file: string,
  runs: number,
  median: Median,
): TerraformRow {
  const gitArgs = ["check", "--git", "HEAD~1", "--format", "json"];
  const fileArgs = ["check", "--files", file, "--format", "json"];
  // Once each first: the graph cache and the compiled-code cache are warm for both sides.
  timed(bin, repo, gitArgs);
  timed(bin, repo, fileArgs);
  const gitTimes: number[] = [];
  const fileTimes: number[] = [];
  for (let r = 0; r < runs; r++) {
    gitTimes.push(timed(bin, repo, gitArgs));
    fileTimes.push(timed(bin, repo, fileArgs));
  }
  const gitMs = median(gitTimes);
  const filesMs = median(fileTimes);
  return { change, file, gitMs, filesMs, gitVsFiles: gitMs / filesMs, runs };
}

export function measureTerraformGit(
  root: string,
  bin: string,
  runs: number,
  median: Median,
): TerraformRow[] {
  const rows: TerraformRow[] = [];
  const work = mkdtempSync(join(tmpdir(), "blastradius-bench-tf-"));
  try {
    // The bundled example: the 2 a.m. change to the automation role's trust.
    const example = join(work, "example");
    cpSync(join(root, "deps.yaml"), join(example, "deps.yaml"));
    cpSync(join(root, "examples"), join(example, "examples"), { recursive: true });
    git(example, "init", "-q", "-b", "main");
    git(example, "add", "-A");
    git(example, "commit", "-qm", "before");
    const role = "examples/terraform/iam/automation-runner.tf";
    const text = readFileSync(join(example, role), "utf8");
    writeFileSync(join(example, role), text.replace("role/job-runner", "role/job-runner-v2"));
    git(example, "commit", "-qam", "rotate the job runner");
    rows.push(
      compare(bin, example, "bundled example: the role's trust rotated", role, runs, median),
    );

    // A real module change: terraform-aws-iam 0f4c1c74b3 (one policies.tf), graph by `init`.
    const realworld = join(root, "../shared/realworld");
    const caseDir = join(realworld, "terraform-aws-iam");
    const found = existsSync(caseDir)
      ? spawnSync("ls", [caseDir], { encoding: "utf8" })
          .stdout.split("\n")
          .find((name) => name.startsWith("0f4c1c74b3"))
      : undefined;
    if (found) {
      const real = join(work, "real");
      const made = spawnSync(join(realworld, "materialise.sh"), [join(caseDir, found), real], {
        encoding: "utf8",
      });
      if (made.status === 0) {
        // The graph is the bench's, not the change's: git is told to look past it.
        writeFileSync(join(real, ".git/info/exclude"), "deps.yaml\n");
        git(real, "checkout", "-q", "HEAD~1");
        spawnSync(process.execPath, [bin, "init", "--out", "deps.yaml"], { cwd: real });
        git(real, "checkout", "-q", "-");
        const changed = spawnSync("git", ["diff", "--name-only", "HEAD~1"], {
          cwd: real,
          encoding: "utf8",
        }).stdout.trim();
        rows.push(
          compare(bin, real, `terraform-aws-iam ${found.slice(0, 10)}`, changed, runs, median),
        );
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return rows;
}
