// How the docs pictures scale: every node's picture of a generated organisation chosen, laid
// out (dagre, memoised by shape) and rendered as SVG and mermaid, with the memo's hit rate.
// Run: npx tsx bench/docs-pictures.ts [nodes]   (default 10,000; the organisation's seed is fixed)
// Times are CPU milliseconds of this process.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dagreLayout } from "../src/adapters/layout/dagre-layout.js";
import { loadModel } from "../src/app/load-model.js";
import { neighbourhoodPicture } from "../src/core/docs/picture.js";
import type { PictureLayout } from "../src/core/docs/picture-layout.js";
import { renderPictureMermaid } from "../src/core/docs/render-picture-mermaid.js";
import { renderPictureSvg } from "../src/core/docs/render-picture-svg.js";
import { generateOrg, toDepsYaml } from "./generate-org.js";

const nodes = Number(process.argv[2] ?? 10_000);
const dir = mkdtempSync(join(tmpdir(), "blastradius-pictures-"));
try {
  writeFileSync(join(dir, "deps.yaml"), toDepsYaml(generateOrg({ nodes, seed: 20261127 })));
  const layout = dagreLayout();
  // CPU time of this process rather than the wall clock: on a shared machine the wall clock
  // measures the neighbours.
  const time = <T>(run: () => T): [T, number] => {
    const start = process.cpuUsage();
    const result = run();
    const used = process.cpuUsage(start);
    return [result, (used.user + used.system) / 1000];
  };
  // Loading the graph is most of what `validate` does: the yardstick the site is held to.
  const [graph, loadMs] = time(() => loadModel(join(dir, "deps.yaml")).model.compact);
  const [pictures, chooseMs] = time(() => graph.ids.map((id) => neighbourhoodPicture(graph, id)));
  const [layouts, layoutMs] = time(() => pictures.map((p) => layout(p)));
  const [svgBytes, svgMs] = time(() =>
    pictures.reduce(
      (sum, p, i) =>
        sum +
        renderPictureSvg(p, layouts[i] as PictureLayout, {
          hrefOf: (id) => `${id}.html`,
          idPrefix: "picture",
          title: graph.ids[i] as string,
        }).length,
      0,
    ),
  );
  const [mermaidBytes, mermaidMs] = time(() =>
    pictures.reduce((sum, p) => sum + renderPictureMermaid(p).length, 0),
  );
  const stats = layout.stats();
  const n = graph.ids.length;
  const perNodeUs = ((chooseMs + layoutMs + svgMs) / n) * 1000;
  console.log(
    JSON.stringify(
      {
        nodes: n,
        loadMs: Math.round(loadMs),
        chooseMs: Math.round(chooseMs),
        layoutMs: Math.round(layoutMs),
        svgMs: Math.round(svgMs),
        mermaidMs: Math.round(mermaidMs),
        perNodeUs: Math.round(perNodeUs),
        shapes: stats.shapes,
        hitRate: Number((stats.hits / (stats.hits + stats.misses)).toFixed(3)),
        layoutPerShapeMs: Number((layoutMs / stats.misses).toFixed(1)),
        averageBoxes: Number((pictures.reduce((s, p) => s + p.nodes.length, 0) / n).toFixed(1)),
        averageSvgBytes: Math.round(svgBytes / n),
        averageMermaidBytes: Math.round(mermaidBytes / n),
      },
      null,
      2,
    ),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
