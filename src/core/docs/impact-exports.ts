// The exports of the site's impact tables: a node's "if this breaks" list and an owner's
// upstream and downstream, as CSV and JSON, with the same rows as the page.

import { textDataUrl } from "./data-url.js";
import type { ImpactRow, NodePage, Table } from "./node-page.js";
import type { AcrossRow, OwnerPage } from "./owner-page.js";
import { exportPath } from "./site-paths.js";
import { type Column, toCsv, toJsonTable } from "./table-export.js";

export interface ExportFile {
  readonly path: string;
  readonly content: string;
}

/** The columns of a node's "if this breaks" table; its path starts at the node itself. */
const impactColumns = (id: string): readonly Column<ImpactRow>[] => [
  { header: "severity", value: (r) => r.severity },
  { header: "node", value: (r) => r.id },
  { header: "kind", value: (r) => r.kind },
  { header: "owner", value: (r) => r.owner },
  { header: "tier", value: (r) => r.tier },
  { header: "depth", value: (r) => r.depth },
  {
    header: "path",
    value: (r) => [id, ...r.path.map((s) => `-[${s.via}]-> ${s.to}`)].join(" "),
  },
];

const ACROSS_COLUMNS: readonly Column<AcrossRow>[] = [
  { header: "severity", value: (r) => r.severity },
  { header: "node", value: (r) => r.id },
  { header: "kind", value: (r) => r.kind },
  { header: "owner", value: (r) => r.owner },
  { header: "tier", value: (r) => r.tier },
  { header: "depth", value: (r) => r.depth },
];

function both<T>(
  page: string,
  name: string,
  table: Table<T>,
  columns: readonly Column<T>[],
): ExportFile[] {
  if (table.total === 0) return [];
  return [
    { path: exportPath(page, name, "csv"), content: toCsv(columns, table.rows) },
    {
      path: exportPath(page, name, "json"),
      content: toJsonTable({ page, table: name, total: table.total, rows: table.rows }),
    },
  ];
}

export function nodePageExports(pagePath: string, page: NodePage): ExportFile[] {
  return both(pagePath, "breaks", page.ifThisBreaks.nodes, impactColumns(page.id));
}

export function ownerPageExports(pagePath: string, page: OwnerPage): ExportFile[] {
  return [
    ...both(pagePath, "upstream", page.upstream, ACROSS_COLUMNS.slice(1)),
    ...both(pagePath, "downstream", page.downstream, ACROSS_COLUMNS),
  ];
}

/**
 * The largest export a page keeps in itself, as a `data:` URL; a larger one (`--max-rows 0` on a
 * hub) is a file beside the page, since browsers stop at URLs of 2 MB.
 */
export const INLINE_EXPORT_BYTES = 256 * 1024;

/** Where a page's exports went: kept in the page, or files to write beside it. */
export interface PlacedExports {
  /** An export's path (as if it were a file) → its `data:` URL, for those the page keeps. */
  readonly inline: ReadonlyMap<string, string>;
  readonly files: readonly ExportFile[];
}

const MIME: Record<string, string> = {
  csv: "text/csv;charset=utf-8",
  json: "application/json;charset=utf-8",
};

/**
 * A page's exports kept in the page when small: a site of 10,000 nodes would otherwise be
 * 16,000 small files more, each a file the disk makes and a Pages upload carries.
 */
export function placeExports(exports: readonly ExportFile[]): PlacedExports {
  const inline = new Map<string, string>();
  const files: ExportFile[] = [];
  for (const file of exports) {
    const mime = MIME[file.path.slice(file.path.lastIndexOf(".") + 1)];
    // Bytes, not characters: a graph in another script is up to three bytes a character.
    const url =
      mime && file.content.length <= INLINE_EXPORT_BYTES
        ? textDataUrl(mime, file.content)
        : undefined;
    if (mime && url && url.bytes <= INLINE_EXPORT_BYTES) inline.set(file.path, url.url);
    else files.push(file);
  }
  return { inline, files };
}

/**
 * The name an export downloads as: the id it is about, readable (`iam-role/automation-runner`
 * gives `iam-role_automation-runner.breaks.csv`), not its file's encoded name, whose `~41` for a
 * capital a browser rewrites and which two folders can share. Anything but letters, digits,
 * `.`, `_` and `-` is `_`, and it never starts with a dot; a browser makes it safe again anyway.
 */
export function downloadName(id: string, table: string, format: "csv" | "json"): string {
  const readable = id
    .replace(/[^A-Za-z0-9._-]/g, "_")
    .replace(/^\.+/, "_")
    .slice(0, 150);
  return `${readable || "_"}.${table}.${format}`;
}
