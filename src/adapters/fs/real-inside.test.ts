import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { realPathInside } from "./real-inside.js";

describe("realPathInside", () => {
  let dir: string;
  let root: string;
  beforeEach(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), "br-real-inside-")));
    root = join(dir, "root");
    mkdirSync(join(root, "docs"), { recursive: true });
    mkdirSync(join(dir, "outside"));
    symlinkSync(join(dir, "outside"), join(root, "out-link"));
    symlinkSync(join(root, "docs"), join(root, "in-link"));
    symlinkSync(join(dir, "nowhere"), join(root, "dangling"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ["site", "site"],
    ["docs/site", join("docs", "site")],
    ["docs/a/b/c", join("docs", "a", "b", "c")],
    // A link that stays inside is where it leads.
    ["in-link/site", join("docs", "site")],
    ["docs", "docs"],
    [".", ""],
    ["docs/..", ""],
  ])("%s is %s inside", (path, inside) => {
    expect(realPathInside(root, join(root, path))).toBe(inside);
  });

  it.each([
    ["..", "the folder above"],
    ["../outside/site", "a sibling, by name"],
    ["out-link/site", "a sibling, through a link"],
    ["out-link", "a link out, itself"],
    ["dangling/site", "a link to nothing"],
  ])("%s (%s) is outside", (path) => {
    expect(realPathInside(root, join(root, path))).toBeUndefined();
  });

  it("reads a root given through a link as where it leads", () => {
    symlinkSync(root, join(dir, "root-link"));
    expect(realPathInside(join(dir, "root-link"), join(dir, "root-link", "site"))).toBe("site");
    expect(realPathInside(join(dir, "root-link"), join(root, "site"))).toBe("site");
  });
});
