// The real public data some tests read in place from ../shared beside the checkout. CI has it; a
// contributor's clone need not: the tests on it are then not declared (test/skips.ts), and the
// count reporter names each part that is absent, so nothing goes untested without a word.

import { existsSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const SHARED = resolve(ROOT, "../shared");
export const REALDATA = join(SHARED, "realdata");

export const SHARED_DATA = {
  backstage: join(REALDATA, "backstage"),
  githubApi: join(REALDATA, "github-api"),
  iamHistory: join(REALDATA, "iam-history"),
  k8sRbac: join(REALDATA, "k8s-rbac"),
  terraformPlans: join(REALDATA, "terraform-plans"),
  realworld: join(SHARED, "realworld"),
} as const;

export type SharedData = keyof typeof SHARED_DATA;

export const hasSharedData = (data: SharedData): boolean => existsSync(SHARED_DATA[data]);

/** The absent parts, as the checkout sees them ("../shared/realworld"). */
export function absentSharedData(): string[] {
  return (Object.keys(SHARED_DATA) as SharedData[])
    .filter((data) => !hasSharedData(data))
    .map((data) => relative(ROOT, SHARED_DATA[data]));
}
