import { describe, expect, it } from "vitest";
import { parseCodeowners } from "../codeowners.js";
import { draftGraph } from "./draft-graph.js";
import { withoutRenderedPaths } from "./rendered-draft.js";
import { kubernetesObjects } from "./repo-scan.js";

const account = (name: string) =>
  `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n  namespace: ops\n`;
const binding = `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: app
  namespace: ops
roleRef: {kind: Role, name: app}
subjects: [{kind: ServiceAccount, name: app, namespace: ops}]
`;

describe("withoutRenderedPaths", () => {
  it("takes the render's files out of paths, and owners found only by a rendered path", () => {
    const draft = draftGraph({
      files: ["k8s/sa.yaml", ".github/CODEOWNERS"],
      terraform: [],
      kubernetes: [
        ...kubernetesObjects("k8s/sa.yaml", account("app")),
        ...kubernetesObjects("rendered/rbac.yaml", binding),
      ],
      codeowners: parseCodeowners("* @acme/platform\n", ".github/CODEOWNERS"),
      problems: [],
    });
    expect(draft.nodes.every((n) => n.owner === "platform")).toBe(true);
    const out = withoutRenderedPaths(draft, new Set(["rendered/rbac.yaml"]));
    expect(out.nodes.map((n) => [n.id, n.paths, n.owner])).toEqual([
      ["service-account/app", ["k8s/sa.yaml"], "platform"],
      ["k8s-role-binding/app", [], undefined],
    ]);
    expect(out.owners.map((o) => o.id)).toEqual(["platform"]);
    const alone = withoutRenderedPaths(draft, new Set(["rendered/rbac.yaml", "k8s/sa.yaml"]));
    expect(alone.owners).toEqual([]);
  });
});
