import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { formatInventory } from './inventory';
import { KIND_ORDER, KINDS, kindOfMessage, type Kind } from './kinds';
import type { ScanResult } from './scan';
import { VERSION } from './version';

export const FORMATS = ['stylish', 'json', 'sarif', 'inventory'] as const;
export type Format = (typeof FORMATS)[number];

export function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

export interface FormatOptions {
  /** Colors for stylish: undefined lets ESLint decide from stdout; false for files. */
  readonly color?: boolean;
}

export async function formatResults(scanResult: ScanResult, format: Format, options: FormatOptions = {}): Promise<string> {
  switch (format) {
    case 'stylish':
    case 'json': {
      const formatter = await new ESLint({ cwd: scanResult.cwd, overrideConfigFile: true }).loadFormatter(format);
      const meta = { cwd: scanResult.cwd, rulesMeta: scanResult.rulesMeta, ...(options.color === undefined ? {} : { color: options.color }) };
      return formatter.format(scanResult.results, meta);
    }
    case 'sarif':
      return formatSarifLog(scanResult);
    case 'inventory':
      return formatInventory(scanResult);
  }
}

/** @microsoft/eslint-formatter-sarif ships no types: it is an ESLint formatter function. */
type SarifFormatter = (results: ESLint.LintResult[], data: { rulesMeta: ScanResult['rulesMeta'] }) => string;
/** Loaded on first use: the language server imports this package and never needs SARIF. */
function loadSarifFormatter(): SarifFormatter {
  return createRequire(__filename)('@microsoft/eslint-formatter-sarif') as SarifFormatter;
}

const INFORMATION_URI = 'https://github.com/online-identifiers/online-identifiers';

interface SarifArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

interface SarifLog {
  runs: {
    tool: { driver: { name: string; version?: string; informationUri?: string } };
    originalUriBaseIds?: Record<string, { uri: string }>;
    artifacts?: { location: SarifArtifactLocation }[];
    results?: { locations?: { physicalLocation?: { artifactLocation?: SarifArtifactLocation } }[] }[];
  }[];
}

const SOURCE_ROOT = '%SRCROOT%';

/**
 * SARIF 2.1.0 from Microsoft's ESLint formatter, with the driver named after
 * this tool (code-scanning dashboards show where alerts come from) and file
 * URIs made relative to the scan's directory under `%SRCROOT%`: code scanning
 * maps alerts to repository files by relative URI, and the log stays
 * meaningful on another machine. Files outside that directory keep their
 * absolute `file:` URI.
 */
function formatSarifLog(scanResult: ScanResult): string {
  const log = JSON.parse(loadSarifFormatter()(scanResult.results, { rulesMeta: scanResult.rulesMeta })) as SarifLog;
  const rootUri = pathToFileURL(scanResult.cwd.endsWith(path.sep) ? scanResult.cwd : `${scanResult.cwd}${path.sep}`).href;
  const relativize = (location: SarifArtifactLocation | undefined) => {
    if (!location?.uri.startsWith(rootUri)) return;
    location.uri = location.uri.slice(rootUri.length);
    location.uriBaseId = SOURCE_ROOT;
  };
  for (const run of log.runs) {
    run.tool.driver.name = 'online-identifiers';
    run.tool.driver.version = VERSION;
    run.tool.driver.informationUri = INFORMATION_URI;
    run.originalUriBaseIds = { [SOURCE_ROOT]: { uri: rootUri } };
    for (const artifact of run.artifacts ?? []) relativize(artifact.location);
    for (const result of run.results ?? []) {
      for (const location of result.locations ?? []) relativize(location.physicalLocation?.artifactLocation);
    }
  }
  return JSON.stringify(log, null, 2);
}

/** Findings per kind, in catalog order; `undefined` collects messages naming no known kind. */
export function countByKind(scanResult: ScanResult): Map<Kind | undefined, number> {
  const counts = new Map<Kind | undefined, number>();
  for (const result of scanResult.results) {
    for (const message of result.messages) {
      if (message.fatal) continue;
      const kind = kindOfMessage(message.message);
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
  }
  return new Map([...counts].sort(([a], [b]) => kindRank(a) - kindRank(b)));
}

function kindRank(kind: Kind | undefined): number {
  return kind === undefined ? KIND_ORDER.length : KIND_ORDER.indexOf(kind);
}

/** "2 IP addresses", "2 session ids", but "2 device metadata". */
function countable(label: string, count: number): string {
  if (count === 1 || label === 'other' || label.endsWith('metadata')) return label;
  return label.endsWith('s') ? `${label}es` : `${label}s`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** One line for a terminal: what was scanned and what was found, by kind. */
export function summaryLine(scanResult: ScanResult): string {
  const scanned = scanResult.results.length;
  const parts = [`${plural(scanned, 'file')} scanned`];
  if (scanResult.findingCount === 0) {
    parts.push('no findings');
  } else {
    const byKind = [...countByKind(scanResult)].map(([kind, count]) => `${count} ${countable(kind ? KINDS[kind].label : 'other', count)}`);
    const files = scanResult.results.filter((result) => result.messages.some((message) => !message.fatal)).length;
    parts.push(`${plural(scanResult.findingCount, 'finding')} in ${plural(files, 'file')} (${byKind.join(', ')})`);
  }
  if (scanResult.failedFileCount > 0) parts.push(`${plural(scanResult.failedFileCount, 'file')} could not be parsed`);
  if (scanResult.skipped.length > 0) parts.push(`${plural(scanResult.skipped.length, 'file')} skipped`);
  return `online-identifiers: ${parts.join(', ')}`;
}

/** Notes about what was not scanned, one line each. */
export function skipNotes(scanResult: ScanResult): string[] {
  return [
    ...scanResult.skipped.map((skip) => `online-identifiers: skipped ${relative(scanResult.cwd, skip.filePath)}: ${skip.reason}`),
    ...scanResult.notLintable.map((given) => `online-identifiers: skipped ${given}: not a JavaScript or TypeScript file`),
  ];
}

export function relative(cwd: string, filePath: string): string {
  const rel = path.relative(cwd, filePath);
  return (rel === '' || rel.startsWith('..') ? filePath : rel).split(path.sep).join('/');
}
