// Times as every output shows them: UTC, to the minute.

/** Seconds since the epoch -> "2026-11-27 20:20" (UTC). */
export function utcMinute(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 16).replace("T", " ");
}
