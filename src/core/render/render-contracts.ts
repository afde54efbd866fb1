// The contracts part of the text and markdown outputs: broken ones with the dependent's owner
// to talk to and the two ways forward, unchecked ones with why, then pending and waived ones
// apart (shown, never failures). Kept contracts appear with the at-risk nodes they held.

import type { ContractOutcome, Impact, OwnerImpact } from "../model.js";
import { githubHandle } from "../owners.js";
import { contractFinding, contractWaysBack, ownerOf, whereOf } from "./explain.js";
import { code, text } from "./markdown-escape.js";
import { terminalText as t } from "./terminal-escape.js";

/** A waiver's reason is the PR author's text and may be long: the full one is in the JSON. */
const MAX_WAIVER_REASON = 300;

const clip = (value: string, max: number) =>
  value.length > max ? `${value.slice(0, max)}…` : value;

/** Who to talk to about a broken contract: the dependent's owner, with its contacts. */
function ownerFor(impact: Impact) {
  const owner = ownerOf(impact);
  const contacts = new Map<string, OwnerImpact>();
  for (const o of impact.owners) if (o.id !== undefined) contacts.set(o.id, o);
  return (dependent: string) => {
    const id = owner(dependent);
    return { id, contact: id === undefined ? undefined : contacts.get(id) };
  };
}

/**
 * Markdown lines for the first `max` contracts of `shown` (contractsToShow's order), with their
 * section headings; empty when there is nothing to show.
 */
export function contractsMarkdown(
  impact: Impact,
  shown: readonly ContractOutcome[],
  max: number,
  mention: boolean,
): string[] {
  if (shown.length === 0) return [];
  const out: string[] = [];
  const who = ownerFor(impact);
  const listed = shown.slice(0, max);
  const enforced = listed.filter((c) => c.status === "broken" || c.status === "unchecked");
  const lifecycle = listed.filter((c) => c.status === "pending" || c.status === "waived");
  const said = (c: ContractOutcome) => {
    const where = c.evidence ? whereOf(c.evidence) : undefined;
    return `${code(c.dependent)} expects of ${code(c.upstream)}: ${text(c.expectation)} — ${text(contractFinding(c))}${where ? ` (${code(where)})` : ""}`;
  };
  if (enforced.length > 0) {
    out.push("**Contracts:**", "");
    for (const c of enforced) {
      if (c.status === "unchecked") {
        out.push(`- ⚪ not checked: ${said(c)}`);
        continue;
      }
      const expired = c.waiver?.expired ? ` (waiver ended ${text(c.waiver.until)})` : "";
      out.push(`- 🔴 broken${expired}: ${said(c)}`);
      const { id, contact } = who(c.dependent);
      if (id === undefined) {
        out.push(
          `  - Talk to: ${code(c.dependent)} has no owner in deps.yaml; whoever runs it decides.`,
        );
      } else {
        const handle = contact && githubHandle(contact);
        const reach = [
          handle && (mention ? handle : code(handle)),
          contact?.chat && code(contact.chat),
        ].filter(Boolean);
        out.push(
          `  - Talk to ${code(id)}${reach.length ? ` ${reach.join(" ")}` : ""}, owner of ${code(c.dependent)}.`,
        );
      }
      const ways = contractWaysBack(c, (s) => `\`${s}\``);
      out.push(`  - Ways forward: either ${ways.keep}, ${ways.change}.`);
    }
    out.push("");
  }
  if (lifecycle.length > 0) {
    out.push("**Pending and waived contracts** (shown, not enforced):", "");
    for (const c of lifecycle) {
      if (c.status === "pending") out.push(`- ⏳ pending: would break: ${said(c)}`);
      else
        out.push(
          `- ⏸️ waived until ${text(c.waiver?.until ?? "?")} (${text(clip(c.waiver?.reason ?? "", MAX_WAIVER_REASON))}): ${said(c)}`,
        );
    }
    out.push("");
  }
  if (shown.length > listed.length) {
    out.push(
      `_…and ${shown.length - listed.length} more contracts; \`blastradius check --format json\` lists them all._`,
      "",
    );
  }
  return out;
}

/** Text lines for every contract in `shown`, under its heading; `paint` is the renderer's. */
export function contractsText(
  impact: Impact,
  shown: readonly ContractOutcome[],
  paint: (style: "red" | "yellow" | "dim" | "bold", value: string) => string,
): string[] {
  if (shown.length === 0) return [];
  const out: string[] = [];
  const who = ownerFor(impact);
  const said = (c: ContractOutcome) => {
    const where = c.evidence ? whereOf(c.evidence) : undefined;
    return `${t(c.dependent)} expects of ${t(c.upstream)}: ${t(c.expectation)} — ${t(contractFinding(c))}${where ? paint("dim", ` (${t(where)})`) : ""}`;
  };
  const enforced = shown.filter((c) => c.status === "broken" || c.status === "unchecked");
  const lifecycle = shown.filter((c) => c.status === "pending" || c.status === "waived");
  if (enforced.length > 0) {
    out.push("", paint("bold", "Contracts"));
    for (const c of enforced) {
      if (c.status === "unchecked") {
        out.push(`  ${paint("dim", "not checked")} ${said(c)}`);
        continue;
      }
      const expired = c.waiver?.expired ? ` (waiver ended ${t(c.waiver.until)})` : "";
      out.push(`  ${paint("red", `BROKEN${expired}`)} ${said(c)}`);
      const { id, contact } = who(c.dependent);
      const reach = t([contact?.github, contact?.chat].filter(Boolean).join(", "));
      out.push(
        id === undefined
          ? `    talk to: ${t(c.dependent)} has no owner in deps.yaml`
          : `    talk to ${t(id)}${reach ? ` (${reach})` : ""}, owner of ${t(c.dependent)}`,
      );
      const ways = contractWaysBack(c);
      out.push(`    ways forward: either ${ways.keep},`, `      ${ways.change}`);
    }
  }
  if (lifecycle.length > 0) {
    out.push("", paint("bold", "Pending and waived contracts (shown, not enforced)"));
    for (const c of lifecycle) {
      if (c.status === "pending")
        out.push(`  ${paint("yellow", "pending")}: would break: ${said(c)}`);
      else
        out.push(
          `  ${paint("dim", `waived until ${t(c.waiver?.until ?? "?")}`)} (${t(clip(c.waiver?.reason ?? "", MAX_WAIVER_REASON))}): ${said(c)}`,
        );
    }
  }
  return out;
}
