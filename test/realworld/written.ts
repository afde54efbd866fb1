// The written cases of test/realworld/written/: commits we wrote in the repository for the
// formats ../shared/realworld lacks (CloudFormation, CDK, rendered Helm charts, kustomize), each
// modelled on a public pattern it names, since fetched code may not be committed. A case is
// `<format>__<name>/` with `before/` (the tree at the parent), `after/` (the tree at the commit)
// or `change.patch`, and `case.json`. This file reads them and makes one into a repository;
// measure.ts runs and scores it like a real commit.

import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";

export const WRITTEN = new URL("./written", import.meta.url).pathname;
/** Case names of written cases start with this, so labels are `written__<format>__<name>.json`. */
export const WRITTEN_PREFIX = "written/";

export const WRITTEN_FORMATS = ["cloudformation", "cdk", "helm-rendered", "kustomize"] as const;
export type WrittenFormat = (typeof WRITTEN_FORMATS)[number];

export interface WrittenCase {
  readonly format: WrittenFormat;
  /** One line, like a commit subject: what the change does, never what it breaks. */
  readonly subject: string;
  /** The public repository and path the case imitates. */
  readonly modelledOn: string;
  /** Arguments after `init --dry-run --out <deps>`. */
  readonly init: readonly string[];
  /** Arguments after `check --deps <deps>` and before `--format json`. */
  readonly check: readonly string[];
}

export const isWritten = (name: string) => name.startsWith(WRITTEN_PREFIX);

/** `written/cloudformation__x` → its folder. */
export const writtenDir = (name: string) => join(WRITTEN, name.slice(WRITTEN_PREFIX.length));

/** Every written case on disk, labelled or not, as case names. */
export function writtenCaseNames(): string[] {
  if (!existsSync(WRITTEN)) return [];
  return readdirSync(WRITTEN, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => `${WRITTEN_PREFIX}${d.name}`)
    .sort();
}

const strings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === "string");

/** The case's case.json, checked: a malformed one says which case and which field. */
export function readWrittenCase(name: string): WrittenCase {
  const dir = writtenDir(name);
  const file = join(dir, "case.json");
  const raw = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  const fail = (what: string) => {
    throw new Error(`${file}: ${what}`);
  };
  const folderFormat = name.slice(WRITTEN_PREFIX.length).split("__")[0];
  if (!WRITTEN_FORMATS.includes(raw.format as WrittenFormat))
    fail(`format must be one of ${WRITTEN_FORMATS.join(", ")}`);
  if (raw.format !== folderFormat) fail(`format ${raw.format} differs from the folder's`);
  if (typeof raw.subject !== "string" || raw.subject.trim() === "" || raw.subject.includes("\n"))
    fail("subject must be one line");
  if (typeof raw.modelledOn !== "string" || raw.modelledOn.trim() === "")
    fail("modelledOn must name the public repository and path the case imitates");
  if (!strings(raw.init)) fail("init must be a list of arguments");
  if (!strings(raw.check)) fail("check must be a list of arguments");
  if (!isDir(join(dir, "before"))) fail("before/ (the tree at the parent) is missing");
  if (!isDir(join(dir, "after")) && !existsSync(join(dir, "change.patch")))
    fail("after/ or change.patch (the commit) is missing");
  return raw as unknown as WrittenCase;
}

function isDir(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

// Fixed identities and dates, so a case makes the same commits on every run.
const GIT_ENV = {
  GIT_AUTHOR_NAME: "parent",
  GIT_AUTHOR_EMAIL: "parent@example.invalid",
  GIT_COMMITTER_NAME: "parent",
  GIT_COMMITTER_EMAIL: "parent@example.invalid",
  GIT_AUTHOR_DATE: "2026-01-05T10:00:00+00:00",
  GIT_COMMITTER_DATE: "2026-01-05T10:00:00+00:00",
};

function git(args: readonly string[], cwd: string): void {
  const result = spawnSync("git", ["-c", "commit.gpgsign=false", ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, ...GIT_ENV },
  });
  if (result.status !== 0)
    throw new Error(`git ${args.join(" ")} failed (exit ${result.status}): ${result.stderr}`);
}

/** Makes `dest` (absent) a repository of two commits: `before/`, then `after/` or the patch. */
export function materialiseWritten(name: string, dest: string): void {
  const dir = writtenDir(name);
  const spec = readWrittenCase(name);
  cpSync(join(dir, "before"), dest, { recursive: true });
  git(["init", "-q", "-b", "main"], dest);
  git(["add", "-A"], dest);
  git(["commit", "-qm", "parent of the change"], dest);
  if (isDir(join(dir, "after"))) {
    // The commit's tree replaces the parent's whole, so deletions are part of the change.
    for (const entry of readdirSync(dest))
      if (entry !== ".git") rmSync(join(dest, entry), { recursive: true, force: true });
    cpSync(join(dir, "after"), dest, { recursive: true });
  } else git(["apply", "--binary", join(dir, "change.patch")], dest);
  git(["add", "-A"], dest);
  git(["commit", "-qm", spec.subject], dest);
}
