// biome-ignore-all lint/suspicious/noTemplateCurlyInString: HCL templates are what these tests are about
import { describe, expect, it } from "vitest";
import type { ResourceChange } from "../src/core/classify/evidence.js";
import { classifyTerraformModule } from "../src/core/classify/terraform-module-changes.js";
import { type Files, moduleFiles } from "./module-files.js";

const files = moduleFiles;

async function classify(base: Files, head: Files): Promise<ResourceChange[]> {
  return classifyTerraformModule(await files(base), await files(head));
}

const classes = (changes: readonly ResourceChange[]) =>
  Object.fromEntries(changes.map((c) => [c.address, c.classes]));
const details = (changes: readonly ResourceChange[], address: string) =>
  changes.find((c) => c.address === address)?.evidence.map((e) => e.detail) ?? [];

const role = (trust: string, extra = "") => `
resource "aws_iam_role" "this" {
  name               = "app"
  assume_role_policy = ${trust}
  ${extra}
}
`;

const trustDocument = (principal: string, condition = "") => `
data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["${principal}"]
    }
    ${condition}
  }
}
`;

const OIDC = "arn:aws:iam::111111111111:oidc-provider/oidc.example.com";
const SUB = `condition {
      test     = "StringEquals"
      variable = "oidc.example.com:sub"
      values   = ["system:serviceaccount:ns:sa"]
    }`;

describe("a Terraform module folder, evaluated across its files", () => {
  it.each([
    ["directly", "data.aws_iam_policy_document.trust.json", ""],
    [
      "through a local",
      "local.trust",
      "locals { trust = data.aws_iam_policy_document.trust.json }",
    ],
    ["by the legacy splat in join()", 'join("", data.aws_iam_policy_document.trust.*.json)', ""],
    ["by index", "data.aws_iam_policy_document.trust[0].json", ""],
    ["through one()", "one(data.aws_iam_policy_document.trust[*].json)", ""],
  ])("reads a trust policy in another file reached %s", async (_, reference, extra) => {
    const counted = reference.includes("[0]");
    const doc = (c: string) =>
      counted
        ? trustDocument(OIDC, c).replace("statement {", "count = 1\n  statement {")
        : trustDocument(OIDC, c);
    const changes = await classify(
      { "main.tf": role(reference) + extra, "policy.tf": doc("") },
      { "main.tf": role(reference) + extra, "policy.tf": doc(SUB) },
    );
    expect(classes(changes)).toEqual({ "aws_iam_role.this": ["trust-narrowed"] });
    const [evidence] = changes[0]?.evidence ?? [];
    expect(evidence?.detail).toBe(
      `trusts Federated ${OIDC} only under more conditions now: StringEquals oidc.example.com:sub system:serviceaccount:ns:sa`,
    );
    expect(evidence?.file).toBe("policy.tf");
  });

  it("a condition removed widens, and the new grant names its conditions", async () => {
    const changes = await classify(
      { "main.tf": role("data.aws_iam_policy_document.trust.json") + trustDocument(OIDC, SUB) },
      {
        "main.tf":
          role("data.aws_iam_policy_document.trust.json") +
          trustDocument(`${OIDC}-2`, SUB).replace("trust", "trust"),
      },
    );
    expect(classes(changes)).toEqual({ "aws_iam_role.this": ["trust-narrowed", "trust-widened"] });
    expect(details(changes, "aws_iam_role.this")).toContain(
      `now trusts Federated ${OIDC}-2 (sts:AssumeRoleWithWebIdentity) when StringEquals oidc.example.com:sub system:serviceaccount:ns:sa`,
    );
  });

  it("dynamic statements with for_each over a local, and jsonencode", async () => {
    const policy = (actions: string) => `
locals { actions = ${actions} }
data "aws_iam_policy_document" "p" {
  dynamic "statement" {
    for_each = local.actions
    iterator = a
    content {
      actions   = [a.value]
      resources = ["*"]
    }
  }
}
resource "aws_iam_policy" "p" {
  name   = "p"
  policy = data.aws_iam_policy_document.p.json
}
resource "aws_iam_policy" "q" {
  name   = "q"
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = local.actions, Resource = "*" }] })
}
`;
    const changes = await classify(
      { "main.tf": policy('["s3:GetObject", "s3:PutObject"]') },
      { "main.tf": policy('["s3:GetObject"]') },
    );
    expect(classes(changes)).toEqual({
      "aws_iam_policy.p": ["permissions-removed"],
      "aws_iam_policy.q": ["permissions-removed"],
    });
    expect(details(changes, "aws_iam_policy.p")).toEqual([
      "policy aws_iam_policy.p: no longer allows s3:PutObject on *",
    ]);
  });

  it("source_policy_documents and override_policy_documents merge by sid", async () => {
    const doc = (action: string) => `
data "aws_iam_policy_document" "base" {
  statement {
    sid       = "Read"
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
}
data "aws_iam_policy_document" "override" {
  statement {
    sid       = "Read"
    actions   = ["${action}"]
    resources = ["*"]
  }
}
data "aws_iam_policy_document" "merged" {
  source_policy_documents   = [data.aws_iam_policy_document.base.json]
  override_policy_documents = [data.aws_iam_policy_document.override.json]
}
resource "aws_iam_policy" "p" {
  name   = "p"
  policy = data.aws_iam_policy_document.merged.json
}
`;
    const changes = await classify(
      { "a.tf": doc("s3:GetObject") },
      { "a.tf": doc("s3:ListBucket") },
    );
    expect(details(changes, "aws_iam_policy.p")).toEqual([
      "policy aws_iam_policy.p: no longer allows s3:GetObject on *",
      "policy aws_iam_policy.p: now allows s3:ListBucket on *",
    ]);
  });

  it("count = 0 does not exist; a flag that is off is read turned on, and says so", async () => {
    const module = (action: string, count: string) => `
variable "attach" {
  type    = bool
  default = false
}
data "aws_iam_policy_document" "p" {
  count = var.attach ? 1 : 0
  statement {
    actions   = ["${action}"]
    resources = ["*"]
  }
}
resource "aws_iam_policy" "p" {
  count  = var.attach ? 1 : 0
  name   = "p"
  policy = data.aws_iam_policy_document.p[0].json
}
resource "aws_iam_policy" "never" {
  count  = ${count}
  name   = "never"
  policy = data.aws_iam_policy_document.p[0].json
}
`;
    const changes = await classify(
      { "main.tf": module("s3:GetObject", "0") },
      { "main.tf": module("s3:PutObject", "0") },
    );
    expect(classes(changes)).toEqual({
      "aws_iam_policy.p": ["permissions-removed", "permissions-added"],
    });
    expect(details(changes, "aws_iam_policy.p")[0]).toBe(
      "policy aws_iam_policy.p: no longer allows s3:GetObject on * (when var.attach = true)",
    );
  });

  it("a document that depends on a variable without a default is unknown, naming it", async () => {
    const module = (extra: string) => `
variable "bucket_arn" { type = string }
resource "aws_iam_policy" "p" {
  name   = "p"
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = ${extra} }] })
}
`;
    const changes = await classify(
      { "main.tf": module('"*"') },
      { "main.tf": module("var.bucket_arn") },
    );
    expect(classes(changes)["aws_iam_policy.p"]).toContain("unknown");
    expect(details(changes, "aws_iam_policy.p").join("\n")).toMatch(
      /depends on var\.bucket_arn, not known before apply/,
    );
  });

  it("an attachment moved between roles: removed from one, added to the other, no deletion", async () => {
    const module = (to: string) => `
resource "aws_iam_role" "a" {
  name               = "a"
  assume_role_policy = "{}"
}
resource "aws_iam_role" "b" {
  name               = "b"
  assume_role_policy = "{}"
}
resource "aws_iam_policy" "extra" {
  name   = "extra"
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "ec2:RunInstances", Resource = "*" }] })
}
resource "aws_iam_role_policy_attachment" "extra" {
  role       = aws_iam_role.${to}.name
  policy_arn = aws_iam_policy.extra.arn
}
resource "aws_iam_role_policy_attachment" "managed" {
  role       = aws_iam_role.a.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
`;
    const changes = await classify({ "main.tf": module("a") }, { "main.tf": module("b") });
    expect(classes(changes)).toEqual({
      "aws_iam_role.a": ["permissions-removed"],
      "aws_iam_role.b": ["permissions-added"],
    });
    expect(details(changes, "aws_iam_role.a")).toEqual([
      "no longer has policy aws_iam_policy.extra (aws_iam_role_policy_attachment.extra) attached",
      "policy aws_iam_policy.extra (aws_iam_role_policy_attachment.extra): no longer allows ec2:RunInstances on *",
    ]);
  });

  it("a permissions document with principals is never read as a trust policy", async () => {
    const module = (action: string) => `
data "aws_iam_policy_document" "p" {
  statement {
    actions   = ["${action}"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111111111111:root"]
    }
  }
}
resource "aws_iam_policy" "p" {
  name   = "p"
  policy = data.aws_iam_policy_document.p.json
}
`;
    const changes = await classify(
      { "main.tf": module("sqs:SendMessage") },
      { "main.tf": module("sqs:*") },
    );
    expect(classes(changes)).toEqual({ "aws_iam_policy.p": ["permissions-added"] });
  });

  it("a document no role assumes through, with principals (a bucket policy), is read for what it allows", async () => {
    const module = (action: string) => `
data "aws_iam_policy_document" "bucket" {
  statement {
    actions   = ["${action}"]
    resources = ["arn:aws:s3:::b/*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111111111111:root"]
    }
  }
}
resource "aws_s3_bucket_policy" "b" {
  bucket = "b"
  policy = data.aws_iam_policy_document.bucket.json
}
`;
    const changes = await classify(
      { "main.tf": module("s3:GetObject") },
      { "main.tf": module("s3:PutObject") },
    );
    expect(classes(changes)).toEqual({
      "data.aws_iam_policy_document.bucket": ["permissions-removed", "permissions-added"],
    });
  });

  it.each([
    [
      "an OIDC provider's url",
      "aws_iam_openid_connect_provider",
      'url = "https://a.example.com"',
      'url = "https://b.example.com"',
      ["replaced"],
    ],
    [
      "a role's name_prefix",
      "aws_iam_role",
      'name = "x"\n assume_role_policy = "{}"',
      'name_prefix = "x-"\n assume_role_policy = "{}"',
      ["replaced"],
    ],
    ["a user's name (updated in place)", "aws_iam_user", 'name = "a"', 'name = "b"', ["modified"]],
    [
      "a role's path unset to its default",
      "aws_iam_role",
      'name = "x"\n assume_role_policy = "{}"',
      'name = "x"\n path = "/"\n assume_role_policy = "{}"',
      undefined,
    ],
  ])("%s", async (_, type, before, after, expected) => {
    const block = (body: string) => `resource "${type}" "r" {\n ${body}\n}\n`;
    const changes = await classify({ "main.tf": block(before) }, { "main.tf": block(after) });
    expect(classes(changes)[`${type}.r`]).toEqual(expected);
  });

  it("for_each roles are compared instance by instance", async () => {
    const module = (b: string) => `
variable "roles" {
  default = {
    a = "arn:aws:iam::111111111111:role/a"
    b = "${b}"
  }
}
resource "aws_iam_role" "r" {
  for_each           = var.roles
  name               = each.key
  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = each.value } }] })
}
resource "aws_iam_role_policy_attachment" "r" {
  for_each   = var.roles
  role       = aws_iam_role.r[each.key].name
  policy_arn = "arn:aws:iam::aws:policy/\${each.key}"
}
`;
    const changes = await classify(
      { "main.tf": module("arn:aws:iam::111111111111:role/b") },
      { "main.tf": module("arn:aws:iam::222222222222:role/b") },
    );
    expect(classes(changes)).toEqual({
      'aws_iam_role.r["b"]': ["trust-narrowed", "trust-widened"],
    });
  });

  it("an input with a default that a document comes to use: what callers who set it see", async () => {
    const module = (actions: string) => `
variable "actions" {
  type    = list(string)
  default = ["sts:AssumeRole"]
}
data "aws_iam_policy_document" "trust" {
  statement {
    actions = ${actions}
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111111111111:root"]
    }
  }
}
${role("data.aws_iam_policy_document.trust.json")}
`;
    const changes = await classify(
      { "main.tf": module('["sts:AssumeRole"]') },
      { "main.tf": module("var.actions") },
    );
    // With the default the trust is the same: existing callers see no change. What replaces
    // the literal grant for a caller that sets the input is told, and the role is modified.
    expect(classes(changes)).toEqual({ "aws_iam_role.this": ["modified"] });
    expect(details(changes, "aws_iam_role.this")[0]).toBe(
      "no change for the module's existing callers; it changes only for callers that opt in:",
    );
    expect(details(changes, "aws_iam_role.this").at(-1)).toBe(
      "now depends on var.actions, not known before apply (when callers set inputs that have defaults (var.actions))",
    );
  });

  it("inline_policy blocks, written out or dynamic, are the role's permissions", async () => {
    const module = (effect: string) => `
variable "deny_logs" {
  default = true
}
resource "aws_iam_role" "this" {
  name               = "app"
  assume_role_policy = "{}"
  dynamic "inline_policy" {
    for_each = var.deny_logs ? [1] : []
    content {
      name   = "logs"
      policy = jsonencode({ Statement = [{ Effect = "${effect}", Action = ["logs:CreateLogGroup"], Resource = "*" }] })
    }
  }
}
`;
    const changes = await classify({ "main.tf": module("Deny") }, { "main.tf": module("Allow") });
    expect(details(changes, "aws_iam_role.this")).toEqual([
      "inline_policy logs of aws_iam_role.this: now allows logs:CreateLogGroup on *",
      "inline_policy logs of aws_iam_role.this: no longer denies logs:CreateLogGroup on *",
    ]);
  });

  it("file() and templatefile() read the folder's other files", async () => {
    const tf = `
resource "aws_iam_role" "this" {
  name               = "app"
  assume_role_policy = file("\${path.module}/trust.json")
}
resource "aws_iam_role_policy" "this" {
  role   = aws_iam_role.this.name
  policy = templatefile("\${path.module}/policy.json.tpl", { bucket = "landing" })
}
`;
    const trust = (principal: string) =>
      JSON.stringify({
        Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { AWS: principal } }],
      });
    const policy = (action: string) =>
      `{"Statement":[{"Effect":"Allow","Action":"${action}","Resource":"arn:aws:s3:::\${bucket}/*"}]}`;
    const files_ = await files({ "mod/main.tf": tf });
    const changes = classifyTerraformModule(files_, files_, {
      base: new Map([
        ["mod/trust.json", trust("arn:aws:iam::111111111111:role/a")],
        ["mod/policy.json.tpl", policy("s3:GetObject")],
      ]),
      head: new Map([
        ["mod/trust.json", trust("arn:aws:iam::111111111111:role/b")],
        ["mod/policy.json.tpl", policy("s3:PutObject")],
      ]),
    });
    expect(details(changes, "aws_iam_role.this")).toEqual([
      "no longer trusts AWS arn:aws:iam::111111111111:role/a (sts:AssumeRole)",
      "now trusts AWS arn:aws:iam::111111111111:role/b (sts:AssumeRole)",
      "inline policy aws_iam_role_policy.this: no longer allows s3:GetObject on arn:aws:s3:::landing/*",
      "inline policy aws_iam_role_policy.this: now allows s3:PutObject on arn:aws:s3:::landing/*",
    ]);
  });

  it("a moved block: the same role at a new address is renamed, not deleted and added", async () => {
    const changes = await classify(
      { "main.tf": role('"{}"').replace('"this"', '"old"') },
      {
        "main.tf": `${role('"{}"').replace('"this"', '"new"')}\nmoved {\n  from = aws_iam_role.old\n  to   = aws_iam_role.new\n}\n`,
      },
    );
    expect(changes.map((c) => [c.address, c.previousAddress, c.classes])).toEqual([
      ["aws_iam_role.new", "aws_iam_role.old", ["renamed"]],
    ]);
  });

  it("a role that goes is deleted; other resources keep per-block classes", async () => {
    const changes = await classify(
      {
        "main.tf": `${role('"{}"')}\nresource "aws_s3_bucket" "b" {\n bucket = "x"\n}\n`,
      },
      { "main.tf": `resource "aws_s3_bucket" "b" {\n bucket = "y"\n}\n` },
    );
    expect(classes(changes)).toEqual({
      "aws_iam_role.this": ["deleted"],
      "aws_s3_bucket.b": ["modified"],
    });
  });

  it("an empty-by-default input given values shows what only callers that set it see", async () => {
    const module = (perUrl: boolean) => `
variable "urls" {
  type    = list(string)
  default = []
}
data "aws_iam_policy_document" "trust" {
  ${
    perUrl
      ? `dynamic "statement" {
    for_each = var.urls
    content {
      actions = ["sts:AssumeRoleWithWebIdentity"]
      principals {
        type        = "Federated"
        identifiers = ["arn:aws:iam::1:oidc-provider/\${statement.value}"]
      }
      condition {
        test     = "StringEquals"
        variable = "\${statement.value}:sub"
        values   = ["sa"]
      }
    }
  }`
      : `statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [for u in var.urls : "arn:aws:iam::1:oidc-provider/\${u}"]
    }
    dynamic "condition" {
      for_each = var.urls
      content {
        test     = "StringEquals"
        variable = "\${condition.value}:sub"
        values   = ["sa"]
      }
    }
  }`
  }
}
${role("data.aws_iam_policy_document.trust.json")}
`;
    const changes = await classify({ "main.tf": module(false) }, { "main.tf": module(true) });
    expect(classes(changes)).toEqual({ "aws_iam_role.this": ["trust-widened"] });
    expect(details(changes, "aws_iam_role.this")[0]).toMatch(
      /^trusts Federated arn:aws:iam::1:oidc-provider\/<var\.urls\[0\]> without the conditions: StringEquals <var\.urls\[1\]>:sub sa \(with values for inputs empty by default \(var\.urls\)\)$/,
    );
  });

  it("what changes only through an input the change adds is modified: existing callers do not set it", async () => {
    // terraform-aws-eks 0659a8d1cc's shape: a new flag moves the policy inline.
    const module = (withFlag: boolean) => `
${withFlag ? 'variable "inline" {\n  type    = bool\n  default = false\n}' : ""}
resource "aws_iam_role" "this" {
  name               = "app"
  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })
}
resource "aws_iam_policy" "p" {
  count  = ${withFlag ? "var.inline ? 0 : 1" : "1"}
  name   = "p"
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }] })
}
resource "aws_iam_role_policy_attachment" "p" {
  count      = ${withFlag ? "var.inline ? 0 : 1" : "1"}
  role       = aws_iam_role.this.name
  policy_arn = aws_iam_policy.p[0].arn
}
`;
    const changes = await classify({ "main.tf": module(false) }, { "main.tf": module(true) });
    expect(classes(changes)).toEqual({
      "aws_iam_policy.p": ["modified"],
      "aws_iam_role.this": ["modified"],
    });
    expect(details(changes, "aws_iam_role.this")[0]).toBe(
      "no change for the module's existing callers; it changes only for callers that opt in:",
    );
    expect(details(changes, "aws_iam_role.this").join("\n")).toContain("when var.inline = true");
  });

  it("a document that starts to use a local nobody declares is unknown, saying so", async () => {
    const module = (arn: string) => `
resource "aws_iam_role" "r" {
  name               = "r"
  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "${arn}" } }] })
}
`;
    const changes = await classify(
      { "main.tf": module("arn:aws:iam::1:role/a") },
      { "main.tf": module("arn:${local.partition}:iam::1:role/a") },
    );
    expect(classes(changes)["aws_iam_role.r"]).toContain("unknown");
    expect(details(changes, "aws_iam_role.r").join("\n")).toContain(
      "uses local.partition, which no file of this module declares",
    );
  });

  it("a principal the base could not evaluate (an undeclared input) going away is unknown, not narrowed", async () => {
    const module = (principal: string, condition: string) => `
resource "aws_iam_role" "r" {
  name               = "r"
  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "${principal}" }${condition} }] })
}
`;
    const changes = await classify(
      { "main.tf": module("arn:aws:iam::1:role${var.role_name}", "") },
      {
        "main.tf": module(
          "*",
          ', Condition = { ArnLike = { "aws:PrincipalArn" = "arn:aws:iam::1:role/r" } }',
        ),
      },
    );
    expect(classes(changes)["aws_iam_role.r"]).toEqual(["unknown", "trust-widened"]);
    expect(details(changes, "aws_iam_role.r").join("\n")).toContain(
      "the trust it had named var.role_name, which no file of this module declared",
    );
  });

  it("a principal moving from one plan-time value to another is unknown, not narrowed", async () => {
    // terraform-aws-eks 0b0ca660's shape: ec2.<partition's dns suffix> becomes the service
    // principal data source: likely the same value, known only at plan.
    const module = (service: string) => `
data "aws_partition" "current" {}
data "aws_service_principal" "ec2" {
  service_name = "ec2"
}
resource "aws_iam_role" "node" {
  name               = "node"
  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = ${service} } }] })
}
`;
    const changes = await classify(
      { "main.tf": module('"ec2.${data.aws_partition.current.dns_suffix}"') },
      { "main.tf": module("data.aws_service_principal.ec2.name") },
    );
    expect(classes(changes)).toEqual({ "aws_iam_role.node": ["unknown"] });
  });

  it("a condition value moving from one plan-time value to another is unknown, not removed and added", async () => {
    // terraform-aws-iam 673fb44's shape: iam:AWSServiceName from a template to a data source.
    const module = (value: string) => `
data "aws_partition" "current" {}
data "aws_service_principal" "lattice" {
  service_name = "vpc-lattice"
}
resource "aws_iam_policy" "p" {
  name   = "p"
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "iam:CreateServiceLinkedRole", Resource = "*", Condition = { StringEquals = { "iam:AWSServiceName" = ${value} } } }] })
}
`;
    const changes = await classify(
      { "main.tf": module('"vpc-lattice.${data.aws_partition.current.dns_suffix}"') },
      { "main.tf": module("data.aws_service_principal.lattice.name") },
    );
    expect(classes(changes)).toEqual({ "aws_iam_policy.p": ["unknown"] });
  });
});

describe("module calls", () => {
  const TRUST = `jsonencode({ Version = "2012-10-17", Statement = [] })`;
  const call = (body: string) => `module "m" {\n  source = "./m"\n${body}}\n`;

  it.each([
    ["an input added", call(""), call('  n = "r2"\n'), "changed"],
    ["its source changed", call(""), call("").replace("./m", "./m2"), "changed"],
    ["its count changed", call("  count = 1\n"), call("  count = 2\n"), "changed"],
    ["added", "", call(""), "added"],
    ["removed", call(""), "", "removed"],
    [
      "an input that changes only as evaluated",
      `locals {\n  pb = "a"\n}\n${call("  pb = local.pb\n")}`,
      `locals {\n  pb = "arn:aws:iam::aws:policy/AWSDenyAll"\n}\n${call("  pb = local.pb\n")}`,
      "changed",
    ],
  ])("%s: the call is unknown, saying why", async (_, base, head, what) => {
    const changes = await classify({ "main.tf": base }, { "main.tf": head });
    expect(classes(changes)["module.m"]).toEqual(["unknown"]);
    expect(details(changes, "module.m").join()).toContain(`module call ${what}`);
    expect(changes.find((c) => c.address === "module.m")?.evidence[0]?.file).toBe("main.tf");
  });

  it("a call as it was is no change", async () => {
    const changes = await classify(
      { "main.tf": call('  n = "r"\n') },
      { "main.tf": call('  n = "r"\n') },
    );
    expect(changes).toEqual([]);
  });

  it("an identity handed to a new call is unknown: the child may attach a deny to it", async () => {
    const base = role(TRUST);
    const head = `${base}module "att" {\n  source = "./att"\n  role = aws_iam_role.this.name\n}\n`;
    const changes = await classify({ "main.tf": base }, { "main.tf": head });
    expect(classes(changes)["aws_iam_role.this"]).toEqual(["unknown"]);
    expect(details(changes, "aws_iam_role.this").join()).toContain('handed to module "att"');
  });
});

describe("a policy moved to a new address (a moved block)", () => {
  // From the red team: its role read as one policy detached and another attached, where
  // Terraform plans no change to what the role may do.
  const policy = (name: string, actions: string) => `
resource "aws_iam_policy" "${name}" {
  name   = "loader"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = [${actions}], Resource = "*" }]
  })
}
`;
  const attach = (name: string) => `
resource "aws_iam_role_policy_attachment" "a" {
  role       = aws_iam_role.this.name
  policy_arn = aws_iam_policy.${name}.arn
}
`;
  const trusted = role(
    'jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })',
  );
  const moved = "\nmoved {\n  from = aws_iam_policy.old\n  to   = aws_iam_policy.new\n}\n";

  it("leaves its role as it was; a widening with the move is only permissions-added", async () => {
    const base = { "main.tf": trusted + policy("old", '"s3:GetObject"') + attach("old") };
    const same = await classify(base, {
      "main.tf": trusted + policy("new", '"s3:GetObject"') + attach("new") + moved,
    });
    expect(classes(same.filter((c) => c.through === undefined))).toEqual({
      "aws_iam_policy.new": ["renamed"],
    });
    const wider = await classify(base, {
      "main.tf":
        trusted + policy("new", '"s3:GetObject", "s3:DeleteObject"') + attach("new") + moved,
    });
    const role = wider.filter((c) => c.address === "aws_iam_role.this");
    expect(role.flatMap((c) => c.classes)).toEqual(["permissions-added"]);
  });
});
