import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ESLint, Linter, Rule } from 'eslint';
import ignore from 'ignore';
import { collectFiles, type CollectedFiles } from './collect-files';
import { PLUGIN_PREFIX, type BuiltinConfigOptions } from './config';
import { createEngine, TREATMENTS_RULE_ID, type Concurrency, type EngineSettings } from './engine-options';
import { filesChangedSince } from './git';
import { treatmentFromMessage, type Treatment } from 'eslint-plugin-online-identifiers/inventory';

/**
 * Test, spec and story code, in .gitignore syntax: skipped by the scan unless
 * `includeTests`. Its identifiers are fixtures (`faker.internet.email()`, a
 * demo API key in a Storybook story) and its output goes to a test runner,
 * not a production log, so in a privacy inventory it is noise. A file named
 * on the command line is scanned anyway; ESLint users choose with their own
 * `ignores`.
 */
export const TEST_CODE_PATTERNS: readonly string[] = [
  '*.test.*',
  '*.spec.*',
  '*.e2e.*',
  '*.stories.*',
  '*.story.*',
  '__tests__/',
  '__mocks__/',
  'test/',
  'tests/',
  'spec/',
  'e2e/',
  'fixtures/',
  'cypress/',
];

/** Files above this size are skipped: generated bundles, not code anyone reviews. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Where `cache: true` keeps ESLint's cache, relative to `cwd`; its own file, so it never thrashes the project's `.eslintcache`. */
export const DEFAULT_CACHE_LOCATION = '.online-identifiers-cache';

export type { Concurrency } from './engine-options';

export interface ScanOptions extends BuiltinConfigOptions {
  /** Files and directories to scan; the current directory when empty. */
  readonly paths?: readonly string[];
  /** Base for relative paths; `process.cwd()` by default. */
  readonly cwd?: string;
  /** Extra patterns to skip, in .gitignore syntax, relative to `cwd`. */
  readonly ignore?: readonly string[];
  /** Also scan test, spec and story code (skipped by default: see TEST_CODE_PATTERNS). */
  readonly includeTests?: boolean;
  /** Also collect the calls to the redact runtime, for the inventory. */
  readonly treatments?: boolean;
  /** ESLint's worker threads: a count, `auto`, or `off` (the default). */
  readonly concurrency?: Concurrency;
  /** Keep results in ESLint's cache and reuse them for unchanged files (by size and modification time). */
  readonly cache?: boolean;
  /** The cache file, relative to `cwd`; `.online-identifiers-cache` by default. */
  readonly cacheLocation?: string;
  /**
   * Scan only the files changed since this git ref (from the point where
   * HEAD left it, plus uncommitted and untracked files); the pull-request view.
   */
  readonly changedSince?: string;
  /**
   * Called as files finish, e.g. to draw a progress line. Files are linted in
   * batches when this is given (ESLint reports nothing per file), so calls
   * come once per batch; `filePath` is the batch's last file.
   */
  readonly onProgress?: (done: number, total: number, filePath: string) => void;
}

export interface SkippedFile {
  readonly filePath: string;
  readonly reason: string;
}

export interface ScanResult {
  /** One ESLint result per scanned file, holding only this plugin's findings and parse errors. */
  readonly results: ESLint.LintResult[];
  /** Metadata of the rules that reported, for formatters. */
  readonly rulesMeta: Record<string, Rule.RuleMetaData>;
  /** The directory paths in reports are relative to. */
  readonly cwd: string;
  /** Files too large, binary, or templates rather than JavaScript. */
  readonly skipped: SkippedFile[];
  /** Paths the user named that are not JavaScript or TypeScript. */
  readonly notLintable: string[];
  /** node_modules folders not entered because git does not track them (absolute); see `collectFiles`. */
  readonly skippedNodeModules: string[];
  /** Findings (messages from this plugin's rules). */
  readonly findingCount: number;
  /** Files that could not be parsed, or that the scan could not finish. */
  readonly failedFileCount: number;
  /** Calls to the redact runtime, when `treatments` was asked for; otherwise empty. */
  readonly treatments: Treatment[];
}

/**
 * collectFiles, skipping test code unless asked. Test patterns are matched
 * below each path the user named (so `scan ../app` works from anywhere), and
 * a named path that is itself test code (`scan test/`, `scan src/a.test.ts`)
 * is scanned whole.
 */
function collectWithoutTests(paths: readonly string[], cwd: string, options: ScanOptions): CollectedFiles {
  const collected = collectFiles(paths, { cwd, extraIgnores: options.ignore ?? [] });
  if (options.includeTests) return collected;
  const testCode = ignore().add([...TEST_CODE_PATTERNS]);
  // Longest first, so a file is judged below the deepest named path that holds it.
  const roots = paths.map((named) => path.resolve(cwd, named)).sort((a, b) => b.length - a.length);
  const isTestCode = (file: string): boolean => {
    const root = roots.find((candidate) => file === candidate || file.startsWith(candidate + path.sep));
    if (root === undefined || root === file) return false; // a file named on the command line
    return testCode.ignores(path.relative(root, file).split(path.sep).join('/'));
  };
  return { ...collected, files: collected.files.filter((file) => !isTestCode(file)) };
}

/**
 * Scans files with the plugin's recommended rules and the built-in config,
 * never the project's own ESLint config, through ESLint's `lintFiles` (so its
 * cache and worker threads apply). Bad files give per-file errors in the
 * results, never an exception.
 *
 * @throws MissingPathError for a path that does not exist; GitError when
 *   `changedSince` cannot be answered (not a repository, unknown ref);
 *   ESLint's own errors for invalid `concurrency` or `cacheLocation`.
 */
export async function scan(options: ScanOptions = {}): Promise<ScanResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const paths = options.paths && options.paths.length > 0 ? options.paths : ['.'];
  const collected = collectWithoutTests(paths, cwd, options);
  let files = collected.files;
  if (options.changedSince !== undefined) {
    const changed = filesChangedSince(cwd, options.changedSince);
    // git reports paths with symlinks resolved (a temp dir on macOS, a linked checkout).
    files = files.filter((file) => changed.has(realPath(file)));
  }
  const linter = await FileLinter.create(configRoot(cwd, files), cwd, options);

  const skipped: SkippedFile[] = [];
  const toLint: string[] = [];
  const earlyResults = new Map<string, ESLint.LintResult>();
  for (const filePath of files) {
    const verdict = precheck(filePath);
    if (verdict === undefined) toLint.push(filePath);
    else if ('reason' in verdict) skipped.push(verdict);
    else earlyResults.set(filePath, verdict);
  }

  const outcomes = new Map<string, ESLint.LintResult | SkippedFile>(earlyResults);
  let done = earlyResults.size;
  for (const batch of batches(toLint, options)) {
    for (const [filePath, outcome] of await linter.lintBatch(batch)) outcomes.set(filePath, outcome);
    done += batch.length;
    options.onProgress?.(done, files.length - skipped.length, batch[batch.length - 1] ?? '');
  }

  const results: ESLint.LintResult[] = [];
  for (const filePath of files) {
    const outcome = outcomes.get(filePath);
    if (outcome === undefined) continue;
    if ('reason' in outcome) skipped.push(outcome);
    else results.push(outcome);
  }
  const order = new Map(files.map((filePath, index) => [filePath, index]));
  skipped.sort((a, b) => (order.get(a.filePath) ?? 0) - (order.get(b.filePath) ?? 0));

  const rulesMeta = linter.rulesMeta(results);
  let findingCount = 0;
  let failedFileCount = 0;
  for (const result of results) {
    findingCount += result.messages.filter((message) => !message.fatal).length;
    if (result.fatalErrorCount > 0) failedFileCount++;
  }
  return {
    results,
    rulesMeta,
    cwd,
    skipped,
    notLintable: collected.notLintable,
    skippedNodeModules: collected.skippedNodeModules,
    findingCount,
    failedFileCount,
    treatments: linter.treatments,
  };
}

function realPath(filePath: string): string {
  try {
    return fs.realpathSync.native(filePath);
  } catch {
    return filePath;
  }
}

/**
 * Without a progress callback, one `lintFiles` call (worker threads start
 * once). With one: a file at a time on a single thread; about 40 batches
 * with the cache (ESLint rewrites the cache file after every call); about 8
 * with worker threads (they start again for every call).
 */
function batches(files: readonly string[], options: ScanOptions): string[][] {
  if (files.length === 0) return [];
  let size = files.length;
  if (options.onProgress) {
    const threaded = options.concurrency !== undefined && options.concurrency !== 'off';
    const cached = options.cache === true || options.cacheLocation !== undefined;
    if (threaded) size = Math.max(400, Math.ceil(files.length / 8));
    else if (cached) size = Math.max(50, Math.ceil(files.length / 40));
    else size = 1;
  }
  const out: string[][] = [];
  for (let start = 0; start < files.length; start += size) out.push(files.slice(start, start + size));
  return out;
}

/** Bytes read to tell binary files from text, as git does (a NUL in the first 8000). */
const BINARY_PROBE_BYTES = 8000;

/**
 * Size and binary checks before ESLint reads the file: a skip, a failed
 * result for an unreadable file, or undefined to lint it.
 */
function precheck(filePath: string): SkippedFile | ESLint.LintResult | undefined {
  let descriptor: number | undefined;
  try {
    descriptor = fs.openSync(filePath, 'r');
    const size = fs.fstatSync(descriptor).size;
    if (size > MAX_FILE_BYTES) {
      return { filePath, reason: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB (${(size / 1024 / 1024).toFixed(1)} MB)` };
    }
    const probe = Buffer.alloc(Math.min(size, BINARY_PROBE_BYTES));
    const read = fs.readSync(descriptor, probe, 0, probe.length, 0);
    if (probe.subarray(0, read).includes(0)) return { filePath, reason: 'binary content' };
    return undefined;
  } catch (error) {
    return failedResult(filePath, `Could not read the file: ${errorText(error)}`);
  } finally {
    if (descriptor !== undefined) fs.closeSync(descriptor);
  }
}

/**
 * ESLint only lints files under its base path, so the base is the deepest
 * directory holding the current directory and every file.
 */
function configRoot(cwd: string, files: readonly string[]): string {
  let root = cwd;
  for (const file of files) {
    while (path.relative(root, file).startsWith('..')) {
      const parent = path.dirname(root);
      if (parent === root) break;
      root = parent;
    }
  }
  return root;
}

/** The options that belong to the scan; the rest of `ScanOptions` is the built-in config's. */
const SCAN_ONLY_OPTIONS = [
  'paths',
  'cwd',
  'ignore',
  'treatments',
  'concurrency',
  'cache',
  'cacheLocation',
  'changedSince',
  'onProgress',
] as const satisfies readonly (keyof ScanOptions)[];

/** The built-in config's options (severity, ruleOptions, ...), JSON values a worker thread can receive. */
function builtinOptions(options: ScanOptions): BuiltinConfigOptions {
  const copy: Record<string, unknown> = { ...options };
  for (const key of SCAN_ONLY_OPTIONS) delete copy[key];
  return copy;
}

/** EJS and similar templates: `<% … %>` tags, which no JavaScript parser reads. */
const TEMPLATE_TAG = /<%[\s\S]*?%>/;

class FileLinter {
  readonly treatments: Treatment[] = [];
  private scriptFallback: ESLint | undefined;

  private constructor(
    private readonly settings: EngineSettings,
    private readonly primary: ESLint,
    private readonly options: ScanOptions,
  ) {}

  static async create(root: string, cwd: string, options: ScanOptions): Promise<FileLinter> {
    const settings: EngineSettings = {
      root,
      builtin: builtinOptions(options),
      treatments: options.treatments ?? false,
      javascriptSourceType: 'module',
      concurrency: options.concurrency ?? 'off',
      ...(options.cache || options.cacheLocation !== undefined
        ? { cacheLocation: path.resolve(cwd, options.cacheLocation ?? DEFAULT_CACHE_LOCATION) }
        : {}),
    };
    return new FileLinter(settings, await createEngine(settings), options);
  }

  /**
   * Lints files through ESLint's `lintFiles`. Should ESLint throw (a rule
   * that crashes takes the whole call down), the batch is linted again file
   * by file, so one bad file costs only itself.
   */
  async lintBatch(files: readonly string[]): Promise<Map<string, ESLint.LintResult | SkippedFile>> {
    const out = new Map<string, ESLint.LintResult | SkippedFile>();
    let results: ESLint.LintResult[] | undefined;
    try {
      results = await this.primary.lintFiles([...files]);
    } catch {
      results = undefined;
    }
    if (results) {
      const byPath = new Map(results.map((result) => [result.filePath, result]));
      for (const filePath of files) {
        const result = byPath.get(filePath);
        out.set(filePath, result ? await this.finish(filePath, result) : failedResult(filePath, 'ESLint returned no result for this file.'));
      }
      return out;
    }
    for (const filePath of files) out.set(filePath, await this.lintOne(filePath));
    return out;
  }

  rulesMeta(results: ESLint.LintResult[]): Record<string, Rule.RuleMetaData> {
    return this.primary.getRulesMetaForResults(results);
  }

  private async lintOne(filePath: string): Promise<ESLint.LintResult | SkippedFile> {
    const text = readText(filePath);
    if (typeof text !== 'string') return text;
    return this.finish(filePath, await this.lintText(this.primary, text, filePath));
  }

  /** Retries a .js file that is not a valid module as a script; names templates; keeps only our messages. */
  private async finish(filePath: string, first: ESLint.LintResult): Promise<ESLint.LintResult | SkippedFile> {
    let result = first;
    if (hasParseError(result)) {
      const text = readText(filePath);
      if (typeof text !== 'string') return text;
      if (/\.jsx?$/i.test(filePath)) {
        // Plain .js may be a sloppy-mode script (`with`, octal literals,
        // top-level return); parse it as CommonJS before giving up.
        this.scriptFallback ??= await createEngine({ ...this.settings, javascriptSourceType: 'commonjs', concurrency: 'off', cacheLocation: undefined });
        const retry = await this.lintText(this.scriptFallback, text, filePath);
        if (!hasParseError(retry)) result = retry;
      }
      if (hasParseError(result) && TEMPLATE_TAG.test(text)) {
        return { filePath, reason: 'a template (EJS-style <% … %> tags), not JavaScript' };
      }
    }
    return onlyOwnMessages(this.takeTreatments(result));
  }

  /** Moves the inventory rule's reports out of the findings. */
  private takeTreatments(result: ESLint.LintResult): ESLint.LintResult {
    if (!this.options.treatments || hasParseError(result)) return result;
    for (const message of result.messages) {
      if (message.ruleId !== TREATMENTS_RULE_ID) continue;
      const treatment = treatmentFromMessage(result.filePath, message.line, message.message);
      if (treatment) this.treatments.push(treatment);
    }
    return result;
  }

  private async lintText(engine: ESLint, text: string, filePath: string): Promise<ESLint.LintResult> {
    try {
      const [result] = await engine.lintText(text, { filePath, warnIgnored: false });
      return result ?? failedResult(filePath, 'ESLint returned no result for this file.');
    } catch (error) {
      // A rule that throws must cost one file, not the whole scan.
      return failedResult(filePath, `online-identifiers could not scan this file (please report it): ${errorText(error)}`);
    }
  }
}

function readText(filePath: string): string | ESLint.LintResult {
  try {
    return fs.readFileSync(filePath, 'utf8');
  } catch (error) {
    return failedResult(filePath, `Could not read the file: ${errorText(error)}`);
  }
}

function hasParseError(result: ESLint.LintResult): boolean {
  return result.messages.some((message) => message.fatal === true && !isEslintEnvNotice(message));
}

/**
 * ESLint 10 reports old `/* eslint-env *\/` comments as fatal although it
 * goes on linting the file: a note about the project's ESLint setup, not a
 * file that could not be checked.
 */
function isEslintEnvNotice(message: Linter.LintMessage): boolean {
  return message.fatal === true && message.ruleId === null && message.message.startsWith('/* eslint-env */');
}

function isOwnMessage(message: Linter.LintMessage): boolean {
  if (isEslintEnvNotice(message)) return false;
  return message.fatal === true || (message.ruleId?.startsWith(`${PLUGIN_PREFIX}/`) ?? false);
}

/**
 * Inline `/* eslint some-rule: … *\/` comments for rules that do not run here
 * produce ESLint errors that are not findings; keep only ours and parse errors.
 */
function onlyOwnMessages(result: ESLint.LintResult): ESLint.LintResult {
  const messages = result.messages.filter(isOwnMessage);
  const suppressedMessages = result.suppressedMessages.filter(isOwnMessage);
  const errors = messages.filter((message) => message.severity === 2);
  const warnings = messages.filter((message) => message.severity === 1);
  return {
    ...result,
    messages,
    suppressedMessages,
    errorCount: errors.length,
    warningCount: warnings.length,
    fatalErrorCount: messages.filter((message) => message.fatal === true).length,
    fixableErrorCount: errors.filter((message) => message.fix !== undefined).length,
    fixableWarningCount: warnings.filter((message) => message.fix !== undefined).length,
    ...(messages.length === 0 ? { source: undefined } : {}),
  };
}

function failedResult(filePath: string, message: string): ESLint.LintResult {
  return {
    filePath,
    messages: [{ ruleId: null, fatal: true, severity: 2, message, line: 1, column: 1 }],
    suppressedMessages: [],
    errorCount: 1,
    fatalErrorCount: 1,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
