// A format of the docs site in parts, so that the node and owner pages (nearly all the work)
// can be made anywhere, in any order, by any number of threads: each node's files alone, each
// owner's, every other file, and the files that close the site (the index, which lists the
// largest blast radii of all the nodes).

import type { NodePage } from "./node-page.js";
import type { OwnerPage } from "./owner-page.js";
import type { DocsSiteInput, SiteFile } from "./site-input.js";
import { eachNodePage, eachOwnerPage, type Reach } from "./site-pages.js";

export interface SiteFormat<I extends DocsSiteInput = DocsSiteInput> {
  /** One node's files: its page and its tables' exports. Depends on nothing but the node. */
  nodeFiles(input: I, page: NodePage): SiteFile[];
  /** One owner's files: its page and its tables' exports. */
  ownerFiles(input: I, page: OwnerPage): SiteFile[];
  /** Every file that is neither a node's, an owner's nor closing: styles, lists, health. */
  otherFiles(input: I): Iterable<SiteFile>;
  /** The last files, once every node page is made: `largest` from all of them. */
  closingFiles(input: I, largest: readonly Reach[]): Iterable<SiteFile>;
}

/** The whole site in one thread, one file at a time. */
export function* wholeSite<I extends DocsSiteInput>(
  format: SiteFormat<I>,
  input: I,
): Generator<SiteFile> {
  yield* format.otherFiles(input);
  for (const page of eachOwnerPage(input)) yield* format.ownerFiles(input, page);
  const largest: Reach[] = [];
  for (const page of eachNodePage(input, largest)) yield* format.nodeFiles(input, page);
  yield* format.closingFiles(input, largest);
}
