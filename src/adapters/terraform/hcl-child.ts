// The HCL parser in a process of its own (its own bundle, lib/hcl-child.cjs), which
// parse-hcl.ts starts with V8's --liftoff-only: the parser is Go compiled to WebAssembly, and
// V8's optimising compiler spent more on its large functions, on both cores, than a check's
// whole parse, and held the process at exit until done. A flag set inside the CLI's own process
// would instead invalidate the compiled-code cache it starts from; a process of its own also
// starts while the CLI reads git. It reads one request a line (`{"id","file","text"}`) and
// answers one a line (`{"id","json"}` or `{"id","error"}`), in order, until its input ends.

import { parse } from "@cdktn/hcl2json";
import { eachJsonLine } from "./json-lines.js";

interface Request {
  readonly id: number;
  readonly file: string;
  readonly text: string;
}

let queue: Promise<void> = Promise.resolve();

function answer(request: Request): Promise<void> {
  return Promise.resolve()
    .then(() => parse(request.file, request.text))
    .then(
      (json) => {
        process.stdout.write(`${JSON.stringify({ id: request.id, json })}\n`);
      },
      (error: unknown) => {
        const message = String((error as Error)?.message ?? error);
        process.stdout.write(`${JSON.stringify({ id: request.id, error: message })}\n`);
      },
    );
}

eachJsonLine(
  process.stdin,
  (request) => {
    queue = queue.then(() => answer(request as Request));
  },
  // Only the CLI writes here, a line of JSON each: anything else, and it stops answering (the
  // CLI parses what it was waiting for itself).
  () => process.exit(2),
);
// The CLI is done with it: answer what is left, then go (the Go runtime's timers would keep
// the process a second longer).
process.stdin.on("end", () => {
  queue.then(() => process.stdout.write("", () => process.exit(0)));
});
