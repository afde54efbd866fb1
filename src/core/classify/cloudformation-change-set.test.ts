import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "../analyze.js";
import { modelOf } from "../testing/helpers.js";
import { ChangeSetFormatError, readChangeSet } from "./cloudformation-change-set.js";

// Shaped as `aws cloudformation describe-change-set --output json` prints them (AWS's
// DescribeChangeSet response and the "Example change sets" of the CloudFormation User Guide).

const trust = (...services: string[]) => ({
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Principal: { Service: services.length === 1 ? services[0] : services },
      Action: "sts:AssumeRole",
    },
  ],
});

const roleProperties = (over: Record<string, unknown> = {}) => ({
  AssumeRolePolicyDocument: trust("lambda.amazonaws.com", "states.amazonaws.com"),
  ManagedPolicyArns: ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"],
  Policies: [
    {
      PolicyName: "orders",
      PolicyDocument: {
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Action: ["dynamodb:GetItem", "dynamodb:PutItem"],
            Resource: "arn:aws:dynamodb:eu-west-1:111111111111:table/orders",
          },
        ],
      },
    },
  ],
  Tags: [{ Key: "team", Value: "payments" }],
  ...over,
});

const context = (properties: unknown) => JSON.stringify({ Properties: properties });

interface DetailSpec {
  attribute?: string;
  name?: string;
  recreation?: string;
  evaluation?: string;
  source?: string;
  cause?: string;
  path?: string;
  before?: string;
  after?: string;
}

function detail(d: DetailSpec) {
  return {
    Target: {
      Attribute: d.attribute ?? "Properties",
      ...(d.name ? { Name: d.name } : {}),
      RequiresRecreation: d.recreation ?? "Never",
      ...(d.path ? { Path: d.path } : {}),
      ...(d.before !== undefined ? { BeforeValue: d.before } : {}),
      ...(d.after !== undefined ? { AfterValue: d.after } : {}),
      ...(d.path ? { AttributeChangeType: "Modify" } : {}),
    },
    Evaluation: d.evaluation ?? "Static",
    ChangeSource: d.source ?? "DirectModification",
    ...(d.cause ? { CausingEntity: d.cause } : {}),
  };
}

function change(
  action: string,
  logicalId: string,
  type: string,
  more: Record<string, unknown> = {},
): unknown {
  return {
    Type: "Resource",
    ResourceChange: {
      Action: action,
      LogicalResourceId: logicalId,
      ...(action === "Add" ? {} : { PhysicalResourceId: `app-${logicalId}-1A2B3C4D5E6F` }),
      ResourceType: type,
      Scope: action === "Modify" ? ["Properties"] : [],
      Details: [],
      ...more,
    },
  };
}

function changeSet(changes: unknown[], stack = "payments-app"): unknown {
  return {
    Changes: changes,
    ChangeSetName: "pr-42",
    ChangeSetId: `arn:aws:cloudformation:eu-west-1:111111111111:changeSet/pr-42/0b8d`,
    StackId: `arn:aws:cloudformation:eu-west-1:111111111111:stack/${stack}/5e1f`,
    StackName: stack,
    Parameters: [{ ParameterKey: "Stage", ParameterValue: "prod" }],
    ExecutionStatus: "AVAILABLE",
    Status: "CREATE_COMPLETE",
    Capabilities: ["CAPABILITY_IAM"],
    IncludeNestedStacks: false,
  };
}

const read = (value: unknown, template?: string) => readChangeSet(value, "cs.json", () => template);
const only = (value: unknown, template?: string) => {
  const { resources } = read(value, template);
  expect(resources).toHaveLength(1);
  return resources[0]!;
};
const details = (r: { evidence: readonly { detail: string }[] }) => r.evidence.map((e) => e.detail);

describe("a change set's resource changes", () => {
  it("a role whose trust loses a principal, with property values, is trust-narrowed", () => {
    const after = roleProperties({ AssumeRolePolicyDocument: trust("lambda.amazonaws.com") });
    const r = only(
      changeSet([
        change("Modify", "AppRole", "AWS::IAM::Role", {
          Replacement: "False",
          Details: [
            detail({
              path: "/Properties/AssumeRolePolicyDocument/Statement/0/Principal/Service/1",
              before: "states.amazonaws.com",
            }),
          ],
          BeforeContext: context(roleProperties()),
          AfterContext: context(after),
        }),
      ]),
      "infra/app.yaml",
    );
    expect(r).toMatchObject({
      system: "cloudformation",
      address: "infra/app.yaml#AppRole",
      type: "AWS::IAM::Role",
      classes: ["trust-narrowed"],
    });
    expect(details(r).join("\n")).toContain("states.amazonaws.com");
    expect(r.evidence[0]).toMatchObject({
      address: "infra/app.yaml#AppRole",
      attribute: "/Properties/AssumeRolePolicyDocument",
    });
    expect(r.evidence[0]?.detail).toMatch(
      /^no longer trusts Service states\.amazonaws\.com .*\(stack payments-app, \/Properties\/AssumeRolePolicyDocument\)$/,
    );
    // What the role trusts on each side, for contracts.
    expect(r.before?.trust?.statements).toHaveLength(1);
    expect(r.after?.exists).toBe(true);
  });

  it("without --stack-template the address is the stack name's", () => {
    const r = only(changeSet([change("Add", "AppRole", "AWS::IAM::Role")]));
    expect(r.address).toBe("payments-app#AppRole");
    expect(r.classes).toEqual(["added"]);
  });

  it("an inline policy losing an action and a managed policy detached are permissions-removed", () => {
    const after = roleProperties({
      ManagedPolicyArns: [],
      Policies: [
        {
          PolicyName: "orders",
          PolicyDocument: {
            Version: "2012-10-17",
            Statement: [
              {
                Effect: "Allow",
                Action: "dynamodb:GetItem",
                Resource: "arn:aws:dynamodb:eu-west-1:111111111111:table/orders",
              },
            ],
          },
        },
      ],
    });
    const r = only(
      changeSet([
        change("Modify", "AppRole", "AWS::IAM::Role", {
          Replacement: "False",
          Details: [
            detail({ path: "/Properties/ManagedPolicyArns/0", before: "x" }),
            detail({ path: "/Properties/Policies/0/PolicyDocument/Statement/0/Action" }),
          ],
          BeforeContext: context(roleProperties()),
          AfterContext: context(after),
        }),
      ]),
    );
    expect(r.classes).toEqual(["permissions-removed"]);
    const said = details(r).join("\n");
    expect(said).toContain(
      "no longer has the managed policy arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
    );
    expect(said).toContain("dynamodb:PutItem");
  });

  it("an IAM property that differs in the contexts is compared even when Details leaves it out", () => {
    const r = only(
      changeSet([
        change("Modify", "AppRole", "AWS::IAM::Role", {
          Replacement: "False",
          Details: [detail({ attribute: "Tags", path: "/Properties/Tags/0/Value" })],
          BeforeContext: context(roleProperties()),
          AfterContext: context(
            roleProperties({
              ManagedPolicyArns: ["arn:aws:iam::aws:policy/AWSDenyAll"],
              Tags: [{ Key: "team", Value: "orders" }],
            }),
          ),
        }),
      ]),
    );
    expect(r.classes).toEqual(["permissions-removed", "modified"]);
    expect(details(r)).toEqual([
      "no longer has the managed policy arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole: what it allowed is lost (stack payments-app, /Properties/ManagedPolicyArns)",
      "gains the deny-only managed policy arn:aws:iam::aws:policy/AWSDenyAll: it denies every action on everything (stack payments-app, /Properties/ManagedPolicyArns)",
      "Tags changes (/Properties/Tags/0/Value) (stack payments-app, /Tags)",
    ]);
  });

  it("a statement moved between inline policies allows the same: modified, not removed", () => {
    const [first] = roleProperties().Policies as { PolicyDocument: unknown }[];
    const after = roleProperties({
      Policies: [
        { PolicyName: "orders-read", PolicyDocument: first?.PolicyDocument },
        { PolicyName: "empty", PolicyDocument: { Version: "2012-10-17", Statement: [] } },
      ],
    });
    const r = only(
      changeSet([
        change("Modify", "AppRole", "AWS::IAM::Role", {
          Replacement: "False",
          Details: [detail({ path: "/Properties/Policies/0/PolicyName" })],
          BeforeContext: context(roleProperties()),
          AfterContext: context(after),
        }),
      ]),
    );
    expect(r.classes).toEqual(["modified"]);
    expect(details(r)[0]).toContain("Policies is rewritten and allows the same");
  });

  it("a RoleName change replaces the role", () => {
    const r = only(
      changeSet([
        change("Modify", "AppRole", "AWS::IAM::Role", {
          Replacement: "True",
          Details: [detail({ name: "RoleName", recreation: "Always" })],
        }),
      ]),
      "infra/app.yaml",
    );
    expect(r.classes).toEqual(["replaced"]);
    expect(details(r)[0]).toMatch(/^replaced: RoleName cannot change in place/);
  });

  it("AWS's documented example of several changes: the key name replaces the instance", () => {
    const r = only(
      changeSet([
        change("Modify", "MyEC2Instance", "AWS::EC2::Instance", {
          Replacement: "True",
          Scope: ["Tags", "Properties"],
          Details: [
            detail({ name: "KeyName", recreation: "Always", evaluation: "Dynamic" }),
            detail({ name: "InstanceType", recreation: "Conditionally", evaluation: "Dynamic" }),
            detail({ attribute: "Tags", evaluation: "Dynamic" }),
            detail({
              name: "KeyName",
              recreation: "Always",
              source: "ParameterReference",
              cause: "KeyPairName",
            }),
            detail({
              name: "InstanceType",
              recreation: "Conditionally",
              source: "ParameterReference",
              cause: "InstanceType",
            }),
            detail({ attribute: "Tags", source: "ParameterReference", cause: "Purpose" }),
          ],
        }),
      ]),
    );
    expect(r.classes).toEqual(["replaced", "modified"]);
    expect(details(r)).toEqual([
      "replaced: KeyName cannot change in place (stack payments-app, /Properties/KeyName)",
      "InstanceType changes (stack payments-app, /Properties/InstanceType)",
      "Tags changes (stack payments-app, /Tags)",
    ]);
  });

  it("Replacement Conditional is unknown, naming the properties that may replace it", () => {
    const r = only(
      changeSet([
        change("Modify", "Worker", "AWS::EC2::Instance", {
          Replacement: "Conditional",
          Details: [
            detail({ name: "InstanceType", recreation: "Conditionally" }),
            detail({ attribute: "Tags" }),
          ],
        }),
      ]),
    );
    expect(r.classes).toEqual(["unknown", "modified"]);
    expect(details(r)[0]).toContain("may be replaced (Conditional: InstanceType)");
    expect(details(r)).toContain("Tags changes (stack payments-app, /Tags)");
  });

  it("a Dynamic evaluation is unknown: the value is known only when the change set runs", () => {
    const r = only(
      changeSet([
        change("Modify", "Handler", "AWS::Lambda::Function", {
          Replacement: "False",
          Details: [
            detail({
              name: "Role",
              evaluation: "Dynamic",
              source: "ResourceAttribute",
              cause: "AppRole.Arn",
            }),
          ],
        }),
      ]),
    );
    expect(r.classes).toEqual(["unknown"]);
    expect(details(r)[0]).toContain(
      "Role is known only when the change set runs (Evaluation: Dynamic, through AppRole.Arn)",
    );
    // AWS's example: a parameter's new value gives a Static detail beside the Dynamic one.
    const both = only(
      changeSet([
        change("Modify", "Worker", "AWS::EC2::Instance", {
          Replacement: "False",
          Details: [
            detail({ attribute: "Tags", evaluation: "Dynamic" }),
            detail({ attribute: "Tags", source: "ParameterReference", cause: "Purpose" }),
          ],
        }),
      ]),
    );
    expect(both.classes).toEqual(["modified"]);
  });

  it("a resource with thousands of changed properties is said in a bounded number of lines", () => {
    const r = only(
      changeSet([
        change("Modify", "Bucket", "AWS::S3::Bucket", {
          Replacement: "False",
          Details: Array.from({ length: 5000 }, (_, i) =>
            detail({ name: `P${i}`, path: `/Properties/P${i}/${i % 7}` }),
          ),
        }),
      ]),
    );
    expect(r.classes).toEqual(["modified"]);
    expect(r.evidence).toHaveLength(51);
    expect(details(r)[50]).toBe("and 4950 more properties change (stack payments-app)");
  });

  it("a role removed is deleted, and does not exist after", () => {
    const r = only(changeSet([change("Remove", "LegacyRole", "AWS::IAM::Role")]));
    expect(r.classes).toEqual(["deleted"]);
    expect(details(r)[0]).toContain("deleted (app-LegacyRole-1A2B3C4D5E6F)");
    expect(r.after).toEqual({ exists: false, policies: [] });
  });

  it("a role removed with DeletionPolicy Retain is kept: modified, not deleted", () => {
    const r = only(
      changeSet([change("Remove", "LegacyRole", "AWS::IAM::Role", { PolicyAction: "Retain" })]),
    );
    expect(r.classes).toEqual(["modified"]);
    expect(details(r)[0]).toContain("removed from the stack but kept");
    const snapshot = only(
      changeSet([change("Remove", "Db", "AWS::RDS::DBInstance", { PolicyAction: "Snapshot" })]),
    );
    expect(snapshot.classes).toEqual(["deleted"]);
    expect(details(snapshot)[0]).toContain("(a snapshot is kept)");
  });

  it("a Modify with no Details names what differs in its contexts", () => {
    const r = only(
      changeSet([
        change("Modify", "Handler", "AWS::Lambda::Function", {
          Replacement: "False",
          BeforeContext: context({ Runtime: "nodejs18.x", MemorySize: 128, Handler: "index.h" }),
          AfterContext: context({ Runtime: "nodejs22.x", MemorySize: 256, Handler: "index.h" }),
        }),
      ]),
    );
    expect(r.classes).toEqual(["modified"]);
    expect(details(r)).toEqual(["modified: MemorySize, Runtime (stack payments-app)"]);
  });

  it("without property values a changed trust or policy is unknown, saying how to get them", () => {
    const { resources } = read(
      changeSet([
        change("Modify", "AppRole", "AWS::IAM::Role", {
          Replacement: "False",
          Details: [detail({ name: "AssumeRolePolicyDocument" }), detail({ name: "Policies" })],
        }),
        change("Modify", "OrdersPolicy", "AWS::IAM::ManagedPolicy", {
          Replacement: "False",
          Details: [detail({ name: "PolicyDocument" })],
        }),
        change("Modify", "Queue", "AWS::SQS::Queue", {
          Replacement: "False",
          Details: [detail({ name: "VisibilityTimeout" })],
        }),
      ]),
    );
    expect(resources.map((r) => [r.address, r.classes])).toEqual([
      ["payments-app#AppRole", ["unknown"]],
      ["payments-app#OrdersPolicy", ["unknown"]],
      ["payments-app#Queue", ["modified"]],
    ]);
    expect(details(resources[0]!)[0]).toContain(
      "AssumeRolePolicyDocument changes, but the change set does not include property values: run describe-change-set with --include-property-values",
    );
    expect(details(resources[2]!)).toEqual([
      "VisibilityTimeout changes (stack payments-app, /Properties/VisibilityTimeout)",
    ]);
  });

  it("a value CloudFormation knows only on execution is unknown, even with property values", () => {
    const after = roleProperties({
      Policies: [
        {
          PolicyName: "orders",
          PolicyDocument: {
            Version: "2012-10-17",
            Statement: [
              {
                Effect: "Allow",
                Action: "sqs:SendMessage",
                Resource: "{{changeSet:KNOWN_AFTER_APPLY}}",
              },
            ],
          },
        },
      ],
    });
    const r = only(
      changeSet([
        change("Modify", "AppRole", "AWS::IAM::Role", {
          Replacement: "False",
          Details: [detail({ path: "/Properties/Policies/0/PolicyDocument/Statement/0" })],
          BeforeContext: context(roleProperties()),
          AfterContext: context(after),
        }),
      ]),
    );
    expect(r.classes).toEqual(["unknown"]);
    expect(details(r)[0]).toContain("known only when the change set runs");
    expect(r.after).toBeUndefined();
  });

  it("values given whole on the detail (no contexts) are compared; pieces are not", () => {
    const policy = (actions: string[]) =>
      JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: actions, Resource: "*" }],
      });
    const whole = only(
      changeSet([
        change("Modify", "ReadPolicy", "AWS::IAM::ManagedPolicy", {
          Replacement: "False",
          Details: [
            detail({
              path: "/Properties/PolicyDocument",
              before: policy(["s3:GetObject", "s3:ListBucket"]),
              after: policy(["s3:GetObject"]),
            }),
          ],
        }),
      ]),
    );
    expect(whole.classes).toEqual(["permissions-removed"]);
    const truncated = only(
      changeSet([
        change("Modify", "ReadPolicy", "AWS::IAM::ManagedPolicy", {
          Replacement: "False",
          Details: [
            detail({
              path: "/Properties/PolicyDocument",
              before: policy(["s3:GetObject"]).slice(0, 30),
              after: policy(["s3:GetObject"]),
            }),
          ],
        }),
      ]),
    );
    expect(truncated.classes).toEqual(["unknown"]);
    expect(details(truncated)[0]).toContain("not whole JSON");
  });

  it("a policy detached from a role it was attached to (Roles) is permissions-removed", () => {
    const props = (roles: string[]) => ({
      PolicyName: "orders",
      PolicyDocument: JSON.parse(JSON.stringify(roleProperties().Policies))[0].PolicyDocument,
      Roles: roles,
    });
    const r = only(
      changeSet([
        change("Modify", "OrdersPolicy", "AWS::IAM::Policy", {
          Replacement: "False",
          Details: [detail({ path: "/Properties/Roles/1", before: "payments-app-Worker-9Z" })],
          BeforeContext: context(props(["payments-app-AppRole-1A", "payments-app-Worker-9Z"])),
          AfterContext: context(props(["payments-app-AppRole-1A"])),
        }),
      ]),
    );
    expect(r.classes).toEqual(["permissions-removed"]);
    expect(details(r)[0]).toContain("no longer attached to role payments-app-Worker-9Z");
  });

  it("a permissions boundary set narrows, removed widens, changed is also unknown", () => {
    const boundary = (was: string | undefined, now: string | undefined) =>
      only(
        changeSet([
          change("Modify", "AppRole", "AWS::IAM::Role", {
            Replacement: "False",
            Details: [detail({ path: "/Properties/PermissionsBoundary" })],
            BeforeContext: context(roleProperties(was ? { PermissionsBoundary: was } : {})),
            AfterContext: context(roleProperties(now ? { PermissionsBoundary: now } : {})),
          }),
        ]),
      );
    const cap = "arn:aws:iam::111111111111:policy/workload-boundary";
    expect(boundary(undefined, cap).classes).toEqual(["permissions-removed"]);
    expect(boundary(cap, undefined).classes).toEqual(["permissions-added"]);
    const changed = boundary(cap, `${cap}-v2`);
    expect(changed.classes).toEqual(["permissions-removed", "unknown"]);
    expect(details(changed)[0]).toContain("wider or narrower cannot be told");
  });

  it("an OIDC provider losing an audience is trust-narrowed; an instance profile losing its role, permissions-removed", () => {
    const { resources } = read(
      changeSet([
        change("Modify", "GitHubOidc", "AWS::IAM::OIDCProvider", {
          Replacement: "False",
          Details: [detail({ path: "/Properties/ClientIdList/1" })],
          BeforeContext: context({
            Url: "https://token.actions.githubusercontent.com",
            ClientIdList: ["sts.amazonaws.com", "sigstore"],
            ThumbprintList: ["6938fd4d98bab03faadb97b34396831e3780aea1"],
          }),
          AfterContext: context({
            Url: "https://token.actions.githubusercontent.com",
            ClientIdList: ["sts.amazonaws.com"],
            ThumbprintList: ["6938fd4d98bab03faadb97b34396831e3780aea1"],
          }),
        }),
        change("Modify", "WorkerProfile", "AWS::IAM::InstanceProfile", {
          Replacement: "False",
          Details: [detail({ path: "/Properties/Roles/0" })],
          BeforeContext: context({ Roles: ["payments-app-Worker-9Z"] }),
          AfterContext: context({ Roles: ["payments-app-Batch-7Y"] }),
        }),
      ]),
    );
    expect(resources.map((r) => r.classes)).toEqual([
      ["trust-narrowed"],
      ["permissions-removed", "permissions-added"],
    ]);
    expect(details(resources[0]!)[0]).toContain(
      "no longer accepts the audience (client id) sigstore",
    );
    expect(details(resources[1]!)[0]).toContain(
      "no longer holds role payments-app-Worker-9Z: what runs with the profile loses the role's permissions",
    );
  });

  it("imports, nested stacks and Dynamic actions say what they are", () => {
    const { resources } = read(
      changeSet([
        change("Import", "Bucket", "AWS::S3::Bucket"),
        change("Modify", "Network", "AWS::CloudFormation::Stack", {
          Replacement: "False",
          ChangeSetId: "arn:aws:cloudformation:eu-west-1:111111111111:changeSet/pr-42-Network/77",
          Details: [detail({ name: "TemplateURL" })],
        }),
        change("Dynamic", "Custom", "Custom::Seed"),
        change("SyncWithActual", "Synced", "AWS::S3::Bucket"),
        { Type: "HookInvocation", HookInvocationCount: 1 },
      ]),
    );
    expect(resources.map((r) => [r.address, r.classes])).toEqual([
      ["payments-app#Bucket", ["modified"]],
      ["payments-app#Network", ["modified"]],
      ["payments-app#Custom", ["unknown"]],
    ]);
    expect(details(resources[1]!).join("\n")).toContain(
      "its own resources' changes are in change set arn:aws:cloudformation:eu-west-1:111111111111:changeSet/pr-42-Network/77",
    );
  });

  it("pages in a list are read together, each stack with its own template", () => {
    const reading = readChangeSet(
      [
        changeSet([change("Remove", "AppRole", "AWS::IAM::Role")], "payments-app"),
        changeSet([change("Add", "Queue", "AWS::SQS::Queue")], "payments-app"),
        changeSet([change("Remove", "Topic", "AWS::SNS::Topic")], "alerts"),
      ],
      "pages.json",
      (stack) => (stack === "payments-app" ? "infra/app.yaml" : undefined),
    );
    expect(reading.stacks).toEqual(["payments-app", "alerts"]);
    expect(reading.resources.map((r) => r.address)).toEqual([
      "infra/app.yaml#AppRole",
      "infra/app.yaml#Queue",
      "alerts#Topic",
    ]);
  });

  it("anything else is a ChangeSetFormatError that says where", () => {
    expect(() => read({ format_version: "1.2", resource_changes: [] })).toThrow(
      ChangeSetFormatError,
    );
    expect(() => read({ format_version: "1.2" })).toThrow(
      "cs.json is not a CloudFormation change set: it has no StackName and Changes",
    );
    expect(() => read([changeSet([]), { StackName: "x" }])).toThrow("cs.json [1] is not");
    expect(() => read([])).toThrow("holds 0 pages");
    expect(() => read("Changes")).toThrow(ChangeSetFormatError);
  });

  it("a change set still being made, or failed, is refused; one failed for want of changes is no change", () => {
    const status = (Status: string, StatusReason?: string) => ({
      ...(changeSet([]) as object),
      Status,
      ...(StatusReason ? { StatusReason } : {}),
    });
    expect(() => read(status("CREATE_IN_PROGRESS"))).toThrow(
      "cs.json: the change set is still being made (Status CREATE_IN_PROGRESS)",
    );
    expect(() =>
      read(status("FAILED", "Template format error: Unresolved resource dependencies [Role]")),
    ).toThrow(
      "CloudFormation could not make the change set (Status FAILED: Template format error: Unresolved resource dependencies [Role])",
    );
    const none = read(
      status(
        "FAILED",
        "The submitted information didn't contain changes. Submit different information to create a change set.",
      ),
    );
    expect(none.resources).toEqual([]);
  });

  it("junk inside a change set never throws: odd shapes are read as far as they go", () => {
    const odd: unknown[] = [
      null,
      7,
      { ResourceChange: null },
      { ResourceChange: { LogicalResourceId: "A", Details: "no" } },
      { ResourceChange: { LogicalResourceId: "B", Action: "Modify", Details: [null, 3, {}] } },
      {
        ResourceChange: {
          LogicalResourceId: "C",
          Action: "Modify",
          ResourceType: "AWS::IAM::Role",
          BeforeContext: "{not json",
          AfterContext: 12,
          Details: [{ Target: { Name: "AssumeRolePolicyDocument" } }],
        },
      },
    ];
    const deep = `${"[".repeat(5000)}${"]".repeat(5000)}`;
    odd.push({
      ResourceChange: {
        LogicalResourceId: "D",
        Action: "Modify",
        ResourceType: "AWS::IAM::Role",
        BeforeContext: `{"Properties": {"AssumeRolePolicyDocument": ${deep}}}`,
        AfterContext: context({}),
        Details: [{ Target: { Name: "AssumeRolePolicyDocument" } }],
      },
    });
    odd.push({
      ResourceChange: {
        LogicalResourceId: "E",
        Action: "Modify",
        ResourceType: "AWS::IAM::Role",
        Details: [{ Target: { Name: "constructor" } }, { Target: { Name: "__proto__" } }],
      },
    });
    const { resources } = read(changeSet(odd));
    expect(resources.map((r) => [r.address, r.classes])).toEqual([
      ["payments-app#A", ["unknown"]],
      ["payments-app#B", ["modified"]],
      ["payments-app#C", ["unknown"]],
      ["payments-app#D", ["unknown"]],
      ["payments-app#E", ["modified"]],
    ]);
    expect(details(resources[3]!)[0]).toContain(
      "is not JSON (or is nested too deep) and was not read",
    );
  });
});

describe("a change set in the analysis", () => {
  const deps = `version: 1
nodes:
  iam-role/app:
    kind: iam-role
    match: { cloudformation: ["infra/*.yaml#AppRole"] }
  lambda/orders:
    kind: lambda
    depends_on: [{ on: iam-role/app, via: runs-as }]
  queue/orders:
    kind: queue
    match: { cloudformation: ["**#OrdersQueue"] }
`;

  it("the role's trust narrowing, read from the change set, breaks the Lambda that runs as it", () => {
    const model = modelOf(deps);
    const reading = readChangeSet(
      changeSet([
        change("Modify", "AppRole", "AWS::IAM::Role", {
          Replacement: "False",
          Details: [detail({ path: "/Properties/AssumeRolePolicyDocument/Statement/0" })],
          BeforeContext: context(roleProperties()),
          AfterContext: context(
            roleProperties({ AssumeRolePolicyDocument: trust("states.amazonaws.com") }),
          ),
        }),
        change("Modify", "OrdersQueue", "AWS::SQS::Queue", {
          Replacement: "False",
          Details: [detail({ name: "VisibilityTimeout" })],
        }),
      ]),
      "cs.json",
      () => "infra/app.yaml",
    );
    const impact = analyze(model, [], {
      inputs: [{ kind: "change-set", file: "cs.json", reading }],
    });
    expect(impact.changed.map((c) => [c.id, c.classes])).toEqual([
      ["iam-role/app", ["trust-narrowed"]],
      ["queue/orders", ["modified"]],
    ]);
    expect(impact.impacted.map((n) => [n.id, n.severity])).toEqual([["lambda/orders", "breaking"]]);
    expect(impact.changed[0]?.causes[0]).toMatchObject({ kind: "change-set", file: "cs.json" });
  });
});

describe("a CDK stack's change set", () => {
  it("the role's default policy losing an action is the role node's change, and breaks the Lambda", () => {
    const model = modelOf(`version: 1
nodes:
  iam-role/ingress:
    kind: iam-role
    match: { cloudformation: ["cdk.out/Orders.template.json#IngressLambdaServiceRole*"] }
  lambda/ingress:
    kind: lambda
    depends_on: [{ on: iam-role/ingress, via: runs-as }]
`);
    const policy = (actions: string[]) => ({
      PolicyName: "IngressLambdaServiceRoleDefaultPolicy4FC7C7EC",
      Roles: ["Orders-IngressLambdaServiceRole7C-UTsCHeJtDwL7"],
      PolicyDocument: {
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Action: actions,
            Resource: "arn:aws:dynamodb:us-east-1:111111111111:table/Orders-OrdersTable-1X2Y",
          },
        ],
      },
    });
    const reading = readChangeSet(
      changeSet(
        [
          change("Modify", "IngressLambdaServiceRoleDefaultPolicy4FC7C7EC", "AWS::IAM::Policy", {
            Replacement: "False",
            Details: [
              detail({
                path: "/Properties/PolicyDocument/Statement/0/Action/1",
                before: "dynamodb:PutItem",
              }),
            ],
            BeforeContext: context(policy(["dynamodb:GetItem", "dynamodb:PutItem"])),
            AfterContext: context(policy(["dynamodb:GetItem"])),
          }),
        ],
        "Orders",
      ),
      "cs.json",
      () => "cdk.out/Orders.template.json",
    );
    const impact = analyze(model, [], {
      inputs: [{ kind: "change-set", file: "cs.json", reading }],
    });
    expect(impact.changed.map((c) => [c.id, c.classes])).toEqual([
      ["iam-role/ingress", ["permissions-removed"]],
    ]);
    expect(impact.impacted.map((n) => [n.id, n.severity])).toEqual([
      ["lambda/ingress", "breaking"],
    ]);
  });
});

describe("junk never throws anything but a format error", () => {
  it("any JSON value, and change sets whose changes are any JSON", () => {
    const junkChange = fc.oneof(
      fc.jsonValue(),
      fc.record({
        ResourceChange: fc.record({
          Action: fc.constantFrom("Add", "Remove", "Modify", "Import", "Dynamic", "x"),
          LogicalResourceId: fc.string({ minLength: 1 }),
          ResourceType: fc.constantFrom("AWS::IAM::Role", "AWS::IAM::Policy", "AWS::S3::Bucket"),
          Replacement: fc.constantFrom("True", "False", "Conditional", undefined),
          Details: fc.array(fc.jsonValue(), { maxLength: 4 }),
          BeforeContext: fc.oneof(fc.json(), fc.jsonValue()),
          AfterContext: fc.oneof(fc.json(), fc.jsonValue()),
        }),
      }),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.array(junkChange, { maxLength: 5 }).map((c) => changeSet(c)),
        ),
        (value) => {
          try {
            const reading = readChangeSet(value, "cs.json");
            for (const r of reading.resources) expect(r.classes.length).toBeGreaterThan(0);
          } catch (error) {
            expect(error).toBeInstanceOf(ChangeSetFormatError);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
