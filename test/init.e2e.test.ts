// `blastradius init` and `validate --repo` as a new user runs them: the built CLI, in a
// temporary repository made here from a Terraform tree with IAM roles, Kubernetes RBAC and a
// CODEOWNERS file; and on real Terraform from terraform-aws-modules/terraform-aws-iam.

import { execFileSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { gitIn, runCli } from "./git-history.js";
import { SHARED_DATA } from "./shared-data.js";
import { describeOnShared, itOnShared } from "./skips.js";

const IAM_HISTORY = SHARED_DATA.iamHistory;
const REALWORLD = SHARED_DATA.realworld;

const TREE: Record<string, string> = {
  ".github/CODEOWNERS": `# Default owners
*                 @acme/platform
/infra/iam/       @acme/iam-platform @alice
/k8s/             @acme/sre
`,
  "infra/iam/roles.tf": `resource "aws_iam_role" "worker" {
  name = "worker"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_policy" "queue_access" {
  name   = "queue-access"
  policy = data.aws_iam_policy_document.queue.json
}

data "aws_iam_policy_document" "queue" {
  statement {
    actions   = ["sqs:SendMessage", "sqs:ReceiveMessage"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy_attachment" "worker_queue" {
  role       = aws_iam_role.worker.name
  policy_arn = aws_iam_policy.queue_access.arn
}

resource "aws_iam_instance_profile" "worker" {
  name = "worker"
  role = aws_iam_role.worker.name
}
`,
  "infra/iam/app.tf": `resource "aws_lambda_function" "billing" {
  function_name = "billing"
  role          = aws_iam_role.worker.arn
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "billing.zip"
}

resource "aws_instance" "batch" {
  ami                  = "ami-123"
  instance_type        = "t3.micro"
  iam_instance_profile = aws_iam_instance_profile.worker.name
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}
`,
  "k8s/rbac.yaml": `apiVersion: v1
kind: ServiceAccount
metadata:
  name: exporter
  namespace: monitoring
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: exporter-read
rules:
  - apiGroups: [""]
    resources: [pods, nodes]
    verbs: [get, list, watch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: exporter-read
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: exporter-read }
subjects:
  - { kind: ServiceAccount, name: exporter, namespace: monitoring }
`,
  "k8s/deploy.yaml": `apiVersion: apps/v1
kind: Deployment
metadata: { name: exporter, namespace: monitoring }
spec:
  selector: { matchLabels: { app: exporter } }
  template:
    metadata: { labels: { app: exporter } }
    spec:
      serviceAccountName: exporter
      containers: [{ name: exporter, image: prom/node-exporter }]
`,
};

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function repository(files: Record<string, string>, asGit = true): string {
  const dir = mkdtempSync(join(tmpdir(), "br-init-"));
  made.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  if (asGit) {
    git(dir, "init", "-q", "-b", "main");
    git(dir, "add", ".");
    git(dir, "commit", "-qm", "infrastructure");
  }
  return dir;
}

const git = (dir: string, ...args: string[]) => gitIn(dir, args);
const run = (cwd: string, ...args: string[]) => runCli(args, { cwd });

describe("blastradius init", () => {
  it("--dry-run prints a commented deps.yaml that validates, with owners from CODEOWNERS", () => {
    const dir = repository(TREE);
    const dry = run(dir, "init", "--dry-run");
    expect(dry.code, dry.stderr).toBe(0);
    expect(existsSync(join(dir, "deps.yaml"))).toBe(false);
    expect(dry.stderr).toContain("9 node(s), 7 edge(s), 2 owner(s) from .github/CODEOWNERS");
    const text = dry.stdout;
    // Every node, owner and edge says where it came from.
    expect(text).toContain(
      '  # from infra/iam/roles.tf:1 resource "aws_iam_role" "worker"\n  iam-role/worker:',
    );
    expect(text).toContain("owner: iam-platform  # .github/CODEOWNERS:3; also owned by @alice");
    expect(text).toContain(
      "      # aws_lambda_function.billing.role (infra/iam/app.tf:1) refers to aws_iam_role.worker\n      - { on: iam-role/worker, via: runs-as }",
    );
    expect(text).toContain(
      "terraform: [aws_iam_role.worker, aws_iam_role_policy_attachment.worker_queue]",
    );
    expect(text).toContain(
      '  # from .github/CODEOWNERS:4 (/k8s/ @acme/sre)\n  sre:\n    github: "@acme/sre"',
    );
    // Qualified by namespace only when two service accounts share the name.
    expect(text).toContain("- { on: service-account/exporter, via: runs-as }");
    const lines = text.split("\n");
    for (const [i, line] of lines.entries()) {
      if (/^ {2}[a-z].*:$/.test(line) && !["nodes:", "owners:"].includes(line.trim()))
        expect(lines[i - 1], `no comment above ${line}`).toMatch(/^ {2}# from /);
      if (/^ {6}- \{ on:/.test(line)) expect(lines[i - 1]).toMatch(/^ {6}# /);
    }
    // It validates as it is.
    writeFileSync(join(dir, "draft.yaml"), text);
    const validated = run(dir, "validate", "--deps", "draft.yaml", "--strict");
    expect(validated.stderr).toBe("");
    expect(validated.code).toBe(0);
    expect(validated.stdout).toContain("9 nodes, 7 edges");
  });

  it("writes deps.yaml, never over an existing one without --force, and check finds what refers to a changed role", () => {
    const dir = repository(TREE);
    const first = run(dir, "init");
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain("wrote deps.yaml: 9 node(s)");
    const written = readFileSync(join(dir, "deps.yaml"), "utf8");

    writeFileSync(join(dir, "deps.yaml"), "# mine\nversion: 1\n");
    const again = run(dir, "init");
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("deps.yaml already exists; nothing was written");
    expect(readFileSync(join(dir, "deps.yaml"), "utf8")).toBe("# mine\nversion: 1\n");
    const forced = run(dir, "init", "--force");
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain("wrote deps.yaml (the file it replaced is deps.yaml.bak)");
    expect(readFileSync(join(dir, "deps.yaml"), "utf8")).toBe(written);
    expect(readFileSync(join(dir, "deps.yaml.bak"), "utf8")).toBe("# mine\nversion: 1\n");

    // A change to the role's file reaches the function and the instance that use the role.
    const byFile = run(dir, "check", "--files", "infra/iam/roles.tf", "--format", "json");
    expect(byFile.code, byFile.stderr).toBe(0);
    const impact = JSON.parse(byFile.stdout);
    // Without the contents compared, every node of the folder counts as changed: Terraform
    // reads a folder as one module, so any of its files can shape any of its resources.
    expect(impact.changed.map((c: { id: string }) => c.id).sort()).toEqual([
      "iam-instance-profile/worker",
      "iam-policy/queue-access",
      "iam-role/worker",
      "instance/batch",
      "lambda-function/billing",
    ]);

    // With the contents compared: a permission removed from the policy the role attaches.
    git(dir, "add", "deps.yaml");
    git(dir, "commit", "-qm", "graph");
    const roles = join(dir, "infra/iam/roles.tf");
    writeFileSync(roles, readFileSync(roles, "utf8").replace('"sqs:SendMessage", ', ""));
    const byGit = run(dir, "check", "--git", "HEAD", "--format", "json");
    expect(byGit.code, byGit.stderr).toBe(0);
    const classified = JSON.parse(byGit.stdout);
    // The policy changed; the role that attaches it did not (it attaches the same policy), and
    // breaks through it, with what runs as the role.
    expect(
      classified.changed.map((c: { id: string; classes: string[] }) => [c.id, c.classes]),
    ).toEqual([["iam-policy/queue-access", ["permissions-removed"]]]);
    expect(
      classified.impacted
        .filter((n: { severity: string }) => n.severity === "breaking")
        .map((n: { id: string }) => n.id)
        .sort(),
    ).toEqual([
      "iam-instance-profile/worker",
      "iam-role/worker",
      "instance/batch",
      "lambda-function/billing",
    ]);
  });

  it("matches a Terraform node to its whole folder, and check --git still changes only the node whose resources changed", () => {
    const dir = repository({
      "iam/roles.tf": `resource "aws_iam_role" "reader" {
  name               = "reader"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

resource "aws_iam_role" "writer" {
  name               = "writer"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

resource "aws_iam_role_policy" "reader" {
  role   = aws_iam_role.reader.id
  policy = data.aws_iam_policy_document.read.json
}

resource "aws_iam_role_policy" "writer" {
  role   = aws_iam_role.writer.id
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = ["s3:PutObject", "s3:DeleteObject"], Resource = "*" }] })
}
`,
      "iam/policies.tf": `data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "read" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
}
`,
    });
    const init = run(dir, "init");
    expect(init.code, init.stderr).toBe(0);
    const deps = readFileSync(join(dir, "deps.yaml"), "utf8");
    expect(deps).toContain(
      'paths: ["iam/*.tf"]\n      terraform: [aws_iam_role.writer, aws_iam_role_policy.writer]',
    );
    git(dir, "add", "deps.yaml");
    git(dir, "commit", "-qm", "graph");
    const changedBy = (file: string, from: string, to: string) => {
      const path = join(dir, file);
      const before = readFileSync(path, "utf8");
      writeFileSync(path, before.replace(from, to));
      const check = run(dir, "check", "--git", "HEAD", "--format", "json");
      writeFileSync(path, before);
      expect(check.code, check.stderr).toBe(0);
      return JSON.parse(check.stdout);
    };
    // One file holds both roles: only the writer's resources changed.
    const inline = changedBy("iam/roles.tf", '"s3:PutObject", ', "");
    expect(inline.changed.map((c: { id: string; classes: string[] }) => [c.id, c.classes])).toEqual(
      [["iam-role/writer", ["permissions-removed"]]],
    );
    // A policy document in another file of the folder reaches the folder's nodes (which of
    // them it changed is the Terraform reading's to say): never unmatched, never the writer.
    const document = changedBy(
      "iam/policies.tf",
      '"s3:GetObject"',
      '"s3:GetObject", "s3:ListBucket"',
    );
    expect(document.unmatchedFiles).toEqual([]);
    expect(document.changed.map((c: { id: string }) => c.id)).not.toContain("iam-role/writer");
  });

  it("works outside git too, and says when there is nothing to find", () => {
    const plain = repository({ "main.tf": TREE["infra/iam/roles.tf"] as string }, false);
    const out = run(plain, "init", "--dry-run");
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain("iam-role/worker:");
    expect(out.stdout).toContain("# no CODEOWNERS line covers its file: add owner:");

    const empty = repository({ "README.md": "hello\n" }, false);
    const none = run(empty, "init", "--dry-run");
    expect(none.code).toBe(0);
    expect(none.stdout).toContain("nodes: {}");
    const notThere = run(empty, "init", "--repo", "missing");
    expect(notThere.code).toBe(2);
    expect(notThere.stderr).toContain("missing is not a directory");
  });

  itOnShared(
    "iamHistory",
    "on real Terraform (terraform-aws-iam): loads, and a real commit's removed permission reaches the role",
    () => {
      const dir = repository({}, false);
      const assumable = join(dir, "modules/iam-assumable-role/main.tf");
      const irsa = join(dir, "modules/iam-role-for-service-accounts-eks/policies.tf");
      mkdirSync(dirname(assumable), { recursive: true });
      mkdirSync(dirname(irsa), { recursive: true });
      cpSync(join(IAM_HISTORY, "dc363d2__after__main.tf"), assumable);
      cpSync(join(IAM_HISTORY, "aeb5d7f__before__policies.tf"), irsa);
      // The module's role lives in its main.tf; a stand-in with the module's own address.
      writeFileSync(
        join(dir, "modules/iam-role-for-service-accounts-eks/main.tf"),
        'resource "aws_iam_role" "this" {\n  count = 1\n  name  = "irsa"\n  assume_role_policy = "{}"\n}\n',
      );
      writeFileSync(join(dir, "CODEOWNERS"), "* @terraform-aws-modules/maintainers\n");
      git(dir, "init", "-q", "-b", "main");
      git(dir, "add", ".");
      git(dir, "commit", "-qm", "modules");
      const init = run(dir, "init");
      expect(init.code, init.stderr).toBe(0);
      const deps = readFileSync(join(dir, "deps.yaml"), "utf8");
      // Two modules with a role called "this": told apart by their folder.
      expect(deps).toContain("iam-role/modules/iam-assumable-role/this:");
      expect(deps).toContain("iam-role/modules/iam-role-for-service-accounts-eks/this:");
      expect(deps).toContain('paths: ["modules/iam-assumable-role/*.tf"]');
      expect(deps).toContain('terraform: [aws_iam_role.this, "module.*.aws_iam_role.this"');
      expect(deps).toContain("iam-policy/cluster-autoscaler:");
      expect(run(dir, "validate").code).toBe(0);
      git(dir, "add", "deps.yaml");
      git(dir, "commit", "-qm", "graph");

      // aeb5d7f: autoscaling:UpdateAutoScalingGroup removed from the cluster autoscaler policy.
      cpSync(join(IAM_HISTORY, "aeb5d7f__after__policies.tf"), irsa);
      const check = run(dir, "check", "--git", "HEAD", "--format", "json");
      expect(check.code, check.stderr).toBe(0);
      const impact = JSON.parse(check.stdout);
      expect(
        impact.changed.map((c: { id: string; classes: string[] }) => [c.id, c.classes]),
      ).toContainEqual(["iam-policy/cluster-autoscaler", ["permissions-removed"]]);
      expect(impact.impacted.map((n: { id: string }) => n.id)).toContain(
        "iam-role/modules/iam-role-for-service-accounts-eks/this",
      );
    },
  );
});

describe("blastradius init: what it reads", () => {
  it("--exclude skips files and folders, and init says what it skipped and why, on its own too", () => {
    const dir = repository(
      {
        ...TREE,
        "examples/demo/main.tf":
          'resource "aws_iam_role" "demo" {\n  name = "demo"\n  assume_role_policy = "{}"\n}\n',
        "infra/iam/.terraform/modules/vpc/main.tf":
          'resource "aws_iam_role" "downloaded" {\n  name = "x"\n  assume_role_policy = "{}"\n}\n',
        "web/node_modules/chart/rbac.yaml": TREE["k8s/rbac.yaml"] as string,
      },
      false,
    );
    const dry = run(dir, "init", "--dry-run", "--exclude", "examples/**", "--exclude", "docs/");
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).not.toContain("demo");
    expect(dry.stdout).not.toContain("iam-role/downloaded");
    expect(dry.stdout).toContain(
      [
        "# Not read (a graph of part of a repository should say which part):",
        '#   --exclude "examples/**": 1 file(s) skipped (excluded)',
        '#   --exclude "docs/": 0 file(s) skipped (it matches no file: check the glob)',
        "#   .terraform/: 1 folder(s) skipped (modules and providers that `terraform init` downloaded)",
        "#   node_modules/: 1 folder(s) skipped (installed packages)",
      ].join("\n"),
    );
    expect(dry.stderr).toContain(
      'blastradius init: --exclude "examples/**": 1 file(s) skipped (excluded)',
    );
    const written = run(dir, "init", "--exclude", "examples");
    expect(written.code, written.stderr).toBe(0);
    expect(written.stderr).toContain('blastradius init: --exclude "examples": 1 file(s) skipped');
    expect(readFileSync(join(dir, "deps.yaml"), "utf8")).not.toContain("iam-role/demo");

    const bad = run(dir, "init", "--dry-run", "--exclude", "../elsewhere/**");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--exclude "../elsewhere/**" leaves the repository');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it("reads manifests far larger than 1 MB, and names a file over 16 MiB it does not read", () => {
    // A generated bundle, as argo-cd's install.yaml: RBAC after a large custom resource definition.
    const filler = `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: big }\ndata:\n${Array.from(
      { length: 30000 },
      (_, i) => `  key${i}: "${"x".repeat(40)}"`,
    ).join("\n")}\n---\n`;
    const dir = repository({
      "manifests/install.yaml": filler + (TREE["k8s/rbac.yaml"] as string),
    });
    expect(readFileSync(join(dir, "manifests/install.yaml")).length).toBeGreaterThan(1024 * 1024);
    writeFileSync(join(dir, "manifests/huge.yaml"), "#".repeat(16 * 1024 * 1024 + 1));
    const dry = run(dir, "init", "--dry-run");
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain("k8s-cluster-role/exporter-read:");
    expect(dry.stderr).toContain("manifests/huge.yaml: warning: larger than 16 MiB; not read");
    expect(dry.stdout).toContain(
      "#   larger than 16 MiB: 1 file(s) skipped (not read: manifests/huge.yaml)",
    );
  });

  it("includes the Backstage catalogs it finds, relative to the file written, and the draft validates strictly", () => {
    const dir = repository({
      ".github/CODEOWNERS": "* @acme/platform\n",
      "catalog-info.yaml":
        "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: all\nspec:\n  targets: [./catalog/web.yaml, ./catalog/org.yaml]\n",
      "catalog/web.yaml": `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: web
spec:
  type: service
  lifecycle: production
  owner: group:web-team
`,
      "catalog/org.yaml": `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: web-team
spec:
  type: team
  children: []
`,
      "catalog/broken.yaml":
        "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: [ }\n",
      "k8s/rbac.yaml": TREE["k8s/rbac.yaml"] as string,
    });
    const init = run(dir, "init", "--out", "k8s/deps.yaml");
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain("2 Backstage catalog(s) included");
    expect(init.stderr).toContain("Backstage Locations: 1 file(s) skipped");
    // A catalog that does not load is left out, with why, instead of failing the draft.
    expect(init.stderr).toContain(
      "blastradius init: catalog/broken.yaml: 1 file(s) skipped (a Backstage catalog that does not load (",
    );
    const text = readFileSync(join(dir, "k8s/deps.yaml"), "utf8");
    expect(text).toContain('include:\n  - "../catalog/org.yaml"\n  - "../catalog/web.yaml"\n');
    // The entities are the catalog's nodes, not drafted again.
    expect(text).not.toMatch(/^ {2}[^ #].*web.*:$/m);
    const strict = run(dir, "validate", "--deps", "k8s/deps.yaml", "--strict");
    expect(strict.stderr).toBe("");
    expect(strict.code).toBe(0);
    expect(strict.stdout).toContain("in 3 file(s)");
  });
});

describe("blastradius validate --repo", () => {
  it("reports where the graph and the repository disagree, each with file and line", () => {
    const dir = repository(TREE);
    expect(run(dir, "init").code).toBe(0);
    expect(run(dir, "validate", "--repo", ".", "--strict").code).toBe(0);
    const deps = join(dir, "deps.yaml");
    let text = readFileSync(deps, "utf8");
    // Drift: an edge forgotten, an owner changed, a path and an address misspelt, a new role.
    text = text.replace(
      "      # aws_lambda_function.billing.role (infra/iam/app.tf:1) refers to aws_iam_role.worker\n      - { on: iam-role/worker, via: runs-as }\n",
      "",
    );
    text = text.replace(
      /(k8s-cluster-role\/exporter-read:\n {4}kind: k8s-cluster-role\n {4}owner: )sre/,
      "$1iam-platform",
    );
    text = text.replace(
      'paths: ["infra/iam/*.tf"]\n      terraform: [aws_instance.batch]',
      'paths: ["infra/iam/apps/*.tf"]\n      terraform: [aws_instance.bacth]',
    );
    writeFileSync(deps, text.replace(/\n {4}depends_on:\n(?= {2}#)/g, "\n"));
    writeFileSync(
      join(dir, "infra/iam/reader.tf"),
      'resource "aws_iam_role" "reader" {\n  name = "reader"\n  assume_role_policy = "{}"\n}\n',
    );
    const result = run(dir, "validate", "--repo", ".");
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stderr.trim().split("\n");
    const find = (needle: string) =>
      lines.find((l) => l.includes(needle)) ?? `(missing: ${needle})`;
    expect(find("does not declare")).toMatch(
      /^infra\/iam\/app\.tf:1: warning: aws_lambda_function\.billing\.role refers to aws_iam_role\.worker, but lambda-function\/billing does not declare that it depends on iam-role\/worker \(add to lambda-function\/billing: depends_on: \[\{ on: iam-role\/worker, via: runs-as \}\]\)$/,
    );
    expect(find("CODEOWNERS gives")).toMatch(
      /^deps\.yaml:\d+:\d+ nodes\.k8s-cluster-role\/exporter-read\.owner: warning: node "k8s-cluster-role\/exporter-read" is owned by iam-platform \(@acme\/iam-platform\) here, but CODEOWNERS gives k8s\/rbac\.yaml to @acme\/sre \(\.github\/CODEOWNERS:4\)/,
    );
    expect(find('"infra/iam/apps/*.tf" matches no file')).toMatch(
      /^deps\.yaml:\d+:\d+ nodes\.instance\/batch\.match\.paths\[0\]: warning/,
    );
    expect(find('"aws_instance.bacth" matches no Terraform resource')).toMatch(
      /^deps\.yaml:\d+:\d+ nodes\.instance\/batch\.match\.terraform\[0\]: warning/,
    );
    expect(find("aws_instance.batch is a resource that refers to IAM no node covers")).toMatch(
      /^infra\/iam\/app\.tf:8: warning/,
    );
    expect(find("aws_iam_role.reader is an IAM resource no node covers")).toMatch(
      /^infra\/iam\/reader\.tf:1: warning/,
    );
    expect(result.stdout).toContain("6 warning(s)");
    // What init was told to skip, validate can skip too; only with --repo.
    const excluded = run(dir, "validate", "--repo", ".", "--exclude", "infra/iam/reader.tf");
    expect(excluded.stderr).not.toContain("aws_iam_role.reader");
    expect(excluded.stdout).toContain("5 warning(s)");
    const noRepo = run(dir, "validate", "--exclude", "infra/**");
    expect(noRepo.code).toBe(2);
    expect(noRepo.stderr).toContain("there is no --repo");
    // --strict turns drift into exit 1, and a folder elsewhere is shown as given.
    const strict = run(
      tmpdir(),
      "validate",
      "--deps",
      join(dir, "deps.yaml"),
      "--repo",
      dir,
      "--strict",
    );
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/\/infra\/iam\/reader\.tf:1: warning/);
  });
});

// The parents of real commits (../shared/realworld): init's draft of a whole module repository,
// then validate --repo against it. Before addresses were read in their folder, terraform-aws-eks'
// draft drew 78-98 suggested edges, nearly all between same-named resources of other folders.
describeOnShared(
  "realworld",
  "init and validate --repo on real module repositories (needs ../shared/realworld)",
  () => {
    const parentOf = (folder: string) => {
      const dir = repository({}, false);
      execFileSync("tar", ["-xzf", join(REALWORLD, folder, "before.tar.gz"), "-C", dir]);
      return dir;
    };
    for (const [folder, expected] of [
      [
        "terraform-aws-eks/a07013a1f4",
        ["iam-role/./this", "iam-role/modules/eks-managed-node-group/this"],
      ],
      [
        "terraform-aws-iam/28d103886d",
        ["iam-role/modules/iam-assumable-role/this", "iam-policy/iam-self-management"],
      ],
    ] as const) {
      it(`${folder}: unambiguous ids, folder paths, and no edge the draft should have drawn`, () => {
        const dir = parentOf(folder);
        const init = run(dir, "init");
        expect(init.code, init.stderr).toBe(0);
        const text = readFileSync(join(dir, "deps.yaml"), "utf8");
        const ids = [...text.matchAll(/^ {2}([^\s#][^:]*):$/gm)].map((m) => m[1] as string);
        for (const id of expected) expect(ids).toContain(id);
        expect(ids.filter((id) => /-\d+$/.test(id))).toEqual([]);
        expect(new Set(ids).size).toBe(ids.length);
        const paths = [...text.matchAll(/^ {6}paths: \[(.*)\]$/gm)].map((m) => m[1] as string);
        expect(paths.filter((p) => !/^"(.+\/)?\*\.tf"$/.test(p))).toEqual([]);
        const validate = run(dir, "validate", "--repo", ".");
        expect(validate.code, validate.stderr).toBe(0);
        const drift = validate.stderr.split("\n").filter((l) => l && !l.includes("has no owner"));
        expect(drift.filter((l) => /does not declare|matches no Terraform/.test(l))).toEqual([]);
        // What is left is real: attachments to a group the module takes as a variable, and in
        // terraform-aws-eks a cycle that merging glue into its role makes (the role attaches
        // the encryption policy, which names the KMS key, whose key users name the role).
        for (const line of drift)
          expect(line).toMatch(
            /is an IAM resource no node covers|dependency cycle: iam-policy\/cluster-encryption/,
          );
      });
    }
  },
);
