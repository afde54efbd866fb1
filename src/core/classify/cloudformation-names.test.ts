// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub strings are what these tests read
import { describe, expect, it } from "vitest";
import { templateResources } from "../adopt/template-scan.js";
import { classifyTemplateFile, type TemplateChanges } from "./cloudformation-changes.js";
import type { ResourceChange } from "./evidence.js";

function changes(before: string, after: string): TemplateChanges {
  const result = classifyTemplateFile({ path: "infra/iam.yaml" }, before, after);
  if (!result || "unreadable" in result) throw new Error(JSON.stringify(result));
  return result;
}
const at = (list: readonly ResourceChange[], id: string) =>
  list.filter((c) => c.address === `infra/iam.yaml#${id}`);

describe("AWS::IAM::UserToGroupAddition", () => {
  const t = (users: string) => `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Deployers:
    Type: AWS::IAM::Group
    Properties:
      GroupName: deployers
      Policies:
        - PolicyName: deploy
          PolicyDocument: {Version: "2012-10-17", Statement: [{Effect: Allow, Action: "cloudformation:*", Resource: "*"}]}
  Ci:
    Type: AWS::IAM::User
  Ops:
    Type: AWS::IAM::User
    Properties:
      UserName: ops
  Members:
    Type: AWS::IAM::UserToGroupAddition
    Properties:
      GroupName: deployers
      Users: [${users}]
`;

  it("a user of the template it no longer adds loses the group's permissions, said on that user", () => {
    const { resources } = changes(t("!Ref Ci, ops, partner"), t("ops, partner"));
    const [ci] = at(resources, "Ci");
    expect(ci?.classes).toEqual(["permissions-removed"]);
    expect(ci?.evidence[0]?.detail).toContain("membership of group Deployers (Members)");
    expect(at(resources, "Ops")).toEqual([]);
    expect(at(resources, "Members")[0]?.classes).toEqual(["modified"]);
  });

  it("a user named by the name it declares gains the group's permissions when added", () => {
    const { resources } = changes(t("!Ref Ci"), t("!Ref Ci, ops"));
    expect(at(resources, "Ops")[0]?.classes).toContain("permissions-added");
  });

  it("an addition moved to another group takes the first group's permissions from its users", () => {
    const before = t("!Ref Ci");
    const after = before.replace(
      "      GroupName: deployers\n      Users",
      "      GroupName: readers\n      Users",
    );
    expect(after).not.toBe(before);
    const [ci] = at(changes(before, after).resources, "Ci");
    expect(ci?.classes).toContain("permissions-removed");
  });

  it("a user from elsewhere it no longer adds is said on the addition", () => {
    const { resources } = changes(t("!Ref Ci, partner"), t("!Ref Ci"));
    const [members] = at(resources, "Members");
    expect(members?.classes).toEqual(["permissions-removed"]);
    expect(members?.evidence[0]?.detail).toContain("no longer adds user partner");
    expect(at(resources, "Ci")).toEqual([]);
  });
});

describe("policies naming their identity by its declared name", () => {
  const t = (
    actions: string,
    name = '!Sub "${AWS::StackName}-app"',
  ) => `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  AppRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: !Sub "\${AWS::StackName}-app"
      AssumeRolePolicyDocument: {Version: "2012-10-17", Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]}
  AppRoleData:
    Type: AWS::IAM::RolePolicy
    DependsOn: AppRole
    Properties:
      RoleName: ${name}
      PolicyName: data
      PolicyDocument: {Version: "2012-10-17", Statement: [{Effect: Allow, Action: [${actions}], Resource: "*"}]}
`;

  it("a RolePolicy naming the role's RoleName changes the role through it", () => {
    const { resources } = changes(t("s3:GetObject, dynamodb:PutItem"), t("s3:GetObject"));
    const through = at(resources, "AppRole").find((c) => c.through !== undefined);
    expect(through?.through).toBe("infra/iam.yaml#AppRoleData");
    expect(through?.classes).toEqual(["permissions-removed"]);
  });

  it("a RolePolicy naming another name is not the role's", () => {
    const { resources } = changes(
      t("s3:GetObject, dynamodb:PutItem", "other-app"),
      t("s3:GetObject", "other-app"),
    );
    expect(at(resources, "AppRole")).toEqual([]);
  });

  it("init's draft makes the RolePolicy part of the role it names", () => {
    const scan = templateResources("infra/iam.yaml", t("s3:GetObject"));
    if (!scan || "problem" in scan) throw new Error(JSON.stringify(scan));
    const policy = scan.resources.find((r) => r.logicalId === "AppRoleData");
    expect(policy?.references).toContainEqual({ target: "AppRole", property: "RoleName" });
  });
});
