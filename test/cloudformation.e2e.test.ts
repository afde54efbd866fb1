// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub strings are what these tests write
// `check --git` on a CloudFormation template: the role's change is classified from the template
// at base and head, a node names it with match.cloudformation, and the Lambda function that
// uses the role (declared in no deps.yaml) is found through the template's own reference.

import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "./git-history.js";

const DEPS = `version: 1
owners:
  platform: {github: "@acme/platform"}
nodes:
  iam-role/order-import:
    kind: iam-role
    owner: platform
    match:
      cloudformation: ["infra/*.yaml#ImportRole"]
  service/orders-api:
    kind: service
    owner: platform
    depends_on:
      - on: iam-role/order-import
        via: runs-as
`;

const template = (
  actions: string,
  roleName = "order-import",
) => `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  ImportRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: ${roleName}
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: ReadOrders
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: [${actions}]
                Resource: !Sub "arn:\${AWS::Partition}:s3:::orders-\${AWS::AccountId}/*"
  ImportFunction:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      Role: !GetAtt ImportRole.Arn
      Code: { S3Bucket: artifacts, S3Key: import.zip }
`;

describe("check --git on a CloudFormation template", () => {
  let repo: string;
  const git = (...args: string[]) => {
    const result = spawnSync(
      "git",
      ["-c", "user.email=t@example.com", "-c", "user.name=t", ...args],
      { cwd: repo, encoding: "utf8" },
    );
    if (result.status !== 0) throw new Error(result.stderr);
  };
  const write = (path: string, text: string) => writeFileSync(join(repo, path), text);
  const check = () => {
    const result = runCli(["check", "--git", "main", "--format", "json"], { cwd: repo });
    expect(result.stderr).toBe("");
    return JSON.parse(result.stdout);
  };

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), "br-cfn-"));
    mkdirSync(join(repo, "infra"), { recursive: true });
    write("deps.yaml", DEPS);
    write("infra/import.yaml", template("s3:GetObject, s3:ListBucket"));
    git("init", "-q", "-b", "main");
    git("add", ".");
    git("commit", "-qm", "base");
  });
  beforeEach(() => git("checkout", "-q", "--", "."));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it("a role that loses an action breaks the service declared on it and the Lambda that uses it", () => {
    write("infra/import.yaml", template("s3:ListBucket"));
    const out = check();
    expect(out.changed.map((c: { id: string; classes: string[] }) => [c.id, c.classes])).toEqual([
      ["iam-role/order-import", ["permissions-removed"]],
    ]);
    expect(out.changed[0].causes[0].evidence).toEqual([
      expect.objectContaining({
        address: "infra/import.yaml#ImportRole",
        file: "infra/import.yaml",
        detail: expect.stringContaining("inline policy ReadOrders: no longer allows s3:GetObject"),
      }),
    ]);
    const impacted = out.impacted.map((n: { id: string; severity: string }) => [n.id, n.severity]);
    expect(impacted).toContainEqual(["service/orders-api", "breaking"]);
    expect(impacted).toContainEqual([
      "cloudformation:infra/import.yaml#ImportFunction",
      "breaking",
    ]);
  });

  it("a RoleName change replaces the role", () => {
    write("infra/import.yaml", template("s3:GetObject, s3:ListBucket", "orders-import"));
    const out = check();
    expect(out.changed.map((c: { id: string; classes: string[] }) => [c.id, c.classes])).toEqual([
      ["iam-role/order-import", ["replaced"]],
    ]);
  });

  it("a template that no longer parses is not judged, and says why", () => {
    write("infra/import.yaml", `${template("s3:GetObject")}  Broken: [\n`);
    const out = check();
    expect(out.changed.map((c: { id: string; classes: string[] }) => [c.id, c.classes])).toEqual([
      ["iam-role/order-import", ["unknown"]],
    ]);
    expect(JSON.stringify(out)).toMatch(/YAML does not parse at line \d+ at head/);
  });
});
