import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../../core/errors.js";
import { openSiteWriter, SITE_MARKER } from "./write-site.js";

const root = mkdtempSync(join(tmpdir(), "br-site-"));
let n = 0;
/** A fresh folder to hold one test's site (and its staging folder beside it). */
const place = () => {
  const dir = join(root, `case-${++n}`);
  mkdirSync(dir);
  return dir;
};

/** Every file under a folder, as relative paths with their contents. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[
      path
        .slice(dir.length + 1)
        .split("\\")
        .join("/")
    ] = readFileSync(path, "utf8");
  }
  return out;
}

async function writeSiteTo(out: string, files: Record<string, string>) {
  const writer = openSiteWriter(out, "site");
  try {
    for (const [path, content] of Object.entries(files)) await writer.write(path, content);
    await writer.commit();
  } catch (error) {
    await writer.abort();
    throw error;
  }
  return writer;
}

afterAll(() => {
  // Nothing is left beside the sites: every staging folder was renamed or removed.
  for (const dir of readdirSync(root))
    expect(readdirSync(join(root, dir)).filter((f) => f.startsWith("."))).toEqual([]);
  rmSync(root, { recursive: true, force: true });
});

describe("openSiteWriter", () => {
  it("writes a new folder, with its marker, and counts what it wrote", async () => {
    const out = join(place(), "site");
    const writer = await writeSiteTo(out, { "index.html": "<h1>x</h1>", "nodes/a/b.html": "é" });
    expect(tree(out)).toEqual({
      "index.html": "<h1>x</h1>",
      "nodes/a/b.html": "é",
      [SITE_MARKER]: expect.stringContaining("blastradius docs"),
    });
    expect(writer.files).toBe(2);
    expect(writer.bytes).toBe(Buffer.byteLength("<h1>x</h1>") + 2);
  });

  it("replaces a site it wrote before: the old pages are gone", async () => {
    const out = join(place(), "site");
    await writeSiteTo(out, { "index.html": "old", "nodes/gone.html": "old" });
    await writeSiteTo(out, { "index.html": "new" });
    expect(tree(out)).toEqual({ "index.html": "new", [SITE_MARKER]: expect.any(String) });
  });

  it("writes into an empty folder", async () => {
    const out = join(place(), "site");
    mkdirSync(out);
    await writeSiteTo(out, { "index.html": "x" });
    expect(tree(out)["index.html"]).toBe("x");
  });

  it("refuses a folder that holds anything else, and leaves it alone", async () => {
    const out = join(place(), "site");
    mkdirSync(out);
    writeFileSync(join(out, "notes.txt"), "mine");
    expect(() => openSiteWriter(out, "site")).toThrow(InputError);
    expect(() => openSiteWriter(out, "site")).toThrow(
      /site is not empty and is not a site blastradius wrote/,
    );
    expect(tree(out)).toEqual({ "notes.txt": "mine" });
  });

  it("refuses a symbolic link, even to a site it wrote, and a file", async () => {
    const dir = place();
    const real = join(dir, "real");
    await writeSiteTo(real, { "index.html": "x" });
    symlinkSync(real, join(dir, "link"));
    expect(() => openSiteWriter(join(dir, "link"), "link")).toThrow(/link is a symbolic link/);
    writeFileSync(join(dir, "file"), "x");
    expect(() => openSiteWriter(join(dir, "file"), "file")).toThrow(
      /file exists and is not a folder/,
    );
    expect(tree(real)["index.html"]).toBe("x");
  });

  it("abort leaves the folder as it was", async () => {
    const out = join(place(), "site");
    await writeSiteTo(out, { "index.html": "before" });
    const before = tree(out);
    const writer = openSiteWriter(out, "site");
    writer.write("index.html", "after");
    writer.write("nodes/x.html", "after");
    await writer.abort();
    expect(tree(out)).toEqual(before);
    const fresh = join(place(), "never");
    await openSiteWriter(fresh, "never").abort();
    expect(existsSync(fresh)).toBe(false);
  });

  it("refuses a folder that something else filled while the site was written", async () => {
    const out = join(place(), "site");
    const writer = openSiteWriter(out, "site");
    writer.write("index.html", "x");
    mkdirSync(out);
    writeFileSync(join(out, "notes.txt"), "mine");
    await expect(writer.commit()).rejects.toThrow(InputError);
    await writer.abort();
    expect(tree(out)).toEqual({ "notes.txt": "mine" });
  });

  it.each([
    "../escape.html",
    "nodes/../../escape.html",
    "./index.html",
    "/etc/escape.html",
    "nodes//a.html",
    "nodes\\..\\..\\escape.html",
    "",
  ])("refuses to write %j", async (path) => {
    const dir = place();
    const writer = openSiteWriter(join(dir, "site"), "site");
    expect(() => writer.write(path, "x")).toThrow(/refusing to write outside the site/);
    await writer.abort();
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(join(root, "escape.html"))).toBe(false);
  });

  it("refuses a folder whose marker someone planted, and one where a file was added since", async () => {
    // A marker committed by anyone (empty, or not listing the folder's files) replaces nothing.
    const planted = join(place(), "docs");
    mkdirSync(planted);
    writeFileSync(join(planted, ".blastradius-docs"), "");
    writeFileSync(join(planted, "runbook.md"), "mine");
    await expect(writeSiteTo(planted, { "index.html": "x" })).rejects.toThrow(
      /holds a file the earlier site did not write \(runbook\.md\)/,
    );
    expect(tree(planted)).toEqual({ ".blastradius-docs": "", "runbook.md": "mine" });
    // A site of ours, and a CNAME added to it afterwards: kept, and said.
    const site = join(place(), "site");
    await writeSiteTo(site, { "index.html": "1", "nodes/a.html": "a" });
    writeFileSync(join(site, "CNAME"), "docs.example.com");
    await expect(writeSiteTo(site, { "index.html": "2" })).rejects.toThrow(/CNAME/);
    expect(readFileSync(join(site, "CNAME"), "utf8")).toBe("docs.example.com");
    expect(readFileSync(join(site, "index.html"), "utf8")).toBe("1");
  });

  it("never takes the place of a folder holding what it protects (the graph, the working folder)", () => {
    const dir = place();
    writeFileSync(join(dir, "deps.yaml"), "version: 1\n");
    for (const out of [dir, join(dir, "..")])
      expect(() => openSiteWriter(out, "out", { protect: [join(dir, "deps.yaml")] })).toThrow(
        /holds .*deps\.yaml: the site would take its place/,
      );
    expect(() => openSiteWriter(dir, ".", { protect: [dir] })).toThrow(/would take its place/);
    expect(readdirSync(dir)).toEqual(["deps.yaml"]);
  });

  it("refuses to write one path twice: two pages never silently share a file", async () => {
    const dir = place();
    const writer = openSiteWriter(join(dir, "site"), "site");
    writer.write("a.html", "1");
    expect(() => writer.write("a.html", "2")).toThrow(/two files of the site at one path/);
    await writer.abort();
  });
});
