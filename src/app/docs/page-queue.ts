// The pages a threaded docs build shares out, in shared memory. Each thread starts on a
// segment of its own and takes chunks from its front; a thread whose segment is done takes
// from the back of the largest one left. The pages are listed by the shape of their picture
// (pageItems), so a thread mostly meets shapes the others do not: a layout is the costliest
// part of a picture, and each thread lays out every shape it meets (about 150 on a 10,000-node
// graph, 0.7 s) when one counter for all handed every thread every shape.

import { holding } from "./write-lock.js";

/** Int32 [lock, stopped, then start and end of each thread's segment]. */
export type PageQueue = Int32Array;

const LOCK = 0;
const STOPPED = 1;
const SEGMENTS = 2;

/** A queue of `items` pages split evenly into `threads` segments, in order. */
export function newPageQueue(items: number, threads: number): PageQueue {
  const queue = new Int32Array(new SharedArrayBuffer(4 * (SEGMENTS + 2 * threads)));
  for (let t = 0; t < threads; t++) {
    queue[SEGMENTS + 2 * t] = Math.floor((items * t) / threads);
    queue[SEGMENTS + 2 * t + 1] = Math.floor((items * (t + 1)) / threads);
  }
  return queue;
}

/**
 * The next pages for thread `thread`, as [start, end) into the shared list; undefined once none
 * is left (or the build was stopped).
 */
export function takePages(
  queue: PageQueue,
  thread: number,
  chunk: number,
): readonly [number, number] | undefined {
  return holding(queue, LOCK, () => {
    if (Atomics.load(queue, STOPPED) === 1) return undefined;
    const own = SEGMENTS + 2 * thread;
    const start = queue[own] as number;
    const end = queue[own + 1] as number;
    if (start < end) {
      const taken = Math.min(start + chunk, end);
      queue[own] = taken;
      return [start, taken] as const;
    }
    // Another thread's pages, from the back of the segment with most left.
    let most = -1;
    let left = 0;
    for (let s = SEGMENTS; s < queue.length; s += 2) {
      const n = (queue[s + 1] as number) - (queue[s] as number);
      if (n > left) [most, left] = [s, n];
    }
    if (most < 0) return undefined;
    const back = queue[most + 1] as number;
    const from = Math.max(back - chunk, queue[most] as number);
    queue[most + 1] = from;
    return [from, back] as const;
  });
}

/** No thread takes another page (Ctrl-C, a failure, the end of the build). */
export function stopPageQueue(queue: PageQueue): void {
  Atomics.store(queue, STOPPED, 1);
}
