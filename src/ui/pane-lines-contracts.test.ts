import { describe, expect, it } from "vitest";
import { modelOf } from "../core/testing/helpers.js";
import { detailLines, expectsBrief } from "./pane-lines.js";

const ARN = "arn:aws:iam::111111111111:role/runner";

describe("the explorer's edge line", () => {
  it("shows each expectation with its lifecycle, briefly, under its edge", () => {
    const model = modelOf(`version: 1
nodes:
  role/shared: { kind: iam-role }
  svc/a:
    kind: service
    depends_on:
      - on: role/shared
        via: assumes-role
        expects:
          trusts: [{ principal: "${ARN}", pending: true }]
          allows: [s3:GetObject]
          exists: { waive: { until: "2026-12-31", reason: "moving" } }
`);
    const lines = detailLines(model, "svc/a").map((l) => l.text);
    const at = lines.indexOf("  role/shared  via assumes-role");
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe(
      `    expects trusts ${ARN} (pending), allows s3:GetObject, exists (waiver until 2026-12-31)`,
    );
  });

  it("many expectations: the first four and a count", () => {
    const many = Array.from({ length: 6 }, (_, i) => ({
      kind: "allows" as const,
      value: `s3:Get${i}`,
      keyPath: ["allows", i],
    }));
    expect(expectsBrief(many)).toBe(
      "allows s3:Get0, allows s3:Get1, allows s3:Get2, allows s3:Get3 +2",
    );
  });
});
