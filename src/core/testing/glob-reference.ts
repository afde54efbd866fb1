// Test-only: picomatch, the reference the glob matcher is checked against, with the two places
// where blastradius chooses differently on purpose:
// - picomatch lets `x/**` match the folder `x` itself, except when `x` ends with a star
//   (`*/**` does not match `a`, yet `*.tf/**` matches `a.tf`); every trailing `/**` here does.
// - picomatch reads `[!a]` as "`!` or `a`"; here, as in a shell and .gitignore, it is `[^a]`.

import picomatch from "picomatch";

export function referenceMatcher(glob: string): (path: string) => boolean {
  const whole = picomatch(glob.replaceAll("[!", "[^"), { dot: true });
  if (!glob.endsWith("/**")) return whole;
  const folder = referenceMatcher(glob.slice(0, -3));
  return (path) => whole(path) || folder(path);
}
