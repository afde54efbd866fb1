// One GitHub issue that lists the broken contracts (`mode: contracts` of the Action, run on a
// schedule): found again by its hidden marker, its label and its author; updated in place;
// reopened when something breaks again; closed when nothing is broken.

import type { GitHubPort, IssueInfo } from "./github-port.js";

export const CONTRACTS_LABEL = "blast-radius-contracts";

/** Per deps file, so two graphs in one repository keep two issues. */
export function contractsMarker(deps: string): string {
  return `<!-- blastradius:contracts ${deps.replace(/--+/g, "-").replace(/[<>\s]/g, "_")} -->`;
}

export interface ContractsIssueContent {
  /** Broken contracts (enforced: pending and waived ones do not count). */
  readonly broken: number;
  readonly title: string;
  /** The contracts' markdown, marker not included. */
  readonly markdown: string;
}

/**
 * As our comments are found: a GitHub App token (the workflow's GITHUB_TOKEN included) writes
 * as a bot, so with no login named, an issue a bot opened is ours; a person's is never.
 */
export const ANY_BOT = "[bot]";

export type ContractsIssueAction = "created" | "updated" | "reopened" | "closed" | "none";

/**
 * Keeps the issue in step: broken contracts → the issue, open, with the list; none → the issue
 * (if there is one open) updated to say so and closed. `author`: the login our runs write as
 * (or ANY_BOT); an issue with our marker that someone else opened is never taken as ours.
 */
export async function keepContractsIssue(
  port: GitHubPort,
  repo: string,
  deps: string,
  content: ContractsIssueContent,
  author: string,
): Promise<{ action: ContractsIssueAction; issue?: IssueInfo }> {
  const marker = contractsMarker(deps);
  const body = `${marker}\n${content.markdown}`;
  const ours = (await port.listIssuesWithLabel(repo, CONTRACTS_LABEL)).filter(
    (i) =>
      i.body.startsWith(marker) &&
      (author === ANY_BOT
        ? i.author.endsWith("[bot]")
        : i.author.toLowerCase() === author.toLowerCase()),
  );
  // The open one if there is one, else the most recent.
  const existing =
    ours.find((i) => i.state === "open") ?? [...ours].sort((a, b) => b.number - a.number)[0];
  if (content.broken === 0) {
    if (!existing || existing.state === "closed") return { action: "none" };
    const issue = await port.updateIssue(repo, existing.number, content.title, body, "closed");
    return { action: "closed", issue };
  }
  if (!existing)
    return {
      action: "created",
      issue: await port.createIssue(repo, content.title, body, [CONTRACTS_LABEL]),
    };
  if (existing.state === "closed") {
    const issue = await port.updateIssue(repo, existing.number, content.title, body, "open");
    return { action: "reopened", issue };
  }
  if (existing.body === body && existing.title === content.title)
    return { action: "none", issue: existing };
  return {
    action: "updated",
    issue: await port.updateIssue(repo, existing.number, content.title, body),
  };
}
