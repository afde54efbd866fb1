import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type FakeGitHub, startFakeGitHub } from "../../test/github-api/fake-github.js";
import { BASE_SHA, portFor, REPO } from "../../test/github-api/scenario.js";
import { FileTooLargeError, NotAFileError } from "../adapters/github/github-error.js";
import { parseGraphFile } from "../core/config/parse-graph-file.js";
import { type FetchText, fetchFrom, loadRemoteDeps } from "./load-remote-deps.js";

// The real parser, watched: each file is parsed once, however deep the includes go.
vi.mock("../core/config/parse-graph-file.js", async (original) => {
  const real = await original<typeof import("../core/config/parse-graph-file.js")>();
  return { ...real, parseGraphFile: vi.fn(real.parseGraphFile) };
});

/** A repository in memory that counts what is asked of it. */
function repository(files: Record<string, string>, special: Record<string, NotAFileError> = {}) {
  const asked: string[] = [];
  const fetchText: FetchText = async (path, limit) => {
    asked.push(path);
    const notAFile = special[path];
    if (notAFile) throw notAFile;
    const text = files[path];
    if (text !== undefined && Buffer.byteLength(text) > limit.maxBytes)
      throw new FileTooLargeError(path, Buffer.byteLength(text), limit.maxBytes);
    return text;
  };
  return { asked, fetchText };
}

const codes = (result: { errors: { code: string; file?: string }[] }) =>
  result.errors.map((e) => `${e.file} ${e.code}`);

describe("loadRemoteDeps", () => {
  it("2,000 includes: at most the file cap is fetched, and the rest are errors, not silence", async () => {
    const files: Record<string, string> = {
      "deps.yaml": `version: 1\ninclude:\n${Array.from({ length: 2000 }, (_, i) => `  - g/${i}.yaml\n`).join("")}`,
    };
    for (let i = 0; i < 2000; i++) files[`g/${i}.yaml`] = "version: 1\n";
    const repo = repository(files);
    const result = await loadRemoteDeps("deps.yaml", repo.fetchText, "acme/infra@abc", {
      maxFiles: 50,
    });
    expect(repo.asked).toHaveLength(50);
    expect(result.config).toBeUndefined();
    // 1,951 includes not read, said once with the count.
    expect(result.errors).toEqual([
      expect.objectContaining({
        code: "include-limit",
        file: "deps.yaml",
        message:
          "cannot include g/49.yaml: not read: the graph in acme/infra@abc includes more than 50 files (nor 1950 more includes)",
      }),
    ]);
  });

  it("the default cap is 500 files", async () => {
    const files: Record<string, string> = {
      "deps.yaml": `version: 1\ninclude: [${Array.from({ length: 600 }, (_, i) => `g/${i}.yaml`).join(", ")}]\n`,
    };
    for (let i = 0; i < 600; i++) files[`g/${i}.yaml`] = "version: 1\n";
    const repo = repository(files);
    await loadRemoteDeps("deps.yaml", repo.fetchText, "here");
    expect(repo.asked).toHaveLength(500);
  });

  it("bytes past the budget are refused, a file at a time", async () => {
    const repo = repository({
      "deps.yaml": "version: 1\ninclude: [a.yaml, b.yaml]\n",
      "a.yaml": `version: 1\n# ${"x".repeat(100)}\n`,
      "b.yaml": `version: 1\n# ${"y".repeat(100)}\n`,
    });
    const result = await loadRemoteDeps("deps.yaml", repo.fetchText, "here", { maxBytes: 200 });
    expect(codes(result)).toEqual(["deps.yaml include-limit"]);
  });

  it("absolute and ../ includes are errors and never fetched", async () => {
    const repo = repository({
      ".github/deps.yaml": "version: 1\ninclude: [/etc/passwd, ../../x.yaml, ../teams.yaml]\n",
      "teams.yaml": "version: 1\n",
    });
    const result = await loadRemoteDeps(".github/deps.yaml", repo.fetchText, "here");
    expect(codes(result)).toEqual([
      ".github/deps.yaml include-outside-root",
      ".github/deps.yaml include-outside-root",
    ]);
    expect(repo.asked).toEqual([".github/deps.yaml", "teams.yaml"]);
  });

  it("an include that is a symlink or a submodule is an error naming it, not a failed run", async () => {
    const repo = repository(
      { "deps.yaml": "version: 1\ninclude: [link.yaml, mod]\n" },
      {
        "link.yaml": new NotAFileError("link.yaml", "symlink"),
        mod: new NotAFileError("mod", "submodule"),
      },
    );
    const result = await loadRemoteDeps("deps.yaml", repo.fetchText, "acme/infra@abc");
    expect(result.errors.map((e) => e.message)).toEqual([
      "cannot include link.yaml: is a symlink in acme/infra@abc, not a file; not read",
      "cannot include mod: is a submodule in acme/infra@abc, not a file; not read",
    ]);
  });
});

describe("loadRemoteDeps reads and parses each file once", () => {
  it("a chain of includes 30 deep: one fetch and one parse per file, one graph", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++)
      files[i === 0 ? "deps.yaml" : `chain/${i}.yaml`] =
        `version: 1\n${i < 29 ? `include: [${i === 0 ? "chain/" : ""}${i + 1}.yaml]\n` : ""}owners: {o${i}: {github: "@acme/o${i}"}}\nnodes:\n  n${i}: {kind: job, owner: o${i}${i > 0 ? `, depends_on: [n${i - 1}]` : ""}}\n`;
    const repo = repository(files);
    vi.mocked(parseGraphFile).mockClear();
    const result = await loadRemoteDeps("deps.yaml", repo.fetchText, "here");
    expect(result.errors).toEqual([]);
    expect(result.config?.nodes.size).toBe(30);
    expect(repo.asked).toEqual(Object.keys(files));
    expect(vi.mocked(parseGraphFile).mock.calls.map(([file]) => file)).toEqual(Object.keys(files));
  });

  it("a file named by several includes of a level is fetched once and counts once against the cap", async () => {
    const repo = repository({
      "deps.yaml": "version: 1\ninclude: [a.yaml, b.yaml]\n",
      "a.yaml": "version: 1\ninclude: [shared.yaml]\n",
      "b.yaml": "version: 1\ninclude: [shared.yaml]\n",
      "shared.yaml":
        "version: 1\nowners: {o: {github: '@acme/o'}}\nnodes:\n  n: {kind: job, owner: o}\n",
    });
    const result = await loadRemoteDeps("deps.yaml", repo.fetchText, "here", { maxFiles: 4 });
    expect(result.errors).toEqual([]);
    expect(repo.asked).toEqual(["deps.yaml", "a.yaml", "b.yaml", "shared.yaml"]);
  });

  it("an include a\\b.yaml is that one file name in the repository, not a folder a", async () => {
    const repo = repository({
      "teams/deps.yaml": "version: 1\ninclude: ['a\\b.yaml']\n",
      "teams/a\\b.yaml":
        "version: 1\nowners: {o: {github: '@acme/o'}}\nnodes:\n  n: {kind: job, owner: o}\n",
      "teams/a/b.yaml": "version: 1\nnodes:\n  wrong: {kind: job}\n",
    });
    const result = await loadRemoteDeps("teams/deps.yaml", repo.fetchText, "here");
    expect(repo.asked).toEqual(["teams/deps.yaml", "teams/a\\b.yaml"]);
    expect([...(result.config?.nodes.keys() ?? [])]).toEqual(["n"]);
  });
});

describe("loadRemoteDeps through the real octokit", () => {
  let fake: FakeGitHub;
  beforeEach(async () => {
    fake = await startFakeGitHub();
  });
  afterEach(async () => {
    await fake.close();
    expect(fake.problems).toEqual([]);
  });

  it("a symlinked include and one over the byte budget are errors; the big one costs one request", async () => {
    fake.setFile(REPO, BASE_SHA, "deps.yaml", "version: 1\ninclude: [link.yaml, big.yaml]\n");
    fake.setFile(REPO, BASE_SHA, "big.yaml", `version: 1\n# ${"x".repeat(5000)}\n`);
    fake.setFile(REPO, BASE_SHA, "secret.yaml", "version: 1\n");
    fake.setSpecial(REPO, BASE_SHA, "link.yaml", { type: "symlink", target: "secret.yaml" });
    const result = await loadRemoteDeps(
      "deps.yaml",
      fetchFrom(portFor(fake), REPO, BASE_SHA),
      "acme/infra",
      { maxBytes: 1000 },
    );
    expect(result.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([
      "not-a-regular-file: cannot include link.yaml: is a symlink in acme/infra, not a file; not read",
      "include-limit: cannot include big.yaml: not read: its 5014 bytes would take the graph in acme/infra past 1000 bytes",
    ]);
    expect(fake.log.filter((r) => r.url.includes("big.yaml"))).toHaveLength(1);
  });
});
