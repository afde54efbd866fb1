// GitHubPort over the real octokit client. Every call names what it was doing, so a failure
// reads "cannot create a comment: GitHub answered 403 …", never a bare HttpError.

import type {
  GitHubPort,
  IssueComment,
  IssueInfo,
  MergedPullRequest,
  PullRequestInfo,
  RepoName,
} from "../../app/github-port.js";
import type { FileChange, FileStatus } from "../../core/model.js";
import type { GitHubClient } from "./client.js";
import { FileTooLargeError, NotAFileError, toGitHubError } from "./github-error.js";

function split(repo: RepoName): { owner: string; repo: string } {
  const [owner = "", name = ""] = repo.split("/");
  return { owner, repo: name };
}

async function attempt<T>(action: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    // What the path holds is not a failure of the request: the caller judges it.
    if (error instanceof NotAFileError || error instanceof FileTooLargeError) throw error;
    throw toGitHubError(action, error);
  }
}

/** GitHub's file statuses -> ours: a copy is a new file, "changed" is a mode change. */
function fileStatus(status: string): FileStatus {
  switch (status) {
    case "added":
    case "copied":
      return "added";
    case "removed":
      return "removed";
    case "renamed":
      return "renamed";
    default:
      return "modified";
  }
}

interface CommentData {
  id: number;
  body?: string;
  html_url: string;
  user: { login: string; type: string } | null;
}

function toComment(data: CommentData): IssueComment {
  return {
    id: data.id,
    body: data.body ?? "",
    author: data.user?.login ?? "",
    authorType: data.user?.type ?? "",
    url: data.html_url,
  };
}

interface IssueData {
  number: number;
  title: string;
  body?: string | null;
  html_url: string;
  state?: string;
  user: { login: string } | null;
}

function issueOf(data: IssueData): IssueInfo {
  return {
    number: data.number,
    title: data.title,
    body: data.body ?? "",
    url: data.html_url,
    state: data.state === "closed" ? "closed" : "open",
    author: data.user?.login ?? "",
  };
}

export function octokitPort(client: GitHubClient): GitHubPort {
  let requests = 0;
  client.hook.before("request", () => {
    requests++;
  });
  return {
    requestCount: () => requests,

    getPullRequest: (repo, number) =>
      attempt("read the pull request", async () => {
        const { data } = await client.rest.pulls.get({ ...split(repo), pull_number: number });
        return {
          repo,
          number: data.number,
          title: data.title,
          author: data.user?.login ?? "",
          state: data.state,
          htmlUrl: data.html_url,
          headSha: data.head.sha,
          baseSha: data.base.sha,
          baseRef: data.base.ref,
          headRepo: data.head.repo?.full_name,
          labels: data.labels.map((l) => l.name ?? "").filter(Boolean),
          changedFiles: data.changed_files,
          updatedAt: data.updated_at,
        } satisfies PullRequestInfo;
      }),

    listPullRequestFiles: (repo, number) =>
      attempt("list the pull request's files", async () => {
        const files = await client.paginate(client.rest.pulls.listFiles, {
          ...split(repo),
          pull_number: number,
          per_page: 100,
        });
        return files.map(
          (f): FileChange =>
            f.status === "renamed" && f.previous_filename
              ? { path: f.filename, status: "renamed", previousPath: f.previous_filename }
              : { path: f.filename, status: fileStatus(f.status) },
        );
      }),

    listFolder: (repo, path, ref) =>
      attempt("list a folder", async () => {
        try {
          const { data } = await client.rest.repos.getContent({
            ...split(repo),
            path: path === "." ? "" : path,
            ref,
          });
          if (!Array.isArray(data)) return undefined;
          // A listing calls a submodule "file" (for compatibility, GitHub says); unlike a
          // file it has nothing to download. Symlinks are "symlink": left out too.
          return data
            .filter((e) => e.type === "file" && e.download_url !== null)
            .map((e) => e.name);
        } catch (error) {
          if ((error as { status?: number }).status === 404) return undefined;
          throw error;
        }
      }),
    readFile: (repo, path, ref, limit) =>
      attempt("read a file", async () => {
        let data: Awaited<ReturnType<typeof client.rest.repos.getContent>>["data"];
        try {
          ({ data } = await client.rest.repos.getContent({
            ...split(repo),
            path,
            ...(ref ? { ref } : {}),
          }));
        } catch (error) {
          if ((error as { status?: number }).status === 404) return undefined;
          throw error;
        }
        if (Array.isArray(data)) throw new NotAFileError(path, "directory");
        if (data.type === "symlink" || data.type === "submodule")
          throw new NotAFileError(path, data.type);
        // A symlink to a file of the repository is answered with that file, under its own
        // path: the link's text is not its target's, and the target may be anywhere.
        if (data.type !== "file" || data.path !== path.replace(/^\.\//, ""))
          throw new NotAFileError(path, "symlink");
        if (limit && data.size > limit.maxBytes)
          throw new FileTooLargeError(path, data.size, limit.maxBytes);
        if (data.encoding === "base64") return Buffer.from(data.content, "base64").toString("utf8");
        // Files of 1-100 MB come without content: ask for the raw bytes.
        const raw = await client.rest.repos.getContent({
          ...split(repo),
          path,
          ...(ref ? { ref } : {}),
          mediaType: { format: "raw" },
        });
        return String(raw.data);
      }),

    listComments: (repo, issue) =>
      attempt("list comments", async () => {
        const comments = await client.paginate(client.rest.issues.listComments, {
          ...split(repo),
          issue_number: issue,
          per_page: 100,
        });
        return comments.map(toComment);
      }),

    createComment: (repo, issue, body) =>
      attempt("create a comment", async () => {
        const { data } = await client.rest.issues.createComment({
          ...split(repo),
          issue_number: issue,
          body,
        });
        return toComment(data);
      }),

    updateComment: (repo, id, body) =>
      attempt("update a comment", async () => {
        const { data } = await client.rest.issues.updateComment({
          ...split(repo),
          comment_id: id,
          body,
        });
        return toComment(data);
      }),

    deleteComment: (repo, id) =>
      attempt("delete a comment", async () => {
        await client.rest.issues.deleteComment({ ...split(repo), comment_id: id });
      }),

    addLabels: (repo, issue, labels) =>
      attempt("add a label", async () => {
        await client.rest.issues.addLabels({
          ...split(repo),
          issue_number: issue,
          labels: [...labels],
        });
      }),

    removeLabel: (repo, issue, label) =>
      attempt("remove a label", async () => {
        try {
          await client.rest.issues.removeLabel({
            ...split(repo),
            issue_number: issue,
            name: label,
          });
        } catch (error) {
          // Someone removed it first: the outcome we wanted.
          if ((error as { status?: number }).status !== 404) throw error;
        }
      }),

    listMergedPullRequests: (repo, since, max) =>
      attempt("list merged pull requests", async () => {
        const merged: MergedPullRequest[] = [];
        // Sorted by last update, newest first: a pull request merged in the window was updated
        // in it, so the listing can stop at the first one updated before the window.
        for await (const page of client.paginate.iterator(client.rest.pulls.list, {
          ...split(repo),
          state: "closed",
          sort: "updated",
          direction: "desc",
          per_page: 100,
        })) {
          let older = false;
          for (const pull of page.data) {
            if (Date.parse(pull.updated_at) / 1000 < since) older = true;
            if (!pull.merged_at) continue;
            const mergedAt = Math.floor(Date.parse(pull.merged_at) / 1000);
            if (mergedAt < since) continue;
            merged.push({
              repo,
              number: pull.number,
              title: pull.title,
              author: pull.user?.login ?? "",
              htmlUrl: pull.html_url,
              mergedAt,
            });
          }
          if (older || merged.length >= max) break;
        }
        return merged.sort((a, b) => b.mergedAt - a.mergedAt).slice(0, max);
      }),

    listIssuesWithLabel: (repo, label) =>
      attempt("list issues", async () => {
        const issues = await client.paginate(client.rest.issues.listForRepo, {
          ...split(repo),
          labels: label,
          state: "all",
          per_page: 100,
        });
        return issues.map(issueOf);
      }),

    createIssue: (repo, title, body, labels) =>
      attempt("create an issue", async () => {
        const { data } = await client.rest.issues.create({
          ...split(repo),
          title,
          body,
          labels: [...labels],
        });
        return issueOf(data);
      }),

    updateIssue: (repo, number, title, body, state) =>
      attempt("update an issue", async () => {
        const { data } = await client.rest.issues.update({
          ...split(repo),
          issue_number: number,
          title,
          body,
          ...(state ? { state } : {}),
        });
        return issueOf(data);
      }),

    requestReviewers: (repo, number, reviewers) =>
      attempt("request reviewers", async () => {
        await client.rest.pulls.requestReviewers({
          ...split(repo),
          pull_number: number,
          reviewers: [...reviewers.users],
          team_reviewers: [...reviewers.teams],
        });
      }),
  };
}
