// mkdocs.yml for the markdown site, read by plain MkDocs and by Backstage TechDocs alike:
// `docs_dir`, a `nav:` that lists every page, the `techdocs-core` plugin TechDocs builds with,
// and superfences' custom fence that turns ```mermaid blocks into diagrams.
// Titles are anyone's text: js-yaml writes the file, every string double-quoted (keys too,
// so that `yes` or `on` stays a string for PyYAML's YAML 1.1), controls shown as escapes.

import type { ScalarLayout } from "js-yaml";
import {
  DEFAULT_SCALAR_STYLE_RULES,
  DUMP_SCHEMA,
  defineScalarTag,
  dump,
  SCALAR_STYLE,
} from "js-yaml";
import { terminalText } from "../../render/terminal-escape.js";

/** A page of the nav: its title and its path under docs/. */
export interface NavPage {
  readonly title: string;
  readonly path: string;
}

/** A section of the nav: a title over pages and sections. */
export interface NavSection {
  readonly title: string;
  readonly items: readonly NavItem[];
}

export type NavItem = NavPage | NavSection;

/** The value of superfences' `format:`, written `!!python/name:…` as MkDocs expects. */
class PythonName {
  constructor(readonly name: string) {}
}

const FENCE_FORMAT = "pymdownx.superfences.fence_code_format";
const PYTHON_NAME = defineScalarTag(`tag:yaml.org,2002:python/name:${FENCE_FORMAT}`, {
  resolve: () => new PythonName(FENCE_FORMAT),
  identify: (data) => data instanceof PythonName,
  represent: () => "",
});

/** The schema mkdocs.yml is written with (and can be read back with). */
export const MKDOCS_SCHEMA = DUMP_SCHEMA.withTags(PYTHON_NAME);

/** Keys are quoted as values are (js-yaml's `forceQuotes` leaves keys plain). */
function quoteKeys(layout: ScalarLayout): void {
  if (layout.isKey && layout.style === SCALAR_STYLE.PLAIN)
    layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}

const RULES = Object.values(DEFAULT_SCALAR_STYLE_RULES);
const FORCE = RULES.indexOf(DEFAULT_SCALAR_STYLE_RULES.applyForceQuotesOption);

/**
 * One line of title: no line break or control that could confuse a reader of the file, and no
 * markup: MkDocs puts nav titles and the site name into every page as HTML, unescaped.
 */
const title = (value: string) =>
  terminalText(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function navValue(item: NavItem): Record<string, unknown> {
  return "path" in item
    ? { [title(item.title)]: item.path }
    : { [title(item.title)]: item.items.map(navValue) };
}

export function mkdocsConfig(siteName: string, nav: readonly NavItem[]): string {
  const config = {
    site_name: title(siteName),
    docs_dir: "docs",
    nav: nav.map(navValue),
    plugins: ["techdocs-core"],
    markdown_extensions: [
      {
        "pymdownx.superfences": {
          custom_fences: [
            { name: "mermaid", class: "mermaid", format: new PythonName(FENCE_FORMAT) },
          ],
        },
      },
    ],
  };
  const header =
    "# Written by `blastradius docs --format markdown`: the nav lists every page under docs/.\n" +
    "# Backstage TechDocs builds it as it is; for plain MkDocs: pip install mkdocs-techdocs-core.\n";
  return (
    header +
    dump(config, {
      schema: MKDOCS_SCHEMA,
      forceQuotes: true,
      quoteStyle: "double",
      lineWidth: -1,
      noRefs: true,
      scalarStyleRules: [...RULES.slice(0, FORCE + 1), quoteKeys, ...RULES.slice(FORCE + 1)],
    })
  );
}
