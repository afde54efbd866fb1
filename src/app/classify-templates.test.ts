// The file-change pipeline hands CloudFormation templates to the template comparison, and
// leaves Kubernetes YAML, IAM JSON and other files to their own readers.

import { describe, expect, it } from "vitest";
import { parsePathRule } from "../core/config/normalise.js";
import { PathIndex } from "../core/locate/path-index.js";
import type { FileChange } from "../core/model.js";
import { classifyChanges, type FileContents } from "./classify-changes.js";

const template = (actions: string) => `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  BuildRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{ Effect: Allow, Principal: { Service: codebuild.amazonaws.com }, Action: sts:AssumeRole }]
      Policies:
        - PolicyName: artifacts
          PolicyDocument:
            Statement: [{ Effect: Allow, Action: [${actions}], Resource: "*" }]
  Build:
    Type: AWS::CodeBuild::Project
    Properties:
      ServiceRole: !GetAtt BuildRole.Arn
      Artifacts: { Type: NO_ARTIFACTS }
      Environment: { Type: LINUX_CONTAINER, ComputeType: BUILD_GENERAL1_SMALL, Image: aws/codebuild/standard:7.0 }
      Source: { Type: NO_SOURCE, BuildSpec: "version: 0.2" }
`;

const policy = (action: string) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: action, Resource: "*" }],
  });

describe("classifyChanges for templates", () => {
  const paths = new PathIndex();
  paths.add("infra", parsePathRule("infra/**"));
  const run = (files: FileChange[], contents: Record<string, FileContents>) =>
    classifyChanges(files, { paths, read: async (file) => contents[file.path] });

  it("compares a template, and returns its references", async () => {
    const result = await run([{ path: "infra/ci.template", status: "modified" }], {
      "infra/ci.template": {
        base: template("s3:PutObject, s3:GetObject"),
        head: template("s3:GetObject"),
      },
    });
    expect(result.files[0]?.resources?.map((r) => [r.address, r.classes])).toEqual([
      ["infra/ci.template#BuildRole", ["permissions-removed"]],
    ]);
    expect(result.references.map((r) => [r.from, r.to, r.attribute])).toEqual([
      ["infra/ci.template#Build", "infra/ci.template#BuildRole", "ServiceRole"],
    ]);
    expect(result.unjudged).toEqual([]);
  });

  it("a template added reads as its resources added; one removed, as deleted", async () => {
    const result = await run(
      [
        { path: "infra/new.yaml", status: "added" },
        { path: "infra/old.json", status: "removed" },
      ],
      {
        "infra/new.yaml": { head: template("s3:GetObject") },
        "infra/old.json": {
          base: JSON.stringify({ Resources: { Q: { Type: "AWS::SQS::Queue" } } }),
        },
      },
    );
    expect(result.files.map((f) => f.resources?.map((r) => [r.address, r.classes]))).toEqual([
      [
        ["infra/new.yaml#BuildRole", ["added"]],
        ["infra/new.yaml#Build", ["added"]],
      ],
      [["infra/old.json#Q", ["deleted"]]],
    ]);
  });

  it("IAM JSON, Kubernetes YAML and a .template that is no template keep their readers", async () => {
    const result = await run(
      [
        { path: "infra/policy.json", status: "modified" },
        { path: "infra/role.yaml", status: "modified" },
        { path: "infra/email.template", status: "modified" },
      ],
      {
        "infra/policy.json": { base: policy("s3:GetObject"), head: policy("s3:ListBucket") },
        "infra/role.yaml": {
          base: "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: r}\nrules: []\n",
          head: "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: r2}\nrules: []\n",
        },
        "infra/email.template": { base: "Hello {{name}}", head: "Hi {{name}}" },
      },
    );
    expect(result.files[0]?.resources?.[0]?.system).toBe("iam-policy");
    expect(result.files[1]?.resources?.map((r) => r.system)).toEqual(["kubernetes", "kubernetes"]);
    expect(result.files[2]?.resources).toBeUndefined();
    expect(result.unjudged).toEqual([]);
  });

  it("a template that does not parse at head is not judged, and says so", async () => {
    const result = await run([{ path: "infra/ci.yaml", status: "modified" }], {
      "infra/ci.yaml": {
        base: template("s3:GetObject"),
        head: `${template("s3:GetObject")}  X: [\n`,
      },
    });
    expect(result.unjudged).toEqual([
      {
        file: "infra/ci.yaml",
        reason: expect.stringMatching(/^YAML does not parse at line \d+ at head: \S/),
      },
    ]);
    expect(result.files[0]?.resources?.[0]?.classes).toEqual(["unknown"]);
  });
});

describe("Kubernetes bundles that quote a template", () => {
  it("stay manifests", async () => {
    const paths = new PathIndex();
    paths.add("k8s", parsePathRule("k8s/**"));
    const bundle = (name: string) => `apiVersion: v1
kind: ConfigMap
metadata: {name: ${name}}
data:
  template.yaml: |
    Resources:
      Q:
        Type: AWS::SQS::Queue
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: reader}
rules: [{apiGroups: [""], resources: [pods], verbs: [get]}]
`;
    const result = await classifyChanges([{ path: "k8s/bundle.yaml", status: "modified" }], {
      paths,
      read: async () => ({ base: bundle("a"), head: bundle("b") }),
    });
    expect(result.unjudged).toEqual([]);
    expect(result.files[0]?.resources?.map((r) => r.system)).toContain("kubernetes");
  });
});
