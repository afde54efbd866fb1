import { describe, expect, it } from "vitest";
import { bundledModel } from "../../testing/bundled-example.js";
import { chainYaml, modelOf } from "../../testing/helpers.js";
import { links, STAMP, section, target, textOf } from "../../testing/site-html.js";
import { nodePage } from "../node-page.js";
import { nodePagePath, ownerPagePath } from "../site-paths.js";
import { renderNodePageHtml } from "./render-node-page.js";

const ROLE = "iam-role/automation-runner";
const PATH = nodePagePath(ROLE);

describe("the node page of iam-role/automation-runner (bundled example)", () => {
  const model = bundledModel();
  const page = nodePage(model, ROLE, { maxRows: 500 });
  const html = renderNodePageHtml(page, STAMP);

  it("names the node in its one h1 and says what it is", () => {
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(textOf(html.slice(html.indexOf("<h1"), html.indexOf("</h1>")))).toBe(ROLE);
    const text = textOf(html);
    expect(text).toContain(page.description as string);
    expect(text).toContain("Kind iam-role");
    expect(text).toContain("Tier 0 (most critical)");
    expect(links(html)).toContain(page.runbook);
  });

  it("whom to call: the owner, linked, with the chat channel, GitHub team and escalation", () => {
    const owner = section(html, "owner");
    const text = textOf(owner);
    expect(text).toContain("Chat: #iam-platform");
    expect(text).toContain("GitHub: @acme/iam-platform");
    expect(text).toMatch(/Escalation: PagerDuty: iam-platform-primary/);
    expect(links(owner).map((l) => target(PATH, l))).toContain(ownerPagePath("iam-platform"));
    expect(links(owner)).toContain("https://github.com/orgs/acme/teams/iam-platform");
    expect(links(owner)).toContain("https://acme.pagerduty.com/schedules/IAMP1");
  });

  it("depended on by: the job runners and the RLS access service with their edge types", () => {
    const rows = section(html, "dependents")
      .split("<tr>")
      .slice(2)
      .map((row) => textOf(row));
    const row = (id: string) => rows.find((r) => r.startsWith(`${id} `));
    expect(row("service/external-job-runner")).toMatch(
      / 1 assumes-role .* iam-role\/automation-runner$/,
    );
    expect(row("service/rls-access")).toMatch(/ 1 token-exchange .* iam-role\/automation-runner$/);
    // Direct dependents only; the revenue report is under "if this breaks".
    expect(row("report/revenue")).toBeUndefined();
    expect(rows).toHaveLength(page.downstream.total);
    const depends = textOf(section(html, "depends-on"));
    expect(depends).toContain(
      "iam-policy/warehouse-loader iam-policy iam-platform 1 attaches-policy",
    );
  });

  it("if this breaks: the count, whom to call with their contacts, down to the revenue report", () => {
    const breaks = section(html, "if-this-breaks");
    const text = textOf(breaks);
    const b = page.ifThisBreaks;
    expect(text).toContain(`${b.breaking} nodes break and ${b.atRisk} are at risk`);
    expect(text).toMatch(
      /finance-analytics \d+ \d+ GitHub: @acme\/finance-analytics Email: finance-analytics@acme\.example/,
    );
    expect(text).toContain("data-access");
    expect(text).toContain("Chat: #data-access-oncall");
    // Reached from the table it reads.
    expect(text).toMatch(
      /report\/revenue report finance-analytics 0 \d+ table\/warehouse\.revenue_daily reads/,
    );
    const targets = links(breaks).map((l) => target(PATH, l));
    expect(targets).toContain(nodePagePath("report/revenue"));
    expect(targets).toContain(ownerPagePath("finance-analytics"));
    expect(targets).toContain("nodes/iam-role/automation-runner.breaks.csv");
    expect(targets).toContain("nodes/iam-role/automation-runner.breaks.json");
  });

  it("says where it was generated from", () => {
    expect(textOf(html)).toContain(
      `Generated from deps.yaml at commit ${STAMP.commit?.slice(0, 12)} on ${STAMP.generatedAt} by blastradius ${STAMP.version}.`,
    );
  });

  it("places what others render after the named sections", () => {
    const extras = renderNodePageHtml(page, STAMP, {
      picture: "<figure>PICTURE</figure>",
      after: {
        changes: "<p>AFTER-CHANGES</p>",
        relations: "<p>AFTER-RELATIONS</p>",
        breaks: "<p>AFTER-BREAKS</p>",
      },
    });
    const at = (s: string) => extras.indexOf(s);
    expect(at("PICTURE")).toBeGreaterThan(at('id="owner"'));
    expect(at("AFTER-CHANGES")).toBeGreaterThan(at('id="changes"'));
    expect(at("AFTER-CHANGES")).toBeLessThan(at('id="depends-on"'));
    expect(at("AFTER-RELATIONS")).toBeGreaterThan(at('id="dependents"'));
    expect(at("AFTER-RELATIONS")).toBeLessThan(at('id="if-this-breaks"'));
    expect(at("AFTER-BREAKS")).toBeGreaterThan(at('id="if-this-breaks"'));
  });
});

describe("node pages of small graphs", () => {
  it("a cut table says how many it shows of how many", () => {
    const model = modelOf(
      chainYaml({ a: {}, b: {}, c: {}, d: {} }, [
        ["a", "b"],
        ["a", "c"],
        ["a", "d"],
      ]),
    );
    const html = renderNodePageHtml(nodePage(model, "a", { maxRows: 2 }), STAMP);
    expect(textOf(section(html, "dependents"))).toContain("Showing 2 of 3, nearest first");
    expect(textOf(section(html, "if-this-breaks"))).toContain("Showing 2 of 3, most severe first");
  });

  it("a node with nothing downstream and no owner says so", () => {
    const model = modelOf(chainYaml({ a: {} }, []));
    const text = textOf(renderNodePageHtml(nodePage(model, "a", { maxRows: 5 }), STAMP));
    expect(text).toContain("Nothing depends on it.");
    expect(text).toContain("It depends on nothing.");
    expect(text).toContain("Nothing depends on a: if it stops working, nothing else is reported.");
    expect(text).toContain("Nobody: this node has no declared owner.");
    expect(text).toContain("No match rules");
  });

  it("a relative docs link is shown, not linked, nor is anything else but http(s)", () => {
    const model = modelOf(
      `version: 1\nowners: {}\nnodes:\n  a: {kind: k, docs: ./docs/a.md, runbook: "https://x.example/r"}\n`,
    );
    const html = renderNodePageHtml(nodePage(model, "a", { maxRows: 5 }), STAMP);
    expect(textOf(html)).toContain("./docs/a.md (not a web address: not linked)");
    expect(links(html)).toContain("https://x.example/r");
    expect(links(html)).not.toContain("./docs/a.md");
  });
});
