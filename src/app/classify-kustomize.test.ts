import { describe, expect, it } from "vitest";
import { analyze } from "../core/analyze.js";
import type { FileChange } from "../core/model.js";
import { modelOf } from "../core/testing/helpers.js";
import { classifyChanges, type FileContents, type FolderContents } from "./classify-changes.js";
import { MAX_KUSTOMIZE_FILES } from "./classify-kustomize.js";

const binding = (subjects: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: deployer
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: edit
subjects:
${subjects}`;

const ci = "- kind: ServiceAccount\n  name: ci\n  namespace: ci\n";
const sre = "- kind: Group\n  name: sre\n";

const patch = (subjects: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: deployer
subjects:
${subjects}`;

const repository: Record<string, string> = {
  // A documentation snippet that happens to carry the same kind and name.
  "docs/examples/binding.yaml": binding(ci),
  "base/kustomization.yaml": "resources:\n  - binding.yaml\n  - deployment.yaml\n",
  "base/binding.yaml": binding(ci),
  "base/deployment.yaml": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.25.3
`,
  "overlays/prod/kustomization.yaml": `namespace: prod
namePrefix: prod-
resources:
  - ../../base
images:
  - name: nginx
    newTag: 1.25.3
patches:
  - path: patch-binding.yaml
`,
  "overlays/prod/patch-binding.yaml": patch(ci + sre),
};

// What init would draft from files read as objects: the patch file counted as a RoleBinding
// named deployer, beside the snippet; and nodes for what the overlay deploys.
const deps = `version: 1
owners: {}
nodes:
  docs/deployer:
    kind: k8s-binding
    match:
      paths: [docs/examples/binding.yaml, overlays/prod/patch-binding.yaml]
      kubernetes: [RoleBinding/deployer]
  prod/deployer:
    kind: k8s-binding
    match:
      paths: [overlays/prod/**]
      kubernetes: [RoleBinding/prod/prod-deployer]
  prod/web:
    kind: service
    match:
      paths: [overlays/prod/**]
      kubernetes: [Deployment/prod/prod-web]
`;

/** The repository at base, with some files at head. */
function reader(head: Record<string, string | undefined>) {
  const reads: string[] = [];
  const at = (side: "base" | "head", path: string) =>
    side === "head" && Object.hasOwn(head, path) ? head[path] : repository[path];
  return {
    reads,
    read: async (file: FileChange): Promise<FileContents> => {
      reads.push(file.path);
      const base = at("base", file.previousPath ?? file.path);
      const now = at("head", file.path);
      return {
        ...(base !== undefined ? { base } : {}),
        ...(now !== undefined ? { head: now } : {}),
      };
    },
    folder: async (folder: string, matches: RegExp): Promise<FolderContents> => {
      const side = (s: "base" | "head") =>
        [...new Set([...Object.keys(repository), ...Object.keys(head)])]
          .filter((p) => p.slice(0, p.lastIndexOf("/")) === folder)
          .filter((p) => matches.test(p.slice(p.lastIndexOf("/") + 1)))
          .flatMap((p) => {
            const text = at(s, p);
            return text === undefined ? [] : [{ path: p, text }];
          });
      return { base: side("base"), head: side("head") };
    },
  };
}

async function check(head: Record<string, string | undefined>, files: FileChange[]) {
  const model = modelOf(deps);
  const { read, folder, reads } = reader(head);
  const classified = await classifyChanges(files, { read, folder, paths: model.paths });
  const impact = analyze(model, classified.files, { unjudged: classified.unjudged });
  return { classified, impact, reads };
}

describe("kustomize overlays in check", () => {
  it("a patch file changes the overlay's binding, not a same-named snippet elsewhere", async () => {
    const { classified, impact } = await check({ "overlays/prod/patch-binding.yaml": patch(ci) }, [
      { path: "overlays/prod/patch-binding.yaml", status: "modified" },
    ]);
    expect(classified.files[0]?.resources?.map((r) => [r.address, r.classes])).toEqual([
      ["RoleBinding/prod/prod-deployer", ["trust-narrowed"]],
    ]);
    expect(impact.changed.map((c) => [c.id, c.classes])).toEqual([
      ["prod/deployer", ["trust-narrowed"]],
    ]);
    expect(classified.unjudged).toEqual([]);
  });

  it("an image bump in the kustomization modifies the overlay's Deployment", async () => {
    const { classified, impact } = await check(
      {
        "overlays/prod/kustomization.yaml": repository["overlays/prod/kustomization.yaml"]?.replace(
          "newTag: 1.25.3",
          "newTag: 1.25.4",
        ),
      },
      [{ path: "overlays/prod/kustomization.yaml", status: "modified" }],
    );
    expect(impact.changed.map((c) => [c.id, c.classes])).toEqual([["prod/web", ["modified"]]]);
    expect(classified.files[0]?.resources?.[0]?.evidence[0]?.detail).toBe(
      "image nginx: 1.25.3 → 1.25.4",
    );
  });

  it("a plain manifest beside no kustomization is read as before", async () => {
    const { classified } = await check({ "docs/examples/binding.yaml": binding(sre) }, [
      { path: "docs/examples/binding.yaml", status: "modified" },
    ]);
    expect(classified.files[0]?.resources?.map((r) => [r.address, r.classes])).toEqual([
      ["RoleBinding/deployer", ["trust-narrowed", "trust-widened"]],
    ]);
  });

  it("reads each side alone from a reader that answers nothing for a file one side lacks (the API's)", async () => {
    const model = modelOf(deps);
    const head: Record<string, string | undefined> = {
      "overlays/prod/kustomization.yaml": repository["overlays/prod/kustomization.yaml"]?.replace(
        "  - ../../base\n",
        "  - ../../base\n  - batch-sa.yaml\n",
      ),
      "overlays/prod/batch-sa.yaml":
        "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: batch\n",
    };
    const { read } = reader(head);
    const strict = async (file: FileChange) => {
      const both = await read(file);
      const lacks =
        (file.status !== "added" && both.base === undefined) ||
        (file.status !== "removed" && both.head === undefined);
      return lacks ? undefined : both;
    };
    const classified = await classifyChanges(
      [{ path: "overlays/prod/kustomization.yaml", status: "modified" }],
      { read: strict, paths: model.paths },
    );
    expect(classified.files[0]?.resources?.map((r) => [r.address, r.classes])).toEqual([
      ["ServiceAccount/prod/prod-batch", ["added"]],
    ]);
    expect(classified.unjudged).toEqual([]);
  });

  it("finds the kustomization of a patch kept in a subfolder", async () => {
    const { classified, impact } = await check(
      {
        "overlays/prod/kustomization.yaml": repository["overlays/prod/kustomization.yaml"]?.replace(
          "path: patch-binding.yaml",
          "path: patches/binding.yaml",
        ),
        "overlays/prod/patches/binding.yaml": patch(ci),
      },
      [
        { path: "overlays/prod/patches/binding.yaml", status: "added" },
        { path: "overlays/prod/kustomization.yaml", status: "modified" },
      ],
    );
    expect(classified.files[0]?.resources?.map((r) => [r.address, r.classes])).toEqual([
      ["RoleBinding/prod/prod-deployer", ["trust-narrowed"]],
    ]);
    expect(impact.changed.map((c) => [c.id, c.classes])).toEqual([
      ["prod/deployer", ["trust-narrowed"]],
    ]);
  });

  it("reads at most a bounded number of files, the rest unknown with the hint to render", async () => {
    const many = Array.from({ length: MAX_KUSTOMIZE_FILES + 5 }, (_, i) => `  - sa-${i}.yaml`);
    const extra: Record<string, string> = {
      "overlays/prod/kustomization.yaml": `namespace: prod\nresources:\n${many.join("\n")}\nimages:\n  - name: nginx\n    newTag: "2"\n`,
    };
    const { classified, reads } = await check(extra, [
      { path: "overlays/prod/kustomization.yaml", status: "modified" },
    ]);
    expect(reads.length).toBeLessThanOrEqual(MAX_KUSTOMIZE_FILES + 1);
    const reasons = classified.unjudged.map((u) => u.reason);
    expect(reasons.some((r) => r.includes(`beyond the ${MAX_KUSTOMIZE_FILES} files read`))).toBe(
      true,
    );
    expect(reasons.every((r) => r.includes("check --rendered-base/--rendered-head"))).toBe(true);
    expect(classified.files[0]?.resources?.some((r) => r.classes.includes("unknown"))).toBe(true);
  });
});
