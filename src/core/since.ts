// "24h", "7d", "2w" or an ISO date -> a start time, for the windows of report and suspects.

import { InputError } from "./errors.js";

const UNIT_SECONDS: Record<string, number> = { m: 60, h: 3600, d: 86_400, w: 604_800 };

/** Seconds since the epoch where the window starts, given "now" in seconds. */
export function parseSince(value: string, now: number, flag = "--since"): number {
  const relative = /^(\d+)\s*([mhdw])$/.exec(value.trim());
  if (relative) return now - Number(relative[1]) * (UNIT_SECONDS[relative[2] as string] as number);
  const date = Date.parse(value);
  if (!Number.isNaN(date) && /^\d{4}-\d{2}-\d{2}/.test(value)) return Math.floor(date / 1000);
  throw new InputError(
    `${flag} takes a duration such as 24h, 7d or 2w, or a date such as 2026-11-01; got "${value}"`,
  );
}
