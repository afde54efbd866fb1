// Apart from model.ts so that classify/evidence.ts, which model.ts names, can use it without
// importing model.ts back.

/**
 * What kind of change hit a node. Plain file changes give added / modified / deleted / renamed;
 * richer analysers add their own classes (trust-narrowed, permissions-removed …), so the type
 * stays open.
 */
export type ChangeClass =
  | "added"
  | "modified"
  | "deleted"
  | "renamed"
  | (string & Record<never, never>);
