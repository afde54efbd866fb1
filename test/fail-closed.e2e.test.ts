// `check --git` against a pull request's ways around the gate (issue 14): what the tool cannot
// judge is unknown, named with the reason, and a matched file that moves out of its rules is a
// change of its node whatever it holds.

import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "./git-history.js";

const DEPS = `version: 1
owners: {}
nodes:
  iam-role/r:
    kind: iam-role
    tier: 0
    match: {paths: ["iam/**"], terraform: [aws_iam_role.r]}
  iam-policy/app:
    kind: iam-policy
    tier: 0
    match: {paths: ["policies/app/**"]}
  iam-policy/lonely:
    kind: iam-policy
    match: {paths: ["policies/lonely/**"]}
  service/api:
    kind: service
    depends_on:
      - {on: iam-role/r, via: assumes-role}
  service/batch:
    kind: service
    tier: 1
    depends_on:
      - {on: iam-policy/app, via: attaches-policy}
`;

const ROLE = `resource "aws_iam_role" "r" {
  name               = "r"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::111111111111:role/ci" }
    }]
  })
}
`;

const policy = (actions: string[]) =>
  `${JSON.stringify(
    { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: actions, Resource: "*" }] },
    null,
    2,
  )}\n`;
const BEFORE = policy(["s3:GetObject", "s3:PutObject"]);
const AFTER = policy(["s3:GetObject"]);

interface Cause {
  file: string;
  status: string | null;
  classes: string[];
  evidence: { detail: string }[];
}
interface Out {
  risk: string;
  changed: { id: string; classes: string[]; causes: Cause[] }[];
  impacted: { id: string; severity: string }[];
  unjudged: { file: string | null; reason: string }[];
}

describe("check --git fails closed on a hostile change", () => {
  let repo: string;
  const git = (...args: string[]) => {
    const result = spawnSync(
      "git",
      ["-c", "user.email=t@example.com", "-c", "user.name=t", ...args],
      { cwd: repo, encoding: "utf8" },
    );
    if (result.status !== 0) throw new Error(result.stderr);
  };
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  };
  const check = (): Out => {
    git("add", "-A");
    git("commit", "-qm", "change");
    const result = runCli(["check", "--git", "main", "--format", "json"], { cwd: repo });
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as Out;
  };
  const classes = (out: Out) => Object.fromEntries(out.changed.map((c) => [c.id, c.classes]));
  const severity = (out: Out) => Object.fromEntries(out.impacted.map((n) => [n.id, n.severity]));
  /** Each file's reason for not being judged, as its cause's evidence says it. */
  const reasons = (out: Out, id: string) =>
    Object.fromEntries(
      (out.changed.find((c) => c.id === id)?.causes ?? []).map((c) => [
        c.file,
        c.evidence.map((e) => e.detail),
      ]),
    );

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), "br-closed-"));
    git("init", "-q", "-b", "main");
    write("deps.yaml", DEPS);
    write("iam/role.tf", ROLE);
    write("policies/app/app.json", BEFORE);
    write("policies/app/zz.json", BEFORE);
    for (let i = 0; i < 55; i++)
      write(`policies/app/decoy-${String(i).padStart(2, "0")}.json`, BEFORE);
    git("add", "-A");
    git("commit", "-qm", "base");
  });
  beforeEach(() => git("checkout", "-q", "-f", "-B", "change", "main"));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it("a policy that loses s3:PutObject is judged on its own", () => {
    write("policies/app/app.json", AFTER);
    const out = check();
    expect(classes(out)).toEqual({ "iam-policy/app": ["permissions-removed"] });
    expect(out.unjudged).toEqual([]);
    expect(severity(out)).toEqual({ "service/batch": "breaking" });
    expect(out.risk).toBe("high");
  });

  it("a role file renamed out of iam/ with the same contents: the role is destroyed", () => {
    mkdirSync(join(repo, "modules/unused"), { recursive: true });
    git("mv", "iam/role.tf", "modules/unused/role.tf");
    const out = check();
    expect(classes(out)).toEqual({ "iam-role/r": ["deleted"] });
    // Judged: a move is a change, not something unread.
    expect(out.unjudged).toEqual([]);
    expect(severity(out)).toEqual({ "service/api": "breaking" });
  });

  it("a policy moved out of its folder with the same contents: the node loses its file", () => {
    mkdirSync(join(repo, "policies/old"), { recursive: true });
    git("mv", "policies/app/app.json", "policies/old/app.json");
    const out = check();
    expect(classes(out)).toEqual({ "iam-policy/app": ["deleted"] });
    expect(reasons(out, "iam-policy/app")).toEqual({
      "policies/app/app.json": [
        "moved to policies/old/app.json, which this node's rules do not match",
      ],
    });
    expect(severity(out)).toEqual({ "service/batch": "breaking" });
  });

  it("the same policy padded over 1 MiB is unknown, not modified", () => {
    write("policies/app/app.json", AFTER.replace("{", `{${" ".repeat(1024 * 1024)}`));
    const out = check();
    expect(classes(out)).toEqual({ "iam-policy/app": ["unknown"] });
    expect(reasons(out, "iam-policy/app")).toEqual({
      "policies/app/app.json": ["over 1 MiB, not read"],
    });
    expect(out.unjudged).toEqual([
      { file: "policies/app/app.json", reason: "over 1 MiB, not read" },
    ]);
    // The gate holds: at --fail-on high, and on an incomplete analysis by default.
    expect(
      runCli(["check", "--git", "main", "--fail-on", "high", "--format", "json"], { cwd: repo })
        .code,
    ).toBe(1);
    expect(severity(out)).toEqual({ "service/batch": "breaking" });
    // Padding does not lower the risk below what the edit gives unpadded.
    expect(out.risk).toBe("high");
  });

  it("an incomplete analysis fails --fail-on even with nothing impacted, unless --on-incomplete warn", () => {
    write("policies/lonely/p.json", AFTER.replace("{", `{${" ".repeat(1024 * 1024)}`));
    git("add", "-A");
    git("commit", "-qm", "change");
    const gate = (...extra: string[]) =>
      runCli(["check", "--git", "main", "--fail-on", "low", ...extra], { cwd: repo });
    const failed = gate();
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain("Incomplete: 1 thing could not be judged");
    expect(failed.stderr).toContain("the analysis is incomplete");
    expect(gate("--on-incomplete", "warn").code).toBe(0);
  });

  it("behind 55 decoys, beyond the files compared, it is unknown, not modified", () => {
    for (let i = 0; i < 55; i++)
      write(`policies/app/decoy-${String(i).padStart(2, "0")}.json`, `${BEFORE}\n`);
    // It sorts after the decoys in git's listing.
    write("policies/app/zz.json", AFTER);
    git("add", "-A");
    git("commit", "-qm", "change");
    const result = runCli(["check", "--git", "main", "--format", "json"], { cwd: repo });
    expect(result.stderr).toContain("only the first 50 were compared");
    const out = JSON.parse(result.stdout) as Out;
    expect(classes(out)).toEqual({ "iam-policy/app": ["unknown"] });
    const why = reasons(out, "iam-policy/app");
    expect(why["policies/app/zz.json"]).toEqual(["beyond the 50 files compared per change"]);
    expect(why["policies/app/decoy-54.json"]).toEqual(["beyond the 50 files compared per change"]);
    // The decoys compared are what they are: a blank line.
    expect(why["policies/app/decoy-00.json"]).toBeUndefined();
    expect(out.unjudged).toHaveLength(6);
    expect(out.unjudged).toContainEqual({
      file: "policies/app/zz.json",
      reason: "beyond the 50 files compared per change",
    });
    expect(severity(out)).toEqual({ "service/batch": "breaking" });
  });

  it("a symlink committed at a matched path is unknown", () => {
    write("elsewhere/role.tf", ROLE);
    symlinkSync("../elsewhere/role.tf", join(repo, "iam/link.tf"));
    // Dangling: whatever the reader makes of a link, it is not a policy judged.
    symlinkSync("../../nowhere.json", join(repo, "policies/app/link.json"));
    const out = check();
    expect(classes(out)["iam-role/r"]).toContain("unknown");
    expect(classes(out)["iam-policy/app"]).toContain("unknown");
    expect(Object.keys(reasons(out, "iam-role/r"))).toContain("iam/link.tf");
    expect(Object.keys(reasons(out, "iam-policy/app"))).toEqual(["policies/app/link.json"]);
    expect(out.unjudged.map((u) => u.file).sort()).toEqual([
      "iam/link.tf",
      "policies/app/link.json",
    ]);
    expect(severity(out)).toEqual({ "service/api": "breaking", "service/batch": "breaking" });
  });
});
