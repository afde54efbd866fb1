// Reading parsed JSON and YAML of unknown shape without casts at every step.

export type JsonRecord = Record<string, unknown>;

/** The value as an object, or an empty one. */
export function record(value: unknown): JsonRecord {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as JsonRecord)
    : {};
}

/** The value as a list: itself, a one-item list, or empty for null and undefined. */
export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}
