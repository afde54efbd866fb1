// `blastradius init` and `validate --repo` on a repository of CloudFormation templates and a CDK
// app, as a new user runs them: the built CLI in a temporary git repository whose cdk.out is
// ignored by git, as `cdk init` sets it up.

import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CDK_TEMPLATE, ECS_TEMPLATE, LAMBDA_TEMPLATE } from "../src/core/testing/init-templates.js";
import { gitIn, runCli } from "./git-history.js";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const TRACKED: Record<string, string> = {
  ".github/CODEOWNERS": "*  @acme/platform\n/infra/ @acme/iam-team\n",
  "infra/importer.yaml": LAMBDA_TEMPLATE,
  "infra/jobs.yaml": ECS_TEMPLATE,
  "infra/broken.yaml":
    'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties: [unclosed\n',
  "app/cdk.json": '{ "app": "npx ts-node bin/app.ts" }\n',
  "app/.gitignore": "cdk.out/\nnode_modules/\n",
  "app/bin/app.ts": "// new ApiStack(app, 'ApiStack');\n",
  "other/cdk.json": '{ "app": "python3 app.py", "output": "out" }\n',
  "other/.gitignore": "out\n",
  "other/app.py": "# app = cdk.App()\n",
};

function repository(): string {
  const dir = mkdtempSync(join(tmpdir(), "br-init-cfn-"));
  made.push(dir);
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  for (const [path, text] of Object.entries(TRACKED)) write(path, text);
  const git = (...args: string[]) => gitIn(dir, args);
  git("init", "-q", "-b", "main");
  git("add", ".");
  git("commit", "-qm", "templates");
  // What `cdk synth` writes: ignored by git, there on disk.
  write("app/cdk.out/ApiStack.template.json", CDK_TEMPLATE);
  write("app/cdk.out/ApiStack.assets.json", '{ "version": "36.0.0", "files": {} }\n');
  write("app/cdk.out/asset.3f1a2b/index.json", CDK_TEMPLATE);
  // An output folder that is a link is never followed, wherever it points.
  symlinkSync(join(dir, "app/cdk.out"), join(dir, "other/out"));
  return dir;
}

const run = (cwd: string, ...args: string[]) => runCli(args, { cwd });

describe("blastradius init on CloudFormation and CDK templates", () => {
  it("--dry-run drafts roles, policies and their users; the draft validates, and validate --repo finds no drift", () => {
    const dir = repository();
    const dry = run(dir, "init", "--dry-run");
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stderr).toContain(
      "16 node(s), 11 edge(s), 2 owner(s) from .github/CODEOWNERS; 0 Terraform file(s), 0 manifest(s) and 3 CloudFormation template(s) read",
    );
    // An unparsable template is said, with its file; it does not stop the draft.
    expect(dry.stderr).toMatch(/infra\/broken\.yaml.*CloudFormation template that does not parse/);
    // cdk.out is read from disk, and said so; its assets are not.
    expect(dry.stderr).toContain("read 1 template(s) in app/cdk.out/, which git does not track");
    const text = dry.stdout;
    expect(text).not.toContain("asset.3f1a2b");
    expect(text).not.toContain("other/");
    expect(text).toContain(
      [
        "  # from app/cdk.out/ApiStack.template.json:71 AWS::Lambda::Function Handler886CB40B (ApiStack/Handler/Resource); matched by the CDK app's files, as git does not track the template",
        "  lambda-function/Handler:",
        "    kind: lambda-function",
        "    owner: platform  # .github/CODEOWNERS:1",
        "    match:",
        // What a change shows: the app's source, not the template git ignores.
        '      paths: ["app/bin/**", app/cdk.json]',
        '      cloudformation: ["app/cdk.out/ApiStack.template.json#Handler886CB40B"]',
        "    depends_on:",
        "      # Handler886CB40B.Role (app/cdk.out/ApiStack.template.json:71) refers to HandlerServiceRoleFCDC14AE.Arn",
        "      - { on: iam-role/Handler-ServiceRole, via: runs-as }",
      ].join("\n"),
    );
    expect(text).toContain(
      [
        "  # from infra/importer.yaml:7 AWS::IAM::Role ImporterRole",
        "  iam-role/ImporterRole:",
        "    kind: iam-role",
        "    owner: iam-team  # .github/CODEOWNERS:2",
      ].join("\n"),
    );
    expect(text).toContain("      - { on: iam-policy/BucketReadPolicy, via: attaches-policy }");
    expect(text).toContain("# app/cdk.out/ is not in git: its 1 template(s) were read");

    writeFileSync(join(dir, "draft.yaml"), text);
    const validated = run(dir, "validate", "--deps", "draft.yaml");
    expect(validated.stderr).toBe("");
    expect(validated.code).toBe(0);
    expect(validated.stdout).toContain("16 nodes, 11 edges");

    const written = run(dir, "init");
    expect(written.code, written.stderr).toBe(0);
    const drift = run(dir, "validate", "--repo", ".");
    expect(drift.code, drift.stderr).toBe(0);
    // The only warning is the template that does not parse.
    expect(drift.stderr.split("\n").filter(Boolean)).toEqual([
      expect.stringMatching(/infra\/broken\.yaml.*does not parse/),
    ]);
  });

  it("check attributes a change of a template to the nodes of that template, and reaches the users of its roles", () => {
    const dir = repository();
    expect(run(dir, "init").code).toBe(0);
    gitIn(dir, ["add", "deps.yaml"]);
    gitIn(dir, ["commit", "-qm", "graph"]);
    gitIn(dir, ["checkout", "-qb", "change"]);
    writeFileSync(
      join(dir, "infra/importer.yaml"),
      LAMBDA_TEMPLATE.replace("Action: [s3:GetObject, s3:ListBucket]", "Action: [s3:GetObject]"),
    );
    gitIn(dir, ["commit", "-qam", "narrow the bucket policy"]);
    const result = run(dir, "check", "--git", "main", "--format", "json");
    expect(result.code, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout);
    const changed: string[] = out.changed.map((c: { id: string }) => c.id);
    // Only nodes of the changed template, whatever the classification says of each.
    expect(changed.length).toBeGreaterThan(0);
    for (const id of changed)
      expect([
        "iam-role/ImporterRole",
        "iam-policy/BucketReadPolicy",
        "lambda-function/ImporterFunction",
      ]).toContain(id);
    const reached = [...changed, ...out.impacted.map((n: { id: string }) => n.id)];
    expect(reached).toContain("lambda-function/ImporterFunction");
    expect(reached).not.toContain("lambda-function/Handler");
  });

  it("a change to a CDK app's source is a change to the nodes drafted from its synthesised templates, and to no other", () => {
    const dir = repository();
    expect(run(dir, "init").code).toBe(0);
    gitIn(dir, ["add", "deps.yaml"]);
    gitIn(dir, ["commit", "-qm", "graph"]);
    gitIn(dir, ["checkout", "-qb", "change"]);
    writeFileSync(
      join(dir, "app/bin/app.ts"),
      "// new ApiStack(app, 'ApiStack', { memory: 512 });\n",
    );
    gitIn(dir, ["commit", "-qam", "bump the handler"]);
    const result = run(dir, "check", "--git", "main", "--format", "json");
    expect(result.code, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out.changed.map((c: { id: string }) => c.id).sort()).toEqual([
      "iam-role/Handler-ServiceRole",
      "lambda-function/Handler",
    ]);
  });
});
