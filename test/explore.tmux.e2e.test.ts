// `blastradius explore` in a real terminal: tmux runs the built CLI, send-keys types, and
// capture-pane reads the screen.

import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { skipWhen, withoutTool } from "./skips.js";

const ROOT = new URL("..", import.meta.url).pathname;
const BIN = join(ROOT, "bin/blastradius.cjs");
const noTmux = withoutTool("tmux", ["-V"]);
const SOCKET = `blastradius-test-${process.pid}`;
const SLOW = 240_000;

const tmux = (...args: string[]) =>
  execFileSync("tmux", ["-L", SOCKET, ...args], { encoding: "utf8" });
const screen = (session: string) => tmux("capture-pane", "-p", "-t", session);

// Generous: on a loaded machine the first screen (loading the graph and the git history) has
// taken 40 s. The deadline only turns a hang into a failure; no speed is asserted.
async function waitFor(check: () => boolean, what: string, timeout = 90_000): Promise<void> {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    if (check()) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("blastradius explore in tmux", skipWhen(noTmux), () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "br-explore-"));
  });
  afterAll(() => {
    spawnSync("tmux", ["-L", SOCKET, "kill-server"]);
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs the CLI in a new 100x30 session; its exit code lands in a file. */
  function start(session: string, args: string): string {
    const done = join(dir, `${session}.exit`);
    tmux(
      "new-session",
      "-d",
      "-s",
      session,
      "-x",
      "100",
      "-y",
      "30",
      "-c",
      ROOT,
      `${process.execPath} ${BIN} explore ${args}; echo "exit $?" > ${done}; sleep 30`,
    );
    return done;
  }

  it(
    "finds the IAM role by typing, shows its what-if blast radius with paths, and quits cleanly",
    async () => {
      const done = start("find", "");
      await waitFor(() => /^14 of 14 nodes/m.test(screen("find")), "the first screen");
      tmux("send-keys", "-t", "find", "-l", "automation");
      await waitFor(() => /^3 of 14 nodes/m.test(screen("find")), "the search to narrow the list");
      expect(screen("find")).toContain("› iam-role/automation-runner");
      tmux("send-keys", "-t", "find", "Enter");
      tmux("send-keys", "-t", "find", "-l", "w");
      await waitFor(() => screen("find").includes("Breaking (9)"), "the what-if view");
      const whatIf = screen("find");
      expect(whatIf).toContain("report/revenue");
      expect(whatIf).toContain("iam-role/automation-runner -[assumes-role]->");
      tmux("send-keys", "-t", "find", "PageDown");
      await waitFor(
        () => screen("find").includes("dashboard/revenue-exec"),
        "the dashboards further down",
      );
      tmux("send-keys", "-t", "find", "-l", "q");
      await waitFor(() => existsSync(done), "the explorer to quit");
      expect(readFileSync(done, "utf8").trim()).toBe("exit 0");
    },
    SLOW,
  );

  it(
    "bursts of keys edit the query exactly: BSpace x4, Ctrl-U, a word then Enter, m then q",
    async () => {
      const done = start("burst", "");
      const box = () => screen("burst").split("\n")[0] ?? "";
      await waitFor(() => /^14 of 14 nodes/m.test(screen("burst")), "the first screen");
      tmux("send-keys", "-t", "burst", "-l", "automationxyzw");
      await waitFor(() => /^0 of 14 nodes/m.test(screen("burst")), "nothing to match");
      // One send-keys call: tmux writes the four erasures at once, and ink reads them as one input.
      tmux("send-keys", "-t", "burst", "BSpace", "BSpace", "BSpace", "BSpace");
      await waitFor(() => /^3 of 14 nodes/m.test(screen("burst")), "the erased query's matches");
      expect(box()).toMatch(/^search: automation▌ /);
      expect(screen("burst")).toContain("› iam-role/automation-runner");
      tmux("send-keys", "-t", "burst", "C-u");
      await waitFor(() => /^14 of 14 nodes/m.test(screen("burst")), "the cleared search");
      expect(box()).toMatch(/^search: ▌ /);
      // A word and Enter in one call, then the what-if, then m and q in one call.
      tmux("send-keys", "-t", "burst", "revenue-exec", "Enter");
      await waitFor(() => /^1 of 14 nodes/m.test(screen("burst")), "the typed word's match");
      expect(box()).toMatch(/^search: revenue-exec /);
      tmux("send-keys", "-t", "burst", "w");
      await waitFor(() => screen("burst").includes("risk "), "the what-if view");
      tmux("send-keys", "-t", "burst", "m", "q");
      await waitFor(() => existsSync(done), "the explorer to quit");
      expect(readFileSync(done, "utf8").trim()).toBe("exit 0");
      const history = tmux("capture-pane", "-p", "-S", "-", "-t", "burst");
      expect(history).toContain("blastradius: **");
      expect(history).toContain("**Changed:** `dashboard/revenue-exec` (unknown)");
    },
    SLOW,
  );

  it(
    "an invalid deps.yaml: the validate errors with file:line, exit 2, no screen",
    async () => {
      writeFileSync(
        join(dir, "bad.yaml"),
        "version: 1\nnodes:\n  a: {kind: k, depends_on: [missing]}\n",
      );
      const done = start("bad", `--deps ${join(dir, "bad.yaml")}`);
      await waitFor(() => existsSync(done), "the explorer to stop");
      expect(readFileSync(done, "utf8").trim()).toBe("exit 2");
      expect(screen("bad")).toContain("bad.yaml:3:");
      expect(screen("bad")).toContain('unknown node "missing"');
    },
    SLOW,
  );
});

describe("blastradius explore without a terminal", () => {
  it("says it needs one and exits 2", () => {
    const result = spawnSync(process.execPath, [BIN, "explore"], {
      cwd: ROOT,
      encoding: "utf8",
      input: "",
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("explore needs a terminal");
    expect(result.stderr).toContain("blastradius check");
    expect(result.stdout).toBe("");
  });
});
