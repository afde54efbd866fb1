import { describe, expect, it } from "vitest";
import { load, located } from "../testing/helpers.js";
import { waiverWarnings } from "./waivers.js";

const deps = (waive: string) => `version: 1
nodes:
  role/shared: { kind: iam-role }
  svc/a:
    kind: service
    depends_on:
      - on: role/shared
        via: assumes-role
        expects:
          trusts:
            - principal: arn:aws:iam::111111111111:role/a
              waive: ${waive}
          exists: true
`;

describe("waivers", () => {
  it("a date that is no day of the calendar is an error at its line", () => {
    const result = located(load({ "deps.yaml": deps("{ until: 2026-02-30, reason: moving }") }));
    expect(result.errors).toEqual([
      expect.objectContaining({
        code: "bad-waiver-date",
        file: "deps.yaml",
        line: 12,
        message: expect.stringContaining("2026-02-30, which is no day of the calendar"),
      }),
    ]);
  });

  it("a date that is not YYYY-MM-DD fails the schema", () => {
    const result = located(load({ "deps.yaml": deps("{ until: next week, reason: moving }") }));
    expect(result.errors[0]).toMatchObject({ code: "schema", line: 12 });
  });

  it("a waiver needs a reason", () => {
    const result = located(load({ "deps.yaml": deps("{ until: 2026-12-31 }") }));
    expect(result.errors[0]?.message).toMatch(/reason/);
  });

  it("validate warns when it has ended or ends within 14 days, not before", () => {
    const config = load({ "deps.yaml": deps("{ until: 2026-12-31, reason: moving to b }") }).config;
    if (!config) throw new Error("does not load");
    const nodes = () => config.nodes.values();
    expect(waiverWarnings(nodes(), "2026-12-17")).toEqual([]);
    const soon = waiverWarnings(nodes(), "2026-12-18");
    expect(soon).toEqual([
      expect.objectContaining({
        code: "waiver-expiring",
        message:
          'node "svc/a": the waiver of "trusts arn:aws:iam::111111111111:role/a" of "role/shared" ends on 2026-12-31, in 13 days (moving to b)',
      }),
    ]);
    expect(waiverWarnings(nodes(), "2026-12-31")[0]?.message).toContain("in 0 days");
    const ended = waiverWarnings(nodes(), "2027-01-01");
    expect(ended).toEqual([
      expect.objectContaining({ code: "waiver-expired", severity: "warning" }),
    ]);
    expect(ended[0]?.message).toContain("ended on 2026-12-31; the contract is enforced again");
    // The entry's waiver; `exists` has none.
    expect(ended).toHaveLength(1);
  });
});
