// Random policies and random edits over a small vocabulary: the classes comparePolicies gives
// agree with a brute-force evaluation (this file's own, written from AWS's rules) over a grid
// with a point in every region the vocabulary's patterns cut, under every truth assignment
// of the condition clauses.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { comparePermissions, compareTrust, type PolicyDocument, policyFromJson } from "./policy.js";

const ACTIONS = [
  "s3:GetObject",
  "S3:getobject",
  "s3:PutObject",
  "s3:Get*",
  "s3:*",
  "iam:PassRole",
  "iam:*",
  "*",
  "s3:?etObject",
  "s3:*Object",
  // `?` stands for exactly one character and `*` for any run: patterns of several lengths.
  "s3:Get?",
  "s3:Get??",
  "s3:?",
  "s3:Get?*",
];
const RESOURCES = [
  "arn:aws:s3:::a/x",
  "arn:aws:s3:::a/*",
  "arn:aws:s3:::b/*",
  "*",
  "arn:aws:s3:::a/?",
  "arn:aws:s3:::a/??",
  "arn:aws:s3:::b/*/c",
  "arn:aws:s3:::b/?/c",
];
const CONDITIONS = [
  { StringEquals: { "aws:RequestedRegion": "eu-west-1" } },
  { Bool: { "aws:SecureTransport": "true" } },
];
const ROLE_A = "arn:aws:iam::111111111111:role/a";
const ROLE_B = "arn:aws:iam::111111111111:role/b";
const PRINCIPALS: unknown[] = [
  { AWS: ROLE_A },
  { AWS: ROLE_B },
  { AWS: [ROLE_A, ROLE_B] },
  { AWS: "*" },
  { Service: "ec2.amazonaws.com" },
  { AWS: "111111111111" },
  "*",
];
const TRUST_ACTIONS = [
  "sts:AssumeRole",
  "sts:*",
  "*",
  "sts:AssumeRole*",
  "s3:GetObject",
  "sts:TagSession",
  "sts:SetSourceIdentity",
  "sts:?agSession",
];

// The grid: literals, and a value in each region only patterns reach.
const GRID_ACTIONS = [
  "s3:GetObject",
  "s3:GetOther",
  "s3:GetOtherObject",
  "s3:ListObject",
  "s3:SetObject",
  "s3:PutObject",
  "s3:PutOther",
  // Each length a `*` or a run of `?` may stand for: none, one character, two, three.
  "s3:Get",
  "s3:GetX",
  "s3:GetXY",
  "s3:GetXYZ",
  "s3:X",
  "s3:XY",
  "iam:PassRole",
  "iam:Other",
  "other:Thing",
];
const GRID_RESOURCES = [
  "arn:aws:s3:::a/x",
  "arn:aws:s3:::a/y",
  "arn:aws:s3:::b/x",
  "arn:aws:s3:::c/x",
  "arn:aws:s3:::a/",
  "arn:aws:s3:::a/xy",
  "arn:aws:s3:::a/xyz",
  "arn:aws:s3:::b//c",
  "arn:aws:s3:::b/x/c",
  "arn:aws:s3:::b/xy/c",
];
const GRID_PRINCIPALS = [
  ["AWS", ROLE_A],
  ["AWS", ROLE_B],
  ["AWS", "arn:aws:iam::111111111111:role/c"],
  ["AWS", "arn:aws:iam::222222222222:role/z"],
  ["Service", "ec2.amazonaws.com"],
  ["Service", "other.amazonaws.com"],
] as const;
// Every sts action a trust policy grants, and one it does not name.
const GRID_ASSUME = [
  "sts:AssumeRole",
  "sts:AssumeRoleWithSAML",
  "sts:TagSession",
  "sts:SetSourceIdentity",
  "sts:SetContext",
  "sts:Other",
  "sts:XagSession",
];

type Raw = Record<string, unknown>;

const glob = (pattern: string, value: string, ignoreCase: boolean) => {
  const source = pattern
    .split("")
    .map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\/]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`, ignoreCase ? "i" : "").test(value);
};
const asList = (v: unknown): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v as string];

/** Whether one statement applies to a request, by AWS's rules, read from the JSON itself. */
function applies(
  s: Raw,
  action: string,
  resource: string | undefined,
  principal: readonly [string, string] | undefined,
  truth: readonly boolean[],
): boolean {
  const actionHit = (list: unknown) => asList(list).some((p) => glob(p, action, true));
  if ("NotAction" in s ? actionHit(s.NotAction) : !actionHit(s.Action)) return false;
  if (resource !== undefined) {
    const hit = (list: unknown) => asList(list).some((p) => glob(p, resource, false));
    if ("NotResource" in s ? hit(s.NotResource) : "Resource" in s && !hit(s.Resource)) return false;
  }
  if (principal !== undefined) {
    const hit = (p: unknown) =>
      p === "*" ||
      asList((p as Raw)[principal[0]]).some(
        (id) =>
          id === "*" ||
          id === principal[1] ||
          // An account id: every principal of the account.
          (principal[0] === "AWS" && /^\d{12}$/.test(id) && principal[1].includes(`::${id}:`)),
      );
    if ("NotPrincipal" in s ? hit(s.NotPrincipal) : !hit(s.Principal)) return false;
  }
  const clause = CONDITIONS.findIndex((c) => JSON.stringify(c) === JSON.stringify(s.Condition));
  return s.Condition === undefined || truth[clause] === true;
}

function allowed(
  doc: Raw[],
  action: string,
  resource: string | undefined,
  principal: readonly [string, string] | undefined,
  truth: readonly boolean[],
): boolean {
  const hits = doc.filter((s) => applies(s, action, resource, principal, truth));
  return hits.some((s) => s.Effect === "Allow") && !hits.some((s) => s.Effect === "Deny");
}

const TRUTHS = [
  [false, false],
  [false, true],
  [true, false],
  [true, true],
];

function bruteForce(
  before: Raw[],
  after: Raw[],
  trust: boolean,
): { lost: boolean; gained: boolean } {
  let lost = false;
  let gained = false;
  for (const truth of TRUTHS) {
    const requests: [string, string | undefined, readonly [string, string] | undefined][] = trust
      ? GRID_ASSUME.flatMap((a) =>
          GRID_PRINCIPALS.map(
            (p) => [a, undefined, p] as [string, undefined, readonly [string, string]],
          ),
        )
      : GRID_ACTIONS.flatMap((a) =>
          GRID_RESOURCES.map((r) => [a, r, undefined] as [string, string, undefined]),
        );
    for (const [a, r, p] of requests) {
      const b = allowed(before, a, r, p, truth);
      const n = allowed(after, a, r, p, truth);
      if (b && !n) lost = true;
      if (n && !b) gained = true;
    }
  }
  return { lost, gained };
}

const some = <T>(values: readonly T[]) =>
  fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: 3 });
const maybeCondition = fc.option(fc.constantFrom(...CONDITIONS), { nil: undefined });

const permissionStatement: fc.Arbitrary<Raw> = fc
  .record({
    effect: fc.constantFrom("Allow", "Allow", "Deny"),
    actions: some(ACTIONS),
    notAction: fc.boolean(),
    resources: some(RESOURCES),
    resource: fc.constantFrom("Resource", "Resource", "NotResource", "none"),
    condition: maybeCondition,
  })
  .map((r) => ({
    Effect: r.effect,
    [r.notAction ? "NotAction" : "Action"]: r.actions,
    ...(r.resource === "none" ? {} : { [r.resource]: r.resources }),
    ...(r.condition ? { Condition: r.condition } : {}),
  }));

const trustStatement: fc.Arbitrary<Raw> = fc
  .record({
    effect: fc.constantFrom("Allow", "Allow", "Deny"),
    actions: some(TRUST_ACTIONS),
    principal: fc.constantFrom(...PRINCIPALS),
    notPrincipal: fc.boolean(),
    condition: maybeCondition,
  })
  .map((r) => ({
    Effect: r.effect,
    Action: r.actions,
    [r.notPrincipal && r.principal !== "*" ? "NotPrincipal" : "Principal"]: r.principal,
    ...(r.condition ? { Condition: r.condition } : {}),
  }));

/** An edit: add, remove, replace, split or reorder statements. */
function edited(statement: fc.Arbitrary<Raw>) {
  return fc
    .tuple(
      fc.array(statement, { minLength: 1, maxLength: 4 }),
      fc.array(
        fc.tuple(
          fc.nat(),
          fc.constantFrom("add", "remove", "replace", "split", "reverse"),
          statement,
        ),
        { maxLength: 3 },
      ),
    )
    .map(([before, edits]) => {
      let after = [...before];
      for (const [at, kind, s] of edits) {
        const i = at % Math.max(after.length, 1);
        if (kind === "add") after.splice(i, 0, s);
        else if (kind === "remove") after.splice(i, 1);
        else if (kind === "replace") after[i] = s;
        else if (kind === "reverse") after = after.reverse();
        else {
          const one = after[i];
          const key = one && ("Action" in one ? "Action" : "NotAction");
          const list = one && key === "Action" ? asList(one.Action) : [];
          if (one && list.length > 1)
            after.splice(
              i,
              1,
              { ...one, Action: list.slice(0, 1) },
              { ...one, Action: list.slice(1) },
            );
        }
      }
      return { before, after };
    });
}

const parse = (statements: Raw[]): PolicyDocument =>
  policyFromJson({ Version: "2012-10-17", Statement: statements }) as PolicyDocument;

describe("IAM comparison agrees with a brute-force evaluation", () => {
  it("permissions", () => {
    fc.assert(
      fc.property(edited(permissionStatement), ({ before, after }) => {
        const truth = bruteForce(before, after, false);
        const result = comparePermissions(parse(before), parse(after));
        // Every line names what the documents write, never a witness value or "undefined".
        for (const line of result.details) expect(line).not.toMatch(/undefined|\u00b7/);
        expect(result.classes).toEqual([
          ...(truth.lost ? ["permissions-removed"] : []),
          ...(truth.gained ? ["permissions-added"] : []),
        ]);
      }),
      { numRuns: 400, seed: 14 },
    );
    // Hundreds of comparisons on a shared machine: more than the default 30 s may be needed.
  }, 180_000);

  it("trust", () => {
    fc.assert(
      fc.property(edited(trustStatement), ({ before, after }) => {
        const truth = bruteForce(before, after, true);
        const result = compareTrust(parse(before), parse(after));
        // Every line names what the documents write, never a witness value or "undefined".
        for (const line of result.details) expect(line).not.toMatch(/undefined|\u00b7/);
        expect(result.classes).toEqual([
          ...(truth.lost ? ["trust-narrowed"] : []),
          ...(truth.gained ? ["trust-widened"] : []),
        ]);
      }),
      { numRuns: 400, seed: 14 },
    );
    // Hundreds of comparisons on a shared machine: more than the default 30 s may be needed.
  }, 180_000);
});
