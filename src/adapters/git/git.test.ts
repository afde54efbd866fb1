import { describe, expect, it } from "vitest";
import { parseNameStatus } from "./git.js";

describe("parseNameStatus", () => {
  it("reads git diff --name-status -z, renames and copies included", () => {
    const out = [
      "M",
      "a.tf",
      "A",
      "b.tf",
      "D",
      "c.tf",
      "R087",
      "old/d.tf",
      "new/d.tf",
      "C100",
      "e.tf",
      "f.tf",
      "T",
      "g",
      "",
    ].join("\0");
    expect(parseNameStatus(out)).toEqual([
      { path: "a.tf", status: "modified" },
      { path: "b.tf", status: "added" },
      { path: "c.tf", status: "removed" },
      { path: "new/d.tf", previousPath: "old/d.tf", status: "renamed" },
      { path: "f.tf", status: "added" },
      { path: "g", status: "modified" },
    ]);
  });

  it("keeps odd file names intact", () => {
    expect(parseNameStatus("M\0dir with space/tab\there.tf\0")).toEqual([
      { path: "dir with space/tab\there.tf", status: "modified" },
    ]);
  });
});
