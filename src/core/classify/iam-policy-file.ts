// A plain IAM policy document in a JSON file (a trust policy or a permissions policy).

import type { ResourceChange } from "./evidence.js";
import { comparePolicies, isTrustPolicy, type PolicyDocument, policyFromJson } from "./policy.js";

function read(text: string | undefined): PolicyDocument | undefined {
  return text === undefined ? undefined : policyFromJson(text);
}

/** The file's change as one resource, or undefined when neither side is a policy document. */
export function classifyPolicyFile(
  path: string,
  base: string | undefined,
  head: string | undefined,
): ResourceChange[] | undefined {
  const before = read(base);
  const after = read(head);
  if (!before && !after) return undefined;
  const facts = (doc: PolicyDocument) =>
    isTrustPolicy(doc)
      ? { exists: true, trust: doc, policies: [] }
      : { exists: true, policies: [doc] };
  const common = { system: "iam-policy" as const, address: path, type: "iam-policy-document" };
  if (!after) {
    return [
      {
        ...common,
        classes: ["deleted"],
        evidence: [{ file: path, detail: "the policy document is deleted" }],
        ...(before ? { before: facts(before) } : {}),
        after: { exists: false, policies: [] },
      },
    ];
  }
  if (!before) {
    return [
      {
        ...common,
        classes: ["added"],
        evidence: [{ file: path, detail: "a new policy document" }],
        after: facts(after),
      },
    ];
  }
  const result = comparePolicies(before, after);
  if (result.classes.length === 0) return [];
  const lines = (head ?? "").split("\n");
  return [
    {
      ...common,
      classes: result.classes,
      evidence: result.details.map((detail) => {
        const needle = /(?:allows|denies|trusts) (?:\S+ )?(\S+?)(?: on| \(|$)/.exec(detail)?.[1];
        const index = needle ? lines.findIndex((l) => l.includes(needle)) : -1;
        return { file: path, ...(index >= 0 ? { line: index + 1 } : {}), detail };
      }),
      before: facts(before),
      after: facts(after),
    },
  ];
}
