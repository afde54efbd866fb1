// Backstage catalog files among a repository's YAML: `init` includes them as they are (the loader
// reads catalogs in include:), rather than drafting their entities again.

import { declaresKinds } from "../config/yaml-documents.js";

const TOP_API_VERSION = /^apiVersion[ \t]*:[ \t]*["']?([^"'\s#]*)/gm;
const TOP_KIND = /^kind[ \t]*:[ \t]*["']?([^"'\s#]*)/gm;

/**
 * Whether a YAML file is a Backstage catalog (every document's apiVersion is backstage.io/…),
 * and whether it holds entities or only Locations (which point at other catalog files). Read
 * from the top-level lines, without parsing: the loader parses it when it is included.
 */
export function backstageCatalog(text: string): "entities" | "locations" | undefined {
  if (!declaresKinds(text)) return undefined;
  const versions = [...text.matchAll(TOP_API_VERSION)].map((m) => m[1] as string);
  if (versions.length === 0 || !versions.every((v) => v.startsWith("backstage.io/")))
    return undefined;
  const kinds = [...text.matchAll(TOP_KIND)].map((m) => m[1] as string);
  return kinds.length > 0 && kinds.every((k) => k === "Location") ? "locations" : "entities";
}
