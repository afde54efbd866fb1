import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { queryTail, SearchList } from "./SearchList.js";

describe("the search box", () => {
  it("a query longer than the box keeps its end, where the typing is", () => {
    expect(queryTail("automation", 20)).toBe("automation");
    expect(queryTail("payments-platform-settlement", 10)).toBe("…ettlement");
    expect(Array.from(queryTail("payments-platform-settlement", 10))).toHaveLength(10);
    expect(queryTail("abc", 1)).toBe("…");
  });

  it("draws the tail of a long query and its cursor, and each erased letter shows", () => {
    const draw = (query: string) =>
      render(
        <SearchList
          query={query}
          active
          ids={["a"]}
          matches={[0]}
          cursor={0}
          width={30}
          height={3}
        />,
      ).lastFrame() ?? "";
    const long = "payments-platform-settlement-reconciliation-worker-us";
    const first = draw(long).split("\n")[0] ?? "";
    expect(first).toBe("search: …nciliation-worker-us▌");
    expect(draw(long.slice(0, -2)).split("\n")[0]).toBe("search: …conciliation-worker-▌");
  });
});
