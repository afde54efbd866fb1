// How fast the CLI starts, against `node -e 0` in the same run: `--version`, and `check` on the
// bundled example (the quick start's command), each with the compiled-code cache warm (its
// folder filled by one run first) and off (BLASTRADIUS_CACHE=off: every run compiles the
// bundle). Commands alternate, 15 runs each, medians.

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface StartupRow {
  readonly nodeMs: number;
  readonly versionMs: number;
  readonly versionColdMs: number;
  readonly checkMs: number;
  readonly checkColdMs: number;
  readonly runs: number;
}

export function measureStartup(
  root: string,
  median: (values: readonly number[]) => number,
  runs = 15,
): StartupRow {
  const cache = mkdtempSync(join(tmpdir(), "br-bench-startup-"));
  const bin = join(root, "bin/blastradius.cjs");
  const check = [bin, "check", "--plan", "examples/plans/rotate-automation-runner.json"];
  const time = (args: readonly string[], env: Record<string, string>): number => {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, {
      cwd: root,
      stdio: "ignore",
      env: { ...process.env, XDG_CACHE_HOME: cache, NO_COLOR: "1", ...env },
    });
    if (result.status !== 0 && result.status !== 1)
      throw new Error(`${args.join(" ")} failed (${result.status})`);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const off = { BLASTRADIUS_CACHE: "off" };
  const cases: [keyof Omit<StartupRow, "runs">, readonly string[], Record<string, string>][] = [
    ["nodeMs", ["-e", "0"], {}],
    ["versionMs", [bin, "--version"], {}],
    ["versionColdMs", [bin, "--version"], off],
    ["checkMs", check, {}],
    ["checkColdMs", check, off],
  ];
  try {
    // Warm: the cache written by a first run of each command.
    time([bin, "--version"], {});
    time(check, {});
    const times = new Map(cases.map(([name]) => [name, [] as number[]]));
    for (let r = 0; r < runs; r++)
      for (const [name, args, env] of cases) times.get(name)?.push(time(args, env));
    const m = (name: keyof Omit<StartupRow, "runs">) => median(times.get(name) ?? []);
    return {
      nodeMs: m("nodeMs"),
      versionMs: m("versionMs"),
      versionColdMs: m("versionColdMs"),
      checkMs: m("checkMs"),
      checkColdMs: m("checkColdMs"),
      runs,
    };
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

/** The row as the README's Scale section says it. */
export function startupLines(r: StartupRow): string[] {
  const x = (ms: number) => `${(ms / r.nodeMs).toFixed(2)}x`;
  const met = (ms: number, target: number) => (ms / r.nodeMs <= target ? "met" : "not met");
  return [
    "| start-up | median | vs `node -e 0` | target | |",
    "|---|---:|---:|---:|---|",
    `| \`node -e 0\` | ${r.nodeMs.toFixed(0)} ms | 1x | | |`,
    `| \`blastradius --version\` | ${r.versionMs.toFixed(0)} ms | ${x(r.versionMs)} | 1.3x | ${met(r.versionMs, 1.3)} |`,
    `| \`--version\`, cache off | ${r.versionColdMs.toFixed(0)} ms | ${x(r.versionColdMs)} | | |`,
    `| \`check\` on the bundled example | ${r.checkMs.toFixed(0)} ms | ${x(r.checkMs)} | 2x | ${met(r.checkMs, 2)} |`,
    `| \`check\`, cache off | ${r.checkColdMs.toFixed(0)} ms | ${x(r.checkColdMs)} | | |`,
  ];
}
