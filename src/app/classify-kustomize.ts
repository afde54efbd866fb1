// Changed kustomizations, and the patch files they name, judged as changes of the objects
// kustomize emits: each overlay is evaluated at base and at head from the repository's files
// (read through the same reader as the changed files, bounded in count and size, never fetched
// from elsewhere) and compared by src/core/classify/kustomize-changes.ts.

import type { ResourceChange } from "../core/classify/evidence.js";
import { compareOverlays, RENDER_HINT } from "../core/classify/kustomize-changes.js";
import {
  folderOf,
  isKustomizationPath,
  KUSTOMIZATION_NAMES,
  patchFilesOf,
  readKustomization,
} from "../core/classify/kustomize-file.js";
import {
  evaluateOverlay,
  MAX_KUSTOMIZE_DEPTH,
  type Overlay,
  type SideFile,
} from "../core/classify/kustomize-overlay.js";
import type { FileChange, Unjudged } from "../core/model.js";
import type { FileContents, FolderContents } from "./contents.js";

/** Files read to evaluate the overlays of one change, at most: beyond, what they hold is unknown. */
export const MAX_KUSTOMIZE_FILES = 80;
/** Bytes read to evaluate them, at most. */
export const MAX_KUSTOMIZE_BYTES = 32 * 1024 * 1024;

export interface KustomizeOptions {
  readonly read: (file: FileChange) => Promise<FileContents | undefined>;
  readonly folder?: (
    folder: string,
    matches: RegExp,
    limit: number,
  ) => Promise<FolderContents | undefined>;
  /** Larger files are not read. */
  readonly maxBytes: number;
  /**
   * The kustomizations the graph ties a changed file to (those named by the path rules of the
   * nodes that match it): overlays that may use it from afar (a shared patch, a base).
   */
  readonly overlaysOf?: (path: string) => readonly string[];
}

/** Overlays evaluated for the files of one change that they may use, at most. */
export const MAX_USING_OVERLAYS = 20;
/** Folders above a changed file whose kustomizations are asked whether they use it. */
const MAX_FOLDERS_UP = 4;

export interface ChangedYaml {
  readonly file: FileChange;
  readonly base?: string;
  readonly head?: string;
}

const KUSTOMIZATION = /^(kustomization\.ya?ml|Kustomization)$/;

/**
 * The changed YAML files that are kustomizations, or patches a kustomization in their folder
 * (or the one above) names, with their changes; the others are not in the answer and are read
 * as manifests.
 */
export async function classifyKustomizeFiles(
  changed: readonly ChangedYaml[],
  options: KustomizeOptions,
): Promise<{
  resources: Map<string, ResourceChange[]>;
  /**
   * Changes of overlays that use a changed file from afar (a base's file or kustomization, a
   * patch kept elsewhere), for files that are not otherwise overlay parts: added to what they
   * are read as.
   */
  using: Map<string, ResourceChange[]>;
  /** For files of one overlay changed together: all its changes, each a node's once (as a Terraform folder's). */
  shared: Map<string, ResourceChange[]>;
  unjudged: Unjudged[];
}> {
  const resources = new Map<string, ResourceChange[]>();
  const shared = new Map<string, ResourceChange[]>();
  const unjudged: Unjudged[] = [];
  const base = new Map<string, SideFile>();
  const head = new Map<string, SideFile>();
  for (const { file, base: b, head: h } of changed) {
    if (b !== undefined) base.set(file.previousPath ?? file.path, b);
    if (h !== undefined) head.set(file.path, h);
  }
  let reads = 0;
  let bytes = 0;
  const sized = (text: string | undefined): SideFile => {
    if (text === undefined) return { missing: "is not found" };
    if (text.length > options.maxBytes) return { missing: "is too large to read" };
    bytes += text.length;
    return text;
  };
  const readBoth = async (path: string) => {
    if (base.has(path) && head.has(path)) return;
    if (reads >= MAX_KUSTOMIZE_FILES || bytes > MAX_KUSTOMIZE_BYTES) {
      const beyond = {
        missing: `is beyond the ${MAX_KUSTOMIZE_FILES} files read for kustomizations`,
      };
      if (!base.has(path)) base.set(path, beyond);
      if (!head.has(path)) head.set(path, beyond);
      return;
    }
    reads++;
    let contents = await options.read({ path, status: "modified" });
    // A reader may answer nothing for a file one side lacks: each side is then asked alone.
    if (contents === undefined) {
      const head = await options.read({ path, status: "added" });
      const base = await options.read({ path, status: "removed" });
      contents = {
        ...(base?.base !== undefined ? { base: base.base } : {}),
        ...(head?.head !== undefined ? { head: head.head } : {}),
      };
    }
    if (contents?.unreadable !== undefined) {
      base.set(path, base.get(path) ?? { missing: `is not read (${contents.unreadable})` });
      head.set(path, head.get(path) ?? { missing: `is not read (${contents.unreadable})` });
      return;
    }
    if (!base.has(path)) base.set(path, sized(contents?.base));
    if (!head.has(path)) head.set(path, sized(contents?.head));
  };
  // The kustomizations of a folder, listed once (else each name is read).
  const listed = new Set<string>();
  const kustomizationsIn = async (folder: string) => {
    if (listed.has(folder)) return;
    listed.add(folder);
    const paths = KUSTOMIZATION_NAMES.map((n) => (folder === "." ? n : `${folder}/${n}`));
    const found = options.folder ? await options.folder(folder, KUSTOMIZATION, 3) : undefined;
    if (found && !found.skipped) {
      for (const [side, list] of [
        [base, found.base],
        [head, found.head],
      ] as const)
        for (const path of paths) {
          if (side.has(path)) continue;
          const text = list.find((f) => f.path === path)?.text;
          side.set(path, sized(text));
        }
      return;
    }
    for (const path of paths) await readBoth(path);
  };

  // Which kustomization each changed file belongs to: itself, or the one naming it as a patch.
  const owners = new Map<string, ChangedYaml[]>();
  for (const item of changed) {
    const { file } = item;
    let owner: string | undefined;
    if (isKustomizationPath(file.path)) owner = file.path;
    else {
      const names = new Set([file.path, file.previousPath ?? file.path]);
      const folder = folderOf(file.path);
      for (const above of folder === "." ? [folder] : [folder, folderOf(folder)]) {
        await kustomizationsIn(above);
        const here = KUSTOMIZATION_NAMES.map((n) => (above === "." ? n : `${above}/${n}`));
        owner = here.find((k) =>
          [base.get(k), head.get(k)].some((text) => {
            if (typeof text !== "string") return false;
            const read = readKustomization(k, text);
            return read.ok && patchFilesOf(k, read.kustomization).some((p) => names.has(p));
          }),
        );
        // A folder with a kustomization of its own is its files' root: the one above is not asked.
        const rooted = here.some((k) =>
          [base.get(k), head.get(k)].some((t) => typeof t === "string"),
        );
        if (owner || rooted) break;
      }
    }
    if (owner) owners.set(owner, [...(owners.get(owner) ?? []), item]);
  }

  const evaluate = async (owner: string) => {
    await readBoth(owner);
    let sides: { base?: Overlay; head?: Overlay } = {};
    for (let round = 0; round <= MAX_KUSTOMIZE_DEPTH + 2; round++) {
      sides = {
        ...(typeof base.get(owner) === "string" ? { base: evaluateOverlay(owner, base) } : {}),
        ...(typeof head.get(owner) === "string" ? { head: evaluateOverlay(owner, head) } : {}),
      };
      const needs = new Set([...(sides.base?.needs ?? []), ...(sides.head?.needs ?? [])]);
      if (needs.size === 0) break;
      for (const path of needs) await readBoth(path);
    }
    return sides;
  };

  for (const [owner, items] of owners) {
    const sides = await evaluate(owner);
    const changes = compareOverlays(owner, sides.base, sides.head);
    const paths = items.map((i) => i.file.path);
    const attached = new Map<string, ResourceChange[]>(paths.map((p) => [p, []]));
    for (const change of changes) {
      const named = change.evidence.map((e) => e.file).find((f) => f && attached.has(f));
      const home = named ?? (attached.has(owner) ? owner : (paths[0] as string));
      if (change.system === "file") {
        attached.get(home)?.push({ ...change, address: home });
        for (const e of change.evidence) unjudged.push({ file: home, reason: e.detail });
      } else attached.get(home)?.push(change);
    }
    for (const [path, list] of attached) resources.set(path, list);
    if (paths.length > 1) for (const path of paths) shared.set(path, [...attached.values()].flat());
  }

  // Overlays that use a changed file from afar: those the graph ties it to and those in the
  // folders above, each evaluated at base and head; one that reads the file carries its change.
  const using = new Map<string, ResourceChange[]>();
  const candidates = new Map<string, Set<string>>();
  for (const { file } of changed) {
    const mine = new Set<string>();
    for (const path of new Set([file.path, file.previousPath ?? file.path])) {
      for (const k of options.overlaysOf?.(path) ?? []) if (isKustomizationPath(k)) mine.add(k);
      let folder = folderOf(path);
      for (let up = 0; up < MAX_FOLDERS_UP && folder !== "."; up++) {
        folder = folderOf(folder);
        await kustomizationsIn(folder);
        for (const n of KUSTOMIZATION_NAMES) {
          const k = folder === "." ? n : `${folder}/${n}`;
          const sides = [base.get(k), head.get(k)];
          // One that could not be read may use the file: evaluated, it says it is not read.
          if (sides.some((t) => typeof t === "string" || (t && !/not found/.test(t.missing))))
            mine.add(k);
        }
      }
    }
    for (const owner of owners.keys()) mine.delete(owner);
    mine.delete(file.path);
    candidates.set(file.path, mine);
  }
  const all = [...new Set([...candidates.values()].flatMap((c) => [...c]))].sort();
  const evaluated = new Map<string, { base?: Overlay; head?: Overlay }>();
  for (const k of all.slice(0, MAX_USING_OVERLAYS)) evaluated.set(k, await evaluate(k));
  const compared = new Map<string, ResourceChange[]>();
  for (const { file } of changed) {
    const names = new Set([file.path, file.previousPath ?? file.path]);
    const list: ResourceChange[] = [];
    const notSure = (reason: string) =>
      list.push({
        system: "file",
        address: file.path,
        type: "file",
        classes: ["unknown"],
        evidence: [{ file: file.path, detail: reason }],
      });
    for (const k of candidates.get(file.path) ?? []) {
      const sides = evaluated.get(k);
      if (!sides) {
        notSure(
          `the overlay ${k} may use ${file.path}, but it is beyond the ${MAX_USING_OVERLAYS} overlays evaluated per change: ${RENDER_HINT}`,
        );
        continue;
      }
      const texts = [base.get(k), head.get(k)];
      if (!texts.some((t) => typeof t === "string")) {
        const why = texts.find(
          (t): t is { missing: string } => typeof t === "object" && !/not found/.test(t.missing),
        );
        if (why)
          notSure(
            `the kustomization ${k} may use ${file.path}, but it ${why.missing}: ${RENDER_HINT}`,
          );
        continue;
      }
      const reads = [...(sides.base?.reads ?? []), ...(sides.head?.reads ?? [])];
      if (!reads.some((r) => names.has(r))) continue;
      const needs = [...(sides.base?.needs ?? []), ...(sides.head?.needs ?? [])];
      if (needs.length > 0) {
        notSure(
          `the overlay ${k} uses ${file.path}, but it is not evaluated whole: ${RENDER_HINT}`,
        );
        continue;
      }
      let changes = compared.get(k);
      if (!changes) {
        changes = compareOverlays(k, sides.base, sides.head);
        compared.set(k, changes);
      }
      for (const change of changes)
        list.push(change.system === "file" ? { ...change, address: file.path } : change);
    }
    if (list.length === 0) continue;
    for (const c of list)
      if (c.system === "file")
        for (const e of c.evidence) unjudged.push({ file: file.path, reason: e.detail });
    const own = resources.get(file.path);
    if (own) own.push(...list);
    else using.set(file.path, list);
  }
  return { resources, using, shared, unjudged };
}
