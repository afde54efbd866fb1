// Large IAM documents compared (a 6,000-statement policy took 231 s when comparison was
// quadratic), against a baseline measured in the same run: parsing the same two documents.
// The growth from a quarter of the statements to all of them tells linear (about 4x) from
// quadratic (about 16x).

import { compareDocuments } from "../src/core/classify/iam-evaluate.js";
import {
  comparePermissions,
  compareTrust,
  type PolicyDocument,
  policyFromJson,
} from "../src/core/classify/policy.js";

export interface IamRow {
  readonly statements: number;
  /** Parsing the before and after documents from JSON text: the baseline. */
  readonly parseMs: number;
  readonly permissionsMs: number;
  readonly trustMs: number;
  readonly permissionsVsParse: number;
  readonly trustVsParse: number;
  /** Statement matches tried for the permissions comparison. */
  readonly operations: number;
  /** Permissions comparison time at these statements over the time at a quarter of them. */
  readonly growthFromQuarter: number;
}

/** Statements over 50 services, each with an action, a prefix pattern and its own resource. */
function permissions(n: number, changed: boolean): string {
  const statement = (i: number, suffix = "") => ({
    Effect: i % 10 === 5 ? "Deny" : "Allow",
    Action: [`svc${i % 50}:Action${i}`, `svc${i % 50}:Get${i}*`],
    Resource: [`arn:aws:svc:::thing-${i}${suffix}/*`],
    ...(i % 7 === 0 ? { Condition: { StringEquals: { "aws:RequestedRegion": "eu-west-1" } } } : {}),
  });
  const list = Array.from({ length: n }, (_, i) => statement(i));
  // One removed, one added, one whose resource moves: the comparison has work to report.
  if (changed) list.splice(1, 2, statement(n + 1), statement(2, "-moved"));
  return JSON.stringify({ Version: "2012-10-17", Statement: list });
}

function trust(n: number, changed: boolean): string {
  const list: unknown[] = Array.from({ length: n }, (_, i) => ({
    Effect: "Allow",
    Action: "sts:AssumeRole",
    Principal: { AWS: `arn:aws:iam::${String(100000000000 + i)}:role/r${i}` },
  }));
  if (changed) list.push({ Effect: "Deny", Action: "sts:*", Principal: { AWS: "*" } });
  return JSON.stringify({ Version: "2012-10-17", Statement: list });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] as number;
}

function time(run: () => void, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return median(times);
}

const parse = (text: string) => policyFromJson(text) as PolicyDocument;

export function measureIamPolicies(statements: number, runs = 3): IamRow {
  const texts = [permissions(statements, false), permissions(statements, true)] as const;
  const trusts = [trust(statements, false), trust(statements, true)] as const;
  const parseMs = time(() => {
    parse(texts[0]);
    parse(texts[1]);
  }, runs);
  const [before, after] = texts.map(parse) as [PolicyDocument, PolicyDocument];
  const permissionsMs = time(() => comparePermissions(before, after), runs);
  const [trustBefore, trustAfter] = trusts.map(parse) as [PolicyDocument, PolicyDocument];
  const trustMs = time(() => compareTrust(trustBefore, trustAfter), runs);
  const quarter = Math.round(statements / 4);
  const [qb, qa] = [permissions(quarter, false), permissions(quarter, true)].map(parse) as [
    PolicyDocument,
    PolicyDocument,
  ];
  const quarterMs = time(() => comparePermissions(qb, qa), runs);
  return {
    statements,
    parseMs,
    permissionsMs,
    trustMs,
    permissionsVsParse: permissionsMs / parseMs,
    trustVsParse: trustMs / parseMs,
    operations: compareDocuments(before, after, "permissions").operations,
    growthFromQuarter: permissionsMs / quarterMs,
  };
}
