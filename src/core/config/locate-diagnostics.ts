import type { Diagnostic } from "../model.js";
import { KeyLocator } from "./locate-key.js";

/** Fills in line and column from the key path, parsing each file at most once more. */
export function locateDiagnostics(
  diagnostics: readonly Diagnostic[],
  sources: ReadonlyMap<string, string>,
): Diagnostic[] {
  const locators = new Map<string, KeyLocator>();
  const fileOrder = [...sources.keys()];
  const located = diagnostics.map((diagnostic) => {
    if (diagnostic.line !== undefined || !diagnostic.keyPath) return diagnostic;
    const text = sources.get(diagnostic.file);
    if (text === undefined) return diagnostic;
    let locator = locators.get(diagnostic.file);
    if (!locator) {
      locator = new KeyLocator(text);
      locators.set(diagnostic.file, locator);
    }
    const position = locator.locate(diagnostic.keyPath, diagnostic.atKey ?? false);
    return position ? { ...diagnostic, ...position } : diagnostic;
  });
  // In reading order: by file as read, then line; stable for equal positions.
  const rank = (file: string) => {
    const i = fileOrder.indexOf(file);
    return i < 0 ? fileOrder.length : i;
  };
  return located.sort(
    (a, b) =>
      rank(a.file) - rank(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
}

export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where =
    diagnostic.line !== undefined
      ? `${diagnostic.file}:${diagnostic.line}${diagnostic.column !== undefined ? `:${diagnostic.column}` : ""}`
      : diagnostic.file;
  const key = diagnostic.path ? ` ${diagnostic.path}` : "";
  const hint = diagnostic.hint ? ` (${diagnostic.hint})` : "";
  return `${where}${key}: ${diagnostic.severity}: ${diagnostic.message}${hint}`;
}
