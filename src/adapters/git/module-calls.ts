// The local Terraform module calls of a commit (`source = "./modules/role"`), found with one
// `git grep` over its .tf files: a folder some call names gets its inputs from that call.

import { execFileSync } from "node:child_process";
import { posix } from "node:path";

/** A local module source: `source = "./x"` or `"../x"`, as Terraform's registry-free form. */
const LOCAL_SOURCE = '^\\s*source\\s*=\\s*"\\.\\.?/';
const VALUE = /source\s*=\s*"(\.\.?\/[^"]*)"/;

export interface ModuleCall {
  /** The .tf file holding the call. */
  readonly file: string;
  readonly line: number;
  /** How many calls name the folder: each makes its own objects. */
  readonly calls: number;
}

/**
 * Each folder a local module call at `rev` names (from the repository root), with the first
 * call found. Undefined when git cannot answer (then callers are not known).
 */
export function localModuleCalls(root: string, rev: string): Map<string, ModuleCall> | undefined {
  let out: string;
  try {
    out = execFileSync("git", ["grep", "-z", "-n", "-I", "-E", LOCAL_SOURCE, rev, "--", "*.tf"], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch (error) {
    // git grep exits 1 when nothing matches.
    if ((error as { status?: number }).status === 1) return new Map();
    return undefined;
  }
  const calls = new Map<string, ModuleCall>();
  const prefix = `${rev}:`;
  for (const line of out.split("\n")) {
    const [name, number, text] = line.split("\0");
    if (name === undefined || number === undefined || text === undefined) continue;
    const file = name.startsWith(prefix) ? name.slice(prefix.length) : name;
    const source = VALUE.exec(text)?.[1];
    if (source === undefined) continue;
    // `./x//sub` names the folder sub of x.
    const folder = posix.normalize(
      posix.join(posix.dirname(file), source.replace(/\/\/(?=[^/])/, "/")),
    );
    const target = folder.replace(/\/$/, "") || ".";
    if (target === ".." || target.startsWith("../")) continue;
    const known = calls.get(target);
    calls.set(
      target,
      known ? { ...known, calls: known.calls + 1 } : { file, line: Number(number), calls: 1 },
    );
  }
  return calls;
}
