// Policy documents whose values rest on what only the deploy tells (a parameter, an import, a
// condition): the IAM comparison says "now depends on …" of any such value, yet a grant
// narrowed from `*` to `arn:…:log-group:/aws/lambda/<Name>:*` loses permissions and gains
// none whatever Name holds. The documents are compared again with every value known only on
// deploy read as the widest (`*`) and as one narrow value; where both readings agree, the
// outcome does not depend on them, and it is said as that reading tells it, without `unknown`.

import type { PolicyDocument, Statement, Values } from "./iam-document.js";
import { comparePermissions } from "./policy.js";

type PolicyChange = ReturnType<typeof comparePermissions>;

/** Lines of the comparison that only say an expression came or went. */
const EXPRESSION_LINE = /^(now|no longer) depends on /;

/**
 * Lines that are unknown for another reason: a grant that may be one written otherwise (the
 * value may be the very one it was), a comparison cut short.
 */
const OTHER_UNKNOWN =
  /the same or not|known only at plan or apply|too large to compare|not every overlap|not compared/;

/**
 * The expression with each value known only on deploy (`<…>`, outermost) read as `*`; an
 * expression without one (a whole `Fn::If`, say) is unknown as a whole.
 */
export function widest(expression: string): string {
  if (!expression.includes("<")) return "*";
  // Pseudo-parameters and the template's own resources (`{AWS::Region}`, `{Bucket.Arn}`) are
  // the same on both sides, yet any value: a name written out before may be theirs.
  const text = expression.replace(/\{(?:AWS::)?[A-Za-z0-9]+(?:\.[A-Za-z0-9.]+)?\}/g, "*");
  let out = "";
  let depth = 0;
  for (const ch of text) {
    if (ch === "<") {
      if (depth++ === 0) out += "*";
    } else if (ch === ">" && depth > 0) depth--;
    else if (depth === 0) out += ch;
  }
  return out;
}

/**
 * How a value known only on deploy is read: as the widest it may be, or as written, one
 * narrow value (`…/aws/lambda/<LambdaFunctionName>:*`: `<…>` is in no name a policy writes,
 * so only wildcards cover it).
 */
type Reading = "widest" | "narrow";

function read(values: Values, as: Reading): Values {
  if (values.expressions.length === 0) return values;
  return {
    literal: [
      ...values.literal,
      ...values.expressions.map((e) => (as === "widest" ? widest(e) : e)),
    ],
    expressions: [],
  };
}

function readDocument(doc: PolicyDocument, as: Reading): PolicyDocument {
  return {
    statements: doc.statements.map(
      (s): Statement => ({
        ...s,
        actions: read(s.actions, as),
        notActions: read(s.notActions, as),
        resources: read(s.resources, as),
        notResources: read(s.notResources, as),
        conditions: s.conditions.map((c) => ({ ...c, values: read(c.values, as) })),
      }),
    ),
  };
}

const sameClasses = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((k) => b.includes(k));

/**
 * The comparison with `unknown` taken away where the values known only on deploy cannot change
 * the outcome; the comparison as it was otherwise.
 */
export function settleDeployValues(
  before: PolicyDocument,
  after: PolicyDocument,
  result: PolicyChange,
): PolicyChange {
  if (!result.classes.includes("unknown")) return result;
  const expressions = result.details.filter((d) => EXPRESSION_LINE.test(d));
  if (expressions.length === 0) return result;
  if (result.details.some((d) => !EXPRESSION_LINE.test(d) && OTHER_UNKNOWN.test(d))) return result;
  const [wide, narrow] = (["widest", "narrow"] as const).map((as) =>
    comparePermissions(readDocument(before, as), readDocument(after, as)),
  ) as [PolicyChange, PolicyChange];
  if (narrow.classes.includes("unknown") || !sameClasses(wide.classes, narrow.classes))
    return result;
  const came = expressions
    .filter((d) => d.startsWith("now "))
    .map((d) => d.replace(/^now depends on /, "").replace(/, not known before apply$/, ""));
  return {
    ...narrow,
    details: [
      ...narrow.details,
      ...(came.length > 0
        ? [
            `it now rests on ${came.join(", ")}, known only on deploy: whatever that holds, the outcome is the same`,
          ]
        : []),
    ],
  };
}
