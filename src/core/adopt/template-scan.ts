// What a CloudFormation or CDK template says about the graph: its resources, where each is
// declared, the construct path the CDK gave it, and which other resources of the template it
// uses. Pure: the adapter reads the file; this turns its text into facts `init` and drift share.

import { ATTACHES, identityNamed } from "../classify/cloudformation-identities.js";
import {
  readTemplate,
  referencesOf,
  TEMPLATE_FILE,
  type Template,
  type TemplateReference,
  type TemplateResource,
} from "../classify/cloudformation-template.js";
import { Resolver, TemplateTooLarge } from "../classify/cloudformation-values.js";
import { list } from "../classify/json-shapes.js";
import type { Diagnostic } from "../model.js";
import { regExpLiteral } from "../regexp-literal.js";

export interface ScannedTemplateResource {
  /** The template file, relative to the repository root. */
  readonly file: string;
  readonly logicalId: string;
  /** `AWS::IAM::Role`. */
  readonly type: string;
  readonly line?: number;
  /** The CDK's construct path (`ApiStack/Handler/ServiceRole/Resource`), when it wrote one. */
  readonly cdkPath?: string;
  /**
   * For a template `cdk synth` wrote into a folder git does not track: the app's tracked files
   * and folders it is synthesised from, which a change shows instead of the template.
   */
  readonly sources?: readonly string[];
  /** Uses of other resources of the same template (`!Ref`, `!GetAtt`, `${X.Arn}` in a Sub). */
  readonly references: readonly TemplateReference[];
}

/**
 * CloudFormation's own quota is 500 resources a template; past a few times that, a file is not
 * a template anyone deploys, and reading it would only cost time.
 */
export const MAX_TEMPLATE_RESOURCES = 2000;

/** JSON files that are never templates, though they are common: not worth reading. */
const NOT_TEMPLATES =
  /(?:^|\/)(?:package(?:-lock)?|tsconfig(?:\.[\w-]+)?|cdk|tree|composer|\.eslintrc|renovate)\.json$|\.assets\.json$/;

/** Whether a file may hold a template, by its name (YAML, JSON, `.template`, `.cfn`). */
export function mayBeTemplate(file: string): boolean {
  if (!TEMPLATE_FILE.test(file) || NOT_TEMPLATES.test(file)) return false;
  // A CDK asset folder holds bundled code and its data, never the app's templates.
  return !/(?:^|\/)cdk\.out\/(?:.*\/)?asset\.[^/]*\//.test(file);
}

export type TemplateScan =
  | { readonly resources: readonly ScannedTemplateResource[] }
  | { readonly problem: Diagnostic };

/**
 * The resources of a template file; undefined when the file is not a template. A file that
 * looks like one but does not parse, or holds more resources than any template can, is a
 * problem (a warning naming the file), so its absence from the draft is never silent.
 */
export function templateResources(file: string, text: string): TemplateScan | undefined {
  const read = readTemplate(file, text);
  if (read === undefined) return undefined;
  if (!read.ok)
    return {
      problem: {
        severity: "warning",
        code: "cloudformation-unparseable",
        file,
        message: /does not parse|nested too deep/.test(read.reason)
          ? `a CloudFormation template that does not parse: ${read.reason}`
          : `a CloudFormation template that cannot be read: ${read.reason}`,
        hint: /does not parse|nested too deep/.test(read.reason)
          ? "fix the file; its resources are left out until then"
          : "declare its nodes by hand: its resources are left out of the draft",
      },
    };
  const { resources } = read.template;
  if (resources.size > MAX_TEMPLATE_RESOURCES)
    return {
      problem: {
        severity: "warning",
        code: "scan-skipped",
        file,
        message: `a CloudFormation template with ${resources.size} resources, more than ${MAX_TEMPLATE_RESOURCES} (CloudFormation allows 500); not read`,
        hint: "if it matters, declare its nodes by hand",
      },
    };
  const out: ScannedTemplateResource[] = [];
  const lines = text.split("\n", 1_000_000);
  const providers = oidcProviders(resources);
  const resolver = new Resolver(read.template);
  for (const resource of resources.values()) {
    const path = resource.metadata["aws:cdk:path"];
    const line = keyLine(lines, resource.logicalId, resource.line);
    out.push({
      file,
      logicalId: resource.logicalId,
      type: resource.type,
      ...(line !== undefined ? { line } : {}),
      ...(typeof path === "string" && path !== "" ? { cdkPath: path } : {}),
      references: withTrusted(
        byName(resource, read.template, resolver, referencesOf(resource, resources)),
        trustedProviders(resource, providers),
      ),
    });
  }
  return { resources: out };
}

/**
 * The line of the logical id itself: YAML's reader gives where its body starts (the `Type:`
 * line below it), which is not where a reader looks for the resource.
 */
function keyLine(lines: readonly string[], logicalId: string, line?: number): number | undefined {
  if (line === undefined || line < 2) return line;
  const above = lines[line - 2] ?? "";
  const key = new RegExp(`^\\s*["']?${regExpLiteral(logicalId)}["']?\\s*:\\s*(?:#.*)?$`);
  return key.test(above) ? line - 1 : line;
}

/** Not what a CDK app synthesises from: tests, docs, editor and CI settings. */
const NOT_SOURCE =
  /^(?:(?:test|tests|__tests__|__snapshots__|docs?|\.github|\.vscode|\.idea|node_modules|\.venv|venv)(?:\/|$)|(?:[^/]*\.md|\.gitignore|\.npmignore|LICENSE[^/]*)$)/i;

/**
 * What a CDK app in `app` (`.` for the root) synthesises its templates from, as path rules: a
 * glob per top-level folder of the app and each top-level file (its `cdk.json`, its package
 * manifest, an `app.py`), leaving out the output folder, tests and docs. Any of them can change
 * any template, so a change to one is a change to every node drafted from them.
 */
export function cdkAppSources(app: string, output: string, files: readonly string[]): string[] {
  const prefix = app === "." || app === "" ? "" : `${app}/`;
  const out = new Set<string>();
  for (const file of files) {
    if (!file.startsWith(prefix)) continue;
    const inside = file.slice(prefix.length);
    if (inside.startsWith(`${output}/`) || NOT_SOURCE.test(inside)) continue;
    const slash = inside.indexOf("/");
    // A name a glob would read otherwise (`[id].ts`) is left to the reviewer.
    if (/[*?[\]{}!\\]/.test(slash < 0 ? inside : inside.slice(0, slash))) continue;
    out.add(slash < 0 ? file : `${prefix}${inside.slice(0, slash)}/**`);
  }
  return [...out].sort();
}

/** The template's OIDC providers by host (`token.actions.githubusercontent.com`). */
function oidcProviders(resources: ReadonlyMap<string, TemplateResource>): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of resources.values()) {
    if (r.type !== "AWS::IAM::OIDCProvider" || typeof r.properties.Url !== "string") continue;
    const host = r.properties.Url.replace(/^https:\/\//i, "")
      .replace(/\/+$/, "")
      .toLowerCase();
    if (host !== "") out.set(host, r.logicalId);
  }
  return out;
}

/**
 * A role whose trust names one of the template's OIDC providers by ARN
 * (`arn:aws:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com`) rather
 * than by `!Ref`: it depends on that provider all the same.
 */
function trustedProviders(
  resource: TemplateResource,
  providers: ReadonlyMap<string, string>,
): TemplateReference[] {
  if (resource.type !== "AWS::IAM::Role" || providers.size === 0) return [];
  const trust = JSON.stringify(resource.properties.AssumeRolePolicyDocument ?? null).toLowerCase();
  return [...providers]
    .filter(([host]) => trust.includes(`oidc-provider/${host}`))
    .map(([, logicalId]) => ({ target: logicalId, property: "AssumeRolePolicyDocument" }));
}

/** References, and the providers a trust names by ARN that no `!Ref` named already. */
function withTrusted(
  references: readonly TemplateReference[],
  trusted: readonly TemplateReference[],
): TemplateReference[] {
  const named = new Set(references.map((r) => r.target));
  return [...references, ...trusted.filter((t) => !named.has(t.target))];
}

/** Properties of glue that name identities, by `Ref` or by the name an identity declares. */
const NAMES_IDENTITIES: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  ...ATTACHES,
  "AWS::IAM::UserToGroupAddition": [
    ["Users", "AWS::IAM::User"],
    ["GroupName", "AWS::IAM::Group"],
  ],
};

/**
 * References with those a policy or membership makes by an identity's declared name
 * (`RoleName: !Sub "${AWS::StackName}-app"` on both the role and its `AWS::IAM::RolePolicy`).
 */
function byName(
  resource: TemplateResource,
  template: Template,
  resolver: Resolver,
  references: TemplateReference[],
): TemplateReference[] {
  const out = [...references];
  for (const [property, type] of NAMES_IDENTITIES[resource.type] ?? []) {
    let values: unknown[];
    try {
      values = list(resolver.resolve(resource.properties[property]).value);
    } catch (error) {
      if (error instanceof TemplateTooLarge) return out;
      throw error;
    }
    for (const value of values) {
      const target = identityNamed(value, template, resolver, type);
      if (target !== undefined && !out.some((r) => r.target === target && r.property === property))
        out.push({ target, property });
    }
  }
  return out;
}
