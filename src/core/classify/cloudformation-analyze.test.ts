// A template's change through the one analysis: nodes named by match.cloudformation, declared
// edges and the template's own references as discovered ones.

import { describe, expect, it } from "vitest";
import { analyze } from "../analyze.js";
import type { FileChange } from "../model.js";
import { modelOf } from "../testing/helpers.js";
import { classifyTemplateFile, type TemplateChanges } from "./cloudformation-changes.js";

const template = (actions: string) => `Resources:
  AppRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }]
  AppPolicy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      Roles: [!Ref AppRole]
      PolicyDocument:
        Statement: [{ Effect: Allow, Action: [${actions}], Resource: "*" }]
  Worker:
    Type: AWS::Lambda::Function
    Properties:
      Role: !GetAtt AppRole.Arn
      Runtime: nodejs20.x
      Handler: index.handler
      Code: { ZipFile: "exports.handler = async () => {}" }
`;

const read = (before: string, after: string): TemplateChanges => {
  const r = classifyTemplateFile({ path: "stacks/app.yaml" }, before, after);
  if (!r || "unreadable" in r) throw new Error("not read");
  return r;
};

const file = (changes: TemplateChanges): FileChange[] => [
  { path: "stacks/app.yaml", status: "modified", resources: changes.resources },
];

const ROLE = `  iam-role/app:
    kind: iam-role
    match: { cloudformation: ["stacks/app.yaml#AppRole"] }
`;

describe("a template change through the analysis", () => {
  const changes = read(template("sqs:SendMessage, sqs:GetQueueUrl"), template("sqs:GetQueueUrl"));

  it("breaks a declared dependent of the role", () => {
    const model = modelOf(`version: 1
nodes:
${ROLE}  lambda/worker:
    kind: lambda
    match: { cloudformation: ["stacks/app.yaml#Worker"] }
    depends_on: [{ on: iam-role/app, via: runs-as }]
`);
    const impact = analyze(model, file(changes), { references: changes.references });
    expect(impact.changed.map((c) => [c.id, c.classes])).toEqual([
      ["iam-role/app", ["permissions-removed"]],
    ]);
    expect(impact.impacted.map((n) => [n.id, n.severity])).toEqual([["lambda/worker", "breaking"]]);
  });

  it("breaks the Lambda no node declares, through the template's reference", () => {
    const model = modelOf(`version: 1\nnodes:\n${ROLE}`);
    const impact = analyze(model, file(changes), { references: changes.references });
    expect(impact.impacted.map((n) => [n.id, n.severity])).toEqual([
      ["cloudformation:stacks/app.yaml#Worker", "breaking"],
    ]);
    // Without the references there is nothing downstream: the edge is the template's.
    expect(analyze(model, file(changes)).impacted).toEqual([]);
  });

  it("a node for the policy takes its change, and its edge carries it to the role's dependents", () => {
    const model = modelOf(`version: 1
nodes:
${ROLE}    depends_on: [{ on: iam-policy/app, via: attaches-policy }]
  iam-policy/app:
    kind: iam-policy
    match: { cloudformation: ["stacks/app.yaml#AppPolicy"] }
`);
    const impact = analyze(model, file(changes), { references: changes.references });
    expect(impact.changed.map((c) => [c.id, c.classes])).toEqual([
      ["iam-policy/app", ["permissions-removed"]],
    ]);
    expect(impact.impacted.map((n) => n.id).sort()).toEqual([
      "cloudformation:stacks/app.yaml#Worker",
      "iam-role/app",
    ]);
  });
});
