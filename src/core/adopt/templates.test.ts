import { describe, expect, it } from "vitest";
import { load } from "../testing/helpers.js";
import { expectInert, HOSTILE } from "../testing/hostile.js";
import { CDK_TEMPLATE, ECS_TEMPLATE, LAMBDA_TEMPLATE } from "../testing/init-templates.js";
import { draftGraph } from "./draft-graph.js";
import { cdkName, templateKind } from "./draft-templates.js";
import { findDrift } from "./drift.js";
import { renderDraft } from "./render-draft.js";
import type { RepoScan } from "./repo-scan.js";
import {
  cdkAppSources,
  mayBeTemplate,
  type ScannedTemplateResource,
  templateResources,
} from "./template-scan.js";

const resourcesOf = (file: string, text: string): ScannedTemplateResource[] => {
  const found = templateResources(file, text);
  if (found === undefined || "problem" in found)
    throw new Error(`${file}: ${JSON.stringify(found)}`);
  return [...found.resources];
};

const TEMPLATES: Record<string, string> = {
  "infra/importer.yaml": LAMBDA_TEMPLATE,
  "infra/jobs.yaml": ECS_TEMPLATE,
  "cdk.out/ApiStack.template.json": CDK_TEMPLATE,
};

const scanOf = (templates: Record<string, string>, extra: Partial<RepoScan> = {}): RepoScan => ({
  files: Object.keys(templates),
  terraform: [],
  kubernetes: [],
  cloudformation: Object.entries(templates).flatMap(([file, text]) => resourcesOf(file, text)),
  problems: [],
  ...extra,
});

const edgesOf = (scan: RepoScan) =>
  Object.fromEntries(
    draftGraph(scan).nodes.map((n) => [n.id, n.dependsOn.map((e) => `${e.via} ${e.on}`)]),
  );

describe("templateResources", () => {
  it("reads resources, their lines, CDK construct paths and the references between them", () => {
    const lambda = resourcesOf("infra/importer.yaml", LAMBDA_TEMPLATE);
    const fn = lambda.find((r) => r.logicalId === "ImporterFunction");
    expect(fn).toMatchObject({ type: "AWS::Lambda::Function", line: 30 });
    expect(fn?.references).toEqual([
      { target: "ImporterRole", attribute: "Arn", property: "Role" },
    ]);
    const cdk = resourcesOf("cdk.out/ApiStack.template.json", CDK_TEMPLATE);
    expect(cdk.map((r) => [r.logicalId, r.cdkPath, r.line])).toEqual([
      ["HandlerServiceRoleFCDC14AE", "ApiStack/Handler/ServiceRole/Resource", 3],
      [
        "HandlerServiceRoleDefaultPolicyCBD0CC91",
        "ApiStack/Handler/ServiceRole/DefaultPolicy/Resource",
        37,
      ],
      ["Handler886CB40B", "ApiStack/Handler/Resource", 71],
      ["TableCD117FA1", "ApiStack/Table/Resource", 99],
      ["CDKMetadata", "ApiStack/CDKMetadata/Default", 122],
    ]);
  });

  it("says which templates it cannot read, and leaves other YAML and JSON alone", () => {
    const broken = templateResources(
      "infra/bad.yaml",
      'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties: [unclosed\n',
    );
    expect(broken && "problem" in broken && broken.problem).toMatchObject({
      severity: "warning",
      code: "cloudformation-unparseable",
      file: "infra/bad.yaml",
    });
    const huge = templateResources(
      "big.json",
      JSON.stringify({
        Resources: Object.fromEntries(
          Array.from({ length: 2001 }, (_, i) => [`Q${i}`, { Type: "AWS::SQS::Queue" }]),
        ),
      }),
    );
    expect(huge && "problem" in huge && huge.problem.message).toContain("2001 resources");
    expect(templateResources("values.yaml", "replicas: 2\nimage: nginx\n")).toBeUndefined();
    expect(templateResources("package.json", '{"name": "x", "version": "1.0.0"}')).toBeUndefined();
    expect(mayBeTemplate("infra/app.yaml")).toBe(true);
    expect(mayBeTemplate("cdk.out/ApiStack.template.json")).toBe(true);
    expect(mayBeTemplate("templates/stack.template")).toBe(true);
    expect(mayBeTemplate("package-lock.json")).toBe(false);
    expect(mayBeTemplate("cdk.out/ApiStack.assets.json")).toBe(false);
    expect(mayBeTemplate("cdk.out/asset.3f1a2b/data.json")).toBe(false);
    expect(mayBeTemplate("src/main.ts")).toBe(false);
  });
});

describe("draftGraph from templates", () => {
  it("drafts a Lambda, its role and the managed policy the role attaches", () => {
    const draft = draftGraph(scanOf({ "infra/importer.yaml": LAMBDA_TEMPLATE }));
    expect(draft.nodes.map((n) => [n.id, n.kind, n.paths, n.cloudformation, n.source])).toEqual([
      [
        "iam-role/ImporterRole",
        "iam-role",
        ["infra/importer.yaml"],
        ["infra/importer.yaml#ImporterRole"],
        "infra/importer.yaml:7 AWS::IAM::Role ImporterRole",
      ],
      [
        "iam-policy/BucketReadPolicy",
        "iam-policy",
        ["infra/importer.yaml"],
        ["infra/importer.yaml#BucketReadPolicy"],
        "infra/importer.yaml:19 AWS::IAM::ManagedPolicy BucketReadPolicy",
      ],
      [
        "lambda-function/ImporterFunction",
        "lambda-function",
        ["infra/importer.yaml"],
        ["infra/importer.yaml#ImporterFunction"],
        "infra/importer.yaml:30 AWS::Lambda::Function ImporterFunction",
      ],
    ]);
    // The schedule and the permission use the function, not an identity: not drafted.
    expect(edgesOf(scanOf({ "infra/importer.yaml": LAMBDA_TEMPLATE }))).toEqual({
      "iam-role/ImporterRole": ["attaches-policy iam-policy/BucketReadPolicy"],
      "iam-policy/BucketReadPolicy": [],
      "lambda-function/ImporterFunction": ["runs-as iam-role/ImporterRole"],
    });
    expect(draft.nodes[2]?.dependsOn[0]?.source).toBe(
      "ImporterFunction.Role (infra/importer.yaml:30) refers to ImporterRole.Arn",
    );
  });

  it("drafts an ECS service's roles, an inline policy in its role, an instance profile, a build, a state machine and an OIDC deploy role", () => {
    const scan = scanOf({ "infra/jobs.yaml": ECS_TEMPLATE });
    expect(edgesOf(scan)).toEqual({
      "iam-oidc-provider/GithubOidc": [],
      "iam-role/DeployRole": ["references iam-oidc-provider/GithubOidc"],
      "iam-role/TaskExecutionRole": [],
      "iam-role/TaskRole": [],
      "ecs-task-definition/TaskDefinition": [
        "runs-as iam-role/TaskRole",
        "runs-as iam-role/TaskExecutionRole",
      ],
      "iam-role/BatchRole": [],
      "iam-instance-profile/BatchProfile": ["references iam-role/BatchRole"],
      "ec2-launch-template/BatchLaunchTemplate": ["runs-as iam-instance-profile/BatchProfile"],
      "iam-role/BuildRole": [],
      "codebuild-project/Build": ["runs-as iam-role/BuildRole"],
      // The state machine names the build in its definition too.
      "stepfunctions-state-machine/Pipeline": [
        "runs-as iam-role/BuildRole",
        "references codebuild-project/Build",
      ],
    });
    const taskRole = draftGraph(scan).nodes.find((n) => n.id === "iam-role/TaskRole");
    // The inline policy is the role's: a change to it is a change to the role.
    expect(taskRole?.cloudformation).toEqual([
      "infra/jobs.yaml#TaskRole",
      "infra/jobs.yaml#TaskRoleQueueAccess",
    ]);
  });

  it("names CDK resources by construct path, not hashed logical id, with the DefaultPolicy in its role", () => {
    const draft = draftGraph(scanOf({ "cdk.out/ApiStack.template.json": CDK_TEMPLATE }));
    expect(draft.nodes.map((n) => [n.id, n.cloudformation, n.dependsOn.map((e) => e.on)])).toEqual([
      [
        "iam-role/Handler-ServiceRole",
        [
          "cdk.out/ApiStack.template.json#HandlerServiceRoleFCDC14AE",
          "cdk.out/ApiStack.template.json#HandlerServiceRoleDefaultPolicyCBD0CC91",
        ],
        [],
      ],
      [
        "lambda-function/Handler",
        ["cdk.out/ApiStack.template.json#Handler886CB40B"],
        ["iam-role/Handler-ServiceRole"],
      ],
    ]);
    expect(draft.nodes[0]?.source).toBe(
      "cdk.out/ApiStack.template.json:3 AWS::IAM::Role HandlerServiceRoleFCDC14AE (ApiStack/Handler/ServiceRole/Resource)",
    );
  });

  it("qualifies ids by stack and template only where names repeat, the same whatever the order", () => {
    const other = CDK_TEMPLATE.replaceAll("ApiStack/", "WorkerStack/");
    const templates = {
      "cdk.out/ApiStack.template.json": CDK_TEMPLATE,
      "cdk.out/WorkerStack.template.json": other,
      "infra/importer.yaml": LAMBDA_TEMPLATE,
    };
    const ids = draftGraph(scanOf(templates)).nodes.map((n) => n.id);
    expect(ids).toEqual([
      "iam-role/ApiStack/Handler-ServiceRole",
      "lambda-function/ApiStack/Handler",
      "iam-role/WorkerStack/Handler-ServiceRole",
      "lambda-function/WorkerStack/Handler",
      "iam-role/ImporterRole",
      "iam-policy/BucketReadPolicy",
      "lambda-function/ImporterFunction",
    ]);
    // Edges follow the qualified ids.
    expect(edgesOf(scanOf(templates))["lambda-function/WorkerStack/Handler"]).toEqual([
      "runs-as iam-role/WorkerStack/Handler-ServiceRole",
    ]);
    const reversed = scanOf(templates);
    const shuffled = {
      ...reversed,
      cloudformation: [...(reversed.cloudformation ?? [])].reverse(),
    };
    expect(draftGraph(shuffled).nodes.map((n) => n.id)).toEqual(ids);
    // Plain templates: by folder, then by file name within a folder.
    const plain = draftGraph(
      scanOf({
        "services/api/service.yaml": LAMBDA_TEMPLATE,
        "services/web/service.yaml": LAMBDA_TEMPLATE,
        "services/web/worker.yaml": LAMBDA_TEMPLATE,
      }),
    ).nodes.map((n) => n.id);
    expect(plain.filter((id) => id.startsWith("iam-role/"))).toEqual([
      "iam-role/services/api/ImporterRole",
      "iam-role/services/web/service.yaml/ImporterRole",
      "iam-role/services/web/worker.yaml/ImporterRole",
    ]);
    // The same stack synthesised twice (two apps): the template path tells them apart.
    const twice = draftGraph(
      scanOf({
        "a/cdk.out/ApiStack.template.json": CDK_TEMPLATE,
        "b/cdk.out/ApiStack.template.json": CDK_TEMPLATE,
      }),
    ).nodes.map((n) => n.id);
    expect(twice).toEqual([
      "iam-role/ApiStack/a/cdk.out/Handler-ServiceRole",
      "lambda-function/ApiStack/a/cdk.out/Handler",
      "iam-role/ApiStack/b/cdk.out/Handler-ServiceRole",
      "lambda-function/ApiStack/b/cdk.out/Handler",
    ]);
  });

  it("a managed policy that names its roles is attached to them; a policy that names none stands alone", () => {
    const template = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  ExternalRole: { Type: String }
Resources:
  AppRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: ec2.amazonaws.com }, Action: sts:AssumeRole }] }
  ReadLogs:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      Roles: [!Ref AppRole]
      PolicyDocument: { Statement: [{ Effect: Allow, Action: logs:GetLogEvents, Resource: "*" }] }
  ExternalAccess:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: external
      Roles: [!Ref ExternalRole]
      PolicyDocument: { Statement: [{ Effect: Allow, Action: s3:GetObject, Resource: "*" }] }
  Admins:
    Type: AWS::IAM::Group
  AddExternal:
    Type: AWS::IAM::UserToGroupAddition
    Properties:
      GroupName: !Ref Admins
      Users: [!Ref ExternalRole]
`;
    const draft = draftGraph(scanOf({ "stack.yaml": template }));
    expect(edgesOf(scanOf({ "stack.yaml": template }))).toEqual({
      "iam-role/AppRole": ["attaches-policy iam-policy/ReadLogs"],
      "iam-policy/ReadLogs": [],
      "iam-policy/ExternalAccess": [],
      "iam-group/Admins": [],
      // Users from elsewhere join the group: not a policy, its own node.
      "iam-user-to-group-addition/AddExternal": ["references iam-group/Admins"],
    });
    expect(draft.nodes[0]?.dependsOn[0]?.source).toBe(
      "ReadLogs.Roles (stack.yaml:9) attaches it to AppRole",
    );
  });

  it("a role whose trust names the template's OIDC provider by ARN depends on it", () => {
    const template = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  GithubOidc:
    Type: AWS::IAM::OIDCProvider
    Properties:
      Url: https://token.actions.githubusercontent.com
      ClientIdList: [sts.amazonaws.com]
  GitlabOidc:
    Type: AWS::IAM::OIDCProvider
    Properties:
      Url: https://gitlab.example.com
      ClientIdList: [sts.amazonaws.com]
  DeployRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Action: sts:AssumeRoleWithWebIdentity
            Principal:
              Federated: !Sub arn:\${AWS::Partition}:iam::\${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com
`;
    expect(edgesOf(scanOf({ "oidc.yaml": template }))).toEqual({
      "iam-oidc-provider/GithubOidc": [],
      "iam-oidc-provider/GitlabOidc": [],
      "iam-role/DeployRole": ["references iam-oidc-provider/GithubOidc"],
    });
  });

  it("a SAM function is a node whether it names its role or SAM makes one from its Policies", () => {
    const template = `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Resources:
  Orders:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      Runtime: python3.12
      Policies:
        - DynamoDBReadPolicy: { TableName: !Ref OrdersTable }
  OrdersTable:
    Type: AWS::Serverless::SimpleTable
  Refunds:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.refund
      Runtime: python3.12
      Role: !GetAtt RefundsRole.Arn
  RefundsRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }] }
`;
    expect(edgesOf(scanOf({ "template.yaml": template }))).toEqual({
      "serverless-function/Orders": [],
      "serverless-function/Refunds": ["runs-as iam-role/RefundsRole"],
      "iam-role/RefundsRole": [],
    });
    const loaded = load({ "deps.yaml": "version: 1\nnodes: {}\n" });
    if (!loaded.config) throw new Error("empty graph does not load");
    expect(
      findDrift(loaded.config, scanOf({ "template.yaml": template })).map((d) => d.message),
    ).toEqual([
      "AWS::Serverless::Function Orders is a resource with its own role no node covers",
      "AWS::Serverless::Function Refunds is a resource that refers to IAM no node covers",
      "AWS::IAM::Role RefundsRole is an IAM resource no node covers",
    ]);
  });

  it("never takes a Terraform node's id", () => {
    const scan = scanOf(
      { "infra/importer.yaml": LAMBDA_TEMPLATE },
      {
        terraform: [
          {
            address: "aws_iam_role.ImporterRole",
            type: "aws_iam_role",
            name: "ImporterRole",
            file: "tf/main.tf",
            dir: "tf",
            line: 1,
            references: [],
          },
        ],
      },
    );
    const ids = draftGraph(scan).nodes.map((n) => n.id);
    expect(ids).toContain("iam-role/ImporterRole");
    expect(ids).toContain("iam-role/infra/importer.yaml/ImporterRole/ImporterRole");
    expect(edgesOf(scan)["lambda-function/ImporterFunction"]).toEqual([
      "runs-as iam-role/infra/importer.yaml/ImporterRole/ImporterRole",
    ]);
  });

  it("writes a deps.yaml that loads without errors, and that drift finds nothing to add to", () => {
    const scan = scanOf(TEMPLATES);
    const text = renderDraft(draftGraph(scan), { terraformFiles: 0, manifests: 0, templates: 3 });
    expect(text).toContain(
      "# 0 Terraform file(s), 0 Kubernetes manifest(s), 3 CloudFormation template(s)",
    );
    expect(text).toContain(
      '      cloudformation: ["infra/jobs.yaml#TaskRole", "infra/jobs.yaml#TaskRoleQueueAccess"]',
    );
    const loaded = load({ "deps.yaml": text });
    expect(loaded.errors).toEqual([]);
    expect(loaded.config).toBeDefined();
    if (!loaded.config) return;
    expect(findDrift(loaded.config, scan)).toEqual([]);
  });
});

describe("hostile templates", () => {
  it("names, paths and construct paths from a pull request make a draft that loads and prints inert", () => {
    const file = "infra/we[i]rd {1}.json";
    const template = JSON.stringify({
      Resources: {
        "Bad-Id": { Type: "AWS::IAM::Role", Properties: {} },
        AppRole: {
          Type: "AWS::IAM::Role",
          Properties: {},
          Metadata: { "aws:cdk:path": `Stack/${HOSTILE}/Resource` },
        },
        Fn: {
          Type: "AWS::Lambda::Function",
          Properties: { Role: { "Fn::GetAtt": ["AppRole", "Arn"] }, Description: HOSTILE },
        },
      },
    });
    const scan = scanOf({ [file]: template });
    const draft = draftGraph(scan);
    expect(draft.unplaced).toEqual([
      `"Bad-Id" (${file}:1): not a CloudFormation logical id (letters and digits only), so CloudFormation would refuse the template`,
    ]);
    const text = renderDraft(draft, { terraformFiles: 0, manifests: 0, templates: 1 });
    expectInert(text);
    const loaded = load({ "deps.yaml": text });
    expect(loaded.errors).toEqual([]);
    if (!loaded.config) return;
    // The escaped path still matches the file: only the refused resource is left uncovered.
    expect(findDrift(loaded.config, scan).map((d) => [d.code, d.message])).toEqual([
      ["uncovered-resource", "AWS::IAM::Role Bad-Id is an IAM resource no node covers"],
    ]);
  });
});

describe("findDrift over templates", () => {
  const DEPS = `version: 1
nodes:
  importer-role:
    kind: iam-role
    match:
      paths: [infra/importer.yaml]
      cloudformation: ["infra/importer.yaml#ImporterRole", "infra/importer.yaml#OldRole"]
  importer:
    kind: lambda-function
    match:
      paths: [infra/importer.yaml]
      cloudformation: ["infra/importer.yaml#ImporterFunction"]
`;

  it("names rules that match nothing, IAM resources no node covers, and undeclared edges", () => {
    const loaded = load({ "deps.yaml": DEPS });
    if (!loaded.config) throw new Error(JSON.stringify(loaded.errors));
    const drift = findDrift(loaded.config, scanOf({ "infra/importer.yaml": LAMBDA_TEMPLATE }));
    expect(drift.map((d) => [d.code, d.line, d.message, d.hint])).toEqual([
      [
        "cloudformation-matches-nothing",
        undefined,
        '"infra/importer.yaml#OldRole" matches no CloudFormation resource in this repository\'s templates',
        "fix the template path or the logical id (the CDK renames a resource whose construct moves), or remove the rule",
      ],
      [
        "uncovered-resource",
        19,
        "AWS::IAM::ManagedPolicy BucketReadPolicy is an IAM resource no node covers",
        "add infra/importer.yaml#BucketReadPolicy to a node's match.cloudformation (and infra/importer.yaml to its match.paths), or run `blastradius init --dry-run` to see a node for it",
      ],
      [
        "undeclared-edge",
        30,
        "ImporterFunction.Role refers to ImporterRole, but importer does not declare that it depends on importer-role",
        "add to importer: depends_on: [{ on: importer-role, via: runs-as }]",
      ],
    ]);
    expect(drift[0]?.path).toBe("nodes.importer-role.match.cloudformation[1]");
  });

  it("a node naming no template resources covers its whole file; a cdk.out rule asks for a synth when none was read", () => {
    const loaded = load({
      "deps.yaml": `version: 1
nodes:
  importer:
    kind: service
    match: { paths: [infra/importer.yaml] }
  api:
    kind: service
    match:
      paths: [cdk.out/ApiStack.template.json]
      cloudformation: ["cdk.out/ApiStack.template.json#Handler*"]
`,
    });
    if (!loaded.config) throw new Error(JSON.stringify(loaded.errors));
    const drift = findDrift(loaded.config, scanOf({ "infra/importer.yaml": LAMBDA_TEMPLATE }));
    expect(drift.map((d) => [d.code, d.hint])).toEqual([
      ["glob-matches-nothing", expect.any(String)],
      [
        "cloudformation-matches-nothing",
        "no cdk.out template was read: run `cdk synth` first, then validate again",
      ],
    ]);
  });

  it("kinds and CDK names", () => {
    expect(templateKind("AWS::ECS::TaskDefinition")).toBe("ecs-task-definition");
    expect(templateKind("AWS::IAM::OIDCProvider")).toBe("iam-oidc-provider");
    expect(templateKind("AWS::RDS::DBInstance")).toBe("rds-db-instance");
    expect(templateKind("AWS::Serverless::Function")).toBe("serverless-function");
    expect(templateKind("Custom::CrossRegionExport")).toBe("custom-cross-region-export");
    expect(cdkName("ApiStack/Handler/ServiceRole/Resource")).toEqual({
      stack: "ApiStack",
      name: "Handler/ServiceRole",
    });
    expect(cdkName("ApiStack/CDKMetadata/Default")).toEqual({
      stack: "ApiStack",
      name: "CDKMetadata",
    });
    expect(cdkName("ApiStack/Resource")).toEqual({ stack: "ApiStack" });
  });

  it("what a CDK app synthesises from: its source folders and top-level files, not its output, tests or docs", () => {
    const files = [
      "README.md",
      "infra/cdk.json",
      "infra/cdk.context.json",
      "infra/package.json",
      "infra/bin/app.ts",
      "infra/lib/api-stack.ts",
      "infra/lib/constructs/queue.ts",
      "infra/test/api-stack.test.ts",
      "infra/cdk.out/ApiStack.template.json",
      "infra/README.md",
      "infra/.gitignore",
      "infra/[id].ts",
      "infrastructure/other.ts",
      "service/main.go",
    ];
    expect(cdkAppSources("infra", "cdk.out", files)).toEqual([
      "infra/bin/**",
      "infra/cdk.context.json",
      "infra/cdk.json",
      "infra/lib/**",
      "infra/package.json",
    ]);
    expect(
      cdkAppSources(".", "build/cdk", [
        "cdk.json",
        "app.py",
        "stacks/api.py",
        "build/cdk/x.template.json",
        "tests/unit/test_api.py",
      ]),
    ).toEqual(["app.py", "cdk.json", "stacks/**"]);
  });
});
