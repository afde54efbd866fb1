import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MAX_RENDERED_DEPTH, readRenderedTree } from "../adapters/fs/read-rendered-tree.js";
import { InputError } from "../core/errors.js";
import { BASE, HEAD_SAME_LABELS as HEAD, renderFiles } from "../core/testing/rendered-chart.js";
import { readRenderedChange, readRenderedObjects } from "./read-rendered.js";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "br-rendered-"));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe("readRenderedTree", () => {
  it("reads YAML files recursively by their path inside the render, and says what else it left out", () => {
    const files = { ...renderFiles(BASE), "kube-watcher/templates/NOTES.txt": "thanks" };
    const dir = folder(
      Object.fromEntries(Object.entries(files).map(([p, t]) => [`render/${p}`, t])),
    );
    const { tree, notes } = readRenderedTree("render", dir, "--rendered-base");
    expect(tree.root).toBe("render");
    expect(tree.files.map((f) => f.path)).toEqual(
      Object.keys(renderFiles(BASE)).sort((a, b) => (a < b ? -1 : 1)),
    );
    expect(notes).toEqual([
      "--rendered-base render: 1 file(s) not ending in .yaml, .yml or .template.json left out (kube-watcher/templates/NOTES.txt)",
    ]);
  });

  it("never follows a link: one that leaves the render is not read, and is said", () => {
    const outside = folder({ "secret.yaml": "kind: Secret\nmetadata:\n  name: s\n" });
    const dir = folder({ "a.yaml": "kind: ConfigMap\nmetadata:\n  name: a\n" });
    symlinkSync(join(outside, "secret.yaml"), join(dir, "link.yaml"));
    symlinkSync(outside, join(dir, "elsewhere"));
    const { tree } = readRenderedTree(dir, "/", "--rendered-head");
    expect(tree.files).toEqual([
      { path: "a.yaml", text: "kind: ConfigMap\nmetadata:\n  name: a\n" },
      { path: "link.yaml", problem: "a symbolic link; not followed" },
    ]);
  });

  it("bounds the depth of folders, and says where it stopped", () => {
    const deep = `${Array.from({ length: MAX_RENDERED_DEPTH + 2 }, (_, i) => `d${i}`).join("/")}/x.yaml`;
    const dir = folder({ [deep]: "kind: ConfigMap\nmetadata:\n  name: x\n" });
    const { tree } = readRenderedTree(dir, "/", "--rendered-head");
    expect(tree.files).toHaveLength(1);
    expect(tree.files[0]).toMatchObject({
      problem: `a folder nested more than ${MAX_RENDERED_DEPTH} deep; not read`,
    });
  });

  it("a path that is not there is an input error naming the flag", () => {
    const dir = folder({});
    expect(() => readRenderedTree("nope", dir, "--rendered-base")).toThrow(InputError);
    expect(() => readRenderedTree("nope", dir, "--rendered-base")).toThrow(
      "--rendered-base nope: no such file or folder",
    );
  });
});

describe("readRenderedChange", () => {
  it("an input of kind rendered, named by the head's path, and the files it could not judge", () => {
    const base = folder(renderFiles(BASE));
    const head = folder({
      ...renderFiles(HEAD),
      "kube-watcher/templates/broken.yaml": "kind: [\n",
    });
    const reading = readRenderedChange({ base, head }, "/");
    expect(reading.input.kind).toBe("rendered");
    expect(reading.input.file).toBe(head);
    expect(reading.input.reading.resources.map((r) => r.address)).toEqual([
      "ClusterRole/watcher",
      "Deployment/monitoring/watcher",
      "RoleBinding/monitoring/watcher-leader-election",
    ]);
    expect(reading.unjudged.map((u) => u.file)).toEqual([
      `${head}/kube-watcher/templates/broken.yaml`,
    ]);
    expect(reading.notes).toEqual([]);
    const bare = folder(
      Object.fromEntries(
        Object.entries(renderFiles(HEAD)).map(([p, t]) => [
          p,
          t.replace(/^ {2}namespace: .*\n/gm, ""),
        ]),
      ),
    );
    expect(readRenderedChange({ base, head: bare }, "/").notes).toEqual([
      expect.stringMatching(
        /^\d+ changed object\(s\) of the render have no namespace \(.*\), so they match only rules written without one; render with --namespace and give the same namespace to --rendered-namespace$/,
      ),
    ]);
  });
});

describe("readRenderedObjects", () => {
  it("gives namespaced objects written without one the namespace asked for, subjects included", () => {
    const dir = folder({
      "all.yaml": `apiVersion: v1
kind: ServiceAccount
metadata:
  name: app
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: app
roleRef: {kind: ClusterRole, name: view}
subjects:
  - {kind: ServiceAccount, name: app}
`,
    });
    const again = readRenderedObjects(dir, "/", "ops");
    expect(again.files).toEqual([`${dir}/all.yaml`]);
    expect(again.objects.map((o) => [o.kind, o.namespace, o.subjects])).toEqual([
      ["ServiceAccount", "ops", undefined],
      [
        "ClusterRoleBinding",
        undefined,
        [{ kind: "ServiceAccount", name: "app", namespace: "ops" }],
      ],
    ]);
  });
});

describe("a render given as one file", () => {
  it("is read through a link the user named, and is not judged when it is not UTF-8", () => {
    const dir = folder({
      "render.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n",
    });
    symlinkSync(join(dir, "render.yaml"), join(dir, "latest.yaml"));
    writeFileSync(join(dir, "latin1.yaml"), Buffer.from([0x6b, 0x69, 0x6e, 0x64, 0x3a, 0xe9]));
    expect(readRenderedTree("latest.yaml", dir, "--rendered-head").tree.files).toEqual([
      { path: "", text: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n" },
    ]);
    expect(readRenderedTree("latin1.yaml", dir, "--rendered-head").tree.files).toEqual([
      { path: "", problem: "not UTF-8 text" },
    ]);
  });
});
