// What a change reader hands the classifiers: a file's two sides, a folder's files at both
// commits. The readers (git, the GitHub API, a plan's neighbours) are adapters; this is the
// shape they agree on, beside the classifiers that read it.

export interface FileContents {
  readonly base?: string;
  readonly head?: string;
  /** Why the file could not be read (a symlink, a submodule, too large): then it is not judged. */
  readonly unreadable?: string;
}

export interface FolderContents {
  readonly base: readonly { readonly path: string; readonly text: string }[];
  readonly head: readonly { readonly path: string; readonly text: string }[];
  /** Set when the folder was not read whole, saying why (too many files, the read budget spent). */
  readonly skipped?: string;
}
