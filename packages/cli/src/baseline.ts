import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ESLint, Linter } from 'eslint';
import { fingerprintsOf, isFinding } from './findings';
import { relative } from './paths';

/**
 * A baseline file, in the shape of ESLint's bulk-suppressions file
 * (`eslint-suppressions.json`): file path relative to the scan's directory →
 * rule id → `{ count }`. The scan adds `fingerprints`, which ESLint ignores,
 * so one file serves both: ESLint (`--suppressions-location`) reads the
 * counts, the scan matches findings one by one. A file written by
 * `eslint --suppress-all` (counts only) is read with ESLint's own rule: a
 * file's findings of a rule are all suppressed while there are no more of
 * them than the count.
 */
export type Baseline = Record<string, Record<string, BaselineEntry>>;

export interface BaselineEntry {
  /** Findings of this rule in this file when the baseline was recorded (ESLint's field). */
  count: number;
  /** Their fingerprints (see `fingerprintsOf`), sorted; absent in files ESLint wrote. */
  fingerprints?: string[];
}

/** A baseline file that is not one: exit code 2, message on stderr. */
export class BaselineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BaselineError';
  }
}

/**
 * Reads a baseline file.
 *
 * @param file absolute path
 * @returns the baseline, or undefined when the file does not exist
 * @throws BaselineError when the file cannot be read or is not a baseline (not JSON, or the wrong shape)
 */
export function readBaseline(file: string): Baseline | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new BaselineError(`cannot read the baseline: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`the baseline is not JSON: ${(error as Error).message}`);
  }
  if (!isRecord(data)) throw new BaselineError('the baseline must be an object of files');
  for (const [file, rules] of Object.entries(data)) {
    if (!isRecord(rules)) throw new BaselineError(`the baseline entry for ${file} must be an object of rules`);
    for (const [rule, entry] of Object.entries(rules)) {
      const valid =
        isRecord(entry) &&
        Number.isInteger(entry['count']) &&
        (entry['count'] as number) >= 0 &&
        (entry['fingerprints'] === undefined || (Array.isArray(entry['fingerprints']) && entry['fingerprints'].every((item) => typeof item === 'string')));
      if (!valid) throw new BaselineError(`the baseline entry for ${rule} in ${file} must be { "count": <number>, "fingerprints"?: [<string>…] }`);
    }
  }
  return data as Baseline;
}

/**
 * Writes a baseline with sorted keys and a final newline, so it diffs
 * cleanly in review. Directories are created.
 *
 * @throws the file system's error when the file cannot be written
 */
export function writeBaseline(file: string, baseline: Baseline): void {
  const sorted: Baseline = {};
  for (const name of Object.keys(baseline).sort()) {
    const rules: Record<string, BaselineEntry> = {};
    for (const rule of Object.keys(baseline[name] ?? {}).sort()) {
      const entry = baseline[name]?.[rule];
      if (entry) rules[rule] = entry.fingerprints ? { count: entry.count, fingerprints: [...entry.fingerprints].sort() } : { count: entry.count };
    }
    sorted[name] = rules;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(sorted, null, 2)}\n`);
}

/**
 * The baseline of today's findings: every error-severity finding (ESLint's
 * suppressions count errors only) by file and rule, with fingerprints.
 *
 * @param results the scan's results, before any baseline was applied
 * @param cwd the directory the file paths are made relative to
 */
export function recordBaseline(results: readonly ESLint.LintResult[], cwd: string): Baseline {
  const baseline: Baseline = {};
  for (const result of results) {
    const fingerprints = fingerprintsOf(result, cwd);
    for (const message of result.messages) {
      if (!isFinding(message) || message.severity !== 2 || !message.ruleId) continue;
      const rules = (baseline[relative(cwd, result.filePath)] ??= {});
      const entry = (rules[message.ruleId] ??= { count: 0, fingerprints: [] });
      entry.count++;
      entry.fingerprints?.push(fingerprints.get(message) ?? '');
    }
  }
  return baseline;
}

export interface BaselineOutcome {
  /** The results with baselined findings moved to `suppressedMessages` (new objects; the input is not changed). */
  readonly results: ESLint.LintResult[];
  /** Findings the baseline held back. */
  readonly baselinedCount: number;
  /** Entries that no longer occur: the findings were fixed (or their files are gone). */
  readonly prunable: Baseline;
  /** How many findings `prunable` stands for. */
  readonly prunableCount: number;
}

/**
 * Holds back the findings a baseline records. With fingerprints a finding is
 * held back when its fingerprint is recorded (each recorded one holds back
 * one finding); with a count only (a file from `eslint --suppress-all`),
 * ESLint's rule applies. Entries for files that were not scanned this time
 * are left alone unless the file no longer exists.
 *
 * @param results the scan's results
 * @param baseline as read by `readBaseline`
 * @param cwd the directory the baseline's paths are relative to
 */
export function applyBaseline(results: readonly ESLint.LintResult[], baseline: Baseline, cwd: string): BaselineOutcome {
  const prunable: Baseline = {};
  let baselinedCount = 0;
  const scanned = new Set<string>();
  const out = results.map((result) => {
    const file = relative(cwd, result.filePath);
    scanned.add(file);
    const rules = baseline[file];
    if (!rules) return result;
    const fingerprints = fingerprintsOf(result, cwd);
    const heldBack = new Set<Linter.LintMessage>();
    for (const [ruleId, entry] of Object.entries(rules)) {
      const findings = result.messages.filter((message) => isFinding(message) && message.severity === 2 && message.ruleId === ruleId);
      const unused = entry.fingerprints ? matchFingerprints(findings, fingerprints, entry.fingerprints, heldBack) : matchCount(findings, entry.count, heldBack);
      if (unused.count > 0) (prunable[file] ??= {})[ruleId] = unused;
    }
    baselinedCount += heldBack.size;
    return heldBack.size === 0 ? result : holdBack(result, heldBack);
  });
  for (const [file, rules] of Object.entries(baseline)) {
    if (scanned.has(file) || fs.existsSync(path.resolve(cwd, file))) continue;
    prunable[file] = rules;
  }
  return { results: out, baselinedCount, prunable, prunableCount: countOf(prunable) };
}

function matchFingerprints(
  findings: readonly Linter.LintMessage[],
  fingerprints: ReadonlyMap<Linter.LintMessage, string>,
  recorded: readonly string[],
  heldBack: Set<Linter.LintMessage>,
): BaselineEntry {
  const left = [...recorded];
  for (const finding of findings) {
    const at = left.indexOf(fingerprints.get(finding) ?? '');
    if (at === -1) continue;
    left.splice(at, 1);
    heldBack.add(finding);
  }
  return { count: left.length, fingerprints: left };
}

/** ESLint's rule for count-only entries: all held back while there are no more than recorded. */
function matchCount(findings: readonly Linter.LintMessage[], count: number, heldBack: Set<Linter.LintMessage>): BaselineEntry {
  if (findings.length > count) return { count: 0 };
  for (const finding of findings) heldBack.add(finding);
  return { count: count - findings.length };
}

function holdBack(result: ESLint.LintResult, heldBack: ReadonlySet<Linter.LintMessage>): ESLint.LintResult {
  const messages = result.messages.filter((message) => !heldBack.has(message));
  const suppressed = result.messages
    .filter((message) => heldBack.has(message))
    .map((message) => ({ ...message, suppressions: [{ kind: 'file', justification: 'recorded in the baseline' }] }));
  const errors = messages.filter((message) => message.severity === 2);
  const warnings = messages.filter((message) => message.severity === 1);
  return {
    ...result,
    messages,
    suppressedMessages: [...result.suppressedMessages, ...suppressed],
    errorCount: errors.length,
    warningCount: warnings.length,
    fatalErrorCount: messages.filter((message) => message.fatal === true).length,
    fixableErrorCount: errors.filter((message) => message.fix !== undefined).length,
    fixableWarningCount: warnings.filter((message) => message.fix !== undefined).length,
  };
}

/**
 * The baseline without what no longer occurs (ESLint's `--prune-suppressions`).
 *
 * @param baseline the recorded baseline
 * @param prunable `applyBaseline`'s `prunable`
 */
export function pruneBaseline(baseline: Baseline, prunable: Baseline): Baseline {
  const pruned: Baseline = {};
  for (const [file, rules] of Object.entries(baseline)) {
    for (const [ruleId, entry] of Object.entries(rules)) {
      const gone = prunable[file]?.[ruleId];
      const count = entry.count - (gone?.count ?? 0);
      if (count <= 0) continue;
      const fingerprints = entry.fingerprints ? without(entry.fingerprints, gone?.fingerprints ?? []) : undefined;
      (pruned[file] ??= {})[ruleId] = fingerprints ? { count, fingerprints } : { count };
    }
  }
  return pruned;
}

/** `items` less one occurrence of each of `removed`. */
function without(items: readonly string[], removed: readonly string[]): string[] {
  const left = [...items];
  for (const item of removed) {
    const at = left.indexOf(item);
    if (at !== -1) left.splice(at, 1);
  }
  return left;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What `--baseline FILE` does: apply it (recording it first when missing), record it anew, or prune it. */
export interface BaselineRequest {
  /** As the user gave it, resolved against `cwd`. */
  readonly file: string;
  readonly mode: 'apply' | 'update' | 'prune';
}

/** The scan's results with the baseline applied, and what to tell the user (one line each). */
export interface BaselineUse<T> {
  readonly scanResult: T;
  readonly notes: string[];
}

/**
 * Runs `--baseline FILE` (with `--update-baseline` or `--prune-baseline`)
 * over a scan's results, reading and writing the file.
 *
 * @param scanResult the scan's results and directory; `findingCount` is recounted after the baseline
 * @throws BaselineError for a file that cannot be read, parsed or written, or pruning a file that does not exist
 */
export function useBaseline<T extends { readonly results: ESLint.LintResult[]; readonly cwd: string; readonly findingCount: number }>(
  scanResult: T,
  request: BaselineRequest,
): BaselineUse<T> {
  const file = path.resolve(scanResult.cwd, request.file);
  const notes: string[] = [];
  let baseline = request.mode === 'update' ? undefined : readBaseline(file);
  if (baseline === undefined) {
    if (request.mode === 'prune') throw new BaselineError(`there is no baseline ${request.file} to prune: run with --baseline ${request.file} to record one`);
    baseline = recordBaseline(scanResult.results, scanResult.cwd);
    save(file, request.file, baseline);
    const recorded = countOf(baseline);
    notes.push(`online-identifiers: recorded ${recorded} finding${recorded === 1 ? '' : 's'} in ${request.file}; later runs with --baseline fail only on new ones`);
  }
  const outcome = applyBaseline(scanResult.results, baseline, scanResult.cwd);
  if (request.mode === 'prune') {
    save(file, request.file, pruneBaseline(baseline, outcome.prunable));
    notes.push(`online-identifiers: removed ${outcome.prunableCount} finding${outcome.prunableCount === 1 ? '' : 's'} that no longer occur from ${request.file}`);
  } else if (outcome.prunableCount > 0) {
    notes.push(
      `online-identifiers: ${outcome.prunableCount} finding${outcome.prunableCount === 1 ? '' : 's'} in ${request.file} no longer occur${outcome.prunableCount === 1 ? 's' : ''} ` +
        `(fixed): run with --prune-baseline to remove ${outcome.prunableCount === 1 ? 'it' : 'them'}`,
    );
  }
  if (outcome.baselinedCount > 0) notes.push(`online-identifiers: ${outcome.baselinedCount} finding${outcome.baselinedCount === 1 ? '' : 's'} held back by ${request.file}`);
  const findingCount = outcome.results.reduce((sum, result) => sum + result.messages.filter(isFinding).length, 0);
  return { scanResult: { ...scanResult, results: outcome.results, findingCount }, notes };
}

function save(file: string, given: string, baseline: Baseline): void {
  try {
    writeBaseline(file, baseline);
  } catch (error) {
    throw new BaselineError(`cannot write the baseline ${given}: ${(error as Error).message}`);
  }
}

function countOf(baseline: Baseline): number {
  let count = 0;
  for (const rules of Object.values(baseline)) for (const entry of Object.values(rules)) count += entry.count;
  return count;
}
