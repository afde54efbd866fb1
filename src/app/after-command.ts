// Work that can wait until a command has said what it has to say: writing the graph cache.
// The command line runs it once the command has returned, and drops it when the command
// failed. A task's own failure is its own business: each one catches what it can throw.

const pending: (() => void)[] = [];

export function afterCommand(task: () => void): void {
  pending.push(task);
}

/** Runs what was queued (`ok`) or drops it (the command failed); either way the queue is empty. */
export function settleAfterCommand(ok: boolean): void {
  const tasks = pending.splice(0);
  if (ok) for (const task of tasks) task();
}
