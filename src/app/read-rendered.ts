// Rendered manifests (what `helm template` or `kubectl kustomize` wrote in an earlier step, at
// the base and at the head), read by adapters/fs/read-rendered-tree.ts and compared here.
// Nothing is rendered or run: a render is data.

import { readRenderedTree } from "../adapters/fs/read-rendered-tree.js";
import { kubernetesObjects, type ScannedObject } from "../core/adopt/repo-scan.js";
import {
  compareRenders,
  defaultNamespace,
  renderedPath,
} from "../core/classify/rendered-manifests.js";
import { InputError } from "../core/errors.js";
import type { Unjudged } from "../core/model.js";
import type { ObjectInput } from "../core/object-input.js";

export interface RenderedQuery {
  /** How the inputs are named in messages; the CLI's flags when absent. */
  readonly names?: { readonly base: string; readonly head: string };
  readonly base: string;
  readonly head: string;
  /** The namespace of namespaced objects the render leaves without one. */
  readonly namespace?: string;
}

/** The flags that give renders to `check` and `pr`. */
export const RENDERED_FLAGS = {
  base: "--rendered-base",
  head: "--rendered-head",
  namespace: "--rendered-namespace",
} as const;

/**
 * The renders a command or the Action was given: both or neither, and a namespace only with
 * them. `names` are how the user wrote them (`--rendered-base`, `input rendered-base`).
 */
export function pairRendered(
  given: { readonly base?: string; readonly head?: string; readonly namespace?: string },
  names: { readonly base: string; readonly head: string; readonly namespace: string },
): RenderedQuery | undefined {
  const { base, head, namespace } = given;
  if ((base === undefined) !== (head === undefined))
    throw new InputError(
      `${names.base} and ${names.head} go together: only ${base === undefined ? names.head : names.base} was given`,
      "render at the base and at the head (helm template, kubectl kustomize), and give both",
    );
  if (base === undefined || head === undefined) {
    if (namespace !== undefined)
      throw new InputError(
        `${names.namespace} applies to ${names.base} and ${names.head}, which were not given`,
      );
    return undefined;
  }
  return {
    base,
    head,
    ...(namespace ? { namespace } : {}),
    ...(names.base.startsWith("--") ? {} : { names }),
  };
}

export interface RenderedReading {
  readonly input: ObjectInput;
  readonly unjudged: readonly Unjudged[];
  readonly notes: readonly string[];
}

/** Both renders, read and compared: an input for the analysis, and what could not be judged. */
export function readRenderedChange(query: RenderedQuery, cwd: string): RenderedReading {
  const base = readRenderedTree(query.base, cwd, query.names?.base ?? "--rendered-base");
  const head = readRenderedTree(query.head, cwd, query.names?.head ?? "--rendered-head");
  const compared = compareRenders(
    base.tree,
    head.tree,
    query.namespace ? { namespace: query.namespace } : {},
  );
  return {
    input: {
      kind: "rendered",
      file: query.head,
      reading: { resources: compared.resources, references: compared.references },
    },
    unjudged: compared.unjudged,
    notes: [
      ...base.notes,
      ...head.notes,
      ...(compared.withoutNamespace.length > 0
        ? [
            `${compared.withoutNamespace.length} changed object(s) of the render have no namespace (${compared.withoutNamespace.slice(0, 3).join(", ")}${compared.withoutNamespace.length > 3 ? ", …" : ""}), so they match only rules written without one; render with --namespace and give the same namespace to ${query.names?.base.startsWith("input") ? "input rendered-namespace" : "--rendered-namespace"}`,
          ]
        : []),
    ],
  };
}

/**
 * The objects of a render for `init`, named by where they are in it, and the files that
 * could not be read (as warnings: init drafts what it can).
 */
export function readRenderedObjects(
  shown: string,
  cwd: string,
  namespace?: string,
): { objects: ScannedObject[]; files: string[]; problems: string[]; notes: readonly string[] } {
  const { tree, notes } = readRenderedTree(shown, cwd, "--rendered");
  const objects: ScannedObject[] = [];
  const files: string[] = [];
  const problems: string[] = [];
  for (const file of tree.files) {
    const path = renderedPath(tree.root, file.path);
    if (!("text" in file)) {
      problems.push(`${path}: ${file.problem}`);
      continue;
    }
    files.push(path);
    for (const o of kubernetesObjects(path, file.text)) {
      if (!namespace) {
        objects.push(o);
        continue;
      }
      const address = defaultNamespace(`${o.kind}/${o.name}`, namespace);
      const inNamespace = o.namespace === undefined && address.split("/").length === 3;
      objects.push({
        ...o,
        ...(inNamespace ? { namespace } : {}),
        ...(o.subjects
          ? {
              subjects: o.subjects.map((s) =>
                s.kind === "ServiceAccount" && s.namespace === undefined ? { ...s, namespace } : s,
              ),
            }
          : {}),
      });
    }
  }
  return { objects, files, problems, notes };
}
