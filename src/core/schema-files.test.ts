import { Ajv } from "ajv";
import { load as loadYaml } from "js-yaml";
import { describe, expect, it } from "vitest";
import { analyze } from "./analyze.js";
import { readPlan } from "./classify/terraform-plan.js";
import { impactToJson } from "./render/impact-json.js";
import { schemaFiles } from "./schema-files.js";
import { chainYaml, load, modelOf } from "./testing/helpers.js";

const ajv = new Ajv({ allErrors: true, strict: false });

describe("shipped schemas", () => {
  const depsSchema = ajv.compile(JSON.parse(schemaFiles()["deps.schema.json"] as string));

  // Documents whose only problems are of shape: the JSON Schema and the validator must agree.
  const shapes: [string, boolean][] = [
    ["version: 1\nnodes: {a: {kind: k}}\n", true],
    [
      "version: 1\nnodes: {a: {kind: k, tier: 0, depends_on: [b, {on: b, via: reads, breaks_on: [deleted]}]}, b: {kind: k}}\n",
      true,
    ],
    [
      "version: 1\nowners: {t: {github: '@org/team', chat: '#c', email: a@b.c}}\nnodes: {a: {kind: k, owner: t}}\n",
      true,
    ],
    [
      "version: 1\nnodes: {a: {kind: k, match: {paths: ['acme/x:a/**'], terraform: ['module.a.*']}}}\n",
      true,
    ],
    ["nodes: {a: {kind: k}}\n", false],
    ["version: 2\n", false],
    ["version: 1\nnodes: {a: {kind: k, tier: 4}}\n", false],
    ["version: 1\nnodes: {a: {kind: k, tier: 1.5}}\n", false],
    // kind may be left out by a node that adds to a catalog entity: the loader checks it once
    // every file is read, not the schema.
    ["version: 1\nnodes: {a: {}}\n", true],
    ["version: 1\nnodes: {a: {kind: k, colour: red}}\n", false],
    ["version: 1\nnodes: {'-a': {kind: k}}\n", false],
    ["version: 1\nnodes: {constructor: {kind: k}}\n", false],
    ["version: 1\nnodes: {a: {kind: k, depends_on: [{via: reads}]}}\n", false],
    ["version: 1\nnodes: {a: {kind: k, depends_on: [{on: b, via: 'Not Valid'}]}}\n", false],
    ["version: 1\nnodes: {a: {kind: k, match: {paths: ['!negated']}}}\n", false],
    ["version: 1\nowners: {t: {github: 'no-at-sign'}}\n", false],
    ["version: 1\nnodes: {a: {kind: k, docs: 'not a link'}}\n", false],
    ["version: 1\ninclude: [a.yaml, 3]\n", false],
    [
      "version: 1\nnodes: {a: {kind: k, depends_on: [{on: b, expects: {trusts: ['111111111111'], allows: ['s3:Get*'], exists: true}}]}, b: {kind: k}}\n",
      true,
    ],
    [
      "version: 1\nnodes: {a: {kind: k, depends_on: [{on: b, breaks_on: [deletd]}]}, b: {kind: k}}\n",
      false,
    ],
    [
      "version: 1\nnodes: {a: {kind: k, depends_on: [{on: b, expects: {exists: yes please}}]}, b: {kind: k}}\n",
      false,
    ],
    [
      "version: 1\nnodes: {a: {kind: k, depends_on: [{on: b, expects: {allows: ['not an action']}}]}, b: {kind: k}}\n",
      false,
    ],
    [
      "version: 1\nnodes: {a: {kind: k, depends_on: [{on: b, expects: {owns: [x]}}]}, b: {kind: k}}\n",
      false,
    ],
  ];
  for (const [yaml, valid] of shapes) {
    it(`${valid ? "accepts" : "rejects"}: ${yaml.replace(/\n/g, " ⏎ ").slice(0, 90)}`, () => {
      expect(depsSchema(loadYaml(yaml))).toBe(valid);
      const ours = load({ "deps.yaml": yaml, "a.yaml": "version: 1\n" }).errors.filter(
        (e) => e.code === "schema",
      );
      expect(ours.length === 0).toBe(valid);
    });
  }

  it("check --format json output validates against schema/impact.schema.json", () => {
    const validate = ajv.compile(JSON.parse(schemaFiles()["impact.schema.json"] as string));
    const model = modelOf(
      chainYaml({ a: { paths: ["a"], owner: "o", tier: 0 }, b: {}, c: { tier: 1 } }, [
        ["a", "b", "reads", ["deleted"]],
        ["b", "c"],
        ["a", "c"],
      ]),
    );
    const planned = modelOf(
      "version: 1\nnodes:\n  role: {kind: r, match: {terraform: [aws_iam_role.r]}}\n  svc: {kind: s, depends_on: [{on: role, via: assumes-role, expects: {trusts: [codebuild.amazonaws.com], exists: true}}]}\n",
    );
    const plan = {
      file: "p.json",
      reading: readPlan(
        {
          format_version: "1.2",
          resource_changes: [
            {
              address: "aws_iam_role.r",
              type: "aws_iam_role",
              mode: "managed",
              change: { actions: ["delete"], before: {}, after: null },
            },
          ],
          configuration: {
            root_module: {
              resources: [
                {
                  address: "aws_codebuild_project.p",
                  mode: "managed",
                  expressions: { service_role: { references: ["aws_iam_role.r.arn"] } },
                },
              ],
            },
          },
        },
        "p.json",
      ),
    };
    for (const impact of [
      analyze(planned, [], { plan }),
      analyze(model, [{ path: "a", status: "modified" }]),
      analyze(model, [{ path: "a", status: "modified" }], { maxDepth: 0 }),
      analyze(model, [{ path: "zz", status: "added" }]),
    ]) {
      const json = JSON.parse(JSON.stringify(impactToJson(impact)));
      expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    }
  });
});
