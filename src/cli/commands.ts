// What every command does once its flags are read: the second of the CLI's two bundles
// (lib/blastradius-commands.cjs), loaded only when a command runs. `--version` and `--help`
// never load it (load-commands.ts).

import { runDocsWorkerIfAsked } from "../app/docs/docs-worker.js";

export { check } from "./commands/check.js";
export { contracts } from "./commands/contracts.js";
export { docs } from "./commands/docs.js";
export { explore } from "./commands/explore.js";
export { graph } from "./commands/graph.js";
export { init } from "./commands/init.js";
export { pr } from "./commands/pr.js";
export { report } from "./commands/report.js";
export { suspects } from "./commands/suspects.js";
export { validate } from "./commands/validate.js";
export { runAction } from "./run-action.js";

// Started as a worker thread of a docs build (this bundle is the file it starts from), this
// thread makes node pages and stops; no command runs.
runDocsWorkerIfAsked();
