// Kustomize's `images` field: which containers run an image, and what an entry makes of it.

import { record } from "./json-shapes.js";
import type { ImageEntry } from "./kustomize-file.js";

/** Container image fields anywhere in an object: `containers`, `initContainers`, `ephemeralContainers`. */
export function containerImages(
  body: unknown,
): { path: string; image: string; holder: Record<string, unknown> }[] {
  const out: { path: string; image: string; holder: Record<string, unknown> }[] = [];
  const walk = (v: unknown, path: string, depth: number) => {
    if (depth > 12 || v === null || typeof v !== "object") return;
    if (Array.isArray(v)) {
      for (const [i, item] of v.entries()) walk(item, `${path}[${i}]`, depth + 1);
      return;
    }
    for (const [key, child] of Object.entries(v)) {
      const at = path ? `${path}.${key}` : key;
      if (/^(containers|initContainers|ephemeralContainers)$/.test(key) && Array.isArray(child)) {
        for (const [i, c] of child.entries()) {
          const holder = record(c);
          if (typeof holder.image === "string")
            out.push({ path: `${at}[${i}].image`, image: holder.image, holder });
        }
      } else walk(child, at, depth + 1);
    }
  };
  walk(body, "", 0);
  return out;
}

/** An image reference's name, without its tag or digest. */
export function imageName(image: string): string {
  const at = image.indexOf("@");
  const bare = at >= 0 ? image.slice(0, at) : image;
  const colon = bare.lastIndexOf(":");
  return colon > bare.lastIndexOf("/") ? bare.slice(0, colon) : bare;
}

/** What an `images` entry makes of an image: new name, tag, digest. */
export function imageAfter(image: string, entry: ImageEntry): string {
  const at = image.indexOf("@");
  const bare = at >= 0 ? image.slice(0, at) : image;
  const colon = bare.lastIndexOf(":");
  const tag = colon > bare.lastIndexOf("/") ? bare.slice(colon + 1) : undefined;
  const name = entry.newName ?? imageName(image);
  if (entry.digest) return `${name}@${entry.digest}`;
  const newTag = entry.newTag ?? tag;
  const digest = at >= 0 && entry.newTag === undefined ? image.slice(at) : "";
  return `${name}${newTag ? `:${newTag}` : ""}${digest}`;
}

export function setImages(body: Record<string, unknown>, images: readonly ImageEntry[]): void {
  if (images.length === 0) return;
  for (const { image, holder } of containerImages(body)) {
    const entry = images.find((e) => e.name === imageName(image));
    if (entry) holder.image = imageAfter(image, entry);
  }
}
