// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub strings are what these tests read
import { describe, expect, it } from "vitest";
import { classifyTemplateFile, type TemplateChanges } from "./cloudformation-changes.js";
import type { ResourceChange } from "./evidence.js";

function changes(before: string, after: string): TemplateChanges {
  const result = classifyTemplateFile({ path: "infra/app.yaml" }, before, after);
  if (!result || "unreadable" in result) throw new Error(JSON.stringify(result));
  return result;
}

const role = (extra = "") => `  AppRole:
    Type: AWS::IAM::Role
${extra}    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
`;

/** A template whose role is created under `condition`, with the sections given. */
const conditional = (sections: string, condition = "CreateRole") =>
  `AWSTemplateFormatVersion: "2010-09-09"\n${sections}Resources:\n${role(`    Condition: ${condition}\n`)}`;

const details = (r: ResourceChange | undefined) =>
  (r?.evidence ?? []).map((e) => e.detail).join("\n");

describe("inputs of conditions that change", () => {
  // Each way a condition comes to rest on a parameter or mapping: through another condition,
  // a mapping, a Sub, allowed values; the role's existence on deploy is not known.
  const cases: [string, string, string, string][] = [
    [
      "through another condition",
      `Parameters:\n  Env: {Type: String, Default: prod}\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\n  CreateRole: !And [!Condition IsProd, !Equals [a, a]]\n`,
      "Default: prod",
      "Default: test",
    ],
    [
      "through a mapping",
      `Mappings:\n  Flags:\n    Jobs: {Enabled: "true"}\nConditions:\n  CreateRole: !Equals [!FindInMap [Flags, Jobs, Enabled], "true"]\n`,
      'Enabled: "true"',
      'Enabled: "false"',
    ],
    [
      "through a Sub",
      `Parameters:\n  Env: {Type: String, Default: prod}\nConditions:\n  CreateRole: !Equals [!Sub "\${Env}-x", prod-x]\n`,
      "Default: prod",
      "Default: dev",
    ],
    [
      "through allowed values",
      `Parameters:\n  Env: {Type: String, AllowedValues: [prod]}\nConditions:\n  CreateRole: !Equals [!Ref Env, prod]\n`,
      "AllowedValues: [prod]",
      "AllowedValues: [dev]",
    ],
    [
      "through a condition it names, redefined",
      `Parameters:\n  Env: {Type: String, Default: prod}\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\n  CreateRole: !Or [!Condition IsProd, !Equals [a, b]]\n`,
      "IsProd: !Equals [!Ref Env, prod]",
      "IsProd: !Equals [!Ref Env, live]",
    ],
  ];
  it.each(cases)(
    "a role's condition that rests on what changes %s is unknown",
    (_, s, from, to) => {
      const before = conditional(s);
      const after = conditional(s.replace(from, to));
      expect(after).not.toBe(before);
      const [r] = changes(before, after).resources;
      expect(r?.classes).toEqual(["unknown"]);
      expect(r?.evidence.some((e) => e.attribute === "Condition")).toBe(true);
      expect(details(r)).toMatch(/whether it exists on deploy is not known/);
      expect(details(r)).toMatch(/(parameter Env|mapping Flags|condition IsProd)/);
    },
  );

  it("a condition that reads no input holds the same whatever else changes", () => {
    const s = (d: string) =>
      `Parameters:\n  Env: {Type: String, Default: ${d}}\nConditions:\n  CreateRole: !Equals [a, a]\n`;
    expect(changes(conditional(s("prod")), conditional(s("dev"))).resources).toEqual([]);
  });

  it("a value under Fn::If whose condition reads a mapping that changes is unknown", () => {
    const t = (flag: string) => `AWSTemplateFormatVersion: "2010-09-09"
Mappings:
  Flags:
    Jobs: {Wide: "${flag}"}
Conditions:
  Wide: !Equals [!FindInMap [Flags, Jobs, Wide], "yes"]
Resources:
${role()}      Policies:
        - PolicyName: data
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: s3:GetObject
                Resource: !If [Wide, "*", "arn:aws:s3:::orders/*"]
`;
    const [r] = changes(t("yes"), t("no")).resources;
    expect(r?.classes).toEqual(["unknown"]);
    expect(details(r)).toContain("mapping Flags");
    expect(details(r)).toContain("condition Wide");
  });

  it("many parameters and conditions that all change: each conditional resource says so once, naming a few", () => {
    const n = 3_000;
    const t = (d: string) =>
      [
        'AWSTemplateFormatVersion: "2010-09-09"',
        "Parameters:",
        ...Array.from({ length: n }, (_, i) => `  P${i}: {Type: String, Default: ${d}}`),
        "Conditions:",
        ...Array.from({ length: n }, (_, i) => `  C${i}: !Equals [!Ref P${i}, a]`),
        "Resources:",
        role("    Condition: C7\n"),
      ].join("\n");
    const [r] = changes(t("a"), t("b")).resources;
    expect(r?.classes).toEqual(["unknown"]);
    expect(details(r)).toContain("condition C7");
    expect(details(r)).toContain("it rests on parameter P7, which changes");
  });

  it("a condition resting on inputs that do not change holds as it did", () => {
    const s = (d: string) =>
      `Parameters:\n  Env: {Type: String, Default: prod}\n  Size: {Type: String, Default: ${d}}\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\n  CreateRole: !And [!Condition IsProd, !Equals [!Sub "\${Env}", prod]]\n`;
    expect(changes(conditional(s("1")), conditional(s("2"))).resources).toEqual([]);
  });

  it("a chain of conditions carries a change to the last", () => {
    const s = (d: string) =>
      `Parameters:\n  Env: {Type: String, Default: ${d}}\nConditions:\n  A: !Equals [!Ref Env, prod]\n  B: !Not [!Condition A]\n  C: !Or [!Condition B, !Equals [x, y]]\n  CreateRole: !And [!Condition C, !Equals [a, a]]\n`;
    const [r] = changes(conditional(s("prod")), conditional(s("dev"))).resources;
    expect(r?.classes).toEqual(["unknown"]);
    expect(details(r)).toContain("it rests on parameter Env, which changes");
  });

  it("a condition reading what cannot be followed may hold otherwise when anything changes", () => {
    const s = (d: string) =>
      `Parameters:\n  Env: {Type: String, Default: ${d}}\nConditions:\n  CreateRole: !Equals [{Ref: [Env]}, prod]\n`;
    const [r] = changes(conditional(s("prod")), conditional(s("dev"))).resources;
    expect(r?.classes).toEqual(["unknown"]);
    expect(details(r)).toContain(
      "parameter Env changes, and it reads values that cannot be followed",
    );
  });
});

describe("IAM properties written otherwise always say something", () => {
  const policy = (actions: string, sid = "") =>
    `{PolicyName: data, PolicyDocument: {Version: "2012-10-17", Statement: [{${sid}Effect: Allow, Action: [${actions}], Resource: "*"}]}}`;
  const t = (policies: string) => `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Env: {Type: String, Default: prod}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
${role()}      Policies:${policies}
`;
  const shapes: [string, (actions: string) => string][] = [
    [
      "the whole list chosen by Fn::If",
      (a) => ` !If\n        - IsProd\n        - - ${policy(a)}\n        - !Ref AWS::NoValue`,
    ],
    [
      "one item chosen by Fn::If",
      (a) =>
        `\n        - !If\n          - IsProd\n          - ${policy(a)}\n          - !Ref AWS::NoValue`,
    ],
    [
      "one item's document chosen by Fn::If",
      (a) =>
        `\n        - PolicyName: data\n          PolicyDocument: !If\n            - IsProd\n            - {Version: "2012-10-17", Statement: [{Effect: Allow, Action: [${a}], Resource: "*"}]}\n            - {Version: "2012-10-17", Statement: []}`,
    ],
  ];
  it.each(shapes)("Policies with %s: unknown when the actions change", (_, shape) => {
    const [r] = changes(
      t(shape("s3:GetObject, s3:PutObject")),
      t(shape("sts:GetCallerIdentity")),
    ).resources;
    expect(r?.classes).toEqual(["unknown"]);
    expect(r?.evidence.every((e) => e.attribute === "Policies")).toBe(true);
    expect(details(r)).toContain("condition IsProd");
  });

  it.each(shapes)("Policies with %s written the same: nothing", (_, shape) => {
    expect(changes(t(shape("s3:GetObject")), t(shape("s3:GetObject"))).resources).toEqual([]);
  });

  it("a document rewritten to allow the same (a Sid added) is modified, not silent", () => {
    const plain = (sid: string) => t(`\n        - ${policy("s3:GetObject", sid)}`);
    const [r] = changes(plain(""), plain("Sid: Read, ")).resources;
    expect(r?.classes).toEqual(["modified"]);
    expect(details(r)).toContain("Policies changes: ");
  });

  it("managed policies listed in another order are no change", () => {
    const arns = (list: string) => t(" []").replace("Policies: []", `ManagedPolicyArns: [${list}]`);
    const a = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    const b = "arn:aws:iam::aws:policy/AWSLambdaExecute";
    expect(changes(arns(`${a}, ${b}`), arns(`${b}, ${a}`)).resources).toEqual([]);
  });
});

describe("parameter declarations", () => {
  it("a Description reworded changes no condition", () => {
    const s = (d: string) =>
      `Parameters:\n  Env: {Type: String, Default: prod, Description: ${d}}\nConditions:\n  CreateRole: !Equals [!Ref Env, prod]\n`;
    expect(changes(conditional(s("old")), conditional(s("new"))).resources).toEqual([]);
  });
});
