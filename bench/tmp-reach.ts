import { loadModel } from "../src/app/load-model.js";
import { analyzeNodes } from "../src/core/analyze.js";
const loaded = loadModel(`/tmp/b/deps-10000.yaml`);
const model = loaded.model;
for (const mode of ["owners", "impacted", "slice"]) {
  const t = performance.now();
  let sum = 0;
  const caps = [50, 200, 1000]; const capSums = [0,0,0];
  for (const id of model.config.nodes.keys()) {
    const imp = analyzeNodes(model, [{ id, classes: ["deleted"] }]);
    if (mode === "owners") sum += imp.owners.length + imp.risk.breaking;
    else { const k = imp.impacted.length; sum += k; caps.forEach((c,i)=>capSums[i]+=Math.min(c,k)); if (mode==="slice") for (const n of imp.impacted.slice(0,200)) sum += n.path.length; }
  }
  console.log(mode, (performance.now() - t).toFixed(0), "ms", sum, capSums);
}
console.log(JSON.stringify(Object.keys(analyzeNodes(model,[{id:"iam-role/iam-1",classes:["deleted"]}]).owners[0])), JSON.stringify(analyzeNodes(model,[{id:"iam-role/iam-1",classes:["deleted"]}]).risk));
