import { describe, expect, it } from "vitest";
import { bundledModel } from "../../testing/bundled-example.js";
import { bundledSite, links, section, target, textOf } from "../../testing/site-html.js";
import { nodePagePath } from "../site-paths.js";

describe("overview pages of the bundled example", () => {
  const files = bundledSite();
  const page = (path: string) => files.find((f) => f.path === path)?.content ?? "";
  const { config } = bundledModel();

  it("the index counts the graph and leads with the largest blast radius", () => {
    const index = page("index.html");
    const text = textOf(index);
    const edges = [...config.nodes.values()].reduce((n, node) => n + node.dependsOn.length, 0);
    expect(text).toContain(
      `${config.nodes.size} nodes, ${edges} dependencies, ${config.owners.size} owners`,
    );
    const largest = textOf(section(index, "largest"));
    expect(largest).toContain("iam-role/automation-runner");
    expect(largest).not.toContain("dashboard/revenue-exec");
  });

  it("the owners' list names every owner with how to reach them", () => {
    const text = textOf(page("owners.html"));
    for (const [id, owner] of config.owners) {
      expect(text).toContain(id);
      if (owner.chat) expect(text).toContain(`Chat: ${owner.chat}`);
    }
  });

  it("a kind's list holds exactly the nodes of that kind", () => {
    const html = page("kinds/iam-role.html");
    const listed = links(html)
      .map((l) => target("kinds/iam-role.html", l))
      .filter((p) => p?.startsWith("nodes/"));
    const expected = [...config.nodes.values()]
      .filter((n) => n.kind === "iam-role")
      .map((n) => nodePagePath(n.id));
    expect(listed.sort()).toEqual(expected.sort());
  });
});
