// Shared set-up for tests against the local GitHub API: the bundled example graph at a base
// commit of a pull request, and a real octokit client pointed at the fake.

import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createGitHubClient } from "../../src/adapters/github/client.js";
import { octokitPort } from "../../src/adapters/github/octokit-port.js";
import type { GitHubPort } from "../../src/app/github-port.js";
import type { FakeFile, FakeGitHub, FakePull } from "./fake-github.js";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const REPO = "acme/infra";
export const BASE_SHA = "a".repeat(40);
export const HEAD_SHA = "b".repeat(40);
export const ROLE_FILE = "examples/terraform/iam/automation-runner.tf";
/** The bundled example's graph files, as the base commit has them. */
export const EXAMPLE_FILES = ["deps.yaml", "examples/deps/bi.yaml"];

let clients = 0;

/** A real octokit client for the fake: retries waits scaled down to milliseconds. */
export function portFor(fake: FakeGitHub, token = "test-token"): GitHubPort {
  return octokitPort(
    createGitHubClient({ token, baseUrl: fake.url, timeScale: 5, throttleId: `test-${++clients}` }),
  );
}

export function seedGraph(fake: FakeGitHub, ref = BASE_SHA, repo = REPO): void {
  for (const file of EXAMPLE_FILES)
    fake.setFile(repo, ref, file, readFileSync(join(ROOT, file), "utf8"));
}

export function seedPull(
  fake: FakeGitHub,
  files: readonly (string | FakeFile)[] = [ROLE_FILE],
  extra: Partial<FakePull> = {},
): FakePull {
  seedGraph(fake);
  return fake.addPull(REPO, {
    number: 7,
    baseSha: BASE_SHA,
    headSha: HEAD_SHA,
    files: files.map((f) => (typeof f === "string" ? { filename: f, status: "modified" } : f)),
    ...extra,
  });
}

export function counts(fake: FakeGitHub): { reads: number; writes: number } {
  const reads = fake.log.filter((r) => r.method === "GET").length;
  return { reads, writes: fake.log.length - reads };
}
