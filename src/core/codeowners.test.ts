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
});
