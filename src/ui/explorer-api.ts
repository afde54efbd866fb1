// What the explorer is given: the loaded graph and the core functions that answer its
// questions. It does no I/O of its own.

import type { AnalysisModel } from "../core/analysis-model.js";
import type { UpstreamChange } from "../core/explore/recent-changes.js";
import type { ChangeClass, Impact } from "../core/model.js";

export interface ExplorerApi {
  readonly whatIf: (id: string, changeClass: ChangeClass) => Impact;
  readonly markdown: (impact: Impact) => string;
  /** Commits of the last days that touched the node or anything upstream; a string says why not. */
  readonly recentChanges?: (id: string) => readonly UpstreamChange[] | string;
  readonly recentDays: number;
}

export interface ExplorerProps {
  readonly model: AnalysisModel;
  readonly api: ExplorerApi;
  readonly initialNode?: string;
  /** Called once when the user quits, with the markdown to print if they asked for it. */
  readonly onQuit: (print?: string) => void;
}
