import { describe, expect, it } from "vitest";
import { parsePathRule } from "../core/config/normalise.js";
import { parseDocuments, withinExpandedSize } from "../core/config/yaml-documents.js";
import { PathIndex } from "../core/locate/path-index.js";
import type { FileChange } from "../core/model.js";
import { classifyChanges } from "./classify-changes.js";

/** About a kilobyte that expands to 9^levels values through aliases. */
function aliasBomb(levels: number): string {
  const lines = [`a0: &a0 [${Array(9).fill('"x"').join(", ")}]`];
  for (let i = 1; i <= levels; i++)
    lines.push(
      `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(", ")}]`,
    );
  return `${lines.join("\n")}\n`;
}

const role = (verbs: string) =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: reader}\nrules: [{apiGroups: [""], resources: [pods], verbs: [${verbs}]}]\n`;

describe("YAML whose aliases expand without bound", () => {
  // The object, its two keys, and the shared list (itself and two values) counted twice: 9.
  it("counts shared values once, so a bomb is refused at once and a real stream passes", () => {
    const shared = ["x", "y"];
    expect(withinExpandedSize({ a: shared, b: shared }, 9)).toBe(true);
    expect(withinExpandedSize({ a: shared, b: shared }, 8)).toBe(false);
    const loop: unknown[] = [];
    loop.push(loop);
    expect(withinExpandedSize(loop, 1_000_000)).toBe(false);
    const parsed = parseDocuments(aliasBomb(12), "k8s/role.yaml", { maxExpanded: 1_000_000 });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.diagnostic.message).toMatch(/aliases expand beyond 1,000,000/);
    expect(
      parseDocuments(`x: &a [get, list]\ny: [*a, *a]\n---\n${role("get")}`, "k8s/role.yaml", {
        maxExpanded: 1_000_000,
      }).ok,
    ).toBe(true);
  });

  it("leaves a matched manifest holding a bomb unjudged, with the reason", async () => {
    const paths = new PathIndex();
    paths.add("k8s-role/reader", parsePathRule("k8s/**"));
    const files: FileChange[] = [{ path: "k8s/role.yaml", status: "modified" }];
    const result = await classifyChanges(files, {
      paths,
      read: async () => ({ base: role("get, list"), head: `${aliasBomb(12)}---\n${role("get")}` }),
    });
    expect(result.unjudged).toEqual([
      {
        file: "k8s/role.yaml",
        reason: expect.stringMatching(/YAML aliases expand beyond 1,000,000 values/),
      },
    ]);
    expect(result.files[0]?.resources?.map((r) => r.classes)).toEqual([["unknown"]]);
  });
});
