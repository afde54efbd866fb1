// Loaded with `node --import`: at exit, writes the process's peak resident set size (KiB)
// to the file named by BENCH_RSS_FILE, so the bench measures the real entry point unchanged.
import { writeFileSync } from "node:fs";

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on("exit", () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
}
