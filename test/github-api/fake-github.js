// A local GitHub REST API on 127.0.0.1 for tests: the real octokit client talks to it over
// HTTP. Every request is matched to an operation of GitHub's OpenAPI description and checked
// against it; every response is built from GitHub's published examples and checked too. Any
// request it does not know, or any shape that does not match, is recorded as a problem that
// the test asserts is absent.
import { createServer } from "node:http";
import { loadOpenApi } from "./openapi.js";
export const ACTIONS_BOT = { login: "github-actions[bot]", type: "Bot" };
const PER_PAGE_MAX = 100;
/** pulls/list-files answers at most this many files, however many the PR has. */
export const LIST_FILES_LIMIT = 3000;
/** repos/get-content inlines files up to 1 MB. */
const CONTENT_INLINE_LIMIT = 1024 * 1024;
let clock = Date.parse("2026-11-20T09:00:00Z");
/** Strictly increasing timestamps, as GitHub's would be across requests. */
export function tick() {
  clock += 1000;
  return new Date(clock).toISOString().replace(/\.\d+Z$/, "Z");
}
function sendJson(res, status, body, headers = {}) {
  const text = body === undefined ? "" : JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "x-github-media-type": "github.v3; format=json",
    "x-ratelimit-limit": "5000",
    "x-ratelimit-remaining": "4999",
    "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600),
    ...headers,
  });
  res.end(text);
}
async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  if (chunks.length === 0) return undefined;
  const text = Buffer.concat(chunks).toString("utf8");
  return text === "" ? undefined : JSON.parse(text);
}
export async function startFakeGitHub() {
  const api = loadOpenApi();
  const contents = new Map();
  const pulls = new Map();
  const comments = [];
  const tokens = new Map([["test-token", ACTIONS_BOT]]);
  const faults = [];
  const log = [];
  const problems = [];
  const teams = new Set();
  let nextId = 1000;
  let base = "";
  const user = (identity) => {
    const value = api.example("issue-comment");
    const login = typeof identity === "string" ? identity : identity.login;
    return {
      ...value.user,
      login,
      id: login.length * 7919,
      type: typeof identity === "string" ? "User" : identity.type,
      url: `${base}/users/${encodeURIComponent(login)}`,
      html_url: `https://github.com/${encodeURIComponent(login)}`,
    };
  };
  const label = (name) => {
    const [value] = api.example("label-items");
    return {
      ...value,
      name,
      id: name.length * 104729,
      url: `${base}/labels/${encodeURIComponent(name)}`,
    };
  };
  const commentJson = (comment) => {
    const value = api.example("issue-comment");
    return {
      ...value,
      id: comment.id,
      node_id: `IC_${comment.id}`,
      url: `${base}/repos/${comment.repo}/issues/comments/${comment.id}`,
      html_url: `https://github.com/${comment.repo}/pull/${comment.issue}#issuecomment-${comment.id}`,
      issue_url: `${base}/repos/${comment.repo}/issues/${comment.issue}`,
      body: comment.body,
      user: user(comment.user),
      created_at: comment.createdAt,
      updated_at: comment.updatedAt,
    };
  };
  const pullJson = (repo, pull) => {
    const value = api.example("pull-request");
    const repoJson = (fullName) => ({
      ...value.base.repo,
      full_name: fullName,
      name: fullName.split("/")[1],
      owner: user(fullName.split("/")[0]),
    });
    return {
      ...value,
      number: pull.number,
      title: pull.title,
      user: user(pull.author),
      labels: pull.labels.map(label),
      state: "open",
      updated_at: pull.updatedAt,
      changed_files: pull.files.length,
      requested_reviewers: pull.requestedReviewers.map(user),
      requested_teams: [],
      head: {
        ...value.head,
        sha: pull.headSha,
        ref: "feature",
        repo: repoJson(pull.headRepo ?? repo),
      },
      base: { ...value.base, sha: pull.baseSha, ref: pull.baseRef, repo: repoJson(repo) },
      html_url: `https://github.com/${repo}/pull/${pull.number}`,
    };
  };
  const pullOf = (params, key = "pull_number") =>
    pulls.get(`${params.owner}/${params.repo}#${params[key]}`);
  /** One page of a list, with GitHub's Link header. */
  const page = (req, url, items) => {
    const perPage = Math.min(Number(url.searchParams.get("per_page") ?? 30), PER_PAGE_MAX);
    const number = Math.max(1, Number(url.searchParams.get("page") ?? 1));
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (n) => {
      const next = new URL(url.href);
      next.searchParams.set("per_page", String(perPage));
      next.searchParams.set("page", String(n));
      return `<${base}${next.pathname}${next.search}>`;
    };
    const links = [];
    if (number < last) links.push(`${link(number + 1)}; rel="next"`, `${link(last)}; rel="last"`);
    if (number > 1) links.push(`${link(1)}; rel="first"`, `${link(number - 1)}; rel="prev"`);
    void req;
    return {
      items: items.slice((number - 1) * perPage, number * perPage),
      headers: links.length > 0 ? { link: links.join(", ") } : {},
    };
  };
  const notFound = {
    message: "Not Found",
    documentation_url: "https://docs.github.com/rest",
    status: "404",
  };
  const handle = (operation, params, url, body, identity, req) => {
    const repo = `${params.owner}/${params.repo}`;
    switch (operation.id) {
      case "pulls/get": {
        const pull = pullOf(params);
        return pull ? { status: 200, body: pullJson(repo, pull) } : { status: 404, body: notFound };
      }
      case "pulls/list-files": {
        const pull = pullOf(params);
        if (!pull) return { status: 404, body: notFound };
        const [example] = api.example("diff-entry-items");
        const files = pull.files.slice(0, LIST_FILES_LIMIT).map((file, i) => ({
          ...example,
          sha: (i + 1).toString(16).padStart(40, "0"),
          filename: file.filename,
          status: file.status,
          ...(file.previous_filename ? { previous_filename: file.previous_filename } : {}),
        }));
        const { items, headers } = page(req, url, files);
        return { status: 200, body: items, headers };
      }
      case "repos/get-content": {
        const ref = url.searchParams.get("ref") ?? "main";
        const text = contents.get(repo)?.get(ref)?.get(params.path);
        if (text === undefined) return { status: 404, body: notFound };
        if ((req.headers.accept ?? "").includes("raw")) return { status: 200, raw: text };
        const value = api.example("content-file-response-if-content-is-a-file");
        const name = params.path.split("/").pop();
        const size = Buffer.byteLength(text);
        // Past 1 MB GitHub leaves the content out: the raw media type has it.
        const large = size > CONTENT_INLINE_LIMIT;
        // GitHub wraps base64 at 60 characters.
        const base64 = (
          Buffer.from(text)
            .toString("base64")
            .match(/.{1,60}/g) ?? []
        ).join("\n");
        return {
          status: 200,
          body: {
            ...value,
            name,
            path: params.path,
            size,
            encoding: large ? "none" : "base64",
            content: large ? "" : base64,
          },
        };
      }
      case "issues/list-comments": {
        if (!pullOf(params, "issue_number")) return { status: 404, body: notFound };
        const { items, headers } = page(
          req,
          url,
          listCommentsOn(repo, Number(params.issue_number)),
        );
        return { status: 200, body: items.map(commentJson), headers };
      }
      case "issues/create-comment": {
        if (!pullOf(params, "issue_number")) return { status: 404, body: notFound };
        const comment = addComment(repo, Number(params.issue_number), body.body, identity);
        return {
          status: 201,
          body: commentJson(comment),
          headers: { location: commentJson(comment).url },
        };
      }
      case "issues/update-comment": {
        const comment = comments.find((c) => c.repo === repo && c.id === Number(params.comment_id));
        if (!comment) return { status: 404, body: notFound };
        if (comment.user.login !== identity.login)
          return refuseForeign(comment, identity, "edited");
        comment.body = body.body;
        comment.updatedAt = tick();
        return { status: 200, body: commentJson(comment) };
      }
      case "issues/delete-comment": {
        const index = comments.findIndex(
          (c) => c.repo === repo && c.id === Number(params.comment_id),
        );
        if (index < 0) return { status: 404, body: notFound };
        const comment = comments[index];
        if (comment.user.login !== identity.login)
          return refuseForeign(comment, identity, "deleted");
        comments.splice(index, 1);
        return { status: 204 };
      }
      case "issues/add-labels": {
        const pull = pullOf(params, "issue_number");
        if (!pull) return { status: 404, body: notFound };
        for (const name of body.labels) if (!pull.labels.includes(name)) pull.labels.push(name);
        return { status: 200, body: pull.labels.map(label) };
      }
      case "issues/remove-label": {
        const pull = pullOf(params, "issue_number");
        if (!pull?.labels.includes(params.name))
          return { status: 404, body: { ...notFound, message: "Label does not exist" } };
        pull.labels = pull.labels.filter((l) => l !== params.name);
        return { status: 200, body: pull.labels.map(label) };
      }
      case "pulls/request-reviewers": {
        const pull = pullOf(params);
        if (!pull) return { status: 404, body: notFound };
        const request = body;
        const unknownTeam = (request.team_reviewers ?? []).find((t) => !teams.has(t));
        if (unknownTeam) {
          return {
            status: 422,
            body: {
              message:
                "Reviews may only be requested from collaborators. One or more of the teams you specified is not a collaborator of the repository.",
              documentation_url:
                "https://docs.github.com/rest/pulls/review-requests#request-reviewers-for-a-pull-request",
              status: "422",
            },
          };
        }
        pull.requestedReviewers.push(...(request.reviewers ?? []));
        pull.requestedTeams.push(...(request.team_reviewers ?? []));
        const value = api.example("pull-request-simple-items");
        return { status: 201, body: { ...value[0], number: pull.number, requested_teams: [] } };
      }
      default:
        problems.push(`no fake for ${operation.id}`);
        return { status: 501, body: { message: `the fake has no ${operation.id}` } };
    }
  };
  /** GitHub refuses a bot's edit of someone else's comment; the test must never try one. */
  const refuseForeign = (comment, identity, verb) => {
    problems.push(
      `comment ${comment.id} by ${comment.user.login} was ${verb} by ${identity.login}`,
    );
    return {
      status: 403,
      body: {
        message: "Must have admin rights to Repository.",
        documentation_url: "https://docs.github.com/rest",
        status: "403",
      },
    };
  };
  const listCommentsOn = (repo, issue) =>
    comments.filter((c) => c.repo === repo && c.issue === issue).sort((a, b) => a.id - b.id);
  const addComment = (repo, issue, body, identity) => {
    const at = tick();
    const comment = {
      id: nextId++,
      repo,
      issue,
      body,
      user: identity,
      createdAt: at,
      updatedAt: at,
    };
    comments.push(comment);
    return comment;
  };
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const method = req.method ?? "GET";
      const found = api.match(method, url.pathname);
      const record = (operation, status) =>
        log.push({ method, operation, url: `${url.pathname}${url.search}`, status });
      if (!found) {
        problems.push(`unexpected request ${method} ${url.pathname}`);
        record("unknown", 404);
        return sendJson(res, 404, notFound);
      }
      const { operation, params } = found;
      let body;
      try {
        body = await readBody(req);
      } catch {
        problems.push(`${operation.id}: the body is not JSON`);
        record(operation.id, 400);
        return sendJson(res, 400, { message: "Problems parsing JSON" });
      }
      for (const problem of api.checkRequest(operation, url.searchParams, body)) {
        problems.push(`${method} ${url.pathname}: ${problem}`);
      }
      const token = /^(?:token|bearer) (.+)$/i.exec(req.headers.authorization ?? "")?.[1];
      const identity = token === undefined ? undefined : tokens.get(token);
      if (!identity) {
        record(operation.id, 401);
        return sendJson(res, 401, {
          message: "Bad credentials",
          documentation_url: "https://docs.github.com/rest",
          status: "401",
        });
      }
      const fault = faults.find((f) => f.operation === operation.id && f.times > 0);
      if (fault) {
        fault.times--;
        record(operation.id, fault.status);
        return sendJson(
          res,
          fault.status,
          {
            message: fault.message ?? "Server Error",
            documentation_url: "https://docs.github.com/rest",
            status: String(fault.status),
          },
          fault.headers,
        );
      }
      if (identity.readOnly && method !== "GET") {
        record(operation.id, 403);
        return sendJson(res, 403, {
          message: "Resource not accessible by integration",
          documentation_url: "https://docs.github.com/rest",
          status: "403",
        });
      }
      const answer = handle(operation, params, url, body, identity, req);
      record(operation.id, answer.status);
      if (answer.raw !== undefined) {
        res.writeHead(answer.status, {
          "content-type": "application/vnd.github.raw; charset=utf-8",
        });
        return res.end(answer.raw);
      }
      for (const problem of api.checkResponse(operation, answer.status, answer.body))
        problems.push(problem);
      sendJson(res, answer.status, answer.body, answer.headers);
    })().catch((error) => {
      problems.push(`the fake failed: ${String(error)}`);
      if (!res.headersSent) sendJson(res, 500, { message: "fake failure" });
    });
  });
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  base = `http://127.0.0.1:${server.address().port}`;
  return {
    url: base,
    api,
    contents,
    pulls,
    comments,
    tokens,
    faults,
    log,
    problems,
    teams,
    addPull(repo, partial) {
      const pull = {
        title: `Change ${partial.number}`,
        author: "octocat",
        headSha: "b".repeat(40),
        baseSha: "a".repeat(40),
        baseRef: "main",
        labels: [],
        files: [],
        updatedAt: tick(),
        requestedReviewers: [],
        requestedTeams: [],
        ...partial,
      };
      pulls.set(`${repo}#${pull.number}`, pull);
      return pull;
    },
    setFile(repo, ref, path, text) {
      const refs = contents.get(repo) ?? new Map();
      contents.set(repo, refs);
      const files = refs.get(ref) ?? new Map();
      refs.set(ref, files);
      files.set(path, text);
    },
    addComment,
    commentsOn: listCommentsOn,
    close: () =>
      new Promise((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}
//# sourceMappingURL=fake-github.js.map
