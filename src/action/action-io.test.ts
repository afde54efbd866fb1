import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError, InvalidDepsError } from "../core/errors.js";
import { expectInert, HOSTILE } from "../core/testing/hostile.js";
import { fail } from "./fail.js";
import { readInputs } from "./inputs.js";
import { createRunner } from "./runner.js";

describe("the runner protocol", () => {
  it("reads INPUT_* as the runner names them, trimmed", () => {
    const runner = createRunner({ "INPUT_FAIL-ON": " high ", INPUT_MY_INPUT: "x" }, () => {});
    expect(runner.input("fail-on")).toBe("high");
    expect(runner.input("my input")).toBe("x");
    expect(runner.input("absent")).toBe("");
  });

  it("writes multi-line outputs and the summary to the runner's files, annotations escaped", () => {
    const dir = mkdtempSync(join(tmpdir(), "runner-"));
    const output = join(dir, "output");
    const summary = join(dir, "summary");
    writeFileSync(output, "");
    const lines: string[] = [];
    const runner = createRunner({ GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary }, (t) =>
      lines.push(t),
    );
    runner.setOutput("owners", "a,b\nc");
    runner.appendSummary("### hi");
    runner.error("100% broken\nsecond line\r");
    expect(readFileSync(output, "utf8")).toMatch(/^owners<<(ghadelimiter_[\w-]+)\na,b\nc\n\1\n$/);
    expect(readFileSync(summary, "utf8")).toBe("### hi\n");
    expect(lines).toEqual(["::error::100%25 broken%0Asecond line%0D\n"]);
  });
});

describe("the log: no foreign line becomes a workflow command", () => {
  /**
   * The runner's two parsers, as actions/runner's ActionCommand has them: `::name ...::` after
   * trimming leading white space (TryParseV2), or `##[name ...]` anywhere in a line (TryParse).
   * .NET's culture-aware StartsWith/IndexOf skip zero-width characters: so does this model.
   */
  const COMMANDS = [
    "set-output",
    "stop-commands",
    "add-mask",
    "set-env",
    "add-path",
    "save-state",
    "notice",
    "warning",
    "error",
    "debug",
    "group",
    "x",
  ];
  function command(line: string): string | undefined {
    const seen = line.replace(/\p{Default_Ignorable_Code_Point}/gu, "");
    const v2 = /^[\s\u0085\u180e]*::([^\s:]+)[\s\S]*?::/u.exec(seen);
    if (v2 && COMMANDS.includes((v2[1] as string).toLowerCase())) return v2[1];
    const v1 = /##\[([^\s\]]+)[^\]]*\]/.exec(seen);
    if (v1 && COMMANDS.includes((v1[1] as string).toLowerCase())) return v1[1];
    return undefined;
  }
  const attacks = [
    "::set-output name=risk::none",
    "  \t::stop-commands::x",
    "\u00a0\u3000::add-mask::secret",
    "\u200b::set-output name=risk::none",
    "\ufeff::set-output name=risk::none",
    ":\u200b:set-output name=risk::none",
    "prefix ##[set-output name=risk;]none",
    "##[add-mask]secret",
    "::SET-OUTPUT name=risk::none",
  ];

  it("the model of the runner sees each attack as a command", () => {
    for (const attack of attacks) expect(command(attack), attack).toBeDefined();
  });

  it.each(attacks)("info() neutralises %j, alone or after a line break in a message", (attack) => {
    const written: string[] = [];
    const runner = createRunner({}, (t) => written.push(t));
    runner.info(attack);
    runner.info(`node svc/a changed\n${attack}\r${attack}\r\n${attack}`);
    runner.setOutput("risk", `high\n${attack}`); // no GITHUB_OUTPUT: printed
    const lines = written.join("").split(/\r\n|\r|\n/);
    expect(lines.length).toBeGreaterThan(4);
    for (const line of lines) expect(command(line), line).toBeUndefined();
  });

  it("annotations keep a message on one line, `::` in it is data, controls are shown", () => {
    const written: string[] = [];
    const runner = createRunner({}, (t) => written.push(t));
    runner.warning("a::set-output name=risk::none\n::stop-commands::x\u001b[2J");
    runner.error("b ##[add-mask]y \u200b\ufeffz");
    expect(written).toEqual([
      "::warning::a::set-output name=risk::none%0A::stop-commands::x\\x1b[2J\n",
      "::error::b ##\\[add-mask]y \\u{200b}\\u{feff}z\n",
    ]);
  });

  it("terminal controls are shown, not sent (the log viewer renders ANSI)", () => {
    const written: string[] = [];
    createRunner({}, (t) => written.push(t)).info(`x${HOSTILE}`);
    // A message's line breaks stay lines (the commands among them are tested above).
    expectInert(written.join("").replace(/\n/g, " "));
  });
});

describe("the Action's inputs", () => {
  const inputs = (values: Record<string, string>) =>
    readInputs(
      createRunner(
        Object.fromEntries(Object.entries(values).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
        () => {},
      ),
    );

  it("defaults as action.yml documents them", () => {
    expect(inputs({ token: "t" })).toEqual({
      token: "t",
      deps: { path: "deps.yaml", key: "deps.yaml" },
      failOn: "none",
      comment: "update",
      postWhenEmpty: true,
      mentionOwners: true,
      labels: true,
      requestReviewers: false,
      acknowledgeLabel: "blast-radius:acknowledged",
      onIncomplete: "fail",
    });
  });

  it("reads every input", () => {
    expect(
      inputs({
        token: "t",
        deps: "acme/graph:deps.yaml@main",
        plan: "plan.json",
        "fail-on": "medium",
        comment: "recreate",
        "comment-when": "impact",
        "mention-owners": "false",
        labels: "False",
        "request-reviewers": "TRUE",
        "acknowledge-label": "ok-to-break",
        "comment-author": "release-bot",
        "max-depth": "3",
        "on-incomplete": "warn",
      }),
    ).toEqual({
      token: "t",
      deps: {
        repo: "acme/graph",
        path: "deps.yaml",
        ref: "main",
        key: "acme/graph:deps.yaml@main",
      },
      plan: "plan.json",
      failOn: "medium",
      comment: "recreate",
      postWhenEmpty: false,
      mentionOwners: false,
      labels: false,
      requestReviewers: true,
      acknowledgeLabel: "ok-to-break",
      commentAuthor: "release-bot",
      maxDepth: 3,
      onIncomplete: "warn",
    });
  });

  it.each([
    [{}, "input token is empty"],
    [
      { token: "t", "fail-on": "severe" },
      'input fail-on must be one of none, low, medium, high; got "severe"',
    ],
    [{ token: "t", comment: "sometimes" }, "input comment must be one of update, recreate, off"],
    [{ token: "t", labels: "yes" }, 'input labels must be true or false; got "yes"'],
    [{ token: "t", "max-depth": "-1" }, 'input max-depth takes a whole number; got "-1"'],
  ])("rejects %j", (values, message) => {
    expect(() => inputs(values)).toThrow(message);
  });
});

describe("the Action's rendered-base and rendered-head inputs", () => {
  const inputs = (values: Record<string, string>) =>
    readInputs(
      createRunner(
        Object.fromEntries(Object.entries(values).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
        () => {},
      ),
    );
  const names = { base: "input rendered-base", head: "input rendered-head" };

  it("reads both, with the namespace, named as inputs in messages", () => {
    expect(
      inputs({
        token: "t",
        "rendered-base": "rendered/base",
        "rendered-head": "rendered/head",
        "rendered-namespace": "monitoring",
      }).rendered,
    ).toEqual({
      base: "rendered/base",
      head: "rendered/head",
      namespace: "monitoring",
      names: { ...names, namespace: "input rendered-namespace" },
    });
  });

  it.each([
    [
      { "rendered-base": "b" },
      "input rendered-base and input rendered-head go together: only input rendered-base was given",
    ],
    [
      { "rendered-head": "h" },
      "input rendered-base and input rendered-head go together: only input rendered-head was given",
    ],
    [
      { "rendered-namespace": "ns" },
      "input rendered-namespace applies to input rendered-base and input rendered-head, which were not given",
    ],
  ])("refuses half a pair: %j", (values, message) => {
    expect(() => inputs({ token: "t", ...values })).toThrow(message);
  });
});

describe("what a mode throws, in the log", () => {
  const said = (error: unknown) => {
    const lines: string[] = [];
    const code = fail(
      createRunner({}, (text) => lines.push(text)),
      error,
    );
    return { code, log: lines.join("") };
  };

  it("a graph that does not load outside a review: every error located, and no word of a pull request", () => {
    const { code, log } = said(
      new InvalidDepsError(
        [
          {
            severity: "error",
            code: "unknown-node",
            file: "deps.yaml",
            line: 5,
            column: 20,
            message: 'unknown node "missing"',
          },
        ],
        [],
      ),
    );
    expect(code).toBe(1);
    expect(log).toBe(
      'deps.yaml:5:20: error: unknown node "missing"\n::error::blastradius: the dependency graph does not load (1 error in the dependency graph; first: deps.yaml:5:20: error: unknown node "missing"). Fix it, or point the deps input at another; `blastradius validate` shows every error.\n',
    );
  });

  it("bad input says what to do; anything else is a bug, said without a stack", () => {
    expect(said(new InputError("input since is wrong", "write 7d")).log).toBe(
      "::error::blastradius: input since is wrong. write 7d\n",
    );
    const bug = said(new TypeError("x is undefined"));
    expect(bug.code).toBe(1);
    expect(bug.log).toBe(
      "::error::blastradius: internal error: x is undefined. Please report it.\n",
    );
  });
});
