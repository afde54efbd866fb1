// The one factory for GitHub clients: octokit with throttling and retry, so that rate limits,
// secondary rate limits and server errors are waited out within a bound, never forever.

import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";
import Bottleneck from "bottleneck/light.js";

export interface ClientLog {
  readonly debug: (message: string) => void;
  readonly info: (message: string) => void;
  readonly warn: (message: string) => void;
  readonly error: (message: string) => void;
}

export interface ClientOptions {
  /** Never logged; octokit redacts it from errors too. */
  readonly token: string;
  /** GITHUB_API_URL on a runner; GitHub Enterprise Server has its own. */
  readonly baseUrl?: string;
  readonly log?: ClientLog;
  /** Retries of one request after a 5xx, a rate limit or a secondary rate limit. */
  readonly retries?: number;
  /** Longest wait for a rate limit before giving up, in seconds. */
  readonly maxWaitSeconds?: number;
  /** Milliseconds per second of wait: 1000 in production, small in tests. */
  readonly timeScale?: number;
  /** Clients with the same id share write spacing in a process; tests give each their own. */
  readonly throttleId?: string;
}

export type GitHubClient = InstanceType<typeof Octokit>;

const ClientClass = Octokit.plugin(throttling, retry);

export const DEFAULT_API_URL = "https://api.github.com";

export function createGitHubClient(options: ClientOptions): GitHubClient {
  const retries = options.retries ?? 3;
  const maxWait = options.maxWaitSeconds ?? 120;
  const timeScale = options.timeScale ?? 1000;
  const silent = () => {};
  const log = options.log ?? { debug: silent, info: silent, warn: silent, error: silent };
  const waitOrGiveUp =
    (kind: string) =>
    (
      retryAfter: number,
      request: { method: string; url: string },
      _: unknown,
      retryCount: number,
    ) => {
      const what = `${request.method} ${request.url}`;
      if (retryCount < retries && retryAfter <= maxWait) {
        log.warn(`GitHub ${kind} on ${what}: retrying in ${retryAfter} s`);
        return true;
      }
      log.warn(`GitHub ${kind} on ${what}: giving up after ${retryCount} retries`);
      return false;
    };
  return new ClientClass({
    auth: options.token,
    baseUrl: (options.baseUrl ?? DEFAULT_API_URL).replace(/\/+$/, ""),
    userAgent: "blastradius",
    // octokit logs every failed request as an error; we report failures once, with what to do.
    log: { debug: silent, info: silent, warn: log.warn, error: log.debug },
    // Not request.retries: that would retry every status, 404s included.
    retry: { retries, retryAfterBaseValue: timeScale },
    throttle: {
      id: options.throttleId ?? "blastradius",
      // GitHub's spacing between writes (1 s, 3 s for what notifies people), on the same scale.
      ...(timeScale === 1000 ? {} : spacedGroups(timeScale)),
      retryAfterBaseValue: timeScale,
      onRateLimit: waitOrGiveUp("rate limit"),
      onSecondaryRateLimit: waitOrGiveUp("secondary rate limit"),
    },
  });
}

function spacedGroups(timeScale: number) {
  return {
    write: new Bottleneck.Group({ maxConcurrent: 1, minTime: timeScale }),
    notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 3 * timeScale }),
  };
}
