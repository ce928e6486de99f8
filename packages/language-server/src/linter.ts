// Runs this project's rules (and nothing else) on in-memory text with
// ESLint's `Linter` in flat-config mode. Which rules run, at which severity
// and with which options comes from the caller (built-in defaults or the
// project's own config, see project-config.ts); parsing always uses the
// built-in language options so the editor never needs type information.
import * as path from 'node:path';
import { Linter } from 'eslint';
import { LINTABLE_EXTENSIONS } from 'online-identifiers';
import { FAST_PARSER_FILES, FAST_TYPESCRIPT_FILES, fastJavaScriptParser, fastTypeScriptParser } from './fast-parser';
import { describeTopLevelStatements, type AstNode, type TopLevelStatement } from './top-level-statements';

/** The prefix the plugin is registered under; every rule id starts with it. */
export const RULE_PREFIX = 'online-identifiers/';

/** ESLint's `ruleFilter`: this plugin's rules, nothing a file's inline config turns on besides. */
const onlyOurRules = ({ ruleId }: { ruleId: string }): boolean => ruleId.startsWith(RULE_PREFIX);

/** Extensions linted whatever the language id says: the scan command's own list. */
export { LINTABLE_EXTENSIONS };

/** LSP language ids linted, with the extension used when the file name has none of ours. */
const LANGUAGE_EXTENSIONS: Readonly<Record<string, string>> = {
  javascript: '.js',
  javascriptreact: '.jsx',
  typescript: '.ts',
  typescriptreact: '.tsx',
};

/** Over this size a document is skipped: it is generated or bundled, not written by hand. */
export const MAX_LINT_BYTES = 2 * 1024 * 1024;

export interface RuleModuleLike {
  meta?: { docs?: { url?: string; description?: string }; schema?: unknown };
}

export interface PluginLike {
  rules?: Record<string, RuleModuleLike>;
}

export type LintOutcome =
  /** `statements`: the program's top-level statements, when asked for (what a region lint of the next edit builds on). */
  | { kind: 'ok'; messages: Linter.LintMessage[]; statements?: TopLevelStatement[] }
  /** The text does not parse; the position is 1-based as ESLint gives it. */
  | { kind: 'parse-error'; message: string; line: number; column: number }
  /** The rules' options were rejected (a project config problem). */
  | { kind: 'config-error'; error: Error }
  /** A rule threw. */
  | { kind: 'crash'; error: Error; ruleId: string | undefined }
  /** The config does not cover this file name. */
  | { kind: 'not-covered' };

/** Whether a document is JavaScript or TypeScript, by language id or by extension. */
export function isLintable(languageId: string | undefined, filePath: string): boolean {
  return LINTABLE_EXTENSIONS.includes(path.extname(filePath).toLowerCase()) || (languageId !== undefined && languageId in LANGUAGE_EXTENSIONS);
}

/**
 * The file name handed to ESLint: the real one when its extension is ours,
 * otherwise the real one plus the extension for the language id, so that
 * `files` patterns pick the right parser (an untitled TypeScript buffer, a
 * script without extension marked as JavaScript).
 */
export function lintFileName(languageId: string | undefined, filePath: string): string {
  if (LINTABLE_EXTENSIONS.includes(path.extname(filePath).toLowerCase())) return filePath;
  const extension = (languageId && LANGUAGE_EXTENSIONS[languageId]) ?? '.js';
  return filePath + extension;
}

function errorOf(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}

function schemaMentions(rule: RuleModuleLike | undefined, key: string): boolean {
  try {
    return JSON.stringify(rule?.meta?.schema ?? null).includes(`"${key}"`);
  } catch {
    return false;
  }
}

function severityOf(entry: Linter.RuleEntry | undefined): Linter.RuleSeverity {
  const level = Array.isArray(entry) ? entry[0] : entry;
  return level ?? 'off';
}

function isOff(entry: Linter.RuleEntry | undefined): boolean {
  const level = severityOf(entry);
  return level === 'off' || level === 0;
}

export interface RuleLinterOptions {
  plugin: PluginLike;
  /** The built-in flat config (createBuiltinConfig() of the `online-identifiers` package). */
  builtinConfig: Linter.Config[];
}

export class RuleLinter {
  private readonly linters = new Map<string, Linter>();
  private readonly builtin: Linter.Config[];
  private readonly builtinRuleEntries: Linter.RulesRecord;
  private readonly allFiles: string[];

  constructor(private readonly options: RuleLinterOptions) {
    this.builtin = options.builtinConfig;
    const rules: Linter.RulesRecord = {};
    const files = new Set<string>();
    for (const config of this.builtin) {
      for (const pattern of config.files ?? []) if (typeof pattern === 'string') files.add(pattern);
      for (const [id, entry] of Object.entries(config.rules ?? {})) if (id.startsWith(RULE_PREFIX) && entry !== undefined) rules[id] = entry;
    }
    this.builtinRuleEntries = rules;
    this.allFiles = files.size > 0 ? [...files] : LINTABLE_EXTENSIONS.map((extension) => `**/*${extension}`);
  }

  /** The rules the built-in config turns on, with their severities. */
  get builtinRules(): Linter.RulesRecord {
    return this.builtinRuleEntries;
  }

  /** Every rule id of the plugin, prefixed. */
  get ruleIds(): string[] {
    return Object.keys(this.options.plugin.rules ?? {}).map((name) => RULE_PREFIX + name);
  }

  rule(ruleId: string): RuleModuleLike | undefined {
    return ruleId.startsWith(RULE_PREFIX) ? this.options.plugin.rules?.[ruleId.slice(RULE_PREFIX.length)] : undefined;
  }

  docsUrl(ruleId: string | null): string | undefined {
    return ruleId ? this.rule(ruleId)?.meta?.docs?.url : undefined;
  }

  /**
   * Adds `redactModule` to every rule that accepts it, unless the rule's
   * options already name one (the project's config wins, so the editor's
   * quick-fixes import what CI expects).
   */
  withRedactModule(rules: Linter.RulesRecord, redactModule: string): Linter.RulesRecord {
    if (!redactModule) return rules;
    const result: Linter.RulesRecord = {};
    for (const [id, entry] of Object.entries(rules)) {
      if (isOff(entry) || !schemaMentions(this.rule(id), 'redactModule')) {
        result[id] = entry;
        continue;
      }
      const [level, first, ...rest] = Array.isArray(entry) ? entry : [entry];
      if (first === undefined) {
        result[id] = [level, { redactModule }];
      } else if (typeof first === 'object' && first !== null && !Array.isArray(first)) {
        const options = first as Record<string, unknown>;
        result[id] = [level, 'redactModule' in options ? options : { ...options, redactModule }, ...rest];
      } else {
        result[id] = entry;
      }
    }
    return result;
  }

  /**
   * Lints `text` as `filePath` with exactly `rules` (ids outside the plugin
   * are dropped). `cwd` is where `files`/`ignores` patterns are relative to.
   * With `options.statements`, an `ok` outcome also describes the program's
   * top-level statements (top-level-statements.ts). Never throws: a rule
   * that throws is a `crash` outcome.
   */
  lint(text: string, filePath: string, rules: Linter.RulesRecord, cwd: string, options: { statements?: boolean } = {}): LintOutcome {
    const onlyOurs: Linter.RulesRecord = {};
    for (const id of this.ruleIds) onlyOurs[id] = 'off';
    for (const [id, entry] of Object.entries(rules)) if (id.startsWith(RULE_PREFIX) && this.rule(id)) onlyOurs[id] = entry;

    const config: Linter.Config[] = [
      ...this.builtin,
      // The editor always parses with the fast parser, whatever the built-in config's default becomes.
      // Only the plugin's rules run here: they build tokens through the parser's lazyTokens service when a fix needs them.
      { name: 'online-identifiers/language-server/parser', files: FAST_PARSER_FILES, languageOptions: { parser: fastJavaScriptParser, parserOptions: { lazyTokens: true } } },
      { name: 'online-identifiers/language-server/typescript-parser', files: FAST_TYPESCRIPT_FILES, languageOptions: { parser: fastTypeScriptParser, parserOptions: { lazyTokens: true } } },
      {
        name: 'online-identifiers/language-server',
        files: this.allFiles,
        // Disable comments for other tools' rules are not ours to report.
        linterOptions: { reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
        rules: onlyOurs,
      },
    ];

    let messages: Linter.LintMessage[];
    const linter = this.linterFor(cwd);
    try {
      // Only the plugin's rules run, even where a `/* eslint rule: ... */` comment turns others on
      // (their token store is empty: the parser builds tokens lazily for the plugin's fixes).
      // (ESLint's Linter reads `ruleFilter` from these options; its LintOptions type does not list it.)
      messages = linter.verify(text, config, { filename: filePath, ruleFilter: onlyOurRules } as Linter.LintOptions);
    } catch (thrown) {
      const error = errorOf(thrown);
      if (/Key "rules"|Configuration for rule|Invalid rule|Could not find .* in plugin/.test(error.message)) {
        return { kind: 'config-error', error };
      }
      const ruleId = /Rule: "([^"]+)"/.exec(error.message)?.[1];
      return { kind: 'crash', error, ruleId };
    }

    const fatal = messages.find((message) => message.fatal);
    if (fatal) return { kind: 'parse-error', message: fatal.message, line: fatal.line, column: fatal.column };
    if (messages.length === 1 && messages[0]?.ruleId === null && messages[0].message.startsWith('No matching configuration')) {
      return { kind: 'not-covered' };
    }
    const ours = messages.filter((message) => message.ruleId?.startsWith(RULE_PREFIX));
    if (!options.statements) return { kind: 'ok', messages: ours };
    const sourceCode = linter.getSourceCode();
    const statements = sourceCode
      ? describeTopLevelStatements(sourceCode.ast as unknown as AstNode, sourceCode.visitorKeys)
      : undefined;
    return statements ? { kind: 'ok', messages: ours, statements } : { kind: 'ok', messages: ours };
  }

  /** One Linter per base directory; few exist (workspace folders and file-system roots). */
  private linterFor(cwd: string): Linter {
    let linter = this.linters.get(cwd);
    if (!linter) {
      if (this.linters.size >= 32) this.linters.clear();
      linter = new Linter({ cwd, configType: 'flat' });
      this.linters.set(cwd, linter);
    }
    return linter;
  }
}
