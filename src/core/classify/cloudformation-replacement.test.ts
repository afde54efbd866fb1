import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { skipWhen } from "../../../test/skips.js";
import { replacementOf } from "./cloudformation-replacement.js";

const installed = (() => {
  try {
    createRequire(import.meta.url).resolve("@aws-cdk/aws-service-spec/package.json");
    return true;
  } catch {
    return false;
  }
})();

describe("the CloudFormation replacement table", () => {
  it(
    "is current with @aws-cdk/aws-service-spec (skipped when the package is not installed; run `node scripts/write-cfn-replacement.mjs` if not current)",
    skipWhen(installed ? undefined : "@aws-cdk/aws-service-spec is not installed (npm ci)"),
    () => {
      const script = new URL("../../../scripts/write-cfn-replacement.mjs", import.meta.url);
      const fresh = execFileSync(process.execPath, [script.pathname, "--print"], {
        encoding: "utf8",
        maxBuffer: 16 * 1024 * 1024,
      });
      const shipped = readFileSync(
        new URL("./cloudformation-replacement.json", import.meta.url),
        "utf8",
      );
      expect(shipped).toBe(fresh);
    },
  );

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
