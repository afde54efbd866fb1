// Globs on hostile paths: the rule `**/iam/**/policies/**/*.json` on 3,000 crafted
// paths that come close to it and never match (`iam/policies/` repeated, then `x.txt`),
// through the path index as `check` uses it. Baselines from the same run: a plain pass over
// the same paths (splitting each at `/`), the least any matcher must do; and picomatch's
// regular expression on a few of them, to show what the matcher replaces.

import picomatch from "picomatch";
import { parsePathRule } from "../src/core/config/normalise.js";
import { PathIndex } from "../src/core/locate/path-index.js";

export interface GlobRow {
  readonly glob: string;
  readonly paths: number;
  readonly pathChars: number;
  readonly indexMs: number;
  readonly splitFloorMs: number;
  readonly indexVsFloor: number;
  readonly picomatchPaths: number;
  readonly picomatchMs: number;
  /** The index's time for the same paths picomatch was given, for the ratio. */
  readonly indexSameMs: number;
  readonly picomatchVsIndex: number;
}

function time(run: () => void, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1] as number;
}

export function measureGlobs(options: { paths: number; repeat: number }): GlobRow {
  const glob = "**/iam/**/policies/**/*.json";
  const paths = Array.from(
    { length: options.paths },
    (_, i) => `${"iam/policies/".repeat(options.repeat)}x${i}.txt`,
  );
  const index = new PathIndex();
  index.add("iam-policy/all", parsePathRule(glob));
  let hits = 0;
  let parts = 0;
  const indexMs = time(() => {
    for (const p of paths) hits += index.match(p).length;
  }, 3);
  const splitFloorMs = time(() => {
    for (const p of paths) parts += p.split("/").length;
  }, 3);
  if (hits !== 0 || parts === 0) throw new Error("the crafted paths must not match");
  // picomatch grows with the cube of the path: a few paths, a quarter as long.
  const few = paths.slice(0, 3).map((p) => p.slice(-Math.floor(p.length / 4)));
  const regex = picomatch(glob, { dot: true });
  const picomatchMs = time(() => {
    for (const p of few) regex(p);
  }, 1);
  const indexSameMs = time(() => {
    for (const p of few) index.match(p);
  }, 3);
  return {
    glob,
    paths: paths.length,
    pathChars: paths[0]?.length ?? 0,
    indexMs,
    splitFloorMs,
    indexVsFloor: indexMs / splitFloorMs,
    picomatchPaths: few.length,
    picomatchMs,
    indexSameMs,
    picomatchVsIndex: picomatchMs / indexSameMs,
  };
}
