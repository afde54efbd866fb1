import { describe, expect, it } from "vitest";
import { chainYaml, modelOf } from "../testing/helpers.js";
import { pathsBetween } from "./paths-between.js";
import { recentUpstreamChanges } from "./recent-changes.js";
import { buildSearchIndex, searchNodes } from "./search-index.js";
import { treeOf } from "./trees.js";

const model = modelOf(
  chainYaml(
    {
      "iam-role/runner": { paths: ["iam/**"], owner: "iam" },
      "svc/access": { paths: ["svc/**"] },
      "table/orders": { paths: ["sql/orders.sql"] },
      "dash/rev": {},
      "other/x": { paths: ["other/**"] },
    },
    [
      ["iam-role/runner", "svc/access", "token-exchange"],
      ["svc/access", "table/orders", "calls"],
      ["table/orders", "dash/rev", "reads"],
      ["iam-role/runner", "dash/rev", "reads"],
    ],
  ),
);

describe("explore's answers", () => {
  it("search: id substrings first, then other fields, then letters in order; narrowing reuses the pool", () => {
    const index = buildSearchIndex(model.config);
    const ids = (q: string) => searchNodes(index, q).matches.map((n) => index.ids[n]);
    expect(ids("orders")).toEqual(["table/orders"]);
    expect(ids("iam")[0]).toBe("iam-role/runner");
    expect(ids("tbo")).toEqual(["table/orders"]);
    const first = searchNodes(index, "r");
    expect(searchNodes(index, "ru", first).matches).toEqual(searchNodes(index, "ru").matches);
  });

  it("trees go by level and stop at the depth asked", () => {
    expect(treeOf(model.compact, "iam-role/runner", "down", 1).map((l) => [l.id, l.more])).toEqual([
      ["svc/access", 1],
      ["dash/rev", 0],
    ]);
    expect(
      treeOf(model.compact, "dash/rev", "up", 3)
        .map((l) => `${l.depth} ${l.id}`)
        .sort(),
    ).toEqual(["1 iam-role/runner", "1 table/orders", "2 svc/access", "3 iam-role/runner"]);
  });

  it("all shortest paths, in whichever direction", () => {
    expect(pathsBetween(model.compact, "iam-role/runner", "dash/rev")).toEqual({
      direction: "down",
      paths: [{ nodes: ["iam-role/runner", "dash/rev"], vias: ["reads"] }],
      more: false,
    });
    expect(pathsBetween(model.compact, "table/orders", "iam-role/runner").direction).toBe("up");
    expect(pathsBetween(model.compact, "other/x", "dash/rev").direction).toBe("none");
  });

  it("recent changes upstream: nearest first, then newest; elsewhere ignored", () => {
    const commit = (sha: string, time: number, files: string[]) => ({
      sha,
      time,
      author: "a",
      subject: sha,
      files,
    });
    const changes = recentUpstreamChanges(model, "table/orders", [
      commit("new-iam", 300, ["iam/role.tf"]),
      commit("svc", 200, ["svc/app.yaml"]),
      commit("self", 100, ["sql/orders.sql"]),
      commit("elsewhere", 400, ["other/a"]),
    ]);
    expect(changes.map((c) => [c.commit.sha, c.node, c.distance])).toEqual([
      ["self", "table/orders", 0],
      ["svc", "svc/access", 1],
      ["new-iam", "iam-role/runner", 2],
    ]);
  });
});
