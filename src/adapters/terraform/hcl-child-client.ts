// The CLI's side of hcl-child.ts: requests written a line each, answers matched by id. The
// process never keeps the CLI alive (it is referenced only while an answer is awaited) and is
// ended with it. If it cannot start, stops, or answers with something that is not an answer,
// every request still waiting, and every later one, is parsed in this process instead: the
// answer is the same either way, only slower. If it stops answering, the file it was parsing
// is not parsed (an error, which leaves the file's changes unknown), and neither is any later
// one: parsed here, with no watchdog, a second such file would hang the check.

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

/**
 * How long the parser may go without answering while a request waits: a minute, and 10 s more
 * for each MiB of the file it is parsing (a valid 5.7 MB file took 14 s here; `init` reads files
 * up to 16 MiB). Past that it is stuck (stopped, or spinning on its input), and a check must
 * end rather than hang a CI job.
 */
export const HCL_ANSWER_TIMEOUT_MS = 60_000;
const PER_MIB_MS = 10_000;

/** `fellBack`: told when this process takes over (tests see which process answered). */
export function hclChild(
  script: string,
  inProcess: () => Promise<Parse>,
  fellBack: () => void = () => {},
  timeoutMs = HCL_ANSWER_TIMEOUT_MS,
): Parse {
  const child = spawn(process.execPath, ["--liftoff-only", script], {
    stdio: ["pipe", "pipe", "ignore"],
  });
  const waiting = new Map<number, Waiting>();
  let next = 0;
  let broken = false;
  /**
   * The file the process was stopped on for giving no answer. Later files are then not parsed
   * at all: parsed here, a file that stops the parser would stop the check with nothing to end
   * it (the parser runs on this thread), so each is an error, and its changes unknown.
   */
  let hung: string | undefined;
  const refused = (file: string) =>
    new Error(
      `not parsed: the HCL parser was stopped after it gave no answer for ${hung}, and ${file} is not given to another that nothing could stop`,
    );
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

  // Restarted by every answer while requests wait: the parser answers them in order, so the
  // first one waiting is the one it is stuck on.
  let watchdog: NodeJS.Timeout | undefined;
  const watch = () => {
    clearTimeout(watchdog);
    watchdog = undefined;
    if (broken || waiting.size === 0) return;
    const [first] = waiting;
    const allowed =
      timeoutMs + Math.round(((first?.[1].text.length ?? 0) / (1024 * 1024)) * PER_MIB_MS);
    watchdog = setTimeout(() => {
      const [stuck] = waiting;
      if (!stuck) return;
      waiting.delete(stuck[0]);
      hung = stuck[1].file;
      child.kill("SIGKILL");
      fallBack();
      stuck[1].reject(
        new Error(
          `the HCL parser gave no answer for ${stuck[1].file} in ${(allowed / 1000).toFixed(allowed < 10_000 ? 1 : 0)} s (it was stopped, or is stuck on this file): not parsed`,
        ),
      );
    }, allowed);
    // The child, referenced while a request waits, keeps this process alive; the timer need not.
    watchdog.unref();
  };

  const fallBack = () => {
    if (broken) return;
    broken = true;
    clearTimeout(watchdog);
    fellBack();
    const left = [...waiting.values()];
    waiting.clear();
    idle();
    for (const w of left)
      if (hung !== undefined) w.reject(refused(w.file));
      else
        inProcess()
          .then((parse) => parse(w.file, w.text))
          .then(w.resolve, w.reject);
  };
  child.on("error", fallBack);
  child.on("exit", fallBack);
  child.stdin.on("error", fallBack);

  const notAnAnswer = () => {
    child.kill("SIGKILL");
    fallBack();
  };
  eachJsonLine(
    child.stdout,
    (value) => {
      const said = answerOf(value);
      if (!said) return notAnAnswer();
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
      watch();
    },
    notAnAnswer,
  );

  return (file, text) => {
    if (hung !== undefined) return Promise.reject(refused(file));
    if (broken) return inProcess().then((parse) => parse(file, text));
    return new Promise((resolve, reject) => {
      const id = next++;
      waiting.set(id, { file, text, resolve, reject });
      busy();
      if (!watchdog) watch();
      child.stdin.write(`${JSON.stringify({ id, file, text })}\n`);
    });
  };
}

/** An answer as hcl-child.ts writes it, or undefined for anything else. */
function answerOf(
  value: unknown,
): { id: number; json?: Record<string, unknown>; error?: string } | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { id, json, error } = value as Record<string, unknown>;
  if (typeof id !== "number") return undefined;
  if (error !== undefined) return typeof error === "string" ? { id, error } : undefined;
  if (typeof json !== "object" || json === null || Array.isArray(json)) return undefined;
  return { id, json: json as Record<string, unknown> };
}
