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
