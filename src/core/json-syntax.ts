// Where a JSON text first stops being JSON, found by one pass without recursion: V8's
// JSON.parse names no position for many errors ("Unexpected token ',', ... is not valid JSON"),
// and a user told "not JSON" must be able to find the line.

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;
const ESCAPE = /["\\/bfnrt]|u[0-9a-fA-F]{4}/y;

/** The offset just after the string starting at `start` (a quote), or the offset of its fault. */
function stringEnd(text: string, start: number): { end: number } | { fault: number } {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return { end: i + 1 };
    if (c < 0x20) return { fault: i };
    if (c === 0x5c) {
      ESCAPE.lastIndex = i + 1;
      const m = ESCAPE.exec(text);
      if (!m) return { fault: i };
      i += m[0].length;
    }
  }
  return { fault: text.length };
}

type Want = "value" | "value-or-close" | "key" | "key-or-close" | "colon" | "after" | "end";

/** The offset of the first fault, or undefined when the whole text is one JSON value. */
export function jsonSyntaxErrorAt(text: string): number | undefined {
  const open: string[] = [];
  let want: Want = "value";
  let i = 0;
  const next = (): Want => (open.length > 0 ? "after" : "end");
  for (;;) {
    while (i < text.length && " \t\n\r".includes(text.charAt(i))) i++;
    if (i >= text.length) return want === "end" ? undefined : text.length;
    const c = text.charAt(i);
    if (want === "end") return i;
    if (want === "colon") {
      if (c !== ":") return i;
      i++;
      want = "value";
    } else if (want === "after") {
      const top = open[open.length - 1];
      if (c === ",") {
        i++;
        want = top === "{" ? "key" : "value";
      } else if ((c === "]" && top === "[") || (c === "}" && top === "{")) {
        open.pop();
        i++;
        want = next();
      } else return i;
    } else if (want === "key" || want === "key-or-close") {
      if (c === "}" && want === "key-or-close") {
        open.pop();
        i++;
        want = next();
        continue;
      }
      if (c !== '"') return i;
      const s = stringEnd(text, i);
      if ("fault" in s) return s.fault;
      i = s.end;
      want = "colon";
    } else {
      if (c === "]" && want === "value-or-close") {
        open.pop();
        i++;
        want = next();
      } else if (c === "[" || c === "{") {
        open.push(c);
        i++;
        want = c === "[" ? "value-or-close" : "key-or-close";
      } else if (c === '"') {
        const s = stringEnd(text, i);
        if ("fault" in s) return s.fault;
        i = s.end;
        want = next();
      } else {
        NUMBER.lastIndex = i;
        LITERAL.lastIndex = i;
        const m = NUMBER.exec(text) ?? LITERAL.exec(text);
        if (!m) return i;
        i += m[0].length;
        want = next();
      }
    }
  }
}

/** `:line:column` (both from 1) of an offset, for messages. */
export function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return `:${line}:${before.length - before.lastIndexOf("\n")}`;
}
