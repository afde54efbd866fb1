import { describe, expect, it } from "vitest";
import { classifyManifestFiles } from "./kubernetes-rbac.js";

const source = (labels: string, resources = "[configmaps]") =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: reader-extra\n  labels: {${labels}}\nrules: [{apiGroups: [""], resources: ${resources}, verbs: [get]}]\n`;
const aggregator = (selector: string) =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: reader}\naggregationRule:\n  clusterRoleSelectors: [${selector}]\nrules: []\n`;
const plain = `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: reader}\nrules: [{apiGroups: [""], resources: [pods], verbs: [get]}]\n`;

const summary = (changes: ReturnType<typeof classifyManifestFiles>, path: string) =>
  changes.get(path)?.map((c) => [c.address, c.classes]);

describe("aggregated ClusterRoles", () => {
  const selectsExtra = `{matchLabels: {agg/reader: "true"}}`;
  const context = [{ path: "k8s/role.yaml", text: aggregator(selectsExtra) }];

  it("a selected role that loses its label takes its rules out of the aggregator beside it", () => {
    const changes = classifyManifestFiles(
      [
        {
          path: "k8s/extra.yaml",
          base: source(`agg/reader: "true"`),
          head: source(`agg/reader: "false"`),
        },
      ],
      context,
    );
    expect(summary(changes, "k8s/extra.yaml")).toEqual([
      ["ClusterRole/reader-extra", ["modified"]],
      ["ClusterRole/reader", ["permissions-removed"]],
    ]);
  });

  it("narrowing a selected role's rules narrows the aggregator; a label that selects it adds them", () => {
    const narrowed = classifyManifestFiles(
      [
        {
          path: "k8s/extra.yaml",
          base: source(`agg/reader: "true"`),
          head: source(`agg/reader: "true"`, "[]"),
        },
      ],
      context,
    );
    expect(summary(narrowed, "k8s/extra.yaml")).toEqual([
      ["ClusterRole/reader-extra", ["permissions-removed"]],
      ["ClusterRole/reader", ["permissions-removed"]],
    ]);
    const joined = classifyManifestFiles(
      [{ path: "k8s/extra.yaml", base: source("x: y"), head: source(`x: y, agg/reader: "true"`) }],
      [
        {
          path: "k8s/role.yaml",
          text: aggregator(
            `{matchExpressions: [{key: agg/reader, operator: In, values: ["true"]}]}`,
          ),
        },
      ],
    );
    expect(summary(joined, "k8s/extra.yaml")).toEqual([
      ["ClusterRole/reader-extra", ["modified"]],
      ["ClusterRole/reader", ["permissions-added"]],
    ]);
  });

  it("a role no aggregator selects, before or after, changes only itself", () => {
    const changes = classifyManifestFiles(
      [{ path: "k8s/extra.yaml", base: source("x: y"), head: source("x: z") }],
      context,
    );
    expect(summary(changes, "k8s/extra.yaml")).toEqual([
      ["ClusterRole/reader-extra", ["modified"]],
    ]);
  });

  it("an aggregationRule added, changed or removed leaves the role's rules to the controller: unknown", () => {
    for (const [base, head] of [
      [plain, aggregator(`{matchLabels: {nothing: matches}}`)],
      [aggregator(selectsExtra), aggregator(`{matchLabels: {agg/reader: "nope"}}`)],
      [aggregator(selectsExtra), plain],
    ] as const) {
      const changes = classifyManifestFiles([{ path: "k8s/role.yaml", base, head }]);
      expect(changes.get("k8s/role.yaml")?.[0]?.classes).toContain("unknown");
    }
  });

  it("a selector it cannot read makes the aggregator's change unknown", () => {
    const changes = classifyManifestFiles(
      [{ path: "k8s/extra.yaml", base: source("x: y"), head: source("x: z") }],
      [
        {
          path: "k8s/role.yaml",
          text: aggregator(`{matchExpressions: [{key: x, operator: Gt, values: ["1"]}]}`),
        },
      ],
    );
    expect(summary(changes, "k8s/extra.yaml")).toContainEqual(["ClusterRole/reader", ["unknown"]]);
  });
});
