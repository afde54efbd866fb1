// The local GitHub API keeps to GitHub's description: a check of the checker.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SHARED_DATA } from "../shared-data.js";
import { describeOnShared } from "../skips.js";
import { startFakeGitHub } from "./fake-github.js";
import { DESCRIPTION, extractOperations, loadOpenApi, USED_OPERATIONS } from "./openapi.js";
import { webhookExample } from "./webhooks.js";

describe("the local GitHub API", () => {
  it("knows every operation blastradius calls", () => {
    const ids = loadOpenApi().operations.map((o) => o.id);
    for (const id of [
      "pulls/get",
      "pulls/list-files",
      "repos/get-content",
      "issues/list-comments",
      "issues/create-comment",
      "issues/update-comment",
      "issues/delete-comment",
      "issues/add-labels",
      "issues/remove-label",
      "pulls/request-reviewers",
    ])
      expect(ids).toContain(id);
  });

  it("catches a response that breaks the schema, and a request GitHub would not understand", async () => {
    const api = loadOpenApi();
    const get = api.match("GET", "/repos/a/b/pulls/1");
    expect(get?.operation.id).toBe("pulls/get");
    expect(api.checkResponse(get!.operation, 200, { number: "one" }).length).toBeGreaterThan(0);
    const create = api.match("POST", "/repos/a/b/issues/1/comments");
    expect(api.checkRequest(create!.operation, new URLSearchParams(), { text: "hi" })).toEqual([
      "body: (root) must have required property 'body'",
    ]);
    const fake = await startFakeGitHub();
    const response = await fetch(`${fake.url}/repos/a/b/teleport`, {
      headers: { authorization: "token test-token" },
    });
    expect(response.status).toBe(404);
    expect(fake.problems).toEqual(["unexpected request GET /repos/a/b/teleport"]);
    await fake.close();
  });

  it("refuses a request without a known token, as GitHub does", async () => {
    const fake = await startFakeGitHub();
    const response = await fetch(`${fake.url}/repos/a/b/pulls/1`, {
      headers: { authorization: "token nope" },
    });
    expect(response.status).toBe(401);
    await fake.close();
  });
});

describe("GitHub's published material, from the registry", () => {
  it("serves exactly the operations blastradius calls, in the order requests are matched", () => {
    const operations = loadOpenApi().operations;
    expect(operations.map((o) => [o.method.toLowerCase(), o.template])).toEqual(USED_OPERATIONS);
    // The content path keeps its slashes; a request for an operation we do not use is unknown.
    expect(loadOpenApi().match("GET", "/repos/a/b/contents/x/y.tf")?.params.path).toBe("x/y.tf");
    expect(loadOpenApi().match("DELETE", "/repos/a/b")).toBeUndefined();
  });

  it("gives the pull_request examples a runner's event file has", () => {
    const opened = webhookExample("pull_request", "opened") as {
      action: string;
      pull_request: { number: number; head: { sha: string }; base: { sha: string } };
    };
    expect(opened.action).toBe("opened");
    expect(opened.pull_request.head.sha).toMatch(/^[0-9a-f]{40}$/);
    expect(opened.pull_request.base.sha).toMatch(/^[0-9a-f]{40}$/);
    // A copy: one test's edits do not reach the next.
    opened.pull_request.number = -1;
    expect(
      (webhookExample("pull_request", "opened") as typeof opened).pull_request.number,
    ).not.toBe(-1);
    expect(() => webhookExample("pull_request", "teleported")).toThrow(
      /no pull_request.teleported/,
    );
  });
});

// CI has the extract and payloads the tests used before they read the registry: the same cut.
describeOnShared("githubApi", "GitHub's published material, against ../shared", () => {
  const shared = (file: string) =>
    JSON.parse(readFileSync(join(SHARED_DATA.githubApi, file), "utf8")) as Record<string, unknown>;

  it("the registry's description, cut to our operations, is ../shared's extract", () => {
    const extract = shared("openapi-extract__operations.json");
    const cut = extractOperations(JSON.parse(readFileSync(DESCRIPTION, "utf8")));
    expect(Object.keys(cut.paths as object)).toEqual(Object.keys(extract.paths as object));
    expect(cut.paths).toEqual(extract.paths);
    expect(cut.components).toEqual(extract.components);
  });

  it("the registry's pull_request examples are ../shared's payloads", () => {
    for (const action of ["opened", "closed", "synchronize"])
      expect(webhookExample("pull_request", action), action).toEqual(
        shared(`webhooks-examples__pull_request.${action}.json`),
      );
  });
});
