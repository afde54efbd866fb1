// The explorer at scale: time to the first screen, and from a keystroke to the filtered list,
// each against the time it takes to load the graph alone (measured in the same run).

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { render } from "ink-testing-library";
import { settleAfterCommand } from "../src/app/after-command.js";
import { loadGraph } from "../src/app/cached-load.js";
import { loadModel } from "../src/app/load-model.js";
import { analyzeNodes } from "../src/core/analyze.js";
import { renderMarkdown } from "../src/core/render/render-markdown.js";
import { Explorer } from "../src/ui/Explorer.js";

export interface ExploreRow {
  readonly nodes: number;
  readonly loadMs: number;
  readonly firstScreenMs: number;
  readonly firstScreenVsLoad: number;
  /** The first screen again, the graph read from the graph cache (written by a load before). */
  readonly warmFirstScreenMs: number;
  /** Median over the keystrokes of a typed query, each until the list shows its new count. */
  readonly keystrokeMs: number;
  readonly keystrokes: readonly {
    readonly key: string;
    readonly ms: number;
    readonly matches: string;
  }[];
  readonly keystrokeVsLoad: number;
}

const now = () => Number(process.hrtime.bigint()) / 1e6;

async function until(check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const end = now() + timeoutMs;
  while (!check()) {
    if (now() > end) throw new Error("the explorer did not draw in time");
    await new Promise((done) => setImmediate(done));
  }
}

const countOf = (frame: string | undefined) => /^([\d,]+) of [\d,]+ nodes/m.exec(frame ?? "")?.[1];

export async function measureExplorer(
  deps: string,
  nodes: number,
  query: string,
): Promise<ExploreRow> {
  // The baseline: loading the graph alone, as every command does.
  let start = now();
  loadModel(deps);
  const loadMs = now() - start;

  start = now();
  const { model } = loadModel(deps);
  const app = await firstScreen(model, nodes);
  const firstScreenMs = now() - start;

  const cacheFolder = mkdtempSync(join(tmpdir(), "blastradius-explore-cache-"));
  const cache = {
    folder: cacheFolder,
    maxBytes: 2 ** 32,
    notice: (line: string) => console.error(line),
  };
  loadGraph(deps, cache);
  settleAfterCommand(true);
  start = now();
  const warm = loadGraph(deps, cache);
  if (!warm.fromCache) throw new Error("the explorer's graph was not read from the cache");
  (await firstScreen(warm.model, nodes)).unmount();
  const warmFirstScreenMs = now() - start;
  rmSync(cacheFolder, { recursive: true, force: true });

  const keystrokes: { key: string; ms: number; matches: string }[] = [];
  for (const key of query) {
    const before = app.lastFrame();
    const t = now();
    app.stdin.write(key);
    await until(
      () =>
        app.lastFrame() !== before &&
        (app.lastFrame() ?? "").includes(`search: ${query.slice(0, keystrokes.length + 1)}`),
    );
    keystrokes.push({ key, ms: now() - t, matches: countOf(app.lastFrame()) ?? "?" });
  }
  app.unmount();
  const sorted = keystrokes.map((k) => k.ms).sort((a, b) => a - b);
  const keystrokeMs = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  return {
    nodes,
    loadMs,
    firstScreenMs,
    firstScreenVsLoad: firstScreenMs / loadMs,
    warmFirstScreenMs,
    keystrokeMs,
    keystrokes,
    keystrokeVsLoad: keystrokeMs / loadMs,
  };
}

/** The explorer drawn until its list shows every node. */
async function firstScreen(model: ReturnType<typeof loadModel>["model"], nodes: number) {
  const app = render(
    <Explorer
      model={model}
      api={{
        whatIf: (id, changeClass) => analyzeNodes(model, [{ id, classes: [changeClass] }]),
        markdown: renderMarkdown,
        recentDays: 7,
      }}
      onQuit={() => {}}
    />,
  );
  const total = nodes.toLocaleString("en-US");
  await until(() => (app.lastFrame() ?? "").includes(`of ${total} nodes`));
  return app;
}
