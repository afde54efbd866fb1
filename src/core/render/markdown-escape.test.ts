import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { code, link, text } from "./markdown-escape.js";

/** GitHub's autolinks (docs: "Autolinked references and URLs"; GFM extended autolinks). */
const AUTOLINKS: [string, RegExp][] = [
  ["a URL", /(?:https?|ftp):\/\//i],
  ["www.", /\bwww\./i],
  ["an e-mail address or user@sha", /[\w.+-]@[\w-]/],
  ["mailto: / xmpp:", /\b(?:mailto|xmpp):/i],
  ["an issue or pull request (#26, owner/repo#26)", /#\d/],
  ["GH-26", /\bGH-\d/i],
  ["a commit SHA", /\b(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}\b/i],
  ["a mention", /@[a-z0-9]/i],
];
const unescaped = (markdown: string) => markdown.replace(/\u200b/g, "").replace(/\\(.)/g, "$1");

describe("text() in a comment", () => {
  const cases = [
    "see https://evil.example/login and http://x.example, ftp://y.example",
    "go to www.evil.example now",
    "mail attacker@evil.example",
    "mailto:attacker@evil.example xmpp:a@b.example",
    "fixes #123, see acme/infra#42 and GH-7 and gh-8",
    "reverts a5c3785ed8d6a35868bc169f07e40e889087fd2e (a5c3785), by jlord@a5c3785ed8d6",
    "acme/infra@a5c3785ed8d6a35868bc169f07e40e889087fd2e",
  ];
  it.each(cases)("neither links nor references: %s", (value) => {
    const out = text(value);
    for (const [what, pattern] of AUTOLINKS) expect(out, what).not.toMatch(pattern);
    // It reads the same: only zero-width spaces were added.
    expect(unescaped(out)).toBe(value);
  });

  it("leaves account ids and ARNs whole, so they copy intact", () => {
    expect(text("trusts arn:aws:iam::123456789012:root")).toBe(
      "trusts arn:aws:iam::123456789012:root",
    );
  });

  it("holds for any mix of the pieces these are made of", () => {
    const piece = fc.constantFrom(
      "https",
      "http",
      "ftp",
      "://",
      ":",
      "/",
      "www",
      ".",
      "@",
      "#",
      "GH-",
      "gh",
      "-",
      "12",
      "7",
      "a5c3785",
      "ed8d6a35868bc",
      "acme",
      "/infra",
      " ",
      "mailto",
      "xmpp",
      "evil",
      ".example",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const value = pieces.join("");
        const out = text(value);
        return AUTOLINKS.every(([, p]) => !p.test(out)) && unescaped(out) === value;
      }),
      { numRuns: 3000 },
    );
  });

  it("keeps links and references inert in code spans, which GitHub never links", () => {
    expect(code("https://evil.example #1")).toBe("`https://evil.example #1`");
  });
});

describe("link()", () => {
  it("links a web address, and cannot be closed early by it", () => {
    expect(link("`abc`", "https://github.com/a/b/commit/1")).toBe(
      "[`abc`](https://github.com/a/b/commit/1)",
    );
    expect(link("`abc`", "https://x.example/a)[b](https://evil.example")).toBe(
      "[`abc`](https://x.example/a%29[b]%28https://evil.example)",
    );
    // Controls and other non-ASCII characters are percent-encoded, as a browser would.
    expect(link("`abc`", "https://x.example/\u001b[2J\u009b\u202eé")).toBe(
      "[`abc`](https://x.example/%1B[2J%C2%9B%E2%80%AE%C3%A9)",
    );
    // An address with white space in it is not one.
    expect(link("`abc`", "https://x.example/a [b](https://evil.example)")).toBe("`abc`");
  });

  it("gives only the label for anything but http(s)", () => {
    expect(link("`abc`", "javascript:alert(1)")).toBe("`abc`");
    expect(link("`abc`", undefined)).toBe("`abc`");
    expect(link("`abc`", "https://x.example/\nnext")).toBe("`abc`");
  });
});
