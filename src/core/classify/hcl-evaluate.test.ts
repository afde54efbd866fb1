// biome-ignore-all lint/suspicious/noTemplateCurlyInString: HCL templates are what these tests are about
import { describe, expect, it } from "vitest";
import {
  EvaluationError,
  evaluate,
  evaluateJson,
  isUnknown,
  printed,
  type Scope,
  toJson,
  Unknown,
  type Value,
  withWorkBudget,
} from "./hcl-evaluate.js";
import { parseExpression, parseStringValue, sourceOf } from "./hcl-expression.js";

const documents: Value = {
  a: { json: '{"Statement":[]}' },
  counted: [{ json: "doc-0" }, { json: "doc-1" }],
};

const scope: Scope = {
  lookup(name, expr): Value {
    switch (name) {
      case "var":
        return {
          region: "eu-west-1",
          flag: true,
          names: ["a", "b", "a", ""],
          tags: { team: "iam" },
          role_arn: new Unknown("var.role_arn", ["var.role_arn has no default"]),
        };
      case "local":
        return { prefix: "arn:aws:iam::aws:policy", empty: [] };
      case "data":
        return { aws_iam_policy_document: documents };
      case "aws_iam_role":
        return new Unknown("aws_iam_role", ["known only after apply"]);
    }
    throw new EvaluationError(`${sourceOf(expr)} is not defined`);
  },
};

const run = (text: string) => toJson(evaluate(parseStringValue(text), scope));

describe("HCL expressions as hcl2json leaves them", () => {
  it.each([
    ["literal text", "plain", "plain"],
    ["an escaped ${ is literal", "$${aws:username}", "${aws:username}"],
    ["a template", "arn:${local.prefix}/X", "arn:arn:aws:iam::aws:policy/X"],
    ["a whole expression keeps its type", "${var.flag}", true],
    ["conditional", '${var.flag ? "on" : "off"}', "on"],
    ["arithmetic and comparison", "${1 + 2 * 3 == 7}", true],
    ["logical", "${!var.flag || length(var.names) > 3}", true],
    ["index", "${var.names[1]}", "b"],
    ["legacy index", "${var.names.0}", "a"],
    [
      "legacy splat into join",
      '${join("", data.aws_iam_policy_document.counted.*.json)}',
      "doc-0doc-1",
    ],
    ["splat of one object", "${data.aws_iam_policy_document.a[*].json}", ['{"Statement":[]}']],
    ["index then attribute", "${data.aws_iam_policy_document.counted[1].json}", "doc-1"],
    [
      "one() of a one-item list",
      "${one(data.aws_iam_policy_document.a[*].json)}",
      '{"Statement":[]}',
    ],
    ["one() of an empty list is null", "${one(local.empty)}", null],
    ["try falls through a missing attribute", '${try(var.tags.owner, "none")}', "none"],
    ["coalesce", '${coalesce("", "x")}', "x"],
    [
      "concat, compact, distinct",
      '${distinct(compact(concat(var.names, ["c"])))}',
      ["a", "b", "c"],
    ],
    ["flatten", "${flatten([[1], [2, [3]]])}", [1, 2, 3]],
    ["merge", '${merge(var.tags, { env = "prod" })}', { team: "iam", env: "prod" }],
    ["format", '${format("%s-%d", "a", 1)}', "a-1"],
    ["lookup with default", '${lookup(var.tags, "x", "d")}', "d"],
    ["element wraps", "${element(var.names, 5)}", "b"],
    [
      "for over a list with a filter",
      '${[for n in var.names : upper(n) if n != ""]}',
      ["A", "B", "A"],
    ],
    ["for into an object", '${{ for n in ["x"] : n => 1 }}', { x: 1 }],
    [
      "jsonencode of an object",
      '${jsonencode({ Effect = "Allow", Action = ["s3:*"] })}',
      '{"Effect":"Allow","Action":["s3:*"]}',
    ],
    ["heredoc", "${<<-EOT\n  a\n  b\n  EOT\n}", "a\nb\n"],
  ])("%s", (_, text, expected) => {
    expect(run(text)).toEqual(expected);
  });

  it("an unknown propagates and says why; a template keeps its known parts", () => {
    const whole = evaluate(parseStringValue("${var.role_arn}"), scope);
    expect(isUnknown(whole) && whole.reasons).toEqual(["var.role_arn has no default"]);
    const template = evaluate(parseStringValue("role=${var.role_arn} in ${var.region}"), scope);
    expect(printed(template)).toBe("role=${var.role_arn} in eu-west-1");
    const call = evaluate(parseStringValue('${join(",", [var.role_arn])}'), scope);
    expect(isUnknown(call) && call.text).toBe('join(",", [var.role_arn])');
    // Layout is not meaning: the same expression written differently is the same unknown.
    const spaced = evaluate(parseStringValue('${join( ",",[ var.role_arn ] )}'), scope);
    expect(isUnknown(spaced) && spaced.text).toBe('join(",", [var.role_arn])');
    const attribute = evaluate(parseStringValue("${aws_iam_role.this.arn}"), scope);
    expect(isUnknown(attribute) && attribute.reasons).toEqual(["known only after apply"]);
  });

  it("replace() with a regular expression is an unknown saying why, never a backtracking run", () => {
    const literal = evaluate(parseStringValue('${replace("a-b-c", "-", "_")}'), scope);
    expect(literal).toBe("a_b_c");
    const hostile = `\${replace("${"a".repeat(40)}!", "/^(a+)+$/", "x")}`;
    const v = evaluate(parseStringValue(hostile), scope);
    expect(isUnknown(v) && v.reasons[0]).toMatch(/regular expression is not evaluated/);
  });

  it.each([
    ["try()", '${try(replace("arn:aws:iam::1:role/ci", "/ci$/", "cx"), "arn:aws:iam::1:role/ci")}'],
    ["can()", '${can(replace("ci", "/ci$/", "cx")) ? "a" : "b"}'],
  ])(
    "a regular-expression replace() is not swallowed by %s: the whole value is unknown",
    (_, src) => {
      const v = evaluate(parseStringValue(src), scope);
      expect(isUnknown(v) && v.reasons.join()).toMatch(/regular expression is not evaluated/);
    },
  );

  it.each([
    ['${format("%5s", "x")}', "    x"],
    ['${format("%-5s|", "x")}', "x    |"],
    ['${format("%.2s", "abc")}', "ab"],
    ['${format("%05d", -42)}', "-0042"],
    ['${format("%.2f", 3.14159)}', "3.14"],
    ['${format("%4d|%%|%s", 7, "a")}', "   7|%|a"],
    ['${length(format("%200s", "x")) > 100 ? "wide" : "narrow"}', "wide"],
  ])("format() applies widths and precisions: %s", (source, expected) => {
    expect(evaluate(parseStringValue(source), scope)).toBe(expected);
  });

  it.each([
    ['${length(format("%020000000s", "x")) > 100 ? "a" : "b"}', /too large to evaluate/],
    ['${length(format("%-20000000s", "x")) > 100 ? "a" : "b"}', /too large to evaluate/],
    ['${format("%x", 255)}', /format verb %x is not evaluated/],
    ['${format("%.2q", "abc")}', /format verb %.2q is not evaluated/],
    ['${format("%05s", "x")}', /format verb %05s is not evaluated/],
    ['${format("%[1]s", "a")}', /is not evaluated/],
  ])("format() it cannot build or does not reproduce is unknown: %s", (source, why) => {
    const v = withWorkBudget(() => evaluate(parseStringValue(source), scope));
    expect(isUnknown(v) && v.reasons.join()).toMatch(why);
  });

  it("an unknown inside jsonencode is written as the expression, for the policy reader", () => {
    expect(run("${jsonencode({ Resource = [var.role_arn] })}")).toBe(
      '{"Resource":["${var.role_arn}"]}',
    );
  });

  it("an error nothing catches is an unknown naming it, never a throw", () => {
    const v = evaluate(parseStringValue("${var.names[9]}"), scope);
    expect(isUnknown(v) && v.reasons[0]).toMatch(/out of range/);
    expect(isUnknown(evaluate(parseStringValue("${nosuchfn(1)}"), scope))).toBe(true);
  });

  it("evaluates JSON as hcl2json gives it: every string a template", () => {
    expect(toJson(evaluateJson({ a: ["${var.region}", 1], b: "$${x}" }, scope))).toEqual({
      a: ["eu-west-1", 1],
      b: "${x}",
    });
  });

  it("reports a syntax error with where", () => {
    expect(() => parseExpression("a +")).toThrow(/unexpected end/);
  });
});

describe("the work budget", () => {
  it("makes a value too large to evaluate unknown, and says why, without building it", () => {
    const expr = parseStringValue(
      '${[for x in range(1000) : [for y in range(1000) : [for z in range(1000) : "${x}${y}${z}"]]]}',
    );
    const value = withWorkBudget(() => evaluate(expr, scope));
    const unknowns = isUnknown(value) ? [value] : [];
    expect(unknowns.flatMap((u) => u.reasons).join()).toMatch(/too large to evaluate/);
  });

  it("stays spent: what is evaluated after it ran out is unknown too", () => {
    const big = parseStringValue("${range(2000)}");
    const small = parseStringValue("${range(3)}");
    const limits = { elements: 1000, bytes: 1000, calls: 100 };
    const [a, b] = withWorkBudget(() => [evaluate(big, scope), evaluate(small, scope)], limits);
    expect(isUnknown(a) && isUnknown(b)).toBe(true);
    // A fresh budget evaluates it again.
    expect(withWorkBudget(() => evaluate(small, scope), limits)).toEqual([0, 1, 2]);
  });

  it("is not caught by try(): the value is unknown, not the fallback", () => {
    const expr = parseStringValue('${try(length(range(5000)), "fallback")}');
    const value = withWorkBudget(() => evaluate(expr, scope), {
      elements: 1000,
      bytes: 1000,
      calls: 100,
    });
    expect(isUnknown(value)).toBe(true);
  });

  it.each([
    ["a join whose separator repeats", "${join(local.prefix, range(900))}"],
    [
      "a replace that inserts between every character",
      '${replace(local.prefix, "", local.prefix)}',
    ],
  ])("counts text before building it: %s", (_, source) => {
    const value = withWorkBudget(() => evaluate(parseStringValue(source), scope), {
      elements: 10_000,
      // The prefix is 23 characters: 24 copies of it inserted are past 500.
      bytes: 500,
      calls: 100,
    });
    expect(isUnknown(value)).toBe(true);
  });

  it("refuses a range that never ends instead of looping", () => {
    const value = evaluate(parseStringValue("${range(5, 0, 0)}"), scope);
    expect(isUnknown(value)).toBe(true);
  });
});

// From a red team: each of these made a trust policy evaluate to another value than the one
// Terraform applies, so that a pull request narrowing a role's trust read as changing nothing.
// Each is now Terraform's value, or unknown (the gate fails closed on unknown), never a guess.
describe("values Terraform computes otherwise", () => {
  const value = (text: string) => evaluateJson(text, scope);
  const unknown = (text: string) => expect(isUnknown(value(text)), text).toBe(true);

  it("decodes \\u and \\U escapes in strings inside expressions, as HCL does", () => {
    expect(toJson(value('${{ A = "x", u0041 = "y" }["\\u0041"]}'))).toBe("x");
    expect(toJson(value('${"job-runne\\u0072 \\U0001F600"}'))).toBe("job-runner \u{1F600}");
    unknown('${"a\\qb"}');
    unknown('${"\\ud800"}');
  });

  it("orders a set of strings by code point, as Terraform does", () => {
    expect(toJson(value('${tolist(toset(["b", "a", "b", "\\u00e9", "z"]))}'))).toEqual([
      "a",
      "b",
      "z",
      "\u00e9",
    ]);
    expect(toJson(value('${sort(["\\U0001F600", "\\uFF61", "b"])}'))).toEqual([
      "b",
      "\uff61",
      "\u{1F600}",
    ]);
    unknown('${tolist(toset([1, "a"]))}');
  });

  it("does not read strip markers, Unicode text that normalising changes, or odd heredoc lines", () => {
    unknown('${element(split(" ", "${""~} a b"), 1)}');
    unknown('${"${~ "a"}"}');
    unknown('${"e\\u0301"}');
    unknown(`\${trimspace(<<EOT\na\u2028EOT\u2028b\nEOT\n)}`);
    expect(toJson(value("${trimspace(<<EOT\n  a\nEOT\n)}"))).toBe("a");
  });

  it("trims Go's white space, and leaves unknown what it would count or case otherwise", () => {
    expect(toJson(value('${trimspace("\\uFEFFx\\u0085")}'))).toBe("\ufeffx");
    unknown('${upper("stra\\u00dfe")}');
    unknown('${length("\\u00e9")}');
    unknown('${substr("\\u00e9t\\u00e9", 0, 1)}');
    expect(toJson(value('${upper("abc")}'))).toBe("ABC");
    expect(toJson(value('${length("abc")}'))).toBe(3);
  });

  it("converts only what Terraform converts", () => {
    expect(toJson(value('${tobool("true")}'))).toBe(true);
    unknown('${tobool("1")}');
    expect(toJson(value('${tonumber("1.5")}'))).toBe(1.5);
    unknown('${tonumber("0x10")}');
  });
});
