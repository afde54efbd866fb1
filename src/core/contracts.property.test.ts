// The severity rule, against plain models: (1) the walk with contracts' verdicts equals a
// breadth-first search whose edge test is "a broken contract breaks, a kept one holds the
// classes it covers, else breaks_on"; (2) through the whole analysis, a kept contract never
// yields breaking through its edge for the classes it covers, and a broken one always does.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "./analyze.js";
import { readPlan } from "./classify/terraform-plan.js";
import { blastRadius } from "./graph/blast-radius.js";
import { compactGraph } from "./graph/compact-graph.js";
import type { EdgeVerdict } from "./graph/edge-verdicts.js";
import type { ChangeClass, Edge } from "./model.js";
import { bareNodes, modelOf } from "./testing/helpers.js";

const CLASSES: readonly ChangeClass[] = [
  "trust-narrowed",
  "permissions-removed",
  "deleted",
  "modified",
];

const graphs = fc.integer({ min: 1, max: 24 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    edges: fc.array(
      fc.record({
        from: fc.nat(n - 1),
        to: fc.nat(n - 1),
        breaks: fc.option(fc.subarray([...CLASSES]), { nil: undefined }),
        verdict: fc.option(
          fc.record({ breaksAlways: fc.boolean(), holds: fc.subarray([...CLASSES]) }),
          { nil: undefined },
        ),
      }),
      { maxLength: n * 3 },
    ),
    changed: fc.uniqueArray(
      fc.record({
        id: fc.nat(n - 1),
        classes: fc.subarray([...CLASSES], { minLength: 1 }),
      }),
      { selector: (c) => c.id, minLength: 1, maxLength: 3 },
    ),
  }),
);

describe("the severity rule, property", () => {
  it("the walk with verdicts matches a plain search with the rule as its edge test", () => {
    fc.assert(
      fc.property(graphs, ({ n, edges, changed }) => {
        const ids = Array.from({ length: n }, (_, i) => `n${i}`);
        const declared = new Map<string, Edge[]>(ids.map((id) => [id, []]));
        const verdictOf = new Map<string, EdgeVerdict>();
        for (const e of edges) {
          const from = `n${e.from}`; // the dependent
          const to = `n${e.to}`;
          if (from === to || declared.get(from)?.some((d) => d.to === to)) continue;
          declared.get(from)?.push({ from, to, via: "x", breaksOn: e.breaks, index: 0 });
          if (e.verdict) verdictOf.set(`${to}>${from}`, e.verdict);
        }
        const graph = compactGraph({ nodes: bareNodes(ids, declared) });
        const verdicts = new Map<number, EdgeVerdict>();
        for (let e = 0; e < graph.targets.length; e++) {
          const key = `${graph.ids[graph.sources[e] as number]}>${graph.ids[graph.targets[e] as number]}`;
          const v = verdictOf.get(key);
          if (v) verdicts.set(e, v);
        }
        const seeds = changed.map((c) => ({ id: `n${c.id}`, classes: c.classes }));
        const result = blastRadius(graph, seeds, { verdicts });

        // The rule, said plainly.
        const breaksOn = (from: string, to: string, cls: ChangeClass) => {
          const v = verdictOf.get(`${from}>${to}`);
          if (v?.breaksAlways) return true;
          if (v?.holds.includes(cls)) return false;
          const b = declared.get(to)?.find((d) => d.to === from)?.breaksOn;
          return b === undefined || b.includes(cls);
        };
        const reach = (sources: string[], ok: (from: string, to: string) => boolean) => {
          const seen = new Set(sources);
          const queue = [...sources];
          while (queue.length > 0) {
            const at = queue.shift() as string;
            for (const [dependent, list] of declared)
              if (list.some((d) => d.to === at) && !seen.has(dependent) && ok(at, dependent)) {
                seen.add(dependent);
                queue.push(dependent);
              }
          }
          return seen;
        };
        const severityFrom = (from: typeof seeds, id: string) => {
          for (const seed of from)
            for (const cls of seed.classes)
              if (reach([seed.id], (a, b) => breaksOn(a, b, cls)).has(id)) return "breaking";
          return "at-risk";
        };
        for (const node of result.impacted) {
          const others = seeds.filter((s) => s.id !== node.id);
          expect([node.id, node.severity]).toEqual([node.id, severityFrom(others, node.id)]);
        }
        // And nothing reached is missing.
        const reached = new Set<string>();
        for (const seed of seeds)
          for (const id of reach([seed.id], () => true)) if (id !== seed.id) reached.add(id);
        expect(new Set(result.impacted.map((i) => i.id))).toEqual(reached);
      }),
      { numRuns: 300 },
    );
  });

  const POOL = Array.from({ length: 5 }, (_, i) => `arn:aws:iam::111111111111:role/r${i}`);
  const trust = (principals: readonly string[]) =>
    JSON.stringify({
      Version: "2012-10-17",
      Statement: principals.length
        ? [{ Effect: "Allow", Principal: { AWS: [...principals] }, Action: "sts:AssumeRole" }]
        : [],
    });

  it("through the analysis: kept never breaks through its edge, broken always does", () => {
    fc.assert(
      fc.property(
        fc.subarray(POOL),
        fc.subarray(POOL),
        fc.array(
          fc.record({
            needs: fc.constantFrom(...POOL),
            via: fc.constantFrom("assumes-role", "runs-as", "reads"),
            breaks: fc.option(fc.subarray(["trust-narrowed", "trust-widened", "deleted"]), {
              nil: undefined,
            }),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        (before, after, dependents) => {
          fc.pre(JSON.stringify(before) !== JSON.stringify(after));
          const yaml = [
            "version: 1",
            "nodes:",
            "  role/r: { kind: iam-role, match: { terraform: [aws_iam_role.r] } }",
            ...dependents.flatMap((d, i) => [
              `  svc/${i}:`,
              "    kind: service",
              "    depends_on:",
              "      - on: role/r",
              `        via: ${d.via}`,
              ...(d.breaks ? [`        breaks_on: ${JSON.stringify(d.breaks)}`] : []),
              `        expects: { trusts: ["${d.needs}"] }`,
            ]),
          ].join("\n");
          const side = (p: readonly string[]) => ({ name: "r", assume_role_policy: trust(p) });
          const plan = readPlan(
            {
              format_version: "1.2",
              resource_changes: [
                {
                  address: "aws_iam_role.r",
                  mode: "managed",
                  type: "aws_iam_role",
                  name: "r",
                  change: { actions: ["update"], before: side(before), after: side(after) },
                },
              ],
            },
            "plan.json",
          );
          const impact = analyze(modelOf(`${yaml}\n`), [], { plan: { file: "p", reading: plan } });
          const classes = impact.changed[0]?.classes ?? [];
          // Only trust classes: every class of the change is one trusts covers.
          expect(classes.every((c) => c === "trust-narrowed" || c === "trust-widened")).toBe(true);
          dependents.forEach((d, i) => {
            const severity = impact.impacted.find((n) => n.id === `svc/${i}`)?.severity;
            const kept = after.includes(d.needs);
            expect(impact.contracts.find((c) => c.dependent === `svc/${i}`)?.status).toBe(
              kept ? "kept" : "broken",
            );
            expect([d, before, after, severity]).toEqual([
              d,
              before,
              after,
              kept ? "at-risk" : "breaking",
            ]);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
