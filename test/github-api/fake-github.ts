// A local GitHub REST API on 127.0.0.1 for tests: the real octokit client talks to it over
// HTTP. Every request is matched to an operation of GitHub's OpenAPI description and checked
// against it; every response is built from GitHub's published examples and checked too. Any
// request it does not know, or any shape that does not match, is recorded as a problem that
// the test asserts is absent.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { posix } from "node:path";
import { loadOpenApi, type OpenApi, type Operation } from "./openapi.js";

export interface Identity {
  readonly login: string;
  readonly type: "User" | "Bot";
  /** A token that may read but not write (a fork's pull_request run). */
  readonly readOnly?: boolean;
}

export interface FakeFile {
  readonly filename: string;
  readonly status:
    | "added"
    | "removed"
    | "modified"
    | "renamed"
    | "copied"
    | "changed"
    | "unchanged";
  readonly previous_filename?: string;
}

export interface FakePull {
  number: number;
  title: string;
  author: string;
  headSha: string;
  baseSha: string;
  baseRef: string;
  /** owner/name of the head repository (a fork when it differs from the base). */
  headRepo?: string;
  labels: string[];
  files: FakeFile[];
  updatedAt: string;
  requestedReviewers: string[];
  requestedTeams: string[];
  /** ISO time when merged; open when absent. */
  mergedAt?: string;
}

export interface FakeIssue {
  number: number;
  repo: string;
  title: string;
  body: string;
  labels: string[];
  user: Identity;
  state?: "open" | "closed";
}

export interface FakeComment {
  id: number;
  repo: string;
  issue: number;
  body: string;
  user: Identity;
  createdAt: string;
  updatedAt: string;
}

export interface Fault {
  /** An operation id such as "issues/create-comment". */
  readonly operation: string;
  readonly status: number;
  /** How many requests fail before the operation works again. */
  times: number;
  readonly message?: string;
  readonly headers?: Record<string, string>;
}

export interface LoggedRequest {
  readonly method: string;
  readonly operation: string;
  readonly url: string;
  readonly status: number;
}

export interface FakeGitHub {
  readonly url: string;
  readonly api: OpenApi;
  /** Repository contents by owner/name, then by ref (sha or branch), then by path. */
  readonly contents: Map<string, Map<string, Map<string, string>>>;
  readonly pulls: Map<string, FakePull>;
  readonly comments: FakeComment[];
  readonly tokens: Map<string, Identity>;
  readonly faults: Fault[];
  readonly log: LoggedRequest[];
  /** Requests or responses that GitHub's description does not allow, and unknown requests. */
  readonly problems: string[];
  /** Teams that a review may be requested from; others answer 422 as GitHub does. */
  readonly teams: Set<string>;
  readonly issues: FakeIssue[];
  addPull(repo: string, pull: Partial<FakePull> & { number: number }): FakePull;
  setFile(repo: string, ref: string, path: string, text: string): void;
  /**
   * A symlink or a submodule at path. GitHub answers a symlink whose target is a file of the
   * repository with that file (its own path and name); any other symlink, and a submodule, as
   * an object describing it. A directory entry makes the path answer as a folder of the
   * files under it.
   */
  setSpecial(
    repo: string,
    ref: string,
    path: string,
    entry: { type: "symlink"; target: string } | { type: "submodule" } | { type: "directory" },
  ): void;
  addComment(repo: string, issue: number, body: string, user: Identity): FakeComment;
  commentsOn(repo: string, issue: number): FakeComment[];
  close(): Promise<void>;
}

export const ACTIONS_BOT: Identity = { login: "github-actions[bot]", type: "Bot" };

const PER_PAGE_MAX = 100;
/** pulls/list-files answers at most this many files, however many the PR has. */
export const LIST_FILES_LIMIT = 3000;
/** repos/get-content inlines files up to 1 MB. */
const CONTENT_INLINE_LIMIT = 1024 * 1024;

let clock = Date.parse("2026-11-20T09:00:00Z");
/** Strictly increasing timestamps, as GitHub's would be across requests. */
export function tick(): string {
  clock += 1000;
  return new Date(clock).toISOString().replace(/\.\d+Z$/, "Z");
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
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

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return undefined;
  const text = Buffer.concat(chunks).toString("utf8");
  return text === "" ? undefined : JSON.parse(text);
}

export async function startFakeGitHub(): Promise<FakeGitHub> {
  const api = loadOpenApi();
  const contents = new Map<string, Map<string, Map<string, string>>>();
  /** Symlinks, submodules, and folders answered as folders (others answer 404, as before). */
  const specials = new Map<
    string,
    { type: "symlink"; target: string } | { type: "submodule" } | { type: "directory" }
  >();
  const pulls = new Map<string, FakePull>();
  const comments: FakeComment[] = [];
  const tokens = new Map<string, Identity>([["test-token", ACTIONS_BOT]]);
  const faults: Fault[] = [];
  const log: LoggedRequest[] = [];
  const problems: string[] = [];
  const teams = new Set<string>();
  const issues: FakeIssue[] = [];
  let nextId = 1000;
  let base = "";

  const user = (identity: Identity | string) => {
    const value = api.example("issue-comment") as { user: Record<string, unknown> };
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
  const label = (name: string) => {
    const [value] = api.example("label-items") as Record<string, unknown>[];
    return {
      ...value,
      name,
      id: name.length * 104729,
      url: `${base}/labels/${encodeURIComponent(name)}`,
    };
  };
  const commentJson = (comment: FakeComment) => {
    const value = api.example("issue-comment") as Record<string, unknown>;
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
  const pullJson = (repo: string, pull: FakePull) => {
    const value = api.example("pull-request") as Record<string, unknown> & {
      head: Record<string, unknown>;
      base: Record<string, unknown>;
    };
    const repoJson = (fullName: string) => ({
      ...(value.base.repo as Record<string, unknown>),
      full_name: fullName,
      name: fullName.split("/")[1],
      owner: user(fullName.split("/")[0] as string),
    });
    return {
      ...value,
      number: pull.number,
      title: pull.title,
      user: user(pull.author),
      labels: pull.labels.map(label),
      state: pull.mergedAt ? "closed" : "open",
      updated_at: pull.updatedAt,
      merged_at: pull.mergedAt ?? null,
      closed_at: pull.mergedAt ?? null,
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
  const issueJson = (issue: FakeIssue) => {
    const value = api.example("issue") as Record<string, unknown>;
    return {
      ...value,
      number: issue.number,
      title: issue.title,
      body: issue.body,
      labels: issue.labels.map(label),
      user: user(issue.user),
      state: issue.state ?? "open",
      html_url: `https://github.com/${issue.repo}/issues/${issue.number}`,
      url: `${base}/repos/${issue.repo}/issues/${issue.number}`,
      pull_request: undefined,
    };
  };
  const pullOf = (params: Record<string, string>, key = "pull_number") =>
    pulls.get(`${params.owner}/${params.repo}#${params[key]}`);

  /** One page of a list, with GitHub's Link header. */
  const page = <T>(req: IncomingMessage, url: URL, items: readonly T[]) => {
    const perPage = Math.min(Number(url.searchParams.get("per_page") ?? 30), PER_PAGE_MAX);
    const number = Math.max(1, Number(url.searchParams.get("page") ?? 1));
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (n: number) => {
      const next = new URL(url.href);
      next.searchParams.set("per_page", String(perPage));
      next.searchParams.set("page", String(n));
      return `<${base}${next.pathname}${next.search}>`;
    };
    const links: string[] = [];
    if (number < last) links.push(`${link(number + 1)}; rel="next"`, `${link(last)}; rel="last"`);
    if (number > 1) links.push(`${link(1)}; rel="first"`, `${link(number - 1)}; rel="prev"`);
    void req;
    return {
      items: items.slice((number - 1) * perPage, number * perPage),
      headers: (links.length > 0 ? { link: links.join(", ") } : {}) as Record<string, string>,
    };
  };

  const notFound = {
    message: "Not Found",
    documentation_url: "https://docs.github.com/rest",
    status: "404",
  };

  type Answer = { status: number; body?: unknown; headers?: Record<string, string>; raw?: string };
  const handle = (
    operation: Operation,
    params: Record<string, string>,
    url: URL,
    body: unknown,
    identity: Identity,
    req: IncomingMessage,
  ): Answer => {
    const repo = `${params.owner}/${params.repo}`;
    switch (operation.id) {
      case "pulls/get": {
        const pull = pullOf(params);
        return pull ? { status: 200, body: pullJson(repo, pull) } : { status: 404, body: notFound };
      }
      case "pulls/list-files": {
        const pull = pullOf(params);
        if (!pull) return { status: 404, body: notFound };
        const [example] = api.example("diff-entry-items") as Record<string, unknown>[];
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
        const filesAt = contents.get(repo)?.get(ref);
        const special = specials.get(`${repo}@${ref}:${params.path as string}`);
        let answered = params.path as string;
        if (special?.type === "symlink") {
          const target = posix.join(posix.dirname(answered), special.target);
          if (filesAt?.has(target)) answered = target;
          else {
            const value = api.example("content-file-response-if-content-is-a-symlink") as Record<
              string,
              unknown
            >;
            return {
              status: 200,
              body: {
                ...value,
                name: answered.split("/").pop(),
                path: answered,
                target: special.target,
                size: special.target.length,
              },
            };
          }
        } else if (special?.type === "submodule") {
          const value = api.example("content-file-response-if-content-is-a-submodule") as Record<
            string,
            unknown
          >;
          return {
            status: 200,
            body: { ...value, name: answered.split("/").pop(), path: answered },
          };
        }
        const text = filesAt?.get(answered);
        if (text === undefined && special?.type === "directory") {
          // A folder: its direct files, each as GitHub lists one.
          const prefix = answered === "" ? "" : `${answered}/`;
          const names = [...(filesAt?.keys() ?? [])]
            .filter((p) => p.startsWith(prefix) && !p.slice(prefix.length).includes("/"))
            .sort();
          const [entry] = api.example("content-file-response-if-content-is-a-directory") as Record<
            string,
            unknown
          >[];
          // Links and submodules are listed too: a link as "symlink", a submodule as "file"
          // with nothing to download (GitHub keeps that for compatibility).
          const others = [...specials]
            .filter(([key]) => key.startsWith(`${repo}@${ref}:${prefix}`))
            .map(([key, value]) => [key.slice(`${repo}@${ref}:`.length), value] as const)
            .filter(
              ([p, value]) => value.type !== "directory" && !p.slice(prefix.length).includes("/"),
            );
          return {
            status: 200,
            body: [
              ...names.map((p) => ({
                ...entry,
                type: "file",
                name: p.split("/").pop(),
                path: p,
                size: Buffer.byteLength(filesAt?.get(p) ?? ""),
              })),
              ...others.map(([p, value]) => ({
                ...entry,
                type: value.type === "symlink" ? "symlink" : "file",
                name: p.split("/").pop(),
                path: p,
                size: value.type === "symlink" ? value.target.length : 0,
                ...(value.type === "submodule" ? { download_url: null } : {}),
              })),
            ],
          };
        }
        if (text === undefined) return { status: 404, body: notFound };
        if ((req.headers.accept ?? "").includes("raw")) return { status: 200, raw: text };
        const value = api.example("content-file-response-if-content-is-a-file") as Record<
          string,
          unknown
        >;
        const name = answered.split("/").pop();
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
            path: answered,
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
        {
          const refused = tooLong(body);
          if (refused) return refused;
        }
        const comment = addComment(
          repo,
          Number(params.issue_number),
          (body as { body: string }).body,
          identity,
        );
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
        {
          const refused = tooLong(body);
          if (refused) return refused;
        }
        comment.body = (body as { body: string }).body;
        comment.updatedAt = tick();
        return { status: 200, body: commentJson(comment) };
      }
      case "issues/delete-comment": {
        const index = comments.findIndex(
          (c) => c.repo === repo && c.id === Number(params.comment_id),
        );
        if (index < 0) return { status: 404, body: notFound };
        const comment = comments[index] as FakeComment;
        if (comment.user.login !== identity.login)
          return refuseForeign(comment, identity, "deleted");
        comments.splice(index, 1);
        return { status: 204 };
      }
      case "issues/add-labels": {
        const pull = pullOf(params, "issue_number");
        if (!pull) return { status: 404, body: notFound };
        for (const name of (body as { labels: string[] }).labels)
          if (!pull.labels.includes(name)) pull.labels.push(name);
        return { status: 200, body: pull.labels.map(label) };
      }
      case "issues/remove-label": {
        const pull = pullOf(params, "issue_number");
        if (!pull?.labels.includes(params.name as string))
          return { status: 404, body: { ...notFound, message: "Label does not exist" } };
        pull.labels = pull.labels.filter((l) => l !== params.name);
        return { status: 200, body: pull.labels.map(label) };
      }
      case "pulls/request-reviewers": {
        const pull = pullOf(params);
        if (!pull) return { status: 404, body: notFound };
        const request = body as { reviewers?: string[]; team_reviewers?: string[] };
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
        const value = api.example("pull-request-simple-items") as Record<string, unknown>[];
        return { status: 201, body: { ...value[0], number: pull.number, requested_teams: [] } };
      }
      case "pulls/list": {
        const state = url.searchParams.get("state") ?? "open";
        const list = [...pulls.entries()]
          .filter(
            ([key, p]) =>
              key.startsWith(`${repo}#`) &&
              (state === "all" || (state === "closed") === Boolean(p.mergedAt)),
          )
          .map(([, p]) => p)
          .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));
        const simple = api.example("pull-request-simple-items") as Record<string, unknown>[];
        const { items, headers } = page(req, url, list);
        return {
          status: 200,
          body: items.map((p) => {
            const full = pullJson(repo, p) as Record<string, unknown>;
            const keep = Object.keys(simple[0] ?? {});
            return Object.fromEntries(
              keep.map((k) => [k, full[k] ?? (simple[0] as Record<string, unknown>)[k]]),
            );
          }),
          headers,
        };
      }
      case "issues/list-for-repo": {
        const label = url.searchParams.get("labels");
        // GitHub lists open issues unless asked for closed ones or all.
        const state = url.searchParams.get("state") ?? "open";
        const list = issues.filter(
          (i) =>
            i.repo === repo &&
            (!label || i.labels.includes(label)) &&
            (state === "all" || (i.state ?? "open") === state),
        );
        const { items, headers } = page(req, url, list);
        return { status: 200, body: items.map(issueJson), headers };
      }
      case "issues/create": {
        const request = body as { title: string; body?: string; labels?: string[] };
        const issue: FakeIssue = {
          number: 500 + issues.length,
          repo,
          title: String(request.title),
          body: request.body ?? "",
          labels: request.labels ?? [],
          user: identity,
        };
        issues.push(issue);
        return { status: 201, body: issueJson(issue) };
      }
      case "issues/update": {
        const issue = issues.find(
          (i) => i.repo === repo && i.number === Number(params.issue_number),
        );
        if (!issue) return { status: 404, body: notFound };
        const request = body as { title?: string; body?: string; state?: string };
        if (request.title !== undefined) issue.title = String(request.title);
        if (request.body !== undefined) issue.body = request.body;
        if (request.state === "open" || request.state === "closed") issue.state = request.state;
        return { status: 200, body: issueJson(issue) };
      }
      default:
        problems.push(`no fake for ${operation.id}`);
        return { status: 501, body: { message: `the fake has no ${operation.id}` } };
    }
  };

  /** GitHub refuses a bot's edit of someone else's comment; the test must never try one. */
  /** GitHub refuses a comment body over 65,536 characters. */
  const tooLong = (body: unknown): Answer | undefined =>
    ((body as { body?: string }).body ?? "").length > 65_536
      ? {
          status: 422,
          body: {
            message: "Validation Failed",
            errors: [
              {
                resource: "IssueComment",
                code: "custom",
                field: "body",
                message: "body is too long (maximum is 65536 characters)",
              },
            ],
            documentation_url:
              "https://docs.github.com/rest/issues/comments#create-an-issue-comment",
            status: "422",
          },
        }
      : undefined;
  const refuseForeign = (comment: FakeComment, identity: Identity, verb: string): Answer => {
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
  const listCommentsOn = (repo: string, issue: number) =>
    comments.filter((c) => c.repo === repo && c.issue === issue).sort((a, b) => a.id - b.id);
  const addComment = (repo: string, issue: number, body: string, identity: Identity) => {
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

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const method = req.method ?? "GET";
      const found = api.match(method, url.pathname);
      const record = (operation: string, status: number) =>
        log.push({ method, operation, url: `${url.pathname}${url.search}`, status });
      if (!found) {
        problems.push(`unexpected request ${method} ${url.pathname}`);
        record("unknown", 404);
        return sendJson(res, 404, notFound);
      }
      const { operation, params } = found;
      let body: unknown;
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
    })().catch((error: unknown) => {
      problems.push(`the fake failed: ${String(error)}`);
      if (!res.headersSent) sendJson(res, 500, { message: "fake failure" });
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

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
    issues,
    addPull(repo, partial) {
      const pull: FakePull = {
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
      const refs = contents.get(repo) ?? new Map<string, Map<string, string>>();
      contents.set(repo, refs);
      const files = refs.get(ref) ?? new Map<string, string>();
      refs.set(ref, files);
      files.set(path, text);
    },
    setSpecial(repo, ref, path, entry) {
      specials.set(`${repo}@${ref}:${path}`, entry);
    },
    addComment,
    commentsOn: listCommentsOn,
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}
