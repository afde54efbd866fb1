// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::ForEach names are what these tests read
import { describe, expect, it } from "vitest";
import { templateResources } from "../adopt/template-scan.js";
import { classifyTemplateFile } from "./cloudformation-changes.js";
import { readTemplate } from "./cloudformation-template.js";

const ROLE = `  AppRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {Version: "2012-10-17", Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]}
`;
const LOOP = `  Fn::ForEach::Queues:
    - Name
    - [Orders, Invoices]
    - \${Name}Queue:
        Type: AWS::SQS::Queue
`;

describe("what is a template", () => {
  it.each([
    ["a format version", 'AWSTemplateFormatVersion: "2010-09-09"\n'],
    ["a Transform", "Transform: AWS::LanguageExtensions\n"],
    ["mostly typed entries", ""],
  ])("a file with %s and an entry it cannot read is a template not compared", (_, head) => {
    const text = `${head}Resources:\n${LOOP}${ROLE}  Other:\n    Type: AWS::SQS::Queue\n`;
    const read = readTemplate("infra/app.yaml", text);
    expect(read).toEqual({ ok: false, reason: expect.stringContaining("expands on deploy") });
    const judged = classifyTemplateFile(
      { path: "infra/app.yaml" },
      text,
      text.replace("lambda", "ec2"),
    );
    expect(judged).toEqual({ unreadable: expect.stringContaining('"Fn::ForEach::Queues"') });
    const scan = templateResources("infra/app.yaml", text);
    expect(scan && "problem" in scan ? scan.problem.message : "").toContain("cannot be read");
  });

  it("an entry without a Type is named", () => {
    const read = readTemplate(
      "infra/app.yaml",
      `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n${ROLE}  Loose:\n    Properties: {}\n`,
    );
    expect(read).toEqual({ ok: false, reason: expect.stringContaining('"Loose" has no Type') });
  });

  it("YAML whose Resources are mostly untyped, not declared a template, is not one", () => {
    const text = `Resources:\n  a: {Type: AWS::SQS::Queue}\n  b: {size: 1}\n  c: {size: 2}\n`;
    expect(readTemplate("config/app.yaml", text)).toBeUndefined();
  });

  it("a Kubernetes manifest carrying a Resources map with AWS types is not a template", () => {
    const text = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: reader
rules: []
Resources:
  Note:
    Type: AWS::CloudFormation::WaitConditionHandle
`;
    expect(readTemplate("k8s/reader.yaml", text)).toBeUndefined();
    expect(classifyTemplateFile({ path: "k8s/reader.yaml" }, undefined, text)).toBeUndefined();
  });
});

describe("nested stacks", () => {
  const parent = (props: string, extra = "") => `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Env: {Type: String, Default: prod}
Resources:
  Workers:
    Type: AWS::CloudFormation::Stack
    Properties:
${props}${extra}`;
  const props = (url: string, env: string) =>
    `      TemplateURL: ${url}\n      Parameters:\n        Env: ${env}\n`;
  const unjudged = (before: string, after: string) => {
    const judged = classifyTemplateFile({ path: "infra/root.yaml" }, before, after);
    if (!judged || "unreadable" in judged) throw new Error(JSON.stringify(judged));
    return judged.unjudged ?? [];
  };

  it.each([
    ["its Parameters", props("./w.yaml", "a"), props("./w.yaml", "b"), /its Parameters change;/],
    [
      "its TemplateURL",
      props("./w.yaml", "a"),
      props("./w2.yaml", "a"),
      /its TemplateURL changes;/,
    ],
    [
      "a parameter it passes on",
      props("./w.yaml", "!Ref Env"),
      props("./w.yaml", "!Ref Env"),
      /its Parameters change;/,
    ],
  ])("a nested stack whose %s change leaves the child unjudged", (_, was, now, reason) => {
    const before = parent(was);
    const after = parent(now).replace(was === now ? "Default: prod" : "\u0000", "Default: test");
    expect(unjudged(before, after)).toEqual([expect.stringMatching(reason)]);
  });

  it("a nested stack whose condition rests on a changed parameter leaves the child unjudged", () => {
    const before = parent(props("./w.yaml", "a"))
      .replace("Resources:", "Conditions:\n  IsProd: !Equals [!Ref Env, prod]\nResources:")
      .replace(
        "Type: AWS::CloudFormation::Stack",
        "Type: AWS::CloudFormation::Stack\n    Condition: IsProd",
      );
    const after = before.replace("Default: prod", "Default: test");
    expect(unjudged(before, after)).toEqual([
      expect.stringMatching(
        /^nested stack Workers: whether it exists on deploy changes \(condition IsProd/,
      ),
    ]);
  });

  it("a SAM application given another parameter leaves the child unjudged", () => {
    const app = (v: string) =>
      `Transform: AWS::Serverless-2016-10-31\nResources:\n  Shared:\n    Type: AWS::Serverless::Application\n    Properties:\n      Location: ./shared.yaml\n      Parameters: {Level: ${v}}\n`;
    expect(unjudged(app("a"), app("b"))).toEqual([expect.stringContaining("nested stack Shared")]);
  });

  it("a nested stack removed takes its child's resources with it: unjudged", () => {
    const before = parent(props("./w.yaml", "a"), "  Queue:\n    Type: AWS::SQS::Queue\n");
    const after = `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Queue:\n    Type: AWS::SQS::Queue\n`;
    expect(unjudged(before, after)).toEqual([expect.stringContaining("Workers is removed")]);
  });

  it("a nested stack given the same inputs leaves nothing unjudged", () => {
    const before = parent(props("./w.yaml", "a"), "  Queue:\n    Type: AWS::SQS::Queue\n");
    expect(unjudged(before, before.replace("SQS::Queue", "SNS::Topic"))).toEqual([]);
  });
});

describe("a parent template removed", () => {
  it("takes its nested stacks' children with it: unjudged", () => {
    const before = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Workers:
    Type: AWS::CloudFormation::Stack
    Properties: {TemplateURL: ./w.yaml}
`;
    const judged = classifyTemplateFile({ path: "infra/root.yaml" }, before, undefined);
    expect(judged && "unjudged" in judged ? judged.unjudged : []).toEqual([
      expect.stringContaining("nested stack Workers is removed"),
    ]);
  });
});
