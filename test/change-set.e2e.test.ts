// A CloudFormation change set as the workflow writes it (describe-change-set
// --include-property-values --output json), given to the built CLI beside deps.yaml.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { gitIn, runCli } from "./git-history.js";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const DEPS = `version: 1
owners:
  payments: { github: "@acme/payments" }
nodes:
  iam-role/orders-app:
    kind: iam-role
    owner: payments
    match: { paths: [infra/app.yaml], cloudformation: ["infra/app.yaml#AppRole"] }
  lambda/orders-handler:
    kind: lambda
    owner: payments
    depends_on: [{ on: iam-role/orders-app, via: runs-as }]
  queue/orders:
    kind: queue
    owner: payments
    match: { cloudformation: ["**#OrdersQueue"] }
  service/orders-consumer:
    kind: service
    owner: payments
    depends_on: [{ on: queue/orders, via: reads }]
`;

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  AppRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
`;

const trust = (services: string[]) => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: services }, Action: "sts:AssumeRole" }],
});

function changeSet(): string {
  const role = (services: string[]) =>
    JSON.stringify({
      Properties: {
        AssumeRolePolicyDocument: trust(services),
        ManagedPolicyArns: ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"],
      },
    });
  return `${JSON.stringify(
    {
      Changes: [
        {
          Type: "Resource",
          ResourceChange: {
            Action: "Modify",
            LogicalResourceId: "AppRole",
            PhysicalResourceId: "orders-app-AppRole-1Q2W3E4R5T6Y",
            ResourceType: "AWS::IAM::Role",
            Replacement: "False",
            Scope: ["Properties"],
            Details: [
              {
                Target: {
                  Attribute: "Properties",
                  RequiresRecreation: "Never",
                  Path: "/Properties/AssumeRolePolicyDocument/Statement/0/Principal/Service/0",
                  BeforeValue: "lambda.amazonaws.com",
                  AttributeChangeType: "Remove",
                },
                Evaluation: "Static",
                ChangeSource: "DirectModification",
              },
            ],
            BeforeContext: role(["lambda.amazonaws.com", "states.amazonaws.com"]),
            AfterContext: role(["states.amazonaws.com"]),
          },
        },
        {
          Type: "Resource",
          ResourceChange: {
            Action: "Remove",
            LogicalResourceId: "OrdersQueue",
            PhysicalResourceId: "https://sqs.eu-west-1.amazonaws.com/111111111111/orders",
            ResourceType: "AWS::SQS::Queue",
            Scope: [],
            Details: [],
          },
        },
      ],
      ChangeSetName: "pr-7",
      StackName: "orders-app",
      ExecutionStatus: "AVAILABLE",
      Status: "CREATE_COMPLETE",
    },
    null,
    2,
  )}\n`;
}

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), "br-cs-"));
  dirs.push(dir);
  mkdirSync(join(dir, "infra"));
  writeFileSync(join(dir, "deps.yaml"), DEPS);
  writeFileSync(join(dir, "infra/app.yaml"), TEMPLATE);
  writeFileSync(join(dir, "cs.json"), changeSet());
  return dir;
}

describe("check --change-set", () => {
  it("a role's trust narrowed in the change set breaks the Lambda that runs as it", () => {
    const dir = project();
    const result = runCli(
      [
        "check",
        "--change-set",
        "cs.json",
        "--stack-template",
        "infra/app.yaml",
        "--format",
        "json",
      ],
      { cwd: dir },
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const impact = JSON.parse(result.stdout);
    const changed = Object.fromEntries(
      impact.changed.map((c: { id: string; classes: string[] }) => [c.id, c.classes]),
    );
    expect(changed).toEqual({
      "iam-role/orders-app": ["trust-narrowed"],
      "queue/orders": ["deleted"],
    });
    const severity = Object.fromEntries(
      impact.impacted.map((n: { id: string; severity: string }) => [n.id, n.severity]),
    );
    expect(severity).toEqual({
      "lambda/orders-handler": "breaking",
      "service/orders-consumer": "breaking",
    });
    const text = runCli(
      ["check", "--change-set", "cs.json", "--stack-template", "infra/app.yaml"],
      {
        cwd: dir,
      },
    );
    expect(text.stdout).toContain("infra/app.yaml#AppRole");
    expect(text.stdout).toContain("lambda.amazonaws.com");
    expect(text.stdout).toContain("lambda/orders-handler");
  });

  it("without --stack-template the stack name stands for the template: only rules that glob it match", () => {
    const dir = project();
    const result = runCli(["check", "--change-set", "cs.json", "--format", "json"], { cwd: dir });
    expect(result.code).toBe(0);
    const impact = JSON.parse(result.stdout);
    expect(impact.changed.map((c: { id: string }) => c.id)).toEqual(["queue/orders"]);
    expect(impact.unmatchedResources).toEqual(["orders-app#AppRole"]);
    const text = runCli(["check", "--change-set", "cs.json"], { cwd: dir });
    expect(text.stdout).toContain(
      "1 changed resource of a plan, change set or render matched no node: orders-app#AppRole",
    );
  });

  it("with --git, the template file and the change set both count", () => {
    const dir = project();
    gitIn(dir, ["init", "-q", "-b", "main"]);
    gitIn(dir, ["add", "."]);
    gitIn(dir, ["commit", "-qm", "stack"]);
    writeFileSync(join(dir, "infra/app.yaml"), TEMPLATE.replace("lambda.", "states."));
    const result = runCli(
      [
        "check",
        "--git",
        "main",
        "--change-set",
        "cs.json",
        "--stack-template",
        "infra/app.yaml",
        "--format",
        "json",
      ],
      { cwd: dir },
    );
    expect(result.code).toBe(0);
    const impact = JSON.parse(result.stdout);
    const role = impact.changed.find((c: { id: string }) => c.id === "iam-role/orders-app");
    const kinds = role.causes.map((c: { kind: string }) => c.kind).sort();
    expect(kinds).toEqual(["change-set", "file"]);
  });

  it("a change set that is not JSON is exit 2, naming the file, line and column", () => {
    const dir = project();
    writeFileSync(join(dir, "bad.json"), '{\n  "StackName": "orders-app",\n  "Changes": [,]\n}\n');
    const result = runCli(["check", "--change-set", "bad.json"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^blastradius: bad\.json:3:\d+: not JSON/);
    expect(result.stderr).toContain("--include-property-values");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("a Terraform plan given as a change set, or a template without a change set, is exit 2 with what to do", () => {
    const dir = project();
    writeFileSync(join(dir, "plan.json"), '{"format_version":"1.2","resource_changes":[]}');
    const plan = runCli(["check", "--change-set", "plan.json"], { cwd: dir });
    expect(plan.code).toBe(2);
    expect(plan.stderr).toContain(
      "plan.json is not a CloudFormation change set: it has no StackName and Changes",
    );
    const lone = runCli(["check", "--stack-template", "infra/app.yaml"], { cwd: dir });
    expect(lone.code).toBe(2);
    expect(lone.stderr).toContain("give the change set too");
    const missing = runCli(["check", "--change-set", "nope.json"], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("cannot read the change set");
    const absolute = runCli(
      ["check", "--change-set", "cs.json", "--stack-template", "/etc/app.yaml"],
      { cwd: dir },
    );
    expect(absolute.code).toBe(2);
    expect(absolute.stderr).toContain("relative to the repository root");
  });
});
