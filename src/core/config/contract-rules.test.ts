import { describe, expect, it } from "vitest";
import { CATALOGUE_DATE } from "../classify/iam-actions.js";
import { load, located } from "../testing/helpers.js";
import { formatDiagnostic } from "./locate-diagnostics.js";

const deps = (allows: string, more = "") =>
  [
    "version: 1",
    "owners:",
    "  o: {github: '@o'}",
    "nodes:",
    "  role/r: {kind: iam-role, owner: o}",
    "  svc/a:",
    "    kind: service",
    "    owner: o",
    "    depends_on:",
    "      - on: role/r",
    "        expects:",
    `          allows: ${allows}`,
    more,
    "",
  ].join("\n");

const errorsOf = (yaml: string) => {
  const errors = located(load({ "deps.yaml": yaml })).errors;
  expect(errors.every((e) => e.code === "unknown-action")).toBe(true);
  return errors.map((d) => formatDiagnostic(d));
};

describe("allows actions in contracts", () => {
  it("accepts real actions in any case, wildcards that cover one, `*`, and RBAC permissions", () => {
    const result = load({
      "deps.yaml": deps(
        "[s3:GetObject, s3:getobject, 'S3:Get*', 'ec2:Describe?pc*', '*', 'iam:*', vpc-lattice:AssociateViaAWSService-EventsAndStates, {action: kms:Decrypt, pending: true}, list secrets]",
      ),
    });
    expect(result.errors).toEqual([]);
    expect(result.config?.nodes.get("svc/a")?.dependsOn[0]?.expects).toHaveLength(9);
  });

  it("says where a misspelt action is, and what was meant", () => {
    const errors = errorsOf(deps("[s3:GetObject, s3:GetObjects]"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("deps.yaml:12");
    expect(errors[0]).toContain("nodes.svc/a.depends_on[0].expects.allows[1]");
    expect(errors[0]).toContain(
      'unknown AWS action "s3:GetObjects" — did you mean "s3:GetObject"?',
    );
    expect(errors[0]).toContain(`of ${CATALOGUE_DATE}`);
    expect(errors[0]).toContain("upgrade blastradius");
  });

  it("points at an entry written as a mapping, on its own line", () => {
    const errors = errorsOf(
      deps("\n            - s3:GetObject\n            - {action: s3:PutObjekt, pending: true}"),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("deps.yaml:14");
    expect(errors[0]).toContain('did you mean "s3:PutObject"?');
  });

  it("names an unknown service and the one meant", () => {
    const errors = errorsOf(deps("[s33:GetObject, nosuchservice:DoIt, 's3*:GetObject', ec3:Nope]"));
    expect(errors).toHaveLength(3);
    // One letter off with no such action there: the prefix alone.
    expect(errors[2]).toContain('unknown AWS service "ec3" in "ec3:Nope" — did you mean "ec2"?');
    expect(errors[0]).toContain(
      'unknown AWS service "s33" in "s33:GetObject" — did you mean "s3:GetObject"?',
    );
    expect(errors[0]).toContain('change the prefix to "s3"');
    expect(errors[1]).toContain('unknown AWS service "nosuchservice"');
    expect(errors[1]).not.toContain("did you mean");
  });

  it("refuses a wildcard that matches no action", () => {
    const errors = errorsOf(deps("['s3:Gett*', 's3:*Objectz', 's3:Get*']"));
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain('"s3:Gett*" matches no AWS action');
    expect(errors[0]).toContain("expects.allows[0]");
    expect(errors[1]).toContain('"s3:*Objectz" matches no AWS action');
  });

  it("checks every edge, in included files too, and stops suggesting past a bound", () => {
    const nodes = Array.from(
      { length: 60 },
      (_, i) =>
        `  svc/n${i}: {kind: service, owner: o, depends_on: [{on: role/r, expects: {allows: [s3:GetObjekt${i}]}}]}`,
    );
    const result = load({
      "deps.yaml": deps("[s3:GetObject]", "include: [more.yaml]"),
      "more.yaml": ["version: 1", "nodes:", ...nodes, ""].join("\n"),
    });
    const errors = located(result).errors;
    expect(errors).toHaveLength(60);
    expect(errors.every((e) => e.file === "more.yaml" && e.code === "unknown-action")).toBe(true);
    expect(errors[0]?.line).toBe(3);
    expect(errors.filter((e) => e.message.includes("did you mean")).length).toBeLessThanOrEqual(50);
  });

  it("checks patterns up to a bound of work, and says what it left unchecked", () => {
    // Each `*:…` pattern is matched against every AWS action: a few hundred exhaust the bound.
    const patterns = Array.from({ length: 400 }, (_, i) => `'*:Nothing${i}*'`);
    const result = load({ "deps.yaml": deps(`[${patterns.join(", ")}]`) });
    const errors = located(result).errors;
    const warnings = located(result).warnings;
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.message.includes("matches no AWS action"))).toBe(true);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.code).toBe("actions-unchecked");
    expect(warnings[0]?.message).toContain(`${400 - errors.length} allows pattern(s)`);
    expect(warnings[0]?.line).toBe(12);
  });
});
