// Paths inside a repository, as git and GitHub write them: "/" on every OS, so `a\b.yaml` is
// one odd file name, never a folder a and a file b. Pure (node:path's posix rules, without a
// working directory): the core may not import node:path.

/** The part of node:path the loader needs; node:path itself fits, for files on a local disk. */
export interface PathSyntax {
  normalize(path: string): string;
  dirname(path: string): string;
  join(...paths: string[]): string;
  isAbsolute(path: string): boolean;
  relative(from: string, to: string): string;
  readonly sep: string;
}

function normalize(path: string): string {
  if (path === "") return ".";
  const absolute = path.startsWith("/");
  const out: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment !== "..") out.push(segment);
    else if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
    else if (!absolute) out.push("..");
  }
  let joined = out.join("/");
  if (joined === "" && !absolute) joined = ".";
  if (joined !== "" && path.endsWith("/")) joined += "/";
  return absolute ? `/${joined}` : joined;
}

function dirname(path: string): string {
  if (path === "") return ".";
  const rooted = path.startsWith("/");
  let end = -1;
  let slashes = true;
  for (let i = path.length - 1; i >= 1; i--) {
    if (path[i] === "/") {
      if (!slashes) {
        end = i;
        break;
      }
    } else slashes = false;
  }
  if (end === -1) return rooted ? "/" : ".";
  if (rooted && end === 1) return "//";
  return path.slice(0, end);
}

function join(...paths: string[]): string {
  const parts = paths.filter((p) => p !== "");
  return parts.length === 0 ? "." : normalize(parts.join("/"));
}

/** Leading ".." segments of a normalised relative path. */
function ups(path: string): number {
  let n = 0;
  while (path.startsWith("../", n * 3) || path.slice(n * 3) === "..") n++;
  return n;
}

/**
 * Segments of a path from the filesystem root. A relative path starts in a working folder
 * `depth` levels down whose names no real path has ("\0" cannot be in a file name): deep
 * enough that its ".." never reach the root, and unlike any folder the other path names.
 */
function segments(path: string, depth: number): string[] {
  const from = path.startsWith("/") ? path : `${"/\0".repeat(depth)}/${path}`;
  return normalize(from)
    .split("/")
    .filter((s) => s !== "");
}

function relative(from: string, to: string): string {
  const depth = Math.max(ups(normalize(from)), ups(normalize(to))) + 1;
  const a = segments(from, depth);
  const b = segments(to, depth);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => ".."), ...b.slice(common)].join("/");
}

export const posix: PathSyntax = {
  normalize,
  dirname,
  join,
  isAbsolute: (path) => path.startsWith("/"),
  relative,
  sep: "/",
};
