import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dataUrl as bytesUrl, dataUrlText, textDataUrl, utf8 } from "./data-url.js";

const dataUrl = (mime: string, text: string) => bytesUrl(mime, utf8(text));

/** The plain way: the platform's own base64 of the UTF-8 bytes. */
const reference = (mime: string, text: string) => {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return `data:${mime};base64,${btoa(binary)}`;
};

describe("dataUrl", () => {
  it("is the platform's base64 of the UTF-8 bytes, for any text, and reads back", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        const url = dataUrl("text/csv;charset=utf-8", text);
        expect(url).toBe(reference("text/csv;charset=utf-8", text));
        expect(dataUrlText(url)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it("gives the same URL and byte count through the ASCII shortcut as through the bytes", () => {
    const ascii = fc.string({
      unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)),
    });
    for (const text of [
      ...fc.sample(ascii, { numRuns: 300, seed: 7 }),
      ...fc.sample(fc.string({ unit: "binary", maxLength: 60 }), { numRuns: 300, seed: 8 }),
      "caf\u00e9",
      "\u007f\u0080",
    ]) {
      const { url, bytes } = textDataUrl("text/csv;charset=utf-8", text);
      expect(url).toBe(reference("text/csv;charset=utf-8", text));
      expect(bytes).toBe(utf8(text).length);
    }
  });

  it("pads each length the same way (none, one or two `=`)", () => {
    expect(dataUrl("text/plain", "")).toBe("data:text/plain;base64,");
    expect(dataUrl("text/plain", "a")).toBe("data:text/plain;base64,YQ==");
    expect(dataUrl("text/plain", "ab")).toBe("data:text/plain;base64,YWI=");
    expect(dataUrl("text/plain", "abc")).toBe("data:text/plain;base64,YWJj");
  });

  it("holds nothing but base64 after its comma, whatever the text (it sits in an attribute)", () => {
    const url = dataUrl("application/json", '"><script>alert(1)</script>\u0000\u2028');
    expect(url.slice(url.indexOf(",") + 1)).toMatch(/^[A-Za-z0-9+/=]*$/);
  });
});
