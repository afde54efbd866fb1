// `blastradius init`: what it does once its flags are read (init-command.ts declares them).

import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { depsRoot, localPaths, readTextWithin } from "../../adapters/fs/read-text.js";
import { checkWritable, writeFileSafely } from "../../adapters/fs/write-file.js";
import { readRenderedObjects } from "../../app/read-rendered.js";
import { scanRepository } from "../../app/scan-repository.js";
import { draftGraph } from "../../core/adopt/draft-graph.js";
import { renderDraft } from "../../core/adopt/render-draft.js";
import { withoutRenderedPaths } from "../../core/adopt/rendered-draft.js";
import { describeSkip } from "../../core/adopt/scan-filter.js";
import { loadDeps } from "../../core/config/load-deps.js";
import { formatDiagnostic, locateDiagnostics } from "../../core/config/locate-diagnostics.js";
import { InputError } from "../../core/errors.js";
import { terminalText } from "../../core/render/terminal-escape.js";
import type { InitFlags } from "../command-flags.js";
import { EXIT_INPUT, EXIT_OK, type Io } from "../exit.js";

export async function init(flags: InitFlags, io: Io): Promise<number> {
  const root = resolve(io.cwd, flags.repo);
  const out = flags.out === undefined ? join(root, "deps.yaml") : resolve(io.cwd, flags.out);
  const shown = relative(io.cwd, out) || out;
  const existsHint = "pass --dry-run to see what init would write, or --force to replace the file";
  // Said before the scan, not after it.
  if (!flags.dryRun) checkWritable(out, { shown, replace: flags.force === true, existsHint });
  if (flags.renderedNamespace !== undefined && flags.rendered === undefined)
    throw new InputError("--rendered-namespace applies to --rendered, which was not given");
  const { scan, summary } = await scanRepository(root, { exclude: flags.exclude ?? [] });
  // A render's objects are drafted with the repository's, so bindings and workloads join
  // across both; their nodes then lose the render's paths, which are not in the repository.
  const rendered =
    flags.rendered === undefined
      ? undefined
      : readRenderedObjects(flags.rendered, io.cwd, flags.renderedNamespace);
  const draft = rendered
    ? withoutRenderedPaths(
        draftGraph({ ...scan, kubernetes: [...scan.kubernetes, ...rendered.objects] }),
        new Set(rendered.files),
      )
    : draftGraph(scan);
  // Includes are relative to the file written, as the loader reads them.
  const catalogs = new Map(
    (scan.catalogs ?? []).map((file) => [
      join(root, file),
      relative(dirname(out), join(root, file)).split(sep).join("/"),
    ]),
  );
  const skipped = [...summary.skipped];
  // validate will hold the includes inside the repository holding the file (or, outside one,
  // its folder): a catalog beyond that is left out, and said.
  const reach = depsRoot(out);
  for (const file of [...catalogs.keys()]) {
    const inside = relative(reach, file);
    if (inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
      skipped.push({
        what: relative(root, file).split(sep).join("/"),
        count: 1,
        unit: "file",
        why: `a Backstage catalog outside ${relative(io.cwd, reach) || reach}, which includes of ${shown} cannot leave`,
        by: "scan",
      });
      catalogs.delete(file);
    }
  }
  // What init writes must load: checked here, against the text itself (and the catalogs it
  // includes, as they are), before anything is written. A catalog that does not load is left
  // out, and said, rather than failing the whole draft.
  let includes: string[];
  let text: string;
  for (;;) {
    includes = [...catalogs.values()];
    text = renderDraft(draft, {
      ...summary,
      manifests: summary.manifests + (rendered?.files.length ?? 0),
      includes,
      skipped,
    });
    const written = text;
    const readWithin = readTextWithin(reach, out);
    const check = loadDeps(
      out,
      (file) => (file === out ? { ok: true, text: written } : readWithin(file)),
      { root: reach, paths: localPaths },
    );
    if (check.errors.length === 0) break;
    const broken = [...new Set(check.errors.map((e) => e.file))].filter((f) => catalogs.has(f));
    if (broken.length === 0) {
      for (const d of locateDiagnostics(check.errors, check.sources))
        io.stderr(`${formatDiagnostic(d)}\n`);
      io.stderr(
        "blastradius: internal error: the generated graph does not load; nothing was written\n",
      );
      return EXIT_INPUT;
    }
    for (const file of broken) {
      const first = check.errors.find((e) => e.file === file);
      skipped.push({
        what: relative(root, file).split(sep).join("/"),
        count: 1,
        unit: "file",
        why: `a Backstage catalog that does not load (${first?.message ?? "error"}); run \`blastradius validate\` on it, fix it, then add it under include:`,
        by: "scan",
      });
      catalogs.delete(file);
    }
  }
  for (const problem of scan.problems) io.stderr(`${formatDiagnostic(problem)}\n`);
  for (const problem of rendered?.problems ?? [])
    io.stderr(`blastradius init: not read: ${problem}\n`);
  for (const note of rendered?.notes ?? []) io.stderr(`blastradius init: ${note}\n`);
  for (const note of skipped) io.stderr(`blastradius init: ${describeSkip(note)}\n`);
  for (const { folder, templates } of summary.synthesised)
    io.stderr(
      `blastradius init: read ${templates} template(s) in ${terminalText(folder)}/, which git does not track, as \`cdk synth\` last wrote them (synthesise again before init and validate --repo); their nodes match the app's own files, which is what a change shows\n`,
    );

  const edges = draft.nodes.reduce((n, node) => n + node.dependsOn.length, 0);
  const unowned = draft.nodes.filter((n) => n.owner === undefined).length;
  const what = `${draft.nodes.length} node(s), ${edges} edge(s), ${draft.owners.length} owner(s)${summary.codeowners ? ` from ${summary.codeowners}` : ""}; ${summary.terraformFiles} Terraform file(s)${summary.templates > 0 ? `, ${summary.manifests} manifest(s) and ${summary.templates} CloudFormation template(s)` : ` and ${summary.manifests} manifest(s)`} read${rendered ? `; ${rendered.files.length} rendered file(s) from ${flags.rendered}` : ""}${includes.length > 0 ? `; ${includes.length} Backstage catalog(s) included` : ""}${unowned > 0 ? `; ${unowned} node(s) without an owner` : ""}`;
  if (flags.dryRun) {
    io.stdout(text);
    io.stderr(`blastradius init (dry run): ${what}\n`);
    if (includes.length > 0 && flags.out === undefined)
      io.stderr(
        `blastradius init: the include: paths are relative to ${shown}, where init would write it; when you save this output elsewhere, pass --out with that file so they resolve\n`,
      );
    return EXIT_OK;
  }
  // A file --force replaces is kept as .bak (numbered when one exists): a hand-written graph
  // is work nobody wants to redo. Neither is ever written through a symlink.
  const { backup } = writeFileSafely(out, text, {
    shown,
    replace: flags.force === true,
    existsHint,
    backup: true,
  });
  io.stdout(
    `wrote ${shown}${backup ? ` (the file it replaced is ${relative(io.cwd, backup) || backup})` : ""}: ${what}\nnext: review it, then run \`blastradius validate --repo ${flags.repo}\`\n`,
  );
  return EXIT_OK;
}
