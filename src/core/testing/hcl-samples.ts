// biome-ignore-all lint/suspicious/noTemplateCurlyInString: HCL templates are what these samples are
// Terraform written to cover what our HCL reader reads, each construct in the forms real modules
// use and a few they rarely do: the tests compare the reader with hcl2json on every one, and on
// random edits of them. Hand-written for this project.

export const HCL_SAMPLES: readonly string[] = [
  // Blocks, labels, nesting, single-line blocks, empty bodies.
  `resource "aws_iam_role" "runner" {
  name               = "job-runner"
  assume_role_policy = data.aws_iam_policy_document.trust.json
  tags = {
    team = "platform"
  }
  lifecycle { create_before_destroy = true }
}
resource "aws_iam_role" "other" {}
resource aws_iam_role bare {
}
locals {
  a = 1
}
locals {
  b = 2
}
terraform {
  backend "s3" {}
}
`,
  // Literals, numbers, unary operators on literals and on anything else.
  `n = 1
f = 1.5
e = 1e3
big = 1234567890123456e4
neg = -1
neg_float = - 2.5
not = !true
nested_neg = --1
not_var = !var.enabled
neg_var = -var.count
nothing = null
yes = true
no = false
zero = 0
leading = 007
`,
  // Templates: plain, interpolated, escapes kept as written, nested templates.
  `plain = "hello"
empty = ""
interp = "arn:aws:iam::\${var.account}:role/\${var.name}"
only = "\${var.x}"
only_number = "\${1}"
only_tuple = "\${[1, "a"]}"
only_string = "\${"a"}"
escaped = "$\${aws:username}"
escaped_mixed = "a$\${b}\${c}"
percent = "100%"
directive_escaped = "%%{x}"
backslashes = "a\\nb\\tc\\\\d\\"e\\u00e9\\U0001F600"
nested = "a\${"b\${c}"}d"
number_in = "n\${5}"
bool_in = "b\${true}"
dollar = "cost $5 and $ alone"
conditional_in = "x-\${var.on ? "a" : "b"}-y"
conditional_empty_else = "x-\${var.on ? "a" : ""}"
conditional_nested = "\${var.a}\${var.b ? (var.c ? "d" : "e") : var.f}"
spaced = "\${ var.x }"
`,
  // Heredocs: plain, flush, interpolated, blank and interpolation-first lines.
  `policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "\${aws_s3_bucket.b.arn}/*"}]
}
EOF
flush = <<-EOT
    first
      indented

    \${var.x} after
    last $\${kept}
  EOT
flush_interp_first = <<-EOT
  \${var.a}
    b
  EOT
flush_blank_only = <<-EOT

  EOT
in_call = trimspace(<<EOT
  spaced
EOT
)
empty_heredoc = <<EOT
EOT
`,
  // Expressions left as their source: traversals, splats, calls, operators, for, conditionals.
  `trav = var.a.b[0]["c"].d
legacy = aws_instance.web.0.id
splat = aws_instance.web[*].id
splat_chain = aws_instance.web[*].tags["Name"][0]
attr_splat = aws_instance.web.*.id
attr_splat_index = aws_instance.web.*.id[0]
index_expr = var.list[var.i]
index_neg = var.list[-1]
call = jsonencode({ a = 1, b = [var.x] })
call_expand = concat(var.a, var.b...)
call_trailing = merge(
  var.a,
  var.b,
)
provider_fn = provider::aws::arn_parse(var.arn)
binary = var.a + var.b * 2 - 1 / 3 % 4
compare = var.a >= 1 && var.b != "x" || !var.c
conditional = var.on ? "yes" : "no"
conditional_chain = var.a ? 1 : var.b ? 2 : 3
paren = (var.a + 1)
paren_literal = (1)
for_tuple = [for s in var.list : upper(s) if s != ""]
for_object = { for k, v in var.map : k => v... }
for_object_if = {for k, v in var.map : k => v if v != null}
type_like = string
type_call = map(list(string))
settings_like = settings.value
object_type = object({ a = string, b = optional(number, 1) })
`,
  // Tuples and objects: separators, keys of every kind, newlines, comments.
  `tuple = [1, "two", var.three, [4], { five = 5 }]
tuple_trailing = [
  "a",
  "b", # a comment
  // another
  "c",
]
object = {
  a = 1
  "b" = 2
  c : 3, d = 4
  e.f = 5
  (var.g) = 6
  "\${var.h}" = 7
  8 = "eight"
  true = "t"
  "x\${var.y}" = 9
  /* block
     comment */ i = 10
}
object_one_line = { a = 1, b = "c" }
object_empty = {}
tuple_empty = []
dup_keys = { a = 1, a = 2 }
`,
  // A block and an argument of the same name: the argument wins, as in hcl2json's map.
  `thing {
  a = 1
}
thing = "argument"
`,
  // jsonencode of an IAM document, dynamic blocks, nested blocks: as modules write them.
  `data "aws_iam_policy_document" "trust" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole", "sts:TagSession"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:acme/jobs:*"]
    }
  }
  dynamic "statement" {
    for_each = var.extra
    content {
      sid     = statement.key
      actions = statement.value.actions
    }
  }
}
resource "aws_iam_policy" "p" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObject"]
        Resource = "arn:aws:s3:::\${var.bucket}/*"
      },
    ]
  })
}
moved {
  from = aws_iam_policy.old
  to   = aws_iam_policy.p
}
`,
  // Unicode in strings, comments and labels; CRLF line ends; tabs.
  'greeting = "héllo wörld ✓"\r\n# комментарий\r\nresource "x" "ünïcode" {\r\n\tname = "tab\tinside"\r\n}\r\nh = <<EOT\r\nline one\r\n\tline two\r\nEOT\r\n',
  // Escapes that spell a template sequence: hcl2json writes every literal one escaped again,
  // and a block label as it reads.
  `a = "\\u0024{x} \\u0025{y}"
b = "$\\u007bx}"
c = { "\\u0024{k}" = ["\\u0024{v}"] }
d = "y\${z}\\u0024{x}"
e = "\${null}-\${true}-\${42}"
null = "the key null"
f = { null = 1 }
label "$\${x}" "%%{y}" {}
`,
  // Numbers that one rounding reads the same way as hcl2json's two.
  `a = 0.1
b = 1e-300
c = 12345678901234567
d = 9007199254740993
e = 1.7976931348623157e308
`,
  // The end of the text right after an expression, and comments at the end.
  "last = var.x",
  'a = "b" # trailing comment',
  "x = 1\n// end",
];

/** Texts hcl2json refuses: the reader must hand every one over, never answer. */
export const HCL_ERRORS: readonly string[] = [
  'a = "unterminated\n',
  "a = \n",
  "a = 1 b = 2\n",
  "a = 1, b = 2\n",
  "a = 1\na = 2\n",
  'resource "x" {\n',
  'resource "x" = {}\n',
  "a = foo(\n",
  "a = [1 2]\n",
  "a = { b = 1 c = 2 }\n",
  "a = b +\nc\n",
  "a = 'single'\n",
  "a = 1;\n",
  "a = <<EOT\nnever closed\n",
  'a = "\\q"\n',
  "a = -true\n",
  "a = !1\n",
  "a = 1.2.3\n",
  "a = x.0.1\n",
  "a = [for x in y : x => x]\n",
  "a = {for x in y : x}\n",
  'x "${label}" {}\n',
  "a { b = 1, c = 2 }\n",
  "a { b = 1\n}\n",
  "a = x.\n",
  "a = x[*\n]\n",
  'a = "${x"\n',
  "a = (1\n",
  "a = b ? c\n",
  "}\n",
  "a = 0e9223372036854775808\n",
];
