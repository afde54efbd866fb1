import { describe, expect, it } from "vitest";
import { replacementOf } from "./cloudformation-replacement.js";

describe("the CloudFormation replacement table", () => {
  it("says which property updates replace a resource, and which may", () => {
    expect(replacementOf("AWS::IAM::Role", "RoleName")).toBe("yes");
    expect(replacementOf("AWS::IAM::Role", "Path")).toBe("yes");
    expect(replacementOf("AWS::IAM::Role", "MaxSessionDuration")).toBeUndefined();
    expect(replacementOf("AWS::IAM::OIDCProvider", "Url")).toBe("yes");
    expect(replacementOf("AWS::Lambda::Function", "FunctionName")).toBe("yes");
    expect(replacementOf("AWS::Lambda::Function", "Handler")).toBeUndefined();
    expect(replacementOf("AWS::CodeCommit::Repository", "Triggers")).toBe("maybe");
    expect(replacementOf("Custom::Thing", "Anything")).toBeUndefined();
    // Not a property of the table's prototype.
    expect(replacementOf("constructor", "name")).toBeUndefined();
    expect(replacementOf("AWS::IAM::Role", "constructor")).toBeUndefined();
  });
});
