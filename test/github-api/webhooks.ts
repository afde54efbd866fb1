// GitHub's example webhook payloads (@octokit/webhooks-examples, the registry copy of the
// examples in octokit/webhooks), for tests that play a runner's event file.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

export const EXAMPLES = createRequire(import.meta.url).resolve("@octokit/webhooks-examples");

interface WebhookEvent {
  readonly name: string;
  readonly examples: readonly { readonly action?: string }[];
}

let events: readonly WebhookEvent[] | undefined;

/**
 * The first published example of `event` with `action`, deep-copied: for pull_request opened,
 * closed and synchronize, the payloads ../shared/realdata/github-api/ holds as
 * webhooks-examples__pull_request.<action>.json.
 */
export function webhookExample(event: string, action: string): unknown {
  events ??= JSON.parse(readFileSync(EXAMPLES, "utf8")) as WebhookEvent[];
  const example = events
    .find((candidate) => candidate.name === event)
    ?.examples.find((candidate) => candidate.action === action);
  if (!example) throw new Error(`${EXAMPLES} has no ${event}.${action} example`);
  return structuredClone(example);
}
