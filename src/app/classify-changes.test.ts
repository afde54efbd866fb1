import { describe, expect, it } from "vitest";
import { parsePathRule } from "../core/config/normalise.js";
import { PathIndex } from "../core/locate/path-index.js";
import type { FileChange } from "../core/model.js";
import { classifyChanges, type FileContents } from "./classify-changes.js";

const role = (name: string) =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: ${name}}\nrules: [{apiGroups: [""], resources: [pods], verbs: [get]}]\n`;
const binding =
  "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: reader}\nroleRef: {kind: Role, name: reader}\nsubjects: [{kind: ServiceAccount, name: app}]\n";

describe("classifyChanges for manifests", () => {
  const paths = new PathIndex();
  paths.add("k8s", parsePathRule("k8s/**"));

  it("asks for a folder's other manifests once, and names a binding left dangling once", async () => {
    const files: FileChange[] = [
      { path: "k8s/reader.yaml", status: "removed" },
      { path: "k8s/other.yaml", status: "modified" },
    ];
    const contents: Record<string, FileContents> = {
      "k8s/reader.yaml": { base: role("reader") },
      "k8s/other.yaml": { base: role("other"), head: `${role("other")}# note\n` },
    };
    const asked: string[] = [];
    const result = await classifyChanges(files, {
      paths,
      read: async (file) => contents[file.path],
      context: async (file) => {
        asked.push(file.path);
        return [
          { path: "k8s/binding.yaml", text: binding },
          { path: "k8s/other.yaml", text: role("other") },
        ];
      },
    });
    expect(asked).toHaveLength(1);
    expect(result.files[0]?.resources?.map((r) => [r.address, r.classes])).toEqual([
      ["Role/reader", ["deleted"]],
    ]);
    // Said once, on the deletion: the binding itself did not change.
    expect(
      result.files[0]?.resources?.[0]?.evidence.filter((e) => e.address === "RoleBinding/reader"),
    ).toHaveLength(1);
    expect(result.files[1]?.resources).toEqual([]);
  });

  it("compares YAML up to its own, larger limit; other files keep theirs", async () => {
    const big = `${role("reader")}# ${"x".repeat(2 * 1024 * 1024)}\n`;
    const files: FileChange[] = [
      { path: "k8s/bundle.yaml", status: "modified" },
      { path: "k8s/policy.json", status: "modified" },
    ];
    const result = await classifyChanges(files, {
      paths,
      read: async (file) =>
        file.path.endsWith(".yaml")
          ? { base: big, head: big.replace("[get]", "[get, list]") }
          : { base: big, head: big },
    });
    expect(result.files[0]?.resources?.map((r) => r.classes)).toEqual([["permissions-added"]]);
    expect(result.notes).toEqual(["k8s/policy.json is over 1024 KiB: not compared"]);
  });

  it("an object moved into a file no node matches is moved, not deleted", async () => {
    const files: FileChange[] = [
      { path: "k8s/all.yaml", status: "modified" },
      { path: "split/reader.yaml", status: "added" },
    ];
    const contents: Record<string, FileContents> = {
      "k8s/all.yaml": { base: `${role("reader")}---\n${role("other")}`, head: role("other") },
      "split/reader.yaml": { head: role("reader").replace("[get]", "[get, list]") },
    };
    const result = await classifyChanges(files, {
      paths,
      read: async (file) => contents[file.path],
    });
    expect(result.files[0]?.resources?.map((r) => [r.address, r.classes])).toEqual([
      ["Role/reader", ["permissions-added"]],
    ]);
    expect(result.files[0]?.resources?.[0]?.evidence.at(-1)?.detail).toBe(
      "Role reader moves to split/reader.yaml",
    );
    expect(result.files[1]?.resources).toBeUndefined();
  });
});
