// GitHub's CODEOWNERS: who owns a path. Its own syntax, not quite gitignore's: the last
// matching line wins, a line without owners leaves its files unowned, `docs/*` owns only
// the files directly in docs/, and `!`, `[ ]` and escaped `#` are not supported (GitHub skips
// such lines, and so does this, with a warning).

import { GITHUB_HANDLE_PATTERN } from "./config/deps-schema.js";
import { compileGlob, escapeGlob } from "./locate/glob.js";
import type { Diagnostic } from "./model.js";

/** Where GitHub looks, in order; the first that exists is the one used. */
export const CODEOWNERS_LOCATIONS = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"];

export interface CodeownersRule {
  readonly pattern: string;
  /** `@user`, `@org/team` or an email address; empty: the files are unowned. */
  readonly owners: readonly string[];
  readonly line: number;
  readonly matches: (path: string) => boolean;
}

export interface Codeowners {
  readonly file: string;
  readonly rules: readonly CodeownersRule[];
  /** Lines GitHub would skip. */
  readonly problems: readonly Diagnostic[];
}

const USER_OR_TEAM = new RegExp(GITHUB_HANDLE_PATTERN);
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export function parseCodeowners(text: string, file: string): Codeowners {
  const rules: CodeownersRule[] = [];
  const problems: Diagnostic[] = [];
  const skip = (line: number, message: string, hint: string) =>
    problems.push({
      severity: "warning",
      code: "codeowners-skipped-line",
      file,
      line,
      message,
      hint,
    });
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    // A comment runs from a # at the start of the line, or after white space.
    const content = raw.replace(/(^|\s)#.*$/, "").trim();
    if (content === "") return;
    const [pattern, ...owners] = content.split(/\s+/) as [string, ...string[]];
    if (/^\[.*\]$/.test(content) || pattern.startsWith("^[")) {
      skip(line, `"${content}" is a GitLab section header; GitHub ignores it`, "remove it");
      return;
    }
    if (pattern.startsWith("!") || /[[\]]/.test(pattern) || pattern.includes("\\")) {
      skip(
        line,
        `pattern "${pattern}" uses ${pattern.startsWith("!") ? "negation (!)" : /[[\]]/.test(pattern) ? "a character range ([ ])" : "an escape (\\)"}, which GitHub's CODEOWNERS does not support; GitHub skips this line`,
        "write the pattern without it",
      );
      return;
    }
    const bad = owners.find((o) => !USER_OR_TEAM.test(o) && !EMAIL.test(o));
    if (bad !== undefined) {
      skip(
        line,
        `"${bad}" is not an owner (@user, @org/team or an email address); GitHub skips this line`,
        "fix the handle",
      );
      return;
    }
    rules.push({ pattern, owners, line, matches: compilePattern(pattern) });
  });
  return { file, rules, problems };
}

/** The owners of a path, and the line that decides it: the last matching rule. */
export function ownersOf(
  codeowners: Codeowners,
  path: string,
): { readonly owners: readonly string[]; readonly rule: CodeownersRule } | undefined {
  for (let i = codeowners.rules.length - 1; i >= 0; i--) {
    const rule = codeowners.rules[i] as CodeownersRule;
    if (rule.matches(path)) return { owners: rule.owners, rule };
  }
  return undefined;
}

function compilePattern(pattern: string): (path: string) => boolean {
  let p = pattern;
  const dirOnly = p.endsWith("/") && p.length > 1;
  if (dirOnly) p = p.slice(0, -1);
  // A slash at the start or in the middle anchors the pattern at the repository root.
  const anchored = p.startsWith("/") || p.includes("/");
  p = p.replace(/^\/+/, "");
  const segments = p.split("/");
  // Compiled to a path glob (linear time, whatever the path): `*` and `?` stay within a
  // segment, `**` is any number of segments (at the end, at least one), the rest is literal.
  const body = segments
    .map((segment, i) =>
      segment !== "**"
        ? segment
            .replace(/\*+/g, "*")
            .split(/([*?])/)
            .map((piece) => (piece === "*" || piece === "?" ? piece : escapeGlob(piece)))
            .join("")
        : i === segments.length - 1
          ? "*/**"
          : "**",
    )
    .join("/");
  const prefix = anchored ? "" : "**/";
  const options = { dotSegments: false, exactSpelling: false };
  const file = compileGlob(`${prefix}${body}`, options);
  // Anything below the folder the pattern names: one or more segments after it.
  const below = compileGlob(`${prefix}${body}/*/**`, options);
  // `docs/*` owns the files directly in docs/, not those further down (GitHub's documented rule).
  const directOnly = /(^|\/)\*$/.test(p) && p !== "*";
  return (path) => (!dirOnly && file.test(path)) || (!directOnly && below.test(path));
}
