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
