import { describe, expect, it } from "vitest";
import { compareRenders, type RenderedTree } from "./rendered-manifests.js";

const tree = (root: string, files: Record<string, string>): RenderedTree => ({
  root,
  files: Object.entries(files).map(([path, text]) => ({ path, text })),
});

const role = (resources: string, name = "app") =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: ${name}, namespace: prod}\nrules:\n  - {apiGroups: [""], resources: [${resources}], verbs: [get]}\n`;

describe("a render that writes one object twice", () => {
  it("in a second file is not judged, not read as added", () => {
    const { resources, unjudged } = compareRenders(
      tree("base", { "t/role.yaml": role("secrets, configmaps") }),
      tree("head", { "t/role.yaml": role("secrets, configmaps"), "t/zz-role.yaml": role("pods") }),
    );
    expect(resources).toEqual([]);
    expect(unjudged).toEqual([
      {
        file: "head/t/zz-role.yaml",
        reason:
          "not compared: Role app is written twice at the head (head/t/role.yaml, head/t/zz-role.yaml); which one applies depends on the tool that applies the render: keep one",
      },
    ]);
  });

  it("at the base only, where the head keeps one: not judged either", () => {
    const { unjudged } = compareRenders(
      tree("base", { "a.yaml": role("pods"), "b.yaml": role("pods") }),
      tree("head", { "a.yaml": role("pods") }),
    );
    expect(unjudged.map((u) => u.file)).toEqual(["base/b.yaml"]);
  });

  it("twice in one file, changed: not judged; objects written once are compared as ever", () => {
    const { resources, unjudged } = compareRenders(
      tree("base", { "a.yaml": role("pods"), "b.yaml": role("pods", "other") }),
      tree("head", {
        "a.yaml": `${role("pods")}---\n${role("secrets")}`,
        "b.yaml": role("secrets", "other"),
      }),
    );
    expect(unjudged.map((u) => u.file)).toEqual(["head/a.yaml"]);
    expect(resources.map((r) => [r.address, r.classes])).toEqual([
      ["Role/prod/other", ["permissions-removed", "permissions-added"]],
    ]);
  });
});
