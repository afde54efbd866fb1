// The core's own posix paths against node:path/posix, the model they copy.

import nodePosix from "node:path/posix";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { posix } from "../src/core/config/posix-path.js";

const segment = fc.constantFrom("a", "b", "c.yaml", ".", "..", "", "a\\b.yaml", "C:");
const path = fc
  .tuple(fc.boolean(), fc.array(segment, { maxLength: 6 }), fc.boolean())
  .map(
    ([rooted, parts, trailing]) => `${rooted ? "/" : ""}${parts.join("/")}${trailing ? "/" : ""}`,
  );

describe("posix paths", () => {
  it("normalize, dirname, join and isAbsolute agree with node:path/posix", () => {
    fc.assert(
      fc.property(path, path, (a, b) => {
        expect(posix.normalize(a)).toBe(nodePosix.normalize(a));
        expect(posix.dirname(a)).toBe(nodePosix.dirname(a));
        expect(posix.join(a, b)).toBe(nodePosix.join(a, b));
        expect(posix.isAbsolute(a)).toBe(nodePosix.isAbsolute(a));
      }),
      { numRuns: 2000 },
    );
  });

  it("relative agrees with node:path/posix between absolute paths", () => {
    fc.assert(
      fc.property(path, path, (a, b) => {
        expect(posix.relative(`/${a}`, `/${b}`)).toBe(nodePosix.relative(`/${a}`, `/${b}`));
      }),
      { numRuns: 2000 },
    );
  });

  it("between two relative or two absolute paths, inside and outside agree with node:path", () => {
    // node:path takes relative paths from the working folder; ours from a folder deeper than
    // any ".." reaches, named like none the paths name. Inside or not must not depend on that,
    // while the ".." stay below the real working folder's root.
    const outside = (r: string) => r === ".." || r.startsWith("../") || r.startsWith("/");
    const depth = process.cwd().split("/").filter(Boolean).length;
    const ups = (p: string) =>
      nodePosix
        .normalize(p)
        .split("/")
        .filter((s) => s === "..").length;
    fc.assert(
      fc.property(path, path, (a, b) => {
        fc.pre(nodePosix.isAbsolute(a) === nodePosix.isAbsolute(b));
        fc.pre(ups(a) <= depth && ups(b) <= depth);
        expect(outside(posix.relative(a, b))).toBe(outside(nodePosix.relative(a, b)));
      }),
      { numRuns: 2000 },
    );
  });

  it("a backslash is part of a name, never a separator", () => {
    expect(posix.join("teams", "a\\b.yaml")).toBe("teams/a\\b.yaml");
    expect(posix.dirname("teams/a\\b.yaml")).toBe("teams");
    expect(posix.isAbsolute("\\etc\\passwd")).toBe(false);
    expect(posix.isAbsolute("C:\\x.yaml")).toBe(false);
  });
});
