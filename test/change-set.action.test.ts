// The Action's change-set input, in process: an earlier workflow step wrote the change set into
// the workspace; the pull request changes a file no node matches, so the change set alone says
// what changes. The Action's pipeline (runAction) runs against the local GitHub API.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readInputs } from "../src/action/inputs.js";
import { runAction } from "../src/action/run-action.js";
import { createRunner } from "../src/action/runner.js";
import { readChangeSetFile } from "../src/app/read-change-set.js";
import { readPlanFile } from "../src/app/read-plan.js";
import { readRenderedChange } from "../src/app/read-rendered.js";
import { type FakeGitHub, startFakeGitHub } from "./github-api/fake-github.js";
import { BASE_SHA, HEAD_SHA, portFor, REPO } from "./github-api/scenario.js";

const DEPS = `version: 1
owners:
  payments: { github: "@acme/payments" }
nodes:
  iam-role/orders-app:
    kind: iam-role
    owner: payments
    match: { cloudformation: ["infra/app.yaml#AppRole"] }
  lambda/orders-handler:
    kind: lambda
    owner: payments
    depends_on: [{ on: iam-role/orders-app, via: runs-as }]
`;

const CHANGE_SET = JSON.stringify({
  StackName: "orders-app",
  ChangeSetName: "pr-7",
  Changes: [
    {
      Type: "Resource",
      ResourceChange: {
        Action: "Modify",
        LogicalResourceId: "AppRole",
        PhysicalResourceId: "orders-app-AppRole-1Q2W3E4R5T6Y",
        ResourceType: "AWS::IAM::Role",
        Replacement: "True",
        Scope: ["Properties"],
        Details: [
          {
            Target: { Attribute: "Properties", Name: "RoleName", RequiresRecreation: "Always" },
            Evaluation: "Static",
            ChangeSource: "DirectModification",
          },
        ],
      },
    },
  ],
});

describe("the Action's change-set input", () => {
  let fake: FakeGitHub;
  let dir: string;
  beforeEach(async () => {
    fake = await startFakeGitHub();
    dir = mkdtempSync(join(tmpdir(), "br-cs-action-"));
    fake.setFile(REPO, BASE_SHA, "deps.yaml", DEPS);
    fake.addPull(REPO, {
      number: 7,
      baseSha: BASE_SHA,
      headSha: HEAD_SHA,
      files: [{ filename: "README.md", status: "modified" }],
    });
    writeFileSync(join(dir, "cs.json"), CHANGE_SET);
  });
  afterEach(async () => {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function run(inputs: Record<string, string>) {
    writeFileSync(
      join(dir, "event.json"),
      JSON.stringify({
        action: "opened",
        number: 7,
        pull_request: { number: 7, head: { repo: { full_name: REPO } } },
        repository: { full_name: REPO },
      }),
    );
    writeFileSync(join(dir, "output"), "");
    writeFileSync(join(dir, "summary"), "");
    let stdout = "";
    const env: Record<string, string> = {
      GITHUB_EVENT_NAME: "pull_request",
      GITHUB_EVENT_PATH: join(dir, "event.json"),
      GITHUB_REPOSITORY: REPO,
      GITHUB_WORKSPACE: dir,
      GITHUB_OUTPUT: join(dir, "output"),
      GITHUB_STEP_SUMMARY: join(dir, "summary"),
      INPUT_TOKEN: "test-token",
      INPUT_COMMENT: "off",
      "INPUT_FAIL-ON": "medium",
    };
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
    const code = await runAction({
      env,
      write: (text) => {
        stdout += text;
      },
      readFile: (path) => readFileSync(path, "utf8"),
      writeFile: (path, text) => writeFileSync(path, text),
      createPort: (token) => portFor(fake, token),
      readPlan: readPlanFile,
      readChangeSet: readChangeSetFile,
      readRendered: readRenderedChange,
    });
    return { code, stdout, summary: readFileSync(join(dir, "summary"), "utf8") };
  }

  it("the role the change set replaces breaks the Lambda, and the gate fails", async () => {
    const result = await run({ "change-set": "cs.json", "stack-template": "infra/app.yaml" });
    expect(result.code).toBe(1);
    expect(result.summary).toContain("`iam-role/orders-app` (replaced: `infra/app.yaml#AppRole`)");
    expect(result.summary).toContain("replaced: RoleName cannot change in place");
    expect(result.summary).toContain("`lambda/orders-handler`");
    // The pull request's own files change nothing: without the change set the gate passes.
    expect((await run({})).code).toBe(0);
  });

  it("a change-set input that is not JSON fails the step saying where", async () => {
    writeFileSync(join(dir, "cs.json"), '{"StackName": "orders-app",\n "Changes": [}');
    const result = await run({ "change-set": "cs.json" });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/::error::.*cs\.json:2:\d+: not JSON/);
  });
});

describe("the change-set inputs, read", () => {
  const inputs = (values: Record<string, string>) =>
    readInputs(
      createRunner(
        Object.fromEntries(Object.entries(values).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
        () => {},
      ),
    );

  it("one path a line, blank lines skipped", () => {
    expect(
      inputs({
        token: "t",
        "change-set": "cs/app.json\n\ncs/network.json\n",
        "stack-template": "orders-app=infra/app.yaml\nnetwork=infra/network.yaml",
      }),
    ).toMatchObject({
      changeSets: ["cs/app.json", "cs/network.json"],
      stackTemplates: ["orders-app=infra/app.yaml", "network=infra/network.yaml"],
    });
    expect(inputs({ token: "t" })).not.toHaveProperty("changeSets");
  });

  it("a stack template without a change set is refused", () => {
    expect(() => inputs({ token: "t", "stack-template": "infra/app.yaml" })).toThrow(
      "give input change-set too",
    );
  });
});
