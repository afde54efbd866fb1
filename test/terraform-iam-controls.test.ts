// biome-ignore-all lint/suspicious/noTemplateCurlyInString: HCL templates are what these tests are about
// What a hostile pull request can do to an IAM identity without touching its own block: a Deny
// added, a deny-only managed policy, a boundary, an exclusive list that detaches, a trigger
// that replaces it, an expression too large to evaluate. Each is read as what it does on apply.
import { describe, expect, it } from "vitest";
import type { ResourceChange } from "../src/core/classify/evidence.js";
import { classifyTerraformModule } from "../src/core/classify/terraform-module-changes.js";
import { moduleFiles } from "./module-files.js";

const files = moduleFiles;

async function classify(base: string, head: string): Promise<ResourceChange[]> {
  return classifyTerraformModule(
    await files({ "main.tf": base }),
    await files({ "main.tf": head }),
  );
}

const of = (changes: readonly ResourceChange[], address: string) =>
  changes.find((c) => c.address === address);
/** Sorted by name: the order classes are listed in is the report's business, not this test's. */
const classesOf = (changes: readonly ResourceChange[], address: string) =>
  [...(of(changes, address)?.classes ?? [])].sort();
const detailsOf = (changes: readonly ResourceChange[], address: string) =>
  (of(changes, address)?.evidence ?? []).map((e) => e.detail).join("\n");

const TRUST = `jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "arn:aws:iam::111111111111:role/ci" } }] })`;
const ROLE = (extra = "") => `
resource "aws_iam_role" "r" {
  name               = "r"
  assume_role_policy = ${TRUST}
  ${extra}
}
`;
const doc = (effect: string, action = "*") =>
  `jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "${effect}", Action = "${action}", Resource = "*" }] })`;
const POLICY = `
resource "aws_iam_policy" "p" {
  name   = "p"
  policy = ${doc("Allow", "s3:*")}
}
resource "aws_iam_role_policy_attachment" "a" {
  role       = aws_iam_role.r.name
  policy_arn = aws_iam_policy.p.arn
}
`;
const INLINE = `
resource "aws_iam_role_policy" "i" {
  role   = aws_iam_role.r.id
  policy = ${doc("Allow", "s3:*")}
}
`;
const attach = (arn: string) => `
resource "aws_iam_role_policy_attachment" "d" {
  role       = aws_iam_role.r.name
  policy_arn = "${arn}"
}
`;

describe("a policy that comes or goes is judged by what it says", () => {
  it.each([
    ["an inline role policy", "aws_iam_role", "r", "aws_iam_role_policy", "role"],
    ["an inline user policy", "aws_iam_user", "u", "aws_iam_user_policy", "user"],
    ["an inline group policy", "aws_iam_group", "g", "aws_iam_group_policy", "group"],
  ])("%s that denies everything takes permissions away", async (_, type, name, glue, owner) => {
    const identity = `resource "${type}" "${name}" {\n  name = "${name}"\n}\n`;
    const deny = `resource "${glue}" "h" {\n  ${owner} = ${type}.${name}.name\n  policy = ${doc("Deny")}\n}\n`;
    const added = await classify(identity, identity + deny);
    expect(classesOf(added, `${type}.${name}`)).toEqual(["permissions-removed"]);
    expect(detailsOf(added, `${type}.${name}`)).toContain("now denies * on *");
    // Taken away again, what it denied is allowed again.
    const removed = await classify(identity + deny, identity);
    expect(classesOf(removed, `${type}.${name}`)).toEqual(["permissions-added"]);
  });

  it("an inline_policy block that denies is a removal; one that allows, an addition", async () => {
    const block = (effect: string) =>
      `inline_policy {\n    name = "x"\n    policy = ${doc(effect, "s3:GetObject")}\n  }`;
    expect(classesOf(await classify(ROLE(), ROLE(block("Deny"))), "aws_iam_role.r")).toEqual([
      "permissions-removed",
    ]);
    expect(classesOf(await classify(ROLE(), ROLE(block("Allow"))), "aws_iam_role.r")).toEqual([
      "permissions-added",
    ]);
  });

  it.each([
    "arn:aws:iam::aws:policy/AWSDenyAll",
    "arn:aws:iam::aws:policy/AWSCompromisedKeyQuarantineV2",
    "arn:aws-us-gov:iam::aws:policy/AWSCompromisedKeyQuarantineV3",
  ])("attaching %s, an AWS policy that only denies, removes permissions", async (arn) => {
    const added = await classify(ROLE(), ROLE() + attach(arn));
    expect(classesOf(added, "aws_iam_role.r")).toEqual(["permissions-removed"]);
    const removed = await classify(ROLE() + attach(arn), ROLE());
    expect(classesOf(removed, "aws_iam_role.r")).toEqual(["permissions-added"]);
  });

  it("a policy from outside the files could allow or deny: added, and unknown", async () => {
    const arn = "arn:aws:iam::111111111111:policy/SomethingElse";
    const added = await classify(ROLE(), ROLE() + attach(arn));
    expect(classesOf(added, "aws_iam_role.r")).toEqual(["permissions-added", "unknown"]);
    expect(detailsOf(added, "aws_iam_role.r")).toContain("policy outside these files");
    const removed = await classify(ROLE() + attach(arn), ROLE());
    expect(classesOf(removed, "aws_iam_role.r")).toEqual(["permissions-removed", "unknown"]);
  });

  it("a policy of the folder that allows and denies is both", async () => {
    const both = `jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "*" }, { Effect = "Deny", Action = "iam:*", Resource = "*" }] })`;
    const changes = await classify(
      ROLE(),
      `${ROLE()}resource "aws_iam_role_policy" "h" {\n  role = aws_iam_role.r.id\n  policy = ${both}\n}\n`,
    );
    expect(classesOf(changes, "aws_iam_role.r")).toEqual([
      "permissions-added",
      "permissions-removed",
    ]);
  });
});

describe("a permissions boundary caps what the identity may do", () => {
  const boundary = (arn: string) => `permissions_boundary = "${arn}"`;

  it("set: permissions removed; taken off: permissions added", async () => {
    const deny = boundary("arn:aws:iam::aws:policy/AWSDenyAll");
    const added = await classify(ROLE() + POLICY, ROLE(deny) + POLICY);
    expect(classesOf(added, "aws_iam_role.r")).toEqual(["permissions-removed"]);
    expect(detailsOf(added, "aws_iam_role.r")).not.toContain("permissions_boundary changes");
    const removed = await classify(ROLE(deny) + POLICY, ROLE() + POLICY);
    expect(classesOf(removed, "aws_iam_role.r")).toEqual(["permissions-added"]);
  });

  it("changed to one the files do not hold: it restricts, and whether it widens is unknown", async () => {
    const changes = await classify(
      ROLE(boundary("arn:aws:iam::111111111111:policy/a")),
      ROLE(boundary("arn:aws:iam::111111111111:policy/b")),
    );
    expect(classesOf(changes, "aws_iam_role.r")).toEqual(["permissions-removed", "unknown"]);
  });

  it("changed between two policies of the folder: their documents are compared", async () => {
    const policies = (action: string) => `
resource "aws_iam_policy" "b1" {
  name   = "b1"
  policy = ${doc("Allow", "s3:*")}
}
resource "aws_iam_policy" "b2" {
  name   = "b2"
  policy = ${doc("Allow", action)}
}
`;
    const changes = await classify(
      ROLE("permissions_boundary = aws_iam_policy.b1.arn") + policies("*"),
      ROLE("permissions_boundary = aws_iam_policy.b2.arn") + policies("*"),
    );
    expect(classesOf(changes, "aws_iam_role.r")).toEqual(["permissions-added"]);
  });
});

describe("exclusive lists detach what they do not name", () => {
  it.each([
    [
      "aws_iam_role_policy_attachments_exclusive with no ARNs",
      POLICY,
      `resource "aws_iam_role_policy_attachments_exclusive" "x" {\n  role_name = aws_iam_role.r.name\n  policy_arns = []\n}\n`,
      "",
    ],
    [
      "aws_iam_role_policies_exclusive with no names",
      INLINE,
      `resource "aws_iam_role_policies_exclusive" "x" {\n  role_name = aws_iam_role.r.name\n  policy_names = []\n}\n`,
      "",
    ],
    ["managed_policy_arns = [] on the role", POLICY, "", "managed_policy_arns = []"],
    ["an empty inline_policy block on the role", INLINE, "", "inline_policy {}"],
    [
      "aws_iam_policy_attachment of the policy to another role only",
      `${POLICY}resource "aws_iam_role" "other" {\n  name = "other"\n  assume_role_policy = ${TRUST}\n}\n`,
      `resource "aws_iam_policy_attachment" "x" {\n  name = "x"\n  policy_arn = aws_iam_policy.p.arn\n  roles = [aws_iam_role.other.name]\n}\n`,
      "",
    ],
  ])("%s: permissions removed", async (_, policies, exclusive, onRole) => {
    const changes = await classify(ROLE() + policies, ROLE(onRole) + policies + exclusive);
    expect(classesOf(changes, "aws_iam_role.r")).toEqual(["permissions-removed"]);
    expect(detailsOf(changes, "aws_iam_role.r")).toContain("no longer allows s3:* on *");
  });

  it("a list that names the policy keeps it", async () => {
    const changes = await classify(
      ROLE() + POLICY,
      `${ROLE()}${POLICY}resource "aws_iam_role_policy_attachments_exclusive" "x" {\n  role_name = aws_iam_role.r.name\n  policy_arns = [aws_iam_policy.p.arn]\n}\n`,
    );
    expect(of(changes, "aws_iam_role.r")).toBeUndefined();
  });

  it("a list the files do not know: which it detaches is unknown", async () => {
    const changes = await classify(
      ROLE() + POLICY,
      `${ROLE()}${POLICY}variable "keep" {}\nresource "aws_iam_role_policy_attachments_exclusive" "x" {\n  role_name = aws_iam_role.r.name\n  policy_arns = var.keep\n}\n`,
    );
    expect(classesOf(changes, "aws_iam_role.r")).toContain("unknown");
    expect(detailsOf(changes, "aws_iam_role.r")).toContain("is not known from the files");
  });
});

describe("exclusive lists attach what they list", () => {
  const list = (arns: string) =>
    `resource "aws_iam_role_policy_attachments_exclusive" "x" {\n  role_name = aws_iam_role.r.name\n  policy_arns = ${arns}\n}\n`;

  it("a known deny listed beside the kept policy removes permissions", async () => {
    const changes = await classify(
      ROLE() + POLICY,
      ROLE() + POLICY + list('["arn:aws:iam::aws:policy/AWSDenyAll", aws_iam_policy.p.arn]'),
    );
    expect(classesOf(changes, "aws_iam_role.r")).toContain("permissions-removed");
  });

  it("a customer policy outside the files is attached, and what it allows is unknown", async () => {
    const changes = await classify(ROLE(), ROLE() + list('["arn:aws:iam::111111111111:policy/x"]'));
    expect(classesOf(changes, "aws_iam_role.r")).toContain("unknown");
    expect(detailsOf(changes, "aws_iam_role.r")).toContain("policy/x");
  });

  it("a policy of the folder it lists is read: its document is what is added", async () => {
    const policy = `resource "aws_iam_policy" "q" {\n  name = "q"\n  policy = ${doc("Allow", "ec2:*")}\n}\n`;
    const changes = await classify(
      ROLE() + policy,
      ROLE() + policy + list("[aws_iam_policy.q.arn]"),
    );
    expect(classesOf(changes, "aws_iam_role.r")).toEqual(["permissions-added"]);
  });

  it("a list the files do not know, on a role with no policies, is unknown", async () => {
    const changes = await classify(ROLE(), `${ROLE()}variable "keep" {}\n${list("var.keep")}`);
    expect(classesOf(changes, "aws_iam_role.r")).toContain("unknown");
  });
});

describe("lifecycle.replace_triggered_by", () => {
  const trigger = "lifecycle {\n    replace_triggered_by = [terraform_data.x]\n  }";
  const data = (input: string) => `resource "terraform_data" "x" {\n  input = ${input}\n}\n`;

  it("a trigger on something that changes every apply replaces the role", async () => {
    const changes = await classify(ROLE(), ROLE(trigger) + data("timestamp()"));
    expect(classesOf(changes, "aws_iam_role.r")).toEqual(["replaced"]);
    expect(detailsOf(changes, "aws_iam_role.r")).toContain("changes on every apply");
  });

  it("what it names changing replaces the role; unchanged, nothing", async () => {
    const changed = await classify(ROLE(trigger) + data('"a"'), ROLE(trigger) + data('"b"'));
    expect(classesOf(changed, "aws_iam_role.r")).toEqual(["replaced"]);
    const same = await classify(ROLE(trigger) + data('"a"'), ROLE(trigger) + data('"a"'));
    expect(of(same, "aws_iam_role.r")).toBeUndefined();
  });
});

describe("lifecycle.replace_triggered_by, what it names changing indirectly", () => {
  const trigger = "lifecycle {\n    replace_triggered_by = [terraform_data.x]\n  }";
  const fed = (input: string) => `resource "terraform_data" "x" {\n  input = ${input}\n}\n`;

  it("a variable's default it is fed changes: replaced", async () => {
    const variable = (v: string) => `variable "v" {\n  default = "${v}"\n}\n`;
    const changes = await classify(
      ROLE(trigger) + fed("var.v") + variable("a"),
      ROLE(trigger) + fed("var.v") + variable("b"),
    );
    expect(classesOf(changes, "aws_iam_role.r")).toEqual(["replaced"]);
    const same = await classify(
      ROLE(trigger) + fed("var.v") + variable("a"),
      ROLE(trigger) + fed("var.v") + variable("a"),
    );
    expect(of(same, "aws_iam_role.r")).toBeUndefined();
  });

  it("fed by a module's output: unknown, whatever the caller's files say", async () => {
    const files = `${ROLE(trigger)}${fed("module.m.v")}module "m" {\n  source = "./m"\n}\n`;
    const changes = await classify(files, files);
    expect(classesOf(changes, "aws_iam_role.r")).toEqual(["unknown"]);
    expect(detailsOf(changes, "aws_iam_role.r")).toContain("fed by a module's output");
  });
});

describe("an expression too large to evaluate", () => {
  it("is unknown, and says so, instead of running for minutes", async () => {
    const head = `locals {
  a = range(1000)
  b = [for x in local.a : [for y in local.a : [for z in local.a : "\${x}\${y}\${z}"]]]
}
${ROLE().replace(TRUST, "jsonencode(local.b)")}`;
    const changes = await classify(ROLE(), head);
    expect(classesOf(changes, "aws_iam_role.r")).toEqual(["unknown"]);
    expect(detailsOf(changes, "aws_iam_role.r")).toContain("too large to evaluate");
  });
});

describe("exclusive lists, further", () => {
  it("a policy detached on both sides that changes is still told", async () => {
    const policy = (action: string) => POLICY.replace(doc("Allow", "s3:*"), doc("Allow", action));
    const changes = await classify(
      ROLE("managed_policy_arns = []") + policy("s3:GetObject"),
      ROLE("managed_policy_arns = []") + policy("s3:*"),
    );
    expect(classesOf(changes, "aws_iam_role.r")).toEqual(["permissions-added"]);
  });

  it("one for a role outside the folder is unknown: what it detaches is not here", async () => {
    const changes = await classify(
      `variable "role" {}\n`,
      `variable "role" {}\nresource "aws_iam_role_policy_attachments_exclusive" "x" {\n  role_name = var.role\n  policy_arns = []\n}\n`,
    );
    expect(classesOf(changes, "aws_iam_role_policy_attachments_exclusive.x")).toEqual([
      "added",
      "unknown",
    ]);
  });
});

describe("replace_triggered_by on other resources", () => {
  it("a new trigger on a bucket replaces it", async () => {
    const bucket = (lifecycle: string) =>
      `resource "aws_s3_bucket" "b" {\n  bucket = "b"\n  ${lifecycle}\n}\nresource "terraform_data" "x" {\n  input = "a"\n}\n`;
    const changes = await classify(
      bucket(""),
      bucket("lifecycle {\n    replace_triggered_by = [terraform_data.x]\n  }"),
    );
    expect(classesOf(changes, "aws_s3_bucket.b")).toEqual(["replaced"]);
  });
});

describe("a folder past the evaluation budget", () => {
  it("makes every identity unknown: what it hides on both sides alike is not a quiet no-change", async () => {
    const folder = (principal: string) => `locals {
  a = range(1000)
  b = [for x in local.a : [for y in local.a : [for z in local.a : "\${x}\${y}\${z}"]]]
  t = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "${principal}" } }] })
}
resource "aws_iam_role" "big" {
  name               = "big"
  assume_role_policy = jsonencode(local.b)
}
resource "aws_iam_role" "r" {
  name               = "r"
  assume_role_policy = local.t
}
`;
    const changes = await classify(
      folder("arn:aws:iam::111111111111:role/ci"),
      folder("arn:aws:iam::111111111111:root"),
    );
    expect(classesOf(changes, "aws_iam_role.r")).toContain("unknown");
  });
});

describe("a folder too large to evaluate, with many flags", () => {
  it("is read once, not once per flag (thirty flags took a minute)", async () => {
    const flags = Array.from(
      { length: 30 },
      (_, i) => `variable "f${i}" {\n  default = false\n}\n`,
    ).join("");
    const head = `${flags}locals {
  a = range(1000)
  b = [for x in local.a : [for y in local.a : [for z in local.a : "\${x}\${y}\${z}"]]]
}
${ROLE().replace(TRUST, "jsonencode(local.b)")}`;
    const changes = await classify(flags + ROLE(), head);
    expect(classesOf(changes, "aws_iam_role.r")).toEqual(["unknown"]);
  });
});

describe("an exclusive list and an attachment whose ARN is an input", () => {
  it("cannot tell whether it detaches it: unknown, not removed", async () => {
    const input = `variable "arn" {}\nresource "aws_iam_role_policy_attachment" "v" {\n  role = aws_iam_role.r.name\n  policy_arn = var.arn\n}\n`;
    const changes = await classify(
      ROLE() + input,
      `${ROLE()}${input}resource "aws_iam_role_policy_attachments_exclusive" "x" {\n  role_name = aws_iam_role.r.name\n  policy_arns = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]\n}\n`,
    );
    // Whether it detaches the input's policy is unknown; what it lists, it attaches (an AWS
    // policy whose document is not in the files: added, and what it allows unknown).
    expect(classesOf(changes, "aws_iam_role.r")).toEqual(["permissions-added", "unknown"]);
    expect(detailsOf(changes, "aws_iam_role.r")).toContain("is not known from the files");
  });
});
