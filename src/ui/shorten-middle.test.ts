import { describe, expect, it } from "vitest";
import { shortenMiddle } from "./shorten-middle.js";

describe("ids shortened in the middle", () => {
  it("keeps the start and the end, so ids that share a prefix stay apart", () => {
    const a = "iam-role/automation-runner-for-the-nightly-warehouse-load";
    const b = "iam-role/automation-runner-for-the-nightly-warehouse-sync";
    // Cut at the end, both would read the same at this width.
    expect(a.slice(0, 28)).toBe(b.slice(0, 28));
    const [sa, sb] = [shortenMiddle(a, 29), shortenMiddle(b, 29)];
    expect(sa).not.toBe(sb);
    expect(sa).toBe("iam-role/autom…warehouse-load");
    expect(Array.from(sa)).toHaveLength(29);
    expect(shortenMiddle("iam-role/automation-runner", 20)).toBe("iam-role/a…on-runner");
  });

  it("leaves what fits alone, and never exceeds the width", () => {
    expect(shortenMiddle("short", 5)).toBe("short");
    expect(shortenMiddle("longer", 1)).toBe("…");
    expect(shortenMiddle("longer", 0)).toBe("");
    expect(shortenMiddle("ab🙂cd", 4)).toBe("ab…d");
  });
});
