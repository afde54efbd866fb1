import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InputError, InvalidDepsError } from "../../core/errors.js";
import { buildDocs, buildTime, describeWritten } from "./build-docs.js";

const GRAPH = `version: 1
owners:
  team: { github: "@acme/team", chat: "#team" }
nodes:
  role/a: { kind: iam-role, owner: team }
  svc/b:
    kind: service
    owner: team
    depends_on: [{ on: role/a, via: assumes-role }]
`;

describe("buildDocs", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "br-build-docs-"));
    writeFileSync(join(dir, "deps.yaml"), GRAPH);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const build = (out: string, deps = join(dir, "deps.yaml")) =>
    buildDocs({
      deps,
      source: "deps.yaml",
      outDir: join(dir, out),
      shownOut: out,
      format: "html",
      maxRows: 0,
      generatedAt: new Date("2026-01-02T03:04:05.678Z"),
      commit: "c".repeat(40),
      repository: false,
      contracts: false,
      cwd: dir,
    });

  it("writes the site with the stamp it is given, and counts what it wrote", async () => {
    const written = await build("site");
    const page = readFileSync(join(dir, "site/nodes/role/a.html"), "utf8");
    expect(page).toContain(
      `Generated from <code>deps.yaml</code> at commit <code>${"c".repeat(12)}</code> on 2026-01-02T03:04:05Z`,
    );
    const files = readdirSync(join(dir, "site"), { recursive: true, withFileTypes: true }).filter(
      (f) => f.isFile() && f.name !== ".blastradius-docs",
    );
    expect(written.files).toBe(files.length);
    expect(written.pages).toBe(files.filter((f) => f.name.endsWith(".html")).length);
    expect(describeWritten(written)).toMatch(
      new RegExp(
        `^${written.pages} pages, ${written.files} files, 0\\.\\d MB \\(largest page \\S+\\.html, \\d+ KB\\)$`,
      ),
    );
  });

  it("leaves the folder as it was when the graph does not load", async () => {
    await build("site");
    const before = readFileSync(join(dir, "site/index.html"), "utf8");
    writeFileSync(join(dir, "bad.yaml"), GRAPH.replace("on: role/a", "on: role/z"));
    await expect(build("site", join(dir, "bad.yaml"))).rejects.toThrow(InvalidDepsError);
    expect(readFileSync(join(dir, "site/index.html"), "utf8")).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(["bad.yaml", "deps.yaml", "site"]);
  });

  it("refuses a folder that holds something else, and leaves it alone", async () => {
    mkdirSync(join(dir, "mine"));
    writeFileSync(join(dir, "mine/notes.txt"), "keep");
    await expect(build("mine")).rejects.toThrow(InputError);
    expect(readdirSync(join(dir, "mine"))).toEqual(["notes.txt"]);
    expect(readdirSync(dir).sort()).toEqual(["deps.yaml", "mine"]);
  });
});

describe("buildTime", () => {
  const now = new Date("2026-11-30T12:00:00Z");
  it.each([
    [undefined, now],
    ["", now],
    ["1764504000", new Date("2025-11-30T12:00:00Z")],
    ["0", new Date(0)],
    ["-1", now],
    ["1.5", now],
    ["12345678901234", now],
  ])("SOURCE_DATE_EPOCH=%s", (epoch, expected) => {
    expect(buildTime(epoch, now)).toEqual(expected);
  });
});
