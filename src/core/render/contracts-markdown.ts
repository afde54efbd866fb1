// The contracts matrix in markdown: printed by `contracts --format markdown`, and the body of
// the issue the Action keeps for broken contracts. Always under GitHub's 65,536 characters:
// rows go least urgent first (kept, then unchecked …), never mid-row, and it says what was cut.

import {
  byUrgency,
  type ContractMatrix,
  type ContractRow,
  countsLine,
  type OwnerContact,
} from "../contracts-state.js";
import type { ContractStatus } from "../model.js";
import { code, text } from "./markdown-escape.js";
import { GITHUB_COMMENT_LIMIT } from "./render-markdown.js";

export interface ContractsMarkdownOptions {
  /** Stop under this many characters (default GitHub's limit for an issue or comment body). */
  readonly limit?: number;
  /** Extra text for the end (the Action's marker). Counted against the limit. */
  readonly footer?: string;
}

const LABEL: Record<ContractStatus, string> = {
  broken: "🔴 broken",
  waived: "🟡 waived",
  pending: "🔵 pending",
  unchecked: "⚪ unchecked",
  kept: "🟢 kept",
};

/** A cell's foreign text, at most this long: one long reason cannot crowd out the rest. */
const MAX_CELL = 400;

const cut = (value: string) =>
  value.length > MAX_CELL ? `${value.slice(0, MAX_CELL - 1)}…` : value;

/** An owner as inert text: the id and its handle in code, so nobody is pinged. */
function ownerCell(owner: OwnerContact | undefined): string {
  if (!owner) return "no owner";
  const ways = [owner.github, owner.chat, owner.email].filter((w) => w !== undefined);
  return [code(cut(owner.id)), ...ways.map((w) => code(cut(w)))].join(" ");
}

function rowLine(row: ContractRow): string {
  const where = [
    row.where ? code(cut(row.where)) : "",
    row.declaredAt ? `declared at ${code(cut(row.declaredAt))}` : "",
  ]
    .filter((w) => w !== "")
    .join("<br>");
  return `| ${LABEL[row.status]} | ${code(cut(row.dependent))}<br>${ownerCell(row.dependentOwner)} | ${code(cut(row.upstream))}<br>${ownerCell(row.upstreamOwner)} | ${code(cut(row.expectation))} | ${text(cut(row.reason))} | ${where || "—"} |`;
}

function heading(matrix: ContractMatrix): string {
  const { counts } = matrix;
  if (matrix.rows.length === 0) return "### 🟢 blastradius contracts: none declared";
  if (counts.broken > 0)
    return `### 🔴 blastradius contracts: ${counts.broken} broken of ${matrix.rows.length}`;
  return `### 🟢 blastradius contracts: none of ${matrix.rows.length} broken`;
}

function sourceLine(matrix: ContractMatrix): string {
  const { source } = matrix;
  const at =
    source.kind === "plan"
      ? `the planned state of ${code(source.name)}`
      : `${code(source.name)}${source.commit ? ` (${code(source.commit.slice(0, 12))})` : ""}`;
  return `Verified against ${at}: ${countsLine(matrix.counts)}.`;
}

function compose(
  matrix: ContractMatrix,
  rows: readonly ContractRow[],
  shown: number,
  options: ContractsMarkdownOptions,
): string {
  const out: string[] = [heading(matrix), ""];
  if (matrix.rows.length === 0) {
    out.push("No edge of the graph declares `expects:`, so there is nothing to verify.", "");
  } else {
    out.push(sourceLine(matrix), "");
    out.push(
      "| Status | Dependent (owner) | Upstream (owner) | Expectation | Reason | Where |",
      "|---|---|---|---|---|---|",
    );
    for (const row of rows.slice(0, shown)) out.push(rowLine(row));
    if (shown < rows.length) {
      const left = new Map<ContractStatus, number>();
      for (const row of rows.slice(shown)) left.set(row.status, (left.get(row.status) ?? 0) + 1);
      const which = [...left].map(([status, n]) => `${n} ${status}`).join(", ");
      out.push(
        "",
        `_…and ${rows.length - shown} more contracts (${which}), not listed to stay within GitHub's size limit; run \`blastradius contracts --format json\` for all._`,
      );
    }
    out.push("");
  }
  if (matrix.notes.length > 0) {
    out.push("<details><summary>Not read</summary>", "");
    for (const note of matrix.notes.slice(0, 20)) out.push(`- ${text(cut(note))}`);
    if (matrix.notes.length > 20) out.push(`- …and ${matrix.notes.length - 20} more`);
    out.push("", "</details>", "");
  }
  if (options.footer) out.push(options.footer);
  return `${out.join("\n").trimEnd()}\n`;
}

export function renderContractsMarkdown(
  matrix: ContractMatrix,
  options: ContractsMarkdownOptions = {},
): string {
  const limit = options.limit ?? GITHUB_COMMENT_LIMIT;
  const rows = byUrgency(matrix.rows);
  const body = compose(matrix, rows, rows.length, options);
  if (body.length < limit) return body;
  // The most rows that fit (a monotone test: more rows, a longer body).
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (compose(matrix, rows, mid, options).length < limit) low = mid;
    else high = mid - 1;
  }
  return compose(matrix, rows, low, options);
}
