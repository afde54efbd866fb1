// The loader never throws, whatever it is given: random text, random YAML, near-valid graphs.

import fc from "fast-check";
import { dump } from "js-yaml";
import { describe, expect, it } from "vitest";
import { load, located } from "../testing/helpers.js";

function loadsCleanly(text: string): void {
  const result = load({ "deps.yaml": text });
  // Either a graph or at least one error; locating them never throws either.
  expect(result.config !== undefined || result.errors.length > 0).toBe(true);
  located(result);
}

const nearlyValid = fc.record({
  version: fc.oneof(fc.constant(1), fc.anything()),
  owners: fc.dictionary(fc.string(), fc.anything(), { maxKeys: 4 }),
  nodes: fc.dictionary(
    fc.oneof(fc.constantFrom("a", "b", "c", "__proto__", "constructor"), fc.string()),
    fc.oneof(
      fc.record(
        {
          kind: fc.oneof(fc.string(), fc.anything()),
          owner: fc.oneof(fc.constantFrom("a", "x"), fc.anything()),
          tier: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.anything()),
          depends_on: fc.array(
            fc.oneof(
              fc.constantFrom("a", "b", "c", "zz"),
              fc.record({ on: fc.anything(), breaks_on: fc.anything() }),
            ),
          ),
        },
        { requiredKeys: [] },
      ),
      fc.anything(),
    ),
    { maxKeys: 6 },
  ),
});

describe("loadDeps, property", () => {
  it("never throws on random text", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 300 }), loadsCleanly), {
      numRuns: 500,
    });
  });

  it("never throws on random YAML documents", () => {
    fc.assert(
      fc.property(fc.anything(), (value) =>
        loadsCleanly(dump(value, { skipInvalid: true } as never) ?? ""),
      ),
      { numRuns: 300 },
    );
  });

  it("never throws on near-valid graphs", () => {
    fc.assert(
      fc.property(nearlyValid, (value) =>
        loadsCleanly(dump(value, { skipInvalid: true } as never) ?? ""),
      ),
      { numRuns: 500 },
    );
  });
});
