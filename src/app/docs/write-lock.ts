// One thread at a time in the file system. Threads writing files into the same folders at once
// make the kernel spin on the folders' locks: on this project's test machines (ext4, 2 cores)
// two threads writing the site took 5 to 9 s of system time where one took 1 s. So each thread
// makes its pages in parallel and writes them in turn, through this lock in shared memory.

/** A lock in shared memory: Int32 [0 free, 1 held]. */
export type WriteLock = Int32Array;

export const newWriteLock = (): WriteLock => new Int32Array(new SharedArrayBuffer(4));

/** Runs `write` holding the lock; a thread that finds it held sleeps until it is free. */
export function withWriteLock<T>(lock: WriteLock, write: () => T): T {
  while (Atomics.compareExchange(lock, 0, 0, 1) !== 0) Atomics.wait(lock, 0, 1);
  try {
    return write();
  } finally {
    Atomics.store(lock, 0, 0);
    Atomics.notify(lock, 0, 1);
  }
}
