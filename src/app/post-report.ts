// One GitHub issue per week for the report: found again by its hidden marker and label,
// updated in place, never duplicated.

import type { Report } from "../core/report/build-report.js";
import type { GitHubPort, IssueInfo } from "./github-port.js";

export const REPORT_LABEL = "blast-radius-report";

/** The ISO week of a time: 2026-W48. */
export function isoWeek(seconds: number): string {
  const date = new Date(seconds * 1000);
  const day = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - day + 3);
  const firstThursday = new Date(Date.UTC(date.getUTCFullYear(), 0, 4));
  const week =
    1 +
    Math.round(
      ((date.getTime() - firstThursday.getTime()) / 86_400_000 -
        3 +
        ((firstThursday.getUTCDay() + 6) % 7)) /
        7,
    );
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

export function reportMarker(week: string): string {
  return `<!-- blastradius:report ${week} -->`;
}

/** Creates this week's issue (the week of the report's end), or updates it. */
export async function postReportIssue(
  port: GitHubPort,
  repo: string,
  report: Report,
  markdown: string,
): Promise<{ action: "created" | "updated"; issue: IssueInfo }> {
  const week = isoWeek(report.until);
  const title = `Blast-radius report ${week}: ${report.headline.withImpact} of ${report.headline.changes} changes with downstream impact`;
  const marker = reportMarker(week);
  const body = `${marker}\n${markdown}`;
  const existing = (await port.listIssuesWithLabel(repo, REPORT_LABEL)).find((i) =>
    i.body.startsWith(marker),
  );
  if (existing) {
    return { action: "updated", issue: await port.updateIssue(repo, existing.number, title, body) };
  }
  return { action: "created", issue: await port.createIssue(repo, title, body, [REPORT_LABEL]) };
}
