import * as fs from 'node:fs';
import * as path from 'node:path';
import { ESLint, type Linter, type Rule } from 'eslint';
import { collectFiles } from './collect-files';
import { createBuiltinConfig, LINTABLE_EXTENSIONS, PLUGIN_PREFIX, type BuiltinConfigOptions } from './config';
import { treatmentFromMessage, treatmentsRule, type Treatment } from 'eslint-plugin-online-identifiers/inventory';

/**
 * The plugin's treatments rule runs under a private plugin name, so its
 * reports never look like findings (those start with `online-identifiers/`).
 */
const INVENTORY_PLUGIN = 'online-identifiers-inventory';
const TREATMENTS_RULE_ID = `${INVENTORY_PLUGIN}/treatments`;

/** Files above this size are skipped: generated bundles, not code anyone reviews. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export interface ScanOptions extends BuiltinConfigOptions {
  /** Files and directories to scan; the current directory when empty. */
  readonly paths?: readonly string[];
  /** Base for relative paths; `process.cwd()` by default. */
  readonly cwd?: string;
  /** Extra patterns to skip, in .gitignore syntax, relative to `cwd`. */
  readonly ignore?: readonly string[];
  /** Also collect the calls to the redact runtime, for the inventory. */
  readonly treatments?: boolean;
  /** Called after each file, e.g. to draw a progress counter. */
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
  /** Files too large or binary to scan. */
  readonly skipped: SkippedFile[];
  /** Paths the user named that are not JavaScript or TypeScript. */
  readonly notLintable: string[];
  /** Findings (messages from this plugin's rules). */
  readonly findingCount: number;
  /** Files that could not be parsed, or that the scan could not finish. */
  readonly failedFileCount: number;
  /** Calls to the redact runtime, when `treatments` was asked for; otherwise empty. */
  readonly treatments: Treatment[];
}

/**
 * Scans files with the plugin's recommended rules and the built-in config,
 * never the project's own ESLint config. Bad files give per-file errors in
 * the results, never an exception; only a path that does not exist throws
 * (`MissingPathError`).
 */
export async function scan(options: ScanOptions = {}): Promise<ScanResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const paths = options.paths && options.paths.length > 0 ? options.paths : ['.'];
  const { files, notLintable } = collectFiles(paths, { cwd, extraIgnores: options.ignore ?? [] });
  const linter = new FileLinter(configRoot(cwd, files), options);

  const results: ESLint.LintResult[] = [];
  const skipped: SkippedFile[] = [];
  for (const [index, filePath] of files.entries()) {
    const outcome = await linter.lint(filePath);
    if ('reason' in outcome) skipped.push(outcome);
    else results.push(outcome);
    options.onProgress?.(index + 1, files.length, filePath);
  }

  const rulesMeta = await linter.rulesMeta(results);
  let findingCount = 0;
  let failedFileCount = 0;
  for (const result of results) {
    findingCount += result.messages.filter((message) => !message.fatal).length;
    if (result.fatalErrorCount > 0) failedFileCount++;
  }
  return { results, rulesMeta, cwd, skipped, notLintable, findingCount, failedFileCount, treatments: linter.treatments };
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

class FileLinter {
  readonly treatments: Treatment[] = [];
  private readonly primary: ESLint;
  private scriptFallback: ESLint | undefined;

  constructor(
    private readonly root: string,
    private readonly options: ScanOptions,
  ) {
    this.primary = createEngine(root, this.config());
  }

  private config(): Linter.Config[] {
    const config = createBuiltinConfig(this.options);
    if (!this.options.treatments) return config;
    const redactModule = this.options.ruleOptions?.['redactModule'];
    const ruleOptions = typeof redactModule === 'string' && redactModule !== '' ? { redactModule } : {};
    // typescript-eslint's rule type, seen through ESLint's own.
    const rule: unknown = treatmentsRule;
    return [
      ...config,
      {
        name: 'online-identifiers/builtin/inventory',
        files: LINTABLE_EXTENSIONS.map((extension) => `**/*${extension}`),
        plugins: { [INVENTORY_PLUGIN]: { rules: { treatments: rule as Rule.RuleModule } } },
        rules: { [TREATMENTS_RULE_ID]: ['warn', ruleOptions] },
      },
    ];
  }

  async lint(filePath: string): Promise<ESLint.LintResult | SkippedFile> {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(filePath);
    } catch (error) {
      return failedResult(filePath, `Could not read the file: ${errorText(error)}`);
    }
    if (bytes.length > MAX_FILE_BYTES) {
      return { filePath, reason: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB (${(bytes.length / 1024 / 1024).toFixed(1)} MB)` };
    }
    if (bytes.subarray(0, 8000).includes(0)) return { filePath, reason: 'binary content' };
    const text = bytes.toString('utf8');

    let result = await this.lintWith(this.primary, text, filePath);
    if (hasParseError(result) && /\.jsx?$/i.test(filePath)) {
      // Plain .js may be a sloppy-mode script (`with`, octal literals,
      // top-level return); parse it as CommonJS before giving up.
      this.scriptFallback ??= createEngine(this.root, withScriptJs(this.config()));
      const retry = await this.lintWith(this.scriptFallback, text, filePath);
      if (!hasParseError(retry)) result = retry;
    }
    return result;
  }

  async rulesMeta(results: ESLint.LintResult[]): Promise<Record<string, Rule.RuleMetaData>> {
    return Promise.resolve(this.primary.getRulesMetaForResults(results));
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

  private async lintWith(engine: ESLint, text: string, filePath: string): Promise<ESLint.LintResult> {
    try {
      const [result] = await engine.lintText(text, { filePath, warnIgnored: false });
      if (!result) return failedResult(filePath, 'ESLint returned no result for this file.');
      return onlyOwnMessages(this.takeTreatments(result));
    } catch (error) {
      // A rule that throws must cost one file, not the whole scan.
      return failedResult(filePath, `online-identifiers could not scan this file (please report it): ${errorText(error)}`);
    }
  }
}

function createEngine(root: string, config: Linter.Config[]): ESLint {
  return new ESLint({
    cwd: root,
    overrideConfigFile: true,
    // Which files to scan is decided by collectFiles (node_modules, .gitignore),
    // so ESLint's own default ignores must not drop a file the user named.
    // (Not `ignore: false`: that would switch off this negation and keep the defaults.)
    overrideConfig: [{ ignores: ['!**/node_modules/'] }, ...config],
  });
}

function withScriptJs(config: Linter.Config[]): Linter.Config[] {
  return config.map((entry) =>
    entry.name === 'online-identifiers/builtin/javascript'
      ? { ...entry, languageOptions: { ...entry.languageOptions, sourceType: 'commonjs' } }
      : entry,
  );
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
