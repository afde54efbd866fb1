import { describe, expect, it } from "vitest";
import { parsePathRule } from "../core/config/normalise.js";
import { PathIndex } from "../core/locate/path-index.js";
import type { FileChange } from "../core/model.js";
import { classifyChanges, type FolderContents } from "./classify-changes.js";

const ROLE = `resource "aws_iam_role" "r" {\n  name = "r"\n}\n`;
const BUCKET = `resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n`;

describe("Terraform files beside a node's files", () => {
  it("an override file already in the folder leaves any change of the module unjudged", async () => {
    const paths = new PathIndex();
    paths.add("iam-role/r", parsePathRule("iam/*.tf"));
    const folder: FolderContents = {
      base: [
        { path: "iam/role.tf", text: ROLE },
        { path: "iam/override.tf", text: ROLE },
      ],
      head: [
        { path: "iam/role.tf", text: ROLE.replace('"r"\n', '"r2"\n') },
        { path: "iam/override.tf", text: ROLE },
      ],
    };
    const result = await classifyChanges([{ path: "iam/role.tf", status: "modified" }], {
      paths,
      read: async () => undefined,
      folder: async () => folder,
    });
    expect(result.unjudged).toEqual([
      {
        file: "iam/role.tf",
        reason: expect.stringMatching(/override files.*\(iam\/override\.tf\)/),
      },
    ]);
    expect(result.files[0]?.resources?.map((r) => r.classes)).toEqual([["unknown"]]);
  });

  it("beyond the folders it lists, a file beside a matched one is not judged; no rule there, no listing", async () => {
    const paths = new PathIndex();
    for (let i = 0; i < 12; i++) paths.add(`role/${i}`, parsePathRule(`f${i}/role.tf`));
    const files: FileChange[] = Array.from({ length: 12 }, (_, i) => ({
      path: `f${i}/zz.tf`,
      status: "added",
    }));
    files.push({ path: "elsewhere/zz.tf", status: "added" });
    const listed: string[] = [];
    const result = await classifyChanges(files, {
      paths,
      read: async () => undefined,
      folder: async (folder) => {
        listed.push(folder);
        return {
          base: [{ path: `${folder}/role.tf`, text: ROLE }],
          head: [
            { path: `${folder}/role.tf`, text: ROLE },
            { path: `${folder}/zz.tf`, text: BUCKET },
          ],
        };
      },
    });
    expect(listed).toHaveLength(10);
    expect(listed).not.toContain("elsewhere");
    expect(result.unjudged.map((u) => u.file)).toEqual(["f10/zz.tf", "f11/zz.tf"]);
    // Read with its module: a bucket changes nothing the role's file declares.
    expect(result.files[0]?.reaches).toBeUndefined();
    expect(result.files[0]?.resources).toEqual([]);
  });
});
