// A node page's "What changes it": its match rules and, when the repository was read, what
// each rule matches there today (a rule matching nothing is stale: the node will never be
// reported through it).

import type { MatchRules } from "../../model.js";
import type { NodeMatches, RuleKind } from "../matched-today.js";
import { count, htmlTable, text } from "./fragments.js";

const KIND_LABEL: Record<RuleKind, string> = {
  paths: "Files",
  terraform: "Terraform",
  kubernetes: "Kubernetes",
  cloudformation: "CloudFormation",
};

export function renderChangesSection(
  match: MatchRules,
  matches: NodeMatches | undefined,
  repository: string | undefined,
): string {
  const head = `<h2 id="changes">What changes it</h2>`;
  const rules: [RuleKind, string][] = [
    ...match.paths.map((p): [RuleKind, string] => ["paths", p.source]),
    ...match.terraform.map((r): [RuleKind, string] => ["terraform", r]),
    ...match.kubernetes.map((r): [RuleKind, string] => ["kubernetes", r]),
    ...(match.cloudformation ?? []).map((r): [RuleKind, string] => ["cloudformation", r]),
  ];
  if (rules.length === 0)
    return `${head}\n<p class="note">No match rules: no change in a repository will be reported as changing this node (it is only ever impacted through what it depends on).</p>`;
  const hits = new Map<string, number>();
  for (const hit of matches?.ruleHits ?? []) hits.set(`${hit.kind}\u0000${hit.rule}`, hit.count);
  const today = (kind: RuleKind, rule: string) => {
    if (!matches) return '<span class="note">not read</span>';
    const n = hits.get(`${kind}\u0000${rule}`);
    if (n === undefined) return '<span class="note">not judged here</span>';
    return n === 0 ? '<span class="breaking">nothing: stale rule</span>' : count(n);
  };
  const table = htmlTable(
    "Match rules",
    ["Kind", "Rule", `Matches today${repository ? ` in ${text(repository)}` : ""}`],
    rules.map(([kind, rule]) => [KIND_LABEL[kind], `<code>${text(rule)}</code>`, today(kind, rule)]),
  );
  if (!matches)
    return `${head}\n${table}\n<p class="note">The repository was not read, so what the rules match today is not shown.</p>`;
  const files =
    matches.fileCount === 0
      ? ""
      : `<h3>Files it matches today (${count(matches.fileCount)})</h3>\n<ul>${matches.files.map((f) => `<li><code>${text(f)}</code></li>`).join("")}</ul>${matches.files.length < matches.fileCount ? `<p class="note">The first ${count(matches.files.length)} of ${count(matches.fileCount)}.</p>` : ""}`;
  const objects =
    matches.objectCount === 0
      ? ""
      : `<h3>Resources and objects it matches today (${count(matches.objectCount)})</h3>\n${htmlTable(
          "Resources and objects",
          ["Kind", "Address", "File"],
          matches.objects.map((o) => [
            KIND_LABEL[o.kind],
            `<code>${text(o.address)}</code>`,
            `<code>${text(o.file)}</code>`,
          ]),
        )}${matches.objects.length < matches.objectCount ? `<p class="note">The first ${count(matches.objects.length)} of ${count(matches.objectCount)}.</p>` : ""}`;
  return [head, table, files, objects].filter(Boolean).join("\n");
}
