// The pull-request pipeline on a CloudFormation template, against the local GitHub API: the
// template is read at base and head, and its references reach a Lambda no node declares.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeGitHub, startFakeGitHub } from "../../test/github-api/fake-github.js";
import { BASE_SHA, HEAD_SHA, portFor, REPO } from "../../test/github-api/scenario.js";
import { parseDepsLocation } from "./deps-location.js";
import { reviewPullRequest } from "./review-pull-request.js";

const DEPS = `version: 1
owners:
  platform: {github: "@acme/platform"}
nodes:
  iam-role/ingest:
    kind: iam-role
    owner: platform
    match:
      cloudformation: ["stacks/ingest.yaml#IngestRole"]
`;

const template = (actions: string) => `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  IngestRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }]
      Policies:
        - PolicyName: queue
          PolicyDocument:
            Statement: [{ Effect: Allow, Action: [${actions}], Resource: "*" }]
  IngestFunction:
    Type: AWS::Lambda::Function
    Properties:
      Role: !GetAtt IngestRole.Arn
      Runtime: python3.12
      Handler: app.handler
      Code: { ZipFile: "def handler(e, c): pass" }
`;

describe("reviewPullRequest on a CloudFormation template", () => {
  let fake: FakeGitHub;
  beforeEach(async () => {
    fake = await startFakeGitHub();
  });
  afterEach(async () => {
    await fake.close();
    expect(fake.problems).toEqual([]);
  });

  it("classifies the role's change and breaks the Lambda that uses it", async () => {
    for (const sha of [BASE_SHA, HEAD_SHA]) fake.setFile(REPO, sha, "deps.yaml", DEPS);
    fake.setFile(
      REPO,
      BASE_SHA,
      "stacks/ingest.yaml",
      template("sqs:ReceiveMessage, sqs:DeleteMessage"),
    );
    fake.setFile(REPO, HEAD_SHA, "stacks/ingest.yaml", template("sqs:ReceiveMessage"));
    fake.addPull(REPO, {
      number: 7,
      baseSha: BASE_SHA,
      headSha: HEAD_SHA,
      files: [{ filename: "stacks/ingest.yaml", status: "modified" }],
    });
    const result = await reviewPullRequest(portFor(fake), {
      repo: REPO,
      number: 7,
      deps: parseDepsLocation("deps.yaml"),
      post: false,
      comment: "update",
      postWhenEmpty: true,
      mentionOwners: true,
      labels: false,
      requestReviewers: false,
      failOn: "none",
      acknowledgeLabel: "blast-radius:acknowledged",
    });
    const { impact } = result.analysis;
    expect(impact.changed.map((c) => [c.id, c.classes])).toEqual([
      ["iam-role/ingest", ["permissions-removed"]],
    ]);
    expect(impact.impacted.map((n) => [n.id, n.severity])).toEqual([
      ["cloudformation:stacks/ingest.yaml#IngestFunction", "breaking"],
    ]);
    expect(result.body).toContain("found in configuration, not declared");
  });
});
