// The same files give the same graph, read from disk-like memory by the local loader or fetched
// a level at a time by the remote one: both parse each file and assemble once, alike.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type LoadResult, loadDeps, type ReadText } from "../core/config/load-deps.js";
import { loadRemoteDeps } from "./load-remote-deps.js";

const WHERE = "acme/infra@abc";
const NAMES = ["deps.yaml", "a.yaml", "teams/b.yaml", "teams/c.yaml", "cat.yaml", "a\\b.yaml"];
const TARGETS = [...NAMES, "b.yaml", "../a.yaml", "/etc/x.yaml", "teams/../a.yaml", "gone.yaml"];

const file = fc.record({
  includes: fc.array(fc.constantFrom(...TARGETS), { maxLength: 4 }),
  nodes: fc.uniqueArray(fc.constantFrom("n1", "n2", "n3", "n4"), { maxLength: 3 }),
  dependsOn: fc.uniqueArray(fc.constantFrom("n1", "n2", "n3", "n9"), { maxLength: 2 }),
  owner: fc.constantFrom("o1", "o2"),
  shape: fc.constantFrom("deps", "deps", "deps", "broken", "catalog"),
});
type File = typeof file extends fc.Arbitrary<infer T> ? T : never;

function text(f: File): string {
  const list = f.includes.map((i) => JSON.stringify(i)).join(", ");
  if (f.shape === "broken") return "version: 1\nnodes: [\n";
  if (f.shape === "catalog")
    return `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: x\nspec:\n  targets: [${list}${list ? ", " : ""}"https://x/y.yaml"]\n---\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: o2\nspec:\n  type: team\n`;
  const nodes = f.nodes.map(
    (n) => `  ${n}: {kind: job, owner: ${f.owner}, depends_on: [${f.dependsOn.join(", ")}]}\n`,
  );
  return `version: 1\ninclude: [${list}]\nowners:\n  o1: {github: "@acme/o1"}\nnodes:\n${nodes.join("")}`;
}

/** What a load says, all of it, as one comparable value. */
const said = (r: LoadResult) =>
  JSON.stringify({
    errors: r.errors,
    warnings: r.warnings,
    sources: [...r.sources],
    files: r.config?.files,
    nodes: r.config ? [...r.config.nodes] : undefined,
    owners: r.config ? [...r.config.owners] : undefined,
    graph: r.graph ? [r.graph.ids, [...r.graph.offsets], [...r.graph.targets]] : undefined,
  });

describe("local and remote loading", () => {
  it("give the same result for the same files", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom(...NAMES), file, { minKeys: 1 }),
        fc.constantFrom("deps.yaml", "teams/b.yaml"),
        async (files, entry) => {
          const texts = new Map(Object.entries(files).map(([name, f]) => [name, text(f)]));
          // The local reader fails as the remote one does, so that only the loading differs.
          const read: ReadText = (name) => {
            const found = texts.get(name);
            return found === undefined
              ? {
                  ok: false,
                  diagnostic: {
                    severity: "error",
                    code: "file-not-found",
                    file: name,
                    message: `no such file in ${WHERE}`,
                  },
                }
              : { ok: true, text: found };
          };
          const local = loadDeps(entry, read, { root: "." });
          const remote = await loadRemoteDeps(entry, async (name) => texts.get(name), WHERE);
          expect(said(remote)).toBe(said(local));
        },
      ),
      { numRuns: 400 },
    );
  });
});
