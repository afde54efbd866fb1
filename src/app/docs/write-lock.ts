// One thread at a time in the file system. Threads writing files into the same folders at once
// make the kernel spin on the folders' locks: on this project's test machines (ext4, 2 cores)
// two threads writing the site took 5 to 9 s of system time where one took 1 s. So each thread
// makes its pages in parallel and writes them in turn, through this lock in shared memory.
// The lock also stops the writing for good (Ctrl-C): once `stopWrites` returns, no thread is
// writing and none will, so the half-written folder can be removed.

/** Shared memory: Int32 [0 free / 1 held, 1 when writing has stopped for good]. */
export type WriteLock = Int32Array;

export const newWriteLock = (): WriteLock => new Int32Array(new SharedArrayBuffer(8));

/** Thrown to a thread that would write after `stopWrites`. */
export class WritesStopped extends Error {
  constructor() {
    super("the build was stopped");
  }
}

/** Runs `write` holding the lock; a thread that finds it held sleeps until it is free. */
export function withWriteLock<T>(lock: WriteLock, write: () => T): T {
  return holding(lock, 0, () => {
    if (Atomics.load(lock, 1) === 1) throw new WritesStopped();
    return write();
  });
}

/**
 * Runs `work` holding the lock word `words[at]` (0 free, 1 held) in shared memory; a thread that
 * finds it held sleeps until it is free. The write lock and the page queue (page-queue.ts) both.
 */
export function holding<T>(words: Int32Array, at: number, work: () => T): T {
  while (Atomics.compareExchange(words, at, 0, 1) !== 0) Atomics.wait(words, at, 1);
  try {
    return work();
  } finally {
    Atomics.store(words, at, 0);
    Atomics.notify(words, at, 1);
  }
}

/** Waits for the file being written, if any, then lets no thread write again. */
export function stopWrites(lock: WriteLock): void {
  withWriteLock(lock, () => Atomics.store(lock, 1, 1));
}
