// Where a diagnostic points: a key path in a deps file (located later, when there is
// something to say), or the line of the catalog entity a node was read from.

import type { GraphNode } from "../model.js";
import { formatKeyPath, type KeyPath } from "./key-path.js";

export function at(file: string, keyPath: KeyPath, atKey = false) {
  return { file, keyPath, atKey, path: formatKeyPath(keyPath) };
}

/** A node's place: its deps.yaml key path, or the line of the catalog entity it was read from. */
export function nodeAt(node: GraphNode, keyPath: KeyPath, atKey = false) {
  return node.declaredAt.line !== undefined
    ? { file: node.declaredAt.file, line: node.declaredAt.line }
    : at(node.declaredAt.file, keyPath, atKey);
}
