import { ESLint } from 'eslint';
import { factsOf, fingerprintsOf, isFinding } from './findings';
import { formatInventory, formatInventoryJson } from './inventory';
import { KIND_ORDER, KINDS, kindOfMessage, type Kind } from './kinds';
import { relative } from './paths';
import { buildSarifLog } from './sarif';
import type { ScanResult } from './scan';

export { relative };

export const FORMATS = ['stylish', 'json', 'sarif', 'inventory', 'inventory-json'] as const;
export type Format = (typeof FORMATS)[number];

export function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

export interface FormatOptions {
  /** Colors for stylish: undefined lets ESLint decide from stdout; false for files. */
  readonly color?: boolean;
}

/**
 * The report in one format.
 *
 * - `stylish`: ESLint's terminal format, file paths relative to the scan's
 *   directory (absolute for files outside it).
 * - `json`: ESLint's JSON results (absolute paths, as ESLint writes them),
 *   each finding also carrying `kind`, `destination`, `destinationFamily`
 *   and `fingerprint` (see `factsOf` and `fingerprintsOf`).
 * - `sarif`: SARIF 2.1.0 (see `buildSarifLog`).
 * - `inventory`, `inventory-json`: the privacy inventory (see `buildInventory`).
 */
export async function formatResults(scanResult: ScanResult, format: Format, options: FormatOptions = {}): Promise<string> {
  switch (format) {
    case 'stylish':
    case 'json': {
      const formatter = await new ESLint({ cwd: scanResult.cwd, overrideConfigFile: true }).loadFormatter(format);
      const meta = { cwd: scanResult.cwd, rulesMeta: scanResult.rulesMeta, ...(options.color === undefined ? {} : { color: options.color }) };
      const results = format === 'stylish' ? withRelativePaths(scanResult) : withFacts(scanResult);
      return formatter.format(results, meta);
    }
    case 'sarif':
      return JSON.stringify(buildSarifLog(scanResult), null, 2);
    case 'inventory':
      return formatInventory(scanResult);
    case 'inventory-json':
      return formatInventoryJson(scanResult);
  }
}

/** The README shows paths as the user typed them, relative to where they stand. */
function withRelativePaths(scanResult: ScanResult): ESLint.LintResult[] {
  return scanResult.results.map((result) => ({ ...result, filePath: relative(scanResult.cwd, result.filePath) }));
}

/** Kind, destination and fingerprint on every finding, reported or suppressed, so tools can filter without parsing messages. */
function withFacts(scanResult: ScanResult): ESLint.LintResult[] {
  return scanResult.results.map((result) => {
    const fingerprints = fingerprintsOf(result, scanResult.cwd);
    const annotate = <M extends ESLint.LintResult['messages'][number]>(message: M): M => {
      if (!isFinding(message)) return message;
      const facts = factsOf(message);
      return {
        ...message,
        ...(facts.kind ? { kind: facts.kind } : {}),
        ...(facts.destination ? { destination: facts.destination, destinationFamily: facts.destinationFamily } : {}),
        fingerprint: fingerprints.get(message),
      };
    };
    return { ...result, messages: result.messages.map(annotate), suppressedMessages: result.suppressedMessages.map(annotate) };
  });
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
