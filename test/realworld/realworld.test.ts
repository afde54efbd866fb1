// The real corpus (../shared/realworld): every labelled case is run as a user would (init at
// the parent, check --git on the commit) and scored against its labels. The targets are the
// issue's: changed-node attribution 100% precision and recall, change classes at least 95%
// right, breaking and at-risk sets at least 95% precision and recall.

import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  type CaseResult,
  CORPUS,
  caseNames,
  measureCase,
  precision,
  recall,
  renderMisses,
  renderTable,
  totals,
} from "./measure.js";

const here = existsSync(CORPUS);
const names = caseNames();

describe("labels", () => {
  it("label every case of the corpus, and only those", () => {
    if (!here) return;
    const cases = readdirSync(CORPUS, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) =>
        readdirSync(join(CORPUS, d.name), { withFileTypes: true })
          .filter((c) => c.isDirectory())
          .map((c) => `${d.name}/${c.name}`),
      )
      .sort();
    expect(names).toEqual(cases);
  });
});

const title = here
  ? "real commits of ../shared/realworld"
  : "real commits: SKIPPED, ../shared/realworld is not beside this clone";
if (!here) console.warn(`${title}: the labelled cases are not run`);

describe.skipIf(!here)(title, () => {
  const results: CaseResult[] = [];
  afterAll(() => {
    if (results.length > 0) console.log(`${renderTable(results)}\n${renderMisses(results)}`);
  });

  for (const name of names) {
    it(`${name}: runs, and every reported node stands for an object`, () => {
      const result = measureCase(name);
      results.push(result);
      expect(result.unmapped).toEqual([]);
    }, 120_000);
  }

  it("meets the targets in total", () => {
    expect(results).toHaveLength(names.length);
    const t = totals(results);
    expect(precision(t.changed)).toBe(1);
    expect(recall(t.changed)).toBe(1);
    expect(t.classesRight / t.classesTotal).toBeGreaterThanOrEqual(0.95);
    expect(precision(t.breaking)).toBeGreaterThanOrEqual(0.95);
    expect(recall(t.breaking)).toBeGreaterThanOrEqual(0.95);
    expect(precision(t.atRisk)).toBeGreaterThanOrEqual(0.95);
    expect(recall(t.atRisk)).toBeGreaterThanOrEqual(0.95);
  });
});
