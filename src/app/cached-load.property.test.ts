// The graph cache never gives a different answer than a fresh load: on random graphs spread
// over files (includes, catalogs, broken and missing files), loaded, cached, loaded again, then
// edited at random (a file rewritten, removed, added, or touched without a change) and loaded
// once more, every load through the cache equals a fresh one, and the second load of an
// unchanged graph is served from the cache.

import { createHash } from "node:crypto";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { analyze } from "../core/analyze.js";
import { packGraphCacheFile, writeGraphCacheFile } from "../core/cache/graph-cache-file.js";
import { InvalidDepsError } from "../core/errors.js";
import { settleAfterCommand } from "./after-command.js";
import { type GraphCache, loadGraph } from "./cached-load.js";
import type { LoadedModel } from "./load-model.js";

const NAMES = ["deps.yaml", "a.yaml", "teams/b.yaml", "teams/c.yaml", "cat.yaml"];
const TARGETS = [...NAMES, "gone.yaml", "../outside.yaml"];

const file = fc.record({
  includes: fc.array(fc.constantFrom(...TARGETS), { maxLength: 3 }),
  nodes: fc.uniqueArray(fc.constantFrom("n1", "n2", "n3", "n4", "__proto__"), { maxLength: 3 }),
  dependsOn: fc.uniqueArray(fc.constantFrom("n1", "n2", "n3", "n9"), { maxLength: 2 }),
  owner: fc.constantFrom("o1", "o2"),
  description: fc.string({ maxLength: 12 }),
  shape: fc.constantFrom("deps", "deps", "deps", "deps", "broken", "catalog"),
});
type File = typeof file extends fc.Arbitrary<infer T> ? T : never;

function text(f: File): string {
  const list = f.includes.map((i) => JSON.stringify(i)).join(", ");
  if (f.shape === "broken") return "version: 1\nnodes: [\n";
  if (f.shape === "catalog")
    return `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: x\nspec:\n  targets: [${list}]\n---\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: o2\nspec:\n  type: team\n`;
  const nodes = f.nodes.map(
    (n) =>
      `  ${JSON.stringify(n)}: {kind: job, owner: ${f.owner}, description: ${JSON.stringify(f.description)}, match: {paths: ["src/${n}/**", "tf/${n}/*.tf"]}, depends_on: [${f.dependsOn.join(", ")}]}\n`,
  );
  return `version: 1\ninclude: [${list}]\nowners:\n  o1: {github: "@acme/o1"}\nnodes:\n${nodes.join("")}`;
}

const edit = fc.oneof(
  fc.record({ kind: fc.constant("rewrite" as const), name: fc.constantFrom(...NAMES), file }),
  fc.record({ kind: fc.constant("remove" as const), name: fc.constantFrom(...NAMES) }),
  fc.record({ kind: fc.constant("touch" as const), name: fc.constantFrom(...NAMES) }),
);

const CHANGED = [
  "src/n1/x.ts",
  "tf/n2/main.tf",
  "tf/n3/deep/main.tf",
  "src/__proto__/y",
  "README.md",
];

/** Everything a load gives, as one comparable value: or the errors it failed with. */
function outcome(load: () => LoadedModel): unknown {
  try {
    const { model, warningCount, sources } = load();
    const impact = analyze(
      model,
      CHANGED.map((path) => ({ path, status: "modified" as const })),
    );
    return {
      config: model.config,
      compact: model.compact,
      paths: model.paths.toData(),
      warningCount,
      sources: [...sources],
      impact: JSON.stringify(impact),
    };
  } catch (error) {
    if (!(error instanceof InvalidDepsError)) throw error;
    return { errors: error.errors, warnings: error.warnings };
  }
}

const root = mkdtempSync(join(tmpdir(), "blastradius-cache-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let run = 0;

describe("the graph cache", () => {
  it("gives what a fresh load gives, before and after random edits", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...NAMES), file, { minKeys: 1 }),
        fc.array(edit, { minLength: 1, maxLength: 3 }),
        (files, edits) => {
          const dir = join(root, `g${run++}`, "repo");
          const write = (name: string, content: string) => {
            mkdirSync(dirname(join(dir, name)), { recursive: true });
            writeFileSync(join(dir, name), content);
          };
          for (const [name, f] of Object.entries(files)) write(name, text(f));
          write("../outside.yaml", "version: 1\nnodes: {}\n");
          const deps = join(dir, "deps.yaml");
          const notices: string[] = [];
          const cache: GraphCache = {
            folder: join(dir, "..", "cache"),
            maxBytes: 1 << 30,
            notice: (line) => notices.push(line),
          };
          const cached = () => {
            const loaded = loadGraph(deps, cache);
            settleAfterCommand(true);
            return loaded;
          };
          const fresh = () => loadGraph(deps, undefined);

          expect(outcome(cached)).toStrictEqual(outcome(fresh));
          const second = outcome(cached);
          expect(second).toStrictEqual(outcome(fresh));
          if (!("errors" in (second as object)))
            expect(loadGraph(deps, cache).fromCache).toBe(true);
          settleAfterCommand(false);

          for (const e of edits) {
            const path = join(dir, e.name);
            if (e.kind === "rewrite") write(e.name, text(e.file));
            else if (e.kind === "remove") rmSync(path, { force: true });
            else
              try {
                utimesSync(path, new Date(), new Date());
              } catch {
                // Not there: touching nothing.
              }
            expect(outcome(cached)).toStrictEqual(outcome(fresh));
          }
          expect(notices).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("a cache file that passes its checksum but is not ours", () => {
  it("is ignored with one notice, whatever it holds, and the graph loaded afresh", () => {
    const dir = join(root, "crafted", "repo");
    mkdirSync(dir, { recursive: true });
    const deps = join(dir, "deps.yaml");
    writeFileSync(deps, 'version: 1\nnodes:\n  a: {kind: job, match: {paths: ["src/**"]}}\n');
    const notices: string[] = [];
    const cache: GraphCache = {
      folder: join(root, "crafted", "cache"),
      maxBytes: 1 << 30,
      notice: (line) => notices.push(line),
    };
    loadGraph(deps, cache);
    settleAfterCommand(true);
    const file = join(cache.folder, readdirSync(cache.folder)[0] as string);
    const bytes = readFileSync(file);
    const header = JSON.parse(bytes.toString("utf8", 12, 12 + bytes.readUInt32LE(8)));
    const digest = (b: Uint8Array) => createHash("sha256").update(b).digest();
    // Nested deeper than any stack reads back: [[[[…]]]].
    const depth = 1_000_000;
    const deep = new Int32Array(depth * 2);
    for (let i = 0; i < depth; i++) deep.set(i === depth - 1 ? [7, 0] : [7, 1], i * 2);
    const crafted = [
      packGraphCacheFile(
        header.build,
        header.inputs,
        { strings: [], shapes: [], tokens: deep, numbers: new Float64Array() },
        digest,
      ),
      writeGraphCacheFile(header.build, header.inputs, { config: 1 }, digest),
      // A header that is not ours, though its checksum holds: inputs of the wrong type.
      writeGraphCacheFile(header.build, 5 as never, { config: 1 }, digest),
      writeGraphCacheFile(header.build, [{ file: 123 }] as never, { config: 1 }, digest),
      writeGraphCacheFile(
        header.build,
        header.inputs,
        {
          config: { nodes: [], owners: new Map(), files: [] },
          compact: {},
          paths: {},
          warningCount: 0,
        },
        digest,
      ),
    ];
    for (const content of crafted) {
      writeFileSync(file, content);
      notices.length = 0;
      expect(outcome(() => loadGraph(deps, cache))).toStrictEqual(
        outcome(() => loadGraph(deps, undefined)),
      );
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(/ignored a damaged graph cache file/);
    }
  });
});
