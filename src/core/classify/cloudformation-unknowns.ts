// Policy documents whose values rest on what only the deploy tells (a parameter, an import, a
// condition): the IAM comparison says "now depends on …" of any such value, yet a grant
// narrowed from `*` to `arn:…:log-group:/aws/lambda/<Name>:*` loses permissions and gains
// none whatever Name holds. The documents are compared again with every value known only on
// deploy read as the widest (`*`) and as one narrow value; where both readings agree with what
// the known values show, the outcome does not depend on them, and it is said without `unknown`.

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

/** A value no document writes: it stands for one narrow value a parameter may hold. */
const NARROW = "deployvalue0";

/**
 * The expression with each value known only on deploy (`<…>`, outermost) read as `as`; an
 * expression without one (a whole `Fn::If`, say) is unknown as a whole.
 */
export function assumed(expression: string, as: string): string {
  if (!expression.includes("<")) return as;
  let out = "";
  let depth = 0;
  for (const ch of expression) {
    if (ch === "<") {
      if (depth++ === 0) out += as;
    } else if (ch === ">" && depth > 0) depth--;
    else if (depth === 0) out += ch;
  }
  return out;
}

function read(values: Values, as: string): Values {
  if (values.expressions.length === 0) return values;
  return {
    literal: [...values.literal, ...values.expressions.map((e) => assumed(e, as))],
    expressions: [],
  };
}

function readDocument(doc: PolicyDocument, as: string): PolicyDocument {
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
  const known = result.classes.filter((k) => k !== "unknown");
  for (const as of ["*", NARROW]) {
    const r = comparePermissions(readDocument(before, as), readDocument(after, as));
    if (!sameClasses(r.classes, known)) return result;
  }
  const came = expressions
    .filter((d) => d.startsWith("now "))
    .map((d) => d.replace(/^now depends on /, "").replace(/, not known before apply$/, ""));
  return {
    ...result,
    classes: known,
    details: [
      ...result.details.filter((d) => !EXPRESSION_LINE.test(d)),
      ...(came.length > 0
        ? [
            `it now rests on ${came.join(", ")}, known only on deploy: whatever that holds, the outcome is the same`,
          ]
        : []),
    ],
  };
}
