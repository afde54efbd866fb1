import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadModel } from "../../app/load-model.js";
import { neighbourhoodPicture, type Picture } from "../../core/docs/picture.js";
import { BOX, type PictureLayout } from "../../core/docs/picture-layout.js";
import { renderPictureSvg } from "../../core/docs/render-picture-svg.js";
import { chainYaml, modelOf } from "../../core/testing/helpers.js";
import { dagreLayout } from "./dagre-layout.js";

const ROOT = resolve(import.meta.dirname, "../../..");

/** Boxes in the picture's order must not overlap, and every edge runs left to right. */
function expectReadable(picture: Picture, layout: PictureLayout) {
  expect(layout.nodes).toHaveLength(picture.nodes.length);
  expect(layout.edges).toHaveLength(picture.edges.length);
  for (const [i, a] of layout.nodes.entries()) {
    expect(a.x).toBeGreaterThanOrEqual(0);
    expect(a.y).toBeGreaterThanOrEqual(0);
    expect(a.x + a.width).toBeLessThanOrEqual(layout.width);
    expect(a.y + a.height).toBeLessThanOrEqual(layout.height);
    for (const b of layout.nodes.slice(i + 1)) {
      const apart =
        a.x + a.width <= b.x ||
        b.x + b.width <= a.x ||
        a.y + a.height <= b.y ||
        b.y + b.height <= a.y;
      expect(apart).toBe(true);
    }
  }
  picture.edges.forEach((edge, j) => {
    const route = layout.edges[j];
    expect(route?.points.length).toBeGreaterThanOrEqual(2);
    expect(Boolean(route?.label)).toBe(edge.label !== "");
  });
}

const star = (up: number, down: number) => {
  const nodes: Record<string, object> = { c: {} };
  const edges: [string, string, string][] = [];
  for (let i = 0; i < up; i++) {
    nodes[`u${i}`] = {};
    edges.push([`u${i}`, "c", "uses"]);
  }
  for (let i = 0; i < down; i++) {
    nodes[`d${i}`] = {};
    edges.push(["c", `d${i}`, "feeds"]);
  }
  return chainYaml(nodes, edges);
};

describe("dagreLayout", () => {
  it("lays out the automation role of the bundled example: dependencies left, dependents right", () => {
    const { model } = loadModel(join(ROOT, "deps.yaml"));
    const picture = neighbourhoodPicture(model.compact, "iam-role/automation-runner");
    const layout = dagreLayout()(picture);
    expectReadable(picture, layout);
    const x = (id: string) => layout.nodes[picture.nodes.findIndex((n) => n.id === id)]?.x ?? NaN;
    const centre = x("iam-role/automation-runner");
    expect(x("iam-policy/warehouse-loader")).toBeLessThan(centre);
    for (const id of [
      "service/external-job-runner",
      "service/deploy-pipeline",
      "service/rls-access",
    ])
      expect(x(id)).toBeGreaterThan(centre);
    for (const box of layout.nodes) expect(box).toMatchObject(BOX);
    const svg = renderPictureSvg(picture, layout, {
      hrefOf: (id) => `../${id}.html`,
      idPrefix: "p",
      title: "Around iam-role/automation-runner",
    });
    expect(svg).toContain(`viewBox="0 0 ${layout.width} ${layout.height}"`);
    expect(svg.match(/<a href=/g)).toHaveLength(picture.nodes.length - 1);
    expect(svg.match(/<path class="edge" d="M[\d.]+,[\d.]+(L[\d.]+,[\d.]+)+"/g)).toHaveLength(
      picture.edges.length,
    );
  });

  it("hands back the same layout for the same shape, whatever the names, and another for another shape", () => {
    const layout = dagreLayout();
    const a = neighbourhoodPicture(modelOf(star(1, 2)).compact, "c");
    const renamed = neighbourhoodPicture(
      modelOf(star(1, 2).replaceAll("u0", "other").replaceAll("feeds", "x")).compact,
      "c",
    );
    const wider = neighbourhoodPicture(modelOf(star(1, 3)).compact, "c");
    const first = layout(a);
    expect(layout(renamed)).toBe(first);
    const second = layout(wider);
    expect(second).not.toBe(first);
    expect(second.height).toBeGreaterThan(first.height);
    expect(layout.stats()).toEqual({ hits: 1, misses: 2, shapes: 2 });
    expectReadable(wider, second);
  });

  it("keeps at most maxShapes layouts, forgetting the least recently used", () => {
    const layout = dagreLayout({ maxShapes: 2 });
    const [p1, p2, p3] = [star(1, 1), star(1, 2), star(2, 1)].map((yaml) =>
      neighbourhoodPicture(modelOf(yaml).compact, "c"),
    ) as [Picture, Picture, Picture];
    const l1 = layout(p1);
    layout(p2);
    expect(layout(p1)).toBe(l1); // p1 used last: p2 goes when p3 arrives
    layout(p3);
    expect(layout.stats().shapes).toBe(2);
    expect(layout(p1)).toBe(l1);
    layout(p2);
    expect(layout.stats()).toEqual({ hits: 2, misses: 4, shapes: 2 }); // p2 was laid out again
  });

  it("lays out cycles and folded columns", () => {
    const cycle = chainYaml({ a: {}, b: {}, c: {} }, [
      ["a", "b", "x"],
      ["b", "a", "y"],
      ["b", "c", "z"],
      ["c", "a", "w"],
    ]);
    const layout = dagreLayout();
    for (const id of ["a", "b", "c"]) {
      const picture = neighbourhoodPicture(modelOf(cycle).compact, id);
      expectReadable(picture, layout(picture));
    }
    const folded = neighbourhoodPicture(modelOf(star(12, 12)).compact, "c");
    expect(folded.nodes.filter((n) => n.role === "more")).toHaveLength(2);
    expectReadable(folded, layout(folded));
  });
});
