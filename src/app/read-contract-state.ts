import { isAbsolute, relative, sep } from "node:path";
// The state contracts are verified against: the repository at a commit (every file that
// matters read as if added by the commit, through the same classification `check --git` uses)
// or the state a Terraform plan leaves. Only the upstreams of contracts are read, within a
// bound; what is not read leaves their contracts unchecked, saying why.

import { commitOf, findRepoRoot, originRepo } from "../adapters/git/git.js";
import { localModuleCalls } from "../adapters/git/module-calls.js";
import { locateIn } from "../core/analyze.js";
import { TRUST_ATTRIBUTE } from "../core/classify/aws-iam.js";
import { TEMPLATE_FILE } from "../core/classify/cloudformation-template.js";
import type { Evidence, ResourceChange } from "../core/classify/evidence.js";
import type { PlannedResource, PlannedState } from "../core/classify/terraform-plan.js";
import { KeyLocator } from "../core/config/locate-key.js";
import {
  type ContractMatrix,
  contractUpstreams,
  type StateSource,
  type UpstreamState,
  verifyContracts,
} from "../core/contracts-state.js";
import { InputError } from "../core/errors.js";
import { PathIndex } from "../core/locate/path-index.js";
import type { FileChange, GraphNode, PathRule } from "../core/model.js";
import { classifyChanges } from "./classify-changes.js";
import type { LoadedModel } from "./load-model.js";
import { readPlannedStateFile } from "./read-plan.js";
import { stateContents } from "./state-contents.js";

/**
 * Files read at a commit for contracts, at most: beyond it, what they hold stays unchecked.
 * Read in bulk (state-contents.ts): 3,000 small .tf and YAML files of a 5,000-file repository
 * read and classified in about 2.5 s.
 */
export const MAX_STATE_FILES = 5000;

export interface ContractStateQuery {
  /** A commit, branch or tag (default HEAD); ignored with `planFile`. */
  readonly ref?: string;
  /** A Terraform plan in JSON: its planned state instead of a commit's. */
  readonly planFile?: string;
  /** Today (YYYY-MM-DD, read by the entry point), for waivers. */
  readonly today?: string;
  /** owner/name of the repository, for path rules that name one (default: git's origin). */
  readonly repo?: string;
  /** Files read at a commit, at most (default MAX_STATE_FILES). */
  readonly limit?: number;
}

/**
 * Every contract of the graph verified against the repository at a commit (`ref`, default
 * HEAD, in the repository holding `cwd`) or against a plan's planned state.
 */
export async function readContractMatrix(
  loaded: LoadedModel,
  query: ContractStateQuery,
  context: { readonly cwd: string },
): Promise<ContractMatrix> {
  const config = loaded.model.config;
  const placeOf = placeFinder(loaded, context.cwd);
  if (query.planFile !== undefined) {
    const planned = readPlannedStateFile(query.planFile);
    const states = planStates(loaded, planned.state);
    const source: StateSource = { kind: "plan", name: query.planFile };
    return verifyContracts(config, source, (id) => states.get(id), {
      today: query.today,
      placeOf,
    });
  }
  const root = findRepoRoot(context.cwd);
  if (!root)
    throw new InputError(
      `${context.cwd} is not inside a git repository`,
      "run it in the repository, or verify against a plan with --plan",
    );
  const ref = query.ref ?? "HEAD";
  const commit = commitOf(root, ref);
  const { states, notes } = await commitStates(loaded, root, commit, {
    repo: query.repo?.toLowerCase() ?? originRepo(root),
    limit: query.limit ?? MAX_STATE_FILES,
  });
  return verifyContracts(config, { kind: "git", name: ref, commit }, (id) => states.get(id), {
    today: query.today,
    notes,
    placeOf,
  });
}

/** An expectation's key path -> `deps.yaml:42`, located in the text the loader read. */
function placeFinder(loaded: LoadedModel, cwd: string) {
  // A deps file given by its absolute path (the Action's, in the workspace) is shown from the
  // folder the command runs in, as a reader of the repository knows it.
  const shown = (file: string) => {
    if (!isAbsolute(file)) return file;
    const inside = relative(cwd, file);
    return inside.startsWith("..") || isAbsolute(inside) ? file : inside.split(sep).join("/");
  };
  const locators = new Map<string, KeyLocator>();
  return (dependent: string, keyPath: readonly (string | number)[]) => {
    const file = loaded.model.config.nodes.get(dependent)?.declaredAt.file;
    const text = file === undefined ? undefined : loaded.sources.get(file);
    if (file === undefined || text === undefined) return undefined;
    let locator = locators.get(file);
    if (!locator) {
      locator = new KeyLocator(text);
      locators.set(file, locator);
    }
    const position = locator.locate(keyPath, false);
    return position ? `${shown(file)}:${position.line}` : undefined;
  };
}

const hasObjectRules = (node: GraphNode) =>
  node.match.terraform.length > 0 ||
  node.match.kubernetes.length > 0 ||
  (node.match.cloudformation ?? []).length > 0;

/** A rule that can match a file of this repository. */
const applies = (rule: PathRule, repo: string | undefined) =>
  rule.repo === undefined || (repo !== undefined && rule.repo === repo);

const TERRAFORM = /\.tf$/;
const YAML = /\.ya?ml$/;
/** What classifyChanges reads: Terraform, IAM policy JSON, manifests, templates. */
const READABLE = /\.tf$|\.tfvars$|\.json$|\.ya?ml$/;
const isReadable = (path: string) => READABLE.test(path) || TEMPLATE_FILE.test(path);

/** A file that exists at the commit and is not read as resources: it stands for its node. */
const present = (path: string): ResourceChange => ({
  system: "file",
  address: path,
  type: "file",
  classes: [],
  evidence: [{ file: path, detail: "in the repository" }],
  after: { exists: true, policies: [] },
});

/** Who can hold a trust or a grant: what a dependent assumes or binds, one of them. */
const PRINCIPAL =
  /^(?:aws_iam_(?:role|user|group)|AWS::IAM::(?:Role|User|Group)|Role|ClusterRole)$/;

/**
 * When a node matched only by its files holds more than one principal (two roles, one role of
 * a module called twice, a role with for_each), what they are, for a reader; else undefined.
 */
function principalsOf(
  resources: readonly ResourceChange[],
  calls: ReadonlyMap<string, { calls: number }> | undefined,
): string | undefined {
  const principals = resources.filter((r) => r.system !== "file" && PRINCIPAL.test(r.type));
  const called = principals.find((r) => {
    const file = r.evidence.find((e) => e.file !== undefined)?.file;
    if (r.system !== "terraform" || file === undefined) return false;
    const folder = file.includes("/") ? file.slice(0, file.lastIndexOf("/")) : ".";
    return (calls?.get(folder)?.calls ?? 0) > 1;
  });
  if (called) return `${called.address}, made by each of several module calls`;
  if (principals.length < 2) return undefined;
  const names = principals.map((r) => r.address);
  return `${names.length} principals (${names.slice(0, 3).join(", ")}${names.length > 3 ? " …" : ""})`;
}

/** A resource that stands for its node without saying what it trusts or grants. */
const withoutFacts = (r: ResourceChange): ResourceChange =>
  r.after ? { ...r, after: { exists: r.after.exists, policies: [] } } : r;

/** The resource blocks a Terraform file declares, as `type.name`, as written. */
function declaredResources(text: string | undefined): string[] {
  if (text === undefined) return [];
  return [...text.matchAll(/^\s*resource\s+"([^"]+)"\s+"([^"]+)"/gm)].map((m) => `${m[1]}.${m[2]}`);
}

/**
 * When a resource read at a commit exists only on a condition: its count or for_each depends
 * on what is not known (evaluation says `added (count = …: why)`); undefined when it exists.
 */
function conditionOf(r: ResourceChange): string | undefined {
  if (r.system !== "terraform" || !r.classes.includes("added")) return undefined;
  const detail = r.evidence.find((e) => /^added \(/.test(e.detail))?.detail;
  return detail === undefined ? undefined : `when ${detail.slice("added (".length, -1)}`;
}

/**
 * A node every object of which exists only on a condition (a count or for_each from an input
 * not known): whether it exists cannot be told, nor what it holds.
 */
function onCondition(
  id: string,
  found: readonly ResourceChange[],
  short: string,
): UpstreamState | undefined {
  const first = found[0];
  if (!first || !found.every((r) => r.system !== "file" && conditionOf(r) !== undefined))
    return undefined;
  return {
    deleted: false,
    resources: [],
    unread: `whether ${id} exists at ${short} cannot be told: ${first.address} exists only ${conditionOf(first)}`,
  };
}

/** Why a node counts as not found: what was looked for, as evidence. */
const notFound = (file: string | undefined, detail: string): ResourceChange[] => [
  {
    system: "file",
    address: file ?? "",
    type: "file",
    classes: [],
    evidence: [{ ...(file !== undefined ? { file } : {}), detail }],
  },
];

/**
 * A resource as it stands at the commit: read as added, its evidence says "added"; here it
 * is where the resource is declared, and, for a Terraform role, where its trust policy is
 * (what a `trusts` verdict rests on).
 */
function stateOf(textOf: (file: string) => string | undefined) {
  return (r: ResourceChange): ResourceChange => {
    const first = r.evidence.find((e) => e.file !== undefined) ?? r.evidence[0];
    if (!first) return { ...r, classes: [], evidence: [] };
    const declared = { ...first, address: first.address ?? r.address, detail: "declared here" };
    const attribute = TRUST_ATTRIBUTE[r.type];
    const line =
      r.system === "terraform" && attribute && r.after?.trust && first.file && first.line
        ? attributeLine(textOf(first.file), first.line, attribute)
        : undefined;
    return {
      ...r,
      classes: [],
      evidence: [
        declared,
        ...(line ? [{ ...declared, attribute, line, detail: `its ${attribute}` } as Evidence] : []),
      ],
    };
  };
}

/** The line of `attribute = …` in the block that starts at `from` (1-based), if it is there. */
function attributeLine(text: string | undefined, from: number, attribute: string) {
  if (text === undefined) return undefined;
  const lines = text.split("\n");
  const assignment = new RegExp(`^\\s*${attribute}\\s*=`);
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] as string;
    if (/^(?:resource|data|module)\s/.test(line)) return undefined;
    if (assignment.test(line)) return i + 1;
  }
  return undefined;
}

async function commitStates(
  loaded: LoadedModel,
  root: string,
  commit: string,
  options: { readonly repo: string | undefined; readonly limit: number },
): Promise<{ states: Map<string, UpstreamState>; notes: string[] }> {
  const { model } = loaded;
  const { repo, limit } = options;
  const notes: string[] = [];
  const states = new Map<string, UpstreamState>();
  const upstreams = contractUpstreams(model.config).flatMap((id) => {
    const node = model.config.nodes.get(id);
    return node ? [node] : [];
  });
  const contents = stateContents(root, commit);
  const all = contents.paths;
  const pathHits = new Map<string, string[]>();
  const wanted = new Set<string>();
  const upstreamIds = new Set(upstreams.map((n) => n.id));
  for (const path of all)
    for (const hit of model.paths.match(path, repo))
      if (upstreamIds.has(hit.node)) {
        pathHits.set(hit.node, [...(pathHits.get(hit.node) ?? []), path]);
        wanted.add(path);
      }
  // Nodes named only by their objects: any file of a kind that can hold them may.
  const objectOnly = upstreams.filter(
    (n) => hasObjectRules(n) && !n.match.paths.some((r) => applies(r, repo)) && !pathHits.has(n.id),
  );
  const broad = new Set<string>();
  const kinds = {
    terraform: objectOnly.some((n) => n.match.terraform.length > 0),
    kubernetes: objectOnly.some((n) => n.match.kubernetes.length > 0),
  };
  for (const path of all)
    if (
      !wanted.has(path) &&
      ((kinds.terraform && TERRAFORM.test(path)) || (kinds.kubernetes && YAML.test(path)))
    )
      broad.add(path);
  // Whether every file that could hold those objects is read (none to read: trivially).
  const broadRead = [...wanted].filter(isReadable).length + broad.size <= limit;
  if (!broadRead && broad.size > 0)
    notes.push(
      `${broad.size} files could hold the objects of ${objectOnly.map((n) => n.id).join(", ")}: more than the ${limit} read, so they were not read`,
    );
  // Files of other kinds (SQL, code, dashboards) are not read: that they exist is their state.
  const readable = [...wanted].filter(isReadable);
  const toRead = [...readable, ...(broadRead ? broad : [])].slice(0, limit);
  if (readable.length > limit)
    notes.push(
      `${readable.length} files that match the rules of contracts' upstreams can be read; only the first ${limit} were read`,
    );
  // Files read only for objects match no path rule: a rule for each kind lets them be read.
  const paths =
    broadRead && broad.size > 0 ? withBroadRules(model.config.nodes.values()) : model.paths;
  const files: FileChange[] = toRead.map((path) => ({
    path,
    status: "added",
    ...(repo ? { repo } : {}),
  }));
  const calls = localModuleCalls(root, commit);
  const inputsFrom = terraformInputs(calls, all);
  contents.preload(toRead);
  const classified = await classifyChanges(files, {
    read: contents.read,
    folder: contents.folder,
    context: contents.context,
    paths,
    limit,
    state: { inputsFrom },
  });
  notes.push(...classified.notes, ...inputsFrom.said());
  const unjudged = new Map<string, string>();
  for (const u of classified.unjudged) if (u.file) unjudged.set(u.file, u.reason);
  const located = locateIn(model, classified.files);
  const changed = new Map(located.changed.map((c) => [c.id, c]));
  const read = new Set(toRead);
  const everything = classified.files.flatMap((f) => f.resources ?? []);
  const unjudgedBroad = [...broad].filter((f) => unjudged.has(f));
  const short = commit.slice(0, 7);
  const textOf = contents.text;
  const asState = stateOf(textOf);

  for (const node of upstreams) {
    const own = pathHits.get(node.id) ?? [];
    const unreadFiles = own.filter((f) => (isReadable(f) && !read.has(f)) || unjudged.has(f));
    const unread =
      unreadFiles.length > 0
        ? `${node.id} was not read whole: ${unreadFiles
            .slice(0, 3)
            .map((f) => `${f} (${unjudged.get(f) ?? `beyond the ${limit} files read`})`)
            .join(", ")}${unreadFiles.length > 3 ? ` and ${unreadFiles.length - 3} more` : ""}`
        : undefined;
    if (own.length > 0) {
      const found = (changed.get(node.id)?.resources ?? []).filter(
        (r) => r.system !== "file" || r.after !== undefined,
      );
      const resources = found.map(asState);
      const maybe = onCondition(node.id, found, short);
      if (maybe && !unread) {
        states.set(node.id, maybe);
      } else if (resources.length > 0) {
        const many = hasObjectRules(node) ? undefined : principalsOf(found, calls);
        const one = found.find((r) => r.system !== "file" && PRINCIPAL.test(r.type));
        // A state cannot tell a renamed or moved object from the one a dependent names.
        if (!many && one && !hasObjectRules(node))
          notes.push(
            `${node.id} is matched by its files only: ${one.address} in them stands for it, whatever its name or namespace (name it in match.terraform or match.kubernetes to verify that too)`,
          );
        states.set(
          node.id,
          many
            ? {
                deleted: false,
                resources: resources.map(withoutFacts),
                unread: `${node.id} is matched by its files only, and they hold ${many}: which it stands for cannot be told (name it in match.terraform, match.kubernetes or match.cloudformation)`,
              }
            : { deleted: false, resources, ...(unread ? { unread } : {}) },
        );
      } else if (unread) {
        states.set(node.id, { deleted: false, resources: [], unread });
      } else if (hasObjectRules(node)) {
        // Its files are there and were read, and none holds its objects.
        const rules = [...node.match.terraform, ...node.match.kubernetes].join(", ");
        states.set(node.id, {
          deleted: true,
          resources: notFound(
            own[0],
            `no object its rules name (${rules}) is in ${own.length === 1 ? "its file" : `its ${own.length} files`} at ${short}`,
          ),
        });
      } else {
        // Its Terraform files declare resources and none has an instance (count = 0): gone.
        const declared = own
          .filter((f) => TERRAFORM.test(f) && read.has(f))
          .flatMap((f) => declaredResources(textOf(f)).map((address) => ({ f, address })));
        states.set(
          node.id,
          declared.length > 0
            ? {
                deleted: true,
                resources: notFound(
                  declared[0]?.f,
                  `its files declare ${declared
                    .slice(0, 3)
                    .map((d) => d.address)
                    .join(
                      ", ",
                    )}${declared.length > 3 ? ` and ${declared.length - 3} more` : ""}, and none has an instance at ${short} (a count or for_each of none)`,
                ),
              }
            : { deleted: false, resources: own.map(present) },
        );
      }
      continue;
    }
    const local = node.match.paths.filter((r) => applies(r, repo));
    if (local.length > 0) {
      // Rules for this repository, and no file at the commit matches any of them.
      states.set(node.id, {
        deleted: true,
        resources: notFound(
          local[0]?.glob,
          `no file at ${short} matches ${local.map((r) => r.source).join(", ")}`,
        ),
      });
      continue;
    }
    if (!hasObjectRules(node)) {
      const elsewhere = node.match.paths.map((r) => r.repo).filter((r) => r !== undefined);
      states.set(node.id, {
        deleted: false,
        resources: [],
        unread:
          elsewhere.length === 0
            ? `${node.id} has no match rules, so nothing shows its state (add match.paths or match.terraform)`
            : repo === undefined
              ? `${node.id}'s rules name files of ${[...new Set(elsewhere)].join(", ")}, and this repository's name is not known (give --repo owner/name if it is this one)`
              : `${node.id} is in another repository (${[...new Set(elsewhere)].join(", ")}): verify it there`,
      });
      continue;
    }
    if (!broadRead) {
      states.set(node.id, {
        deleted: false,
        resources: [],
        unread: `${node.id} is named only by its objects and more than ${limit} files could hold them: add match.paths to say where it is written`,
      });
      continue;
    }
    const mine = everything.filter((r) =>
      model.objects.matchResource(r).some((hit) => hit.node === node.id),
    );
    if (mine.length > 0) {
      states.set(
        node.id,
        onCondition(node.id, mine, short) ?? { deleted: false, resources: mine.map(asState) },
      );
    } else if (unjudgedBroad.length > 0) {
      // Not in what was read, but it may be in what could not be.
      states.set(node.id, {
        deleted: false,
        resources: [],
        unread: `${node.id} is not in the files read, and ${unjudgedBroad.length} could not be read (${unjudgedBroad[0]}: ${unjudged.get(unjudgedBroad[0] as string)})`,
      });
    } else {
      // Its templates (match.cloudformation) are path rules too: none is at the commit.
      const rules = [
        ...node.match.terraform,
        ...node.match.kubernetes,
        ...(node.match.cloudformation ?? []),
      ];
      states.set(node.id, {
        deleted: true,
        resources: notFound(undefined, `no file at ${short} holds ${rules.join(", ")}`),
      });
    }
  }
  return { states, notes };
}

/** Terraform reads these beside a root module's files by itself: they set its variables. */
const AUTO_TFVARS = /^(?:terraform\.tfvars|[^/]*\.auto\.tfvars)(?:\.json)?$/;

/**
 * Where a module folder's inputs come from other than its defaults, said for a reader: a call
 * (`by module call in main.tf:3`) or a variable file Terraform loads (`in terraform.tfvars`).
 * Their values are not evaluated: what depends on a variable is then unknown. When the calls
 * cannot be listed, every folder is taken as called.
 */
function terraformInputs(
  calls: ReadonlyMap<string, { file: string; line: number; calls: number }> | undefined,
  all: readonly string[],
) {
  const tfvars = new Map<string, string>();
  for (const path of all) {
    const slash = path.lastIndexOf("/");
    const folder = slash < 0 ? "." : path.slice(0, slash);
    if (AUTO_TFVARS.test(path.slice(slash + 1)) && !tfvars.has(folder)) tfvars.set(folder, path);
  }
  const said = new Map<string, string>();
  const inputsFrom = (folder: string): string | undefined => {
    const call = calls?.get(folder);
    const file = tfvars.get(folder);
    const from =
      calls === undefined
        ? "by callers that could not be listed"
        : call
          ? call.calls > 1
            ? `by ${call.calls} module calls (${call.file}:${call.line} …)`
            : `by the module call in ${call.file}:${call.line}`
          : file === undefined
            ? undefined
            : `in ${file}`;
    if (from !== undefined) said.set(folder, from);
    return from;
  };
  /** What was said of the folders read, for the notes. */
  inputsFrom.said = () =>
    [...said].map(
      ([folder, from]) =>
        `the variables of ${folder === "." ? "the root module" : folder} are set ${from}, which is not evaluated: what depends on them is unchecked`,
    );
  return inputsFrom;
}

/** The model's path rules, and one for each kind of file that can hold a node's objects. */
function withBroadRules(nodes: Iterable<GraphNode>): PathIndex {
  const index = PathIndex.fromNodes(nodes);
  for (const glob of ["**/*.tf", "**/*.yaml", "**/*.yml"])
    index.add("\u0000state", { glob, source: glob });
  return index;
}

/** Each contract upstream's state in a plan: its resources there, by match.terraform. */
function planStates(loaded: LoadedModel, planned: PlannedState): Map<string, UpstreamState> {
  const { model } = loaded;
  const states = new Map<string, UpstreamState>();
  const ofNode = <T extends ResourceChange>(id: string, resources: readonly T[]) =>
    resources.filter((r) => model.objects.match("terraform", r.address).some((h) => h.node === id));
  for (const id of contractUpstreams(model.config)) {
    const node = model.config.nodes.get(id);
    if (!node) continue;
    if (node.match.terraform.length === 0) {
      states.set(id, {
        deleted: false,
        resources: [],
        unread: `${id} has no match.terraform rules, so a plan does not show it`,
      });
      continue;
    }
    const resources: PlannedResource[] = ofNode(id, planned.resources);
    if (resources.length > 0) {
      const unknown = resources.find((r) => r.unknownAfter?.length);
      states.set(id, {
        deleted: false,
        resources,
        ...(unknown
          ? {
              unread: `${unknown.address}'s ${unknown.unknownAfter?.join(", ")} is known only after apply`,
            }
          : {}),
      });
      continue;
    }
    const destroyed = ofNode(id, planned.destroyed);
    states.set(
      id,
      destroyed.length > 0
        ? { deleted: true, resources: destroyed }
        : {
            deleted: false,
            resources: [],
            unread: `none of ${id}'s resources (${node.match.terraform.join(", ")}) is in this plan`,
          },
    );
  }
  return states;
}
