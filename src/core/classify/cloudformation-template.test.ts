import { describe, expect, it } from "vitest";
import { analyze } from "../analyze.js";
import { modelOf } from "../testing/helpers.js";
import {
  checkResourcePattern,
  compileResourcePattern,
  resourceAddress,
  splitAddress,
} from "./cloudformation-address.js";
import { looksLikeTemplate, readTemplate, referencesOf } from "./cloudformation-template.js";
import type { ResourceChange } from "./evidence.js";

const YAML = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Env:
    Type: String
    Default: prod
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  AppRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: !Sub "\${Env}-app"
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Service: lambda.amazonaws.com}
            Action: sts:AssumeRole
  Worker:
    Type: AWS::Lambda::Function
    Condition: IsProd
    Properties:
      Role: !GetAtt AppRole.Arn
      Environment:
        Variables:
          SELF: !Sub "\${AppRole.Arn}/\${AWS::Region}/\${!Literal}"
          NAMED: !Sub ["\${Name}", {Name: !Ref AppRole}]
          MAYBE: !If [IsProd, !GetAtt [AppRole, RoleId], !Ref "AWS::NoValue"]
`;

describe("readTemplate", () => {
  it("reads YAML with the short tags as CloudFormation's long form, with lines", () => {
    const read = readTemplate("infra/app.yaml", YAML);
    if (!read?.ok) throw new Error("not read");
    const { template } = read;
    expect([...template.resources.keys()]).toEqual(["AppRole", "Worker"]);
    const worker = template.resources.get("Worker");
    expect(worker?.type).toBe("AWS::Lambda::Function");
    expect(worker?.condition).toBe("IsProd");
    expect(worker?.properties.Role).toEqual({ "Fn::GetAtt": ["AppRole", "Arn"] });
    expect(template.resources.get("AppRole")?.properties.RoleName).toEqual({
      // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation's own syntax
      "Fn::Sub": "${Env}-app",
    });
    expect(template.parameters.get("Env")?.default).toBe("prod");
    expect(template.conditions.get("IsProd")).toEqual({ "Fn::Equals": [{ Ref: "Env" }, "prod"] });
    // The line of the resource's body, right below its logical id.
    expect(worker?.line).toBe(19);
  });

  it("finds every use of another resource, and only of resources", () => {
    const read = readTemplate("infra/app.yaml", YAML);
    if (!read?.ok) throw new Error("not read");
    const worker = read.template.resources.get("Worker");
    if (!worker) throw new Error("no worker");
    const refs = referencesOf(worker, read.template.resources).map(
      (r) => `${r.property}:${r.target}${r.attribute ? `.${r.attribute}` : ""}`,
    );
    expect(refs).toEqual([
      "Role:AppRole.Arn",
      "Environment:AppRole.Arn",
      "Environment:AppRole",
      "Environment:AppRole.RoleId",
    ]);
  });

  it("reads JSON templates (CDK's cdk.out) with the line of each resource", () => {
    const text = JSON.stringify(
      {
        Resources: {
          HandlerServiceRoleFCDC14AE: {
            Type: "AWS::IAM::Role",
            Properties: {},
            Metadata: { "aws:cdk:path": "Stack/Handler/ServiceRole/Resource" },
          },
          Handler886CB40B: {
            Type: "AWS::Lambda::Function",
            Properties: { Role: { "Fn::GetAtt": ["HandlerServiceRoleFCDC14AE", "Arn"] } },
          },
        },
      },
      null,
      1,
    );
    const read = readTemplate("cdk.out/Stack.template.json", text);
    if (!read?.ok) throw new Error("not read");
    const role = read.template.resources.get("HandlerServiceRoleFCDC14AE");
    expect(role?.metadata["aws:cdk:path"]).toBe("Stack/Handler/ServiceRole/Resource");
    expect(role?.line).toBe(3);
    expect(read.template.resources.get("Handler886CB40B")?.line).toBe(10);
  });

  it("tells templates from other YAML and JSON, and says why a template does not parse", () => {
    expect(looksLikeTemplate("apiVersion: v1\nkind: ConfigMap\n")).toBe(false);
    expect(readTemplate("x.yaml", "apiVersion: v1\nkind: ConfigMap\n")).toBeUndefined();
    expect(readTemplate("p.json", '{"Version":"2012-10-17","Statement":[]}')).toBeUndefined();
    const broken = readTemplate("t.yaml", "Resources:\n  A:\n    Type: AWS::IAM::Role\n  - x\n");
    expect(broken?.ok).toBe(false);
  });

  it("refuses alias bombs instead of expanding them", () => {
    const bomb = [
      "AWSTemplateFormatVersion: '2010-09-09'",
      "a: &a [x, x, x, x, x, x, x, x, x, x]",
      ...Array.from({ length: 7 }, (_, i) => {
        const prev = String.fromCharCode(97 + i);
        const name = String.fromCharCode(98 + i);
        return `${name}: &${name} [*${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}]`;
      }),
      "Resources:",
      "  R:",
      "    Type: AWS::SNS::Topic",
      "    Properties: {Tags: *h}",
    ].join("\n");
    const read = readTemplate("t.yaml", bomb);
    expect(read?.ok).toBe(false);
  });
});

describe("match.cloudformation patterns", () => {
  it("split at the last #, glob the template and wildcard the logical id", () => {
    expect(resourceAddress("infra/a#b.yaml", "Role")).toBe("infra/a#b.yaml#Role");
    expect(splitAddress("infra/a#b.yaml#Role")).toEqual({
      template: "infra/a#b.yaml",
      logicalId: "Role",
    });
    const p = compileResourcePattern("cdk.out/*.template.json#HandlerServiceRole*");
    expect(p.test("cdk.out/Stack.template.json#HandlerServiceRoleFCDC14AE")).toBe(true);
    expect(p.test("cdk.out/Stack.template.json#Handler886CB40B")).toBe(false);
    expect(p.test("other/Stack.template.json#HandlerServiceRoleFCDC14AE")).toBe(false);
    expect(compileResourcePattern("**/app.yaml#AppRole").test("a/b/app.yaml#AppRole")).toBe(true);
  });

  it("say what is wrong with a malformed pattern", () => {
    expect(checkResourcePattern("infra/app.yaml")?.message).toContain(
      "<template path>#<logical id>",
    );
    expect(checkResourcePattern("infra/app.yaml#App-Role")?.message).toContain("not a logical id");
    expect(checkResourcePattern("infra/@(a).yaml#R")?.message).toContain("template path");
    expect(checkResourcePattern("infra/app.yaml#App*")).toBeUndefined();
  });
});

describe("resources from other inputs (change sets, renders)", () => {
  const model = modelOf(`version: 1
owners: {}
nodes:
  iam-role/app:
    kind: iam-role
    match: {cloudformation: ["infra/*.yaml#AppRole"]}
  lambda/worker:
    kind: lambda
    depends_on: [{on: iam-role/app, via: assumes-role}]
  k8s-role/reader:
    kind: k8s-cluster-role
    match: {kubernetes: [ClusterRole/reader]}
`);
  const change = (
    system: ResourceChange["system"],
    address: string,
    classes: string[],
  ): ResourceChange => ({
    system,
    address,
    type: "x",
    classes,
    evidence: [{ detail: "changed" }],
  });

  it("are matched to nodes by their object rules, and carry their input's kind", () => {
    const impact = analyze(model, [], {
      inputs: [
        {
          kind: "change-set",
          file: "cs.json",
          reading: {
            resources: [
              change("cloudformation", "infra/app.yaml#AppRole", ["trust-narrowed"]),
              change("cloudformation", "infra/app.yaml#Other", ["modified"]),
            ],
            references: [],
          },
        },
        {
          kind: "rendered",
          file: "render/head",
          reading: {
            resources: [change("kubernetes", "ClusterRole/reader", ["permissions-removed"])],
            references: [],
          },
        },
      ],
    });
    expect(impact.changed.map((c) => `${c.id}:${c.causes.map((k) => k.kind)}`)).toEqual([
      "iam-role/app:change-set",
      "k8s-role/reader:rendered",
    ]);
    expect(impact.impacted.map((i) => `${i.id}:${i.severity}`)).toEqual(["lambda/worker:breaking"]);
    expect(impact.unmatchedResources).toEqual(["infra/app.yaml#Other"]);
  });

  it("discovered template references add an undeclared consumer as a node", () => {
    const impact = analyze(model, [], {
      inputs: [
        {
          kind: "change-set",
          file: "cs.json",
          reading: {
            resources: [
              change("cloudformation", "infra/app.yaml#AppRole", ["permissions-removed"]),
            ],
            references: [],
          },
        },
      ],
      references: [
        {
          system: "cloudformation",
          from: "infra/app.yaml#Consumer",
          to: "infra/app.yaml#AppRole",
          attribute: "Role",
          file: "infra/app.yaml",
          kind: "AWS::Lambda::Function",
        },
      ],
    });
    const consumer = impact.impacted.find((i) => i.id === "cloudformation:infra/app.yaml#Consumer");
    expect(consumer?.kind).toBe("AWS::Lambda::Function");
    expect(consumer?.path.steps[0]?.discovered).toBe(true);
  });
});
