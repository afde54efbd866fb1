import { describe, expect, it } from "vitest";
import { chainYaml, modelOf } from "../testing/helpers.js";
import { findCycles } from "./find-cycles.js";
import { inducedSubgraph } from "./induced-subgraph.js";
import { neighbourhood } from "./neighbourhood.js";

describe("findCycles", () => {
  it("one closed walk per cycle, in dependency order; none in a DAG", () => {
    const { compact: graph } = modelOf(
      chainYaml({ a: {}, b: {}, c: {}, d: {}, e: {}, f: {} }, [
        ["a", "b"],
        ["b", "c"],
        ["c", "a"],
        ["d", "e"],
        ["e", "d"],
        ["c", "f"],
      ]),
    );
    // "b depends on a" is the edge a -> b; the walk reads "a depends on c depends on b …".
    expect(findCycles(graph).sort()).toEqual([
      ["a", "c", "b", "a"],
      ["d", "e", "d"],
    ]);
    const dag = modelOf(
      chainYaml({ a: {}, b: {}, c: {} }, [
        ["a", "b"],
        ["b", "c"],
        ["a", "c"],
      ]),
    ).compact;
    expect(findCycles(dag)).toEqual([]);
  });

  it("does not overflow the stack on a long chain", () => {
    const n = 20_000;
    const nodes = Object.fromEntries(Array.from({ length: n }, (_, i) => [`n${i}`, {}]));
    const edges = Array.from(
      { length: n },
      (_, i) => [`n${i}`, `n${(i + 1) % n}`] as [string, string],
    );
    const cycles = findCycles(modelOf(chainYaml(nodes, edges)).compact);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(n + 1);
  });
});

describe("neighbourhood", () => {
  const { graph, compact } = modelOf(
    chainYaml({ a: {}, b: {}, c: {}, d: {}, x: {} }, [
      ["a", "b"],
      ["b", "c"],
      ["c", "d"],
      ["x", "d"],
    ]),
  );
  const around = (id: string, hops: number) =>
    neighbourhood(compact, compact.indexOf.get(id) as number, hops).map(
      (i) => compact.ids[i] as string,
    );

  it("keeps nodes within depth both ways: the center, then downstream, then upstream", () => {
    expect(around("b", 1)).toEqual(["b", "c", "a"]);
    expect(around("b", 0)).toEqual(["b"]);
    expect(around("d", 1)).toEqual(["d", "c", "x"]);
    expect(around("d", 2)).toEqual(["d", "c", "x", "b"]);
  });

  it("walks upstream through a node it already met downstream (a cycle)", () => {
    // x depends on b and b on x; x also depends on y, two edges upstream of b through x.
    const cyclic = modelOf(
      chainYaml({ b: {}, x: {}, y: {} }, [
        ["b", "x"],
        ["x", "b"],
        ["y", "x"],
      ]),
    ).compact;
    const ids = neighbourhood(cyclic, cyclic.indexOf.get("b") as number, 2).map(
      (i) => cyclic.ids[i] as string,
    );
    expect(ids).toEqual(["b", "x", "y"]);
  });

  it("the graph export keeps those nodes and the edges between them, in the graph's order", () => {
    const sub = inducedSubgraph(graph, new Set(around("b", 1)));
    expect(sub.nodes()).toEqual(["a", "b", "c"]);
    expect(sub.mapEdges((_e, _a, source, target) => `${source}>${target}`)).toEqual(["a>b", "b>c"]);
    expect(inducedSubgraph(graph, new Set(around("b", 0))).nodes()).toEqual(["b"]);
  });
});
