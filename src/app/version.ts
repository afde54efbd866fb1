// package.json's version, written in by the bundle's build (scripts/bundle.mjs): a release bumps
// one place. Run from source (tests), there is no bundle and no version.

declare const __BLASTRADIUS_VERSION__: string | undefined;

export const VERSION =
  typeof __BLASTRADIUS_VERSION__ === "string" ? __BLASTRADIUS_VERSION__ : "0.0.0-source";
