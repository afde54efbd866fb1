// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Terraform templates are what these tests read
import { describe, expect, it } from "vitest";
import {
  allows,
  comparePermissions,
  compareTrust,
  covers,
  policyFromJson,
  trusts,
} from "./policy.js";
import {
  addressMatches,
  compileAddressPattern,
  referencedResource,
  withoutIndexes,
} from "./terraform-address.js";

const doc = (statements: unknown[]) => {
  const parsed = policyFromJson({ Version: "2012-10-17", Statement: statements });
  if (!parsed) throw new Error("not a policy");
  return parsed;
};

describe("IAM policy documents", () => {
  it("wildcards cover actions case-insensitively, resources exactly", () => {
    expect(covers("s3:*Object", "s3:GetObject")).toBe(true);
    expect(covers("S3:getobject", "s3:GetObject")).toBe(true);
    expect(covers("arn:aws:s3:::b/*", "arn:aws:s3:::B/x", false)).toBe(false);
  });

  it("a removed action is not removed when a wildcard still allows it", () => {
    const before = doc([
      { Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: "*" },
    ]);
    expect(
      comparePermissions(before, doc([{ Effect: "Allow", Action: "s3:*", Resource: "*" }])),
    ).toEqual({
      classes: ["permissions-added"],
      details: ["now allows s3:* on *"],
    });
    const narrowed = comparePermissions(
      before,
      doc([{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }]),
    );
    expect(narrowed).toEqual({
      classes: ["permissions-removed"],
      details: ["no longer allows s3:PutObject on *"],
    });
    const denied = comparePermissions(
      before,
      doc([
        ...before.statements.map(() => ({
          Effect: "Allow",
          Action: ["s3:GetObject", "s3:PutObject"],
          Resource: "*",
        })),
        { Effect: "Deny", Action: "s3:PutObject", Resource: "*" },
      ]),
    );
    expect(denied.classes).toEqual(["permissions-removed"]);
  });

  it("trusts an ARN, its account's root, or an account id; allows with deny", () => {
    const trust = doc([
      {
        Effect: "Allow",
        Action: "sts:AssumeRole",
        Principal: { AWS: "arn:aws:iam::111111111111:root" },
      },
    ]);
    expect(trusts(trust, "arn:aws:iam::111111111111:role/job-runner")).toBe(true);
    expect(trusts(trust, "111111111111")).toBe(true);
    expect(trusts(trust, "arn:aws:iam::222222222222:role/x")).toBe(false);
    const policy = doc([
      { Effect: "Allow", Action: "s3:*", Resource: "*" },
      { Effect: "Deny", Action: "s3:DeleteObject", Resource: "*" },
    ]);
    expect(allows(policy, "s3:GetObject")).toBe(true);
    expect(allows(policy, "s3:DeleteObject")).toBe(false);
    expect(allows(policy, "sqs:SendMessage")).toBe(false);
  });

  it("not a policy: undefined", () => {
    expect(policyFromJson('{"dashboard": 1}')).toBeUndefined();
    expect(policyFromJson("not json")).toBeUndefined();
  });
});

describe("Terraform addresses", () => {
  it.each([
    ["aws_iam_role.x", "aws_iam_role.x[0]", true],
    ["aws_iam_role.x", 'module.m["k"].aws_iam_role.x', false],
    ["module.m.aws_iam_role.x", 'module.m["k"].aws_iam_role.x["a"]', true],
    ["module.jobs.*", "module.jobs.aws_iam_role.y", true],
    ["aws_iam_role_policy_attachment.runner_*", "aws_iam_role_policy_attachment.runner_s3", true],
    ['aws_iam_role.x["a"]', 'aws_iam_role.x["b"]', false],
  ])("%s matches %s: %s", (pattern, address, expected) => {
    expect(addressMatches(compileAddressPattern(pattern), address)).toBe(expected);
  });

  it("references name resources, not variables or attributes", () => {
    expect(referencedResource("aws_iam_role.x.arn", "")).toBe("aws_iam_role.x");
    expect(referencedResource("aws_iam_role.x[0].name", "module.m.")).toBe(
      "module.m.aws_iam_role.x",
    );
    expect(referencedResource("var.role", "")).toBeUndefined();
    expect(referencedResource("data.aws_caller_identity.current", "")).toBeUndefined();
    expect(withoutIndexes('module.a["x.y"].b.c[0]')).toBe("module.a.b.c");
  });
});

describe("compareTrust", () => {
  const trust = (statement: Record<string, unknown>) =>
    policyFromJson({ Version: "2012-10-17", Statement: [statement] }) as NonNullable<
      ReturnType<typeof policyFromJson>
    >;
  it("a role's own ARN rewritten as AWS * with an aws:PrincipalArn condition is widened, not narrowed", () => {
    // terraform-aws-iam 470b6ffa8e: the principal's partition and account come from data
    // sources before and from locals after; both are read as some text.
    const before = trust({
      Effect: "Allow",
      Action: "sts:AssumeRole",
      Principal: {
        AWS: "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:role/admin",
      },
    });
    const after = trust({
      Effect: "Allow",
      Action: "sts:AssumeRole",
      Principal: { AWS: "*" },
      Condition: {
        ArnLike: {
          "aws:PrincipalArn": "arn:${local.partition}:iam::${local.account_id}:role/admin",
        },
      },
    });
    expect(compareTrust(before, after).classes).toEqual(["trust-widened"]);
    // A condition naming another role does not keep trusting this one.
    const other = trust({
      Effect: "Allow",
      Action: "sts:AssumeRole",
      Principal: { AWS: "*" },
      Condition: { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::1:role/other" } },
    });
    expect(compareTrust(before, other).classes).toEqual(["trust-narrowed", "trust-widened"]);
  });

  it("the same rewrite keeps sts:TagSession as it keeps assuming: widened, not narrowed", () => {
    // The account from a data source before and from a local after, as above.
    const actions = ["sts:AssumeRole", "sts:TagSession"];
    const before = trust({
      Effect: "Allow",
      Action: actions,
      Principal: { AWS: "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/admin" },
    });
    const after = trust({
      Effect: "Allow",
      Action: actions,
      Principal: { AWS: "*" },
      Condition: { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::${local.account_id}:role/admin" } },
    });
    expect(compareTrust(before, after).classes).toEqual(["trust-widened"]);
  });
});

describe("conditions on a principal written as an expression", () => {
  const trust = (condition?: Record<string, unknown>) =>
    policyFromJson({
      Statement: [
        {
          Effect: "Allow",
          Principal: { AWS: "arn:aws:iam::${var.tools_account}:root" },
          Action: "sts:AssumeRole",
          ...(condition ? { Condition: condition } : {}),
        },
      ],
    }) as NonNullable<ReturnType<typeof policyFromJson>>;
  const mfa = { Bool: { "aws:MultiFactorAuthPresent": "true" } };

  it("a condition added narrows the trust, whatever the expression stands for", () => {
    const change = compareTrust(trust(), trust(mfa));
    expect(change.classes).toEqual(["trust-narrowed"]);
    expect(change.known?.narrowed).toBe(true);
    expect(change.details.join()).toContain("Bool aws:MultiFactorAuthPresent true");
    // Said once, not once by the grid and again here.
    expect(change.details).toHaveLength(1);
  });

  it("a condition removed widens it; one for another does both; none changed is no change", () => {
    expect(compareTrust(trust(mfa), trust()).classes).toEqual(["trust-widened"]);
    const org = { StringEquals: { "aws:PrincipalOrgID": "o-1" } };
    expect(compareTrust(trust(mfa), trust(org)).classes).toEqual([
      "trust-narrowed",
      "trust-widened",
    ]);
    expect(compareTrust(trust(mfa), trust(mfa)).classes).toEqual([]);
  });
});

describe("a document's Version", () => {
  const doc = (version?: string) =>
    policyFromJson({
      ...(version ? { Version: version } : {}),
      Statement: [
        {
          Effect: "Allow",
          Action: "s3:GetObject",
          Resource: "arn:aws:s3:::home/${aws:PrincipalTag/team}/*",
        },
      ],
    }) as NonNullable<ReturnType<typeof policyFromJson>>;

  it("lost where policy variables are used is unknown: they become literal text", () => {
    const change = comparePermissions(doc("2012-10-17"), doc());
    expect(change.classes).toEqual(["unknown"]);
    expect(change.details.join()).toContain("Version changes from 2012-10-17 to no Version");
  });

  it("changes nothing where no variable is used, or when it stays", () => {
    expect(comparePermissions(doc("2012-10-17"), doc("2012-10-17")).classes).toEqual([]);
    const plain = (version?: string) =>
      policyFromJson({
        ...(version ? { Version: version } : {}),
        Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }],
      }) as NonNullable<ReturnType<typeof policyFromJson>>;
    expect(comparePermissions(plain("2012-10-17"), plain()).classes).toEqual([]);
  });
});
