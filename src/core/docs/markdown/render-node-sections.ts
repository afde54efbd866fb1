// A node page's contracts and recent upstream changes, in markdown.

import { utcMinute } from "../../render/time.js";
import type { ContractLine } from "../node-contracts.js";
import type { NodeHistory } from "../node-history.js";
import { changeLabel } from "../node-sections.js";
import {
  code,
  count,
  type Here,
  mdTable,
  nodeLink,
  paragraph,
  text,
  webLink,
} from "./fragments.js";

export function renderContractsMarkdown(
  here: Here,
  id: string,
  contracts: {
    readonly expects: readonly ContractLine[];
    readonly expectedOfIt: readonly ContractLine[];
  },
  note: string,
): string {
  const table = (lines: readonly ContractLine[], other: "upstream" | "dependent") =>
    mdTable(
      ["Contract", other === "upstream" ? "Of" : "Expected by", "Status", "Why"],
      lines.map((l) => [
        text(l.words),
        nodeLink(here, other === "upstream" ? l.upstream : l.dependent),
        `${text(l.status)}${l.waiver ? ` (waived until ${text(l.waiver.until)}: ${text(l.waiver.reason)})` : ""}`,
        text([l.detail, l.where].filter(Boolean).join(" · ")),
      ]),
    );
  const parts = ["## Contracts", paragraph(note)];
  if (contracts.expects.length === 0 && contracts.expectedOfIt.length === 0)
    parts.push(`No contract: no edge to or from ${code(id)} declares \`expects:\`.`);
  if (contracts.expects.length)
    parts.push(
      `### What it expects of what it depends on (${contracts.expects.length})`,
      table(contracts.expects, "upstream"),
    );
  if (contracts.expectedOfIt.length)
    parts.push(
      `### What its dependents expect of it (${contracts.expectedOfIt.length})`,
      table(contracts.expectedOfIt, "dependent"),
    );
  return parts.join("\n\n");
}

export function renderHistoryMarkdown(
  here: Here,
  id: string,
  history: NodeHistory,
  source: string,
): string {
  const head = `## Recent upstream changes\n\n${paragraph(`From the ${source}: changes to ${id} or anything it depends on, nearest first, then newest.`)}`;
  if (history.total === 0) return `${head}\n\nNone in this window.`;
  const table = mdTable(
    ["When (UTC)", "Change", "Author", "Touched", "Distance", "Classes"],
    history.changes.map((c) => [
      text(utcMinute(c.commit.time)),
      `${c.commit.url ? webLink(c.commit.url) : code(changeLabel(c))} ${text(c.commit.subject)}`,
      text(c.commit.author),
      nodeLink(here, c.node),
      String(c.distance),
      c.classes.map(code).join(", "),
    ]),
  );
  const shown =
    history.changes.length < history.total
      ? `\n\nThe first ${count(history.changes.length)} of ${count(history.total)}.`
      : "";
  return `${head}\n\n${table}${shown}`;
}
