import { generateOrg } from "./bench/generate-org.js";
import { loadModel } from "./src/app/load-model.js";
import { analyze } from "./src/core/analyze.js";

const org = generateOrg({ nodes: 100000, seed: 20261127 });
const { model } = loadModel("/tmp/an.yaml");
const files = org.changedFiles.map((path) => ({ path, status: "modified" as const }));
for (let i = 0; i < 30; i++) analyze(model, files);
