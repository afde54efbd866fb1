import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { skipWhen } from "../../../test/skips.js";
import { loadDepsFile } from "../../app/load-model.js";
import { depsRoot, readTextFile, readTextWithin } from "./read-text.js";

describe("readTextFile", () => {
  const dir = mkdtempSync(join(tmpdir(), "br-read-"));

  it("reads UTF-8, dropping a byte-order mark", () => {
    writeFileSync(
      join(dir, "ok.yaml"),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("a: é\n")]),
    );
    expect(readTextFile(join(dir, "ok.yaml"))).toEqual({ ok: true, text: "a: é\n" });
  });

  it("non-UTF-8 bytes are an error at their line and column", () => {
    writeFileSync(
      join(dir, "latin1.yaml"),
      Buffer.concat([
        Buffer.from("version: 1\nnodes:\n  caf"),
        Buffer.from([0xe9]),
        Buffer.from(": {}\n"),
      ]),
    );
    const result = readTextFile(join(dir, "latin1.yaml"));
    expect(result).toMatchObject({
      ok: false,
      diagnostic: { code: "not-utf8", line: 3, column: 6 },
    });
  });

  it("missing files and folders are errors, not exceptions", () => {
    expect(readTextFile(join(dir, "none.yaml"))).toMatchObject({
      ok: false,
      diagnostic: { code: "file-not-found" },
    });
    expect(readTextFile(dir)).toMatchObject({
      ok: false,
      diagnostic: { code: "not-a-regular-file", message: "is a directory, not a regular file" },
    });
    expect(readTextFile("/dev/zero")).toMatchObject({
      ok: false,
      diagnostic: { code: "not-a-regular-file" },
    });
  });
});

describe("readTextWithin", () => {
  const dir = mkdtempSync(join(tmpdir(), "br-within-"));
  const repo = join(dir, "repo");
  mkdirSync(join(repo, ".git"), { recursive: true });
  mkdirSync(join(repo, "infra"));
  writeFileSync(join(dir, "secret.yaml"), "version: 1\n");
  writeFileSync(join(repo, "shared.yaml"), "version: 1\n");
  symlinkSync(join(dir, "secret.yaml"), join(repo, "infra", "out.yaml"));
  symlinkSync("../shared.yaml", join(repo, "infra", "in.yaml"));
  symlinkSync("/dev/zero", join(repo, "infra", "zero.yaml"));
  symlinkSync(dir, join(repo, "infra", "up"));
  const entry = join(repo, "infra", "deps.yaml");

  it("the root is the repository holding the deps file, else its folder", () => {
    expect(depsRoot(entry)).toBe(repo);
    expect(depsRoot(join(dir, "secret.yaml"))).toBe(dir);
  });

  it("refuses a symlink whose real path leaves the root, and a link to a device", () => {
    const read = readTextWithin(repo, entry);
    expect(read(join(repo, "infra", "out.yaml"))).toMatchObject({
      ok: false,
      diagnostic: { code: "include-outside-root" },
    });
    expect(read(join(repo, "infra", "zero.yaml"))).toMatchObject({
      ok: false,
      diagnostic: { code: "include-outside-root", message: expect.stringContaining("/dev/zero") },
    });
    expect(read(join(repo, "infra", "in.yaml"))).toEqual({ ok: true, text: "version: 1\n" });
    // A link on the way, not at the file: the name stays inside, the real path does not.
    expect(read(join(repo, "infra", "up", "secret.yaml"))).toMatchObject({
      ok: false,
      diagnostic: {
        code: "include-outside-root",
        message: expect.stringContaining(
          `leads through a symbolic link to ${join(dir, "secret.yaml")}`,
        ),
      },
    });
  });

  it("end to end: an include that is a symlink out of the repository fails validation", () => {
    writeFileSync(entry, "version: 1\ninclude: [out.yaml, zero.yaml, in.yaml]\n");
    const result = loadDepsFile(entry);
    expect(result.errors.map((d) => `${d.code}: ${d.message}`)).toEqual([
      `include-outside-root: cannot include ${join(repo, "infra", "out.yaml")}: is a symbolic link to ${join(dir, "secret.yaml")}, outside ${repo}/ (the repository holding the deps file, or without one its own folder); not read`,
      `include-outside-root: cannot include ${join(repo, "infra", "zero.yaml")}: is a symbolic link to /dev/zero, outside ${repo}/ (the repository holding the deps file, or without one its own folder); not read`,
    ]);
  });
});

describe(
  "includes on a POSIX disk",
  skipWhen(process.platform === "win32" ? "Windows has no file names with a backslash" : undefined),
  () => {
    it("a\\b.yaml is the file of that name, as it is through the API, not a folder a", () => {
      const dir = mkdtempSync(join(tmpdir(), "br-backslash-"));
      mkdirSync(join(dir, "a"));
      writeFileSync(join(dir, "deps.yaml"), "version: 1\ninclude: ['a\\b.yaml']\n");
      writeFileSync(
        join(dir, "a\\b.yaml"),
        "version: 1\nowners: {o: {github: '@acme/o'}}\nnodes:\n  n: {kind: job, owner: o}\n",
      );
      writeFileSync(join(dir, "a", "b.yaml"), "version: 1\nnodes:\n  wrong: {kind: job}\n");
      const result = loadDepsFile(join(dir, "deps.yaml"));
      expect(result.errors).toEqual([]);
      expect([...(result.config?.nodes.keys() ?? [])]).toEqual(["n"]);
      expect(result.config?.files).toEqual([join(dir, "deps.yaml"), join(dir, "a\\b.yaml")]);
    });
  },
);
