// Headless Chromium driven through the DevTools protocol over a pipe (`--remote-debugging-pipe`:
// JSON messages ending in NUL on file descriptors 3 and 4), so tests need no WebSocket and no
// package. One browser, one page; what the page says on its console, what it throws and every
// request it makes are recorded for the test to read.

import { type ChildProcess, spawn } from "node:child_process";
import type { Readable, Writable } from "node:stream";

interface Message {
  readonly id?: number;
  readonly method?: string;
  readonly params?: Record<string, unknown>;
  readonly result?: Record<string, unknown>;
  readonly error?: { readonly message: string };
  readonly sessionId?: string;
}

export interface PageProblem {
  readonly url: string;
  readonly text: string;
}

export interface Browser {
  /** Opens `url` in the page and waits for its load event. */
  open(url: string): Promise<void>;
  /** The value of `expression` in the page (awaited when it is a promise). */
  evaluate<T>(expression: string): Promise<T>;
  /** Lets the page download files, into `folder` (each under the name it suggests). */
  downloadInto(folder: string): Promise<void>;
  /** Presses a key as a user does (`Tab`, `Enter`). */
  press(key: "Tab" | "Enter"): Promise<void>;
  /** A PNG of the window, or of `height` pixels of the page from its top. */
  screenshot(height?: number): Promise<Buffer>;
  /** Console errors, uncaught exceptions and browser log errors, since the start. */
  readonly problems: PageProblem[];
  /** Every URL the page requested, since the start. */
  readonly requests: string[];
  close(): Promise<void>;
}

const KEYS = { Tab: 9, Enter: 13 } as const;

export async function launchChromium(
  command: string,
  width = 1280,
  height = 900,
): Promise<Browser> {
  const child: ChildProcess = spawn(
    command,
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-extensions",
      "--no-first-run",
      "--remote-debugging-pipe",
      `--window-size=${width},${height}`,
      "about:blank",
    ],
    { stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"] },
  );
  const input = child.stdio[3] as Writable;
  const output = child.stdio[4] as Readable;
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });

  let next = 1;
  const pending = new Map<number, { resolve: (m: Message) => void; reject: (e: Error) => void }>();
  const listeners: ((m: Message) => void)[] = [];
  let buffer = "";
  output.on("data", (chunk: Buffer) => {
    buffer += chunk.toString("utf8");
    let end = buffer.indexOf("\0");
    while (end >= 0) {
      const message = JSON.parse(buffer.slice(0, end)) as Message;
      buffer = buffer.slice(end + 1);
      end = buffer.indexOf("\0");
      const waiting = message.id === undefined ? undefined : pending.get(message.id);
      if (waiting && message.id !== undefined) {
        pending.delete(message.id);
        if (message.error) waiting.reject(new Error(message.error.message));
        else waiting.resolve(message);
      } else for (const listen of listeners) listen(message);
    }
  });
  child.on("exit", () => {
    for (const waiting of pending.values())
      waiting.reject(new Error(`Chromium exited:\n${stderr}`));
    pending.clear();
  });

  let sessionId: string | undefined;
  function send(method: string, params: object = {}): Promise<Record<string, unknown>> {
    const id = next++;
    const message = { id, method, params, ...(sessionId ? { sessionId } : {}) };
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve: (m) => resolve(m.result ?? {}), reject });
      input.write(`${JSON.stringify(message)}\0`);
    });
  }

  const problems: PageProblem[] = [];
  const requests: string[] = [];
  let currentUrl = "about:blank";
  let loaded: (() => void) | undefined;
  listeners.push((m) => {
    const p = m.params ?? {};
    if (m.method === "Page.loadEventFired") loaded?.();
    else if (m.method === "Network.requestWillBeSent")
      requests.push(String((p.request as { url: string }).url));
    else if (m.method === "Runtime.consoleAPICalled" && (p.type === "error" || p.type === "assert"))
      problems.push({
        url: currentUrl,
        text: (p.args as { value?: unknown; description?: string }[])
          .map((a) => String(a.value ?? a.description))
          .join(" "),
      });
    else if (m.method === "Runtime.exceptionThrown") {
      const details = p.exceptionDetails as { text: string; exception?: { description?: string } };
      problems.push({
        url: currentUrl,
        text: `${details.text} ${details.exception?.description ?? ""}`,
      });
    } else if (m.method === "Log.entryAdded") {
      const entry = p.entry as { level: string; text: string; url?: string };
      if (entry.level === "error")
        problems.push({ url: entry.url ?? currentUrl, text: entry.text });
    }
  });

  const targets = (await send("Target.getTargets")) as {
    targetInfos: { targetId: string; type: string }[];
  };
  const page = targets.targetInfos.find((t) => t.type === "page");
  const targetId = page
    ? page.targetId
    : ((await send("Target.createTarget", { url: "about:blank" })) as { targetId: string })
        .targetId;
  sessionId = (
    (await send("Target.attachToTarget", { targetId, flatten: true })) as {
      sessionId: string;
    }
  ).sessionId;
  await Promise.all([
    send("Page.enable"),
    send("Runtime.enable"),
    send("Log.enable"),
    send("Network.enable"),
    send("Emulation.setDeviceMetricsOverride", {
      width,
      height,
      deviceScaleFactor: 1,
      mobile: false,
    }),
  ]);

  return {
    problems,
    requests,
    async open(url) {
      currentUrl = url;
      const done = new Promise<void>((resolve) => {
        loaded = resolve;
      });
      const navigated = (await send("Page.navigate", { url })) as { errorText?: string };
      if (navigated.errorText) throw new Error(`${url}: ${navigated.errorText}`);
      await done;
    },
    async evaluate<T>(expression: string) {
      const answer = (await send("Runtime.evaluate", {
        expression,
        awaitPromise: true,
        returnByValue: true,
      })) as { result: { value?: unknown }; exceptionDetails?: { text: string } };
      if (answer.exceptionDetails)
        throw new Error(`${expression.slice(0, 80)}: ${JSON.stringify(answer.exceptionDetails)}`);
      return answer.result.value as T;
    },
    async downloadInto(folder) {
      // The page's own (deprecated) switch: the browser's one let nothing through here.
      await send("Page.setDownloadBehavior", { behavior: "allow", downloadPath: folder });
    },
    async press(key) {
      const code = KEYS[key];
      const base = { key, code: key, windowsVirtualKeyCode: code, nativeVirtualKeyCode: code };
      await send("Input.dispatchKeyEvent", { type: "rawKeyDown", ...base });
      if (key === "Enter") await send("Input.dispatchKeyEvent", { type: "char", text: "\r" });
      await send("Input.dispatchKeyEvent", { type: "keyUp", ...base });
    },
    async screenshot(height) {
      const clip = height ? { clip: { x: 0, y: 0, width, height, scale: 1 } } : {};
      const shot = (await send("Page.captureScreenshot", {
        format: "png",
        ...(height ? { captureBeyondViewport: true } : {}),
        ...clip,
      })) as { data: string };
      return Buffer.from(shot.data, "base64");
    },
    async close() {
      sessionId = undefined;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      await send("Browser.close").catch(() => undefined);
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
