import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../core/errors.js";
import { jsonTooDeepAt, MAX_JSON_DEPTH } from "../core/json-depth.js";
import { parsePlan, readPlanFile } from "./read-plan.js";

describe("plans nested beyond the limit", () => {
  it("a plan nested 200,000 deep is a clear error naming the file, line and the limit", () => {
    const text = `{"resource_changes": ${"[".repeat(200_000)}${"]".repeat(200_000)}}`;
    let error: unknown;
    try {
      parsePlan("plan.json", text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(
      // The opening brace is the first level: the 1,000th bracket, at column 22 + 999, is one too many.
      `plan.json:1:${22 + MAX_JSON_DEPTH - 1}: nested more than ${MAX_JSON_DEPTH} levels deep; not read`,
    );
  });

  it("brackets inside strings do not count, and escaped quotes do not end a string", () => {
    expect(jsonTooDeepAt(`{"a": "${"[".repeat(5000)}\\"${"{".repeat(5000)}"}`, 10)).toBeUndefined();
    expect(jsonTooDeepAt(`[[["x"]]]`, 3)).toBeUndefined();
    expect(jsonTooDeepAt(`[[[["x"]]]]`, 3)).toBe(3);
  });

  it("a device given as the plan is refused without reading it", () => {
    expect(() => readPlanFile("/dev/zero")).toThrow(/not a regular file/);
    const dir = mkdtempSync(join(tmpdir(), "br-plan-"));
    writeFileSync(join(dir, "plan.json"), "[".repeat(1001));
    expect(() => readPlanFile(join(dir, "plan.json"))).toThrow(/nested more than 1000 levels/);
  });
});

describe("plans that are not JSON", () => {
  it("say the line and column where they stop, whatever V8's message gives", () => {
    expect(() =>
      parsePlan("plan.json", '{\n  "format_version": "1.2",\n  "resource_changes": [,]\n}'),
    ).toThrow(/^plan\.json:3:24: not JSON/);
  });
});
