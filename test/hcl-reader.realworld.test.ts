// Our HCL reader against hcl2json on real Terraform: every .tf file of the real commits in
// ../shared/realworld (terraform-aws-iam and terraform-aws-eks), at the parent and at the commit.
// Each file gets hcl2json's JSON, key order included, or is handed to hcl2json; none is answered
// differently. Declared only where ../shared is beside the clone (test/skips.ts).

import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { parse } from "@cdktn/hcl2json";
import { describe, expect } from "vitest";
import { hclToJson } from "../src/core/hcl/hcl-to-json.js";
import { HclUnsupported } from "../src/core/hcl/hcl-unsupported.js";
import { SHARED_DATA } from "./shared-data.js";
import { itOnShared } from "./skips.js";

const git = (repo: string, ...args: string[]) =>
  execFileSync("git", args, { cwd: repo, encoding: "utf8" });

describe("our HCL reader on the real commits' Terraform", () => {
  itOnShared(
    "realworld",
    "gives hcl2json's JSON for every .tf file, or hands it over",
    async () => {
      const corpus = SHARED_DATA.realworld;
      const work = mkdtempSync(join(tmpdir(), "br-hcl-reader-"));
      let compared = 0;
      let handedOver = 0;
      try {
        for (const repository of ["terraform-aws-iam", "terraform-aws-eks"])
          for (const commit of readdirSync(join(corpus, repository))) {
            const repo = join(work, `${repository}-${commit}`);
            const materialise = join(corpus, "materialise.sh");
            execFileSync("bash", [materialise, join(corpus, repository, commit), repo], {
              stdio: "ignore",
            });
            for (const rev of ["HEAD", "HEAD~1"]) {
              git(repo, "checkout", "-q", rev);
              for (const file of git(repo, "ls-files").split("\n")) {
                if (!file.endsWith(".tf")) continue;
                const text = readFileSync(join(repo, file), "utf8");
                let mine: unknown;
                try {
                  mine = hclToJson(text);
                } catch (error) {
                  if (!(error instanceof HclUnsupported)) throw error;
                  handedOver++;
                  continue;
                }
                const ref = await parse(file, text);
                // Compared quietly first: expect's deep diffing of every large value is slow.
                if (!isDeepStrictEqual(mine, ref) || JSON.stringify(mine) !== JSON.stringify(ref))
                  expect(mine, `${repository}/${commit} ${rev}:${file}`).toStrictEqual(ref);
                compared++;
              }
            }
          }
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
      expect(compared).toBeGreaterThan(500);
      // Nearly all of it is read here: a check on these repositories rarely starts hcl2json.
      expect(handedOver).toBeLessThan(compared / 50);
    },
    120_000,
  );
});
