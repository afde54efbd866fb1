// A seeded generator of realistic organisations for the benchmark: layers from IAM roles
// down to dashboards and alerts, fan-in skewed towards a few hubs as in real systems,
// several hundred owners, match rules mixing literal paths, `dir/**` and extension globs,
// a few cycles, and a change of many files. Same seed, same organisation, byte for byte.

export interface OrgOptions {
  readonly nodes: number;
  readonly seed?: number;
  /** Average dependencies per node. */
  readonly edgesPerNode?: number;
  /** Changed files to produce. */
  readonly changedFiles?: number;
  /**
   * Nx-comparable: every node is a project under projects/<id>/ matched by
   * `projects/<id>/**`, and changed files lie inside projects.
   */
  readonly nx?: boolean;
  /**
   * The shape issue 18 measures at: every node has rules of its own (`services/<id>/**` and
   * `terraform/<id>/*.tf`), an owner among 300 and a description.
   */
  readonly ownRules?: boolean;
}

export interface OrgNode {
  readonly id: string;
  readonly kind: string;
  readonly owner?: string;
  readonly tier: number;
  readonly description?: string;
  readonly paths: readonly string[];
  /** Sample files in the repository that belong to this node. */
  readonly files: readonly string[];
  readonly dependsOn: readonly {
    readonly on: string;
    readonly via: string;
    readonly breaksOn?: readonly string[];
  }[];
}

export interface Org {
  readonly nodes: readonly OrgNode[];
  readonly owners: readonly string[];
  readonly changedFiles: readonly string[];
}

/** mulberry32: small, fast, and the same everywhere. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LAYERS = [
  { kind: "iam-role", share: 0.04, via: "assumes-role" },
  { kind: "service-account", share: 0.08, via: "assumes-role" },
  { kind: "service", share: 0.22, via: "runs-as" },
  { kind: "job", share: 0.18, via: "calls" },
  { kind: "table", share: 0.3, via: "loaded-by" },
  { kind: "dashboard", share: 0.12, via: "reads" },
  { kind: "alert", share: 0.06, via: "monitors" },
] as const;

export function generateOrg(options: OrgOptions): Org {
  const rnd = random(options.seed ?? 1);
  const n = options.nodes;
  const perNode = options.edgesPerNode ?? 5;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
  /** Skewed towards the start of a range: a few hubs get most of the dependents. */
  const skewed = (size: number) => Math.floor(size * rnd() ** 3);

  const ownerCount = options.ownRules ? 300 : Math.max(5, Math.min(400, Math.round(n / 250)));
  const owners = Array.from({ length: ownerCount }, (_, i) => `team-${i}`);

  // Lay out the layers; each node's position decides its layer.
  const layerOf: number[] = [];
  const layerStart: number[] = [];
  let at = 0;
  LAYERS.forEach((layer, l) => {
    layerStart.push(at);
    const size = l === LAYERS.length - 1 ? n - at : Math.max(1, Math.round(n * layer.share));
    for (let i = 0; i < size && at < n; i++, at++) layerOf.push(l);
  });
  while (layerStart.length < LAYERS.length) layerStart.push(n);
  const layerSize = (l: number) => (layerStart[l + 1] ?? n) - (layerStart[l] as number);
  const idOf = (i: number) =>
    options.nx
      ? `p${i}`
      : `${LAYERS[layerOf[i] as number]?.kind}/${LAYERS[layerOf[i] as number]?.kind.slice(0, 3)}-${i}`;

  const nodes: OrgNode[] = [];
  for (let i = 0; i < n; i++) {
    const l = layerOf[i] as number;
    const layer = LAYERS[l] as (typeof LAYERS)[number];
    const id = idOf(i);
    // Team sizes are skewed too, less than fan-in: the largest team owns about 5%.
    const owner =
      rnd() < 0.01 ? undefined : (owners[Math.floor(owners.length * rnd() ** 2)] as string);
    const r = rnd();
    const tier = r < 0.05 ? 0 : r < 0.25 ? 1 : r < 0.65 ? 2 : 3;

    // Dependencies: mostly the layer above, sometimes two above; skewed to hubs.
    const dependsOn: { on: string; via: string; breaksOn?: string[] }[] = [];
    if (l > 0 || i > 0) {
      const want = Math.max(1, Math.round(-Math.log(1 - rnd()) * perNode));
      const seen = new Set<number>();
      for (let k = 0; k < want * 2 && seen.size < want; k++) {
        let target: number;
        if (l === 0) target = skewed(i);
        else {
          const from = rnd() < 0.8 ? l - 1 : Math.max(0, l - 2);
          target = (layerStart[from] as number) + skewed(layerSize(from));
        }
        if (target === i || target >= n || seen.has(target)) continue;
        seen.add(target);
      }
      for (const target of seen) {
        if (target === i) continue;
        const via = layer.via;
        const breaksOn =
          via === "monitors"
            ? ["deleted", "renamed"]
            : via === "reads" && rnd() < 0.3
              ? ["deleted", "renamed", "replaced"]
              : undefined;
        dependsOn.push({ on: idOf(target), via, ...(breaksOn ? { breaksOn } : {}) });
      }
    }

    // Match rules and the files they cover.
    const team = owner ?? "unowned";
    let paths: string[];
    let files: string[];
    if (options.nx) {
      paths = [`projects/${id}/**`];
      files = [`projects/${id}/src/index.ts`, `projects/${id}/src/lib-${i % 7}.ts`];
    } else if (options.ownRules) {
      paths = [`services/${id}/**`, `terraform/${id}/*.tf`];
      files = [`services/${id}/src/main.go`, `terraform/${id}/main.tf`];
    } else {
      switch (layer.kind) {
        case "iam-role":
          paths = [`infra/terraform/iam/role-${i}.tf`];
          files = paths;
          break;
        case "service-account":
          paths = [`infra/k8s/${team}/sa-${i}.yaml`];
          files = paths;
          break;
        case "service":
          paths = [`services/svc-${i}/**`];
          files = [`services/svc-${i}/src/main.go`, `services/svc-${i}/deploy/values.yaml`];
          break;
        case "job":
          paths = [`jobs/${team}/job-${i}/*.yaml`];
          files = [`jobs/${team}/job-${i}/job.yaml`];
          break;
        case "table":
          paths =
            rnd() < 0.02
              ? [`warehouse/models/${team}/**/*.sql`]
              : [`warehouse/models/${team}/tab-${i}.sql`];
          files = [`warehouse/models/${team}/tab-${i}.sql`];
          break;
        case "dashboard":
          paths = [`bi/dashboards/${team}/dash-${i}.json`];
          files = paths;
          break;
        default:
          paths = [`monitoring/alerts/${team}/alert-${i}/*.yaml`];
          files = [`monitoring/alerts/${team}/alert-${i}/rules.yaml`];
      }
      if (rnd() < 0.1) paths = [];
    }
    const description = options.ownRules
      ? `The ${layer.kind} ${id} of ${team}, tier ${tier}: what it is for, in a sentence or two.`
      : undefined;
    nodes.push({
      id,
      kind: layer.kind,
      owner,
      tier,
      ...(description ? { description } : {}),
      paths,
      files,
      dependsOn,
    });
  }

  // A few dependencies that point back up: a node that depends on one of its dependents.
  const cycles = Math.max(2, Math.round(n / 2000));
  const byId = new Map(nodes.map((node) => [node.id, node]));
  for (let k = 0; k < cycles; k++) {
    const dependent = nodes[Math.floor(rnd() * n)] as OrgNode;
    const edge = dependent.dependsOn[0];
    if (!edge || options.nx) continue;
    const upstream = byId.get(edge.on) as OrgNode;
    if (upstream.dependsOn.some((e) => e.on === dependent.id)) continue;
    (upstream.dependsOn as { on: string; via: string }[]).push({
      on: dependent.id,
      via: "depends-on",
    });
  }

  // The change: files of random nodes, and files that belong to nothing.
  const wanted = options.changedFiles ?? 3000;
  const changed = new Set<string>();
  for (let k = 0; changed.size < wanted && k < wanted * 10; k++) {
    if (!options.nx && rnd() < 0.3) {
      changed.add(`docs/${pick(["guides", "adr", "runbooks"])}/page-${Math.floor(rnd() * 1e6)}.md`);
    } else {
      const node = nodes[Math.floor(rnd() * n)] as OrgNode;
      changed.add(pick(node.files));
    }
  }
  return { nodes, owners, changedFiles: [...changed] };
}

function quote(value: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(value) ? value : JSON.stringify(value);
}

/** The organisation as deps.yaml text; `nodes` selects a slice (for split files). */
export function toDepsYaml(
  org: Org,
  options: {
    readonly from?: number;
    readonly to?: number;
    readonly owners?: boolean;
    readonly include?: readonly string[];
  } = {},
): string {
  const out: string[] = ["version: 1"];
  if (options.include?.length) {
    out.push("include:");
    for (const file of options.include) out.push(`  - ${quote(file)}`);
  }
  if (options.owners !== false) {
    out.push("owners:");
    for (const owner of org.owners)
      out.push(`  ${owner}: {github: "@acme/${owner}", chat: "#${owner}"}`);
  }
  const from = options.from ?? 0;
  const to = options.to ?? org.nodes.length;
  if (to > from) out.push("nodes:");
  for (let i = from; i < to; i++) {
    const node = org.nodes[i] as OrgNode;
    out.push(`  ${quote(node.id)}:`, `    kind: ${node.kind}`);
    if (node.owner) out.push(`    owner: ${node.owner}`);
    out.push(`    tier: ${node.tier}`);
    if (node.description) out.push(`    description: ${JSON.stringify(node.description)}`);
    if (node.paths.length > 0)
      out.push(`    match: {paths: [${node.paths.map(quote).join(", ")}]}`);
    if (node.dependsOn.length > 0) {
      out.push("    depends_on:");
      for (const edge of node.dependsOn) {
        const breaks = edge.breaksOn ? `, breaks_on: [${edge.breaksOn.join(", ")}]` : "";
        out.push(`      - {on: ${quote(edge.on)}, via: ${edge.via}${breaks}}`);
      }
    }
  }
  return `${out.join("\n")}\n`;
}
