// The JSON output is written in pieces; whatever the ids hold, the pieces make the very value
// impactToJson describes, laid out as JSON.stringify lays it out, each impacted node a line.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostileImpact } from "../testing/hostile.js";
import { impactToJson, renderJson } from "./impact-json.js";
import { inertJsonText } from "./terminal-escape.js";

/** Quotes, a backslash, line breaks, a tab, non-Latin and astral text, and an HTML script end. */
const NASTY = `"q'\\ \n\r\t é 日本 🙂 \u{1F4A5} </script><!-- --> \u2028\u0085\u202e }, "x": [`;

/** The pretty-printed form, except that each impacted node takes one line. */
function expectedText(value: ReturnType<typeof impactToJson>): string {
  const lines = JSON.stringify({ ...value, impacted: [] }, null, 2);
  const impacted = value.impacted.map((node) => `    ${JSON.stringify(node)}`);
  const list = impacted.length ? `[\n${impacted.join(",\n")}\n  ]` : "[]";
  return `${lines.replace('"impacted": []', () => `"impacted": ${list}`)}\n`;
}

describe("renderJson with hostile ids", () => {
  it("parses to exactly the structure, every id intact", () => {
    const impact = hostileImpact(NASTY);
    const parsed = JSON.parse(renderJson(impact));
    expect(parsed).toEqual(JSON.parse(JSON.stringify(impactToJson(impact))));
    expect(parsed.changed.map((n: { id: string }) => n.id)).toEqual(
      impact.changed.map((n) => n.id),
    );
    expect(parsed.impacted).toHaveLength(impact.impacted.length);
    impact.impacted.forEach((node, i) => {
      expect(parsed.impacted[i].id).toBe(node.id);
      expect(parsed.impacted[i].owner).toBe(node.owner ?? null);
      expect(parsed.impacted[i].path).toEqual([
        node.path.changed,
        ...node.path.steps.map((s) => s.to),
      ]);
      expect(parsed.impacted[i].via).toEqual(node.path.steps.map((s) => s.via));
    });
    expect(parsed.impacted[0].id).toContain("</script>");
  });

  it("is laid out as JSON.stringify would, one impacted node a line, controls escaped", () => {
    const impact = hostileImpact(NASTY);
    const text = renderJson(impact);
    // Only the controls JSON.stringify leaves raw differ: U+0085, U+2028 and U+202E.
    const escaped = (s: string) =>
      s.replace(
        /[\u0085\u2028\u202e]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
      );
    expect(text).toBe(escaped(expectedText(impactToJson(impact))));
    expect(text).not.toMatch(/[\u0085\u2028\u202e]/);
    expect(text.split("\n").filter((l) => l.startsWith('    {"id":'))).toHaveLength(
      impact.impacted.length,
    );
  });

  it("writes each impacted node's line as JSON.stringify writes its value, whatever the ids hold", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (id) => {
        const impact = hostileImpact(id);
        expect(renderJson(impact)).toBe(inertJsonText(expectedText(impactToJson(impact))));
      }),
      { numRuns: 300 },
    );
    const impact = hostileImpact(NASTY);
    expect(renderJson(impact)).toBe(inertJsonText(expectedText(impactToJson(impact))));
  });

  it("round-trips any string as an id", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (id) => {
        const impact = hostileImpact(id);
        const parsed = JSON.parse(renderJson(impact));
        expect(parsed).toEqual(JSON.parse(JSON.stringify(impactToJson(impact))));
        expect(parsed.impacted[1].id).toBe(impact.impacted[1]?.id);
      }),
      { numRuns: 200 },
    );
  });
});
