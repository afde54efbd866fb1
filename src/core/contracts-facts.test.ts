// What a contract may conclude from what was read of its upstream's change: "did not change"
// only when nothing of the class it speaks about changed; "no" only when all was read.

import { describe, expect, it } from "vitest";
import { analyze } from "./analyze.js";
import type { ResourceChange } from "./classify/evidence.js";
import { type PolicyDocument, policyFromJson } from "./classify/policy.js";
import { modelOf } from "./testing/helpers.js";

const deps = `version: 1
nodes:
  iam-role/app: { kind: iam-role, match: { terraform: [aws_iam_role_policy.app] } }
  svc/app:
    kind: service
    depends_on:
      - on: iam-role/app
        via: runs-as
        expects: { allows: [s3:GetObject] }
`;

function allowing(action: string): PolicyDocument {
  const doc = policyFromJson(
    JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: action, Resource: "*" }],
    }),
  );
  if (!doc) throw new Error("not a policy");
  return doc;
}

function impactOf(change: Omit<ResourceChange, "system" | "address" | "type">) {
  const resource: ResourceChange = {
    system: "terraform",
    address: "aws_iam_role_policy.app",
    type: "aws_iam_role_policy",
    ...change,
  };
  return analyze(modelOf(deps), [], {
    inputs: [{ kind: "plan", file: "p.json", reading: { resources: [resource], references: [] } }],
  });
}

describe("contracts on partly read changes", () => {
  it("a permissions-removed change without its documents is unchecked, never kept as 'did not change'", () => {
    const impact = impactOf({
      classes: ["permissions-removed"],
      evidence: [{ detail: "no longer allows s3:*", file: "iam.tf", line: 5 }],
      before: { exists: true, policies: [] },
      after: { exists: true, policies: [] },
    });
    const contract = impact.contracts[0];
    expect(contract?.status).toBe("unchecked");
    expect(contract?.reason).toContain("aws_iam_role_policy.app changes it (permissions-removed)");
    expect(impact.impacted[0]?.severity).toBe("breaking");
  });

  it("a change of another class leaves the policies as they were: kept", () => {
    const impact = impactOf({
      classes: ["trust-narrowed"],
      evidence: [{ detail: "no longer trusts x" }],
      before: { exists: true, policies: [] },
      after: { exists: true, policies: [] },
    });
    expect(impact.contracts[0]?.status).toBe("kept");
  });

  it("part of the identity's policies: a yes is kept, a no is unchecked (others may allow it)", () => {
    const partial = "one policy of an identity defined elsewhere";
    const still = impactOf({
      classes: ["permissions-removed"],
      evidence: [{ detail: "no longer allows s3:*" }],
      before: { exists: true, policies: [allowing("s3:*")], partial },
      after: { exists: true, policies: [allowing("s3:Get*")], partial },
    });
    expect(still.contracts[0]?.status).toBe("kept");
    expect(still.impacted[0]?.severity).toBe("at-risk");
    const gone = impactOf({
      classes: ["permissions-removed"],
      evidence: [{ detail: "no longer allows s3:*" }],
      before: { exists: true, policies: [allowing("s3:*")], partial },
      after: { exists: true, policies: [allowing("s3:Put*")], partial },
    });
    expect(gone.contracts[0]?.status).toBe("unchecked");
    expect(gone.contracts[0]?.reason).toContain(partial);
    expect(gone.impacted[0]?.severity).toBe("breaking");
  });

  it("a limit whose document is not read comes in (a permissions boundary): unchecked; one there before: kept", () => {
    const boundary = "permissions boundary arn:aws:iam::111111111111:policy/no-data";
    const came = impactOf({
      classes: ["permissions-removed"],
      evidence: [{ detail: "permissions_boundary set" }],
      before: { exists: true, policies: [allowing("s3:*")] },
      after: { exists: true, policies: [allowing("s3:*")], opaque: [boundary] },
    });
    expect(came.contracts[0]?.status).toBe("unchecked");
    expect(came.contracts[0]?.reason).toContain(boundary);
    expect(came.impacted[0]?.severity).toBe("breaking");
    const was = impactOf({
      classes: ["permissions-removed"],
      evidence: [{ detail: "no longer allows s3:PutObject" }],
      before: { exists: true, policies: [allowing("s3:*")], opaque: [boundary] },
      after: { exists: true, policies: [allowing("s3:Get*")], opaque: [boundary] },
    });
    expect(was.contracts[0]?.status).toBe("kept");
    // Not allowed by the documents read, with a managed policy unread: it may allow it.
    const unread = impactOf({
      classes: ["permissions-removed"],
      evidence: [{ detail: "no longer allows s3:*" }],
      before: {
        exists: true,
        policies: [allowing("s3:*")],
        opaque: ["policy arn:aws:iam::aws:policy/X"],
      },
      after: {
        exists: true,
        policies: [allowing("s3:Put*")],
        opaque: ["policy arn:aws:iam::aws:policy/X"],
      },
    });
    expect(unread.contracts[0]?.status).toBe("unchecked");
  });
});
