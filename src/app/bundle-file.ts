// The file this code runs from when it is one of the bundles (scripts/bundle.mjs defines the
// flag): a worker thread starts from it. Run from source (tests), there is none, and whatever
// would have used a worker thread runs in the calling one.

declare const __BLASTRADIUS_BUNDLE__: boolean | undefined;

export function bundleFile(): string | undefined {
  return typeof __BLASTRADIUS_BUNDLE__ === "boolean" && __BLASTRADIUS_BUNDLE__
    ? __filename
    : undefined;
}
