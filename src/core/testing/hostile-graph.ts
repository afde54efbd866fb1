// A graph whose every free string is hostile, for the docs site's tests: markup, a script, an
// attribute break-out, `javascript:` and `data:` links, terminal controls, in fields the loader
// would refuse too (the site must hold whatever reaches it).

import type { AnalysisModel } from "../analysis-model.js";
import { prepareModel } from "../analyze.js";
import type { HealthNote } from "../docs/graph-health.js";
import { compactGraph } from "../graph/compact-graph.js";
import type { DepsConfig, Edge, GraphNode, Owner } from "../model.js";
import { chainYaml, load } from "./helpers.js";
import { HOSTILE_SHORT } from "./hostile.js";

/** A tag, an attribute break-out and a script; PWNED marks where each would be live. */
export const MARKUP = `<b id=PWNED>x</b>"PWNED-Q' onmouseover=alert(1) onfocus=document.documentElement.setAttribute('data-pwned','handler') autofocus x="</script><script>document.documentElement.setAttribute('data-pwned','script')</script><!--`;
export const h = (value: string) => `${value} ${MARKUP}`;
const SHORT = `${MARKUP.slice(0, 40)}`;

export function hostileModel(): AnalysisModel {
  const result = load({
    "deps.yaml": chainYaml(
      { "svc/a": { owner: "team" }, "svc/b": { owner: "team" }, "svc/c": { owner: "other" } },
      [
        ["svc/a", "svc/b"],
        ["svc/b", "svc/c"],
      ],
    ),
  });
  if (!result.config) throw new Error("fixture does not load");
  const config = result.config;
  const owner = (o: Owner): Owner => ({
    ...o,
    github: h("@acme/x"),
    chat: h("#chat"),
    email: `"><script>alert(1)</script>@x.example`,
    escalation: h(
      'javascript:alert(1) https://x.example/"><script>alert(1)</script> data:text/html,x',
    ),
    description: h("owner description"),
    catalog: { title: h("catalog title") },
  });
  const node = (n: GraphNode, i: number): GraphNode => ({
    ...n,
    kind: `${SHORT}${i % 2}${HOSTILE_SHORT}`,
    description: h(`description${HOSTILE_SHORT}`),
    docs: "javascript:alert(1)",
    runbook:
      i === 0
        ? "JaVaScRiPt:alert(1)"
        : i === 1
          ? "data:text/html,<script>alert(1)</script>"
          : h("https://x.example/"),
    match: {
      paths: [{ glob: "x/**", source: h("x/**") }],
      terraform: [h("aws_iam_role.x")],
      kubernetes: [h("Role/x")],
      cloudformation: [h("t.yaml#X")],
    },
    declaredAt: { file: h("deps.yaml"), line: 3 },
    catalog: { ref: h("component:default/x"), kind: h("Component"), title: h("catalog title") },
    dependsOn: n.dependsOn.map(
      (e): Edge => ({ ...e, via: `${SHORT}${HOSTILE_SHORT}`, description: h("edge") }),
    ),
  });
  const hostileConfig: DepsConfig = {
    ...config,
    owners: new Map([...config.owners].map(([id, o]) => [id, owner(o)])),
    nodes: new Map([...config.nodes].map(([id, n], i) => [id, node(n, i)])),
  };
  return prepareModel(hostileConfig, compactGraph(hostileConfig));
}

/** Graph-health notes carrying the same text. */
export const hostileHealth: readonly HealthNote[] = [
  {
    code: h("no-owner"),
    severity: "warning",
    node: "svc/a",
    message: h("message"),
    hint: h("hint"),
  },
  { code: "x", severity: "info", owner: "team", message: h("m"), hint: h("h") },
];
