import { describe, expect, it } from "vitest";
import { parseDepsLocation } from "./deps-location.js";

describe("parseDepsLocation", () => {
  it.each([
    ["deps.yaml", { path: "deps.yaml", key: "deps.yaml" }],
    ["./infra/deps.yaml", { path: "infra/deps.yaml", key: "./infra/deps.yaml" }],
    [
      "acme/graph:deps.yaml",
      { repo: "acme/graph", path: "deps.yaml", key: "acme/graph:deps.yaml" },
    ],
    [
      "acme/graph:teams/deps.yaml@v2.1",
      {
        repo: "acme/graph",
        path: "teams/deps.yaml",
        ref: "v2.1",
        key: "acme/graph:teams/deps.yaml@v2.1",
      },
    ],
  ])("%s", (input, expected) => {
    expect(parseDepsLocation(input)).toEqual(expected);
  });

  it.each([
    ["", "the deps input is empty"],
    ["/etc/deps.yaml", "must be relative to the repository root"],
    ["../deps.yaml", "must be relative to the repository root"],
    ["acme:deps.yaml", 'cannot read the deps location "acme:deps.yaml"'],
  ])("rejects %j", (input, message) => {
    expect(() => parseDepsLocation(input)).toThrow(message);
  });
});
