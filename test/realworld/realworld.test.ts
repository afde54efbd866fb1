// The labelled cases, run as a user would (init at the parent, check on the commit) and scored
// against their labels: the real commits of ../shared/realworld when it is beside this clone,
// and the cases written in test/realworld/written/ always. The targets are the issue's:
// changed-node attribution 100% precision and recall, change classes at least 95% right,
// breaking and at-risk sets at least 95% precision and recall.

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { itOnShared } from "../skips.js";
import {
  type CaseResult,
  CORPUS,
  caseNames,
  measureCase,
  precision,
  readLabels,
  recall,
  renderFormatTable,
  renderMisses,
  renderTable,
  totals,
} from "./measure.js";
import {
  isWritten,
  materialiseWritten,
  readWrittenCase,
  writtenCaseNames,
  writtenDir,
} from "./written.js";

const here = existsSync(CORPUS);
const names = caseNames();
const sharedNames = names.filter((n) => !isWritten(n));
const writtenNames = names.filter(isWritten);

describe("labels", () => {
  itOnShared("realworld", "label every case of the shared corpus, and only those", () => {
    const cases = readdirSync(CORPUS, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) =>
        readdirSync(join(CORPUS, d.name), { withFileTypes: true })
          .filter((c) => c.isDirectory())
          .map((c) => `${d.name}/${c.name}`),
      )
      .sort();
    expect(sharedNames).toEqual(cases);
  });

  it("label only written cases that exist, each under its own name", () => {
    const onDisk = new Set(writtenCaseNames());
    for (const name of writtenNames) {
      expect(onDisk.has(name), `${name} has labels but no folder`).toBe(true);
      expect(readLabels(name).case).toBe(name);
    }
  });
});

describe("written cases", () => {
  const cases = writtenCaseNames();

  it("cover every format the issue names, with a well-formed case.json each", () => {
    const formats = new Set(cases.map((name) => readWrittenCase(name).format));
    expect([...formats].sort()).toEqual(["cdk", "cloudformation", "helm-rendered", "kustomize"]);
  });

  it("become a repository of two commits: the parent's tree, then the change", () => {
    for (const name of cases) {
      const work = mkdtempSync(join(tmpdir(), "br-written-"));
      try {
        const repo = join(work, "case");
        materialiseWritten(name, repo);
        const git = (...args: string[]) =>
          spawnSync("git", args, { cwd: repo, encoding: "utf8" }).stdout.trim();
        expect(git("rev-list", "--count", "HEAD")).toBe("2");
        expect(git("log", "-1", "--format=%s")).toBe(readWrittenCase(name).subject);
        // The parent holds the files of before/, byte for byte.
        const file = firstFile(join(writtenDir(name), "before"));
        expect(git("show", `HEAD~1:${file}`)).toBe(
          readFileSync(join(writtenDir(name), "before", file), "utf8").trim(),
        );
        expect(git("diff", "--name-only", "HEAD~1", "HEAD")).not.toBe("");
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    }
  });
});

function firstFile(dir: string, prefix = ""): string {
  const entries = readdirSync(join(dir, prefix), { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  for (const entry of entries) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isFile()) return path;
    if (entry.isDirectory()) {
      const inner = firstFile(dir, path);
      if (inner) return inner;
    }
  }
  return "";
}

const run = [...(here ? sharedNames : []), ...writtenNames];

/** What the written cases measure today (npm run accuracy), a little below: no regression. */
const WRITTEN_FLOOR = {
  // Measured at the close of issue 19: 100%, 25/29 (86.2%), 65.4% / 94.4%, 100% / 66.7%.
  changedRecall: 1,
  classes: 0.85,
  breakingPrecision: 0.6,
  breakingRecall: 0.9,
  atRiskPrecision: 0.95,
  atRiskRecall: 0.6,
};
// Without ../shared/realworld its real commits are not declared; the count reporter says so.
describe("labelled cases", () => {
  const results: CaseResult[] = [];
  afterAll(() => {
    if (results.length > 0)
      console.log(
        `${renderTable(results)}\n\n${renderFormatTable(results)}\n${renderMisses(results)}`,
      );
  });

  for (const name of run) {
    it(`${name}: runs, and every reported node stands for an object`, () => {
      const result = measureCase(name);
      results.push(result);
      expect(result.unmapped).toEqual([]);
    }, 120_000);
  }

  itOnShared("realworld", "meets the issue's targets on the real commits", () => {
    expect(results).toHaveLength(run.length);
    const real = results.filter((r) => !r.case.startsWith("written/"));
    expect(real.length).toBeGreaterThan(0);
    const t = totals(real);
    expect(precision(t.changed)).toBe(1);
    expect(recall(t.changed)).toBe(1);
    expect(t.classesRight / t.classesTotal).toBeGreaterThanOrEqual(0.95);
    expect(precision(t.breaking)).toBeGreaterThanOrEqual(0.95);
    expect(recall(t.breaking)).toBeGreaterThanOrEqual(0.95);
    expect(precision(t.atRisk)).toBeGreaterThanOrEqual(0.95);
    expect(recall(t.atRisk)).toBeGreaterThanOrEqual(0.95);
  });

  // The written cases (CloudFormation, CDK, renders, overlays) are held at what they measure
  // now, so a change that makes them worse fails; README "Accuracy" says where they miss.
  it("holds the written cases at their measured floor", () => {
    const written = results.filter((r) => r.case.startsWith("written/"));
    expect(written.length).toBeGreaterThan(0);
    const t = totals(written);
    expect(precision(t.changed)).toBe(1);
    expect(recall(t.changed)).toBeGreaterThanOrEqual(WRITTEN_FLOOR.changedRecall);
    expect(t.classesRight / t.classesTotal).toBeGreaterThanOrEqual(WRITTEN_FLOOR.classes);
    expect(precision(t.breaking)).toBeGreaterThanOrEqual(WRITTEN_FLOOR.breakingPrecision);
    expect(recall(t.breaking)).toBeGreaterThanOrEqual(WRITTEN_FLOOR.breakingRecall);
    expect(precision(t.atRisk)).toBeGreaterThanOrEqual(WRITTEN_FLOOR.atRiskPrecision);
    expect(recall(t.atRisk)).toBeGreaterThanOrEqual(WRITTEN_FLOOR.atRiskRecall);
  });
});
