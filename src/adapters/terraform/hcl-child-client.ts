// The CLI's side of hcl-child.ts: requests written a line each, answers matched by id. The
// process never keeps the CLI alive (it is referenced only while an answer is awaited) and is
// ended with it. If it cannot start or stops, every request still waiting, and every later one,
// is parsed in this process instead: the answer is the same either way, only slower.

import { spawn } from "node:child_process";
import type { Socket } from "node:net";
import { eachJsonLine } from "./json-lines.js";

export type Parse = (file: string, text: string) => Promise<Record<string, unknown>>;

/** What hcl2json says to every request once its Go program has ended. */
const GO_EXITED = /Go program has already exited/;

interface Waiting {
  readonly file: string;
  readonly text: string;
  readonly resolve: (json: Record<string, unknown>) => void;
  readonly reject: (error: Error) => void;
}

/** `fellBack`: told when this process takes over (tests see which process answered). */
export function hclChild(
  script: string,
  inProcess: () => Promise<Parse>,
  fellBack: () => void = () => {},
): Parse {
  const child = spawn(process.execPath, ["--liftoff-only", script], {
    stdio: ["pipe", "pipe", "ignore"],
  });
  const waiting = new Map<number, Waiting>();
  let next = 0;
  let broken = false;
  // The pipes are sockets: they can be let go of like the process.
  const pipes = [child.stdout, child.stdin] as unknown as Socket[];
  const idle = () => {
    child.unref();
    for (const pipe of pipes) pipe.unref();
  };
  const busy = () => {
    child.ref();
    for (const pipe of pipes) pipe.ref();
  };
  idle();

  const fallBack = () => {
    if (broken) return;
    broken = true;
    fellBack();
    const left = [...waiting.values()];
    waiting.clear();
    idle();
    for (const w of left)
      inProcess()
        .then((parse) => parse(w.file, w.text))
        .then(w.resolve, w.reject);
  };
  child.on("error", fallBack);
  child.on("exit", fallBack);
  child.stdin.on("error", fallBack);

  eachJsonLine(child.stdout, (value) => {
    const said = value as { id: number; json?: Record<string, unknown>; error?: string };
    const w = waiting.get(said.id);
    if (!w) return;
    // Its Go runtime died (a stack overflow ends it, and it answers nothing after): this
    // request and the rest are parsed here, by a runtime that has not (and later answers find
    // no one waiting).
    if (said.error !== undefined && GO_EXITED.test(said.error)) {
      child.kill();
      fallBack();
      return;
    }
    waiting.delete(said.id);
    if (said.error !== undefined) w.reject(new Error(said.error));
    else w.resolve(said.json ?? {});
    if (waiting.size === 0) idle();
  });

  return (file, text) => {
    if (broken) return inProcess().then((parse) => parse(file, text));
    return new Promise((resolve, reject) => {
      const id = next++;
      waiting.set(id, { file, text, resolve, reject });
      busy();
      child.stdin.write(`${JSON.stringify({ id, file, text })}\n`);
    });
  };
}
