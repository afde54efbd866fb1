// A kept contract holds its edge only when the dependent gets no less than before: each way a
// real break still reads "allowed under some conditions" is unchecked here (then breaks_on
// decides), found by trying to walk breaks past the gate.

import { describe, expect, it } from "vitest";
import { analyze } from "./analyze.js";
import { modelOf } from "./testing/helpers.js";
import { rolePlan, roleSide } from "./testing/role-plans.js";

const EXPORTER = "arn:aws:iam::111111111111:role/exporter-host";
const LOADER = "arn:aws:iam::111111111111:role/loader-host";
const ROOT = "arn:aws:iam::111111111111:root";

type Statement = Record<string, unknown>;
const doc = (...statements: Statement[]) =>
  JSON.stringify({ Version: "2012-10-17", Statement: statements });
const assume = (principal: string, more: Statement = {}) => ({
  Effect: "Allow",
  Action: "sts:AssumeRole",
  Principal: { AWS: principal },
  ...more,
});
const allow = (action: string | string[], resource = "*", more: Statement = {}) => ({
  Effect: "Allow",
  Action: action,
  Resource: resource,
  ...more,
});

function impact(
  expects: string,
  before: { trust: string; policies?: string[] },
  after: { trust: string; policies?: string[] },
) {
  const plan = rolePlan(roleSide(before), roleSide(after));
  const model = modelOf(`version: 1
nodes:
  role/shared: { kind: iam-role, match: { terraform: [aws_iam_role.shared] } }
  svc/exporter:
    kind: service
    depends_on:
      - on: role/shared
        via: runs-as
        expects: ${expects}
`);
  const result = analyze(model, [], { plan });
  return {
    status: result.contracts[0]?.status,
    severity: result.impacted[0]?.severity,
    classes: result.changed[0]?.classes,
  };
}

const TRUSTS = `{ trusts: ["${EXPORTER}"] }`;
const ALLOWS = "{ allows: [s3:GetObject] }";

describe("trusts: kept only when the principal gets no less than before", () => {
  it.each([
    [
      "a condition on the account root that only another role meets",
      doc(assume(ROOT)),
      doc(assume(ROOT, { Condition: { ArnEquals: { "aws:PrincipalArn": LOADER } } })),
    ],
    [
      "a Deny to everyone but another role",
      doc(assume(EXPORTER), assume(LOADER)),
      doc(assume(EXPORTER), assume(LOADER), {
        Effect: "Deny",
        Action: "sts:AssumeRole",
        Principal: { AWS: "*" },
        Condition: { ArnNotEquals: { "aws:PrincipalArn": LOADER } },
      }),
    ],
    [
      "the action it assumes with goes (web identity instead)",
      doc(assume(EXPORTER), assume(LOADER)),
      doc({ ...assume(EXPORTER), Action: "sts:AssumeRoleWithWebIdentity" }, assume(LOADER)),
    ],
    [
      "an MFA condition a role session never meets",
      doc(assume(EXPORTER), assume(LOADER)),
      doc(
        assume(EXPORTER, { Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } }),
        assume(LOADER),
      ),
    ],
    [
      "sts:TagSession goes (EKS Pod Identity needs it)",
      doc({ ...assume(EXPORTER), Action: ["sts:AssumeRole", "sts:TagSession"] }, assume(LOADER)),
      doc(assume(EXPORTER), assume(LOADER)),
    ],
  ])("%s: never kept (unchecked or broken), and the dependent breaks", (_, before, after) => {
    const result = impact(TRUSTS, { trust: before }, { trust: after });
    expect(["unchecked", "broken"]).toContain(result.status);
    expect(result.severity).toBe("breaking");
  });

  it("a principal lets itself in only with its own assume action (an OIDC provider with a web identity)", () => {
    const OIDC = "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com";
    const web = {
      Effect: "Allow",
      Action: "sts:AssumeRoleWithWebIdentity",
      Principal: { Federated: OIDC },
    };
    const result = impact(
      `{ trusts: ["${OIDC}"] }`,
      { trust: doc(web, assume(LOADER)) },
      { trust: doc({ ...web, Action: "sts:AssumeRole" }, assume(LOADER)) },
    );
    expect(result.status).toBe("broken");
    expect(result.severity).toBe("breaking");
  });

  it("a trusted account narrowed to one of its roles is not the account any more", () => {
    const result = impact(
      '{ trusts: ["222222222222"] }',
      { trust: doc(assume("arn:aws:iam::222222222222:root"), assume(LOADER)) },
      { trust: doc(assume("arn:aws:iam::222222222222:role/one"), assume(LOADER)) },
    );
    expect(result.status).not.toBe("kept");
    expect(result.severity).toBe("breaking");
  });

  it("another principal removed, this one untouched (conditions and all): kept", () => {
    const oidc = {
      Effect: "Allow",
      Action: "sts:AssumeRoleWithWebIdentity",
      Principal: {
        Federated: "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com",
      },
      Condition: { StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme/jobs:*" } },
    };
    const result = impact(
      '{ trusts: ["arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com"] }',
      { trust: doc(oidc, assume(LOADER)) },
      { trust: doc(oidc) },
    );
    expect(result).toEqual({ status: "kept", severity: "at-risk", classes: ["trust-narrowed"] });
  });
});

describe("allows: kept only when the action is allowed on no less than before", () => {
  const trust = doc(assume(EXPORTER));
  it.each([
    [
      "a Deny in another inline policy",
      [doc(allow(["s3:GetObject", "s3:PutObject"]))],
      [doc(allow("s3:GetObject")), doc({ Effect: "Deny", Action: "s3:*", Resource: "*" })],
    ],
    [
      "the grant moves to another bucket",
      [doc(allow(["s3:GetObject", "s3:PutObject"], "arn:aws:s3:::orders/*"))],
      [doc(allow("s3:GetObject", "arn:aws:s3:::archive/*"))],
    ],
    [
      "a condition the dependent may not meet",
      [doc(allow(["s3:GetObject", "s3:PutObject"]))],
      [
        doc(
          allow("s3:GetObject", "*", {
            Condition: { StringEquals: { "aws:SourceVpce": "vpce-1" } },
          }),
        ),
      ],
    ],
  ])("%s: unchecked, and breaks_on decides", (_, before, after) => {
    const result = impact(ALLOWS, { trust, policies: before }, { trust, policies: after });
    expect(result.status).toBe("unchecked");
    expect(result.severity).toBe("breaking");
  });

  it("another action removed from the same statement, this one on the same resources: kept", () => {
    const result = impact(
      ALLOWS,
      { trust, policies: [doc(allow(["s3:GetObject", "s3:PutObject"], "arn:aws:s3:::orders/*"))] },
      { trust, policies: [doc(allow("s3:GetObject", "arn:aws:s3:::orders/*"))] },
    );
    expect(result).toEqual({
      status: "kept",
      severity: "at-risk",
      classes: ["permissions-removed"],
    });
  });
});
