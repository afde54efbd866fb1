import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CorruptRecords,
  decodeRecords,
  encodeRecords,
  Seen,
  UncacheableValue,
} from "./record-codec.js";

const roundTrip = (value: unknown) => decodeRecords(encodeRecords(value));

/** Plain data as the graph's records are: nested objects, arrays, maps, sets and typed arrays. */
const plain = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constant(undefined),
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.string({ unit: "binary" }),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.string({ unit: "binary", maxLength: 4 }), tie("value"), { maxKeys: 4 }),
    fc
      .array(fc.tuple(fc.oneof(fc.string(), fc.integer()), tie("value")), { maxLength: 3 })
      .map((entries) => new Map(entries)),
    fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 3 }).map((items) => new Set(items)),
    fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })).map((a) => Int32Array.from(a)),
    fc.array(fc.integer({ min: -128, max: 127 })).map((a) => Int8Array.from(a)),
    fc.array(fc.integer({ min: 0, max: 255 })).map((a) => Uint8Array.from(a)),
    fc.array(fc.double()).map((a) => Float64Array.from(a)),
  ),
})).value;

describe("record codec", () => {
  it("gives back an equal value, whatever plain data it is given", () => {
    fc.assert(
      fc.property(plain, (value) => {
        expect(roundTrip(value)).toStrictEqual(value);
      }),
      { numRuns: 500 },
    );
  });

  it("keeps keys present with undefined apart from keys absent, and their order", () => {
    const back = roundTrip({ b: 1, a: undefined, c: { z: 0, y: undefined } }) as Record<
      string,
      unknown
    >;
    expect(Object.keys(back)).toEqual(["b", "a", "c"]);
    expect("a" in back).toBe(true);
    expect(Object.keys(back.c as object)).toEqual(["z", "y"]);
  });

  it("keeps -0, NaN, large and fractional numbers", () => {
    const back = roundTrip([-0, Number.NaN, 2 ** 40, 0.1, -(2 ** 31), 2 ** 31]) as number[];
    expect(Object.is(back[0], -0)).toBe(true);
    expect(back.slice(1)).toEqual([Number.NaN, 2 ** 40, 0.1, -(2 ** 31), 2 ** 31]);
  });

  it("makes an object reached twice one object again, cycles included", () => {
    const rule = { glob: "a/**" };
    const node: Record<string, unknown> = { id: "a", rules: [rule] };
    node.self = node;
    const back = roundTrip({ nodes: new Map([["a", node]]), index: [rule, rule], node }) as {
      nodes: Map<string, Record<string, unknown>>;
      index: object[];
      node: Record<string, unknown>;
    };
    const a = back.nodes.get("a");
    expect(back.node).toBe(a);
    expect(a?.self).toBe(a);
    expect(back.index[0]).toBe(back.index[1]);
    expect((a?.rules as object[] | undefined)?.[0]).toBe(back.index[0]);
  });

  it("keeps prototype-less objects prototype-less, and __proto__ as a plain key", () => {
    const bare = Object.create(null) as Record<string, unknown>;
    bare.x = 1;
    const own = JSON.parse('{"__proto__": {"polluted": true}}') as object;
    const back = roundTrip([bare, own]) as [object, object];
    expect(Object.getPrototypeOf(back[0])).toBeNull();
    expect(Object.getPrototypeOf(back[1])).toBe(Object.prototype);
    expect(Object.keys(back[1])).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("keeps dates (YAML timestamps), an invalid one too", () => {
    const when = new Date("2024-01-01T00:00:00Z");
    const back = roundTrip({ a: when, b: when, c: new Date(Number.NaN) }) as Record<string, Date>;
    expect(back.a).toStrictEqual(when);
    expect(back.b).toBe(back.a);
    expect(Number.isNaN(back.c?.getTime())).toBe(true);
  });

  it("tells objects apart past the size of one Map", () => {
    const seen = new Seen(3);
    const objects = Array.from({ length: 10 }, () => ({}));
    for (const o of objects) seen.add(o);
    expect(objects.map((o) => seen.get(o))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(seen.get({})).toBeUndefined();
  });

  it("refuses what is not plain data", () => {
    class Rule {
      glob = "a";
    }
    expect(() => encodeRecords({ rule: new Rule() })).toThrow(UncacheableValue);
    expect(() => encodeRecords({ f: () => 1 })).toThrow(UncacheableValue);
    expect(() => encodeRecords([Symbol("s")])).toThrow(UncacheableValue);
    expect(() => encodeRecords(/re/)).toThrow(UncacheableValue);
  });

  it("says so when the tokens are cut short or out of range", () => {
    const encoded = encodeRecords({ a: ["x", "y"], b: new Int32Array([1, 2, 3]) });
    for (let cut = 0; cut < encoded.tokens.length; cut++) {
      expect(() => decodeRecords({ ...encoded, tokens: encoded.tokens.subarray(0, cut) })).toThrow(
        CorruptRecords,
      );
    }
    expect(() => decodeRecords({ ...encoded, strings: [] })).toThrow(CorruptRecords);
    expect(() => decodeRecords({ ...encoded, shapes: [] })).toThrow(CorruptRecords);
  });
});
