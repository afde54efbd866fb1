import { writeFileSync } from "node:fs";
import { generateOrg, toDepsYaml } from "./bench/generate-org.js";
import { traversalFloor } from "./bench/traversal-floor.js";
import { loadModel } from "./src/app/load-model.js";
import { analyze } from "./src/core/analyze.js";
import { blastRadius } from "./src/core/graph/blast-radius.js";
import { locateFileChanges } from "./src/core/locate/changed-nodes.js";

const n = Number(process.argv[2] ?? 100000);
const org = generateOrg({ nodes: n, seed: 20261127 });
writeFileSync("/tmp/an.yaml", toDepsYaml(org));
const { model } = loadModel("/tmp/an.yaml");
const files = org.changedFiles.map((path) => ({ path, status: "modified" as const }));
const fg = traversalFloor.build(org);
const T = (label: string, f: () => unknown, runs = 7) => {
  let best = 1e9;
  let r: unknown;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    r = f();
    best = Math.min(best, performance.now() - t);
  }
  console.log(label, best.toFixed(2));
  return r;
};
const loc = T("locate", () =>
  locateFileChanges(files, model.paths, (id) => model.config.nodes.get(id)),
) as ReturnType<typeof locateFileChanges>;
T("blastRadius", () => blastRadius(model.compact, loc.changed));
T("analyze", () => analyze(model, files));
T("floor", () =>
  traversalFloor.bfs(
    fg,
    loc.changed.map((c) => c.id),
  ),
);
console.log("changed", loc.changed.length);
