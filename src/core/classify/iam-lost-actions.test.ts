import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expandActions } from "./iam-actions.js";
import { compile } from "./iam-evaluate.js";
import { lostActions, lostText } from "./iam-lost-actions.js";
import { covers } from "./iam-pattern.js";
import { comparePermissions, type PolicyDocument, policyFromJson } from "./policy.js";

const doc = (statements: unknown[]): PolicyDocument => {
  const parsed = policyFromJson({ Version: "2012-10-17", Statement: statements });
  if (!parsed) throw new Error("not a policy");
  return parsed;
};
const allow = (Action: string | string[], Resource: string | string[] = "*", more = {}) => ({
  Effect: "Allow",
  Action,
  Resource,
  ...more,
});
const compiled = (statements: unknown[]) => doc(statements).statements.map(compile);
/** What a pattern covers and none of the kept patterns does: the lost actions by another road. */
const without = (pattern: string, kept: readonly string[]) =>
  expandActions(pattern).filter((a) => !kept.some((k) => covers(k, a)));

describe("actions a narrowed wildcard lost", () => {
  it("names them in the evidence: the first 20, then how many more", () => {
    const [line] = comparePermissions(doc([allow("s3:*")]), doc([allow("s3:Get*")])).details;
    const lost = without("s3:*", ["s3:Get*"]);
    expect(lost).toContain("s3:PutObject");
    expect(lost).toContain("s3:DeleteObject");
    expect(line).toBe(
      `no longer allows s3:* on * in full: part of it still; lost: ${lost.slice(0, 20).join(", ")} and ${lost.length - 20} more`,
    );
    expect(line).not.toContain("s3:GetObject");
  });

  it("names none when only the resources narrowed: each action is still allowed somewhere", () => {
    const result = comparePermissions(
      doc([allow("s3:*")]),
      doc([allow("s3:*", "arn:aws:s3:::landing/*")]),
    );
    expect(result.details).toEqual(["no longer allows s3:* on * in full: part of it still"]);
  });

  it("names none when the whole pattern went (the line says so already)", () => {
    expect(comparePermissions(doc([allow("s3:*")]), doc([allow("ec2:*")])).details[0]).toBe(
      "no longer allows s3:* on *",
    );
  });

  it("counts an action denied now as lost, and one still allowed under a condition as not", () => {
    const statements = compiled([
      allow("s3:*"),
      { Effect: "Deny", Action: "s3:Delete*", Resource: "*" },
    ]);
    expect(lostActions(statements, "s3:*", ["*"])).toEqual(expandActions("s3:Delete*"));
    const conditioned = compiled([
      allow("s3:Get*"),
      allow("s3:Put*", "*", { Condition: { Bool: { "aws:SecureTransport": "true" } } }),
    ]);
    expect(lostActions(conditioned, "s3:*", ["*"])).toEqual(
      without("s3:*", ["s3:Get*", "s3:Put*"]),
    );
  });

  it("reads what a NotAction statement still allows", () => {
    const result = comparePermissions(
      doc([allow("s3:*")]),
      doc([{ Effect: "Allow", NotAction: "s3:Put*", Resource: "*" }]),
    );
    const line = result.details.find((d) => d.startsWith("no longer allows s3:*"));
    const puts = expandActions("s3:Put*");
    expect(line).toBe(
      `no longer allows s3:* on * in full: part of it still; lost: ${puts.slice(0, 20).join(", ")} and ${puts.length - 20} more`,
    );
  });

  it("stops naming past a bound of work in one comparison; the lines stay", () => {
    // Each `*` narrowed to `s3:*` is every AWS action to name: a dozen of them pass the bound.
    const resources = Array.from({ length: 12 }, (_, i) => `arn:aws:s3:::b${i}/*`);
    const result = comparePermissions(
      doc(resources.map((r) => allow("*", r))),
      doc(resources.map((r) => allow("s3:*", r))),
    );
    const lines = result.details.filter((d) => d.startsWith("no longer allows * on "));
    expect(lines).toHaveLength(12);
    expect(lines.every((l) => l.includes("in full: part of it still"))).toBe(true);
    const named = lines.filter((l) => l.includes("; lost: "));
    expect(named.length).toBeGreaterThan(0);
    expect(named.length).toBeLessThan(12);
    expect(named[0]).toContain("; lost: a2c:");
  });

  it("names only actions AWS's catalogue has", () => {
    expect(lostActions(compiled([allow("s3:Get*")]), "s3:Madeup*", ["*"])).toEqual([]);
    expect(lostActions(compiled([allow("s3:Get*")]), "s3:Put*", ["*"])).toEqual(
      expandActions("s3:Put*"),
    );
  });

  it("equals what the pattern covers less what the patterns kept cover (property)", () => {
    const kept = fc.array(
      fc.constantFrom(
        "s3:Get*",
        "s3:*Object",
        "s3:List*",
        "s3:Put?bject*",
        "s3:GetObject",
        "ec2:*",
      ),
      { maxLength: 3 },
    );
    fc.assert(
      fc.property(kept, fc.constantFrom("s3:*", "s3:*Object*", "s3:Get*"), (k, pattern) => {
        const statements = compiled(k.length > 0 ? [allow(k)] : []);
        expect(lostActions(statements, pattern, ["*"])).toEqual(without(pattern, k));
      }),
      { numRuns: 50 },
    );
  });

  it("writes the list bounded", () => {
    expect(lostText([])).toBe("");
    expect(lostText(["s3:A", "s3:B"])).toBe("; lost: s3:A, s3:B");
    const many = Array.from({ length: 25 }, (_, i) => `s3:A${i}`);
    expect(lostText(many)).toBe(`; lost: ${many.slice(0, 20).join(", ")} and 5 more`);
    expect(lostText(many.slice(0, 20))).not.toContain("more");
  });
});
