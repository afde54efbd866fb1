// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub strings are what these tests read
import { describe, expect, it } from "vitest";
import { classifyTemplateFile, type TemplateChanges } from "./cloudformation-changes.js";
import type { ResourceChange } from "./evidence.js";

/** A Lambda function and its execution role, as written by hand (no SAM). */
const lambda = (
  actions: string,
  options: { roleName?: string; trust?: string; extra?: string } = {},
) => `AWSTemplateFormatVersion: "2010-09-09"
Description: Imports orders from the partner bucket.
Parameters:
  Env:
    Type: String
    Default: prod
  TrustedAccount:
    Type: String
Resources:
  ImportRole:
    Type: AWS::IAM::Role
    Properties:
${options.roleName ? `      RoleName: ${options.roleName}\n` : ""}      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              ${options.trust ?? "Service: lambda.amazonaws.com"}
            Action: sts:AssumeRole
      ManagedPolicyArns:
        - !Sub arn:\${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole
      Policies:
        - PolicyName: ReadOrders
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: [${actions}]
                Resource: !Sub "arn:\${AWS::Partition}:s3:::orders-\${AWS::AccountId}/*"
${options.extra ?? ""}  ImportFunction:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      Role: !GetAtt ImportRole.Arn
      Code:
        S3Bucket: !Sub artifacts-\${AWS::AccountId}
        S3Key: import.zip
`;

function changes(
  before: string | undefined,
  after: string | undefined,
  path = "infra/import.yaml",
): TemplateChanges {
  const result = classifyTemplateFile({ path }, before, after);
  if (!result || "unreadable" in result) throw new Error(JSON.stringify(result));
  return result;
}

const byAddress = (list: readonly ResourceChange[], address: string) =>
  list.filter((r) => r.address === address);

describe("classifyTemplateFile", () => {
  it("a role that loses an action is permissions-removed, said with the policy and line", () => {
    const { resources } = changes(lambda("s3:GetObject, s3:ListBucket"), lambda("s3:ListBucket"));
    expect(resources).toHaveLength(1);
    const [role] = resources as [ResourceChange];
    expect(role.address).toBe("infra/import.yaml#ImportRole");
    expect(role.system).toBe("cloudformation");
    expect(role.type).toBe("AWS::IAM::Role");
    expect(role.classes).toEqual(["permissions-removed"]);
    expect(role.evidence[0]?.detail).toBe(
      // Pseudo-parameters as the template writes them.
      "inline policy ReadOrders: no longer allows s3:GetObject on arn:${AWS::Partition}:s3:::orders-${AWS::AccountId}/*",
    );
    expect(role.evidence[0]?.file).toBe("infra/import.yaml");
    expect(role.evidence[0]?.line).toBeGreaterThan(10);
  });

  it("a condition added for an account named by a parameter narrows the trust, whatever the account", () => {
    const trust = "AWS: !Sub arn:aws:iam::${TrustedAccount}:root";
    const mfa = `${trust}
            Condition:
              Bool:
                aws:MultiFactorAuthPresent: "true"`;
    const { resources } = changes(
      lambda("s3:GetObject", { trust }),
      lambda("s3:GetObject", { trust: mfa }),
    );
    const [role] = byAddress(resources, "infra/import.yaml#ImportRole");
    expect(role?.classes).toEqual(["trust-narrowed"]);
    expect(role?.evidence[0]?.detail).toContain(
      "only under more conditions now: Bool aws:MultiFactorAuthPresent true",
    );
  });

  it("finds the Lambda's use of the role as a discovered reference", () => {
    const { references } = changes(lambda("s3:GetObject"), lambda("s3:GetObject"));
    expect(references).toContainEqual({
      system: "cloudformation",
      from: "infra/import.yaml#ImportFunction",
      to: "infra/import.yaml#ImportRole",
      attribute: "Role",
      file: "infra/import.yaml",
      kind: "AWS::Lambda::Function",
    });
  });

  it("a reformatted, reordered template is no change", () => {
    const json = JSON.stringify(
      {
        Resources: {
          ImportFunction: {
            Properties: {
              Code: { S3Key: "import.zip", S3Bucket: { "Fn::Sub": "artifacts-${AWS::AccountId}" } },
              Role: { "Fn::GetAtt": ["ImportRole", "Arn"] },
              Handler: "app.handler",
              Runtime: "python3.12",
            },
            Type: "AWS::Lambda::Function",
          },
          ImportRole: {
            Type: "AWS::IAM::Role",
            Properties: {
              Policies: [
                {
                  PolicyDocument: {
                    Statement: [
                      {
                        Resource: {
                          "Fn::Sub": "arn:${AWS::Partition}:s3:::orders-${AWS::AccountId}/*",
                        },
                        Action: ["s3:GetObject"],
                        Effect: "Allow",
                      },
                    ],
                    Version: "2012-10-17",
                  },
                  PolicyName: "ReadOrders",
                },
              ],
              ManagedPolicyArns: [
                {
                  "Fn::Join": [
                    "",
                    [
                      "arn:",
                      { Ref: "AWS::Partition" },
                      ":iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
                    ],
                  ],
                },
              ],
              AssumeRolePolicyDocument: {
                Statement: [
                  {
                    Action: "sts:AssumeRole",
                    Principal: { Service: "lambda.amazonaws.com" },
                    Effect: "Allow",
                  },
                ],
                Version: "2012-10-17",
              },
            },
          },
        },
        Parameters: {
          TrustedAccount: { Type: "String" },
          Env: { Default: "prod", Type: "String" },
        },
      },
      null,
      1,
    );
    expect(changes(lambda("s3:GetObject"), json).resources).toEqual([]);
  });

  it("a RoleName change replaces the role", () => {
    const { resources } = changes(
      lambda("s3:GetObject", { roleName: "order-import" }),
      lambda("s3:GetObject", { roleName: "orders-import" }),
    );
    expect(resources.map((r) => [r.address, r.classes])).toEqual([
      ["infra/import.yaml#ImportRole", ["replaced"]],
    ]);
    expect(resources[0]?.evidence[0]?.detail).toContain(
      'RoleName changes: "order-import" → "orders-import"',
    );
  });

  it("a trust policy that comes to rest on a parameter is unknown, naming it", () => {
    const { resources } = changes(
      lambda("s3:GetObject", { trust: "AWS: arn:aws:iam::111111111111:root" }),
      lambda("s3:GetObject", { trust: "AWS: !Ref TrustedAccount" }),
    );
    const [role] = resources as [ResourceChange];
    expect(role.classes).toEqual(["unknown"]);
    expect(role.evidence.map((e) => e.detail).join("\n")).toContain("parameter TrustedAccount");
  });

  it("a parameter's default that changes is a change of what uses it", () => {
    const uses = (d: string) =>
      lambda("s3:GetObject", { roleName: "!Sub import-${Env}" }).replace(
        "Default: prod",
        `Default: ${d}`,
      );
    const { resources } = changes(uses("prod"), uses("staging"));
    const [role] = resources as [ResourceChange];
    expect(role.classes).toEqual(["unknown"]);
    expect(role.evidence[0]?.detail).toContain(
      'parameter Env (its Default changes from "prod" to "staging")',
    );
  });

  it("pseudo-parameters are the same on both sides", () => {
    const a = lambda("s3:GetObject", { trust: "AWS: !Sub arn:aws:iam::${AWS::AccountId}:role/x" });
    expect(changes(a, a).resources).toEqual([]);
  });

  it("a resource added and one deleted, with DeletionPolicy Retain said", () => {
    const queue =
      "  Dlq:\n    Type: AWS::SQS::Queue\n    DeletionPolicy: Retain\n    Properties:\n      QueueName: import-dlq\n";
    const { resources } = changes(lambda("s3:GetObject", { extra: queue }), lambda("s3:GetObject"));
    expect(resources.map((r) => [r.address, r.classes])).toEqual([
      ["infra/import.yaml#Dlq", ["deleted"]],
    ]);
    expect(resources[0]?.evidence[0]?.detail).toContain("DeletionPolicy Retain");
    const added = changes(
      lambda("s3:GetObject"),
      lambda("s3:GetObject", { extra: queue }),
    ).resources;
    expect(added.map((r) => r.classes)).toEqual([["added"]]);
  });

  it("a property that may replace the resource is unknown, said as Conditional", () => {
    const repo = (triggers: string) =>
      `Resources:\n  Repo:\n    Type: AWS::CodeCommit::Repository\n    Properties:\n      RepositoryName: app\n      Triggers:\n        - Name: ${triggers}\n          DestinationArn: arn:aws:sns:eu-west-1:111111111111:t\n          Events: [all]\n`;
    const [r] = changes(repo("a"), repo("b")).resources as [ResourceChange];
    expect(r.classes).toEqual(["unknown"]);
    expect(r.evidence[0]?.detail).toContain("may be replaced (CloudFormation: Conditional)");
  });

  it("any other property change is modified, naming the property", () => {
    const [r] = changes(
      lambda("s3:GetObject"),
      lambda("s3:GetObject").replace("python3.12", "python3.13"),
    ).resources as [ResourceChange];
    expect(r.address).toBe("infra/import.yaml#ImportFunction");
    expect(r.classes).toEqual(["modified"]);
    expect(r.evidence[0]?.detail).toBe('Runtime changes: "python3.12" → "python3.13"');
  });

  it("an AWS managed policy detached is permissions-removed; attached, permissions-added", () => {
    const readOnly = "        - arn:aws:iam::aws:policy/ReadOnlyAccess\n";
    const at = "      ManagedPolicyArns:\n";
    const base = lambda("s3:GetObject");
    const head = base.replace(at, `${at}${readOnly}`);
    expect(changes(head, base).resources[0]?.classes).toEqual(["permissions-removed"]);
    expect(changes(base, head).resources[0]?.classes).toEqual(["permissions-added"]);
  });

  it("a customer managed policy attached may also deny: permissions-added and unknown", () => {
    const own = "        - arn:aws:iam::111111111111:policy/Boundaryish\n";
    const at = "      ManagedPolicyArns:\n";
    const base = lambda("s3:GetObject");
    const head = base.replace(at, `${at}${own}`);
    const [role] = changes(base, head).resources as [ResourceChange];
    expect(role.classes).toEqual(["unknown", "permissions-added"]);
    expect(role.evidence[0]?.detail).toMatch(/its document is not in the template/);
  });
});

/** An ECS service's task definition, with a task role and an execution role. */
const ecs = (taskActions: string, policyRoles = "[!Ref TaskRole]") => `Resources:
  ExecutionRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: ecs-tasks.amazonaws.com }
            Action: sts:AssumeRole
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy
  TaskRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: ecs-tasks.amazonaws.com }
            Action: sts:AssumeRole
  TaskPolicy:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: task
      Roles: ${policyRoles}
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: [${taskActions}]
            Resource: !GetAtt Table.Arn
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
  TaskDefinition:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: orders
      RequiresCompatibilities: [FARGATE]
      Cpu: "256"
      Memory: "512"
      NetworkMode: awsvpc
      TaskRoleArn: !GetAtt TaskRole.Arn
      ExecutionRoleArn: !Ref ExecutionRole
      ContainerDefinitions:
        - Name: app
          Image: public.ecr.aws/docker/library/nginx:1.27
`;

describe("policies of the template that attach to its roles", () => {
  it("a policy's document change is its own, and the role's through it", () => {
    const { resources, references } = changes(
      ecs("dynamodb:GetItem, dynamodb:PutItem"),
      ecs("dynamodb:GetItem"),
      "ecs/orders.yaml",
    );
    expect(byAddress(resources, "ecs/orders.yaml#TaskPolicy").map((r) => r.classes)).toEqual([
      ["permissions-removed"],
    ]);
    const role = byAddress(resources, "ecs/orders.yaml#TaskRole");
    expect(role.map((r) => [r.classes, r.through])).toEqual([
      [["permissions-removed"], "ecs/orders.yaml#TaskPolicy"],
    ]);
    expect(
      references
        .filter((r) => r.from === "ecs/orders.yaml#TaskDefinition")
        .map((r) => [r.to, r.attribute]),
    ).toEqual([
      ["ecs/orders.yaml#TaskRole", "TaskRoleArn"],
      ["ecs/orders.yaml#ExecutionRole", "ExecutionRoleArn"],
    ]);
  });

  it("a role dropped from a policy's Roles loses what it allowed, as its own change", () => {
    const { resources } = changes(
      ecs("dynamodb:GetItem"),
      ecs("dynamodb:GetItem", "[]"),
      "ecs/orders.yaml",
    );
    const role = byAddress(resources, "ecs/orders.yaml#TaskRole");
    expect(role.map((r) => [r.classes, r.through])).toEqual([[["permissions-removed"], undefined]]);
    expect(role[0]?.evidence[0]?.detail).toContain("no longer has policy TaskPolicy");
  });
});

describe("CDK output", () => {
  const synth = (hash: string, actions: string[]) =>
    JSON.stringify(
      {
        Resources: {
          [`ImportFunctionServiceRole${hash}`]: {
            Type: "AWS::IAM::Role",
            Properties: {
              AssumeRolePolicyDocument: {
                Statement: [
                  {
                    Action: "sts:AssumeRole",
                    Effect: "Allow",
                    Principal: { Service: "lambda.amazonaws.com" },
                  },
                ],
                Version: "2012-10-17",
              },
            },
            Metadata: { "aws:cdk:path": "OrdersStack/ImportFunction/ServiceRole/Resource" },
          },
          [`ImportFunctionServiceRoleDefaultPolicy${hash}`]: {
            Type: "AWS::IAM::Policy",
            Properties: {
              PolicyDocument: {
                Statement: [{ Action: actions, Effect: "Allow", Resource: "*" }],
                Version: "2012-10-17",
              },
              PolicyName: `ImportFunctionServiceRoleDefaultPolicy${hash}`,
              Roles: [{ Ref: `ImportFunctionServiceRole${hash}` }],
            },
            Metadata: {
              "aws:cdk:path": "OrdersStack/ImportFunction/ServiceRole/DefaultPolicy/Resource",
            },
          },
          ImportFunction1A2B3C4D: {
            Type: "AWS::Lambda::Function",
            Properties: {
              Role: { "Fn::GetAtt": [`ImportFunctionServiceRole${hash}`, "Arn"] },
              Runtime: "nodejs20.x",
            },
            DependsOn: [
              `ImportFunctionServiceRoleDefaultPolicy${hash}`,
              `ImportFunctionServiceRole${hash}`,
            ],
            Metadata: { "aws:cdk:path": "OrdersStack/ImportFunction/Resource" },
          },
        },
      },
      null,
      1,
    );

  it("names the construct, and reads the role's default policy", () => {
    const { resources } = changes(
      synth("F00DCAFE", ["sqs:SendMessage", "sqs:GetQueueUrl"]),
      synth("F00DCAFE", ["sqs:GetQueueUrl"]),
      "cdk.out/OrdersStack.template.json",
    );
    const policy = byAddress(
      resources,
      "cdk.out/OrdersStack.template.json#ImportFunctionServiceRoleDefaultPolicyF00DCAFE",
    );
    expect(policy[0]?.classes).toEqual(["permissions-removed"]);
    expect(policy[0]?.evidence[0]?.detail).toContain(
      "(CDK OrdersStack/ImportFunction/ServiceRole/DefaultPolicy/Resource)",
    );
    // The line of the property in the JSON, as for YAML.
    const head = synth("F00DCAFE", ["sqs:GetQueueUrl"]).split("\n");
    expect(policy[0]?.evidence[0]?.line).toBe(
      head.findIndex((l) => l.includes('"PolicyDocument"')) + 1,
    );
  });

  it("a logical id whose hash changed is deleted and added, said as the same construct", () => {
    const { resources } = changes(
      synth("F00DCAFE", ["sqs:GetQueueUrl"]),
      synth("BEEF0123", ["sqs:GetQueueUrl"]),
      "cdk.out/OrdersStack.template.json",
    );
    const role = resources.filter((r) => r.type === "AWS::IAM::Role");
    expect(role.map((r) => [r.address.split("#")[1], r.classes])).toEqual([
      ["ImportFunctionServiceRoleF00DCAFE", ["deleted"]],
      ["ImportFunctionServiceRoleBEEF0123", ["added"]],
    ]);
    expect(role[0]?.evidence[0]?.detail).toContain(
      "the same CDK construct: its generated logical id changed",
    );
  });
});

describe("what cannot be read", () => {
  it("a template that does not parse says so", () => {
    expect(
      classifyTemplateFile(
        { path: "t.yaml" },
        lambda("s3:GetObject"),
        "AWSTemplateFormatVersion: x\nResources: [\n",
      ),
    ).toEqual({
      unreadable: expect.stringMatching(/^YAML does not parse at line 3 at head: /),
    });
  });

  it("a file that is not a template is not read", () => {
    expect(
      classifyTemplateFile({ path: "k.yaml" }, "kind: ConfigMap\n", "kind: ConfigMap\n"),
    ).toBeUndefined();
  });

  it("a statement chosen by a condition that changes is unknown, naming the condition", () => {
    const t = (actions: string) => `Conditions:
  IsProd: !Equals [!Ref Env, prod]
Parameters:
  Env: { Type: String, Default: prod }
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }]
      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement:
              - !If [IsProd, { Effect: Allow, Action: [${actions}], Resource: "*" }, !Ref AWS::NoValue]
`;
    const [r] = changes(t("s3:GetObject, s3:PutObject"), t("s3:GetObject")).resources as [
      ResourceChange,
    ];
    expect(r.classes).toEqual(["unknown"]);
    expect(r.evidence[0]?.detail).toContain("condition IsProd");
  });

  it("a SAM function's change is unknown: the macro expands it", () => {
    const sam = (policy: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      Runtime: python3.12
      Policies: [${policy}]
`;
    const [r] = changes(sam("S3ReadPolicy"), sam("S3CrudPolicy")).resources as [ResourceChange];
    expect(r.classes).toEqual(["unknown"]);
    expect(r.evidence.map((e) => e.detail).join("\n")).toMatch(
      /expanded by the macro AWS::Serverless-2016-10-31/,
    );
  });
});

describe("deny-only policies", () => {
  it("AWSDenyAll attached takes permissions away; detached gives them back", () => {
    const base = lambda("s3:GetObject");
    const head = base.replace(
      "      ManagedPolicyArns:\n",
      "      ManagedPolicyArns:\n        - arn:aws:iam::aws:policy/AWSDenyAll\n",
    );
    expect(changes(base, head).resources[0]?.classes).toEqual(["permissions-removed"]);
    expect(changes(head, base).resources[0]?.classes).toEqual(["permissions-added"]);
  });
});

describe("OIDC providers, users and imports", () => {
  const oidc = (url: string, clients: string) => `Resources:
  GitHub:
    Type: AWS::IAM::OIDCProvider
    Properties:
      Url: ${url}
      ClientIdList: [${clients}]
      ThumbprintList: [6938fd4d98bab03faadb97b34396831e3780aea1]
`;

  it("a client id removed narrows trust; a new Url replaces the provider", () => {
    const url = "https://token.actions.githubusercontent.com";
    const narrowed = changes(oidc(url, "sts.amazonaws.com, other"), oidc(url, "sts.amazonaws.com"));
    expect(narrowed.resources[0]?.classes).toEqual(["trust-narrowed"]);
    const moved = changes(
      oidc(url, "sts.amazonaws.com"),
      oidc("https://gitlab.example.com", "sts.amazonaws.com"),
    );
    expect(moved.resources[0]?.classes).toEqual(["replaced"]);
  });

  it("a user that leaves a group loses its permissions", () => {
    const user = (groups: string) => `Resources:
  Deployer:
    Type: AWS::IAM::User
    Properties:
      Groups: [${groups}]
`;
    const [r] = changes(user("deployers, readers"), user("readers")).resources as [ResourceChange];
    expect(r.classes).toEqual(["permissions-removed"]);
    expect(r.evidence[0]?.detail).toContain("membership of group deployers");
  });

  it("a policy resource that comes to rest on another stack's export is unknown, naming it", () => {
    const t = (resource: string) => `Resources:
  Reader:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement: [{ Effect: Allow, Action: s3:GetObject, Resource: ${resource} }]
`;
    const [r] = changes(t("arn:aws:s3:::data/*"), t("!ImportValue data-bucket-arn")).resources as [
      ResourceChange,
    ];
    expect(r.classes).toContain("unknown");
    expect(r.evidence.map((e) => e.detail).join("\n")).toContain(
      "the export data-bucket-arn of another stack",
    );
  });
});

describe("hostile templates", () => {
  it("values multiplied by mappings and aliases beyond the budget are not compared, and say so", () => {
    const big = "x".repeat(200_000);
    const t = (n: number) => `Mappings:
  M: { k: { v: ${big} } }
Resources:
  Q:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Join ["", [${Array.from({ length: n }, () => "!FindInMap [M, k, v]").join(", ")}]]
      Tags: [&tag { Key: a, Value: ${big} }, ${Array.from({ length: n }, () => "*tag").join(", ")}]
`;
    expect(classifyTemplateFile({ path: "t.yaml" }, t(1), t(400))).toEqual({
      unreadable: "its values expand beyond 64 MiB of text: not compared",
    });
  });
});

describe("logical ids", () => {
  it("one CloudFormation refuses leaves the file unjudged, naming it", () => {
    const t = (id: string) => JSON.stringify({ Resources: { [id]: { Type: "AWS::SQS::Queue" } } });
    expect(classifyTemplateFile({ path: "t.json" }, t("Queue"), t("../x#Queue"))).toEqual({
      unreadable:
        'the logical id "../x#Queue" is not 1 to 255 letters and digits: CloudFormation rejects the template at head',
    });
  });
});

describe("AWS::IAM::RolePolicy", () => {
  it("an inline policy written as its own resource changes the role it names, through it", () => {
    const t = (actions: string) => `Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{ Effect: Allow, Principal: { Service: ec2.amazonaws.com }, Action: sts:AssumeRole }]
  RoleReads:
    Type: AWS::IAM::RolePolicy
    Properties:
      RoleName: !Ref Role
      PolicyName: reads
      PolicyDocument:
        Statement: [{ Effect: Allow, Action: [${actions}], Resource: "*" }]
`;
    const { resources, references } = changes(t("s3:GetObject, s3:ListBucket"), t("s3:ListBucket"));
    expect(resources.map((r) => [r.address, r.classes, r.through])).toEqual([
      ["infra/import.yaml#Role", ["permissions-removed"], "infra/import.yaml#RoleReads"],
      ["infra/import.yaml#RoleReads", ["permissions-removed"], undefined],
    ]);
    expect(references).toEqual([
      expect.objectContaining({
        from: "infra/import.yaml#Role",
        to: "infra/import.yaml#RoleReads",
        kind: "AWS::IAM::Role",
      }),
    ]);
  });
});

describe("CDK's managed policy ARNs", () => {
  it("AWSDenyAll joined with the partition is read as deny-only", () => {
    const t = (arns: unknown[]) =>
      JSON.stringify({
        Resources: {
          R: {
            Type: "AWS::IAM::Role",
            Properties: {
              AssumeRolePolicyDocument: {
                Statement: [
                  {
                    Effect: "Allow",
                    Principal: { Service: "ec2.amazonaws.com" },
                    Action: "sts:AssumeRole",
                  },
                ],
              },
              ManagedPolicyArns: arns,
            },
          },
        },
      });
    const deny = {
      "Fn::Join": ["", ["arn:", { Ref: "AWS::Partition" }, ":iam::aws:policy/AWSDenyAll"]],
    };
    const [r] = changes(t([]), t([deny]), "cdk.out/S.template.json").resources as [ResourceChange];
    expect(r.classes).toEqual(["permissions-removed"]);
    expect(r.evidence[0]?.detail).toBe(
      "now has managed policy arn:${AWS::Partition}:iam::aws:policy/AWSDenyAll, which only denies",
    );
  });
});

describe("parameters of plain properties", () => {
  it("a Default that changes modifies what uses it, where the update replaces nothing", () => {
    const t = (memory: string) => `Parameters:
  Memory: { Type: Number, Default: ${memory} }
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      MemorySize: !Ref Memory
`;
    const [r] = changes(t("256"), t("512")).resources as [ResourceChange];
    expect(r.classes).toEqual(["modified"]);
    expect(r.evidence[0]?.detail).toBe(
      "MemorySize changes: it uses parameter Memory (its Default changes from 256 to 512)",
    );
  });
});

/** A role without managed policies, as LambaStaticIP's was before AWSLambdaBasicExecutionRole. */
const plainRole = (managed: string) => `Resources:
  LambdaRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: [lambda.amazonaws.com] }
            Action: [sts:AssumeRole]
${managed}      Policies:
        - PolicyName: eip
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: [ec2:AssociateAddress, ec2:DescribeAddresses]
                Resource: "*"
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      Role: !GetAtt LambdaRole.Arn
      Code: { ZipFile: "def handler(e, c): pass" }
`;

describe("real shapes: managed policies attached", () => {
  const basic =
    "      ManagedPolicyArns:\n        - arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole\n";

  it("AWSLambdaBasicExecutionRole attached is permissions-added only; detached, removed", () => {
    const [added] = changes(plainRole(""), plainRole(basic)).resources as [ResourceChange];
    expect(added.classes).toEqual(["permissions-added"]);
    expect(added.evidence[0]?.detail).toMatch(/AWS managed policy/);
    const [removed] = changes(plainRole(basic), plainRole("")).resources as [ResourceChange];
    expect(removed.classes).toEqual(["permissions-removed"]);
  });

  it("one written with the partition is AWS's too; one whose ARN is a parameter is not known", () => {
    const partition =
      "      ManagedPolicyArns:\n        - !Sub arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole\n";
    expect(changes(plainRole(""), plainRole(partition)).resources[0]?.classes).toEqual([
      "permissions-added",
    ]);
    const param = (t: string) => `Parameters:\n  PolicyArn: { Type: String }\n${t}`;
    const byParam = "      ManagedPolicyArns:\n        - !Ref PolicyArn\n";
    expect(changes(param(plainRole("")), param(plainRole(byParam))).resources[0]?.classes).toEqual([
      "unknown",
      "permissions-added",
    ]);
  });
});

/** apigateway_lambda_integration's shape: a JSON template whose role writes logs. */
const logsRole = (resource: unknown, action = "logs:*") =>
  JSON.stringify(
    {
      AWSTemplateFormatVersion: "2010-09-09",
      Parameters: { LambdaFunctionName: { Type: "String", Default: "greeter" } },
      Resources: {
        LambdaRole: {
          Type: "AWS::IAM::Role",
          Properties: {
            AssumeRolePolicyDocument: {
              Version: "2012-10-17",
              Statement: [
                {
                  Effect: "Allow",
                  Principal: { Service: ["lambda.amazonaws.com"] },
                  Action: ["sts:AssumeRole"],
                },
              ],
            },
            Policies: [
              {
                PolicyName: "logs",
                PolicyDocument: {
                  Version: "2012-10-17",
                  Statement: [{ Effect: "Allow", Action: [action], Resource: resource }],
                },
              },
            ],
          },
        },
      },
    },
    null,
    2,
  );

describe("policy values known only on deploy", () => {
  const scoped = {
    "Fn::Sub":
      "arn:aws:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/${LambdaFunctionName}:*",
  };
  const path = "apigateway/integration.json";

  it("a grant narrowed from * to an ARN with a parameter is removed, whatever the parameter", () => {
    const [role] = changes(logsRole("*"), logsRole(scoped), path).resources as [ResourceChange];
    expect(role.classes).toEqual(["permissions-removed"]);
    const text = role.evidence.map((e) => e.detail).join("\n");
    expect(text).toMatch(/no longer allows logs:\*/);
    expect(text).toMatch(/LambdaFunctionName.*whatever that holds, the outcome is the same/);
  });

  it("widened from that ARN to * it is added, whatever the parameter", () => {
    const [role] = changes(logsRole(scoped), logsRole("*"), path).resources as [ResourceChange];
    expect(role.classes).toEqual(["permissions-added"]);
  });

  it("where the outcome does depend on the parameter it stays unknown", () => {
    // One log group named outright, then one named by the parameter: the same or another.
    const named = "arn:aws:logs:us-east-1:111111111111:log-group:/aws/lambda/greeter:*";
    const [role] = changes(logsRole(named), logsRole(scoped), path).resources as [ResourceChange];
    expect(role.classes).toContain("unknown");
    // An action from a parameter: any action, or one.
    const param = (t: string) =>
      t.replace('"Parameters": {', '"Parameters": {\n    "Act": { "Type": "String" },');
    const [byAction] = changes(
      param(logsRole("*", "logs:PutLogEvents")),
      param(logsRole("*", { Ref: "Act" } as unknown as string)),
      path,
    ).resources as [ResourceChange];
    expect(byAction.classes).toContain("unknown");
  });
});

/** LambaStaticIP's shape: an API in front of a Lambda, the Lambda's log group and permission. */
const api = (actions: string) => `Resources:
  FnRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - { Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }
      Policies:
        - PolicyName: logs
          PolicyDocument:
            Statement: [{ Effect: Allow, Action: [${actions}], Resource: "*" }]
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      Role: !GetAtt FnRole.Arn
      Code: { ZipFile: "def handler(e, c): pass" }
  FnLogs:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName: !Sub /aws/lambda/\${Fn}
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties: { Name: greeter }
  Method:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !GetAtt Api.RootResourceId
      HttpMethod: GET
      AuthorizationType: NONE
      Integration:
        Type: AWS_PROXY
        IntegrationHttpMethod: POST
        Uri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Fn.Arn}/invocations
  Invoke:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: !Ref Fn
      Principal: apigateway.amazonaws.com
  Profile:
    Type: AWS::IAM::InstanceProfile
    Properties:
      Roles: [!Ref FnRole]
  Host:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0123456789abcdef0
      IamInstanceProfile: !Ref Profile
`;

describe("discovered references", () => {
  it("are uses of identities and instance profiles only, not of functions or APIs", () => {
    const { references } = changes(api("logs:*"), api("logs:CreateLogStream"));
    const pairs = references.map((r) => `${r.from.split("#")[1]} -> ${r.to.split("#")[1]}`);
    expect(pairs.sort()).toEqual(["Fn -> FnRole", "Host -> Profile", "Profile -> FnRole"]);
  });
});

/** CloudFormationEndpointSignals' instance: a key pair and profile from parameters. */
const instance = (extra: string) => `Parameters:
  KeyName: { Type: "AWS::EC2::KeyPair::KeyName" }
  Profile: { Type: String }
Resources:
  Host:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0123456789abcdef0
      InstanceType: t3.micro
${extra}`;

describe("properties written on one side only", () => {
  it("a replacing property dropped replaces the resource, whatever parameter it held", () => {
    const [host] = changes(
      instance("      KeyName: !Ref KeyName\n      Monitoring: true\n"),
      instance("      Monitoring: false\n"),
    ).resources as [ResourceChange];
    expect(host.classes).toEqual(["replaced", "modified"]);
    expect(host.evidence.find((e) => e.attribute === "KeyName")?.detail).toMatch(
      /updating KeyName replaces the resource/,
    );
  });

  it("one that may be left out on deploy (a branch of AWS::NoValue) is not sure to change", () => {
    const [host] = changes(
      instance(""),
      instance("      KeyName: !If [HasKey, !Ref KeyName, !Ref AWS::NoValue]\n"),
    ).resources as [ResourceChange];
    expect(host.classes).toEqual(["unknown"]);
  });

  it("one written on both sides with a parameter is still known only on deploy", () => {
    const [host] = changes(
      instance("      KeyName: !Ref KeyName\n"),
      instance("      KeyName: !Sub ${KeyName}-new\n"),
    ).resources as [ResourceChange];
    expect(host.classes).toEqual(["unknown"]);
  });
});

describe("evidence", () => {
  it("is capped per resource, with how many more lines there were", () => {
    const roles = Array.from({ length: 60 }, (_, i) => `R${i}`);
    const t = (actions: string) => `Resources:
${roles.map((r) => `  ${r}:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: ec2.amazonaws.com }, Action: sts:AssumeRole }] }\n`).join("")}  Shared:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      Roles: [${roles.map((r) => `!Ref ${r}`).join(", ")}]
      PolicyDocument:
        Statement: [{ Effect: Allow, Action: [${actions}], Resource: "*" }]
`;
    const base = t("s3:GetObject");
    const withoutRoles = base.replace(/Roles: \[[^\]]*\]/, "Roles: []");
    const [policy] = changes(base, withoutRoles).resources.filter(
      (r) => r.address.endsWith("#Shared") && r.through === undefined,
    ) as [ResourceChange];
    expect(policy.evidence).toHaveLength(51);
    expect(policy.evidence.at(-1)?.detail).toBe("…and 10 more");
    expect(policy.classes).toEqual(["modified"]);
  });
});
