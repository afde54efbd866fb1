// biome-ignore-all lint/suspicious/noTemplateCurlyInString: values known on deploy are written ${…}, as the resolver gives them
import { describe, expect, it } from "vitest";
import { settleDeployValues, widest } from "./cloudformation-unknowns.js";
import { comparePermissions, type PolicyDocument, policyFromJson } from "./policy.js";

const doc = (effect: string, action: string, resource: string) =>
  policyFromJson({
    Statement: [
      { Effect: "Allow", Action: "s3:*", Resource: "*" },
      { Effect: effect, Action: action, Resource: resource },
    ],
  }) as PolicyDocument;

const settled = (a: PolicyDocument, b: PolicyDocument) =>
  settleDeployValues(a, b, comparePermissions(a, b)).classes;

describe("widest", () => {
  it("reads each value known on deploy, pseudo-parameters and resources as *", () => {
    expect(widest("arn:aws:logs:{AWS::Region}:{AWS::AccountId}:log-group:/<Name>:*")).toBe(
      "arn:aws:logs:*:*:log-group:/*:*",
    );
    expect(widest("arn:aws:s3:::<ImportValue <Env>-bucket>/*")).toBe("arn:aws:s3:::*/*");
    expect(widest("If IsProd a else b")).toBe("*");
  });
});

describe("settleDeployValues", () => {
  it("a Deny narrowed to a parameter's bucket gives back permissions whatever it holds", () => {
    const before = doc("Deny", "s3:DeleteObject", "*");
    const after = doc("Deny", "s3:DeleteObject", "${arn:aws:s3:::<Bucket>/*}");
    expect(comparePermissions(before, after).classes).toContain("unknown");
    expect(settled(before, after)).toEqual(["permissions-added"]);
  });

  it("a Deny moved from one bucket to a parameter's stays unknown: it may be the same", () => {
    const before = doc("Deny", "s3:DeleteObject", "arn:aws:s3:::logs/*");
    const after = doc("Deny", "s3:DeleteObject", "${arn:aws:s3:::<Bucket>/*}");
    expect(settled(before, after)).toContain("unknown");
  });
});
