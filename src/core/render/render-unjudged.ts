// What the analysis could not judge, said where people look first: an incomplete analysis
// must never read as "no risk".

import type { Unjudged } from "../model.js";
import { code, text } from "./markdown-escape.js";

/** Listed one by one at most; the rest are counted. */
const MAX_LISTED = 30;

function listed(unjudged: readonly Unjudged[]): { shown: Unjudged[]; more: number } {
  const shown = unjudged.slice(0, MAX_LISTED);
  return { shown, more: unjudged.length - shown.length };
}

/** A file name or reason can be as long as a pull request makes it: each is cut to this. */
const MAX_CHARS = 300;
const clip = (value: string) =>
  value.length > MAX_CHARS ? `${value.slice(0, MAX_CHARS)}…` : value;

const count = (n: number) => `${n} ${n === 1 ? "thing" : "things"}`;

/** A warning block for the top of a comment; empty when everything was judged. */
export function unjudgedMarkdown(unjudged: readonly Unjudged[]): string {
  if (unjudged.length === 0) return "";
  const { shown, more } = listed(unjudged);
  const lines = [
    "> [!WARNING]",
    `> **Incomplete: ${count(unjudged.length)} could not be judged.** A node such a file matches counts as changed in an unknown way; with \`fail-on\` set the gate fails on this (\`on-incomplete\`).`,
    ...shown.map(
      (u) => `> - ${u.file === undefined ? "" : `${code(clip(u.file))}: `}${text(clip(u.reason))}`,
    ),
    ...(more > 0 ? [`> - …and ${more} more`] : []),
  ];
  return lines.join("\n");
}

/** Lines for the terminal; none when everything was judged. */
export function unjudgedLines(unjudged: readonly Unjudged[]): string[] {
  if (unjudged.length === 0) return [];
  const { shown, more } = listed(unjudged);
  return [
    `Incomplete: ${count(unjudged.length)} could not be judged`,
    ...shown.map((u) => `  ${u.file === undefined ? "" : `${clip(u.file)}: `}${clip(u.reason)}`),
    ...(more > 0 ? [`  …and ${more} more`] : []),
  ];
}
