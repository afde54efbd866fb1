import { describe, expect, it } from "vitest";
import { keypressesOf } from "./keys.js";

describe("keys as ink hands them over", () => {
  it("a named key is that key, whatever its text", () => {
    expect(keypressesOf("", { upArrow: true })).toEqual([{ name: "up" }]);
    expect(keypressesOf("", { downArrow: true })).toEqual([{ name: "down" }]);
    expect(keypressesOf("", { pageUp: true })).toEqual([{ name: "pageUp" }]);
    expect(keypressesOf("", { pageDown: true })).toEqual([{ name: "pageDown" }]);
    expect(keypressesOf("", { return: true })).toEqual([{ name: "enter" }]);
    expect(keypressesOf("", { escape: true, meta: true })).toEqual([{ name: "escape" }]);
    expect(keypressesOf("", { delete: true })).toEqual([{ name: "backspace" }]);
    expect(keypressesOf("", { backspace: true })).toEqual([{ name: "backspace" }]);
    expect(keypressesOf("u", { ctrl: true })).toEqual([{ name: "ctrl", letter: "u" }]);
    expect(keypressesOf("", { tab: true })).toEqual([]);
    // Escape and a key arriving together: ink sets meta (Alt); they are the two keys.
    expect(keypressesOf("x", { meta: true })).toEqual([
      { name: "escape" },
      { name: "text", text: "x" },
    ]);
    expect(keypressesOf("", { meta: true, upArrow: true })).toEqual([
      { name: "escape" },
      { name: "up" },
    ]);
    // Left, right, Home, End: ink gives no text, and the explorer has no use for them.
    expect(keypressesOf("", {})).toEqual([]);
  });

  it("a run of characters is one key per character, control characters as their keys", () => {
    expect(keypressesOf("mq", {})).toEqual([
      { name: "text", text: "m" },
      { name: "text", text: "q" },
    ]);
    expect(keypressesOf("\u007f\u007f\u007f\u007f", {})).toEqual(
      Array(4).fill({ name: "backspace" }),
    );
    expect(keypressesOf("a\r\n\b\u0015\u0003\u001b", {})).toEqual([
      { name: "text", text: "a" },
      { name: "enter" },
      { name: "enter" },
      { name: "backspace" },
      { name: "ctrl", letter: "u" },
      { name: "ctrl", letter: "c" },
      { name: "escape" },
    ]);
  });

  it("other control characters mean nothing; other characters are text, whole", () => {
    expect(keypressesOf("\u0000\t\u009b\u001f", {})).toEqual([]);
    expect(keypressesOf("é🙂", {})).toEqual([
      { name: "text", text: "é" },
      { name: "text", text: "🙂" },
    ]);
  });
});
