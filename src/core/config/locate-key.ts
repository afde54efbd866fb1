// Finds the line and column of a key path in YAML text. Run only when there is
// something to report, so a valid file is parsed once.

import { EVENT_ID, type Event, getScalarValue, parseEvents, type ScalarEvent } from "js-yaml";
import type { KeyPath } from "./key-path.js";
import { lineIndex, type Position } from "./line-index.js";

interface TreeNode {
  readonly start: number;
  readonly entries?: { key: string; keyStart: number; value: TreeNode }[];
  readonly items?: TreeNode[];
}

export class KeyLocator {
  readonly #text: string;
  #root: TreeNode | null | undefined;
  #position: ((offset: number) => Position) | undefined;

  constructor(text: string) {
    this.#text = text;
  }

  /** The position of the key (atKey) or of its value; the nearest enclosing one if absent. */
  locate(path: KeyPath, atKey: boolean): Position | undefined {
    const root = this.#tree();
    if (!root) return undefined;
    let node: TreeNode = root;
    let offset = root.start;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i];
      const last = i === path.length - 1;
      if (typeof segment === "number" && node.items) {
        const item = node.items[segment];
        if (!item) break;
        node = item;
        offset = item.start;
      } else if (typeof segment === "string" && node.entries) {
        // The last duplicate wins, as in the loaded data.
        const entry = node.entries.findLast((e) => e.key === segment);
        if (!entry) break;
        node = entry.value;
        offset = last && atKey ? entry.keyStart : entry.value.start;
      } else break;
    }
    return this.position(offset);
  }

  position(offset: number): Position {
    this.#position ??= lineIndex(this.#text);
    return this.#position(offset);
  }

  #tree(): TreeNode | null {
    if (this.#root === undefined) {
      try {
        this.#root = buildTree(this.#text, parseEvents(this.#text, {}));
      } catch {
        this.#root = null;
      }
    }
    return this.#root;
  }
}

function buildTree(text: string, events: Event[]): TreeNode | null {
  let index = 0;
  const next = (): TreeNode | undefined => {
    const event = events[index++];
    if (!event) return undefined;
    switch (event.type) {
      case EVENT_ID.SCALAR:
        return { start: event.valueStart };
      case EVENT_ID.ALIAS:
        return { start: event.anchorStart > 0 ? event.anchorStart - 1 : 0 };
      case EVENT_ID.SEQUENCE: {
        const items: TreeNode[] = [];
        while (events[index] && events[index]?.type !== EVENT_ID.POP) {
          const item = next();
          if (item) items.push(item);
        }
        index++;
        return { start: event.start, items };
      }
      case EVENT_ID.MAPPING: {
        const entries: { key: string; keyStart: number; value: TreeNode }[] = [];
        while (events[index] && events[index]?.type !== EVENT_ID.POP) {
          const keyEvent = events[index];
          const key =
            keyEvent?.type === EVENT_ID.SCALAR ? getScalarValue(text, keyEvent as ScalarEvent) : "";
          const keyNode = next();
          const value = next();
          // An empty value (`key:` and nothing) has no position of its own: point at its key.
          if (keyNode && value)
            entries.push({
              key,
              keyStart: keyNode.start,
              value: value.start < 0 ? { ...value, start: keyNode.start } : value,
            });
        }
        index++;
        return { start: event.start, entries };
      }
      default:
        return undefined;
    }
  };
  const first = events[index];
  if (first?.type !== EVENT_ID.DOCUMENT) return null;
  index++;
  return next() ?? null;
}
