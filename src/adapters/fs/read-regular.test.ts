import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readRegularFile } from "./read-regular.js";

describe("readRegularFile", () => {
  const dir = mkdtempSync(join(tmpdir(), "br-regular-"));
  writeFileSync(join(dir, "small.txt"), "hello");

  it("reads a regular file under the cap", () => {
    const read = readRegularFile(join(dir, "small.txt"), { maxBytes: 5 });
    expect(read.ok && read.bytes.toString()).toBe("hello");
  });

  it("refuses a file over the cap by its size, before reading", () => {
    expect(readRegularFile(join(dir, "small.txt"), { maxBytes: 4 })).toMatchObject({
      ok: false,
      reason: "too-large",
      size: 5,
    });
  });

  it("refuses devices without reading them: /dev/zero never ends", () => {
    expect(readRegularFile("/dev/zero", { maxBytes: 1024 })).toMatchObject({
      ok: false,
      reason: "not-regular",
      message: "is a character device, not a regular file",
    });
  });

  it("refuses a symlink to a device, and a folder", () => {
    symlinkSync("/dev/zero", join(dir, "zero.yaml"));
    mkdirSync(join(dir, "folder"));
    expect(readRegularFile(join(dir, "zero.yaml"), { maxBytes: 1024 })).toMatchObject({
      reason: "not-regular",
    });
    expect(readRegularFile(join(dir, "folder"), { maxBytes: 1024 })).toMatchObject({
      reason: "not-regular",
      message: "is a directory, not a regular file",
    });
  });

  it("refuses a FIFO at once instead of waiting for a writer", () => {
    execFileSync("mkfifo", [join(dir, "pipe.yaml")]);
    expect(readRegularFile(join(dir, "pipe.yaml"), { maxBytes: 1024 })).toMatchObject({
      reason: "not-regular",
      message: "is a FIFO, not a regular file",
    });
  });

  it("with noFollow, refuses any symlink, even to a regular file", () => {
    symlinkSync(join(dir, "small.txt"), join(dir, "link.txt"));
    expect(
      readRegularFile(join(dir, "link.txt"), { maxBytes: 1024, noFollow: true }),
    ).toMatchObject({
      reason: "symlink",
    });
    expect(readRegularFile(join(dir, "link.txt"), { maxBytes: 1024 }).ok).toBe(true);
    expect(readRegularFile(join(dir, "none"), { maxBytes: 1024 })).toMatchObject({
      reason: "missing",
    });
  });
});
