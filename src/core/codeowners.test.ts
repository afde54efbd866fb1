import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ownersOf, parseCodeowners } from "./codeowners.js";

// The example file from GitHub's documentation ("About code owners"), abridged.
const GITHUB_EXAMPLE = `# This is a comment.
# Each line is a file pattern followed by one or more owners.

# These owners will be the default owners for everything in
# the repo. Unless a later match takes precedence,
# @global-owner1 and @global-owner2 will be requested for
# review when someone opens a pull request.
*       @global-owner1 @global-owner2

# Order is important; the last matching pattern takes the most
# precedence. When someone opens a pull request that only
# modifies JS files, only @js-owner and not the global
# owner(s) will be requested for a review.
*.js    @js-owner #This is an inline comment.

# You can also use email addresses if you prefer.
*.go docs@example.com

# Teams can be specified as code owners as well.
*.txt @octo-org/octocats

# In this example, @doctocat owns any files in the build/logs
# directory at the root of the repository and any of its
# subdirectories.
/build/logs/ @doctocat

# The \`docs/*\` pattern will match files like
# \`docs/getting-started.md\` but not further nested files like
# \`docs/build-app/troubleshooting.md\`.
docs/*  docs@example.com

# In this example, @octocat owns any file in an apps directory
# anywhere in your repository.
apps/ @octocat

# In this example, @doctocat owns any file in the \`/docs\`
# directory in the root of your repository and any of its
# subdirectories.
/docs/ @doctocat

# In this example, any change inside the \`/scripts\` directory
# will require approval from @doctocat or @octocat.
/scripts/ @doctocat @octocat

# In this example, @octocat owns any file in a \`/logs\` directory such as
# \`/build/logs\`, \`/scripts/logs\`, and \`/deeply/nested/logs\`. Any changes
# in a \`/logs\` directory will require approval from @octocat.
**/logs @octocat

# In this example, @octocat owns any file in the \`/apps\`
# directory in the root of your repository except for the \`/apps/github\`
# subdirectory, as its owners are left empty. Without an owner, changes
# to \`apps/github\` can be made with the approval of any user who has
# write access to the repository.
/apps/ @octocat
/apps/github

# In this example, @octocat owns any file in the \`/apps\`
# directory in the root of your repository except for the \`/apps/github\`
# subdirectory, as this subdirectory has its own owner @doctocat
/apps/ @octocat
/apps/github @doctocat
`;

describe("CODEOWNERS", () => {
  const codeowners = parseCodeowners(GITHUB_EXAMPLE, ".github/CODEOWNERS");
  const owners = (path: string) => ownersOf(codeowners, path)?.owners;

  it("reads GitHub's documented example as GitHub does: the last matching line wins", () => {
    expect(codeowners.problems).toEqual([]);
    expect(owners("README.md")).toEqual(["@global-owner1", "@global-owner2"]);
    expect(owners("src/app.js")).toEqual(["@js-owner"]);
    expect(owners("cmd/main.go")).toEqual(["docs@example.com"]);
    expect(owners("notes/a.txt")).toEqual(["@octo-org/octocats"]);
    expect(owners("build/logs/x/y.log")).toEqual(["@octocat"]); // **/logs is later
    expect(owners("docs/getting-started.md")).toEqual(["@doctocat"]); // /docs/ is later
    expect(owners("scripts/deploy.sh")).toEqual(["@doctocat", "@octocat"]);
    expect(owners("deeply/nested/logs/a.txt")).toEqual(["@octocat"]);
    expect(owners("apps/github/x.rb")).toEqual(["@doctocat"]);
    expect(owners("apps/web/x.rb")).toEqual(["@octocat"]);
    expect(owners("lib/apps/x.rb")).toEqual(["@octocat"]);
    expect(ownersOf(codeowners, "src/app.js")?.rule.line).toBe(14);
  });

  it("docs/* owns only the files directly in docs/; a line without owners unowns", () => {
    const c = parseCodeowners("* @all\ndocs/* @docs\n/apps/ @apps\n/apps/github\n", "CODEOWNERS");
    expect(ownersOf(c, "docs/a.md")?.owners).toEqual(["@docs"]);
    expect(ownersOf(c, "docs/build-app/t.md")?.owners).toEqual(["@all"]);
    expect(ownersOf(c, "x/docs/a.md")?.owners).toEqual(["@all"]);
    expect(ownersOf(c, "apps/github/a")?.owners).toEqual([]);
    expect(ownersOf(c, "apps/other/a")?.owners).toEqual(["@apps"]);
  });

  it("skips what GitHub skips, saying which line", () => {
    const c = parseCodeowners(
      "!secret.txt @a\n[Section]\n*.md not-a-handle\n\\#file @b\nfile[0-9] @c\n*.tf @org/infra\n",
      "CODEOWNERS",
    );
    expect(c.problems.map((p) => p.line)).toEqual([1, 2, 3, 4, 5]);
    expect(c.rules.map((r) => r.pattern)).toEqual(["*.tf"]);
    expect(ownersOf(c, "infra/main.tf")?.owners).toEqual(["@org/infra"]);
    expect(ownersOf(c, "README.md")).toBeUndefined();
  });

  it("matches as the regular expressions it used to compile to, on random patterns and paths", () => {
    const pattern = fc
      .array(fc.constantFrom("a", "b", "*", "**", "?", "a*", "*.js", "{x}", "(y)", "a+b", ".c"), {
        minLength: 1,
        maxLength: 4,
      })
      .chain((segments) =>
        fc
          .constantFrom("", "/")
          .chain((lead) =>
            fc.constantFrom("", "/").map((trail) => `${lead}${segments.join("/")}${trail}`),
          ),
      )
      .filter((p) => p !== "/" && !p.includes("//"));
    const segment = fc.constantFrom("a", "b", "ab", "x.js", "{x}", "(y)", "a+b", ".c", "c");
    const path = fc.array(segment, { minLength: 1, maxLength: 5 }).map((s) => s.join("/"));
    fc.assert(
      fc.property(pattern, fc.array(path, { minLength: 1, maxLength: 6 }), (p, paths) => {
        const rule = parseCodeowners(`${p} @o`, "CODEOWNERS").rules[0];
        if (!rule) return;
        const model = regexModel(p);
        for (const x of paths) expect(rule.matches(x), `${p} on ${x}`).toBe(model(x));
      }),
      { numRuns: 2000 },
    );
  });

  it("matches in linear time a pattern whose regex backtracks on a long path", () => {
    const c = parseCodeowners("**/a/**/a/**/a/**/*.json @o\n", "CODEOWNERS");
    const path = `${"a/".repeat(3000)}x.txt`;
    expect(ownersOf(c, path)).toBeUndefined();
    expect(ownersOf(c, "a/b/a/a/c/x.json")?.owners).toEqual(["@o"]);
  });
});

/** The regular expressions CODEOWNERS patterns used to compile to: the reference model. */
function regexModel(pattern: string): (path: string) => boolean {
  let p = pattern;
  const dirOnly = p.endsWith("/") && p.length > 1;
  if (dirOnly) p = p.slice(0, -1);
  const anchored = p.startsWith("/") || p.includes("/");
  p = p.replace(/^\/+/, "");
  const body = p
    .split("/")
    .map((segment, i, all) => {
      if (segment === "**") return i === all.length - 1 ? ".*" : "(?:.*/)?";
      const re = segment
        .replace(/[.+^${}()|\\]/g, "\\$&")
        .replace(/\*/g, "[^/]*")
        .replace(/\?/g, "[^/]");
      return i === all.length - 1 ? re : `${re}/`;
    })
    .join("");
  const prefix = anchored ? "^" : "^(?:.*/)?";
  const file = new RegExp(`${prefix}${body}$`);
  const below = new RegExp(`${prefix}${body}/`);
  const directOnly = /(^|\/)\*$/.test(p) && p !== "*";
  return (path) => (!dirOnly && file.test(path)) || (!directOnly && below.test(path));
}
