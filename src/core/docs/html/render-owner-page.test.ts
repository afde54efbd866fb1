import { describe, expect, it } from "vitest";
import { bundledModel } from "../../testing/bundled-example.js";
import { links, STAMP, section, target, textOf } from "../../testing/site-html.js";
import { ownerPage } from "../owner-page.js";
import { nodePagePath, ownerPagePath } from "../site-paths.js";
import { renderOwnerPageHtml } from "./render-owner-page.js";

describe("owner pages of the bundled example", () => {
  const model = bundledModel();

  it("data-platform: how to reach them, their nodes, who can break them, whom they can break", () => {
    const page = ownerPage(model, "data-platform", { maxRows: 500 });
    const html = renderOwnerPageHtml(page, STAMP);
    const path = ownerPagePath("data-platform");
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(textOf(section(html, "contact"))).toContain("Chat: #data-platform");
    const nodes = section(html, "nodes");
    for (const row of page.nodes.rows)
      expect(links(nodes).map((l) => target(path, l))).toContain(nodePagePath(row.id));
    const up = textOf(section(html, "upstream"));
    expect(up).toContain(`Who can break them (${page.upstream.total} upstream)`);
    expect(up).toMatch(
      /iam-platform \d+ Chat: #iam-platform GitHub: @acme\/iam-platform Escalation:/,
    );
    const down = section(html, "downstream");
    expect(textOf(down)).toMatch(
      /finance-analytics \d+ \d+ GitHub: @acme\/finance-analytics Email:/,
    );
    expect(textOf(down)).toContain("breaking report/revenue report finance-analytics 0");
    expect(links(down).map((l) => target(path, l))).toEqual(
      expect.arrayContaining([
        "owners/data-platform.downstream.csv",
        "owners/data-platform.downstream.json",
        nodePagePath("report/revenue"),
      ]),
    );
  });

  it("an owner at the top of the graph says nothing of another team is upstream", () => {
    const html = renderOwnerPageHtml(ownerPage(model, "iam-platform", { maxRows: 500 }), STAMP);
    expect(textOf(section(html, "upstream"))).toContain(
      "Nothing of another team is upstream of their nodes.",
    );
  });
});
