// The pull-request pipeline against a local GitHub API, through the real octokit client.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  ACTIONS_BOT,
  type FakeGitHub,
  startFakeGitHub,
  tick,
} from "../../test/github-api/fake-github.js";
import {
  BASE_SHA,
  counts,
  HEAD_SHA,
  portFor,
  REPO,
  ROLE_FILE,
  ROOT,
  seedGraph,
  seedPull,
} from "../../test/github-api/scenario.js";
import { GitHubApiError } from "../adapters/github/github-error.js";
import { InvalidDepsError } from "../core/errors.js";
import { commentMarker, readCommentMeta } from "../core/render/render-comment.js";
import { parseDepsLocation } from "./deps-location.js";
import type { GitHubPort } from "./github-port.js";
import { type ReviewOptions, reviewPullRequest } from "./review-pull-request.js";

const options = (extra: Partial<ReviewOptions> = {}): ReviewOptions => ({
  repo: REPO,
  number: 7,
  deps: parseDepsLocation("deps.yaml"),
  post: true,
  comment: "update",
  postWhenEmpty: true,
  mentionOwners: true,
  labels: true,
  requestReviewers: false,
  failOn: "none",
  acknowledgeLabel: "blast-radius:acknowledged",
  ...extra,
});

const MARKER = commentMarker("deps.yaml");

describe("reviewPullRequest against the local GitHub API", () => {
  let fake: FakeGitHub;
  beforeEach(async () => {
    fake = await startFakeGitHub();
  });
  afterEach(async () => {
    await fake.close();
    // Every request was one GitHub documents, with shapes it allows.
    expect(fake.problems).toEqual([]);
  });

  it("posts one comment with the blast radius, owners mentioned, and the risk label", async () => {
    seedPull(fake);
    const result = await reviewPullRequest(portFor(fake), options());
    expect(result.comment?.action).toBe("created");
    const [comment] = fake.commentsOn(REPO, 7);
    expect(comment?.body.startsWith(MARKER)).toBe(true);
    expect(comment?.body).toContain("`report/revenue`");
    expect(comment?.body).toContain("@acme/finance-analytics");
    expect(result.comment?.url).toContain("#issuecomment-");
    const meta = readCommentMeta(comment?.body ?? "");
    expect(meta).toMatchObject({
      headSha: HEAD_SHA,
      baseSha: BASE_SHA,
      risk: "high",
      impactedCount: 11,
      deps: "deps.yaml",
    });
    expect(meta?.impacted.map((n) => n.id)).toContain("report/revenue");
    expect(fake.pulls.get(`${REPO}#7`)?.labels).toEqual(["blast-radius:high"]);
  });

  it("updates the same comment on the next push, and writes nothing when nothing changed", async () => {
    const pull = seedPull(fake);
    await reviewPullRequest(portFor(fake), options({ labels: false }));
    pull.files = [{ filename: "examples/warehouse/models/orders.sql", status: "modified" }];
    pull.headSha = "c".repeat(40);
    pull.updatedAt = tick();
    const second = await reviewPullRequest(portFor(fake), options({ labels: false }));
    expect(second.comment?.action).toBe("updated");
    expect(fake.commentsOn(REPO, 7)).toHaveLength(1);
    expect(readCommentMeta(fake.commentsOn(REPO, 7)[0]?.body ?? "")?.headSha).toBe("c".repeat(40));

    fake.log.length = 0;
    pull.updatedAt = tick(); // our own comment moved updated_at: the content did not change
    const third = await reviewPullRequest(portFor(fake), options({ labels: false }));
    expect(third.comment?.action).toBe("unchanged");
    expect(counts(fake).writes).toBe(0);
  });

  it("costs at most ceil(F/100) + ceil(C/100) + 4 reads (+2 per compared file, +2 per Terraform folder listed) and one write", async () => {
    const files = Array.from({ length: 250 }, (_, i) => `docs/page-${i}.md`);
    files.push(ROLE_FILE);
    seedPull(fake, files);
    for (let i = 0; i < 250; i++)
      fake.addComment(REPO, 7, `comment ${i}`, { login: "someone", type: "User" });
    const F = 251;
    const C = 250;
    // The one Terraform file that matches a node is read at base and head to classify it.
    const compared = 1;
    // Its folder is listed at base and head, to evaluate the module across its files.
    const folders = 1;
    await reviewPullRequest(portFor(fake), options({ labels: false }));
    // +1: the pull request read again before writing, to see whether a newer push superseded this run.
    expect(counts(fake).reads).toBeLessThanOrEqual(
      Math.ceil(F / 100) + Math.ceil(C / 100) + 4 + 2 * compared + 2 * folders,
    );
    expect(counts(fake).writes).toBe(1);
  });

  it("finds its comment on the third page of 250 and updates it", async () => {
    const pull = seedPull(fake);
    for (let i = 0; i < 230; i++)
      fake.addComment(REPO, 7, `comment ${i}`, { login: "someone", type: "User" });
    await reviewPullRequest(portFor(fake), options({ labels: false }));
    for (let i = 0; i < 19; i++)
      fake.addComment(REPO, 7, `later ${i}`, { login: "someone", type: "User" });
    expect(fake.commentsOn(REPO, 7)).toHaveLength(250);
    pull.files = [{ filename: "examples/warehouse/models/orders.sql", status: "modified" }];
    pull.updatedAt = tick();
    fake.log.length = 0;
    const result = await reviewPullRequest(portFor(fake), options({ labels: false }));
    expect(result.comment?.action).toBe("updated");
    expect(fake.commentsOn(REPO, 7)).toHaveLength(250);
    expect(fake.log.filter((r) => r.operation === "issues/list-comments")).toHaveLength(3);
  });

  it("never touches a comment someone else wrote, even with our marker in it", async () => {
    seedPull(fake);
    const quote = `${MARKER}\nI copied this from the bot <!-- blastradius:analysis\n{"headSha":"x","validAt":"9999"}\n-->`;
    const foreign = fake.addComment(REPO, 7, quote, { login: "mallory", type: "User" });
    const result = await reviewPullRequest(portFor(fake), options());
    expect(result.comment?.action).toBe("created");
    expect(result.comment?.foreign).toBe(1);
    expect(foreign.body).toBe(quote);
    expect(fake.commentsOn(REPO, 7)).toHaveLength(2);
    expect(result.notes.map((n) => n.text).join("\n")).toContain("left alone 1 comment");
  });

  it("with comment-author set, only that login's comments are ours", async () => {
    seedPull(fake);
    fake.tokens.set("pat", { login: "release-bot", type: "User" });
    const bot = fake.addComment(REPO, 7, `${MARKER}\nold`, ACTIONS_BOT);
    const result = await reviewPullRequest(
      portFor(fake, "pat"),
      options({ commentAuthor: "release-bot", labels: false }),
    );
    expect(result.comment?.action).toBe("created");
    expect(bot.body).toBe(`${MARKER}\nold`);
  });

  it("waits out 500s and a secondary rate limit, then succeeds", async () => {
    seedPull(fake);
    fake.faults.push({ operation: "pulls/get", status: 500, times: 2 });
    fake.faults.push({
      operation: "issues/create-comment",
      status: 403,
      times: 1,
      message:
        "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
      headers: { "retry-after": "1" },
    });
    const result = await reviewPullRequest(portFor(fake), options({ labels: false }));
    expect(result.comment?.action).toBe("created");
    expect(fake.log.filter((r) => r.operation === "pulls/get").map((r) => r.status)).toEqual([
      500, 500, 200, 200,
    ]);
    expect(
      fake.log.filter((r) => r.operation === "issues/create-comment").map((r) => r.status),
    ).toEqual([403, 201]);
  });

  it("gives up after the retry bound with a clear error", async () => {
    seedPull(fake);
    fake.faults.push({ operation: "pulls/get", status: 502, times: 10, message: "Bad Gateway" });
    const error = await reviewPullRequest(portFor(fake), options()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect((error as Error).message).toBe(
      'cannot read the pull request: GitHub answered 502 "Bad Gateway"',
    );
    expect(fake.log.filter((r) => r.operation === "pulls/get")).toHaveLength(4);
  });

  it("a read-only token: the analysis and body survive, the write problem names the permission", async () => {
    seedPull(fake);
    fake.tokens.set("read-only", { ...ACTIONS_BOT, readOnly: true });
    const result = await reviewPullRequest(portFor(fake, "read-only"), options());
    expect(result.body).toContain("`report/revenue`");
    expect(result.problems.map((p) => [p.step, p.error.status, p.error.permission])).toEqual([
      ["comment", 403, "pull-requests: write"],
      ["labels", 403, "issues: write"],
    ]);
    expect(fake.comments).toHaveLength(0);
  });

  it("reads the changed Terraform at base and head: a narrowed trust breaks the contract, with file and line", async () => {
    seedPull(fake);
    const role = readFileSync(join(ROOT, ROLE_FILE), "utf8");
    fake.setFile(REPO, BASE_SHA, ROLE_FILE, role);
    fake.setFile(REPO, HEAD_SHA, ROLE_FILE, role.replace("role/job-runner", "role/job-runner-v2"));
    const result = await reviewPullRequest(portFor(fake), options({ labels: false }));
    const changed = result.analysis.impact.changed[0];
    expect(changed?.classes).toEqual(["trust-narrowed", "trust-widened"]);
    const line = role.split("\n").findIndex((l) => l.includes("role/job-runner")) + 1;
    expect(result.analysis.impact.contracts).toContainEqual(
      expect.objectContaining({
        dependent: "service/external-job-runner",
        status: "broken",
        reason:
          "iam-role/automation-runner no longer trusts arn:aws:iam::111111111111:role/job-runner; it did at base",
        evidence: expect.objectContaining({ file: ROLE_FILE, line }),
      }),
    );
    const body = fake.commentsOn(REPO, 7)[0]?.body ?? "";
    expect(body).toContain("**Contracts:**");
    expect(body).toContain(
      "🔴 broken: `service/external-job-runner` expects of `iam-role/automation-runner`: trusts arn:aws:iam::111111111111:role/job-runner",
    );
    expect(body).toContain(`(\`${ROLE_FILE}:${line}\`)`);
    // The one to talk to is the dependent's owner (mentioned: mentionOwners is on), with the
    // two ways forward for a contract.
    expect(body).toContain(
      "  - Talk to `job-runners` @acme/job-runners `#job-runners`, owner of `service/external-job-runner`.",
    );
    expect(body).toContain(
      "  - Ways forward: either keep what it expects (revert that part of the change, or keep the old principal trusted during a transition), or its owner changes the contract (update `expects` on the edge",
    );
    expect(body).toContain("Keep the old principal trusted during a transition");
  });

  describe("a contract that would break an edge that does not break otherwise", () => {
    const graph = (pending: boolean) => `version: 1
owners:
  job-runners: { github: "@acme/job-runners" }
nodes:
  iam-role/automation-runner:
    kind: iam-role
    tier: 0
    match: { paths: [${ROLE_FILE}], terraform: [aws_iam_role.automation_runner] }
  service/external-job-runner:
    kind: service
    owner: job-runners
    tier: 2
    depends_on:
      - on: iam-role/automation-runner
        via: reads
        breaks_on: [deleted]
        expects:
          trusts: [{ principal: "arn:aws:iam::111111111111:role/job-runner", pending: ${pending} }]
`;
    const review = async (pending: boolean) => {
      seedPull(fake);
      fake.setFile(REPO, BASE_SHA, "deps.yaml", graph(pending));
      const role = readFileSync(join(ROOT, ROLE_FILE), "utf8");
      fake.setFile(REPO, BASE_SHA, ROLE_FILE, role);
      fake.setFile(
        REPO,
        HEAD_SHA,
        ROLE_FILE,
        role.replace("role/job-runner", "role/job-runner-v2"),
      );
      return reviewPullRequest(portFor(fake), options({ labels: false, failOn: "medium" }));
    };

    it("pending: shown as would break, the dependent only at risk, the gate open", async () => {
      const result = await review(true);
      const impact = result.analysis.impact;
      expect(impact.contracts.map((c) => c.status)).toEqual(["pending"]);
      expect(impact.impacted.map((n) => [n.id, n.severity])).toEqual([
        ["service/external-job-runner", "at-risk"],
      ]);
      expect(impact.risk).toBe("low");
      expect(result.gate.verdict).toBe("pass");
      const body = fake.commentsOn(REPO, 7)[0]?.body ?? "";
      expect(body).toContain("**Pending and waived contracts** (shown, not enforced):");
      expect(body).toContain(
        "- ⏳ pending: would break: `service/external-job-runner` expects of `iam-role/automation-runner`: trusts arn:aws:iam::111111111111:role/job-runner",
      );
      expect(body).not.toContain("🔴 broken");
      expect(body).not.toContain("Talk to");
    });

    it("enforced: the same break closes the gate", async () => {
      const result = await review(false);
      const impact = result.analysis.impact;
      expect(impact.contracts.map((c) => c.status)).toEqual(["broken"]);
      expect(impact.impacted.map((n) => [n.id, n.severity])).toEqual([
        ["service/external-job-runner", "breaking"],
      ]);
      expect(impact.risk).toBe("medium");
      expect(result.gate.verdict).toBe("fail");
      expect(fake.commentsOn(REPO, 7)[0]?.body).toContain(
        "  - Talk to `job-runners` @acme/job-runners, owner of `service/external-job-runner`.",
      );
    });
  });

  it("a comment-only edit of a Terraform file changes nothing", async () => {
    seedPull(fake);
    const role = readFileSync(join(ROOT, ROLE_FILE), "utf8");
    fake.setFile(REPO, BASE_SHA, ROLE_FILE, role);
    fake.setFile(REPO, HEAD_SHA, ROLE_FILE, `# reviewed\n${role}`);
    const result = await reviewPullRequest(portFor(fake), options({ post: false }));
    expect(result.analysis.impact.changed).toEqual([]);
    expect(result.analysis.impact.quietFiles[0]?.file).toBe(ROLE_FILE);
    expect(result.analysis.impact.risk).toBe("none");
  });

  it("reads a Terraform folder whole through the port: an attachment in one file, the policy in another", async () => {
    const folder = "examples/terraform/iam";
    const policyFile = `${folder}/warehouse-loader-policy.tf`;
    for (const name of [
      "automation-runner.tf",
      "job-runner-service-account.tf",
      "warehouse-loader-policy.tf",
    ]) {
      const text = readFileSync(join(ROOT, folder, name), "utf8");
      fake.setFile(REPO, BASE_SHA, `${folder}/${name}`, text);
      fake.setFile(
        REPO,
        HEAD_SHA,
        `${folder}/${name}`,
        text.replace(
          '"s3:GetObject", "s3:PutObject", "s3:ListBucket"',
          '"s3:GetObject", "s3:ListBucket"',
        ),
      );
    }
    seedPull(fake, [policyFile]);
    const listed: string[] = [];
    const port: GitHubPort = {
      ...portFor(fake),
      listFolder: async (repo, path, ref) => {
        listed.push(`${path}@${ref.slice(0, 1)}`);
        const names = [...(fake.contents.get(repo)?.get(ref)?.keys() ?? [])]
          .filter((p) => p.startsWith(`${path}/`) && !p.slice(path.length + 1).includes("/"))
          .map((p) => p.slice(path.length + 1));
        return names.length > 0 ? names : undefined;
      },
    };
    const result = await reviewPullRequest(port, options({ post: false }));
    expect(listed.sort()).toEqual([`${folder}@a`, `${folder}@b`]);
    const policy = result.analysis.impact.changed.find(
      (c) => c.id === "iam-policy/warehouse-loader",
    );
    expect(policy?.classes).toEqual(["permissions-removed"]);
    // The role's change (its attachment is in automation-runner.tf) is evaluated with the
    // folder, but the policy node, which names no Terraform resources, owns only its file's.
    expect(policy?.resources.map((r) => r.address)).toEqual(["aws_iam_policy.warehouse_loader"]);
    expect(policy?.causes[0]?.evidence[0]?.detail).toBe(
      "policy aws_iam_policy.warehouse_loader: no longer allows s3:PutObject on arn:aws:s3:::acme-landing",
    );
  });

  it("a rename is matched on both paths", async () => {
    seedPull(fake, [
      {
        filename: "examples/terraform/iam/runner.tf",
        status: "renamed",
        previous_filename: ROLE_FILE,
      },
    ]);
    const result = await reviewPullRequest(portFor(fake), options({ post: false }));
    // The fake serves no contents for the renamed file: it is not judged, so unknown as well.
    expect(result.analysis.impact.changed).toMatchObject([
      { id: "iam-role/automation-runner", classes: ["renamed", "unknown"] },
    ]);
  });

  it("reads a graph file over 1 MB through the raw media type", async () => {
    seedPull(fake);
    const base = fake.contents.get(REPO)?.get(BASE_SHA)?.get("deps.yaml") ?? "";
    const padding = `# ${"x".repeat(98)}\n`.repeat(11_000);
    fake.setFile(REPO, BASE_SHA, "deps.yaml", `${padding}${base}`);
    const result = await reviewPullRequest(portFor(fake), options({ post: false }));
    expect(result.analysis.impact.impacted).toHaveLength(11);
    const reads = fake.log.filter(
      (r) => r.operation === "repos/get-content" && r.url.includes("deps.yaml"),
    );
    expect(reads).toHaveLength(2);
  });

  it("a missing pull request is a 404 error", async () => {
    seedGraph(fake);
    const error = await reviewPullRequest(portFor(fake), options({ number: 404 })).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ status: 404, action: "read the pull request" });
  });

  it("says plainly when GitHub listed only 3,000 of 3,500 files", async () => {
    const files = Array.from({ length: 3499 }, (_, i) => `docs/page-${i}.md`);
    files.push(ROLE_FILE); // the 3,500th: past GitHub's limit, so only git can see it
    seedPull(fake, files);
    const result = await reviewPullRequest(
      portFor(fake),
      options({ labels: false, failOn: "high" }),
    );
    expect(result.analysis.files).toEqual({ seen: 3000, total: 3500, source: "api" });
    // Fails closed: 500 files nobody saw may hold anything.
    expect(result.analysis.impact.unjudged).toHaveLength(1);
    expect(result.body).toContain("Incomplete: 1 thing could not be judged");
    expect(result.body).toContain("500 of its 3,500 files were not seen");
    expect(result.gate).toMatchObject({ verdict: "fail", incomplete: true });
    const warned = await reviewPullRequest(
      portFor(fake),
      options({ labels: false, failOn: "high", onIncomplete: "warn", post: false }),
    );
    expect(warned.gate.verdict).toBe("pass");
    expect(result.notes.map((n) => n.text).join("\n")).toContain(
      "saw only 3,000 of its 3,500 files",
    );
    expect(fake.log.filter((r) => r.operation === "pulls/list-files")).toHaveLength(60);
  });

  it("falls back to the local git diff when a full checkout has both commits", async () => {
    const files = Array.from({ length: 3499 }, (_, i) => `docs/page-${i}.md`);
    files.push(ROLE_FILE);
    seedPull(fake, files);
    const seen: string[] = [];
    const result = await reviewPullRequest(
      portFor(fake),
      options({
        labels: false,
        localDiff: (base, head) => {
          seen.push(base, head);
          return files.map((path) => ({ path, status: "modified" as const }));
        },
      }),
    );
    expect(seen).toEqual([BASE_SHA, HEAD_SHA]);
    expect(result.analysis.files).toEqual({ seen: 3500, total: 3500, source: "git" });
    expect(result.analysis.impact.changed.map((c) => c.id)).toEqual(["iam-role/automation-runner"]);
    expect(result.body).toContain("read from the local checkout");
  });

  it("an invalid graph at base fails with file and line, and posts nothing", async () => {
    seedPull(fake);
    fake.setFile(
      REPO,
      BASE_SHA,
      "deps.yaml",
      "version: 1\nnodes:\n  a:\n    kind: service\n    depends_on: [missing]\n",
    );
    const error = await reviewPullRequest(portFor(fake), options()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidDepsError);
    const [first] = (error as InvalidDepsError).errors;
    expect(first).toMatchObject({ file: "deps.yaml", line: 5, code: "unknown-node" });
    expect(counts(fake).writes).toBe(0);
  });

  it("reads the graph at the base commit, and shows what the pull request does to it", async () => {
    seedPull(fake, [ROLE_FILE, "deps.yaml"]);
    const base = fake.contents.get(REPO)?.get(BASE_SHA)?.get("deps.yaml") ?? "";
    // The head adds a dependent of the role: the analysis must not see it yet.
    fake.setFile(
      REPO,
      HEAD_SHA,
      "deps.yaml",
      `${base}\n  service/new-thing:\n    kind: service\n    owner: sre\n    depends_on: [iam-role/automation-runner]\n`,
    );
    fake.setFile(
      REPO,
      HEAD_SHA,
      "examples/deps/bi.yaml",
      fake.contents.get(REPO)?.get(BASE_SHA)?.get("examples/deps/bi.yaml") ?? "",
    );
    const result = await reviewPullRequest(portFor(fake), options({ labels: false }));
    expect(result.analysis.impact.impacted.map((n) => n.id)).not.toContain("service/new-thing");
    expect(result.analysis.graphChange).toMatchObject({
      kind: "diff",
      diff: { nodesAdded: ["service/new-thing"] },
    });
    expect(result.body).toContain("This pull request changes the dependency graph");
    expect(result.body).toContain("`service/new-thing` depends on `iam-role/automation-runner`");
  });

  it("a huge change to the graph is cut to fit the comment, which is still posted", async () => {
    seedPull(fake, [ROLE_FILE, "deps.yaml"]);
    const base = fake.contents.get(REPO)?.get(BASE_SHA)?.get("deps.yaml") ?? "";
    // Few nodes, each with an id of 20,000 characters: the section's item caps do not help.
    const added = Array.from(
      { length: 30 },
      (_, i) =>
        `  service/added-${i}-${"x".repeat(20_000)}:\n    kind: service\n    owner: sre\n    depends_on: [iam-role/automation-runner]\n`,
    ).join("");
    fake.setFile(REPO, HEAD_SHA, "deps.yaml", `${base}\n${added}`);
    fake.setFile(
      REPO,
      HEAD_SHA,
      "examples/deps/bi.yaml",
      fake.contents.get(REPO)?.get(BASE_SHA)?.get("examples/deps/bi.yaml") ?? "",
    );
    const result = await reviewPullRequest(portFor(fake), options({ labels: false }));
    expect(result.problems).toEqual([]);
    expect(result.comment?.action).toBe("created");
    expect(result.body.length).toBeLessThan(65_536);
    expect(result.body).toContain("is longer than this comment can show");
    expect(readCommentMeta(result.body)?.risk).toBe("high");
  });

  it("a graph on a Backstage catalog: Locations are read through the API, and a catalog edit shows as a graph change", async () => {
    const dir = "examples/backstage";
    const files = [
      "deps.yaml",
      ...[
        "all.yaml",
        "apis.yaml",
        "components.yaml",
        "groups.yaml",
        "systems.yaml",
        "resources.yaml",
        "components/showcase.yaml",
        "apis/petstore.yaml",
        "apis/nexus-repo-manager-3.yaml",
        "groups/janus-authors.yaml",
        "groups/rhdh-team.yaml",
        "systems/janus-idp.yaml",
        ...["pgdb", "argocd", "obc", "keycloak", "github"].map((r) => `resources/${r}.yaml`),
      ].map((f) => `catalog-entities/${f}`),
    ];
    for (const sha of [BASE_SHA, HEAD_SHA])
      for (const file of files)
        fake.setFile(REPO, sha, `${dir}/${file}`, readFileSync(join(ROOT, dir, file), "utf8"));
    // The head drops keycloak from the showcase's dependsOn: the base graph still has it.
    const showcase = `${dir}/catalog-entities/components/showcase.yaml`;
    fake.setFile(
      REPO,
      HEAD_SHA,
      showcase,
      readFileSync(join(ROOT, showcase), "utf8").replace("    - resource:keycloak\n", ""),
    );
    seedPull(fake, [`${dir}/deploy/keycloak/realm.json`, showcase]);
    const result = await reviewPullRequest(
      portFor(fake),
      options({ deps: parseDepsLocation(`${dir}/deps.yaml`), labels: false }),
    );
    expect(result.analysis.impact.impacted.map((n) => [n.id, n.severity])).toEqual([
      ["component:backstage-showcase", "breaking"],
      ["system:janus-idp", "breaking"],
    ]);
    expect(result.analysis.graphChange).toMatchObject({
      kind: "diff",
      diff: {
        edgesRemoved: [
          { from: "component:backstage-showcase", to: "resource:keycloak", via: "depends-on" },
        ],
      },
    });
    expect(result.body).toContain("`component:backstage-showcase`");
    expect(result.body).toContain("@janus-idp/maintainers");
  });

  it("the pull request that adds deps.yaml is checked against its own graph, and says so", async () => {
    fake.addPull(REPO, {
      number: 7,
      files: [
        { filename: "deps.yaml", status: "added" },
        { filename: "examples/deps/bi.yaml", status: "added" },
        { filename: ROLE_FILE, status: "added" },
      ],
    });
    seedGraph(fake, HEAD_SHA);
    const result = await reviewPullRequest(portFor(fake), options({ requestReviewers: true }));
    expect(result.analysis.graphSource).toBe(`${REPO}@${HEAD_SHA.slice(0, 12)}`);
    expect(result.analysis.impact.impacted.length).toBeGreaterThan(0);
    // A preview: the owners come from the pull request's author, so nobody is pinged or asked.
    expect(result.analysis.preview).toBe(true);
    expect(result.body).toContain("Preview: the graph comes from this pull request");
    expect(result.body).not.toMatch(/(^|\s)@[a-z]/m);
    expect(result.body).toContain("`@acme/finance-analytics`");
    expect(result.reviewersRequested).toEqual([]);
    expect(fake.log.filter((r) => r.operation === "pulls/request-reviewers")).toHaveLength(0);
    expect(result.notes.map((n) => n.text).join("\n")).toContain(
      "deps.yaml does not exist at the base commit",
    );
  });

  it("no deps.yaml at the base, and the pull request does not add one: an error naming the file", async () => {
    fake.addPull(REPO, { number: 7, files: [{ filename: ROLE_FILE, status: "modified" }] });
    const error = await reviewPullRequest(portFor(fake), options()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidDepsError);
    expect((error as InvalidDepsError).errors[0]).toMatchObject({
      file: "deps.yaml",
      code: "file-not-found",
    });
  });

  it("says when the pull request breaks the graph", async () => {
    seedPull(fake, ["deps.yaml"]);
    fake.setFile(REPO, HEAD_SHA, "deps.yaml", "version: 1\nnodes: [\n");
    const result = await reviewPullRequest(portFor(fake), options({ labels: false }));
    expect(result.analysis.graphChange?.kind).toBe("broken");
    expect(result.body).toContain("This pull request breaks the dependency graph");
    expect(result.body).toMatch(/`deps\.yaml:\d+:\d+/);
  });

  it("when the impact disappears, the comment says there is no longer any", async () => {
    const pull = seedPull(fake);
    await reviewPullRequest(portFor(fake), options({ labels: false }));
    pull.files = [{ filename: "README.md", status: "modified" }];
    pull.updatedAt = tick();
    const result = await reviewPullRequest(portFor(fake), options({ labels: false }));
    expect(result.comment?.action).toBe("updated");
    expect(fake.commentsOn(REPO, 7)[0]?.body).toContain("there is no longer any downstream impact");
  });

  it("an older run that finishes last writes nothing: no comment, no label, no review request", async () => {
    const pull = seedPull(fake);
    const staleAt = pull.updatedAt;
    pull.updatedAt = tick();
    await reviewPullRequest(
      portFor(fake),
      options({ run: "https://github.com/acme/infra/actions/runs/2" }),
    );
    const written = fake.commentsOn(REPO, 7)[0]?.body;
    expect(pull.labels).toEqual(["blast-radius:high"]);
    pull.files = [{ filename: "README.md", status: "modified" }];
    const writes = counts(fake).writes;
    // The older run read the pull request before the newer one did; GitHub answers any later
    // read with the latest update.
    const real = portFor(fake);
    let reads = 0;
    const older: GitHubPort = {
      ...real,
      getPullRequest: async (repo, number) => {
        const info = await real.getPullRequest(repo, number);
        return ++reads === 1 ? { ...info, updatedAt: staleAt } : info;
      },
    };
    const result = await reviewPullRequest(older, options({ requestReviewers: true }));
    expect(result.superseded).toContain("actions/runs/2");
    expect(result.comment).toBeUndefined();
    expect(fake.commentsOn(REPO, 7)[0]?.body).toBe(written);
    expect(pull.labels).toEqual(["blast-radius:high"]);
    expect(counts(fake).writes).toBe(writes);
  });

  it("a block edited to claim a reading from the future does not freeze the comment", async () => {
    const pull = seedPull(fake);
    await reviewPullRequest(portFor(fake), options({ labels: false }));
    const comment = fake.commentsOn(REPO, 7)[0];
    if (!comment) throw new Error("no comment");
    comment.body = comment.body.replace(/"validAt":"[^"]*"/, '"validAt":"9999-12-31T00:00:00Z"');
    pull.files = [{ filename: "README.md", status: "modified" }];
    pull.updatedAt = tick();
    const result = await reviewPullRequest(portFor(fake), options({ labels: false }));
    expect(result.superseded).toBeUndefined();
    expect(result.comment?.action).toBe("updated");
    expect(fake.commentsOn(REPO, 7)[0]?.body).toContain("there is no longer any downstream impact");
    expect(fake.commentsOn(REPO, 7)[0]?.body).not.toContain("9999-12-31");
  });

  it("a push while the run worked supersedes it: it writes nothing and names the newer head", async () => {
    const pull = seedPull(fake);
    const real = portFor(fake);
    let reads = 0;
    // The pull request as GitHub answers it again after the analysis: a newer head.
    const port: GitHubPort = {
      ...real,
      getPullRequest: async (repo, number) => {
        const info = await real.getPullRequest(repo, number);
        return ++reads === 1 ? info : { ...info, headSha: "c".repeat(40) };
      },
    };
    const result = await reviewPullRequest(port, options());
    expect(result.superseded).toContain("ccccccc");
    expect(fake.commentsOn(REPO, 7)).toEqual([]);
    expect(pull.labels).toEqual([]);
  });

  it("another app's bot comment that starts with our marker is not ours: never edited or deleted", async () => {
    seedPull(fake);
    const other = fake.addComment(REPO, 7, `${MARKER}\nfrom another app`, {
      login: "other-app[bot]",
      type: "Bot",
    });
    const result = await reviewPullRequest(portFor(fake), options({ labels: false }));
    expect(result.comment?.action).toBe("created");
    expect(result.comment?.foreign).toBe(1);
    const bodies = fake.commentsOn(REPO, 7).map((c) => c.body);
    expect(bodies).toContain(other.body);
    expect(bodies).toHaveLength(2);
  });

  it("removes only the risk labels it creates, never others with its prefix", async () => {
    const pull = seedPull(fake, [ROLE_FILE], {
      labels: ["blast-radius:do-not-merge", "blast-radius:none"],
    });
    const result = await reviewPullRequest(portFor(fake), options({ comment: "off" }));
    expect(result.labelsRemoved).toEqual(["blast-radius:none"]);
    expect(pull.labels.sort()).toEqual(["blast-radius:do-not-merge", "blast-radius:high"]);
  });

  it("an acknowledgement covers the analysis it was given for; a push that adds breaking nodes needs a new one", async () => {
    const POLICY = "examples/terraform/iam/warehouse-loader-policy.tf";
    const pull = seedPull(fake, [POLICY]);
    const gated = options({ failOn: "low" });
    const first = await reviewPullRequest(portFor(fake), gated);
    expect(first.gate.verdict).toBe("fail");
    // A reviewer reads the comment and acknowledges it.
    pull.labels.push("blast-radius:acknowledged");
    pull.updatedAt = tick();
    const acknowledged = await reviewPullRequest(portFor(fake), gated);
    expect(acknowledged.gate.verdict).toBe("acknowledged");
    expect(readCommentMeta(fake.commentsOn(REPO, 7)[0]?.body ?? "")?.acknowledged).toMatchObject({
      risk: first.analysis.impact.risk,
    });
    // The same analysis again (a re-run): still covered.
    pull.updatedAt = tick();
    expect((await reviewPullRequest(portFor(fake), gated)).gate.verdict).toBe("acknowledged");
    // A push that now also changes the tier-0 role.
    pull.files = [
      { filename: POLICY, status: "modified" },
      { filename: ROLE_FILE, status: "removed" },
    ];
    pull.updatedAt = tick();
    const pushed = await reviewPullRequest(portFor(fake), gated);
    expect(pushed.gate.verdict).toBe("stale");
    expect(pushed.gate.beyond?.join(" ")).toContain("new breaking");
    expect(pushed.acknowledgementRemoved).toBe(true);
    expect(pull.labels).not.toContain("blast-radius:acknowledged");
    expect(pushed.body).toContain("It needs a new acknowledgement");
    expect(readCommentMeta(fake.commentsOn(REPO, 7)[0]?.body ?? "")?.acknowledged).toBeUndefined();
    // Acknowledged again, after reading the new comment: it covers the new analysis.
    pull.labels.push("blast-radius:acknowledged");
    pull.updatedAt = tick();
    expect((await reviewPullRequest(portFor(fake), gated)).gate.verdict).toBe("acknowledged");
  });

  it("a symlink at a matched path: that file is not judged, the run goes on, the gate fails closed", async () => {
    const POLICY = "examples/terraform/iam/warehouse-loader-policy.tf";
    seedPull(fake, [{ filename: POLICY, status: "modified" }]);
    fake.setFile(REPO, BASE_SHA, POLICY, 'resource "aws_iam_policy" "x" {}\n');
    fake.setSpecial(REPO, HEAD_SHA, POLICY, { type: "symlink", target: "/dev/zero" });
    const result = await reviewPullRequest(portFor(fake), options({ failOn: "high" }));
    expect(result.analysis.impact.unjudged.map((u) => u.file)).toContain(POLICY);
    expect(result.analysis.impact.changed[0]?.classes).toContain("unknown");
    expect(result.gate).toMatchObject({ verdict: "fail", incomplete: true });
    expect(result.comment?.action).toBe("created");
    expect(result.body).toContain("Incomplete");
  });

  it("a file over the read limit is refused by its size, never downloaded, and not judged", async () => {
    const POLICY = "examples/terraform/iam/warehouse-loader-policy.tf";
    seedPull(fake, [{ filename: POLICY, status: "modified" }]);
    fake.setFile(REPO, BASE_SHA, POLICY, 'resource "aws_iam_policy" "x" {}\n');
    fake.setFile(REPO, HEAD_SHA, POLICY, `# ${"x".repeat(17 * 1024 * 1024)}\n`);
    const result = await reviewPullRequest(portFor(fake), options({ labels: false }));
    expect(result.analysis.impact.unjudged.map((u) => u.file)).toContain(POLICY);
    expect(result.analysis.impact.changed[0]?.classes).toContain("unknown");
  });

  it("a label put on before any analysis was shown acknowledges nothing", async () => {
    seedPull(fake, [ROLE_FILE], { labels: ["blast-radius:acknowledged"] });
    const result = await reviewPullRequest(portFor(fake), options({ failOn: "high" }));
    expect(result.gate.verdict).toBe("stale");
    expect(result.body).toContain("before any analysis was shown");
  });

  it("comment-when impact: no new comment without impact, but an existing one is kept current", async () => {
    const pull = seedPull(fake, ["README.md"]);
    const quiet = await reviewPullRequest(
      portFor(fake),
      options({ postWhenEmpty: false, labels: false }),
    );
    expect(quiet.comment?.action).toBe("skipped-no-impact");
    expect(fake.comments).toHaveLength(0);
    pull.files = [{ filename: ROLE_FILE, status: "modified" }];
    pull.updatedAt = tick();
    await reviewPullRequest(portFor(fake), options({ postWhenEmpty: false, labels: false }));
    pull.files = [{ filename: "README.md", status: "modified" }];
    pull.updatedAt = tick();
    const cleared = await reviewPullRequest(
      portFor(fake),
      options({ postWhenEmpty: false, labels: false }),
    );
    expect(cleared.comment?.action).toBe("updated");
  });

  it("recreate deletes our comment and posts it again", async () => {
    const pull = seedPull(fake);
    await reviewPullRequest(portFor(fake), options({ labels: false }));
    const first = fake.commentsOn(REPO, 7)[0]?.id;
    pull.files = [{ filename: "examples/warehouse/models/orders.sql", status: "modified" }];
    pull.updatedAt = tick();
    const result = await reviewPullRequest(
      portFor(fake),
      options({ labels: false, comment: "recreate" }),
    );
    expect(result.comment?.action).toBe("recreated");
    expect(fake.commentsOn(REPO, 7).map((c) => c.id)).not.toContain(first);
    expect(fake.commentsOn(REPO, 7)).toHaveLength(1);
  });

  it("keeps one risk label, and leaves the acknowledgement alone", async () => {
    seedPull(fake, [ROLE_FILE], {
      labels: ["blast-radius:low", "blast-radius:acknowledged", "bug"],
    });
    const result = await reviewPullRequest(portFor(fake), options({ comment: "off" }));
    expect(result.labelsRemoved).toEqual(["blast-radius:low"]);
    expect(result.labelsAdded).toEqual(["blast-radius:high"]);
    expect(fake.pulls.get(`${REPO}#7`)?.labels.sort()).toEqual([
      "blast-radius:acknowledged",
      "blast-radius:high",
      "bug",
    ]);
  });

  it("requests review from owners; a team the token cannot see is a problem, not a failure", async () => {
    seedPull(fake);
    fake.teams.add("data-access");
    const result = await reviewPullRequest(
      portFor(fake),
      options({ requestReviewers: true, labels: false }),
    );
    expect(result.comment?.action).toBe("created");
    expect(result.problems.map((p) => [p.step, p.error.status])).toEqual([["reviewers", 422]]);
  });

  it("the gate fails at the threshold unless acknowledged", async () => {
    seedPull(fake);
    const failing = await reviewPullRequest(
      portFor(fake),
      options({ failOn: "high", post: false }),
    );
    expect(failing.gate).toMatchObject({ verdict: "fail" });
    expect(failing.gate.causes[0]).toBe("service/rls-access");
    fake.pulls.get(`${REPO}#7`)?.labels.push("blast-radius:acknowledged");
    const acknowledged = await reviewPullRequest(
      portFor(fake),
      options({ failOn: "high", post: false }),
    );
    expect(acknowledged.gate.verdict).toBe("acknowledged");
    expect(counts(fake).writes).toBe(0);
  });

  it("reads a central graph from another repository at a ref", async () => {
    fake.addPull(REPO, { number: 7, files: [{ filename: ROLE_FILE, status: "modified" }] });
    seedGraph(fake, "v2", "acme/graph");
    const result = await reviewPullRequest(
      portFor(fake),
      options({ deps: parseDepsLocation("acme/graph:deps.yaml@v2"), labels: false }),
    );
    expect(result.analysis.graphSource).toBe("acme/graph@v2");
    expect(result.analysis.impact.impacted).toHaveLength(11);
    expect(
      fake.commentsOn(REPO, 7)[0]?.body.startsWith(commentMarker("acme/graph:deps.yaml@v2")),
    ).toBe(true);
  });
});
