// The commits in ../shared/realdata/iam-history that come as patches only: each hunk of a
// file, before and after, as the Terraform around it (derived test input, not a real file).
// A hunk under a block header is wrapped in that header; open blocks are closed.

export interface Fragments {
  readonly base: string;
  readonly head: string;
}

/** `{` minus `}` outside double-quoted strings (where `${…}` lives). */
function depth(text: string): number {
  let d = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === "\\") i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === "#") while (i < text.length && text[i] !== "\n") i++;
    else if (c === "{") d++;
    else if (c === "}") d--;
  }
  return d;
}

/**
 * The hunk's lines as a standalone piece of Terraform. Under a block header, a hunk that
 * starts inside a nested block of a policy document gets a `statement {` opened for it, and
 * closers of blocks it cannot see are dropped; without a header, lines that close a block
 * opened before the hunk are dropped with what came before them. Open blocks are closed.
 */
function close(header: string | undefined, lines: readonly string[]): string {
  const filler = header?.startsWith('data "aws_iam_policy_document"') ? "statement {" : undefined;
  let kept: string[] = [];
  let running = 0;
  let filled = false;
  for (const line of lines) {
    const next = running + depth(line);
    if (next < 0) {
      if (header && filler && !filled) {
        kept = [filler, ...kept];
        filled = true;
        running = next + 1;
        kept.push(line);
      } else if (header) {
        // A closer of a block outside what the hunk shows.
      } else {
        kept = [];
        running = 0;
      }
      continue;
    }
    running = next;
    kept.push(line);
  }
  const body = [header ?? "", ...kept].join("\n");
  return `${body}\n${"}\n".repeat(Math.max(0, depth(body)))}`;
}

export function fragmentsFromPatch(patch: string, path: string): Fragments[] {
  const section = patch.split(/^diff --git /m).find((s) => s.startsWith(`a/${path} b/${path}`));
  if (!section) throw new Error(`no diff for ${path}`);
  const hunks: Fragments[] = [];
  for (const hunk of section.split(/^@@ /m).slice(1)) {
    const [first = "", ...lines] = hunk.split("\n");
    const heading = first.replace(/^[^@]*@@\s?/, "");
    const header = /^(resource|data)\s+"[^"]+"\s+"[^"]+"\s*\{\s*$/.test(heading)
      ? heading
      : undefined;
    const before = lines
      .filter((l) => l.startsWith(" ") || l.startsWith("-") || l === "")
      .map((l) => l.slice(1));
    const after = lines
      .filter((l) => l.startsWith(" ") || l.startsWith("+") || l === "")
      .map((l) => l.slice(1));
    hunks.push({ base: close(header, before), head: close(header, after) });
  }
  return hunks;
}
