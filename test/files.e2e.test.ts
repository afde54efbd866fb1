// Files stay where they belong: the built CLI on temporary repositories holding what a hostile
// pull request would commit (symlinks to devices and out of the repository, FIFOs) and on
// output paths that are links; and which repository a change is in, from the origin remote.

import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { gitIn, runCli } from "./git-history.js";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const ROLE = `resource "aws_iam_role" "worker" {
  name               = "worker"
  assume_role_policy = "{}"
}
`;

function repository(files: Record<string, string>, links: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "br-files-"));
  made.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  for (const [path, target] of Object.entries(links)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    symlinkSync(target, join(dir, path));
  }
  gitIn(dir, ["init", "-q", "-b", "main"]);
  gitIn(dir, ["add", "."]);
  gitIn(dir, ["commit", "-qm", "infrastructure"]);
  return dir;
}

const run = (cwd: string, ...args: string[]) => runCli(args, { cwd });

describe("init on a repository with hostile files", () => {
  it("a committed symlink to /dev/zero and one out of the repository are skipped and said, never read", () => {
    const outside = mkdtempSync(join(tmpdir(), "br-outside-"));
    made.push(outside);
    writeFileSync(join(outside, "secret.tf"), ROLE.replace("worker", "secret"));
    const dir = repository(
      { "infra/roles.tf": ROLE },
      { "infra/zero.tf": "/dev/zero", "infra/leak.tf": join(outside, "secret.tf") },
    );
    const result = run(dir, "init", "--dry-run");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain("symbolic links and other non-regular files");
    expect(result.stderr).toContain("infra/leak.tf, infra/zero.tf");
    expect(result.stdout).toContain("iam-role/worker");
    expect(result.stdout).not.toContain("secret");
  });

  it("a FIFO in a folder that is not a repository is skipped at once, not waited on", () => {
    const dir = mkdtempSync(join(tmpdir(), "br-fifo-"));
    made.push(dir);
    mkdirSync(join(dir, "infra"));
    writeFileSync(join(dir, "infra/roles.tf"), ROLE);
    execFileSync("mkfifo", [join(dir, "infra/pipe.tf")]);
    const result = run(dir, "init", "--dry-run");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain("infra/pipe.tf");
  });
});

describe("init --force never writes through a symlink", () => {
  it("a deps.yaml.bak symlink is left alone: the backup goes to deps.yaml.bak.1, its target untouched", () => {
    const victim = join(mkdtempSync(join(tmpdir(), "br-victim-")), "authorized_keys");
    made.push(dirname(victim));
    writeFileSync(victim, "ssh-ed25519 AAAA me\n");
    const dir = repository({ "infra/roles.tf": ROLE, "deps.yaml": "# mine\nversion: 1\n" });
    symlinkSync(victim, join(dir, "deps.yaml.bak"));
    const result = run(dir, "init", "--force");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("the file it replaced is deps.yaml.bak.1");
    expect(readFileSync(victim, "utf8")).toBe("ssh-ed25519 AAAA me\n");
    expect(readFileSync(join(dir, "deps.yaml.bak.1"), "utf8")).toBe("# mine\nversion: 1\n");
  });

  it("a deps.yaml that is a symlink is refused, with or without --force, and its target is untouched", () => {
    const victim = join(mkdtempSync(join(tmpdir(), "br-victim-")), "target.yaml");
    made.push(dirname(victim));
    writeFileSync(victim, "precious\n");
    const dir = repository({ "infra/roles.tf": ROLE });
    symlinkSync(victim, join(dir, "deps.yaml"));
    for (const args of [["init"], ["init", "--force"]]) {
      const result = run(dir, ...args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("deps.yaml is a symbolic link; it is not written through");
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    expect(readFileSync(victim, "utf8")).toBe("precious\n");
    expect(existsSync(join(dir, "deps.yaml.bak"))).toBe(false);
  });
});

describe("report --out", () => {
  const graph =
    "version: 1\nnodes:\n  iam-role/worker:\n    kind: iam-role\n    match: {paths: ['infra/**']}\n";

  it("refuses a symlink and an existing file without --force; writes a new file, and replaces with --force", () => {
    const victim = join(mkdtempSync(join(tmpdir(), "br-victim-")), "target.html");
    made.push(dirname(victim));
    writeFileSync(victim, "precious\n");
    const dir = repository({ "infra/roles.tf": ROLE, "deps.yaml": graph });
    symlinkSync(victim, join(dir, "link.md"));
    const linked = run(dir, "report", "--out", "link.md", "--force");
    expect(linked.code).toBe(2);
    expect(linked.stderr).toContain("link.md is a symbolic link");
    expect(readFileSync(victim, "utf8")).toBe("precious\n");

    writeFileSync(join(dir, "notes.md"), "my notes\n");
    const existing = run(dir, "report", "--out", "notes.md");
    expect(existing.code).toBe(2);
    expect(existing.stderr).toContain("notes.md already exists; nothing was written");
    expect(existing.stderr).toContain("--force");
    expect(readFileSync(join(dir, "notes.md"), "utf8")).toBe("my notes\n");

    const fresh = run(dir, "report", "--out", "report.md");
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(readFileSync(join(dir, "report.md"), "utf8")).toContain("Blast-radius report");
    const forced = run(dir, "report", "--out", "notes.md", "--force");
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(join(dir, "notes.md"), "utf8")).toContain("Blast-radius report");
  });
});

describe("validate: includes", () => {
  it("an include of /dev/zero, of ../, and of a symlink out of the repository: errors at their lines, nothing read", () => {
    const outside = mkdtempSync(join(tmpdir(), "br-outside-"));
    made.push(outside);
    writeFileSync(join(outside, "x.yaml"), "version: 1\n");
    const dir = repository(
      {
        "infra/deps.yaml":
          "version: 1\ninclude:\n  - /dev/zero\n  - ../../x.yaml\n  - leak.yaml\n  - zero.yaml\n",
      },
      { "infra/leak.yaml": join(outside, "x.yaml"), "infra/zero.yaml": "/dev/zero" },
    );
    const result = run(dir, "validate", "--deps", "infra/deps.yaml");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("infra/deps.yaml:3");
    expect(result.stderr).toContain("/dev/zero is an absolute path; not read");
    expect(result.stderr).toContain("infra/deps.yaml:4");
    expect(result.stderr).toContain("../../x.yaml resolves to");
    expect(result.stderr).toContain("infra/deps.yaml:5");
    expect(result.stderr).toContain("is a symbolic link to");
    expect(result.stderr).toContain("infra/deps.yaml:6");
    expect(result.stderr).toContain("4 error(s)");
  });
});

describe("check --files in a repository with an origin remote", () => {
  const depsFor = (rule: string) => `version: 1
owners:
  platform: { github: "@acme/platform" }
nodes:
  iam-role/worker:
    kind: iam-role
    owner: platform
    match:
      paths: ["${rule}"]
`;
  const checked = (rule: string) => {
    const dir = repository({ "deps.yaml": depsFor(rule), "infra/roles.tf": ROLE });
    gitIn(dir, ["remote", "add", "origin", "git@github.com:Acme/Infra.git"]);
    const result = run(dir, "check", "--files", "infra/roles.tf", "--format", "json");
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout).changed.map((c: { id: string }) => c.id);
  };

  it("a rule qualified by the origin's repository matches, and one by another does not", () => {
    expect(checked("acme/infra:infra/**")).toEqual(["iam-role/worker"]);
    expect(checked("acme/other:infra/**")).toEqual([]);
  });

  it("an unqualified rule matches whatever the origin", () => {
    expect(checked("infra/**")).toEqual(["iam-role/worker"]);
  });
});
