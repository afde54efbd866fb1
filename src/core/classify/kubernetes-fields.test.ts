import { describe, expect, it } from "vitest";
import { changedFields, describeFields } from "./kubernetes-fields.js";

describe("changed fields of a Kubernetes object", () => {
  const base = {
    metadata: { name: "op", labels: { "app.kubernetes.io/version": "0.1" } },
    spec: {
      template: {
        metadata: { labels: { a: "1" } },
        spec: { containers: [{ name: "c", image: "op:0.1", args: ["--x"] }] },
      },
    },
  };

  it("names the leaves that differ, labels and annotations as whole maps", () => {
    const head = structuredClone(base);
    head.metadata.labels["app.kubernetes.io/version"] = "0.2";
    head.spec.template.metadata.labels.a = "2";
    (head.spec.template.spec.containers[0] as { image: string }).image = "op:0.2";
    const fields = changedFields(base, head);
    expect(fields).toEqual([
      "metadata.labels",
      "spec.template.metadata.labels",
      "spec.template.spec.containers[0].image",
    ]);
    expect(describeFields(fields)).toBe(
      "spec.template.spec.containers[0].image, metadata.labels and spec.template.metadata.labels change",
    );
  });

  it("a list that grows is one change; an unchanged object has none", () => {
    const head = structuredClone(base);
    head.spec.template.spec.containers[0]?.args.push("--y");
    expect(changedFields(base, head)).toEqual(["spec.template.spec.containers[0].args"]);
    expect(changedFields(base, structuredClone(base))).toEqual([]);
  });

  it("stays short", () => {
    expect(describeFields(["a"])).toBe("a changes");
    expect(describeFields(["metadata.labels"])).toBe("metadata.labels change");
    expect(describeFields(["a", "b", "c", "d", "e"])).toBe("a, b, c and 2 other fields change");
  });
});
