// Prints one plain closing line, "N passed, N failed, N skipped", that any CI log reader
// understands, then one line per reason for the skipped tests ("skipped N: reason") and one for
// the real data of ../shared that is absent (its tests are not declared), so that a clone which
// tests less than CI says what it lacks. A skip with no reason is named by its test.

import type { Reporter, TestCase, TestModule } from "vitest/node";
import { absentSharedData } from "./shared-data.js";

/** The reason given by `skipWhen` on the test or a suite around it, or by `ctx.skip(note)`. */
function reasonFor(test: TestCase): string | undefined {
  const result = test.result();
  if (result.state === "skipped" && result.note) return result.note;
  let task: { meta(): { skipReason?: string }; parent?: unknown } | undefined = test;
  while (task) {
    const reason = task.meta().skipReason;
    if (reason) return reason;
    const parent = task.parent as typeof task | undefined;
    task = parent && "meta" in parent ? parent : undefined;
  }
  return undefined;
}

export default class CountReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const reasons = new Map<string, number>();
    for (const module of testModules) {
      if (module.state() === "failed" && [...module.children.allTests()].length === 0) failed++;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") passed++;
        else if (state === "failed") failed++;
        else {
          skipped++;
          const reason =
            reasonFor(test) ?? `no reason given: ${module.relativeModuleId} > ${test.fullName}`;
          reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        }
      }
    }
    const lines = [`${passed} passed, ${failed} failed, ${skipped} skipped`];
    for (const [reason, count] of [...reasons].sort(([a], [b]) => a.localeCompare(b)))
      lines.push(`skipped ${count}: ${reason}`);
    const absent = absentSharedData();
    if (absent.length > 0)
      lines.push(
        `not run: the tests on real data in ${absent.join(", ")} (absent beside this checkout; CI has it)`,
      );
    process.stdout.write(`\n${lines.join("\n")}\n`);
  }
}
