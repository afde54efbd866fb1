// Where each page of the docs site lives. Node ids become file paths, one folder per `/`
// segment, so `iam-role/automation-runner` is nodes/iam-role/automation-runner.html and a
// reader can guess a URL. Two ids never share a file: every character outside [a-z0-9._-]
// is written `~xx` (its code in hex, `~uxxxx` beyond a byte), upper case included, so `Api` and
// `api` stay apart on a case-insensitive disk; a segment of dots or an empty one is spelt out so
// no id can climb out of its folder, and so are a trailing dot, which Windows would drop, a
// leading one, which GitHub Pages' upload leaves out, a Windows device name and `index`. The lists of all owners and all kinds are
// owners.html and kinds.html at the root, so no owner or kind named "index" can take their place.

const KEEP = /[a-z0-9._-]/;
/** Longest file name we write; most file systems stop at 255 bytes. */
const MAX_SEGMENT = 200;

/**
 * One `/`-separated segment of an id as a file or folder name. A folder's name has no dot (it
 * is written `~2e`) and every file's name has one (before its extension), so node `a.html/b`'s
 * folder never meets node `a`'s page.
 */
export function encodeSegment(segment: string, folder = false): string {
  if (segment === "") return "~";
  let out = "";
  for (const ch of segment) {
    if (KEEP.test(ch) && !(folder && ch === ".")) out += ch;
    else {
      const code = ch.codePointAt(0) as number;
      out += code < 0x100 ? `~${code.toString(16).padStart(2, "0")}` : `~u${code.toString(16)}~`;
    }
  }
  if (/^\.+$/.test(out)) out = "~2e".repeat(out.length);
  // Windows drops a trailing dot from a name: `a./x` and `a/x` would share a folder there.
  if (out.endsWith(".")) out = `${out.slice(0, -1)}~2e`;
  // GitHub Pages' upload (upload-pages-artifact v4+) leaves out names that start with a dot.
  if (out.startsWith(".")) out = `~2e${out.slice(1)}`;
  // Windows cannot hold a file or folder named as a device (con, nul, com1 …), whatever follows
  // the dot; MkDocs builds `x/index.md` and `x.md` to one URL. Their first letter is escaped.
  if (/^(con|prn|aux|nul|com\d|lpt\d|index)(\.|$)/.test(out))
    out = `~${(out.codePointAt(0) as number).toString(16)}${out.slice(1)}`;
  if (out.length <= MAX_SEGMENT) return out;
  // A very long segment keeps its start and is told apart by a hash of the whole: 64 bits, so
  // that no one finds two ids for one file by trying (a 32-bit hash falls in a second).
  return `${out.slice(0, MAX_SEGMENT - 20)}~h${hash64(segment)}`;
}

/** Two 32-bit FNV-1a hashes of the text with different starts, as 16 hex digits. */
function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul((b ^ c) + i, 0x01000193) >>> 0;
    b ^= b >>> 15;
  }
  return a.toString(16).padStart(8, "0") + b.toString(16).padStart(8, "0");
}

const encodeId = (id: string) => {
  const parts = id.split("/");
  return parts.map((part, i) => encodeSegment(part, i < parts.length - 1)).join("/");
};

/** A node's page, relative to the site's root. */
export const nodePagePath = (id: string, ext = "html"): string => `nodes/${encodeId(id)}.${ext}`;

/** An owner's page, relative to the site's root. */
export const ownerPagePath = (id: string, ext = "html"): string => `owners/${encodeId(id)}.${ext}`;

/** The page listing the nodes of one kind; a `/` in the kind is a folder, as in an id. */
export const kindPagePath = (kind: string, ext = "html"): string =>
  `kinds/${encodeId(kind)}.${ext}`;

/** Exports of a page's impact table: `<page>.<table>.csv` beside the page. */
export const exportPath = (pagePath: string, table: string, format: "csv" | "json"): string =>
  `${pagePath.replace(/\.[a-z]+$/, "")}.${table}.${format}`;

/**
 * The link from one page to another, both relative to the root: `../` up to the common
 * folder, then down. Segments are percent-encoded for the URL (`~` and the kept characters
 * need nothing).
 */
const URL_SAFE = /^[A-Za-z0-9._~/-]*$/;

export function relativeHref(from: string, to: string): string {
  const fromDirs = from.split("/").slice(0, -1);
  const toParts = to.split("/");
  let common = 0;
  while (
    common < fromDirs.length &&
    common < toParts.length - 1 &&
    fromDirs[common] === toParts[common]
  )
    common++;
  const up = "../".repeat(fromDirs.length - common);
  const rest = toParts.slice(common).join("/");
  // The site's own paths are already safe in a URL (encodeSegment): skip encoding them again.
  return (
    up + (URL_SAFE.test(rest) ? rest : toParts.slice(common).map(encodeURIComponent).join("/"))
  );
}
