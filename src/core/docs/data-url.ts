// A text as a `data:` URL: the base64 of its UTF-8 bytes. Inert wherever it is put (an
// attribute holds only [A-Za-z0-9+/=]), and a link to it with `download` saves the text as a file
// offline, with no script and no file beside the page.

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
const PAD = 61; // "="
const encoder = new TextEncoder();
// Base64 is ASCII: any single-byte decoding reads it back as it is.
const ascii = new TextDecoder("latin1");

/** The UTF-8 bytes of a text, as a `data:` URL takes them. */
export const utf8 = (text: string): Uint8Array => encoder.encode(text);

/**
 * Bytes (a text's UTF-8, from `utf8`) as a `data:` URL. Base64 by hand into bytes, decoded
 * once: a site encodes 20,000 exports, and building the string a character at a time (or
 * through `btoa`, which takes a string of bytes) took longer than making the pages.
 */
export function dataUrl(mime: string, bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  const whole = bytes.length - (bytes.length % 3);
  let o = 0;
  for (let i = 0; i < whole; i += 3) {
    const n =
      ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out[o++] = CODES[n >>> 18] as number;
    out[o++] = CODES[(n >>> 12) & 63] as number;
    out[o++] = CODES[(n >>> 6) & 63] as number;
    out[o++] = CODES[n & 63] as number;
  }
  const left = bytes.length - whole;
  if (left > 0) {
    const n =
      ((bytes[whole] as number) << 16) | (left === 2 ? (bytes[whole + 1] as number) << 8 : 0);
    out[o++] = CODES[n >>> 18] as number;
    out[o++] = CODES[(n >>> 12) & 63] as number;
    out[o++] = left === 2 ? (CODES[(n >>> 6) & 63] as number) : PAD;
    out[o++] = PAD;
  }
  return `data:${mime};base64,${ascii.decode(out)}`;
}

/**
 * A text as a `data:` URL of its UTF-8 bytes. ASCII text is its own UTF-8, and the runtime's
 * `btoa` (native, a Web API in every browser and in Node) encodes it in a twentieth of the time.
 */
export function textDataUrl(mime: string, text: string): { url: string; bytes: number } {
  if (ASCII.test(text)) return { url: `data:${mime};base64,${btoa(text)}`, bytes: text.length };
  const bytes = utf8(text);
  return { url: dataUrl(mime, bytes), bytes: bytes.length };
}
// biome-ignore lint/suspicious/noControlCharactersInRegex: every ASCII character
const ASCII = /^[\u0000-\u007f]*$/;

/** The text a `data:` URL of ours holds (for tests and readers of a site). */
export function dataUrlText(url: string): string {
  const m = /^data:[^,;]+(?:;[^,;]+)*;base64,([A-Za-z0-9+/=]*)$/.exec(url);
  if (!m) throw new Error(`not a base64 data: URL: ${url.slice(0, 40)}`);
  const binary = atob(m[1] as string);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new TextDecoder().decode(bytes);
}
