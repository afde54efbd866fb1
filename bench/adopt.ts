// Adoption at scale, each against a baseline measured in the same run:
// - a Backstage catalog (multi-document files reached through a Location) against the same
//   graph written as deps.yaml, both through `validate`;
// - `init --dry-run` on a generated Terraform repository against parsing the same files with
//   HashiCorp's parser and nothing else.

import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateOrg } from "./generate-org.js";

export interface CatalogRow {
  readonly entities: number;
  readonly files: number;
  readonly catalogMs: number;
  readonly depsYamlMs: number;
  readonly catalogVsDepsYaml: number;
}

export interface InitRow {
  readonly terraformFiles: number;
  readonly resources: number;
  readonly nodes: number;
  readonly initMs: number;
  readonly parseFloorMs: number;
  readonly initVsParse: number;
}

function timed(
  bin: string,
  args: readonly string[],
  cwd: string,
): { ms: number; stdout: string; stderr: string } {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: "utf8",
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1" },
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0)
    throw new Error(`${args.join(" ")} failed (${result.status}): ${result.stderr.slice(0, 2000)}`);
  return { ms, stdout: result.stdout, stderr: result.stderr };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] as number;
};
const slug = (id: string) => id.replace(/[^a-z0-9-]+/gi, "-").toLowerCase();

export function measureCatalog(options: {
  out: string;
  bin: string;
  entities: number;
  seed: number;
  runs: number;
}): CatalogRow {
  const org = generateOrg({ nodes: options.entities, seed: options.seed });
  const dir = join(options.out, `catalog-${options.entities}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "catalog"), { recursive: true });
  const perFile = Math.ceil(org.nodes.length / 100);
  const targets: string[] = [];
  for (let from = 0; from < org.nodes.length; from += perFile) {
    const docs = org.nodes
      .slice(from, from + perFile)
      .map((n) =>
        [
          "apiVersion: backstage.io/v1alpha1",
          "kind: Component",
          `metadata:\n  name: ${slug(n.id)}\n  description: ${n.kind} ${n.id}`,
          "spec:",
          "  type: service",
          "  lifecycle: production",
          `  owner: ${n.owner ?? "nobody"}`,
          n.dependsOn.length > 0
            ? `  dependsOn:\n${n.dependsOn.map((d) => `    - component:${slug(d.on)}`).join("\n")}`
            : "",
        ]
          .filter(Boolean)
          .join("\n"),
      );
    const name = `catalog/part-${String(targets.length).padStart(3, "0")}.yaml`;
    writeFileSync(join(dir, name), `${docs.join("\n---\n")}\n`);
    targets.push(name);
  }
  const owners = [...new Set([...org.owners, "nobody"])];
  writeFileSync(
    join(dir, "catalog/groups.yaml"),
    `${owners.map((o) => `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: ${o}\nspec:\n  type: team\n  children: []`).join("\n---\n")}\n`,
  );
  writeFileSync(
    join(dir, "catalog/all.yaml"),
    `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: all\nspec:\n  targets:\n${[...targets.map((t) => t.replace("catalog/", "./")), "./groups.yaml"].map((t) => `    - ${t}`).join("\n")}\n`,
  );
  writeFileSync(join(dir, "catalog.deps.yaml"), "version: 1\ninclude: [catalog/all.yaml]\n");
  // The same graph as deps.yaml: the baseline.
  const lines = ["version: 1", "owners:", ...owners.map((o) => `  group:${o}: {}`), "nodes:"];
  for (const n of org.nodes) {
    lines.push(
      `  component:${slug(n.id)}:`,
      "    kind: component",
      `    owner: group:${n.owner ?? "nobody"}`,
    );
    lines.push(`    description: ${n.kind} ${n.id}`);
    if (n.dependsOn.length > 0)
      lines.push(
        `    depends_on: [${n.dependsOn.map((d) => `component:${slug(d.on)}`).join(", ")}]`,
      );
  }
  writeFileSync(join(dir, "plain.deps.yaml"), `${lines.join("\n")}\n`);

  const catalog: number[] = [];
  const plain: number[] = [];
  let summaries = ["", ""];
  for (let r = 0; r < options.runs; r++) {
    const p = timed(options.bin, ["validate", "--deps", "plain.deps.yaml"], dir);
    const c = timed(options.bin, ["validate", "--deps", "catalog.deps.yaml"], dir);
    plain.push(p.ms);
    catalog.push(c.ms);
    summaries = [p.stdout, c.stdout];
  }
  // Both must be the same graph, or the comparison means nothing.
  const counts = summaries.map((s) => /(\d+) nodes, (\d+) edges/.exec(s)?.slice(1).join("/"));
  if (counts[0] !== counts[1])
    throw new Error(`catalog and deps.yaml differ: ${counts.join(" vs ")}`);
  const catalogMs = median(catalog);
  const depsYamlMs = median(plain);
  return {
    entities: org.nodes.length,
    files: targets.length + 2,
    catalogMs,
    depsYamlMs,
    catalogVsDepsYaml: catalogMs / depsYamlMs,
  };
}

export function measureInit(options: {
  out: string;
  bin: string;
  root: string;
  dirs: number;
  rolesPerDir: number;
  runs: number;
}): InitRow {
  const dir = join(options.out, `init-${options.dirs}x${options.rolesPerDir}`);
  rmSync(dir, { recursive: true, force: true });
  const files: string[] = [];
  let resources = 0;
  for (let d = 0; d < options.dirs; d++) {
    const folder = join(dir, `stacks/stack-${d}`);
    mkdirSync(folder, { recursive: true });
    const iam: string[] = [];
    const apps: string[] = [];
    for (let r = 0; r < options.rolesPerDir; r++) {
      iam.push(
        `resource "aws_iam_role" "role_${r}" {\n  name = "stack-${d}-role-${r}"\n  assume_role_policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]\n  })\n}\n`,
        `resource "aws_iam_policy" "policy_${r}" {\n  name = "stack-${d}-policy-${r}"\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = ["s3:GetObject", "sqs:SendMessage"], Resource = "*" }]\n  })\n}\n`,
        `resource "aws_iam_role_policy_attachment" "attach_${r}" {\n  role       = aws_iam_role.role_${r}.name\n  policy_arn = aws_iam_policy.policy_${r}.arn\n}\n`,
      );
      apps.push(
        `resource "aws_lambda_function" "fn_${r}" {\n  function_name = "stack-${d}-fn-${r}"\n  role          = aws_iam_role.role_${r}.arn\n  handler       = "index.handler"\n  runtime       = "nodejs20.x"\n  filename      = "fn.zip"\n}\n`,
        `resource "aws_sqs_queue" "queue_${r}" {\n  name = "stack-${d}-queue-${r}"\n}\n`,
      );
      resources += 5;
    }
    writeFileSync(join(folder, "iam.tf"), iam.join("\n"));
    writeFileSync(join(folder, "apps.tf"), apps.join("\n"));
    files.push(join(folder, "iam.tf"), join(folder, "apps.tf"));
  }
  writeFileSync(join(dir, "CODEOWNERS"), "* @acme/platform\n/stacks/stack-1*/ @acme/team-one\n");
  const floorScript = join(options.out, "hcl-parse-floor.mjs");
  writeFileSync(
    floorScript,
    `import { readFileSync } from "node:fs";\nimport { parse } from ${JSON.stringify(join(options.root, "node_modules/@cdktn/hcl2json/build/index.js"))};\nfor (const file of process.argv.slice(2)) await parse(file, readFileSync(file, "utf8"));\n`,
  );
  const init: number[] = [];
  const floor: number[] = [];
  let nodes = 0;
  for (let r = 0; r < options.runs; r++) {
    floor.push(timed(floorScript, files, dir).ms);
    const run = timed(options.bin, ["init", "--dry-run"], dir);
    init.push(run.ms);
    nodes = Number(/(\d+) node\(s\)/.exec(run.stderr)?.[1] ?? Number.NaN);
  }
  const initMs = median(init);
  const parseFloorMs = median(floor);
  return {
    terraformFiles: files.length,
    resources,
    nodes,
    initMs,
    parseFloorMs,
    initVsParse: initMs / parseFloorMs,
  };
}
