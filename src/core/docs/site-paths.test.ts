import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  encodeSegment,
  exportPath,
  kindPagePath,
  nodePagePath,
  ownerPagePath,
  relativeHref,
} from "./site-paths.js";

/** Ids as deps.yaml allows them, and worse: dots, empty segments, case, `~`, non-ASCII. */
const idChar = fc.constantFrom(..."aAbB0._-~:@+/ /%?#\\é😀\u0000".split(/(?:)/u), "..", "index");
const anyId = fc.array(idChar, { minLength: 1, maxLength: 12 }).map((parts) => parts.join(""));
/** Long ids, to reach the hashed form of a segment. */
const longId = fc
  .tuple(fc.string({ minLength: 190, maxLength: 230 }), anyId)
  .map(([a, b]) => `${a}${b}`);
const someId = fc.oneof(anyId, anyId, longId);

const segments = (path: string) => path.split("/");

describe("page paths", () => {
  it("the bundled example's ids read as themselves", () => {
    expect(nodePagePath("iam-role/automation-runner")).toBe(
      "nodes/iam-role/automation-runner.html",
    );
    expect(nodePagePath("table/warehouse.orders", "md")).toBe("nodes/table/warehouse.orders.md");
    expect(ownerPagePath("iam-platform")).toBe("owners/iam-platform.html");
    expect(exportPath("nodes/a/b.html", "breaks", "csv")).toBe("nodes/a/b.breaks.csv");
  });

  it("distinct ids give distinct node paths, also to a disk that ignores case", () => {
    fc.assert(
      fc.property(someId, someId, (a, b) => {
        fc.pre(a !== b);
        const pa = nodePagePath(a);
        const pb = nodePagePath(b);
        expect(pa).not.toBe(pb);
        expect(pa.toLowerCase()).not.toBe(pb.toLowerCase());
      }),
      { numRuns: 500 },
    );
  });

  it("ids that differ only in case, dots or `~` stay apart", () => {
    const ids = [
      "Api",
      "api",
      "API",
      "a.",
      "a",
      "a..",
      "~",
      "~7e",
      "",
      "a/",
      "a//b",
      "a/b",
      "a~2fb",
    ];
    const paths = ids.map((id) => nodePagePath(id).toLowerCase());
    expect(new Set(paths).size).toBe(ids.length);
  });

  it("no path climbs out of its folder, has an empty or dot segment, or is longer than a disk allows", () => {
    fc.assert(
      fc.property(someId, (id) => {
        for (const [path, folder] of [
          [nodePagePath(id), "nodes"],
          [ownerPagePath(id), "owners"],
          [kindPagePath(id), "kinds"],
        ] as const) {
          const parts = segments(path);
          expect(parts[0]).toBe(folder);
          for (const part of parts) {
            expect(part).not.toBe("");
            expect(part).not.toMatch(/^\.+$/);
            expect(part).toMatch(/^[a-z0-9._~-]+$/);
            // Windows drops a trailing dot: `a.` and `a` would be one folder.
            expect(part).not.toMatch(/\.$/);
            expect(part.length).toBeLessThanOrEqual(255);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("distinct kinds give distinct list pages, and none is the kinds' index", () => {
    fc.assert(
      fc.property(anyId, anyId, (a, b) => {
        fc.pre(a !== b);
        expect(kindPagePath(a).toLowerCase()).not.toBe(kindPagePath(b).toLowerCase());
      }),
      { numRuns: 300 },
    );
    expect(kindPagePath("a/b")).not.toBe(kindPagePath("a-b"));
    // MkDocs builds `x/index.md` and `x.md` to one URL, so `index` never stays as it is; and
    // Windows cannot hold a device name (con, nul, com1 …), whatever follows its dot.
    expect(kindPagePath("index")).toBe("kinds/~69ndex.html");
    expect(nodePagePath("iam-role/automation-runner/index")).toBe(
      "nodes/iam-role/automation-runner/~69ndex.html",
    );
    expect(ownerPagePath("con")).toBe("owners/~63on.html");
    // A folder's dots are escaped (below), so a device name followed by one is no longer one.
    expect(nodePagePath("nul.txt/aux")).toBe("nodes/nul~2etxt/~61ux.html");
    expect(nodePagePath("console/com1x")).toBe("nodes/console/com1x.html");
    // GitHub Pages' upload leaves out names that start with a dot.
    expect(nodePagePath("svc/.env")).toBe("nodes/svc/~2eenv.html");
  });

  it("a long segment keeps its start and is told apart by a hash", () => {
    const a = `${"x".repeat(300)}a`;
    const b = `${"x".repeat(300)}b`;
    expect(encodeSegment(a)).not.toBe(encodeSegment(b));
    expect(encodeSegment(a).startsWith("x".repeat(150))).toBe(true);
    expect(encodeSegment(a).length).toBeLessThanOrEqual(200);
    // 64 bits: two ids that differ past the cut never share a file in practice.
    const long = (tail: string) => `${"A".repeat(190)}${tail}`;
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) seen.add(encodeSegment(long(String(i))));
    expect(seen.size).toBe(20_000);
  });
});

describe("relativeHref", () => {
  const page = fc.oneof(
    someId.map((id) => nodePagePath(id)),
    someId.map((id) => ownerPagePath(id)),
    someId.map((id) => kindPagePath(id)),
    fc.constantFrom("index.html", "owners.html", "search.html", "style.css"),
  );

  it("resolved against the page it is on, as a browser does, leads to the target", () => {
    fc.assert(
      fc.property(page, page, (from, to) => {
        const href = relativeHref(from, to);
        expect(href.startsWith("/")).toBe(false);
        const resolved = new URL(href, `file:///site/${from}`);
        expect(resolved.search + resolved.hash).toBe("");
        expect(decodeURIComponent(resolved.pathname)).toBe(`/site/${to}`);
        // The same by a POSIX join of the page's folder and the link.
        expect(posixJoin(from.split("/").slice(0, -1).join("/"), decodeURI(href))).toBe(to);
      }),
      { numRuns: 500 },
    );
  });

  it("between pages of one folder, the link is the file's name", () => {
    expect(relativeHref("nodes/a/b.html", "nodes/a/c.html")).toBe("c.html");
    expect(relativeHref("nodes/a/b.html", "index.html")).toBe("../../index.html");
    expect(relativeHref("index.html", "nodes/a/b.html")).toBe("nodes/a/b.html");
  });
});

/** path.posix.join and normalize, which the core may not import. */
function posixJoin(dir: string, rel: string): string {
  const out: string[] = [];
  for (const part of [...dir.split("/"), ...rel.split("/")]) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return out.join("/");
}

describe("files and folders", () => {
  it("a node's folder never meets another node's page or its exports", () => {
    // Node `a` writes nodes/a.html and nodes/a.breaks.csv; node `a.html/b` needs a folder.
    const files = ["a", "a.breaks.csv", "x/y"].flatMap((id) => [
      nodePagePath(id),
      exportPath(nodePagePath(id), "breaks", "csv"),
    ]);
    for (const id of ["a.html/b", "a.breaks.csv/b", "a.breaks.json/c", "x/y.html/z"]) {
      const folders = nodePagePath(id).split("/").slice(0, -1);
      for (let i = 1; i <= folders.length; i++)
        expect(files).not.toContain(folders.slice(0, i).join("/"));
      expect(folders.slice(1).some((f) => f.includes("."))).toBe(false);
    }
  });

  it("a segment of dots is cut to the longest name like any other", () => {
    for (const id of [`z/${".".repeat(198)}`, `${".".repeat(198)}/z`])
      for (const part of nodePagePath(id).split("/")) expect(part.length).toBeLessThanOrEqual(205);
    expect(nodePagePath(`z/${".".repeat(198)}`)).not.toBe(nodePagePath(`z/${".".repeat(197)}`));
  });
});
