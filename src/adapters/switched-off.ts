// How an environment switch of ours is turned off (BLASTRADIUS_CACHE, BLASTRADIUS_HCL_CHILD,
// BLASTRADIUS_HCL_READER).
// bin/load-bundle.cjs reads BLASTRADIUS_CACHE the same way; it runs before the bundle, so it
// keeps its own copy of the words.

/** Whether a switch's value says off: `off`, `0`, `false` or `no`, in any case. */
export const switchedOff = (value: string | undefined): boolean =>
  /^(off|0|false|no)$/i.test(value ?? "");
