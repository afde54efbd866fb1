import { describe, expect, it } from "vitest";
import { parsePathRule } from "../core/config/normalise.js";
import { PathIndex } from "../core/locate/path-index.js";
import type { FileChange } from "../core/model.js";
import { type ClassifyOptions, classifyChanges } from "./classify-changes.js";

// Files a module reads with file()/templatefile(): a change to one alone changes the module.
const role = (trust: string) =>
  `resource "aws_iam_role" "r" {\n  name = "r"\n  assume_role_policy = ${trust}\n}\n`;
const TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Action: "sts:AssumeRole",
      Principal: { AWS: "arn:aws:iam::111111111111:role/ci" },
    },
  ],
});
/** Terraform's interpolation, written so that no linter reads it as a JavaScript one. */
const PM = ["$", "{path.module}"].join("");
const EMPTY = JSON.stringify({ Version: "2012-10-17", Statement: [] });

/** A repository at base and head; one node, matching iam/role.tf unless told. */
function repo(
  base: Record<string, string>,
  head: Record<string, string>,
  rule = "iam/role.tf",
): Pick<ClassifyOptions, "paths" | "read" | "folder"> & { listed: string[] } {
  const paths = new PathIndex();
  paths.add("iam-role/r", parsePathRule(rule));
  const listed: string[] = [];
  const side = (files: Record<string, string>, folder: string, matches: RegExp) =>
    Object.entries(files)
      .filter(([p]) => p.slice(0, p.lastIndexOf("/")) === folder && matches.test(p))
      .map(([path, text]) => ({ path, text }));
  return {
    paths,
    listed,
    read: async (file: FileChange) => ({
      ...(base[file.previousPath ?? file.path] !== undefined
        ? { base: base[file.previousPath ?? file.path] }
        : {}),
      ...(head[file.path] !== undefined ? { head: head[file.path] } : {}),
    }),
    folder: async (folder, matches) => {
      listed.push(folder);
      return { base: side(base, folder, matches), head: side(head, folder, matches) };
    },
  };
}

const classesOf = (file: FileChange | undefined) =>
  file?.resources?.map((r) => `${r.address}:${r.classes.join(",")}`);

describe("a changed file a matched module reads", () => {
  it("file() beside a single-file rule: evaluated with the module, the change reaches the node", async () => {
    const base = { "iam/role.tf": role(`file("${PM}/t.json")`), "iam/t.json": TRUST };
    const options = repo(base, { ...base, "iam/t.json": EMPTY });
    const result = await classifyChanges([{ path: "iam/t.json", status: "modified" }], options);
    expect(result.files[0]?.reaches).toEqual(["iam/role.tf"]);
    expect(classesOf(result.files[0])).toEqual([expect.stringMatching(/^aws_iam_role\.r:.+/)]);
    expect(result.unjudged).toEqual([]);
  });

  it.each(["iam/*.tf", "**/*.tf"])("under a glob rule (%s) too", async (rule) => {
    const base = { "iam/role.tf": role(`file("${PM}/t.json")`), "iam/t.json": TRUST };
    const options = repo(base, { ...base, "iam/t.json": EMPTY }, rule);
    const result = await classifyChanges([{ path: "iam/t.json", status: "modified" }], options);
    expect(result.files[0]?.reaches).toEqual(["iam/role.tf"]);
    expect(classesOf(result.files[0])).toEqual([expect.stringMatching(/^aws_iam_role\.r:.+/)]);
  });

  it("beyond the folders it lists, a file that a module may read is not judged", async () => {
    const base: Record<string, string> = {};
    const files: FileChange[] = [];
    for (let i = 0; i < 12; i++) {
      base[`m${i}/role.tf`] = role(`file("${PM}/t.json")`);
      base[`m${i}/t.json`] = TRUST;
      files.push({ path: `m${i}/t.json`, status: "modified" });
    }
    const head = Object.fromEntries(
      Object.entries(base).map(([p, t]) => [p, p.endsWith(".json") ? EMPTY : t]),
    );
    const options = repo(base, head, "m*/role.tf");
    const result = await classifyChanges(files, options);
    expect(options.listed.length).toBeLessThanOrEqual(10);
    // Each file is looked for in its folder and above (the root too, where the glob starts).
    const unjudged = result.unjudged.map((u) => u.file);
    expect(unjudged).toEqual(expect.arrayContaining(["m10/t.json", "m11/t.json"]));
    for (const [i, file] of result.files.entries())
      if (!unjudged.includes(file.path)) expect(file.reaches, file.path).toEqual([`m${i}/role.tf`]);
    expect(result.unjudged[0]?.reason).toMatch(/may read it.*only 10 are read/);
  });

  it("templatefile() of a file in a subfolder of the module reaches the node too", async () => {
    const base = {
      "iam/role.tf": role(`templatefile("${PM}/p/t.tpl", {})`),
      "iam/p/t.tpl": TRUST,
    };
    const options = repo(base, { ...base, "iam/p/t.tpl": EMPTY });
    const result = await classifyChanges([{ path: "iam/p/t.tpl", status: "modified" }], options);
    expect(options.listed).toContain("iam");
    expect(result.files[0]?.reaches).toEqual(["iam/role.tf"]);
    expect(classesOf(result.files[0])).toEqual([expect.stringMatching(/^aws_iam_role\.r:.+/)]);
  });

  it("a read file whose change leaves the module as it was, or one no module reads, stays unmatched", async () => {
    const base = {
      "iam/role.tf": role(`file("${PM}/t.json")`),
      "iam/t.json": TRUST,
      "iam/README.md": "a",
    };
    const options = repo(base, { ...base, "iam/t.json": `${TRUST}\n`, "iam/README.md": "b" });
    const result = await classifyChanges(
      [
        { path: "iam/t.json", status: "modified" },
        { path: "iam/README.md", status: "modified" },
      ],
      options,
    );
    expect(result.files.map((f) => f.reaches)).toEqual([undefined, undefined]);
    expect(result.files[0]?.resources).toEqual([]);
    expect(result.files[1]?.resources).toBeUndefined();
    expect(result.unjudged).toEqual([]);
  });

  it("beside a module that reads files by a computed path (fileset), a changed file is unknown for its nodes", async () => {
    const base = {
      "iam/role.tf": `${role(`file("${PM}/t.json")`)}locals {\n  all = fileset(path.module, "p/*.json")\n}\n`,
      "iam/p/x.json": TRUST,
    };
    const options = repo(base, { ...base, "iam/p/x.json": EMPTY });
    const result = await classifyChanges([{ path: "iam/p/x.json", status: "modified" }], options);
    expect(result.files[0]?.reaches).toEqual(["iam/role.tf"]);
    expect(classesOf(result.files[0])).toEqual(["iam/p/x.json:unknown"]);
    expect(result.unjudged).toEqual([
      { file: "iam/p/x.json", reason: expect.stringContaining("fileset(") },
    ]);
  });
});
