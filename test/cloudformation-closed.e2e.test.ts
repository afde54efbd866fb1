// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub strings are what these tests write
// `check --git --fail-on high` fails closed where a template's change cannot be judged from the
// file alone: a nested stack given other parameters, a template with a loop expanded on deploy.
// A Kubernetes manifest carrying a `Resources` map is still read as a manifest.

import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "./git-history.js";

const ROLE = (principal: string) => `  AppRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { ${principal} }
            Action: sts:AssumeRole
`;

const SERVICE = `  service/app:
    kind: service
    tier: 1
    depends_on:
      - on: iam-role/app
        via: runs-as
`;

describe("check --git fails closed on templates it cannot judge whole", () => {
  let repo = "";
  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  /** A repository with `base` committed on main and `head` written over it. */
  function change(
    deps: string,
    base: Record<string, string>,
    head: Record<string, string>,
  ): {
    code: number | null;
    out: {
      unjudged: { file: string; reason: string }[];
      risk: string;
      changed: { id: string; classes: string[] }[];
    };
  } {
    repo = mkdtempSync(join(tmpdir(), "br-cfn-closed-"));
    const git = (...args: string[]) =>
      spawnSync("git", ["-c", "user.email=t@example.com", "-c", "user.name=t", ...args], {
        cwd: repo,
      });
    const write = (files: Record<string, string>) => {
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(join(repo, path, ".."), { recursive: true });
        writeFileSync(join(repo, path), text);
      }
    };
    write({ "deps.yaml": deps, ...base });
    git("init", "-q", "-b", "main");
    git("add", ".");
    git("commit", "-qm", "base");
    write(head);
    const result = runCli(["check", "--git", "main", "--format", "json", "--fail-on", "high"], {
      cwd: repo,
    });
    return { code: result.code, out: JSON.parse(result.stdout) };
  }

  it("a nested stack given another parameter leaves its parent unjudged, though no node matches the parent", () => {
    const parent = (account: string) => `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Workers:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./workers.yaml
      Parameters:
        Trusted: "${account}"
`;
    const deps = `version: 1
nodes:
  iam-role/app:
    kind: iam-role
    match:
      cloudformation: ["stacks/workers.yaml#AppRole"]
${SERVICE}`;
    const child = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Trusted: {Type: String}
Resources:
${ROLE('AWS: !Sub "arn:aws:iam::${Trusted}:root"')}`;
    const { code, out } = change(
      deps,
      { "stacks/root.yaml": parent("111111111111"), "stacks/workers.yaml": child },
      { "stacks/root.yaml": parent("222222222222") },
    );
    expect(out.unjudged).toEqual([
      {
        file: "stacks/root.yaml",
        reason: expect.stringMatching(/^nested stack Workers: its Parameters change/),
      },
    ]);
    expect(code).toBe(1);
  });

  it("a template with a Fn::ForEach loop is not judged, not read as other YAML", () => {
    const t = (principal: string) => `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::LanguageExtensions
Resources:
  Fn::ForEach::Topics:
    - Name
    - [Orders, Refunds]
    - \${Name}Topic:
        Type: AWS::SNS::Topic
${ROLE(principal)}`;
    const deps = `version: 1
nodes:
  iam-role/app:
    kind: iam-role
    match:
      paths: [infra/app.yaml]
      cloudformation: ["infra/app.yaml#AppRole"]
${SERVICE}`;
    const { code, out } = change(
      deps,
      { "infra/app.yaml": t("Service: lambda.amazonaws.com") },
      { "infra/app.yaml": t("Service: ec2.amazonaws.com") },
    );
    expect(out.unjudged).toEqual([
      { file: "infra/app.yaml", reason: expect.stringContaining("expands on deploy") },
    ]);
    expect(out.changed.map((c) => [c.id, c.classes])).toEqual([["iam-role/app", ["unknown"]]]);
    expect(code).toBe(1);
  });

  it("a ClusterRole manifest that also holds a Resources map is read as a manifest", () => {
    const role = (resources: string, extra: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: reader
rules:
  - apiGroups: [""]
    resources: [${resources}]
    verbs: [get, list]
${extra}`;
    const deps = `version: 1
nodes:
  k8s-role/reader:
    kind: k8s-role
    match:
      paths: [k8s/reader.yaml]
      kubernetes: [ClusterRole/reader]
`;
    const { out } = change(
      deps,
      { "k8s/reader.yaml": role("pods, secrets", "") },
      {
        "k8s/reader.yaml": role(
          "pods",
          "Resources:\n  Note:\n    Type: AWS::CloudFormation::WaitConditionHandle\n",
        ),
      },
    );
    expect(out.changed.map((c) => [c.id, c.classes])).toContainEqual([
      "k8s-role/reader",
      expect.arrayContaining(["permissions-removed"]),
    ]);
  });
});
