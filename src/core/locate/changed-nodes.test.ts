import { describe, expect, it } from "vitest";
import { analyze } from "../analyze.js";
import { DEFAULT_BREAKS_ON } from "../classes.js";
import type { FileChange, ResourceChange } from "../model.js";
import { modelOf } from "../testing/helpers.js";

const model = modelOf(`version: 1
owners: {}
nodes:
  iam-policy/app:
    kind: iam-policy
    match: {paths: ["policies/app/**"]}
  iam-policy/all:
    kind: iam-policy
    match: {paths: ["policies/**"]}
  iam-role/r:
    kind: iam-role
    match: {paths: ["iam/role.tf"]}
  service/api:
    kind: service
    depends_on:
      - on: iam-role/r
        via: assumes-role
  service/batch:
    kind: service
    depends_on:
      - on: iam-policy/app
        via: attaches-policy
`);

const changes = (impact: ReturnType<typeof analyze>) =>
  impact.changed.map((c) => `${c.id}:${c.classes.join(",")}`);

describe("locateChanges on moves", () => {
  it("a policy moved out of its folder with the same contents is the node's deletion, not quiet", () => {
    // Compared, base and head are equal: nothing changed inside the file.
    const impact = analyze(model, [
      {
        path: "policies/unused/app.json",
        previousPath: "policies/app/app.json",
        status: "renamed",
        resources: [],
      },
    ]);
    expect(changes(impact)).toEqual(["iam-policy/app:deleted"]);
    // A node whose rules hold both paths compares the contents: equal, so quiet.
    expect(impact.quietFiles).toEqual([
      expect.objectContaining({ file: "policies/unused/app.json", nodes: ["iam-policy/all"] }),
    ]);
    expect(impact.impacted.map((n) => `${n.id}:${n.severity}`)).toEqual(["service/batch:breaking"]);
  });

  it("a file moved into a node's rules is added to it; unknown when it was not judged", () => {
    const unknown: ResourceChange = {
      system: "file",
      address: "policies/app/x.json",
      type: "file",
      classes: ["unknown"],
      evidence: [{ file: "policies/app/x.json", detail: "a symlink" }],
    };
    const file = (resources: ResourceChange[]): FileChange => ({
      path: "policies/app/x.json",
      previousPath: "elsewhere/x.json",
      status: "renamed",
      resources,
    });
    expect(changes(analyze(model, [file([])]))).toEqual([
      "iam-policy/all:added",
      "iam-policy/app:added",
    ]);
    expect(changes(analyze(model, [file([unknown])]))).toEqual([
      "iam-policy/all:unknown",
      "iam-policy/app:unknown",
    ]);
  });

  it("a rename within a Terraform module folder follows the module's evaluation", () => {
    const impact = analyze(model, [
      { path: "iam/role2.tf", previousPath: "iam/role.tf", status: "renamed", resources: [] },
    ]);
    expect(changes(impact)).toEqual([]);
    expect(impact.quietFiles.map((q) => q.nodes)).toEqual([["iam-role/r"]]);
  });
});

describe("an identity that cannot be judged", () => {
  it("breaks every dependent by default: each identity edge type breaks on unknown", () => {
    expect(Object.keys(DEFAULT_BREAKS_ON).sort()).toEqual([
      "assumes-role",
      "attaches-policy",
      "binds-role",
      "references",
      "runs-as",
      "token-exchange",
      "uses-policy",
    ]);
    for (const classes of Object.values(DEFAULT_BREAKS_ON)) expect(classes).toContain("unknown");
  });

  it("is unknown, which breaks what assumes it or attaches it by default", () => {
    const unknown = (path: string): FileChange => ({
      path,
      status: "modified",
      resources: [
        {
          system: "file",
          address: path,
          type: "file",
          classes: ["unknown"],
          evidence: [{ file: path, detail: "over 1 MiB, not read" }],
        },
      ],
    });
    const impact = analyze(model, [unknown("iam/role.tf"), unknown("policies/app/a.json")], {
      unjudged: [{ file: "iam/role.tf", reason: "over 1 MiB, not read" }],
    });
    expect(changes(impact)).toEqual([
      "iam-policy/all:unknown",
      "iam-policy/app:unknown",
      "iam-role/r:unknown",
    ]);
    expect(impact.impacted.map((n) => `${n.id}:${n.severity}`).sort()).toEqual([
      "service/api:breaking",
      "service/batch:breaking",
    ]);
    expect(impact.unjudged).toEqual([{ file: "iam/role.tf", reason: "over 1 MiB, not read" }]);
  });
});
