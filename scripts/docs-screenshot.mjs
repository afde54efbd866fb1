// The README's picture of the docs site: the top of iam-role/automation-runner's page on the
// bundled example, 1280 pixels wide, by headless Chromium. Run after `npm run build`:
//   node scripts/docs-screenshot.mjs [out.png] [height]
// (default docs/images/docs-node-page.png, 1100 pixels high).

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = resolve(process.argv[2] ?? join(root, "docs/images/docs-node-page.png"));
const height = Number(process.argv[3] ?? 1100);
const chromium = ["chromium", "chromium-browser", "google-chrome"].find(
  (c) => spawnSync(c, ["--version"], { stdio: "ignore" }).status === 0,
);
if (!chromium) {
  console.error("docs-screenshot: no chromium, chromium-browser or google-chrome on PATH.");
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), "blastradius-screenshot-"));
try {
  const site = join(dir, "site");
  // A fixed time, so that the page says the same thing on every run.
  const docs = spawnSync(
    process.execPath,
    [join(root, "bin/blastradius.cjs"), "docs", "--out", site],
    {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, SOURCE_DATE_EPOCH: "1767225600" },
    },
  );
  if (docs.status !== 0) {
    console.error(
      `docs-screenshot: blastradius docs failed (run npm run build first?)\n${docs.stderr}`,
    );
    process.exit(2);
  }
  const page = pathToFileURL(join(site, "nodes/iam-role/automation-runner.html")).href;
  const shot = spawnSync(
    chromium,
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--hide-scrollbars",
      "--force-device-scale-factor=1",
      `--window-size=1280,${height}`,
      `--screenshot=${out}`,
      page,
    ],
    { encoding: "utf8", timeout: 60_000 },
  );
  if (shot.status !== 0) {
    console.error(`docs-screenshot: chromium failed\n${shot.stderr.slice(-2000)}`);
    process.exit(2);
  }
  console.log(`${out}: ${Math.round(statSync(out).size / 1024)} KB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
