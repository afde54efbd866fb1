import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "test/**/*.test.ts", "bench/**/*.test.ts"],
    testTimeout: 30_000,
    pool: "forks",
    reporters: ["default", "./test/count-reporter.ts"],
  },
});
