// What a hostile pull request puts in every string it controls, an Impact carrying it in every
// field a renderer may print, and the one assertion every output must pass.

import { expect } from "vitest";
import type { Impact } from "../model.js";

/**
 * OSC 52 (write the clipboard), clear screen and home, conceal, C1 CSI (clear screen again),
 * a bidi override and isolate, a forged verdict on a line of its own, and workflow commands.
 */
export const HOSTILE =
  "\u001b]52;c;ZXZpbA==\u0007\u001b[2J\u001b[H\u001b[8mhidden\u001b[0m\u009b2J\u202eexe.gnp\u2066" +
  "\nblastradius: FORGED verdict\r\n::set-output name=risk::none\n::stop-commands::x\n##[add-mask]y";

/** The same attack in few characters, for fields with a length limit (kind, via: 64). */
export const HOSTILE_SHORT = "\u001b]52;c;eA==\u0007\u001b[2J\u001b[8m\u009b2J\u202e\n::x";

/**
 * Every control a terminal acts on, and the bidi characters that reorder what is shown; not the
 * line break, which is the output's own.
 */
export const CONTROLS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding controls is the point
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

/**
 * The output holds no control but its own line breaks (and, with `colours`, the renderer's own
 * colour codes), no line a foreign value started, and it did show the hostile value: an output
 * that left the value out would pass the rest without proving anything.
 */
export function expectInert(
  output: string,
  options: {
    colours?: RegExp /** false: the output may leave the value out. */;
    shows?: boolean;
  } = {},
): void {
  const plain = options.colours ? output.replace(options.colours, "") : output;
  const found = CONTROLS.exec(plain);
  expect(
    found,
    found ? `control U+${found[0].charCodeAt(0).toString(16)} at ${found.index}` : "",
  ).toBeNull();
  for (const line of plain.split("\n")) {
    expect(line.trimStart().startsWith("blastradius: FORGED")).toBe(false);
    expect(line.trimStart().startsWith("::")).toBe(false);
  }
  if (options.shows !== false) expect(plain).toMatch(/x1b\\?\]52|u001b\]52/);
}

/** An Impact in which every string from the graph, the files or the API carries `payload`. */
export function hostileImpact(payload = HOSTILE): Impact {
  const h = (value: string) => `${value}${payload}`;
  const evidence = {
    address: h("aws_iam_role.runner"),
    attribute: h("assume_role_policy"),
    file: h("iam/role.tf"),
    line: 3,
    detail: h("no longer trusts arn:aws:iam::123456789012:root"),
  };
  const path = {
    changed: h("iam-role/runner"),
    changeClass: "trust-narrowed" as const,
    steps: [{ from: h("iam-role/runner"), to: h("svc/access"), via: h("assumes-role") }],
  };
  return {
    risk: "high",
    changed: [
      {
        id: h("iam-role/runner"),
        kind: h("iam-role"),
        owner: h("iam"),
        tier: 0,
        classes: ["trust-narrowed"],
        causes: [
          {
            kind: "file",
            file: h("iam/role.tf"),
            status: "modified",
            classes: ["trust-narrowed"],
            rule: h("iam/**"),
            evidence: [evidence],
          },
          {
            kind: "plan",
            file: h("plan.json"),
            address: h("aws_iam_role.other"),
            classes: ["trust-narrowed"],
            rule: h("terraform aws_iam_role.*"),
            evidence: [{ ...evidence, line: undefined, file: undefined }],
          },
        ],
        resources: [],
      },
    ],
    impacted: [
      {
        id: h("svc/access"),
        kind: h("service"),
        owner: h("data"),
        tier: 0,
        depth: 1,
        severity: "breaking",
        path,
        breakingPath: path,
      },
      {
        id: h("dash/rev"),
        kind: h("dashboard"),
        depth: 2,
        severity: "at-risk",
        path: {
          ...path,
          steps: [
            ...path.steps,
            { from: h("svc/access"), to: h("dash/rev"), via: h("reads"), discovered: true },
          ],
        },
      },
    ],
    owners: [
      {
        id: h("data"),
        github: h("@acme/data"),
        chat: h("#data-oncall"),
        breaking: [h("svc/access")],
        atRisk: [h("dash/rev")],
      },
      { breaking: [], atRisk: [h("dash/rev")] },
    ],
    unmatchedFiles: [h("docs/readme.md")],
    quietFiles: [
      { file: h("iam/notes.tf"), nodes: [h("iam-role/runner")], reason: h("only a comment") },
    ],
    unmatchedResources: [h("aws_s3_bucket.logs")],
    contracts: [
      {
        dependent: h("svc/access"),
        upstream: h("iam-role/runner"),
        expectation: h("trusts arn:aws:iam::1:role/x"),
        kind: "trusts",
        status: "broken",
        reason: h("it no longer does"),
        evidence,
      },
      {
        dependent: h("dash/rev"),
        upstream: h("iam-role/runner"),
        expectation: h("allows s3:GetObject"),
        kind: "allows",
        status: "unchecked",
        reason: h("no contents"),
      },
      {
        dependent: h("svc/access"),
        upstream: h("iam-role/runner"),
        expectation: h("allows s3:PutObject"),
        kind: "allows",
        status: "broken",
        reason: h("its waiver ended"),
        evidence,
        waiver: { until: h("2026-01-01"), reason: h("accepted"), expired: true },
        decides: [h("trust-narrowed")],
      },
      {
        dependent: h("svc/access"),
        upstream: h("iam-role/runner"),
        expectation: h("trusts arn:aws:iam::2:role/y"),
        kind: "trusts",
        status: "pending",
        reason: h("pending: would break: no longer trusts"),
        pending: true,
      },
      {
        dependent: h("svc/access"),
        upstream: h("iam-role/runner"),
        expectation: h("exists"),
        kind: "exists",
        status: "waived",
        reason: h("waived: deleted"),
        waiver: { until: h("2099-01-01"), reason: h("the PR author says it is fine") },
      },
      {
        // Held the first edge of dash/rev's path: the at-risk node's reason.
        dependent: h("svc/access"),
        upstream: h("iam-role/runner"),
        expectation: h("trusts arn:aws:iam::3:role/z"),
        kind: "trusts",
        status: "kept",
        reason: h("still trusts"),
        decides: [h("trust-narrowed")],
      },
    ],
    truncated: { reason: "max-depth", limit: 5, frontier: [h("dash/rev")] },
    unjudged: [{ file: h("iam/huge.json"), reason: h("too large to read") }],
  };
}
