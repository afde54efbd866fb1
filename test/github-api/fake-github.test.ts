// The local GitHub API keeps to GitHub's description: a check of the checker.

import { describe, expect, it } from "vitest";
import { startFakeGitHub } from "./fake-github.js";
import { loadOpenApi, missingGitHubData } from "./openapi.js";

describe.skipIf(missingGitHubData)("the local GitHub API", () => {
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
