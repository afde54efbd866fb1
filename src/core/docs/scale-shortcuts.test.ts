// The shortcuts the docs site takes at scale change nothing: escaping skips plain text, links
// skip encoding paths that need none. Each against the long way round, on any string.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeHtml } from "../render/html-escape.js";
import { terminalText } from "../render/terminal-escape.js";
import { relativeHref } from "./site-paths.js";

const longWay = (s: string) => terminalText(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const hrefLongWay = (from: string, to: string) => {
  const fromDirs = from.split("/").slice(0, -1);
  const toParts = to.split("/");
  let common = 0;
  while (
    common < fromDirs.length &&
    common < toParts.length - 1 &&
    fromDirs[common] === toParts[common]
  )
    common++;
  return (
    "../".repeat(fromDirs.length - common) + toParts.slice(common).map(encodeURIComponent).join("/")
  );
};

const chars = fc.constantFrom(..."aZ09._~-/ &<>\"'=?%#\u0000\u001b\u0085\u202e\u2028é😀");

describe("shortcuts at scale", () => {
  it("escapes as the long way does", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: chars })), (s) => {
        expect(escapeHtml(s)).toBe(longWay(s));
      }),
    );
    expect(escapeHtml("plain/id-1.x")).toBe("plain/id-1.x");
    expect(escapeHtml('<a href="x">')).toBe("&#60;a href=&#34;x&#34;&#62;");
  });

  it("links as the long way does", () => {
    const path = fc.array(fc.string({ unit: chars, minLength: 1 }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(path, path, (a, b) => {
        const [from, to] = [a.join("/"), b.join("/")];
        expect(relativeHref(from, to)).toBe(hrefLongWay(from, to));
      }),
    );
  });
});
