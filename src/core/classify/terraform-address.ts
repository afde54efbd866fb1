// Terraform resource addresses against deps.yaml's match.terraform patterns. `*` matches any
// run of characters; a pattern without an index matches every count/for_each instance.

import { compileWildcard, type Matcher } from "../locate/glob.js";

const INDEX = /\[(?:"(?:[^"\\]|\\.)*"|[^\]]*)\]/g;

/** module.a["x"].aws_iam_role.b[0] -> module.a.aws_iam_role.b */
export function withoutIndexes(address: string): string {
  return address.replace(INDEX, "");
}

/** Linear time: addresses come from the pull request, and `*a*a*a*b` backtracks in a regex. */
export function compileAddressPattern(pattern: string): Matcher {
  return compileWildcard(pattern, { starCrossesSlash: true, question: false });
}

export function addressMatches(pattern: Matcher, address: string): boolean {
  return pattern.test(address) || pattern.test(withoutIndexes(address));
}

/** `aws_iam_role.x.arn`, `module.m.aws_iam_role.x[0].name` -> the resource's address, or undefined. */
export function referencedResource(reference: string, modulePath: string): string | undefined {
  const parts = reference.split(".");
  const head = parts[0] ?? "";
  if (
    ["var", "local", "path", "count", "each", "self", "terraform", "module", "data"].includes(head)
  )
    return undefined;
  if (parts.length < 2) return undefined;
  const name = (parts[1] as string).replace(INDEX, "");
  return `${modulePath}${head}.${name}`;
}
