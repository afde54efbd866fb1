// What ink hands a key handler, turned into the single keys the explorer acts on. ink passes a
// run of plain characters as one `input` (tmux sends four BSpace as "\x7f\x7f\x7f\x7f", a fast
// typist "mq"), so a run is split into one key per character; control characters become the
// keys they stand for and never reach the query as text.

import type { Key } from "ink";

export type Keypress =
  | { readonly name: "text"; readonly text: string }
  | { readonly name: "ctrl"; readonly letter: string }
  | {
      readonly name: "up" | "down" | "pageUp" | "pageDown" | "enter" | "escape" | "backspace";
    };

/** The flags of ink's `Key` the explorer reads; a test passes only the ones a key sets. */
export type KeyFlags = Partial<
  Pick<
    Key,
    | "upArrow"
    | "downArrow"
    | "pageUp"
    | "pageDown"
    | "return"
    | "escape"
    | "backspace"
    | "delete"
    | "tab"
    | "ctrl"
    | "meta"
  >
>;

/** One character of a run: what it means as a key, or undefined when it means nothing here. */
function keyOfCharacter(char: string): Keypress | undefined {
  const code = char.codePointAt(0) ?? 0;
  if (char === "\r" || char === "\n") return { name: "enter" };
  if (char === "\u007f" || char === "\b") return { name: "backspace" };
  if (char === "\u001b") return { name: "escape" };
  if (char === "\t") return undefined;
  // Ctrl-A … Ctrl-Z arrive as 0x01 … 0x1a.
  if (code >= 1 && code <= 26) return { name: "ctrl", letter: String.fromCharCode(code + 96) };
  if (/\p{Cc}/u.test(char)) return undefined;
  return { name: "text", text: char };
}

export function keypressesOf(input: string, key: KeyFlags): Keypress[] {
  // ink reads an Escape followed at once by another key (a burst from tmux, a fast typist) as
  // that key with Alt held (meta; a lone Escape is meta too, with escape set). The explorer
  // binds nothing to Alt, so it is the two keys, in order: Escape, then the key.
  if (key.meta && !key.escape)
    return [{ name: "escape" }, ...keypressesOf(input, { ...key, meta: false })];
  if (key.upArrow) return [{ name: "up" }];
  if (key.downArrow) return [{ name: "down" }];
  if (key.pageUp) return [{ name: "pageUp" }];
  if (key.pageDown) return [{ name: "pageDown" }];
  if (key.return) return [{ name: "enter" }];
  if (key.escape) return [{ name: "escape" }];
  if (key.backspace || key.delete) return [{ name: "backspace" }];
  if (key.tab) return [];
  if (key.ctrl) return input.length === 1 ? [{ name: "ctrl", letter: input.toLowerCase() }] : [];
  // Keys ink names without text (arrows left and right, Home, End): unused.
  if (input === "") return [];
  return Array.from(input).flatMap((char) => keyOfCharacter(char) ?? []);
}
