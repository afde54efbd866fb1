// The contracts matrix for a person at a terminal. Every string from the graph or the files
// goes through `t` (terminal-escape): the only escape sequences printed are our own colours.

import {
  byUrgency,
  type ContractMatrix,
  type ContractRow,
  countsLine,
  type OwnerContact,
  sourceLabel,
} from "../contracts-state.js";
import type { ContractStatus } from "../model.js";
import { terminalText as t } from "./terminal-escape.js";

export interface ContractsTextOptions {
  readonly color?: boolean;
}

const ANSI = { red: 31, yellow: 33, green: 32, cyan: 36, dim: 2, bold: 1 } as const;
type Style = keyof typeof ANSI;

const STYLE: Record<ContractStatus, Style> = {
  broken: "red",
  waived: "yellow",
  pending: "cyan",
  unchecked: "yellow",
  kept: "green",
};

/** "iam-platform (@acme/iam-platform, #iam-platform)", or "no owner". */
export function contactText(owner: OwnerContact | undefined): string {
  if (!owner) return "no owner";
  const ways = [owner.github, owner.chat, owner.email].filter((w) => w !== undefined);
  return ways.length > 0 ? `${owner.id} (${ways.join(", ")})` : owner.id;
}

export function renderContractsText(
  matrix: ContractMatrix,
  options: ContractsTextOptions = {},
): string {
  const paint = (style: Style, value: string) =>
    options.color ? `\u001b[${ANSI[style]}m${value}\u001b[0m` : value;
  const lines: string[] = [];
  const head = `${paint("bold", "blastradius contracts")} at ${t(sourceLabel(matrix.source))}`;
  if (matrix.rows.length === 0) {
    lines.push(`${head}: no contracts.`, "", "No edge of the graph declares `expects:`.");
  } else {
    lines.push(`${head}: ${countsLine(matrix.counts)}`);
    for (const row of byUrgency(matrix.rows)) lines.push("", ...rowLines(row, paint));
  }
  if (matrix.notes.length > 0) {
    lines.push("", paint("bold", "Not read"));
    for (const note of matrix.notes) lines.push(`  - ${t(note)}`);
  }
  return `${lines.join("\n")}\n`;
}

function rowLines(row: ContractRow, paint: (style: Style, value: string) => string): string[] {
  const status = paint(STYLE[row.status], row.status.toUpperCase().padEnd(9));
  const indent = " ".repeat(11);
  const places = [
    row.where ? `at ${t(row.where)}` : undefined,
    row.declaredAt ? `declared at ${t(row.declaredAt)}` : undefined,
  ].filter((p) => p !== undefined);
  return [
    `${status}  ${paint("bold", t(row.dependent))} → ${t(row.upstream)}: ${t(row.expectation)}`,
    `${indent}${t(row.reason)}`,
    ...(places.length > 0 ? [paint("dim", `${indent}${places.join(" · ")}`)] : []),
    paint(
      "dim",
      `${indent}dependent: ${t(contactText(row.dependentOwner))} · upstream: ${t(contactText(row.upstreamOwner))}`,
    ),
  ];
}
