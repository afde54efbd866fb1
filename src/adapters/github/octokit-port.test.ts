// readFile through the real octokit against the local GitHub API: what a path holds that is
// not a file is a typed error, never a failed run and never the text of a link's target.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeGitHub, startFakeGitHub } from "../../../test/github-api/fake-github.js";
import { BASE_SHA, portFor, REPO } from "../../../test/github-api/scenario.js";
import { FileTooLargeError, GitHubApiError, NotAFileError } from "./github-error.js";

describe("octokitPort.readFile against the local GitHub API", () => {
  let fake: FakeGitHub;
  beforeEach(async () => {
    fake = await startFakeGitHub();
    fake.setFile(REPO, BASE_SHA, "iam/policy.json", '{"Version": "2012-10-17"}');
    fake.setFile(REPO, BASE_SHA, "iam/big.json", "x".repeat(2000));
  });
  afterEach(async () => {
    await fake.close();
    expect(fake.problems).toEqual([]);
  });

  const read = (path: string, limit?: { maxBytes: number }) =>
    portFor(fake).readFile(REPO, path, BASE_SHA, limit);

  it("reads a file, and a missing one is undefined", async () => {
    expect(await read("iam/policy.json")).toBe('{"Version": "2012-10-17"}');
    expect(await read("iam/none.json")).toBeUndefined();
  });

  it("a symlink to a file of the repository is a NotAFileError, not its target's text", async () => {
    fake.setSpecial(REPO, BASE_SHA, "iam/role.json", { type: "symlink", target: "policy.json" });
    const error = await read("iam/role.json").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotAFileError);
    expect(error).toMatchObject({ path: "iam/role.json", kind: "symlink" });
    expect(error).not.toBeInstanceOf(GitHubApiError);
  });

  it("a symlink out of the repository, a submodule and a folder are NotAFileErrors of their kind", async () => {
    fake.setSpecial(REPO, BASE_SHA, "iam/zero.json", { type: "symlink", target: "/dev/zero" });
    fake.setSpecial(REPO, BASE_SHA, "vendor/mod", { type: "submodule" });
    fake.setSpecial(REPO, BASE_SHA, "iam", { type: "directory" });
    const kinds = await Promise.all(
      ["iam/zero.json", "vendor/mod", "iam"].map((p) =>
        read(p).then(
          () => "read",
          (e: unknown) => (e instanceof NotAFileError ? `${e.path}: ${e.kind}` : String(e)),
        ),
      ),
    );
    expect(kinds).toEqual(["iam/zero.json: symlink", "vendor/mod: submodule", "iam: directory"]);
  });

  it("with a limit, a larger file is refused by the size GitHub reports, in one request", async () => {
    const before = fake.log.length;
    const error = await read("iam/big.json", { maxBytes: 1000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileTooLargeError);
    expect(error).toMatchObject({ size: 2000, maxBytes: 1000 });
    expect(fake.log.length - before).toBe(1);
    expect(await read("iam/big.json", { maxBytes: 2000 })).toHaveLength(2000);
  });

  it("listFolder names regular files only: not a symlink, nor a submodule GitHub lists as a file", async () => {
    fake.setSpecial(REPO, BASE_SHA, "iam", { type: "directory" });
    fake.setSpecial(REPO, BASE_SHA, "iam/link.json", { type: "symlink", target: "policy.json" });
    fake.setSpecial(REPO, BASE_SHA, "iam/mod", { type: "submodule" });
    const port = portFor(fake);
    expect(await port.listFolder?.(REPO, "iam", BASE_SHA)).toEqual(["big.json", "policy.json"]);
  });
});
