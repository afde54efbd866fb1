import { describe, expect, it } from "vitest";
import { GITHUB_COMMENT_LIMIT } from "../render/render-markdown.js";
import { chainYaml, modelOf } from "../testing/helpers.js";
import { buildReport, type ChangeRecord } from "./build-report.js";
import { renderReportHtml, renderReportMarkdown } from "./render-report.js";

const nodes: Record<string, { paths?: string[]; owner?: string; tier?: number }> = {
  root: { paths: ["root/**"], owner: "o0", tier: 0 },
};
const edges: [string, string][] = [];
for (let i = 0; i < 300; i++) {
  nodes[`service/a-long-service-name-${i}`] = { owner: `owner-${i % 60}`, tier: 1 };
  edges.push(["root", `service/a-long-service-name-${i}`]);
}
const model = modelOf(chainYaml(nodes, edges));
const day = 86_400;

describe("the report", () => {
  const records: ChangeRecord[] = Array.from({ length: 400 }, (_, i) => ({
    id: `${i}`.padStart(40, "0"),
    title: `change number ${i} with a title long enough to take room`,
    author: `author-${i % 7}`,
    time: 10 * day + i * 60,
    files: [{ path: `root/file-${i}`, status: "modified" as const }],
  }));
  const report = buildReport(
    model,
    { since: 10 * day, until: 17 * day, source: "test" },
    records,
    [],
  );

  it("counts, ranks and digests per owner", () => {
    expect(report.headline).toEqual({
      changes: 400,
      withImpact: 400,
      byRisk: { none: 0, low: 0, medium: 0, high: 400 },
    });
    expect(report.riskiest).toHaveLength(10);
    expect(report.owners).toHaveLength(60);
    expect(report.owners[0]?.changes).toHaveLength(400);
    expect(report.perDay).toHaveLength(8);
    expect(report.health.reach[0]).toEqual({ node: "root", downstream: 300 });
  });

  it("a large window still fits an issue body, and says where the rest is", () => {
    const body = renderReportMarkdown(report, GITHUB_COMMENT_LIMIT, "report.json");
    expect(body.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
    expect(body).toContain(
      "The report was cut to fit GitHub's limit; the whole report is in report.json",
    );
  });

  it("the HTML is one self-contained page whose text is escaped", () => {
    const hostile = buildReport(model, { since: 0, until: day, source: "<script>x</script>" }, [
      { id: "1", title: "<img src=x onerror=alert(1)>", author: "a", time: 10, files: [] },
    ]);
    const html = renderReportHtml(hostile);
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&#60;img");
  });

  it("the page lists the riskiest changes as the markdown does, and says why a chart is empty", () => {
    const html = renderReportHtml(report);
    const items = html.match(/<ul class="riskiest">\n([\s\S]*?)\n<\/ul>/)?.[1]?.split("\n") ?? [];
    expect(items).toHaveLength(report.riskiest.length);
    expect(items[0]).toContain(report.riskiest[0]?.title);
    expect(html).not.toContain('class="empty"');

    const window = { since: 10 * day, until: 17 * day, source: "test" };
    const none = renderReportHtml(buildReport(model, window, [], []));
    expect(none).toContain("Nothing to chart: no change was made in this window.");
    expect(none).not.toContain("Riskiest changes");
    const quiet = renderReportHtml(
      buildReport(
        model,
        window,
        [
          {
            id: "1",
            title: "docs",
            author: "a",
            time: 11 * day,
            files: [{ path: "README.md", status: "modified" }],
          },
        ],
        [],
      ),
    );
    expect(quiet).toContain(
      "Nothing to chart: the one change in this window reached no node downstream.",
    );
    expect(quiet).not.toContain("Impacted nodes per day</text>");
  });
});
