// The Action's entry point (bundled into dist/index.js): the real world, handed to runAction.

import { readFileSync, writeFileSync } from "node:fs";
import { createGitHubClient } from "../adapters/github/client.js";
import { octokitPort } from "../adapters/github/octokit-port.js";
import { runDocsWorkerIfAsked } from "../app/docs/docs-worker.js";
import { readChangeSetFile } from "../app/read-change-set.js";
import { readPlanFile } from "../app/read-plan.js";
import { readRenderedChange } from "../app/read-rendered.js";
import { runAction } from "./run-action.js";

// Started as a worker thread of a docs build (dist/index.js is the file it starts from), this
// thread makes node pages and stops: the Action is not run twice.
if (!runDocsWorkerIfAsked()) runMain();

function runMain(): void {
  void runAction({
    env: process.env,
    write: (text) => process.stdout.write(text),
    readFile: (path) => readFileSync(path, "utf8"),
    writeFile: (path, text) => writeFileSync(path, text, "utf8"),
    createPort: (token, baseUrl, log) => octokitPort(createGitHubClient({ token, baseUrl, log })),
    readPlan: readPlanFile,
    readChangeSet: readChangeSetFile,
    readRendered: readRenderedChange,
  }).then((code) => {
    process.exitCode = code;
  });
}
