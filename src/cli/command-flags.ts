// Each command's flags as commander gives them, and the values a flag may take: shared by the
// command line, which declares them (*-command.ts), and the commands' code (commands/), which
// reads them, without either loading the other.

export const CHECK_FORMATS = ["text", "markdown", "json", "mermaid"] as const;

export interface CheckFlags {
  deps: string;
  cache?: boolean;
  files?: string[];
  filesFrom?: string;
  git?: string;
  plan?: string;
  changeSet?: string[];
  stackTemplate?: string[];
  renderedBase?: string;
  renderedHead?: string;
  renderedNamespace?: string;
  repo?: string;
  format: string;
  failOn?: string;
  onIncomplete: string;
  maxDepth?: string;
  color: boolean;
}

export const CONTRACTS_FORMATS = ["text", "markdown", "json"] as const;

export interface ContractsFlags {
  deps: string;
  cache?: boolean;
  git?: string;
  plan?: string;
  repo?: string;
  format: string;
  color: boolean;
}

export interface DocsFlags {
  deps: string;
  out: string;
  format: string;
  maxRows: string;
  threads?: string;
  scan: boolean;
  root?: string;
  exclude?: string[];
  contracts: boolean;
  plan?: string;
  git?: boolean;
  repo?: string[];
  since: string;
  apiUrl?: string;
}

export interface ExploreFlags {
  deps: string;
  cache?: boolean;
  node?: string;
  days: string;
}

export interface GraphFlags {
  deps: string;
  cache?: boolean;
  format: string;
  around?: string;
  depth: string;
}

export interface InitFlags {
  repo: string;
  out?: string;
  dryRun?: boolean;
  force?: boolean;
  exclude?: string[];
  rendered?: string;
  renderedNamespace?: string;
}

export const PR_FORMATS = ["markdown", "text", "json"] as const;

export interface PrFlags {
  deps: string;
  post?: boolean;
  format: string;
  failOn?: string;
  comment: string;
  labels: boolean;
  mentionOwners: boolean;
  requestReviewers?: boolean;
  commentAuthor?: string;
  apiUrl?: string;
  plan?: string;
  renderedBase?: string;
  renderedHead?: string;
  renderedNamespace?: string;
  maxDepth?: string;
  onIncomplete: string;
  color: boolean;
}

export const REPORT_FORMATS = ["markdown", "html", "json"] as const;

export interface ReportFlags {
  deps: string;
  cache?: boolean;
  since: string;
  from?: string;
  to?: string;
  git?: boolean;
  format: string;
  out?: string;
  force?: boolean;
  repo?: string[];
  postIssue?: boolean;
  apiUrl?: string;
}

export const SUSPECTS_FORMATS = ["text", "markdown", "json"] as const;

export interface SuspectsFlags {
  deps: string;
  cache?: boolean;
  since: string;
  git?: boolean;
  repo?: string[];
  apiUrl?: string;
  format: string;
}

export interface ValidateFlags {
  deps: string;
  plan?: string;
  repo?: string;
  strict?: boolean;
  exclude?: string[];
}
