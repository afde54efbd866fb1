// Regenerates schema/*.json from the source (run by `npm run schema`).
import { writeFileSync } from "node:fs";
import { schemaFiles } from "../lib/core/schema-files.js";

for (const [name, text] of Object.entries(schemaFiles())) {
  writeFileSync(new URL(`../schema/${name}`, import.meta.url), text);
  console.log(`wrote schema/${name}`);
}
