import { describe, expect, it } from "vitest";
import { analyze } from "../core/analyze.js";
import type { FileChange } from "../core/model.js";
import { modelOf } from "../core/testing/helpers.js";
import { classifyChanges, type FileContents } from "./classify-changes.js";
import { MAX_USING_OVERLAYS } from "./classify-kustomize.js";

const binding = (subject: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: deployer
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
subjects:
  - {kind: ServiceAccount, name: ${subject}, namespace: ci}
`;

const overlay = (ns: string) => `namespace: ${ns}\nresources:\n  - ../../base\n`;

/** A base of one binding and `n` overlays of it, overlays/o<i>, each its own namespace. */
function repository(n: number): Record<string, string> {
  const files: Record<string, string> = {
    "base/kustomization.yaml": "resources:\n  - binding.yaml\n",
    "base/binding.yaml": binding("ci"),
  };
  for (let i = 0; i < n; i++) files[`overlays/o${i}/kustomization.yaml`] = overlay(`o${i}`);
  return files;
}

/** A hand-written graph: each overlay's node names the base file, as init drafts it. */
function graph(n: number): string {
  const nodes = Array.from(
    { length: n },
    (_, i) => `  o${i}/deployer:
    kind: k8s-binding
    match:
      paths: [overlays/o${i}/kustomization.yaml, base/binding.yaml]
      kubernetes: [RoleBinding/o${i}/deployer]
`,
  );
  return `version: 1\nowners: {}\nnodes:\n${nodes.join("")}`;
}

async function check(n: number, head: Record<string, string>, unreadable: string[] = []) {
  const files = repository(n);
  const model = modelOf(graph(n));
  const read = async (file: FileChange): Promise<FileContents> => {
    if (unreadable.includes(file.path)) return { unreadable: "a symbolic link" };
    const base = files[file.path];
    const now = Object.hasOwn(head, file.path) ? head[file.path] : base;
    return { ...(base !== undefined ? { base } : {}), ...(now !== undefined ? { head: now } : {}) };
  };
  const changed = Object.keys(head).map((path) => ({ path, status: "modified" as const }));
  const classified = await classifyChanges(changed, { read, paths: model.paths });
  return {
    classified,
    impact: analyze(model, classified.files, { unjudged: classified.unjudged }),
  };
}

describe("a base's file changed, with the overlays the graph ties it to", () => {
  it("changes each overlay's object as the overlay emits it", async () => {
    const { impact, classified } = await check(2, { "base/binding.yaml": binding("deploy") });
    expect(impact.changed.map((c) => [c.id, c.classes])).toEqual([
      ["o0/deployer", ["trust-narrowed", "trust-widened"]],
      ["o1/deployer", ["trust-narrowed", "trust-widened"]],
    ]);
    // What it is read as on its own is kept beside.
    expect(classified.files[0]?.resources?.map((r) => r.address)).toEqual([
      "RoleBinding/deployer",
      "RoleBinding/o0/deployer",
      "RoleBinding/o1/deployer",
    ]);
    expect(classified.unjudged).toEqual([]);
  });

  it("is unknown for the overlays past the bound, saying to give the rendered manifests", async () => {
    const { classified, impact } = await check(MAX_USING_OVERLAYS + 1, {
      "base/binding.yaml": binding("deploy"),
    });
    // Overlays are taken in path order: overlays/o9 sorts last, past the bound.
    const classes = new Map(impact.changed.map((c) => [c.id, c.classes]));
    expect(classes.get("o9/deployer")).toContain("unknown");
    expect(classes.get("o0/deployer")).toContain("trust-widened");
    expect(classified.unjudged.map((u) => u.reason)).toContainEqual(
      expect.stringContaining(
        `beyond the ${MAX_USING_OVERLAYS} overlays evaluated per change: give the rendered manifests`,
      ),
    );
  });

  it("is unknown where an overlay that may use it cannot be read", async () => {
    const { classified, impact } = await check(2, { "base/binding.yaml": binding("deploy") }, [
      "overlays/o1/kustomization.yaml",
    ]);
    const classes = new Map(impact.changed.map((c) => [c.id, c.classes]));
    // The file is not judged whole, so every node that matches it hears so.
    expect(classes.get("o0/deployer")).toEqual(["trust-narrowed", "unknown", "trust-widened"]);
    expect(classes.get("o1/deployer")).toEqual(["unknown"]);
    expect(classified.unjudged.map((u) => u.reason)).toEqual([
      "the kustomization overlays/o1/kustomization.yaml may use base/binding.yaml, but it is not read (a symbolic link): give the rendered manifests (check --rendered-base/--rendered-head)",
    ]);
  });
});
