import { describe, expect, it } from "vitest";
import { IAM_GLUE, IAM_NODE_KINDS } from "../adopt/draft-graph.js";
import { FORCES_NEW, IDENTITY_TYPES } from "./aws-iam.js";

describe("what the provider cannot update in place", () => {
  it("is known for every identity and glue type init drafts nodes from", () => {
    const types = [...Object.keys(IAM_NODE_KINDS), ...Object.keys(IAM_GLUE)];
    expect(types.filter((t) => FORCES_NEW[t] === undefined)).toEqual([]);
  });

  it("every type init drafts as a node is read as an identity", () => {
    expect(Object.keys(IAM_NODE_KINDS).filter((t) => !IDENTITY_TYPES.includes(t))).toEqual([]);
  });
});
