import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ESLint, Linter, Rule } from 'eslint';
import type * as Sarif from 'sarif';
import plugin from 'eslint-plugin-online-identifiers';
import { factsOf, fingerprintsOf, FINGERPRINT_KEY, isFinding } from './findings';
import { VERSION } from './version';

const INFORMATION_URI = 'https://github.com/online-identifiers/online-identifiers';
const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** The base every relative URI in the log hangs from: the directory the scan ran in. */
export const SOURCE_ROOT = '%SRCROOT%';

/** What the SARIF log is built from: the scan's results, its rules' metadata and its directory. */
export interface SarifInput {
  readonly results: readonly ESLint.LintResult[];
  readonly rulesMeta: Readonly<Record<string, Rule.RuleMetaData>>;
  readonly cwd: string;
}

/**
 * A SARIF 2.1.0 log (OASIS standard, errata 01) for code scanning, written
 * against the SARIF types rather than through an ESLint formatter.
 *
 * - One result per finding, suppressed ones included with their suppression
 *   (`inSource` for disable comments, `external` for the baseline), carrying
 *   `properties.kind`, `properties.destination` (`log`, `access log`,
 *   `metric`, `log retention` or the third party's name),
 *   `properties.destinationFamily` and `partialFingerprints`
 *   (`onlineIdentifiers/v1`, see `fingerprintsOf`).
 * - One rule per rule that reported, with its doc link and help text read
 *   from the plugin's `docs/rules/<rule>.md`.
 * - Files that could not be parsed become error notifications of the
 *   invocation, located like the results.
 * - Every URI is relative to `cwd` under `%SRCROOT%`, which
 *   `originalUriBaseIds` maps to `cwd`: code scanning matches alerts to
 *   repository files by relative path. Files outside `cwd` keep an absolute
 *   `file:` URI.
 *
 * @returns the log as an object; the caller serialises it
 */
export function buildSarifLog(input: SarifInput): Sarif.Log {
  const rootUri = pathToFileURL(input.cwd.endsWith(path.sep) ? input.cwd : `${input.cwd}${path.sep}`).href;
  const artifacts: Sarif.Artifact[] = [];
  const artifactIndex = new Map<string, number>();
  const rules: Sarif.ReportingDescriptor[] = [];
  const ruleIndex = new Map<string, number>();
  const results: Sarif.Result[] = [];
  const notifications: Sarif.Notification[] = [];

  function artifactLocation(filePath: string): Sarif.ArtifactLocation {
    const uri = pathToFileURL(filePath).href;
    const location: Sarif.ArtifactLocation = uri.startsWith(rootUri) ? { uri: uri.slice(rootUri.length), uriBaseId: SOURCE_ROOT } : { uri };
    let index = artifactIndex.get(filePath);
    if (index === undefined) {
      index = artifacts.push({ location: { ...location } }) - 1;
      artifactIndex.set(filePath, index);
    }
    return { ...location, index };
  }

  function ruleRef(ruleId: string): number {
    let index = ruleIndex.get(ruleId);
    if (index === undefined) {
      index = rules.push(ruleDescriptor(ruleId, input.rulesMeta[ruleId] ?? pluginRuleMeta(ruleId))) - 1;
      ruleIndex.set(ruleId, index);
    }
    return index;
  }

  for (const result of input.results) {
    const fingerprints = fingerprintsOf(result, input.cwd);
    for (const message of result.messages) {
      if (!isFinding(message)) {
        notifications.push({
          level: 'error',
          message: { text: message.message },
          locations: [{ physicalLocation: { artifactLocation: artifactLocation(result.filePath), region: regionOf(message) } }],
        });
        continue;
      }
      results.push(sarifResult(message, ruleRef(message.ruleId ?? ''), fingerprints.get(message), artifactLocation(result.filePath)));
    }
    for (const message of result.suppressedMessages.filter(isFinding)) {
      const sarif = sarifResult(message, ruleRef(message.ruleId ?? ''), fingerprints.get(message), artifactLocation(result.filePath));
      sarif.suppressions = (message.suppressions ?? []).map((suppression) =>
        suppression.kind === 'directive'
          ? { kind: 'inSource', ...(suppression.justification ? { justification: suppression.justification } : {}) }
          : { kind: 'external', justification: suppression.justification || 'recorded in the baseline' },
      );
      results.push(sarif);
    }
  }

  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'online-identifiers', version: VERSION, informationUri: INFORMATION_URI, rules } },
        // The tool ran to its end; files it could not parse are error notifications.
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: rootUri } },
        artifacts,
        results,
        // ESLint counts columns in UTF-16 code units.
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}

function sarifResult(message: Linter.LintMessage, ruleIndex: number, fingerprint: string | undefined, location: Sarif.ArtifactLocation): Sarif.Result {
  const facts = factsOf(message);
  const properties: Sarif.PropertyBag = {};
  if (facts.kind) properties['kind'] = facts.kind;
  if (facts.destination) properties['destination'] = facts.destination;
  if (facts.destinationFamily) properties['destinationFamily'] = facts.destinationFamily;
  return {
    ruleId: message.ruleId ?? undefined,
    ruleIndex,
    level: message.severity === 2 ? 'error' : 'warning',
    message: { text: message.message },
    locations: [{ physicalLocation: { artifactLocation: location, region: regionOf(message) } }],
    ...(fingerprint ? { partialFingerprints: { [FINGERPRINT_KEY]: fingerprint } } : {}),
    properties,
  };
}

/** ESLint's 1-based lines and columns, end exclusive, are SARIF's too. */
function regionOf(message: Linter.LintMessage): Sarif.Region {
  return {
    startLine: Math.max(1, message.line || 1),
    startColumn: Math.max(1, message.column || 1),
    ...(message.endLine ? { endLine: message.endLine } : {}),
    ...(message.endColumn ? { endColumn: message.endColumn } : {}),
  };
}

/** Metadata of a rule of the plugin that did not report in this scan (e.g. in hand-made results). */
function pluginRuleMeta(ruleId: string): Rule.RuleMetaData | undefined {
  const rules = (plugin as { rules?: Record<string, { meta?: unknown }> }).rules ?? {};
  return rules[ruleId.replace(/^online-identifiers\//, '')]?.meta as Rule.RuleMetaData | undefined;
}

function ruleDescriptor(ruleId: string, meta: Rule.RuleMetaData | undefined): Sarif.ReportingDescriptor {
  const description = meta?.docs?.description;
  const helpUri = meta?.docs?.url;
  const doc = ruleDoc(ruleId, helpUri);
  const descriptor: Sarif.ReportingDescriptor = { id: ruleId };
  if (description) descriptor.shortDescription = { text: description };
  if (doc) descriptor.fullDescription = { text: doc.summary };
  if (helpUri) descriptor.helpUri = helpUri;
  if (doc) descriptor.help = { text: doc.text, markdown: doc.markdown };
  else if (description) descriptor.help = { text: helpUri ? `${description}. See ${helpUri}` : description };
  descriptor.properties = { tags: ['privacy', 'online-identifiers'], ...(meta?.type ? { problemType: meta.type } : {}) };
  return descriptor;
}

const HEADER_END = '<!-- end auto-generated rule header -->';

export interface RuleDoc {
  /** The doc's body in Markdown, relative links made absolute against the doc's URL. */
  readonly markdown: string;
  /** The same as plain text (Markdown marks removed), which SARIF requires beside Markdown. */
  readonly text: string;
  /** The first paragraph as plain text: why the rule exists. */
  readonly summary: string;
}

/**
 * The help text of a rule, from `docs/rules/<rule>.md` in the plugin
 * package (after eslint-doc-generator's header).
 *
 * @param ruleId `online-identifiers/<rule>`
 * @param docUrl the rule's doc URL, against which relative links are resolved
 * @returns undefined when the plugin ships no doc for the rule (or it cannot be read): the caller falls back to the description
 */
export function ruleDoc(ruleId: string, docUrl: string | undefined): RuleDoc | undefined {
  const name = ruleId.replace(/^online-identifiers\//, '');
  let source: string;
  try {
    const root = path.dirname(require.resolve('eslint-plugin-online-identifiers/package.json'));
    source = fs.readFileSync(path.join(root, 'docs', 'rules', `${name}.md`), 'utf8');
  } catch {
    return undefined;
  }
  const headerEnd = source.indexOf(HEADER_END);
  const body = (headerEnd === -1 ? source : source.slice(headerEnd + HEADER_END.length)).trim();
  if (body === '') return undefined;
  const markdown = docUrl ? body.replace(/\]\((?![a-z][a-z0-9+.-]*:|#)([^)\s]+)\)/gi, (_, link: string) => `](${new URL(link, docUrl).href})`) : body;
  const text = plainText(markdown);
  const summary = plainText(markdown.split(/\n\s*\n/).find((paragraph) => !/^\s*(#|```|\||<)/.test(paragraph)) ?? body);
  return { markdown, text, summary };
}

/** Markdown to readable text: links keep their text and target, emphasis and code marks go. */
function plainText(markdown: string): string {
  return markdown
    .replace(/^```.*\n?/gm, '')
    .replace(/!?\[([^\]]*)\]\(([^)\s]+)\)/g, '$1 ($2)')
    .replace(/`+/g, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/^#{1,6}\s+/gm, '')
    .trim();
}
