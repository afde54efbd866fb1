// The IAM misreadings of issue 14, each as the attack that used them, and the rules of AWS's
// evaluation they rest on: explicit Deny wins, NotAction / NotResource / NotPrincipal,
// wildcards, conditions as conditions; a reformat is no change at all.
import { describe, expect, it } from "vitest";
import { expandActions } from "./iam-actions.js";
import { compareDocuments } from "./iam-evaluate.js";
import {
  allows,
  comparePermissions,
  comparePolicies,
  compareTrust,
  type PolicyDocument,
  policyFromHcl,
  policyFromJson,
  trusts,
} from "./policy.js";

const doc = (statements: unknown[]): PolicyDocument => {
  const parsed = policyFromJson({ Version: "2012-10-17", Statement: statements });
  if (!parsed) throw new Error("not a policy");
  return parsed;
};

const ROLE = "arn:aws:iam::111111111111:role/job-runner";
const trustRole = { Effect: "Allow", Action: "sts:AssumeRole", Principal: { AWS: ROLE } };

describe("attacks of issue 14", () => {
  it("a trust policy that adds Deny sts:* to AWS * locks everyone out: trust-narrowed", () => {
    const result = compareTrust(
      doc([trustRole]),
      doc([trustRole, { Effect: "Deny", Action: "sts:*", Principal: { AWS: "*" } }]),
    );
    expect(result.classes).toEqual(["trust-narrowed"]);
    expect(result.details).toEqual([
      `no longer trusts AWS ${ROLE} (sts:AssumeRole): denied to AWS * (sts:*)`,
    ]);
  });

  it("a Deny that locks out many principals is one line, naming some of them", () => {
    const many = doc(
      Array.from({ length: 50 }, (_, i) => ({
        ...trustRole,
        Principal: { AWS: `arn:aws:iam::111111111111:role/r${i}` },
      })),
    );
    const result = compareTrust(
      many,
      doc([
        ...many.statements.map((_, i) => ({
          ...trustRole,
          Principal: { AWS: `arn:aws:iam::111111111111:role/r${i}` },
        })),
        { Effect: "Deny", Action: "sts:*", Principal: "*" },
      ]),
    );
    expect(result.classes).toEqual(["trust-narrowed"]);
    expect(result.details).toEqual([
      "no longer trusts AWS arn:aws:iam::111111111111:role/r0 (sts:AssumeRole), AWS arn:aws:iam::111111111111:role/r1 (sts:AssumeRole), AWS arn:aws:iam::111111111111:role/r2 (sts:AssumeRole) and 47 more it trusted: denied to * (sts:*)",
    ]);
  });

  it("a permissions policy that adds Deny NotAction s3:GetObject removes everything else", () => {
    const before = doc([{ Effect: "Allow", Action: ["s3:*", "sqs:SendMessage"], Resource: "*" }]);
    const after = doc([
      ...before.statements.map(() => ({
        Effect: "Allow",
        Action: ["s3:*", "sqs:SendMessage"],
        Resource: "*",
      })),
      { Effect: "Deny", NotAction: "s3:GetObject", Resource: "*" },
    ]);
    const result = comparePermissions(before, after);
    expect(result.classes).toEqual(["permissions-removed"]);
    expect(result.details).toEqual(["now denies any action but s3:GetObject on *"]);
  });

  it("Allow NotAction iam:* replaced by one narrow Allow removes nearly everything", () => {
    const before = doc([{ Effect: "Allow", NotAction: "iam:*", Resource: "*" }]);
    const narrow = comparePermissions(
      before,
      doc([{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }]),
    );
    expect(narrow.classes).toEqual(["permissions-removed"]);
    expect(narrow.details).toContain("no longer allows any action but iam:* on *");
    expect(narrow.details.join("\n")).not.toMatch(/undefined|·/);
    // The narrow Allow is on what the NotAction left out: something new as well.
    const into = comparePermissions(
      before,
      doc([{ Effect: "Allow", Action: "iam:PassRole", Resource: "*" }]),
    );
    expect(into.classes).toEqual(["permissions-removed", "permissions-added"]);
    expect(into.details).toContain("now allows iam:PassRole on *");
  });

  it("an aws_iam_policy_document with Deny, not_actions, not_resources, not_principals", () => {
    const statement = (extra: Record<string, unknown>) => ({
      actions: ["sts:AssumeRole"],
      principals: [{ type: "AWS", identifiers: [ROLE] }],
      ...extra,
    });
    const base = policyFromHcl({ statement: [statement({})] });
    const denyAll = policyFromHcl({
      statement: [
        statement({}),
        {
          effect: "Deny",
          actions: ["sts:*"],
          not_principals: [{ type: "AWS", identifiers: ["arn:aws:iam::111111111111:role/other"] }],
        },
      ],
    });
    expect(comparePolicies(base, denyAll).classes).toEqual(["trust-narrowed"]);
    const perms = policyFromHcl({
      statement: [{ actions: ["s3:GetObject"], resources: ["arn:aws:s3:::b/*"] }],
    });
    const notActions = policyFromHcl({
      statement: [
        { actions: ["s3:GetObject"], resources: ["arn:aws:s3:::b/*"] },
        { effect: "Deny", not_actions: ["s3:PutObject"], not_resources: ["arn:aws:s3:::c/*"] },
      ],
    });
    expect(comparePolicies(perms, notActions)).toEqual({
      classes: ["permissions-removed"],
      details: ["now denies any action but s3:PutObject on any resource but arn:aws:s3:::c/*"],
    });
  });
});

describe("bypasses of round 2: * against ?, and the sts actions beside assuming", () => {
  const permissions = (action: string, resource: string) =>
    doc([{ Effect: "Allow", Action: action, Resource: resource }]);

  it("a * that becomes ? (or ? that becomes ??) is never formatting", () => {
    const removed: [string, string, string, string][] = [
      ["s3:Get*", "*", "s3:Get?", "*"],
      ["s3:*", "*", "s3:?", "*"],
      ["s3:GetObject", "arn:aws:s3:::b/*", "s3:GetObject", "arn:aws:s3:::b/?"],
      ["s3:GetObject", "arn:aws:s3:::b/a*", "s3:GetObject", "arn:aws:s3:::b/a?"],
      ["s3:GetObject", "arn:aws:s3:::b/*/c", "s3:GetObject", "arn:aws:s3:::b/?/c"],
      ["s3:GetObject", "arn:aws:s3:::b/*", "s3:GetObject", "arn:aws:s3:::b/??"],
      ["s3:GetObject", "*", "s3:GetObject", "?"],
      // `???*` is three characters or more: `*` also covers none, one and two.
      ["s3:Get*", "*", "s3:Get???*", "*"],
    ];
    for (const [a, r, a2, r2] of removed) {
      expect(
        comparePermissions(permissions(a, r), permissions(a2, r2)).classes,
        `${a} ${r}`,
      ).toEqual(["permissions-removed"]);
      expect(
        comparePermissions(permissions(a2, r2), permissions(a, r)).classes,
        `${a2} ${r2}`,
      ).toEqual(["permissions-added"]);
    }
    // One character for two: each covers what the other does not.
    expect(
      comparePermissions(permissions("s3:Get?", "*"), permissions("s3:Get??", "*")).classes,
    ).toEqual(["permissions-removed", "permissions-added"]);
    const result = comparePermissions(permissions("s3:Get*", "*"), permissions("s3:Get?", "*"));
    // s3:Get? is still allowed: the line does not read as all of s3:Get*. AWS has no
    // four-letter s3:Get action, so every one it has was lost: the first 20 named.
    const gets = expandActions("s3:Get*");
    expect(result.details).toEqual([
      `no longer allows s3:Get* on * in full: part of it still; lost: ${gets.slice(0, 20).join(", ")} and ${gets.length - 20} more`,
    ]);
    expect(
      comparePermissions(permissions("s3:Get*", "*"), permissions("s3:List*", "*")).details,
    ).toEqual(["no longer allows s3:Get* on *", "now allows s3:List* on *"]);
    // What is left may be a literal the after document names: it is not among the lost.
    const [line] = comparePermissions(
      permissions("s3:Get*", "*"),
      permissions("s3:GetObject", "*"),
    ).details;
    expect(line).toMatch(/^no longer allows s3:Get\* on \* in full: part of it still; lost: /);
    expect(line).toContain("s3:GetAccessGrant, ");
    expect(line).not.toMatch(/s3:GetObject[,\s]/);
    expect(line).toMatch(new RegExp(` and ${gets.length - 21} more$`));
  });

  it("a wildcard's every length counts where several patterns share the work", () => {
    // `a*` against `a`, `a?`, `a??` and `a????*` together: only three characters went.
    const before = doc([{ Effect: "Allow", Action: "s3:Get*", Resource: "*" }]);
    const after = doc([
      { Effect: "Allow", Action: ["s3:Get", "s3:Get?", "s3:Get??", "s3:Get????*"], Resource: "*" },
    ]);
    expect(comparePermissions(before, after).classes).toEqual(["permissions-removed"]);
  });

  const trust = (actions: unknown, principal: unknown = { AWS: ROLE }) => ({
    Effect: "Allow",
    Action: actions,
    Principal: principal,
  });

  it("a trust policy that drops sts:TagSession or sts:SetSourceIdentity is trust-narrowed", () => {
    for (const dropped of ["sts:TagSession", "sts:SetSourceIdentity", "sts:SetContext"]) {
      const result = compareTrust(
        doc([trust(["sts:AssumeRole", dropped])]),
        doc([trust("sts:AssumeRole")]),
      );
      expect(result.classes, dropped).toEqual(["trust-narrowed"]);
      expect(result.details).toEqual([`no longer trusts AWS ${ROLE} (${dropped})`]);
    }
    // EKS Pod Identity assumes with session tags.
    const pods = { Service: "pods.eks.amazonaws.com" };
    expect(
      compareTrust(
        doc([trust(["sts:AssumeRole", "sts:TagSession"], pods)]),
        doc([trust("sts:AssumeRole", pods)]),
      ).classes,
    ).toEqual(["trust-narrowed"]);
  });

  it("sts:* narrowed to sts:AssumeRole*, or a Deny on sts:TagSession added, is trust-narrowed", () => {
    expect(compareTrust(doc([trust("sts:*")]), doc([trust("sts:AssumeRole*")]))).toMatchObject({
      classes: ["trust-narrowed"],
      details: [`no longer trusts AWS ${ROLE} (sts:*) in full: part of it still`],
    });
    expect(compareTrust(doc([trust("sts:*")]), doc([trust("s3:*")])).details).toEqual([
      `no longer trusts AWS ${ROLE} (sts:*)`,
    ]);
    expect(
      compareTrust(
        doc([trust(["sts:AssumeRole", "sts:TagSession"])]),
        doc([
          trust(["sts:AssumeRole", "sts:TagSession"]),
          { Effect: "Deny", Action: "sts:TagSession", Principal: { AWS: "*" } },
        ]),
      ),
    ).toEqual({
      classes: ["trust-narrowed"],
      details: [`no longer trusts AWS ${ROLE} (sts:TagSession): denied to AWS * (sts:TagSession)`],
      known: { narrowed: true, widened: false, unknown: false },
    });
    // A broader pattern reaches sts too: `*` to sts:AssumeRole loses sts:TagSession.
    expect(compareTrust(doc([trust("*")]), doc([trust("sts:AssumeRole")])).classes).toEqual([
      "trust-narrowed",
    ]);
    // Gaining sts:TagSession widens.
    expect(
      compareTrust(
        doc([trust("sts:AssumeRole")]),
        doc([trust(["sts:AssumeRole", "sts:TagSession"])]),
      ).classes,
    ).toEqual(["trust-widened"]);
  });
});

describe("IAM evaluated as AWS does it", () => {
  it("a pure reformat, reorder or split is no change at all", () => {
    const before = doc([
      { Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: ["arn:aws:s3:::a/*"] },
      { Effect: "Deny", Action: "s3:DeleteObject", Resource: "*" },
    ]);
    const after = doc([
      { Effect: "Deny", Action: ["S3:deleteobject"], Resource: ["*"] },
      { Effect: "Allow", Action: "s3:PutObject", Resource: "arn:aws:s3:::a/*" },
      { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::a/*" },
    ]);
    expect(comparePermissions(before, after)).toEqual({ classes: [], details: [] });
    const trust = doc([{ ...trustRole, Principal: { AWS: [ROLE, "222222222222"] } }]);
    const rewritten = doc([
      { ...trustRole, Principal: { AWS: "arn:aws:iam::222222222222:root" } },
      trustRole,
    ]);
    expect(compareTrust(trust, rewritten).classes).toEqual([]);
  });

  it("a condition gained narrows, one lost widens; a Deny that gains one widens", () => {
    const cond = { StringEquals: { "aws:RequestedRegion": "eu-west-1" } };
    const allow = { Effect: "Allow", Action: "s3:GetObject", Resource: "*" };
    expect(comparePermissions(doc([allow]), doc([{ ...allow, Condition: cond }]))).toEqual({
      classes: ["permissions-removed"],
      details: [
        "allows s3:GetObject on * only under more conditions now: StringEquals aws:RequestedRegion eu-west-1",
      ],
    });
    expect(comparePermissions(doc([{ ...allow, Condition: cond }]), doc([allow])).classes).toEqual([
      "permissions-added",
    ]);
    const deny = { Effect: "Deny", Action: "s3:GetObject", Resource: "*" };
    const widened = comparePermissions(
      doc([allow, deny]),
      doc([allow, { ...deny, Condition: cond }]),
    );
    expect(widened.classes).toEqual(["permissions-added"]);
    expect(widened.details.join("\n")).toContain("StringEquals aws:RequestedRegion eu-west-1");
  });

  it("Deny + NotPrincipal denies everyone but; Allow + NotPrincipal trusts everyone but", () => {
    const other = "arn:aws:iam::111111111111:role/other";
    const denyButOther = doc([
      trustRole,
      { Effect: "Deny", Action: "sts:AssumeRole", NotPrincipal: { AWS: other } },
    ]);
    expect(compareTrust(doc([trustRole]), denyButOther).classes).toEqual(["trust-narrowed"]);
    const denyButRole = doc([
      trustRole,
      { Effect: "Deny", Action: "sts:AssumeRole", NotPrincipal: { AWS: ROLE } },
    ]);
    expect(compareTrust(doc([trustRole]), denyButRole).classes).toEqual([]);
    const everyoneBut = compareTrust(
      doc([trustRole]),
      doc([{ Effect: "Allow", Action: "sts:AssumeRole", NotPrincipal: { AWS: other } }]),
    );
    expect(everyoneBut.classes).toEqual(["trust-widened"]);
    expect(everyoneBut.details).toContain(`now trusts anyone but AWS ${other} (sts:AssumeRole)`);
  });

  it("? and * in actions ignore case; in ARNs they do not", () => {
    const before = doc([{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::B/*" }]);
    expect(
      comparePermissions(
        before,
        doc([{ Effect: "Allow", Action: "S3:Get?bject", Resource: "arn:aws:s3:::B/*" }]),
      ).classes,
    ).toEqual(["permissions-added"]);
    expect(
      comparePermissions(
        before,
        doc([{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }]),
      ).classes,
    ).toEqual(["permissions-removed", "permissions-added"]);
  });

  it("two wildcard patterns that overlap are compared where they overlap", () => {
    const objects = doc([{ Effect: "Allow", Action: "s3:*Object", Resource: "*" }]);
    expect(
      comparePermissions(
        objects,
        doc([
          ...objects.statements.map(() => ({
            Effect: "Allow",
            Action: "s3:*Object",
            Resource: "*",
          })),
          { Effect: "Deny", Action: "s3:Get*", Resource: "*" },
        ]),
      ),
    ).toEqual({ classes: ["permissions-removed"], details: ["now denies s3:Get* on *"] });
    const logs = { Effect: "Allow", Action: "s3:*", Resource: "arn:aws:s3:::*-logs" };
    expect(
      comparePermissions(
        doc([logs]),
        doc([logs, { Effect: "Deny", Action: "*", Resource: "arn:aws:s3:::prod-*" }]),
      ).classes,
    ).toEqual(["permissions-removed"]);
    const admins = {
      Effect: "Allow",
      Action: "sts:AssumeRole",
      Principal: { AWS: "arn:aws:iam::111111111111:role/*-admin" },
    };
    expect(
      compareTrust(
        doc([admins]),
        doc([
          admins,
          {
            Effect: "Deny",
            Action: "sts:AssumeRole",
            Principal: { AWS: "arn:aws:iam::111111111111:role/prod-*" },
          },
        ]),
      ).classes,
    ).toEqual(["trust-narrowed"]);
  });

  it("more condition clauses on one request than are enumerated is unknown, not quiet", () => {
    const conditioned = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        Effect: "Allow",
        Action: "s3:GetObject",
        Resource: "*",
        Condition: { StringEquals: { [`aws:PrincipalTag/t${i}`]: "yes" } },
      }));
    const result = comparePermissions(doc(conditioned(11)), doc(conditioned(12)));
    expect(result.classes).toEqual(["unknown"]);
    expect(result.details).toHaveLength(1);
    expect(result.details[0]).toMatch(
      /^\d+ requests? match(es)? statements with more than 10 condition clauses between them: not compared$/,
    );
    expect(comparePermissions(doc(conditioned(3)), doc(conditioned(4))).classes).toEqual([
      "permissions-added",
    ]);
  });

  it("an account's root stands for every principal of the account", () => {
    const account = doc([{ ...trustRole, Principal: { AWS: "111111111111" } }]);
    const narrowed = compareTrust(account, doc([trustRole]));
    expect(narrowed.classes).toEqual(["trust-narrowed"]);
    expect(narrowed.details).toEqual(["no longer trusts AWS 111111111111 (sts:AssumeRole)"]);
    expect(compareTrust(doc([trustRole]), account).classes).toEqual(["trust-widened"]);
  });

  it("trusts() and allows() respect Deny and NotAction", () => {
    const locked = doc([trustRole, { Effect: "Deny", Action: "sts:*", Principal: "*" }]);
    expect(trusts(locked, ROLE)).toBe(false);
    expect(trusts(doc([trustRole]), ROLE)).toBe(true);
    const policy = doc([
      { Effect: "Allow", NotAction: "iam:*", Resource: "*" },
      { Effect: "Deny", NotAction: ["s3:*", "sqs:*"], Resource: "*" },
    ]);
    expect(allows(policy, "s3:GetObject")).toBe(true);
    expect(allows(policy, "iam:PassRole")).toBe(false);
    expect(allows(policy, "ec2:RunInstances")).toBe(false);
  });

  it("a comparison cut by its limit says so, rather than reporting what it reached", () => {
    const statements = Array.from({ length: 200 }, (_, i) => ({
      Effect: "Allow",
      Action: `svc:Action${i}`,
      Resource: "*",
    }));
    const result = compareDocuments(doc(statements), doc(statements.slice(1)), "permissions", 100);
    expect(result.incomplete).toEqual([
      "the documents are too large to compare in full (over 100 steps: statement matches, pattern pairs, condition assignments): what they allow may differ",
    ]);
  });

  it("6,000 adversarial wildcard statements end unknown at the work limit, not minutes later", () => {
    // `ec2:*0` … `ec2:*5999` share a prefix: every pair of them is tried for an overlap.
    // This took 34 s (and 96 s with a witness per length) before pairs tried were counted.
    const big = Array.from({ length: 6000 }, (_, i) => ({
      Effect: i % 3 ? "Allow" : "Deny",
      Action: [`s3:Get${i}*`, `ec2:*${i}`],
      Resource: `arn:aws:s3:::b${i % 50}/*`,
    }));
    const result = compareDocuments(doc(big), doc(big.slice(1)), "permissions");
    expect(result.incomplete).toEqual([
      "the documents are too large to compare in full (over 1,000,000 steps: statement matches, pattern pairs, condition assignments): what they allow may differ",
    ]);
    expect(result.operations).toBeLessThan(1_000_100);
    expect(comparePermissions(doc(big), doc(big.slice(1))).classes).toContain("unknown");
  });

  it("a run of more ? than witnesses are made for is incomplete, and lengthens no other witness", () => {
    const long = `s3:${"?".repeat(100_000)}`;
    const before = doc([{ Effect: "Allow", Action: ["s3:*", long], Resource: "*" }]);
    const after = doc([{ Effect: "Allow", Action: ["s3:Get*", long], Resource: "*" }]);
    const result = compareDocuments(before, after, "permissions");
    expect(result.incomplete).toEqual([
      "a pattern writes a run of more than 64 `?`: names longer than that are not compared",
    ]);
    expect(result.differences.length).toBeGreaterThan(0);
  });

  it("condition assignments count as work", () => {
    const conditions = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [`aws:Key${i}`, `v${i}`]),
    );
    const statements = Array.from({ length: 20 }, (_, i) => ({
      Effect: "Allow",
      Action: "s3:GetObject",
      Resource: `arn:aws:s3:::b${i}`,
      Condition: { StringEquals: conditions },
    }));
    const result = compareDocuments(doc(statements), doc(statements.slice(1)), "permissions");
    // 20 resources, each read under 1,024 assignments.
    expect(result.operations).toBeGreaterThan(20 * 1024);
  });

  it("6,000 statements compare with work that grows with the statements, not their square", () => {
    const statements = (n: number, extra: string) =>
      Array.from({ length: n }, (_, i) => ({
        Effect: i % 10 === 5 ? "Deny" : "Allow",
        Action: [`svc${i % 50}:Action${i}`, `svc${i % 50}:Get${i}*`],
        Resource: [`arn:aws:svc:::thing-${i}${extra}/*`],
      }));
    const before = doc(statements(6000, ""));
    const after = doc([...statements(6000, "").slice(1), ...statements(1, "-new")]);
    const result = compareDocuments(before, after, "permissions");
    expect(result.incomplete).toEqual([]);
    expect(result.differences.length).toBeGreaterThan(0);
    // Quadratic would be 36,000,000 statement matches. Each wildcard is tried at three
    // lengths (none, one character, two), so a statement costs about 44 matches, not 13.
    expect(result.operations).toBeLessThan(6000 * 60);
  });
});
