// A symlink or a submodule at a changed path is unreadable, said as such: never its target's
// text, at a commit or in the working tree.

import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { gitIn } from "../../../test/git-history.js";
import { gitContents } from "./git-contents.js";

const POLICY = '{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject"}]}';

describe("gitContents", () => {
  const dir = mkdtempSync(join(tmpdir(), "br-gitcontents-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const git = (...args: string[]) => gitIn(dir, args);
  const rev = (name: string) =>
    execFileSync("git", ["rev-parse", name], { cwd: dir, encoding: "utf8" }).trim();

  git("init", "-q", "-b", "main");
  mkdirSync(join(dir, "iam"));
  writeFileSync(join(dir, "iam/policy.json"), POLICY);
  writeFileSync(join(dir, "iam/role.json"), POLICY);
  writeFileSync(join(dir, "secret.txt"), "the target's text");
  git("add", ".");
  git("commit", "-qm", "base");
  const base = rev("HEAD");
  // The head: role.json becomes a link, and a submodule appears where a policy was.
  unlinkSync(join(dir, "iam/role.json"));
  symlinkSync("../secret.txt", join(dir, "iam/role.json"));
  git("rm", "-q", "--cached", "iam/policy.json");
  unlinkSync(join(dir, "iam/policy.json"));
  git("update-index", "--add", "--cacheinfo", `160000,${base},iam/policy.json`);
  git("add", "iam/role.json");
  git("commit", "-qm", "head");
  const head = rev("HEAD");

  it("at commits: a symlink and a submodule are unreadable, the other side read", async () => {
    const contents = gitContents(dir, base, head);
    expect(await contents.read({ path: "iam/role.json", status: "modified" })).toEqual({
      base: POLICY,
      unreadable: "a symlink at head",
    });
    expect(await contents.read({ path: "iam/policy.json", status: "modified" })).toEqual({
      base: POLICY,
      unreadable: "a submodule at head",
    });
    // Read the other way round, the link is at base.
    expect(
      await gitContents(dir, head, base).read({ path: "iam/role.json", status: "modified" }),
    ).toEqual({
      head: POLICY,
      unreadable: "a symlink at base",
    });
  });

  it("in the working tree: a symlink is not followed, and a folder's listing leaves links out", async () => {
    const contents = gitContents(dir, base);
    expect(await contents.read({ path: "iam/role.json", status: "modified" })).toEqual({
      base: POLICY,
      unreadable: "a symlink at head",
    });
    const folder = await gitContents(dir, base, head).folder("iam", /\.json$/, 10);
    expect(folder.head).toEqual([]);
    expect(folder.base.map((f) => f.path)).toEqual(["iam/policy.json", "iam/role.json"]);
  });
});

describe("gitContents' folder, read in one go at each commit", () => {
  const dir = mkdtempSync(join(tmpdir(), "br-gitfolder-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const git = (...args: string[]) => gitIn(dir, args);
  const rev = (name: string) =>
    execFileSync("git", ["rev-parse", name], { cwd: dir, encoding: "utf8" }).trim();
  // Names a batch could trip on: spaces, a non-ASCII one, one that looks like a revision.
  const names = ["main.tf", "with space.tf", "ünïcode.tf", "HEAD:x.tf", "empty.tf", "new\nline.tf"];
  const text = (name: string, side: string) =>
    name === "empty.tf" ? "" : `# ${name} at ${side}\n`;

  git("init", "-q", "-b", "main");
  mkdirSync(join(dir, "tf"));
  for (const name of names) writeFileSync(join(dir, "tf", name), text(name, "base"));
  writeFileSync(join(dir, "tf", "gone.tf"), "# removed at head\n");
  writeFileSync(join(dir, "tf", "notes.md"), "not asked for\n");
  git("add", ".");
  git("commit", "-qm", "base");
  const base = rev("HEAD");
  for (const name of names.slice(0, 2)) writeFileSync(join(dir, "tf", name), text(name, "head"));
  writeFileSync(join(dir, "tf", "new.tf"), "# added at head\n");
  git("rm", "-q", "tf/gone.tf");
  git("add", ".");
  git("commit", "-qm", "head");
  const head = rev("HEAD");

  it("gives every file's text at base and at the head commit, as `git show` would", async () => {
    const folder = await gitContents(dir, base, head).folder("tf", /\.tf$/, 10);
    const show = (at: string, path: string) =>
      execFileSync("git", ["show", `${at}:${path}`], { cwd: dir, encoding: "utf8" });
    expect(folder.base.map((f) => f.path).sort()).toEqual(
      [...names, "gone.tf"].map((n) => `tf/${n}`).sort(),
    );
    expect(folder.head.map((f) => f.path).sort()).toEqual(
      [...names, "new.tf"].map((n) => `tf/${n}`).sort(),
    );
    for (const f of folder.base) expect(f.text, f.path).toBe(show(base, f.path));
    for (const f of folder.head) expect(f.text, f.path).toBe(show(head, f.path));
    expect(folder.head.find((f) => f.path === "tf/main.tf")?.text).toBe(text("main.tf", "head"));
  });
});
