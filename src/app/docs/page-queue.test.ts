import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { newPageQueue, stopPageQueue, takePages } from "./page-queue.js";

describe("the page queue", () => {
  it("hands out every page exactly once, whichever thread asks when", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 50 }),
        (items, threads, chunk, turns) => {
          const queue = newPageQueue(items, threads);
          const taken = new Array<number>(items).fill(0);
          const done = new Set<number>();
          // The turns given, then every thread in turn until each has been told there is none.
          for (let i = 0; done.size < threads; i++) {
            const thread =
              i < turns.length ? (turns[i] as number) % threads : (i - turns.length) % threads;
            const range = takePages(queue, thread, chunk);
            if (!range) {
              done.add(thread);
              continue;
            }
            const [start, end] = range;
            expect(end - start).toBeGreaterThan(0);
            expect(end - start).toBeLessThanOrEqual(chunk);
            for (let p = start; p < end; p++) taken[p] = (taken[p] as number) + 1;
          }
          expect(taken.every((n) => n === 1)).toBe(true);
        },
      ),
      { numRuns: 300, seed: 5 },
    );
  });

  it("starts each thread on its own part, then lets it take from the back of the largest left", () => {
    const queue = newPageQueue(100, 2);
    expect(takePages(queue, 0, 10)).toEqual([0, 10]);
    expect(takePages(queue, 1, 10)).toEqual([50, 60]);
    for (let i = 0; i < 4; i++) takePages(queue, 1, 10);
    // Thread 1's half is done: it goes on from the end of thread 0's.
    expect(takePages(queue, 1, 10)).toEqual([40, 50]);
    expect(takePages(queue, 0, 10)).toEqual([10, 20]);
  });

  it("hands out nothing once stopped", () => {
    const queue = newPageQueue(100, 2);
    stopPageQueue(queue);
    expect(takePages(queue, 0, 10)).toBeUndefined();
    expect(takePages(queue, 1, 10)).toBeUndefined();
  });
});
