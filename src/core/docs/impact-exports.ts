// The exports of the site's impact tables: a node's "if this breaks" list and an owner's
// upstream and downstream, as CSV and JSON, with the same rows as the page.

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
