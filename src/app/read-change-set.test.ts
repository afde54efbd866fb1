import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../core/errors.js";
import { parseChangeSet, readChangeSetInputs, stackTemplates } from "./read-change-set.js";

const page = (stack: string, logicalId: string) =>
  JSON.stringify({
    StackName: stack,
    Changes: [
      {
        Type: "Resource",
        ResourceChange: {
          Action: "Remove",
          LogicalResourceId: logicalId,
          ResourceType: "AWS::IAM::Role",
        },
      },
    ],
  });

describe("change set files", () => {
  it("a file per page, and stacks each under the template named for it", () => {
    const dir = mkdtempSync(join(tmpdir(), "br-cs-"));
    writeFileSync(join(dir, "1.json"), page("orders-app", "AppRole"));
    writeFileSync(
      join(dir, "2.json"),
      `[${page("orders-app", "Worker")}, ${page("network", "FlowLogs")}]`,
    );
    const inputs = readChangeSetInputs(
      [join(dir, "1.json"), join(dir, "2.json")],
      ["orders-app=infra/app.yaml"],
      "--stack-template",
    );
    expect(inputs.map((i) => i.kind)).toEqual(["change-set", "change-set"]);
    expect(inputs.flatMap((i) => i.reading.resources.map((r) => r.address))).toEqual([
      "infra/app.yaml#AppRole",
      "infra/app.yaml#Worker",
      "network#FlowLogs",
    ]);
  });

  it("not JSON, too deep, or not a change set: an InputError at the line and column, with the command to make one", () => {
    const errorOf = (text: string) => {
      try {
        parseChangeSet("cs.json", text);
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        return error as InputError;
      }
      throw new Error("no error");
    };
    const truncated = errorOf(`${page("a", "B").slice(0, 40)}`);
    expect(truncated.message).toMatch(/^cs\.json:1:41: not JSON/);
    expect(truncated.hint).toContain("--include-property-values --output json");
    expect(errorOf(`{\n"a": ${"[".repeat(1200)}`).message).toBe(
      "cs.json:2:1005: nested more than 1000 levels deep; not read",
    );
    expect(errorOf("{}").message).toBe(
      "cs.json is not a CloudFormation change set: it has no StackName and Changes",
    );
  });

  it("a device is refused without reading it", () => {
    expect(() => readChangeSetInputs(["/dev/zero"], [], "--stack-template")).toThrow(
      /cannot read the change set: .*not a regular file/,
    );
  });
});

describe("--stack-template values", () => {
  it("one bare path is every stack's; STACK=PATH is one stack's, others keep their name", () => {
    expect(stackTemplates(["./infra/app.yaml"], "--stack-template")("any")).toBe("infra/app.yaml");
    const of = stackTemplates(
      ["a=infra/a.yaml", "b-2=cdk.out/B.template.json"],
      "--stack-template",
    );
    expect([of("a"), of("b-2"), of("c")]).toEqual([
      "infra/a.yaml",
      "cdk.out/B.template.json",
      undefined,
    ]);
    expect(stackTemplates([], "--stack-template")("a")).toBeUndefined();
  });

  it.each([
    [["a.yaml", "b.yaml"], "is given 2 times: say which stack each template is for"],
    [["a=x.yaml", "a=y.yaml"], "names stack a twice"],
    [["1bad=x.yaml"], '"1bad" is not a stack name'],
    [["a="], "names no template"],
    [["../x.yaml"], "relative to the repository root"],
    [["C:\\x.yaml"], "relative to the repository root"],
  ])("%j is refused", (values, message) => {
    expect(() => stackTemplates(values, "--stack-template")).toThrow(message);
  });
});

describe("nested stacks", () => {
  const parent = (childId: string) =>
    JSON.stringify({
      StackName: "orders-app",
      ChangeSetId: "arn:aws:cloudformation:eu-west-1:1:changeSet/pr-7/abc",
      Changes: [
        {
          Type: "Resource",
          ResourceChange: {
            Action: "Modify",
            LogicalResourceId: "Child",
            ResourceType: "AWS::CloudFormation::Stack",
            Replacement: "False",
            ChangeSetId: childId,
            Details: [
              { Target: { Attribute: "Properties", Name: "TemplateURL" }, Evaluation: "Static" },
            ],
          },
        },
      ],
    });
  const child = (id: string) =>
    JSON.stringify({ StackName: "orders-app-Child", ChangeSetId: id, Changes: [] });
  const CHILD = "arn:aws:cloudformation:eu-west-1:1:changeSet/pr-7-Child/def";

  it("a nested stack whose own change set is not given leaves the analysis incomplete", () => {
    const dir = mkdtempSync(join(tmpdir(), "br-cs-"));
    writeFileSync(join(dir, "parent.json"), parent(CHILD));
    const [input] = readChangeSetInputs([join(dir, "parent.json")], [], "--stack-template");
    expect(input?.unjudged).toEqual([
      {
        file: join(dir, "parent.json"),
        reason: expect.stringContaining(
          `nested stack orders-app#Child: its resources' changes are in change set ${CHILD}, which was not given`,
        ),
      },
    ]);
  });

  it("is judged when the child's change set is given too", () => {
    const dir = mkdtempSync(join(tmpdir(), "br-cs-"));
    writeFileSync(join(dir, "parent.json"), parent(CHILD));
    writeFileSync(join(dir, "child.json"), child(CHILD));
    const inputs = readChangeSetInputs(
      [join(dir, "parent.json"), join(dir, "child.json")],
      [],
      "--stack-template",
    );
    expect(inputs.flatMap((i) => i.unjudged ?? [])).toEqual([]);
  });
});
