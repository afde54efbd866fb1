// Which property updates replace a CloudFormation resource, from AWS's own resource database
// (@aws-cdk/aws-service-spec, Apache-2.0), as a table generated at build time by
// scripts/write-cfn-replacement.mjs: nothing here reads node_modules at run time.

import table from "./cloudformation-replacement.json" with { type: "json" };

type Entry = { readonly yes?: readonly string[]; readonly maybe?: readonly string[] };

const TABLE = table as unknown as Readonly<Record<string, Entry>>;

/**
 * "yes" when updating the property replaces the resource, "maybe" when it may (CloudFormation
 * says "Conditional"), undefined when it updates in place or the type is not AWS's.
 */
export function replacementOf(type: string, property: string): "yes" | "maybe" | undefined {
  if (!Object.hasOwn(TABLE, type) || type === "//") return undefined;
  const entry = TABLE[type] as Entry;
  if (entry.yes?.includes(property)) return "yes";
  if (entry.maybe?.includes(property)) return "maybe";
  return undefined;
}
