import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readTextFile } from "./read-text.js";

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
      diagnostic: { code: "file-unreadable", message: "is a directory, not a file" },
    });
  });
});
