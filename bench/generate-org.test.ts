import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { load } from "../src/core/testing/helpers.js";
import { generateOrg, toDepsYaml } from "./generate-org.js";

const digest = (text: string) => createHash("sha256").update(text).digest("hex");

describe("generateOrg", () => {
  it("is deterministic for a seed, and differs between seeds", () => {
    const a = generateOrg({ nodes: 2000, seed: 7 });
    const b = generateOrg({ nodes: 2000, seed: 7 });
    const c = generateOrg({ nodes: 2000, seed: 8 });
    expect(digest(toDepsYaml(a))).toBe(digest(toDepsYaml(b)));
    expect(a.changedFiles).toEqual(b.changedFiles);
    expect(digest(toDepsYaml(a))).not.toBe(digest(toDepsYaml(c)));
  });

  it("makes a valid graph of the size asked, about five edges a node, with some cycles", () => {
    const org = generateOrg({ nodes: 3000, seed: 3 });
    const result = load({ "deps.yaml": toDepsYaml(org) });
    expect(result.errors).toEqual([]);
    expect(result.config?.nodes.size).toBe(3000);
    const edges = result.graph?.targets.length ?? 0;
    expect(edges / 3000).toBeGreaterThan(3.5);
    expect(edges / 3000).toBeLessThan(6.5);
    expect(result.warnings.some((w) => w.code === "cycle")).toBe(true);
    expect(org.changedFiles).toHaveLength(3000);
  });

  it("Nx mode: one project folder a node", () => {
    const org = generateOrg({ nodes: 200, seed: 1, nx: true, changedFiles: 20 });
    expect(org.nodes[5]?.paths).toEqual(["projects/p5/**"]);
    expect(org.changedFiles.every((f) => f.startsWith("projects/"))).toBe(true);
    expect(load({ "deps.yaml": toDepsYaml(org) }).errors).toEqual([]);
  });
});
