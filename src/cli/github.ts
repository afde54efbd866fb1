// The GitHub client for the commands that read GitHub: the token from the environment, and
// the client loaded only when a command needs it (`check` starts without it).

import type { ClientLog } from "../adapters/github/client.js";
import type { GitHubPort } from "../app/github-port.js";
import { InputError } from "../core/errors.js";
import type { Io } from "./exit.js";

/** GITHUB_TOKEN, else GH_TOKEN; never printed. */
export function githubToken(io: Io, hint: string): string {
  const token = io.env.GITHUB_TOKEN || io.env.GH_TOKEN;
  if (!token) throw new InputError("no GitHub token: set GITHUB_TOKEN (or GH_TOKEN)", hint);
  return token;
}

/** A port on the API at --api-url, else GITHUB_API_URL, else github.com. */
export async function openGitHub(
  io: Io,
  token: string,
  apiUrl: string | undefined,
  log?: ClientLog,
): Promise<GitHubPort> {
  const [{ createGitHubClient }, { octokitPort }] = await Promise.all([
    import("../adapters/github/client.js"),
    import("../adapters/github/octokit-port.js"),
  ]);
  return octokitPort(
    createGitHubClient({
      token,
      baseUrl: apiUrl ?? io.env.GITHUB_API_URL,
      ...(log ? { log } : {}),
    }),
  );
}
