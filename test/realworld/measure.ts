// How right blastradius is on the real commits of ../shared/realworld and on the cases written
// in test/realworld/written/ (CloudFormation, CDK, rendered charts, kustomize): each case is made
// into a two-commit repository, `init` drafts the graph at the parent, `check` reads the commit
// (`--git HEAD~1`, or the arguments a written case gives, e.g. its renders), and the answer is
// compared with the labels kept in test/realworld/labels/ (written from the diffs by people,
// never from the tool's output). Labels name objects, not node ids, so they do not depend on how
// init spells an id: a node is mapped to the object it stands for through its own match rules.

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dump, load } from "js-yaml";
import { readTemplate } from "../../src/core/classify/cloudformation-template.js";
import { isWritten, materialiseWritten, readWrittenCase } from "./written.js";

export const ROOT = new URL("../..", import.meta.url).pathname;
export const CORPUS = join(ROOT, "../shared/realworld");
export const LABELS = join(ROOT, "test/realworld/labels");
const BIN = join(ROOT, "bin/blastradius.cjs");

export interface ChangedLabel {
  /**
   * `k8s:Kind[/namespace]/name`, `tf:<folder>:<address>`, `cfn:<template file>#<LogicalId>` or
   * `backstage:<kind>:<ns>/<name>`.
   */
  readonly object: string;
  readonly classes: readonly string[];
  readonly why?: string;
}

/** An edge the draft cannot know (added to the drafted graph before the check). */
export interface GraphCorrection {
  readonly dependent: string;
  readonly on: string;
  readonly via: string;
  readonly why: string;
}

export interface CaseLabels {
  readonly case: string;
  readonly changed: readonly ChangedLabel[];
  readonly breaking: readonly string[];
  readonly atRisk: readonly string[];
  readonly graphCorrections?: readonly GraphCorrection[];
  readonly notes?: string;
}

export interface SetScore {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly extra: readonly string[];
  readonly missing: readonly string[];
}

export interface CaseResult {
  readonly case: string;
  /** terraform, kubernetes, backstage (the shared cases, by repository) or a written format. */
  readonly format: string;
  readonly risk: string;
  readonly changed: SetScore;
  /** Labelled changed objects whose classes the tool got exactly. */
  readonly classesRight: number;
  readonly classesTotal: number;
  readonly classMisses: readonly string[];
  readonly breaking: SetScore;
  readonly atRisk: SetScore;
  /** Nodes the tool reported whose object could not be told (should be none). */
  readonly unmapped: readonly string[];
  /** Labelled changed objects that are no node of the graph (a Service, a ConfigMap …). */
  readonly notNodes: number;
}

interface DraftNode {
  readonly match?: {
    readonly paths?: readonly string[];
    readonly terraform?: readonly string[];
    readonly kubernetes?: readonly string[];
    readonly cloudformation?: readonly string[];
  };
  readonly depends_on?: readonly { on: string; via: string }[];
}

const run = (command: string, args: readonly string[], cwd: string) => {
  const result = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

function must(result: { code: number | null; stderr: string }, what: string): void {
  if (result.code !== 0) throw new Error(`${what} failed (exit ${result.code}): ${result.stderr}`);
}

/** Every labelled case: `<repository>/<commit>` (shared) or `written/<format>__<name>`. */
export function caseNames(): string[] {
  if (!existsSync(LABELS)) return [];
  return readdirSync(LABELS)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.replace(/\.json$/, "").replace("__", "/"))
    .sort();
}

// The shared corpus's repositories, by what they are written in.
const SHARED_FORMATS: Readonly<Record<string, string>> = {
  "terraform-aws-iam": "terraform",
  "terraform-aws-eks": "terraform",
  "kube-prometheus": "kubernetes",
  "argo-cd": "kubernetes",
  "backstage-showcase": "backstage",
};

/** The format a case is scored under in the per-format table. */
export function formatOf(name: string): string {
  if (isWritten(name)) return readWrittenCase(name).format;
  const repository = name.slice(0, name.indexOf("/"));
  return (
    SHARED_FORMATS[repository] ??
    (repository.includes("terraform")
      ? "terraform"
      : repository.includes("backstage")
        ? "backstage"
        : "kubernetes")
  );
}

export function readLabels(name: string): CaseLabels {
  return JSON.parse(readFileSync(join(LABELS, `${name.replace("/", "__")}.json`), "utf8"));
}

/** The folder of a Terraform node: where its path rule points. */
function folderOf(paths: readonly string[]): string | undefined {
  const first = paths[0];
  if (first === undefined) return undefined;
  const cut = first.lastIndexOf("/");
  return cut < 0 ? "." : first.slice(0, cut);
}

/** CloudFormation identities a graph must have a node for, as IAM identities in Terraform. */
const CFN_MUST_BE_NODES = new Set([
  "AWS::IAM::Role",
  "AWS::IAM::Policy",
  "AWS::IAM::ManagedPolicy",
  "AWS::IAM::InstanceProfile",
  "AWS::IAM::OIDCProvider",
  "AWS::IAM::User",
  "AWS::IAM::Group",
]);

const MUST_BE_NODES =
  /^(k8s:(ServiceAccount|Role|ClusterRole|RoleBinding|ClusterRoleBinding)\/|tf:[^:]+:aws_iam_(role|policy|user|group|instance_profile|openid_connect_provider)\.)/;

const CATALOG_KINDS = /^(component|resource|api|system|domain|group|user|location|template):/;

/** The template resources a node stands for beyond the first (exact rules only). */
function foldedObjects(node: DraftNode | undefined): string[] {
  return (node?.match?.cloudformation ?? [])
    .slice(1)
    .filter((rule) => !/[*?]/.test(rule.slice(rule.lastIndexOf("#"))))
    .map((rule) => `cfn:${rule}`);
}

/** The object a drafted node stands for, in the labels' spelling. */
export function objectOf(id: string, node: DraftNode | undefined): string | undefined {
  const kubernetes = node?.match?.kubernetes?.[0];
  if (kubernetes) return `k8s:${kubernetes}`;
  const cloudformation = node?.match?.cloudformation?.[0];
  if (cloudformation) return `cfn:${cloudformation}`;
  // An undeclared template resource the check adds to the graph: `cloudformation:<address>`.
  if (!node && id.startsWith("cloudformation:")) return `cfn:${id.slice("cloudformation:".length)}`;
  const address = node?.match?.terraform?.find((a) => !a.startsWith("module.*."));
  const folder = folderOf(node?.match?.paths ?? []);
  // A module call is matched as `module.x.*`: the object is the call.
  if (address && folder) return `tf:${folder}:${address.replace(/\.\*$/, "")}`;
  if (CATALOG_KINDS.test(id)) {
    const [kind, rest] = [id.slice(0, id.indexOf(":")), id.slice(id.indexOf(":") + 1)];
    return `backstage:${kind}:${rest.includes("/") ? rest : `default/${rest}`}`;
  }
  return undefined;
}

function score(predicted: ReadonlySet<string>, labelled: ReadonlySet<string>): SetScore {
  const extra = [...predicted].filter((x) => !labelled.has(x)).sort();
  const missing = [...labelled].filter((x) => !predicted.has(x)).sort();
  return {
    tp: predicted.size - extra.length,
    fp: extra.length,
    fn: missing.length,
    extra,
    missing,
  };
}

/** The labelled `cfn:` objects that are IAM identities or policies in the parent's templates. */
function cfnIdentities(repo: string, labels: CaseLabels): Set<string> {
  const found = new Set<string>();
  for (const { object } of labels.changed) {
    if (!object.startsWith("cfn:")) continue;
    const cut = object.lastIndexOf("#");
    const [file, logicalId] = [object.slice(4, cut), object.slice(cut + 1)];
    if (cut < 0 || !existsSync(join(repo, file))) continue;
    const read = readTemplate(file, readFileSync(join(repo, file), "utf8"));
    const type = read?.ok ? read.template.resources.get(logicalId)?.type : undefined;
    if (type && CFN_MUST_BE_NODES.has(type)) found.add(object);
  }
  return found;
}

/** Materialises one case, drafts its graph at the parent, checks the commit, and scores it. */
export function measureCase(name: string, labels: CaseLabels = readLabels(name)): CaseResult {
  const work = mkdtempSync(join(tmpdir(), "br-realworld-"));
  try {
    const repo = join(work, "case");
    const written = isWritten(name) ? readWrittenCase(name) : undefined;
    if (written) materialiseWritten(name, repo);
    else
      must(
        run("bash", [join(CORPUS, "materialise.sh"), join(CORPUS, name), repo], work),
        "materialise",
      );
    must(run("git", ["checkout", "-q", "HEAD~1"], repo), "checkout of the parent");
    const cfnMustBeNodes = cfnIdentities(repo, labels);
    const deps = join(work, "deps.yaml");
    // --out: where the draft will live, so the catalogs it includes are written relative to it.
    const draft = run(
      process.execPath,
      [BIN, "init", "--dry-run", "--out", deps, ...(written?.init ?? [])],
      repo,
    );
    must(draft, `init in ${name}`);
    const doc = (load(draft.stdout) ?? {}) as { nodes?: Record<string, DraftNode> };
    const nodes = doc.nodes ?? {};
    const idOf = new Map<string, string>();
    for (const [id, node] of Object.entries(nodes)) {
      const object = objectOf(id, node);
      if (object) idOf.set(object, id);
      for (const folded of foldedObjects(node)) if (!idOf.has(folded)) idOf.set(folded, id);
    }
    let text = draft.stdout;
    for (const fix of labels.graphCorrections ?? []) {
      const from = idOf.get(fix.dependent);
      const to = idOf.get(fix.on);
      const node = from === undefined ? undefined : nodes[from];
      if (!node || to === undefined)
        throw new Error(
          `${name}: graph correction names an object the draft lacks: ${fix.dependent} -> ${fix.on}`,
        );
      (node as { depends_on?: { on: string; via: string }[] }).depends_on = [
        ...(node.depends_on ?? []),
        { on: to, via: fix.via },
      ];
    }
    if ((labels.graphCorrections ?? []).length > 0) text = dump(doc, { lineWidth: -1 });
    writeFileSync(deps, text);
    must(run("git", ["checkout", "-q", "main"], repo), "checkout of the change");
    const check = run(
      process.execPath,
      [
        BIN,
        "check",
        "--deps",
        deps,
        ...(written?.check ?? ["--git", "HEAD~1"]),
        "--format",
        "json",
      ],
      repo,
    );
    must(check, `check in ${name}`);
    const impact = JSON.parse(check.stdout) as {
      risk: string;
      changed: { id: string; classes: string[] }[];
      impacted: { id: string; severity: string }[];
    };
    const unmapped: string[] = [];
    const toObject = (id: string) => {
      const object = objectOf(id, nodes[id]);
      if (!object) unmapped.push(id);
      return object ?? `node:${id}`;
    };
    const changedClasses = new Map(
      impact.changed.map((c) => [toObject(c.id), [...c.classes].sort()] as const),
    );
    // A node that stands for several template resources (a role and the inline policy init
    // joins to it, as CDK's DefaultPolicy) changes them all: each is attributed.
    for (const c of impact.changed)
      for (const folded of foldedObjects(nodes[c.id]))
        if (!changedClasses.has(folded)) changedClasses.set(folded, [...c.classes].sort());
    // Labels list every object that changed; attribution is measured on those the graph has
    // a node for, and on those it must have one for (IAM identities and RBAC objects).
    const drafted = new Set(idOf.keys());
    // An object the commit adds has no node in the parent's draft: it cannot be attributed.
    const inScope = labels.changed.filter(
      (c) =>
        drafted.has(c.object) ||
        ((MUST_BE_NODES.test(c.object) || cfnMustBeNodes.has(c.object)) &&
          !c.classes.includes("added")),
    );
    const labelledChanged = new Map(inScope.map((c) => [c.object, [...c.classes].sort()]));
    const classMisses: string[] = [];
    let classesRight = 0;
    for (const [object, classes] of labelledChanged) {
      const got = changedClasses.get(object);
      if (got && got.join() === classes.join()) classesRight++;
      else
        classMisses.push(
          `${object}: ${got ? got.join(",") : "not changed"} (label ${classes.join(",")})`,
        );
    }
    const bySeverity = (severity: string) =>
      new Set(impact.impacted.filter((i) => i.severity === severity).map((i) => toObject(i.id)));
    return {
      case: name,
      format: formatOf(name),
      risk: impact.risk,
      changed: score(new Set(changedClasses.keys()), new Set(labelledChanged.keys())),
      classesRight,
      classesTotal: labelledChanged.size,
      classMisses,
      breaking: score(bySeverity("breaking"), new Set(labels.breaking)),
      atRisk: score(bySeverity("at-risk"), new Set(labels.atRisk)),
      unmapped: [...new Set(unmapped)],
      notNodes: labels.changed.length - inScope.length,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export interface Totals {
  readonly changed: SetScore;
  readonly classesRight: number;
  readonly classesTotal: number;
  readonly breaking: SetScore;
  readonly atRisk: SetScore;
}

const sum = (scores: readonly SetScore[]): SetScore => ({
  tp: scores.reduce((n, s) => n + s.tp, 0),
  fp: scores.reduce((n, s) => n + s.fp, 0),
  fn: scores.reduce((n, s) => n + s.fn, 0),
  extra: [],
  missing: [],
});

export function totals(results: readonly CaseResult[]): Totals {
  return {
    changed: sum(results.map((r) => r.changed)),
    classesRight: results.reduce((n, r) => n + r.classesRight, 0),
    classesTotal: results.reduce((n, r) => n + r.classesTotal, 0),
    breaking: sum(results.map((r) => r.breaking)),
    atRisk: sum(results.map((r) => r.atRisk)),
  };
}

/** Precision and recall; an empty prediction of an empty label is perfect. */
export const precision = (s: SetScore) => (s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp));
export const recall = (s: SetScore) => (s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn));
const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
const pr = (s: SetScore) => `${pct(precision(s))} / ${pct(recall(s))}`;

/** The table the README shows: per case, then the total. */
export function renderTable(results: readonly CaseResult[]): string {
  const rows = [
    "| case | risk | changed P / R | classes right | breaking P / R | at risk P / R |",
    "|---|---|---|---|---|---|",
  ];
  for (const r of results)
    rows.push(
      `| ${r.case} | ${r.risk} | ${pr(r.changed)} | ${r.classesRight}/${r.classesTotal} | ${pr(r.breaking)} | ${pr(r.atRisk)} |`,
    );
  const t = totals(results);
  rows.push(
    `| **total** | | **${pr(t.changed)}** | **${t.classesRight}/${t.classesTotal} (${pct(t.classesTotal === 0 ? 1 : t.classesRight / t.classesTotal)})** | **${pr(t.breaking)}** | **${pr(t.atRisk)}** |`,
  );
  return rows.join("\n");
}

/** Per format (the shared repositories' and the written cases'), then the total. */
export function renderFormatTable(results: readonly CaseResult[]): string {
  const rows = [
    "| format | cases | changed P / R | classes right | breaking P / R | at risk P / R |",
    "|---|---|---|---|---|---|",
  ];
  const formats = [...new Set(results.map((r) => r.format))].sort();
  const row = (label: string, of: readonly CaseResult[]) => {
    const t = totals(of);
    const classes = `${t.classesRight}/${t.classesTotal} (${pct(t.classesTotal === 0 ? 1 : t.classesRight / t.classesTotal)})`;
    return `| ${label} | ${of.length} | ${pr(t.changed)} | ${classes} | ${pr(t.breaking)} | ${pr(t.atRisk)} |`;
  };
  for (const format of formats)
    rows.push(
      row(
        format,
        results.filter((r) => r.format === format),
      ),
    );
  rows.push(row("**total**", results));
  return rows.join("\n");
}

/** Every miss, said plainly: for the README and for whoever mends the next one. */
export function renderMisses(results: readonly CaseResult[]): string {
  const few = (items: readonly string[], max = 12) =>
    items.length <= max
      ? items.join(", ")
      : `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
  const lines: string[] = [];
  for (const r of results) {
    const said: string[] = [];
    if (r.changed.extra.length) said.push(`changed, not labelled: ${few(r.changed.extra)}`);
    if (r.changed.missing.length)
      said.push(`labelled changed, not found: ${few(r.changed.missing)}`);
    if (r.classMisses.length) said.push(`classes: ${few(r.classMisses)}`);
    for (const [what, s] of [
      ["breaking", r.breaking],
      ["at risk", r.atRisk],
    ] as const) {
      if (s.extra.length) said.push(`${what}, not labelled: ${few(s.extra)}`);
      if (s.missing.length) said.push(`labelled ${what}, not found: ${few(s.missing)}`);
    }
    if (r.unmapped.length) said.push(`nodes with no object: ${few(r.unmapped)}`);
    if (said.length) lines.push(`- ${r.case}: ${said.join(" · ")}`);
  }
  return lines.join("\n");
}
