import type { ImpactPath } from "../model.js";

/** `a -[assumes-role]-> b -[reads]-> c`, for plain text. */
export function describePath(path: ImpactPath, arrow = (via: string) => ` -[${via}]-> `): string {
  let out = path.changed;
  for (const step of path.steps)
    out += `${arrow(step.discovered ? `${step.via}, found in configuration` : step.via)}${step.to}`;
  return out;
}

export function pathNodes(path: ImpactPath): string[] {
  return [path.changed, ...path.steps.map((step) => step.to)];
}
