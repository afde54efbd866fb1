import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { configDefaults, defineConfig } from "vitest/config";
import { REALDATA } from "./test/shared-data.js";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "test/**/*.test.ts", "bench/**/*.test.ts"],
    // test/realdata holds only tests on ../shared/realdata: without it they declare nothing, and
    // a file with no test fails. The count reporter names what is absent.
    exclude: [...configDefaults.exclude, ...(existsSync(REALDATA) ? [] : ["test/realdata/**"])],
    // Reads the bundled example once for the core's tests, which may not read files.
    globalSetup: ["./test/bundled-example.setup.ts"],
    testTimeout: 30_000,
    // The CLI's caches (compiled code, loaded graphs) in a folder of this run's own, not the
    // user's: every end-to-end test also runs through the graph cache, cold then warm.
    env: { XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), "blastradius-test-cache-")) },
    pool: "forks",
    reporters: ["default", "./test/count-reporter.ts"],
  },
});
